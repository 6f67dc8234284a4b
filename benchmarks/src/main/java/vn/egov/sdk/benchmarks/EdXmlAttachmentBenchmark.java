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
import java.util.Arrays;
import java.util.Base64;
import java.util.Random;
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
import vn.egov.sdk.edxml.DocumentPackage;
import vn.egov.sdk.edxml.EdXml;
import vn.egov.sdk.edxml.EdXmlPackage;
import vn.egov.sdk.edxml.EdXmlReadOptions;

/**
 * Reading and writing an edXML package with one large attachment (200 MiB of random bytes by default), each beside
 * the JDK's block base64 codec over the same bytes in memory, which is the floor the targets are set against:
 *
 * <ul>
 *   <li>{@link #rawDecode}: {@code Base64.getDecoder().decode(base64, dst)} of the attachment's base64 text, cut
 *       out of the package file into memory before the trial, into a preallocated array.</li>
 *   <li>{@link #readToSink}: {@code EdXml.read(new FileInputStream(packageFile), options)} with a sink that discards
 *       the decoded bytes ({@code OutputStream.nullOutputStream()}).</li>
 *   <li>{@link #readToTempFile}: the same with the default options: the attachment is decoded to a temporary file,
 *       deleted when the package is closed at the end of the operation.</li>
 *   <li>{@link #rawEncode}: {@code Base64.getEncoder().encode(raw, dst)} of the attachment's bytes in memory into a
 *       preallocated array.</li>
 *   <li>{@link #writeToNull}: {@code EdXml.write(pkg, OutputStream.nullOutputStream())}, the attachment being
 *       {@code AttachmentContent.ofFile(rawFile)}.</li>
 *   <li>{@link #writeToFile}: the same into a {@code FileOutputStream} of a new file (deleted after the operation,
 *       outside the timing).</li>
 * </ul>
 *
 * And, to tell the SDK's own cost from the file system's, four references that do the least any streaming
 * implementation must do with the same files (not SDK code): {@link #ioReadFile} (read the package file),
 * {@link #ioReadFileDecode} (read it and block-decode the base64 text with the JDK, 256 KiB at a time),
 * {@link #ioWriteFile} (write as many bytes as the package has to a new file) and {@link #ioEncodeFileToFile}
 * (read the attachment file, block-encode it 48 KiB at a time, write the base64 to a new file).
 *
 * <p>One operation is the whole attachment, so the score is milliseconds per 200 MiB; MiB/s = 200 × 1000 ÷ score.
 * The package file is written once per trial (fork) with {@code EdXml.write} into a temporary directory and deleted
 * at the end. The SDK benchmarks and the references run in forks with a 32 MiB heap (so an operation that kept more
 * than about 25 MiB would fail with an {@code OutOfMemoryError}); run with
 * {@code -prof vn.egov.sdk.benchmarks.HeapGrowthProfiler} to have each operation's heap growth reported. The raw
 * benchmarks hold the whole attachment in arrays and get a 1 GiB heap. The targets (docs/PERFORMANCE.md): read ≥
 * 0.5 × raw decode, write ≥ 0.7 × raw encode, heap growth ≤ 32 MiB.
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Threads(1)
// One shot moves 200 MiB in 0.03-0.4 s. The SDK reader hands the JDK decoder one 256 KiB block at a time, and the
// JIT compiles Base64.Decoder.decode0 with C2 (and so its intrinsic) only after ~5,000 calls: the fifth or sixth
// read. Eight warm-up shots measure the steady state; ten measured shots in each of two forks (the file system
// has the odd slow write-back moment).
@Warmup(iterations = 8)
@Measurement(iterations = 10)
public class EdXmlAttachmentBenchmark {
    static final String G1 = "-XX:+UseG1GC";
    static final String SMALL_XMS = "-Xms32m";
    static final String SMALL_XMX = "-Xmx32m";
    static final String RAW_XMS = "-Xms1g";
    static final String RAW_XMX = "-Xmx1g";

    /** Bytes per read of the reading references: the SDK reader's own buffer size (a multiple of 4). */
    static final int READ_BLOCK = 256 * 1024;
    /** Bytes per block of the writing reference: the SDK writer's block size (a multiple of 3). */
    static final int ENCODE_BLOCK = 48 * 1024;

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
        long packageBytes;
        long crc;
        /** Where the base64 text starts in the package file, and its length. */
        long base64Offset;
        int base64Length;

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
            packageBytes = Files.size(packageFile);
            locateBase64();
        }

        /** Finds the text of the package's one {@code ContentTransferEncoded} element. */
        private void locateBase64() throws IOException {
            base64Length = Math.toIntExact(EdXmlFixtures.base64Length(size));
            try (RandomAccessFile f = new RandomAccessFile(packageFile.toFile(), "r")) {
                byte[] head = new byte[(int) Math.min(f.length(), 64 * 1024)];
                f.readFully(head);
                String text = new String(head, StandardCharsets.ISO_8859_1);
                int element = text.indexOf("ContentTransferEncoded");
                int start = element < 0 ? -1 : text.indexOf('>', element) + 1;
                if (start <= 0) {
                    throw new IllegalStateException("no ContentTransferEncoded in the package's first 64 KiB");
                }
                f.seek(start + (long) base64Length);
                if (f.read() != '<') {
                    throw new IllegalStateException("the base64 text is not " + base64Length + " bytes on one line");
                }
                base64Offset = start;
            }
        }

        /** The base64 text, read into memory. */
        byte[] base64Text() throws IOException {
            try (RandomAccessFile f = new RandomAccessFile(packageFile.toFile(), "r")) {
                byte[] base64 = new byte[base64Length];
                f.seek(base64Offset);
                f.readFully(base64);
                return base64;
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
                checkDecoded(files, pkg);
            }
            if (crc.getValue() != files.crc) {
                throw new IllegalStateException("the SDK decoded other bytes than the attachment's");
            }
        }
    }

    /** The package to write (its attachment read from the raw file on each write); a new output file per write. */
    @State(Scope.Benchmark)
    public static class WriteState {
        DocumentPackage pkg;
        Path outFile;

        @Setup(Level.Trial)
        public void prepare(PackageFiles files) {
            pkg = EdXmlFixtures.packageWithFile(files.rawFile);
            outFile = files.dir.resolve("written.edxml");
        }

        /**
         * Deletes the output after each operation, outside the timing, so each write makes a new file. Rewriting
         * (truncating) the same file instead makes ext4 start write-back on close (its {@code auto_da_alloc}
         * heuristic for replace-by-truncate), and the benchmark then measures the disk.
         */
        @TearDown(Level.Invocation)
        public void deleteOutput() throws IOException {
            Files.deleteIfExists(outFile);
        }
    }

    /** The attachment's base64 text, cut out of the package file, and room for the decoded bytes. */
    @State(Scope.Benchmark)
    public static class RawDecodeState {
        byte[] base64;
        byte[] decoded;

        @Setup(Level.Trial)
        public void load(PackageFiles files) throws IOException {
            base64 = files.base64Text();
            decoded = new byte[Math.toIntExact(files.size)];
            warmUpCodec();
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
            warmUpCodec();
        }
    }

    // ---------------------------------------------------------------- reading

    /** The floor for reading: the JDK's block decoder over the base64 text already in memory. */
    @Benchmark
    @Fork(value = 2, jvmArgsAppend = {G1, RAW_XMS, RAW_XMX})
    public int rawDecode(RawDecodeState s) {
        return Base64.getDecoder().decode(s.base64, s.decoded);
    }

    /** The SDK reading the package file, the attachment streamed to a sink that discards it. */
    @Benchmark
    @Fork(value = 2, jvmArgsAppend = {G1, SMALL_XMS, SMALL_XMX})
    public long readToSink(PackageFiles files, ReadState s) throws IOException {
        try (InputStream in = new FileInputStream(files.packageFile.toFile());
                EdXmlPackage pkg = EdXml.read(in, s.toSink)) {
            return checkDecoded(files, pkg);
        }
    }

    /** The SDK reading the package file with the default options: the attachment goes to a temporary file. */
    @Benchmark
    @Fork(value = 2, jvmArgsAppend = {G1, SMALL_XMS, SMALL_XMX})
    public long readToTempFile(PackageFiles files, ReadState s) throws IOException {
        try (InputStream in = new FileInputStream(files.packageFile.toFile());
                EdXmlPackage pkg = EdXml.read(in, s.defaults)) {
            return checkDecoded(files, pkg); // closing the package deletes the temporary file
        }
    }

    /** Reference (not SDK): read the package file to its end, 256 KiB at a time. */
    @Benchmark
    @Fork(value = 2, jvmArgsAppend = {G1, SMALL_XMS, SMALL_XMX})
    public long ioReadFile(PackageFiles files) throws IOException {
        byte[] buf = new byte[READ_BLOCK];
        long total = 0;
        try (InputStream in = new FileInputStream(files.packageFile.toFile())) {
            for (int n; (n = in.read(buf)) != -1; ) {
                total += n;
            }
        }
        return check(total, files.packageBytes, "read");
    }

    /**
     * Reference (not SDK): the least a streaming reader does: read the package file, 256 KiB of the base64 text at a
     * time, block-decode each with the JDK into a reused array and discard it. Knows where the text is and that it
     * has no white space, so it scans nothing.
     */
    @Benchmark
    @Fork(value = 2, jvmArgsAppend = {G1, SMALL_XMS, SMALL_XMX})
    public long ioReadFileDecode(PackageFiles files) throws IOException {
        byte[] block = new byte[READ_BLOCK];
        byte[] decoded = new byte[READ_BLOCK / 4 * 3];
        long total = 0;
        try (InputStream in = new FileInputStream(files.packageFile.toFile())) {
            in.skipNBytes(files.base64Offset);
            for (long left = files.base64Length; left > 0; ) {
                int n = in.readNBytes(block, 0, (int) Math.min(block.length, left));
                left -= n;
                total += n == block.length ? Base64.getDecoder().decode(block, decoded)
                        : Base64.getDecoder().decode(Arrays.copyOf(block, n), decoded);
            }
            in.transferTo(OutputStream.nullOutputStream()); // the rest of the package
        }
        return check(total, files.size, "decoded");
    }

    // ---------------------------------------------------------------- writing

    /** The floor for writing: the JDK's block encoder over the attachment's bytes already in memory. */
    @Benchmark
    @Fork(value = 2, jvmArgsAppend = {G1, RAW_XMS, RAW_XMX})
    public int rawEncode(RawEncodeState s) {
        return Base64.getEncoder().encode(s.raw, s.encoded);
    }

    /** The SDK writing the package (attachment from its file) to nowhere. */
    @Benchmark
    @Fork(value = 2, jvmArgsAppend = {G1, SMALL_XMS, SMALL_XMX})
    public void writeToNull(WriteState s) {
        EdXml.write(s.pkg, OutputStream.nullOutputStream());
    }

    /** The SDK writing the package (attachment from its file) to a new file. */
    @Benchmark
    @Fork(value = 2, jvmArgsAppend = {G1, SMALL_XMS, SMALL_XMX})
    public long writeToFile(PackageFiles files, WriteState s) throws IOException {
        try (OutputStream out = new FileOutputStream(s.outFile.toFile())) {
            EdXml.write(s.pkg, out);
        }
        return check(Files.size(s.outFile), files.packageBytes, "wrote");
    }

    /** Reference (not SDK): write as many bytes as the package has to a new file, 64 KiB at a time. */
    @Benchmark
    @Fork(value = 2, jvmArgsAppend = {G1, SMALL_XMS, SMALL_XMX})
    public long ioWriteFile(PackageFiles files, WriteState s) throws IOException {
        byte[] buf = new byte[64 * 1024];
        try (OutputStream out = new FileOutputStream(s.outFile.toFile())) {
            for (long left = files.packageBytes; left > 0; ) {
                int n = (int) Math.min(buf.length, left);
                out.write(buf, 0, n);
                left -= n;
            }
        }
        return check(Files.size(s.outFile), files.packageBytes, "wrote");
    }

    /**
     * Reference (not SDK): the least a streaming writer does: read the attachment file 48 KiB at a time, block-encode
     * each with the JDK into a reused array and write it to a new file.
     */
    @Benchmark
    @Fork(value = 2, jvmArgsAppend = {G1, SMALL_XMS, SMALL_XMX})
    public long ioEncodeFileToFile(PackageFiles files, WriteState s) throws IOException {
        byte[] block = new byte[ENCODE_BLOCK];
        byte[] encoded = new byte[ENCODE_BLOCK / 3 * 4];
        try (InputStream in = new FileInputStream(files.rawFile.toFile());
                OutputStream out = new FileOutputStream(s.outFile.toFile())) {
            for (int n; (n = in.readNBytes(block, 0, block.length)) > 0; ) {
                int e = n == block.length ? Base64.getEncoder().encode(block, encoded)
                        : Base64.getEncoder().encode(Arrays.copyOf(block, n), encoded);
                out.write(encoded, 0, e);
            }
        }
        return check(Files.size(s.outFile), files.base64Length, "wrote");
    }

    // ---------------------------------------------------------------- helpers

    /**
     * Runs the JDK's array encoder and decoder 20,000 times on 48 KiB, so that their entry methods
     * ({@code encode0}, {@code decode0}) are compiled by C2, with the base64 intrinsics, before a raw baseline is
     * measured. A raw baseline calls each once per 200 MiB operation: without this the sixteen calls of a trial never
     * get them compiled and the floor runs the slower non-intrinsic loop (measured: 167 ms instead of 36 ms for the
     * decoder, 133 ms instead of 42 ms for the encoder), while the SDK, calling them once per block, gets them
     * compiled during its warm-up.
     */
    static void warmUpCodec() {
        byte[] raw = new byte[48 * 1024];
        new Random(1).nextBytes(raw);
        byte[] encoded = new byte[Math.toIntExact(EdXmlFixtures.base64Length(raw.length))];
        byte[] decoded = new byte[raw.length];
        long sum = 0;
        for (int i = 0; i < 20_000; i++) {
            sum += Base64.getEncoder().encode(raw, encoded);
            sum += Base64.getDecoder().decode(encoded, decoded);
        }
        if (sum != 20_000L * (encoded.length + decoded.length)) {
            throw new IllegalStateException("base64 warm-up went wrong");
        }
    }

    private static long checkDecoded(PackageFiles files, EdXmlPackage pkg) {
        long size = ((DocumentPackage) pkg).attachments().get(0).content().size();
        return check(size, files.size, "decoded");
    }

    private static long check(long actual, long expected, String what) {
        if (actual != expected) {
            throw new IllegalStateException(what + " " + actual + " bytes, expected " + expected);
        }
        return actual;
    }
}
