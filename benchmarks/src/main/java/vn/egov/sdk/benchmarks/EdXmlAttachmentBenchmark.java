package vn.egov.sdk.benchmarks;

import java.io.BufferedOutputStream;
import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.concurrent.TimeUnit;
import java.util.zip.CRC32;
import java.util.zip.CheckedOutputStream;
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
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;
import vn.egov.sdk.edxml.Attachment;
import vn.egov.sdk.edxml.AttachmentContent;
import vn.egov.sdk.edxml.DocumentPackage;
import vn.egov.sdk.edxml.EdXml;
import vn.egov.sdk.edxml.EdXmlPackage;
import vn.egov.sdk.edxml.EdXmlReadOptions;

/**
 * Reading and writing an edXML package with one large attachment (200 MiB of random bytes by default), each beside
 * the JDK's block base64 codec over the same bytes in memory, which is the floor:
 *
 * <ul>
 *   <li>{@link #rawDecode}: {@code Base64.getDecoder().decode(base64, dst)} of the attachment's base64 text, taken
 *       from the package file into memory before the trial, into a preallocated array.</li>
 *   <li>{@link #readToSink}: {@code EdXml.read(new FileInputStream(packageFile), options)} with a sink that discards
 *       the decoded bytes ({@code OutputStream.nullOutputStream()}).</li>
 *   <li>{@link #readToTempFile}: the same with the default options: the attachment is decoded to a temporary file,
 *       deleted when the package is closed at the end of the operation.</li>
 *   <li>{@link #rawEncode}: {@code Base64.getEncoder().encode(raw, dst)} of the attachment's bytes in memory into a
 *       preallocated array.</li>
 *   <li>{@link #writeToNull}: {@code EdXml.write(pkg, OutputStream.nullOutputStream())}, the attachment being
 *       {@code AttachmentContent.ofFile(rawFile)}.</li>
 *   <li>{@link #writeToFile}: the same into a {@code FileOutputStream} of a temporary file.</li>
 * </ul>
 *
 * One operation is the whole attachment, so the score is milliseconds per 200 MiB; MiB/s = 200 × 1000 ÷ score. The
 * package file is written once per trial (fork) with {@code EdXml.write} into a temporary directory and deleted at
 * the end. The SDK benchmarks run in forks with a 32 MiB heap (so an operation that kept more than about 25 MiB
 * would fail with an {@code OutOfMemoryError}); run with {@code -prof vn.egov.sdk.benchmarks.HeapGrowthProfiler}
 * to have each operation's heap growth reported ({@link HeapGrowthProfiler}). The raw benchmarks hold the whole
 * attachment in arrays and get a 1 GiB heap. The targets
 * (docs/PERFORMANCE.md): read ≥ 0.5 × raw decode, write ≥ 0.7 × raw encode, heap growth ≤ 32 MiB.
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Threads(1)
// One shot moves 200 MiB and takes 0.1-1 s; the loops are compiled (OSR) during the first shot.
@Warmup(iterations = 2)
@Measurement(iterations = 5)
public class EdXmlAttachmentBenchmark {
    static final String G1 = "-XX:+UseG1GC";
    static final String SMALL_XMS = "-Xms32m";
    static final String SMALL_XMX = "-Xmx32m";
    static final String RAW_XMS = "-Xms1g";
    static final String RAW_XMX = "-Xmx1g";

    /** The package file and the attachment's bytes as a file, made once per fork. */
    @State(Scope.Benchmark)
    public static class PackageFiles {
        /** Size of the attachment in MiB. */
        @Param("200")
        public int attachmentMiB;

        long size;
        Path dir;
        Path rawFile;
        Path packageFile;
        long crc;

        @Setup(Level.Trial)
        public void create() throws IOException {
            size = attachmentMiB * EdXmlFixtures.MIB;
            dir = Files.createTempDirectory("edxml-bench-");
            rawFile = dir.resolve("attachment.bin");
            packageFile = dir.resolve("package.edxml");
            crc = EdXmlFixtures.writeRandomFile(rawFile, size);
            try (OutputStream out = new BufferedOutputStream(new FileOutputStream(packageFile.toFile()), 1 << 16)) {
                EdXml.write(EdXmlFixtures.packageWithFile(rawFile), out);
            }
        }

        @TearDown(Level.Trial)
        public void delete() {
            EdXmlFixtures.deleteTree(dir);
        }
    }

    /** Read options, and a check (once, before measuring) that the SDK decodes the attachment's exact bytes. */
    @State(Scope.Benchmark)
    public static class ReadState {
        final EdXmlReadOptions toSink = EdXmlReadOptions.builder()
                .sink((id, name) -> OutputStream.nullOutputStream())
                .build();
        final EdXmlReadOptions defaults = EdXmlReadOptions.defaults();

        @Setup(Level.Trial)
        public void verify(PackageFiles files) throws IOException {
            CRC32 crc = new CRC32();
            EdXmlReadOptions checking = EdXmlReadOptions.builder()
                    .sink((id, name) -> new CheckedOutputStream(OutputStream.nullOutputStream(), crc))
                    .build();
            try (InputStream in = new FileInputStream(files.packageFile.toFile());
                    EdXmlPackage pkg = EdXml.read(in, checking)) {
                check(files, pkg);
            }
            if (crc.getValue() != files.crc) {
                throw new IllegalStateException("the SDK decoded other bytes than the attachment's");
            }
        }
    }

    /** The attachment's base64 text, cut out of the package file, and room for the decoded bytes. */
    @State(Scope.Benchmark)
    public static class RawDecodeState {
        byte[] base64;
        byte[] decoded;

        @Setup(Level.Trial)
        public void load(PackageFiles files) throws IOException {
            base64 = base64Text(files);
            decoded = new byte[Math.toIntExact(files.size)];
            int n = Base64.getDecoder().decode(base64, decoded);
            CRC32 crc = new CRC32();
            crc.update(decoded, 0, n);
            if (n != files.size || crc.getValue() != files.crc) {
                throw new IllegalStateException("the package's base64 text does not decode to the attachment");
            }
        }
    }

    /** The attachment's bytes in memory, and room for their base64. */
    @State(Scope.Benchmark)
    public static class RawEncodeState {
        byte[] raw;
        byte[] encoded;

        @Setup(Level.Trial)
        public void load(PackageFiles files) throws IOException {
            raw = Files.readAllBytes(files.rawFile);
            encoded = new byte[Math.toIntExact(EdXmlFixtures.base64Length(raw.length))];
        }
    }

    /** The package to write (attachment read from the raw file on each write) and the output file. */
    @State(Scope.Benchmark)
    public static class WriteState {
        DocumentPackage pkg;
        Path outFile;
        long expectedBytes;

        @Setup(Level.Trial)
        public void prepare(PackageFiles files) throws IOException {
            pkg = EdXmlFixtures.packageWithFile(files.rawFile);
            outFile = files.dir.resolve("written.edxml");
            expectedBytes = Files.size(files.packageFile);
        }
    }

    // ---------------------------------------------------------------- reading

    /** The floor for reading: the JDK's block decoder over the base64 text already in memory. */
    @Benchmark
    @Fork(value = 1, jvmArgsAppend = {G1, RAW_XMS, RAW_XMX})
    public int rawDecode(RawDecodeState s) {
        return Base64.getDecoder().decode(s.base64, s.decoded);
    }

    /** The SDK reading the package file, the attachment streamed to a sink that discards it. */
    @Benchmark
    @Fork(value = 1, jvmArgsAppend = {G1, SMALL_XMS, SMALL_XMX})
    public long readToSink(PackageFiles files, ReadState s) throws IOException {
        try (InputStream in = new FileInputStream(files.packageFile.toFile());
                EdXmlPackage pkg = EdXml.read(in, s.toSink)) {
            return check(files, pkg);
        }
    }

    /** The SDK reading the package file with the default options: the attachment goes to a temporary file. */
    @Benchmark
    @Fork(value = 1, jvmArgsAppend = {G1, SMALL_XMS, SMALL_XMX})
    public long readToTempFile(PackageFiles files, ReadState s) throws IOException {
        try (InputStream in = new FileInputStream(files.packageFile.toFile());
                EdXmlPackage pkg = EdXml.read(in, s.defaults)) {
            return check(files, pkg); // closing the package deletes the temporary file
        }
    }

    // ---------------------------------------------------------------- writing

    /** The floor for writing: the JDK's block encoder over the attachment's bytes already in memory. */
    @Benchmark
    @Fork(value = 1, jvmArgsAppend = {G1, RAW_XMS, RAW_XMX})
    public int rawEncode(RawEncodeState s) {
        return Base64.getEncoder().encode(s.raw, s.encoded);
    }

    /** The SDK writing the package (attachment from its file) to nowhere. */
    @Benchmark
    @Fork(value = 1, jvmArgsAppend = {G1, SMALL_XMS, SMALL_XMX})
    public void writeToNull(WriteState s) {
        EdXml.write(s.pkg, OutputStream.nullOutputStream());
    }

    /** The SDK writing the package (attachment from its file) to a file. */
    @Benchmark
    @Fork(value = 1, jvmArgsAppend = {G1, SMALL_XMS, SMALL_XMX})
    public long writeToFile(WriteState s) throws IOException {
        try (OutputStream out = new FileOutputStream(s.outFile.toFile())) {
            EdXml.write(s.pkg, out);
        }
        long written = Files.size(s.outFile);
        if (written != s.expectedBytes) {
            throw new IllegalStateException("wrote " + written + " bytes, the package file has " + s.expectedBytes);
        }
        return written;
    }

    // ---------------------------------------------------------------- helpers

    private static long check(PackageFiles files, EdXmlPackage pkg) {
        Attachment a = ((DocumentPackage) pkg).attachments().get(0);
        AttachmentContent content = a.content();
        long size = content.size();
        if (size != files.size) {
            throw new IllegalStateException("decoded " + size + " bytes, expected " + files.size);
        }
        return size;
    }

    /** The text of the package's one {@code ContentTransferEncoded} element, read from the file. */
    static byte[] base64Text(PackageFiles files) throws IOException {
        int length = Math.toIntExact(EdXmlFixtures.base64Length(files.size));
        try (RandomAccessFile f = new RandomAccessFile(files.packageFile.toFile(), "r")) {
            byte[] head = new byte[(int) Math.min(f.length(), 64 * 1024)];
            f.readFully(head);
            String text = new String(head, StandardCharsets.ISO_8859_1);
            int element = text.indexOf("ContentTransferEncoded");
            int start = text.indexOf('>', element) + 1;
            if (element < 0 || start <= 0) {
                throw new IllegalStateException("no ContentTransferEncoded in the package's first 64 KiB");
            }
            byte[] base64 = new byte[length];
            f.seek(start);
            f.readFully(base64);
            if (f.read() != '<') {
                throw new IllegalStateException("the base64 text is not " + length + " bytes on one line");
            }
            return base64;
        }
    }
}
