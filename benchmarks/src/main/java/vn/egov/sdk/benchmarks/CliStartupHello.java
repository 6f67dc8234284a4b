package vn.egov.sdk.benchmarks;

/**
 * The baseline of {@link CliStartupBenchmark}: a class that prints one line and exits, started from a directory
 * holding only it, so its time is the JVM's own start-up and shut-down.
 */
public final class CliStartupHello {
    private CliStartupHello() {
    }

    /**
     * Prints one line.
     *
     * @param args ignored
     */
    public static void main(String[] args) {
        System.out.println("hello");
    }
}
