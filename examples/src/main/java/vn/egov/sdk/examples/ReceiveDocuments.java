package vn.egov.sdk.examples;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import vn.egov.sdk.axis.VdxpAxisClient;
import vn.egov.sdk.testkit.NationalSandbox;

/**
 * Receives documents from the national axis with a {@link vn.egov.sdk.axis.ReceiveLoop}: list, fetch, hand to a
 * handler (which stores the package and answers with status 03), acknowledge {@code done}; checkpoints in a file so a
 * restart loses nothing and repeats a hand-over only after a crash inside it (at least once: the repeat comes with
 * {@code attempt() > 1}). So that there is something to receive, it first sends one letter to
 * itself through the sandbox. Writes {@code received.edxml}, {@code status.edxml} and the checkpoint file to
 * {@code --out DIR} (default {@code target/examples}).
 */
public final class ReceiveDocuments {
    private ReceiveDocuments() {
    }

    /**
     * Entry point.
     *
     * @param args {@code --out DIR}
     * @throws IOException if the output folder cannot be written
     */
    public static void main(String[] args) throws IOException {
        Path out = Tour.parseOut(args, Path.of("target", "examples"));
        Files.createDirectories(out);
        try (NationalSandbox sandbox = NationalSandbox.start();
             VdxpAxisClient sender = AxisDemo.sender(sandbox);
             VdxpAxisClient receiver = AxisDemo.receiver(sandbox)) {
            AxisDemo.send(sender, AxisDemo.letter("102"), out.resolve("sent.edxml"));
            AxisDemo.Received r = AxisDemo.receiveOnce(receiver, out.resolve("checkpoints.log"), out,
                    AxisDemo.RECEIVER);
            System.out.println("Received " + r.documents() + " document(s) " + r.docIds() + ", acknowledged and "
                    + "answered with status 03; wrote " + out.resolve("received.edxml"));
        }
    }
}
