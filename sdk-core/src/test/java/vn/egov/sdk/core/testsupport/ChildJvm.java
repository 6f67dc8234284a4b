package vn.egov.sdk.core.testsupport;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A child JVM on the test's class path, for tests that kill a real process ({@link #kill()} is
 * {@link Process#destroyForcibly()}, SIGKILL where there are signals): its output is read line by line on a daemon
 * thread, kept as a transcript, and can be waited for.
 *
 * <p>The child writes its output to a file, which the reader thread follows, rather than to a pipe: a pipe read while
 * the JDK reaps the killed process can end in {@code IOException: Stream closed} with lines still unread, whereas
 * every byte the child wrote to the file is there after its death. Once {@link #kill()} or {@link #exit()} returns,
 * the transcript holds everything the child printed.
 */
public final class ChildJvm {
    private final Process process;
    private final StringBuffer transcript = new StringBuffer();
    private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();
    private final Thread reader;

    private ChildJvm(Process process, Path output, String label) {
        this.process = process;
        transcript.append("--- run, ").append(label).append('\n');
        reader = new Thread(() -> follow(output), "child-jvm-output " + label);
        reader.setDaemon(true);
        reader.start();
    }

    /** Reads the output file as it grows, to its end once the process is gone; then deletes it. */
    private void follow(Path output) {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        try (InputStream in = Files.newInputStream(output)) {
            while (true) {
                boolean ended = !process.isAlive(); // checked before the read: nothing comes after an end seen here
                for (int n = in.read(buffer); n > 0; n = in.read(buffer)) {
                    for (int i = 0; i < n; i++) {
                        if (buffer[i] == '\n') {
                            take(line);
                        } else {
                            line.write(buffer[i]);
                        }
                    }
                }
                if (ended) {
                    if (line.size() > 0) {
                        take(line); // a line the death cut
                    }
                    return;
                }
                Thread.sleep(5);
            }
        } catch (IOException e) {
            transcript.append("--- the output could not be read: ").append(e).append('\n');
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            try {
                Files.deleteIfExists(output);
            } catch (IOException ignored) {
                // a temporary file; the OS cleans its temporary folder
            }
        }
    }

    private void take(ByteArrayOutputStream bytes) {
        String line = bytes.toString(StandardCharsets.UTF_8);
        bytes.reset();
        transcript.append(line).append('\n');
        lines.add(line);
    }

    /**
     * Starts {@code main} in a new JVM (128 MB heap, quick start-up), its error output merged into its output.
     *
     * @param main the class whose {@code main} runs
     * @param label what the transcript calls this run
     * @param args the arguments
     * @return the running child
     * @throws IOException if the JVM cannot be started
     */
    public static ChildJvm start(Class<?> main, String label, String... args) throws IOException {
        Path java = Paths.get(System.getProperty("java.home"), "bin", "java");
        List<String> command = new ArrayList<>(List.of(java.toString(), "-Xmx128m", "-XX:TieredStopAtLevel=1",
                "-cp", System.getProperty("java.class.path"), main.getName()));
        command.addAll(List.of(args));
        Path output = Files.createTempFile("child-jvm-", ".out");
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile())
                .start();
        return new ChildJvm(process, output, label);
    }

    /** The process. */
    public Process process() {
        return process;
    }

    /** Everything it printed so far. */
    public String transcript() {
        return transcript.toString();
    }

    /**
     * The next line it printed, waiting up to {@code millis}.
     *
     * @param millis how long to wait
     * @return the line, or null if none came
     * @throws InterruptedException if interrupted
     */
    public String poll(long millis) throws InterruptedException {
        return lines.poll(millis, TimeUnit.MILLISECONDS);
    }

    /**
     * Waits (up to 30 s) until it prints exactly {@code line}; fails the test (killing it) otherwise.
     *
     * @param line the line
     * @throws InterruptedException if interrupted
     */
    public void await(String line) throws InterruptedException {
        awaitMatching(line, false);
    }

    /**
     * Waits (up to 30 s) until it prints a line starting with {@code prefix}; fails the test (killing it) otherwise.
     *
     * @param prefix the start of the line
     * @throws InterruptedException if interrupted
     */
    public void awaitPrefix(String prefix) throws InterruptedException {
        awaitMatching(prefix, true);
    }

    private void awaitMatching(String line, boolean prefix) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (System.nanoTime() < deadline) {
            String l = lines.poll(100, TimeUnit.MILLISECONDS);
            if (l != null && (prefix ? l.startsWith(line) : line.equals(l))) {
                return;
            }
            if (l == null && !process.isAlive() && lines.isEmpty()) {
                break;
            }
        }
        process.destroyForcibly();
        fail("the child never printed " + line + "\n" + transcript);
    }

    /**
     * Whether it ends within {@code millis}.
     *
     * @param millis how long to wait
     * @return true if it ended
     * @throws InterruptedException if interrupted
     */
    public boolean exitsWithin(long millis) throws InterruptedException {
        return process.waitFor(millis, TimeUnit.MILLISECONDS);
    }

    /**
     * Kills it (SIGKILL) and waits for it to end and for its output to be read to the end: when this returns,
     * {@link #transcript()} holds every line it printed before it died.
     *
     * @throws InterruptedException if interrupted
     */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        assertTrue(process.waitFor(30, TimeUnit.SECONDS), "killed process did not end");
        awaitOutputRead();
    }

    /**
     * Waits (up to 60 s) for it to end by itself and for its output to be read to the end; fails the test (killing
     * it) if it hangs.
     *
     * @return its exit code
     * @throws InterruptedException if interrupted
     */
    public int exit() throws InterruptedException {
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            fail("the child hung\n" + transcript);
        }
        awaitOutputRead();
        return process.exitValue();
    }

    private void awaitOutputRead() throws InterruptedException {
        reader.join(TimeUnit.SECONDS.toMillis(30));
        assertTrue(!reader.isAlive(), "the ended process's output was not read to its end in 30 s");
    }
}
