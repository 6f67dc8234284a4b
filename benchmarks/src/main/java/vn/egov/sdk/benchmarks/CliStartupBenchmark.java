package vn.egov.sdk.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Start-up of the {@code egov} command line, each invocation a new {@code java} process (the JDK running JMH, its
 * default class-data sharing archive), one at a time:
 *
 * <ul>
 *   <li>{@link #baselineHello}: {@code java -cp DIR CliStartupHello}, a class alone in a directory that prints one
 *       line: the JVM's own start-up and exit, the raw floor.</li>
 *   <li>{@link #egovInspectFirstLine}: {@code java -jar egov.jar edxml inspect PACKAGE} on a 1 KB package (written
 *       by the SDK's writer at set-up), until its first line of output is read; the exit is awaited after the
 *       measured time (and checked to be 0).</li>
 *   <li>{@link #egovInspectToExit}: the same, until the process has exited.</li>
 * </ul>
 *
 * Run it from the repository root after building the jar ({@code mvn -B -q -pl sdk-cli -am -DskipTests package}),
 * or pass {@code -p egovJar=PATH}. Class counts, which do not depend on the machine's load:
 * {@link CliStartupClasses}. docs/PERFORMANCE.md has the command and the figures.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3)
@Measurement(iterations = 20)
@Fork(1)
public class CliStartupBenchmark {
    /** The egov jar, from the repository root by default; several (comma-separated {@code -p egovJar=A,B}) compare. */
    @Param("sdk-cli/target/egov.jar")
    public String egovJar;

    private Path dir;
    private List<String> hello;
    private List<String> inspect;
    private Process pending;

    /**
     * Writes the baseline class and the package to a temporary directory.
     *
     * @throws IOException when they cannot be written
     */
    @Setup(Level.Trial)
    public void setUp() throws IOException {
        dir = Files.createTempDirectory("cli-startup");
        Path classes = dir.resolve("classes");
        CliProcess.writeHello(classes);
        hello = List.of(CliProcess.java(), "-cp", classes.toString(), CliStartupHello.class.getName());
        Path pkg = dir.resolve("small.edxml");
        CliProcess.writeSmallPackage(pkg);
        inspect = CliProcess.egovInspect(CliProcess.egovJar(egovJar), pkg);
    }

    /**
     * Waits for the process whose first line was measured, outside the measured time.
     *
     * @throws Exception when it failed
     */
    @TearDown(Level.Invocation)
    public void awaitExit() throws Exception {
        if (pending != null) {
            Process process = pending;
            pending = null;
            CliProcess.finish(process);
        }
    }

    /** Removes the temporary directory. */
    @TearDown(Level.Trial)
    public void tearDown() {
        EdXmlFixtures.deleteTree(dir);
    }

    /**
     * The raw floor: a JVM that prints one line and exits.
     *
     * @return the line printed
     * @throws Exception when the process fails
     */
    @Benchmark
    public String baselineHello() throws Exception {
        Process process = CliProcess.start(hello);
        String line = CliProcess.firstLine(process);
        CliProcess.finish(process);
        return line;
    }

    /**
     * {@code egov edxml inspect} until its first line of output.
     *
     * @return the first line
     * @throws Exception when the process fails
     */
    @Benchmark
    public String egovInspectFirstLine() throws Exception {
        Process process = CliProcess.start(inspect);
        pending = process;
        return CliProcess.firstLine(process);
    }

    /**
     * {@code egov edxml inspect} until the process has exited.
     *
     * @return the first line
     * @throws Exception when the process fails
     */
    @Benchmark
    public String egovInspectToExit() throws Exception {
        Process process = CliProcess.start(inspect);
        String line = CliProcess.firstLine(process);
        CliProcess.finish(process);
        return line;
    }
}
