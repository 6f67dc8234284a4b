package vn.egov.sdk.core.testsupport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the kill tests rely on: once {@link ChildJvm#kill()} returns, the transcript holds every line the child
 * printed before it died, however far the reader thread was behind. The child below is far ahead of it (it prints
 * 50,000 lines and is killed the moment it has), which is where reading a pipe lost lines: a fixed wait after the kill
 * was too short on a loaded machine, and a pipe read while the JDK reaps the dead process could end in
 * {@code IOException: Stream closed} with lines unread.
 */
class ChildJvmTest {
    private static final int LINES = 50_000;

    @TempDir
    Path work;

    @Test
    @Timeout(120)
    void afterKillTheTranscriptHoldsEverythingTheChildPrinted() throws Exception {
        for (int round = 0; round < 3; round++) {
            Path printed = work.resolve("printed-" + round);
            ChildJvm c = ChildJvm.start(PrintingChild.class, "printer " + round, Integer.toString(LINES),
                    printed.toString());
            long deadline = System.nanoTime() + 60_000_000_000L;
            while (!Files.exists(printed) && System.nanoTime() < deadline) {
                Thread.sleep(1);
            }
            assertTrue(Files.exists(printed), "the child never finished printing\n" + c.transcript());
            c.kill();
            String transcript = c.transcript();
            assertTrue(transcript.endsWith("line " + (LINES - 1) + " .\n"),
                    "lines are missing at the end: " + transcript.substring(Math.max(0, transcript.length() - 80)));
            assertEquals(LINES + 1, transcript.split("\n").length, "the label line and every printed line");
        }
    }
}
