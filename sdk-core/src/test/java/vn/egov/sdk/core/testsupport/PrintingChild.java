package vn.egov.sdk.core.testsupport;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A child for {@link ChildJvmTest}: prints {@code count} lines {@code line <i> .}, then creates a marker file (so the
 * test knows everything was printed without reading the output), then waits to be killed.
 */
public final class PrintingChild {
    private PrintingChild() {
    }

    /**
     * Prints, marks, waits.
     *
     * @param args how many lines, and the marker file
     * @throws IOException if the marker cannot be written
     * @throws InterruptedException never: the test kills it
     */
    public static void main(String[] args) throws IOException, InterruptedException {
        int count = Integer.parseInt(args[0]);
        for (int i = 0; i < count; i++) {
            System.out.println("line " + i + " .");
        }
        System.out.flush();
        Files.writeString(Path.of(args[1]), "printed");
        Thread.sleep(Long.MAX_VALUE);
    }
}
