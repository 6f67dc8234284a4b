package vn.egov.sdk.benchmarks;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The classes the JVM loads to run {@code egov edxml inspect} on a 1 KB package (and, for comparison, the baseline
 * class and {@code egov --help}, which builds the whole command model): a count that does not depend on the
 * machine's load, from {@code -Xlog:class+load}. It prints, per run, the classes loaded in all, those from the JDK's
 * class-data sharing archive (mapped, cheap) and the others (read, parsed and verified: the start-up's cost), and
 * the packages (first three names) of the others, most first.
 *
 * <p>From the repository root: {@code java -cp benchmarks/target/benchmarks.jar
 * vn.egov.sdk.benchmarks.CliStartupClasses [egov.jar]} (default {@code sdk-cli/target/egov.jar}).
 */
public final class CliStartupClasses {
    private static final String SHARED = "source: shared objects file";

    private CliStartupClasses() {
    }

    /**
     * Runs the three processes and prints their class counts.
     *
     * @param args optionally the egov jar
     * @throws Exception when a process fails
     */
    public static void main(String[] args) throws Exception {
        Path jar = CliProcess.egovJar(args.length > 0 ? args[0] : "sdk-cli/target/egov.jar");
        Path dir = Files.createTempDirectory("cli-classes");
        try {
            Path classes = dir.resolve("classes");
            CliProcess.writeHello(classes);
            Path pkg = dir.resolve("small.edxml");
            long size = CliProcess.writeSmallPackage(pkg);
            System.out.println("egov jar: " + jar + "; package: " + size + " bytes; java " + Runtime.version());
            Path log = dir.resolve("classes.log");
            String logOption = "-Xlog:class+load=info:file=" + log;
            report("java -cp DIR CliStartupHello", log, List.of(CliProcess.java(), logOption, "-cp",
                    classes.toString(), CliStartupHello.class.getName()));
            report("egov edxml inspect PACKAGE", log, CliProcess.egovInspect(jar, pkg, logOption));
            report("egov --help", log, List.of(CliProcess.java(), logOption, "-jar", jar.toString(), "--help"));
        } finally {
            EdXmlFixtures.deleteTree(dir);
        }
    }

    private static void report(String title, Path log, List<String> command) throws Exception {
        Files.deleteIfExists(log);
        Process process = CliProcess.start(command);
        CliProcess.firstLine(process);
        CliProcess.finish(process);
        List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
        int shared = 0;
        Map<String, Integer> byPackage = new TreeMap<>();
        for (String line : lines) {
            if (line.contains(SHARED)) {
                shared++;
                continue;
            }
            String[] fields = line.split(" ");
            if (fields.length > 1) {
                byPackage.merge(packageOf(fields[1]), 1, Integer::sum);
            }
        }
        int others = lines.size() - shared;
        System.out.printf("%n%s: %d classes loaded, %d from the CDS archive, %d others%n", title, lines.size(),
                shared, others);
        List<Map.Entry<String, Integer>> top = new ArrayList<>(byPackage.entrySet());
        top.sort(Map.Entry.<String, Integer>comparingByValue(Comparator.reverseOrder())
                .thenComparing(Map.Entry.comparingByKey()));
        top.stream().limit(15).forEach(e -> System.out.printf("  %5d  %s%n", e.getValue(), e.getKey()));
    }

    /** The first three names of a class's package ({@code picocli} for {@code picocli.CommandLine$Help}). */
    private static String packageOf(String className) {
        String[] parts = className.split("\\.");
        int names = Math.min(parts.length - 1, 3);
        return names <= 0 ? "(default)" : String.join(".", List.of(parts).subList(0, names));
    }
}
