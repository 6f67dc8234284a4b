package vn.egov.sdk.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code egov edxml inspect} in a new JVM through {@code Egov.main}, as the jar runs it: it prints the table, exits
 * 0, and loads none of the libraries it does not need for that (Jackson, OkHttp, Bouncy Castle, SLF4J), nor builds
 * the model of commands that were not named (picocli would reflect over their options' classes).
 */
class StartupClassesTest {
    /**
     * Classes of other commands that picocli's model would load: their subcommands and option classes (the group
     * classes, {@code AxisCommand} and the like, are loaded when the root's annotation is read, not reflected over).
     */
    private static final Pattern OTHER_COMMANDS_PARTS =
            Pattern.compile("vn\\.egov\\.sdk\\.cli\\.internal\\.(Key|Trust|Axis|Pay|Progress)(?!Command$).*");

    @TempDir
    Path dir;

    @Test
    void inspectLoadsOnlyWhatItNeeds() throws IOException, InterruptedException {
        Path pkg = Samples.write(dir, "doc.edxml", Samples.document(Samples.header().build()));
        Path log = dir.resolve("classes.log");
        Path out = dir.resolve("out.txt");
        Process java = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xlog:class+load=info:file=" + log, "-cp", System.getProperty("java.class.path"),
                Egov.class.getName(), "edxml", "inspect", pkg.toString())
                .redirectErrorStream(true).redirectOutput(out.toFile()).start();
        assertTrue(java.waitFor(60, TimeUnit.SECONDS), "exited");
        String printed = Files.readString(out, StandardCharsets.UTF_8);
        assertEquals(0, java.exitValue(), printed);
        assertTrue(printed.startsWith("Kind "), printed);
        List<String> loaded = Files.readAllLines(log, StandardCharsets.UTF_8).stream()
                .map(line -> line.split(" ")).filter(f -> f.length > 1).map(f -> f[1]).collect(Collectors.toList());
        assertTrue(loaded.contains("vn.egov.sdk.cli.internal.EdxmlInspect"), "the log lists the command");
        List<String> unwanted = loaded.stream().filter(name -> name.startsWith("com.fasterxml.jackson.")
                || name.startsWith("okhttp3.") || name.startsWith("org.bouncycastle.") || name.startsWith("org.slf4j.")
                || OTHER_COMMANDS_PARTS.matcher(name).matches()).collect(Collectors.toList());
        assertEquals(List.of(), unwanted);
    }
}
