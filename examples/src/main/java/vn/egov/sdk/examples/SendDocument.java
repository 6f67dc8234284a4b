package vn.egov.sdk.examples;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import vn.egov.sdk.axis.SendResult;
import vn.egov.sdk.axis.VdxpAxisClient;
import vn.egov.sdk.testkit.NationalSandbox;

/**
 * Sends an official letter through the national document axis (VDXP), here the sandbox's: builds the edXML
 * package, validates and signs nothing (no signer configured), uploads it with the {@code XroadVnpt-*} HMAC header
 * bundle and prints the axis' id. Writes {@code sent.edxml} to {@code --out DIR} (default {@code target/examples}).
 *
 * <p>Against the real axis, build the client with its endpoint, your system id ({@code vxp.xxx.NN}) and secret.
 */
public final class SendDocument {
    private SendDocument() {
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
        try (NationalSandbox sandbox = NationalSandbox.start(); VdxpAxisClient client = AxisDemo.sender(sandbox)) {
            SendResult result = AxisDemo.send(client, AxisDemo.letter("101"), out.resolve("sent.edxml"));
            System.out.println("Sent to " + AxisDemo.RECEIVER.organName() + ": axis docId " + result.docId()
                    + ", DocumentId " + result.documentId() + "; wrote " + out.resolve("sent.edxml"));
        }
    }
}
