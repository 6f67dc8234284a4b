package vn.egov.sdk.benchmarks;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import vn.egov.sdk.edxml.DocumentPackage;
import vn.egov.sdk.edxml.DocumentType;
import vn.egov.sdk.edxml.EdXml;
import vn.egov.sdk.edxml.EdocStatus;
import vn.egov.sdk.edxml.EdXmlPackages;
import vn.egov.sdk.edxml.MessageHeader;
import vn.egov.sdk.edxml.Organization;
import vn.egov.sdk.edxml.StaffInfo;
import vn.egov.sdk.edxml.StatusPackage;

/** Starting {@code java} processes for the start-up measurements: the baseline class, the egov jar, a 1 KB package. */
final class CliProcess {
    private CliProcess() {
    }

    /** The {@code java} launcher of the JDK running this JVM (the same JDK for baseline and jar). */
    static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    /** The egov jar at {@code path}, which must exist. */
    static Path egovJar(String path) {
        Path jar = Path.of(path).toAbsolutePath();
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("no " + jar + ": build it with "
                    + "mvn -B -q -pl sdk-cli -am -DskipTests package, and run from the repository root");
        }
        return jar;
    }

    /** Writes {@link CliStartupHello}'s class file alone under {@code dir}, which becomes its class path. */
    static void writeHello(Path dir) throws IOException {
        String name = CliStartupHello.class.getName().replace('.', '/') + ".class";
        Path file = dir.resolve(name);
        Files.createDirectories(file.getParent());
        try (InputStream in = CliProcess.class.getClassLoader().getResourceAsStream(name)) {
            Files.copy(in, file);
        }
    }

    /**
     * A status package of about 1 KB (the reply "01 Đã đến" to a small document, no attachment), written by the SDK's
     * writer to {@code file}.
     *
     * @return its size in bytes
     */
    static long writeSmallPackage(Path file) throws IOException {
        StaffInfo staff = StaffInfo.of("Văn thư", "Nguyễn Văn A", null, null);
        MessageHeader header = MessageHeader.builder()
                .from(Organization.of("000.00.00.G22", "Văn phòng Chính phủ"))
                .addTo(Organization.of("000.00.00.H41", "UBND tỉnh Nghệ An"))
                .code("12", "VPCP-TTĐT")
                .promulgation("Hà Nội", LocalDate.of(2026, 11, 20))
                .documentType(DocumentType.of(1, 1, "Công văn"))
                .subject("V/v kiểm thử dòng lệnh")
                .build();
        DocumentPackage received = EdXmlPackages.newDocument(header, staff, List.of(), EdXmlFixtures.CLOCK);
        StatusPackage status = EdXmlPackages.statusReply(received, Organization.of("000.00.00.H41",
                "UBND tỉnh Nghệ An"), EdocStatus.RECEIVED, staff, "", EdXmlFixtures.CLOCK);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        EdXml.write(status, out);
        Files.write(file, out.toByteArray());
        return out.size();
    }

    /** The command that runs {@code egov edxml inspect PACKAGE}, with {@code jvmOptions} before {@code -jar}. */
    static List<String> egovInspect(Path jar, Path pkg, String... jvmOptions) {
        List<String> command = new ArrayList<>();
        command.add(java());
        command.addAll(List.of(jvmOptions));
        command.addAll(List.of("-jar", jar.toString(), "edxml", "inspect", pkg.toString()));
        return command;
    }

    /** Starts {@code command} with standard error merged into standard output. */
    static Process start(List<String> command) throws IOException {
        return new ProcessBuilder(command).redirectErrorStream(true).start();
    }

    /** Reads the process's first line of output; fails when it ends without one. */
    static String firstLine(Process process) throws IOException {
        BufferedReader reader = new BufferedReader(new InputStreamReader(process.getInputStream(),
                StandardCharsets.UTF_8));
        String line = reader.readLine();
        if (line == null) {
            throw new IllegalStateException("no output from " + process.info().commandLine().orElse("java"));
        }
        return line;
    }

    /** Reads the rest of the output and waits for the exit; fails unless it is 0. */
    static void finish(Process process) throws IOException, InterruptedException {
        process.getInputStream().transferTo(OutputStream.nullOutputStream());
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException("the process did not exit within 60 s");
        }
        if (process.exitValue() != 0) {
            throw new IllegalStateException("exit " + process.exitValue());
        }
    }
}
