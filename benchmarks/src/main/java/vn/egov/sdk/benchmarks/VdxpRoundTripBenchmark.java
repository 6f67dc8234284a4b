package vn.egov.sdk.benchmarks;

import com.fasterxml.jackson.core.Base64Variants;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedOutputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import okhttp3.MediaType;
import okhttp3.RequestBody;
import okhttp3.Response;
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
import vn.egov.sdk.axis.MessageType;
import vn.egov.sdk.axis.ReceivedItem;
import vn.egov.sdk.axis.ReceivedPackage;
import vn.egov.sdk.axis.SendResult;
import vn.egov.sdk.axis.TransportAck;
import vn.egov.sdk.axis.VdxpAxisClient;
import vn.egov.sdk.core.Secret;
import vn.egov.sdk.core.http.ClientSettings;
import vn.egov.sdk.edxml.Attachment;
import vn.egov.sdk.edxml.AttachmentContent;
import vn.egov.sdk.edxml.DocumentPackage;
import vn.egov.sdk.edxml.EdXml;
import vn.egov.sdk.edxml.EdXmlPackages;
import vn.egov.sdk.testkit.VdxpSandbox;

/**
 * One send + receive round trip of a package with one 20 MiB attachment over the national axis (VDXP), against a
 * {@code NationalSandbox} running in its own JVM ({@link ExternalSandbox}), so that the benchmark JVM's heap holds
 * only the client side. One operation: system 1 sends the package to {@code ORGAN_2}; system 2 lists what waits
 * for it, fetches the package and acknowledges {@code done}.
 *
 * <ul>
 *   <li>{@link #sdkFetch}: {@link VdxpAxisClient}s; {@code send(pkg)} (the package with
 *       {@code AttachmentContent.ofFile}: the client writes it to a temporary file, hashes and uploads it),
 *       {@code listReceived}, {@code fetch} (the package decoded into a temporary file, then {@code EdXml.read}, the
 *       attachment into a temporary file; closed, so both are deleted), {@code acknowledge(DONE)}.</li>
 *   <li>{@link #sdkFetchTo}: the same with {@code fetchTo(docId, sink)} instead of {@code fetch}: the package
 *       decoded (through the client's temporary file) into a counting null stream.</li>
 *   <li>{@link #rawToFile} and {@link #rawToSink}, the floor: the same four HTTP calls by hand with a plain
 *       OkHttp client and the same signed {@code XroadVnpt-*} headers ({@link RawVdxp}, signed per call: a
 *       round trip takes far longer than the HMAC); the package written once per trial (each operation patches
 *       its code number in place, so the axis sees a new file, and hashes the file as the client does); the
 *       upload of the raw file streamed, then CRLF, with the unpadded {@code hash-file} (the official client's form,
 *       the SDK's default); the JSON lists parsed with Jackson; the {@code getEdoc} answer's
 *       base64 {@code data} decoded as it streams off the socket (Jackson {@code readBinaryValue}) into a new
 *       file (deleted) or a counting null stream.</li>
 * </ul>
 *
 * Every operation sends a different package (a new code number), because the axis answers a repeated upload of
 * the same file with the first {@code DocId}. The sandbox keeps every package it accepted, so its JVM gets a large
 * heap. Run with {@code -prof vn.egov.sdk.benchmarks.HeapGrowthProfiler} for the benchmark JVM's heap growth per
 * round trip (target ≤ 32 MB).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Threads(1)
@Warmup(iterations = 5)
@Measurement(iterations = 10)
// 96 MiB: the smallest of 32/64/96 MiB in which the SDK's fetch passes (it buffers the whole getEdoc answer, ~36 MiB,
// and holds it twice while copying it out of OkHttp's buffer); small enough that collections happen during a round
// trip, so HeapGrowthProfiler's retained growth is measured after collections, not garbage included.
@Fork(value = 1, jvmArgsAppend = {"-XX:+UseG1GC", "-Xms96m", "-Xmx96m"})
public class VdxpRoundTripBenchmark {
    static final String NOTATION = "VPCP-KGVX";
    /** The code number of the raw baselines' package file, patched in place for every operation. */
    static final String TEMPLATE_NUMBER = "987650";
    static final MediaType OCTET = MediaType.get("application/octet-stream");

    /** Size of the attachment in MiB. */
    @Param("20")
    public int attachmentMiB;

    private final ObjectMapper mapper = new ObjectMapper();
    private Path dir;
    private Path rawFile;
    private long attachmentBytes;
    private ExternalSandbox sandbox;
    private VdxpAxisClient sender;
    private VdxpAxisClient receiver;
    private RawVdxp rawSender;
    private RawVdxp rawReceiver;
    /** The raw baselines' package file, and where its code number is. */
    private Path templateFile;
    private long templateBytes;
    private final List<Long> numberOffsets = new ArrayList<>();
    private int counter;

    @Setup(Level.Trial)
    public void setUp() throws IOException {
        dir = Files.createTempDirectory("vdxp-bench-");
        Path created = dir;
        // A fork that fails (an OutOfMemoryError in a small heap) skips @TearDown: delete the files anyway.
        Runtime.getRuntime().addShutdownHook(new Thread(() -> EdXmlFixtures.deleteTree(created), "vdxp-bench-cleanup"));
        rawFile = dir.resolve("attachment.bin");
        attachmentBytes = attachmentMiB * EdXmlFixtures.MIB;
        EdXmlFixtures.writeRandomFile(rawFile, attachmentBytes);
        templateFile = dir.resolve("template.edxml");
        try (OutputStream out = new BufferedOutputStream(new FileOutputStream(templateFile.toFile()), 1 << 16)) {
            EdXml.write(packageNumbered(TEMPLATE_NUMBER), out);
        }
        templateBytes = Files.size(templateFile);
        locateNumber();

        sandbox = ExternalSandbox.start();
        Clock clock = Clock.systemUTC();
        sender = client(VdxpSandbox.SYSTEM_1, VdxpSandbox.SECRET_1, clock);
        receiver = client(VdxpSandbox.SYSTEM_2, VdxpSandbox.SECRET_2, clock);
        rawSender = new RawVdxp(sandbox.vdxpUrl(), VdxpSandbox.SYSTEM_1, VdxpSandbox.SECRET_1, clock);
        rawReceiver = new RawVdxp(sandbox.vdxpUrl(), VdxpSandbox.SYSTEM_2, VdxpSandbox.SECRET_2, clock);
    }

    private VdxpAxisClient client(String system, String secret, Clock clock) {
        return VdxpAxisClient.builder().settings(ClientSettings.builder().endpoint(sandbox.vdxpUrl()).clock(clock)
                .tempDirectory(dir).readTimeout(Duration.ofSeconds(120)).build())
                .systemId(system)
                .secret(Secret.of(secret))
                .build();
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        if (sender != null) {
            sender.close();
        }
        if (receiver != null) {
            receiver.close();
        }
        if (rawSender != null) {
            rawSender.close();
        }
        if (rawReceiver != null) {
            rawReceiver.close();
        }
        if (sandbox != null) {
            sandbox.close();
        }
        EdXmlFixtures.deleteTree(dir);
    }

    // ---------------------------------------------------------------- SDK

    /** The SDK: send, list, fetch (typed package, attachment in a temporary file), acknowledge. */
    @Benchmark
    public long sdkFetch() {
        String docId = sdkSendAndList();
        long size;
        try (ReceivedPackage received = receiver.fetch(docId)) {
            size = ((DocumentPackage) received.pkg()).attachments().get(0).content().size();
        }
        check(size, attachmentBytes, "fetched attachment");
        receiver.acknowledge(docId, TransportAck.DONE);
        return size;
    }

    /** The SDK: send, list, {@code fetchTo} a null stream, acknowledge. */
    @Benchmark
    public long sdkFetchTo() {
        String docId = sdkSendAndList();
        CountingSink sink = new CountingSink();
        receiver.fetchTo(docId, sink);
        checkPackage(sink.count);
        receiver.acknowledge(docId, TransportAck.DONE);
        return sink.count;
    }

    private String sdkSendAndList() {
        SendResult sent = sender.send(packageNumbered(nextNumber()));
        if (sent.duplicate()) {
            throw new IllegalStateException("the axis took the package for a duplicate");
        }
        List<ReceivedItem> waiting = receiver.listReceived(MessageType.EDOC);
        if (waiting.stream().noneMatch(i -> i.docId().equals(sent.docId()))) {
            throw new IllegalStateException(sent.docId() + " not listed for the receiver: " + waiting);
        }
        return sent.docId();
    }

    // ---------------------------------------------------------------- raw OkHttp

    /** The floor: the same calls with plain OkHttp, the package decoded off the socket into a new file. */
    @Benchmark
    public long rawToFile() throws IOException {
        String docId = rawSendAndList();
        Path out = dir.resolve("raw-" + docId + ".edxml");
        long n;
        try (OutputStream file = new BufferedOutputStream(Files.newOutputStream(out), 1 << 16)) {
            n = rawFetch(docId, file);
        } finally {
            Files.deleteIfExists(out);
        }
        checkPackage(n);
        rawAcknowledge(docId);
        return n;
    }

    /** The floor: the same calls with plain OkHttp, the package decoded off the socket into a null stream. */
    @Benchmark
    public long rawToSink() throws IOException {
        String docId = rawSendAndList();
        long n = rawFetch(docId, OutputStream.nullOutputStream());
        checkPackage(n);
        rawAcknowledge(docId);
        return n;
    }

    private String rawSendAndList() throws IOException {
        patchNumber(nextNumber());
        String hash = sha256Hex(templateFile);
        RequestBody body = rawFileAndCrlf(templateFile);
        String docId;
        try (Response r = rawSender.http.newCall(rawSender.post("/sendEdoc", rawSender.signedHeaders(
                "application/octet-stream", "from", VdxpSandbox.ORGAN_1, "servicetype", VdxpAxisClient.SERVICE_TYPE,
                "messagetype", "edoc", "hash-file", hash), body)).execute()) {
            docId = ok(r).path("DocId").asText("");
        }
        if (docId.isEmpty()) {
            throw new IllegalStateException("sendEdoc answered without DocId");
        }
        try (Response r = rawReceiver.http.newCall(rawReceiver.post("/getReceivedEdocList",
                rawReceiver.signedHeaders("application/json", "servicetype", VdxpAxisClient.SERVICE_TYPE,
                        "messagetype", "edoc"))).execute()) {
            boolean listed = false;
            for (JsonNode item : ok(r).path("data")) {
                listed |= docId.equals(item.path("docId").asText());
            }
            if (!listed) {
                throw new IllegalStateException(docId + " not listed for the receiver");
            }
        }
        return docId;
    }

    private long rawFetch(String docId, OutputStream sink) throws IOException {
        try (Response r = rawReceiver.http.newCall(rawReceiver.post("/getEdoc",
                rawReceiver.signedHeaders("application/json", "docId", docId))).execute();
                JsonParser p = mapper.getFactory().createParser(r.body().byteStream())) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                throw new IllegalStateException("getEdoc: not a JSON object");
            }
            long n = -1;
            String status = "";
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                JsonToken value = p.nextToken();
                if ("data".equals(name) && value == JsonToken.VALUE_STRING) {
                    n = p.readBinaryValue(Base64Variants.MIME_NO_LINEFEEDS, sink);
                } else if ("status".equals(name)) {
                    status = p.getValueAsString("");
                } else {
                    p.skipChildren();
                }
            }
            if (!"OK".equals(status)) {
                throw new IllegalStateException("getEdoc: status " + status);
            }
            return n;
        }
    }

    private void rawAcknowledge(String docId) throws IOException {
        try (Response r = rawReceiver.http.newCall(rawReceiver.post("/updateStatus",
                rawReceiver.signedHeaders("application/json", "docId", docId, "status", "done"))).execute()) {
            ok(r);
        }
    }

    private JsonNode ok(Response r) throws IOException {
        JsonNode body = mapper.readTree(r.body().bytes());
        if (r.code() != 200 || !"OK".equals(body.path("status").asText())) {
            throw new IllegalStateException("HTTP " + r.code() + " " + body);
        }
        return body;
    }

    // ---------------------------------------------------------------- helpers

    private String nextNumber() {
        return Integer.toString(100_000 + counter++);
    }

    /** The round trip's package: from ORGAN_1 to ORGAN_2, the attachment read from its file, this code number. */
    private DocumentPackage packageNumbered(String number) {
        Attachment attachment = new Attachment("cid:1", "ho-so-thiet-ke.zip", "Hồ sơ thiết kế dự án",
                "application/zip", AttachmentContent.ofFile(rawFile));
        return EdXmlPackages.newDocument(EdXmlFixtures.smallHeader().toBuilder().code(number, NOTATION).build(),
                EdXmlFixtures.clerk(), List.of(attachment), EdXmlFixtures.CLOCK);
    }

    /** Finds every occurrence of the template's code number in the package's head (before the attachment). */
    private void locateNumber() throws IOException {
        try (RandomAccessFile f = new RandomAccessFile(templateFile.toFile(), "r")) {
            byte[] head = new byte[(int) Math.min(f.length(), 64 * 1024)];
            f.readFully(head);
            String text = new String(head, StandardCharsets.ISO_8859_1);
            int end = text.indexOf("ContentTransferEncoded");
            for (int at = text.indexOf(TEMPLATE_NUMBER); at >= 0 && at < end;
                    at = text.indexOf(TEMPLATE_NUMBER, at + 1)) {
                numberOffsets.add((long) at);
            }
        }
        if (numberOffsets.isEmpty()) {
            throw new IllegalStateException("the template package's head does not hold its code number");
        }
    }

    private void patchNumber(String number) throws IOException {
        byte[] digits = number.getBytes(StandardCharsets.US_ASCII);
        try (RandomAccessFile f = new RandomAccessFile(templateFile.toFile(), "rw")) {
            for (long at : numberOffsets) {
                f.seek(at);
                f.write(digits);
            }
        }
    }

    /** SHA-256 of the file as the official client writes it: each byte in hex without zero padding. */
    private static String sha256Hex(Path file) throws IOException {
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), MessageDigest.getInstance("SHA-256"))) {
            in.transferTo(OutputStream.nullOutputStream());
            StringBuilder hex = new StringBuilder(64);
            for (byte b : ((DigestInputStream) in).getMessageDigest().digest()) {
                hex.append(Integer.toHexString(b & 0xff));
            }
            return hex.toString();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The official client's upload: the raw file streamed, then CRLF. */
    private static RequestBody rawFileAndCrlf(Path file) throws IOException {
        long size = Files.size(file);
        return new RequestBody() {
            @Override
            public MediaType contentType() {
                return OCTET;
            }

            @Override
            public long contentLength() {
                return size + 2;
            }

            @Override
            public void writeTo(okio.BufferedSink sink) throws IOException {
                try (okio.Source source = okio.Okio.source(file)) {
                    sink.writeAll(source);
                }
                sink.writeUtf8("\r\n");
            }
        };
    }

    /** The fetched package is the sent one plus the axis' trace hop: a little larger than the template. */
    private void checkPackage(long n) {
        if (n < templateBytes || n > templateBytes + 4096) {
            throw new IllegalStateException("fetched " + n + " bytes, the package sent has " + templateBytes);
        }
    }

    private static void check(long actual, long expected, String what) {
        if (actual != expected) {
            throw new IllegalStateException(what + ": " + actual + " bytes, expected " + expected);
        }
    }

    /** A null stream that counts. */
    static final class CountingSink extends OutputStream {
        long count;

        @Override
        public void write(int b) {
            count++;
        }

        @Override
        public void write(byte[] b, int off, int len) {
            count += len;
        }
    }
}
