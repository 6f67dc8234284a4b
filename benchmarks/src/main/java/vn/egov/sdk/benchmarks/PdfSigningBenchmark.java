package vn.egov.sdk.benchmarks;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.Signature;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
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
import vn.egov.sdk.signing.SigningKey;
import vn.egov.sdk.signing.pdf.PdfSigner;
import vn.egov.sdk.testkit.TestPki;

/**
 * Signing a large PDF (50 MiB by default: one page whose content stream is followed by a 50 MiB embedded stream
 * of random bytes) beside the floor every signer pays:
 *
 * <ul>
 *   <li>{@link #rawDigestAndSign}: one pass over the file (read 256 KiB at a time from a {@code FileChannel},
 *       SHA-256) and one RSA-2048 {@code SHA256withRSA} signature over the digest.</li>
 *   <li>{@link #rawCopyDigestAndSign} (a reference, not a target): the same plus writing the file to a new one,
 *       the least a signer that produces a new file does; the difference to the floor is the file system's.</li>
 *   <li>{@link #sdkSign}: {@code PdfSigner.sign(input, output)}, PAdES B-B, invisible, with a local RSA-2048 key:
 *       PDFBox parses the structure file-backed and the byte-range digest is computed as it streams the input,
 *       while another thread copies the input to the output channel to channel; then the increment is appended,
 *       one signature made and the {@code /Contents} written in place.</li>
 *   <li>{@link #sdkSignInPlace}: {@code PdfSigner.signInPlace(file)}: the same, the increment appended to the
 *       input (a fresh copy per iteration, made outside the timing), so the file is read once and not copied:
 *       the operation comparable with the floor.</li>
 * </ul>
 *
 * One operation is one whole file; the output file is deleted after each operation. Both run in forks with a
 * 128 MiB heap; run with {@code -prof vn.egov.sdk.benchmarks.HeapGrowthProfiler} to see each operation's heap
 * growth. Targets (issue 5): time ≤ 1.3 × the raw baseline, heap growth ≤ 64 MiB.
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Threads(1)
@Warmup(iterations = 5)
@Measurement(iterations = 10)
@Fork(value = 1, jvmArgsAppend = {"-XX:+UseG1GC", "-Xms128m", "-Xmx128m"})
public class PdfSigningBenchmark {
    private static final int MIB = 1024 * 1024;

    /** The input PDF, the key and an output directory, made once per fork. */
    @State(Scope.Benchmark)
    public static class Files50 {
        /** Size of the embedded stream in MiB. */
        @Param("50")
        public int streamMiB;

        Path dir;
        Path input;
        Path output;
        SigningKey key;
        PdfSigner signer;

        @Setup(Level.Trial)
        public void create() throws IOException {
            dir = Files.createTempDirectory("pdf-bench-");
            input = dir.resolve("large.pdf");
            output = dir.resolve("signed.pdf");
            writeLargePdf(input, (long) streamMiB * MIB);
            key = TestPki.create("http://127.0.0.1:1").signer(TestPki.Kind.GOOD);
            signer = PdfSigner.builder().source(key).build();
        }

        Path inPlace;

        /** A fresh copy of the input for the in-place benchmark (outside the timing). */
        @Setup(Level.Iteration)
        public void copyForInPlace() throws IOException {
            inPlace = dir.resolve("in-place.pdf");
            Files.copy(input, inPlace, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }

        @TearDown(Level.Iteration)
        public void deleteOutput() throws IOException {
            Files.deleteIfExists(output);
            Files.deleteIfExists(inPlace);
        }

        @TearDown(Level.Trial)
        public void delete() throws IOException {
            signer.close();
            try (Stream<Path> s = Files.walk(dir)) {
                s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    /** The floor: read and hash the file once, sign the digest once. */
    @Benchmark
    public byte[] rawDigestAndSign(Files50 f) throws Exception {
        MessageDigest md = MessageDigest.getInstance("SHA-256");
        try (FileChannel ch = FileChannel.open(f.input, StandardOpenOption.READ)) {
            ByteBuffer buf = ByteBuffer.allocate(256 * 1024);
            while (ch.read(buf) > 0) {
                md.update(buf.array(), 0, buf.position());
                buf.clear();
            }
        }
        Signature s = Signature.getInstance("SHA256withRSA");
        s.initSign(f.key.privateKey());
        s.update(md.digest());
        return s.sign();
    }

    /**
     * A reference, not SDK code: what any signer that writes a new file must do at least — read the file once,
     * hash it, write it to the output (256 KiB at a time), sign the digest once.
     */
    @Benchmark
    public byte[] rawCopyDigestAndSign(Files50 f) throws Exception {
        MessageDigest md = MessageDigest.getInstance("SHA-256");
        try (FileChannel in = FileChannel.open(f.input, StandardOpenOption.READ);
                FileChannel out = FileChannel.open(f.output, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                        StandardOpenOption.TRUNCATE_EXISTING)) {
            ByteBuffer buf = ByteBuffer.allocate(256 * 1024);
            while (in.read(buf) > 0) {
                md.update(buf.array(), 0, buf.position());
                buf.flip();
                while (buf.hasRemaining()) {
                    out.write(buf);
                }
                buf.clear();
            }
        }
        Signature s = Signature.getInstance("SHA256withRSA");
        s.initSign(f.key.privateKey());
        s.update(md.digest());
        return s.sign();
    }

    /** The SDK: a PAdES B-B signature of the whole file. */
    @Benchmark
    public long sdkSign(Files50 f) throws IOException {
        f.signer.sign(f.input, f.output);
        return Files.size(f.output);
    }

    /** The SDK, signing in place: the signature appended to the file, which is read once and not copied. */
    @Benchmark
    public long sdkSignInPlace(Files50 f) throws IOException {
        f.signer.signInPlace(f.inPlace);
        return Files.size(f.inPlace);
    }

    /** A one-page PDF with an uncompressed stream object of {@code size} random bytes (an embedded file's data). */
    static void writeLargePdf(Path file, long size) throws IOException {
        List<Long> offsets = new ArrayList<>();
        try (CountingOut out = new CountingOut(new BufferedOutputStream(Files.newOutputStream(file), 1 << 16))) {
            out.ascii("%PDF-1.7\n%\u00e2\u00e3\u00cf\u00d3\n");
            byte[] content = "BT /F1 12 Tf 72 760 Td (Cong van so 123/UBND-VP) Tj ET".getBytes(
                    StandardCharsets.US_ASCII);
            offsets.add(out.count);
            out.ascii("1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n");
            offsets.add(out.count);
            out.ascii("2 0 obj\n<< /Type /Pages /Kids [3 0 R] /Count 1 >>\nendobj\n");
            offsets.add(out.count);
            out.ascii("3 0 obj\n<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R "
                    + "/Resources << /Font << /F1 << /Type /Font /Subtype /Type1 /BaseFont /Helvetica >> >> "
                    + ">> >>\nendobj\n");
            offsets.add(out.count);
            out.ascii("4 0 obj\n<< /Length " + content.length + " >>\nstream\n");
            out.write(content);
            out.ascii("\nendstream\nendobj\n");
            offsets.add(out.count);
            out.ascii("5 0 obj\n<< /Type /EmbeddedFile /Length " + size + " >>\nstream\n");
            Random random = new Random(42);
            byte[] chunk = new byte[MIB];
            for (long left = size; left > 0; left -= chunk.length) {
                random.nextBytes(chunk);
                out.write(chunk, 0, (int) Math.min(chunk.length, left));
            }
            out.ascii("\nendstream\nendobj\n");
            long xref = out.count;
            out.ascii("xref\n0 " + (offsets.size() + 1) + "\n0000000000 65535 f \n");
            for (long o : offsets) {
                out.ascii(String.format("%010d 00000 n \n", o));
            }
            out.ascii("trailer\n<< /Size " + (offsets.size() + 1) + " /Root 1 0 R >>\nstartxref\n" + xref
                    + "\n%%EOF\n");
        }
    }

    /** Counts what it writes. */
    private static final class CountingOut extends java.io.FilterOutputStream {
        long count;

        CountingOut(OutputStream out) {
            super(out);
        }

        void ascii(String s) throws IOException {
            write(s.getBytes(StandardCharsets.ISO_8859_1));
        }

        @Override
        public void write(int b) throws IOException {
            out.write(b);
            count++;
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
            count += len;
        }
    }
}
