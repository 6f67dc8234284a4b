package vn.egov.sdk.benchmarks;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The {@code NationalSandbox} in a JVM of its own ({@code java -jar sdk-testkit/target/national-sandbox.jar --port 0}),
 * so that what it stores and copies (the sandbox keeps every uploaded package in memory, and builds each
 * {@code getEdoc} answer as one string) is not on the benchmark JVM's heap. Started by a benchmark's
 * {@code @Setup(Level.Trial)}, stopped by its {@code @TearDown}.
 *
 * <p>The jar is {@code -Degov.sandboxJar=PATH}, else {@code sdk-testkit/target/national-sandbox.jar} looked up from the
 * working directory and its parents (build it with {@code mvn -pl benchmarks -am package}). The sandbox JVM gets
 * {@code -Degov.sandboxXmx} (default {@code 4g}): it holds every package sent during the trial.
 */
final class ExternalSandbox implements AutoCloseable {
    private static final String ANNOUNCEMENT = "NationalSandbox listening on ";
    private static final String JAR = "sdk-testkit/target/national-sandbox.jar";

    private final Process process;
    private final String baseUrl;

    private ExternalSandbox(Process process, String baseUrl) {
        this.process = process;
        this.baseUrl = baseUrl;
    }

    /** Starts the sandbox on a free port and waits (up to 60 s) until it announces its address. */
    static ExternalSandbox start() throws IOException {
        Path jar = locateJar();
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new ArrayList<>(List.of(java, "-Xmx" + System.getProperty("egov.sandboxXmx", "4g"),
                "-XX:+UseG1GC", "-jar", jar.toString(), "--port", "0"));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        // A fork that fails (an OutOfMemoryError in a small heap) exits without running @TearDown: the hook still
        // stops the sandbox, which would otherwise outlive the fork. (A fork killed with SIGKILL still leaks it.)
        Runtime.getRuntime().addShutdownHook(new Thread(p::destroyForcibly, "external-sandbox-stop"));
        BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
        StringBuilder seen = new StringBuilder();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        try {
            for (String line; (line = out.readLine()) != null; ) {
                int at = line.indexOf(ANNOUNCEMENT);
                if (at >= 0) {
                    String url = line.substring(at + ANNOUNCEMENT.length()).trim();
                    Thread drain = new Thread(() -> drain(out), "external-sandbox-output");
                    drain.setDaemon(true);
                    drain.start();
                    return new ExternalSandbox(p, url);
                }
                seen.append(line).append('\n');
                if (System.nanoTime() > deadline) {
                    break;
                }
            }
        } catch (IOException | RuntimeException e) {
            p.destroyForcibly();
            throw e;
        }
        p.destroyForcibly();
        throw new IllegalStateException("the sandbox (" + String.join(" ", command) + ") did not announce its address:\n"
                + seen);
    }

    /** {@code http://127.0.0.1:PORT}. */
    String baseUrl() {
        return baseUrl;
    }

    /** {@code baseUrl() + "/vdxp"}, as {@code NationalSandbox.vdxpUrl()}. */
    String vdxpUrl() {
        return baseUrl + "/vdxp";
    }

    /** The sandbox process' id (to look at its memory with {@code jcmd}). */
    long pid() {
        return process.pid();
    }

    @Override
    public void close() {
        process.destroy(); // SIGTERM: the sandbox's shutdown hook stops the server
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                process.waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    private static void drain(BufferedReader out) {
        try {
            for (String line; (line = out.readLine()) != null; ) {
                if (line.contains("WARN") || line.contains("ERROR") || line.contains("Exception")) {
                    System.err.println("[sandbox] " + line);
                }
            }
        } catch (IOException ignored) {
            // the process ended
        }
    }

    private static Path locateJar() {
        String configured = System.getProperty("egov.sandboxJar");
        if (configured != null) {
            Path p = Path.of(configured);
            if (!Files.isRegularFile(p)) {
                throw new IllegalStateException("-Degov.sandboxJar=" + configured + ": no such file");
            }
            return p.toAbsolutePath();
        }
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path p = dir.resolve(JAR);
            if (Files.isRegularFile(p)) {
                return p;
            }
        }
        throw new IllegalStateException(JAR + " not found from " + Path.of("").toAbsolutePath()
                + ": build it (mvn -pl benchmarks -am package) or pass -Degov.sandboxJar=PATH");
    }
}
