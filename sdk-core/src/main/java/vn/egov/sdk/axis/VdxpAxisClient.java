package vn.egov.sdk.axis;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import vn.egov.sdk.axis.internal.AxisFiles;
import vn.egov.sdk.axis.internal.AxisIds;
import vn.egov.sdk.axis.internal.VdxpEnvelope;
import vn.egov.sdk.axis.internal.VdxpErrors;
import vn.egov.sdk.axis.internal.VdxpItems;
import vn.egov.sdk.axis.internal.VdxpSendLoop;
import vn.egov.sdk.axis.internal.VdxpUpload;
import vn.egov.sdk.core.EgovException;
import vn.egov.sdk.core.ErrorDetails;
import vn.egov.sdk.core.Fault;
import vn.egov.sdk.core.PlatformException;
import vn.egov.sdk.core.RequestOptions;
import vn.egov.sdk.core.Secret;
import vn.egov.sdk.core.ValidationException;
import vn.egov.sdk.core.auth.VdxpHeaderBundle;
import vn.egov.sdk.core.http.ApiRequest;
import vn.egov.sdk.core.http.AttemptContext;
import vn.egov.sdk.core.http.ApiResponse;
import vn.egov.sdk.core.http.HttpBody;
import vn.egov.sdk.core.http.HttpInterceptor;
import vn.egov.sdk.core.http.HttpRuntime;
import vn.egov.sdk.core.http.RetryPolicy;
import vn.egov.sdk.core.http.Sleeper;
import vn.egov.sdk.core.internal.Json;
import vn.egov.sdk.edxml.DocumentPackage;
import vn.egov.sdk.edxml.EdXml;
import vn.egov.sdk.edxml.EdXmlPackage;
import vn.egov.sdk.edxml.EdXmlValidator;
import vn.egov.sdk.edxml.StatusPackage;

/**
 * The national document axis (VDXP / VPCP, the protocol of VNPT's official "VXP" SDK 2.0.x) as a {@link DocumentAxisClient}: the VNPT
 * "VXP" SDK protocol, every request authenticated by the {@link VdxpHeaderBundle} HMAC headers.
 *
 * <pre>{@code
 * try (VdxpAxisClient axis = VdxpAxisClient.builder()
 *         .endpoint("https://axis.example.gov.vn/vdxp")
 *         .systemId("vxp.saas.01")
 *         .secret(Secret.of(System.getenv("VDXP_SECRET")))
 *         .build()) {
 *     SendResult r = axis.send(pkg);
 * }
 * }</pre>
 *
 * <h2>Operations</h2>
 * <table>
 *   <caption>Operations</caption>
 *   <tr><td>{@link #send}</td><td>{@code POST /sendEdoc}: by default the official client's form, the raw edXML
 *       file then CRLF as {@code application/octet-stream}, {@code hash-file} = SHA-256 of the file (without the
 *       CRLF) in lowercase hex without zero padding ({@link UploadForm}, {@link HashFormat}); logical headers
 *       {@code from}, {@code servicetype=eDoc}, {@code messagetype}, {@code hash-file}</td></tr>
 *   <tr><td>{@link #listReceived}</td><td>{@code POST /getReceivedEdocList} ({@code servicetype},
 *       {@code messagetype})</td></tr>
 *   <tr><td>{@link #fetch}, {@link #fetchTo}</td><td>{@code POST /getEdoc} ({@code docId}); {@code data} is the
 *       base64 package, decoded as it streams into a temporary file</td></tr>
 *   <tr><td>{@link #acknowledge}</td><td>{@code POST /updateStatus} ({@code docId}, {@code status})</td></tr>
 *   <tr><td>{@link #listSent}</td><td>{@code POST /getSentEdocList}</td></tr>
 *   <tr><td>{@link #countReceived}</td><td>{@code GET /countReceiveEdoc} or {@code /countReceiveStatus}</td></tr>
 *   <tr><td>{@link #agencies}</td><td>{@code POST /getAgenciesList} ({@code oldCode}) or
 *       {@code /getAgenciesListQD20} ({@code code102})</td></tr>
 * </table>
 *
 * <p>Every other {@code POST} has an empty body with {@code Content-Type: application/json}, as the official client
 * sends it.
 *
 * <h2>Wire form of {@code sendEdoc}</h2>
 * The official client (SDKVXP 2.0.1) is what the real axis is known to accept: it sends the raw file followed by
 * CRLF, no multipart, and writes {@code hash-file} with {@code Integer.toHexString} per byte, so a byte below
 * {@code 0x10} loses its leading zero (55–64 characters). This client sends exactly that by default. What the real
 * axis does with a multipart body or a zero-padded hash is not known, so those stay options
 * ({@link Builder#uploadForm(UploadForm)}, {@link Builder#hashFormat(HashFormat)}) for an axis known to want them.
 *
 * <h2>Sending without duplicates</h2>
 * The axis knows no idempotency key, so no {@code Idempotency-Key} is sent and a send whose outcome is unknown
 * (connection reset after the upload, a timeout, a 5xx) is not blindly repeated. The client asks
 * {@code getSentEdocList} whether a package with the same {@code hash-file} (in either form, padded or not) was
 * accepted: if so, {@link #send}
 * returns that {@code DocId} with {@link SendResult#duplicate()} {@code true}; if not, it sends again, up to
 * {@link Builder#sendAttempts(int)} sends. That the sent list carries each package's hash (member
 * {@code hashFile}) is what the sandbox does; whether the real axis does is not known [INFERRED] — if it does not,
 * the lookup finds nothing and the client resends, which is the official SDK's behaviour. When the lookup itself
 * fails, the original failure is thrown: the outcome stays unknown and the caller must reconcile later.
 * Per-call {@link RequestOptions} may set a deadline, an attempt cap for each HTTP call, a correlation id and extra
 * headers (an extra {@code XroadVnpt-*} header is signed like the others), but not an idempotency key.
 *
 * <h2>Errors [INFERRED]</h2>
 * The axis answers a refusal with {@code status: FAIL} and an {@code ErrorCode} other than {@code "0"}. Its code
 * table is not public; {@link ErrorCodes} holds the codes this client assumes (those the
 * sandbox uses) and {@link Builder#errorCode(String, ErrorKind)} adds or overrides any mapping.
 *
 * <p>Every failure is an {@link EgovException}. An answer that cannot be used is a {@link PlatformException} of fault
 * PLATFORM, not retryable, saying what it is: a redirect (naming its status and {@code Location}), a body that is not a
 * JSON object, a JSON object that is not the axis' envelope (no {@code status} and no {@code ErrorCode}, or members of
 * the wrong type), an OK without a usable {@code DocId} or {@code count}, a {@code data} that is not an array (lists)
 * or not base64 (getEdoc). An answer that is not readable HTTP is a {@link vn.egov.sdk.core.TransportException}. List
 * entries whose docId breaks the rule of {@link #fetch} (1–256 printable ASCII characters, no space, no {@code /} or
 * {@code \}, not {@code .} or {@code ..}) are dropped with one WARN naming them on logger
 * {@code vn.egov.sdk.axis.vdxp}, rather than failing the whole list: one junk entry must not hide the documents
 * behind it, and a junk id could be neither fetched nor acknowledged.
 *
 * <p>Thread-safe; {@link #close()} releases the connections.
 */
public final class VdxpAxisClient implements DocumentAxisClient {
    /** The {@code servicetype} of documents. */
    public static final String SERVICE_TYPE = "eDoc";
    /** The multipart part name of the package (with {@link UploadForm#MULTIPART}). */
    public static final String FILE_PART = "file_doc";
    private static final HttpBody EMPTY_JSON = HttpBody.ofBytes(new byte[0], "application/json");

    private final String endpoint;
    private final HttpRuntime runtime;
    private final Optional<DocumentSigner> signer;
    private final Optional<SignatureVerifier> verifier;
    private final EdXmlValidator validator;
    private final VdxpErrors errors;
    private final AxisFiles files;
    private final VdxpSendLoop sendLoop;
    private final UploadForm uploadForm;
    private final HashFormat hashFormat;

    private VdxpAxisClient(Builder b) {
        this.uploadForm = b.uploadForm;
        this.hashFormat = b.hashFormat;
        this.endpoint = b.endpoint;
        this.signer = Optional.ofNullable(b.signer);
        this.verifier = Optional.ofNullable(b.verifier);
        this.validator = b.validator != null ? b.validator : EdXmlValidator.builder().clock(b.clock).build();
        this.files = new AxisFiles("vdxp-", Optional.ofNullable(b.tempDirectory));
        this.sendLoop = new VdxpSendLoop(b.sendAttempts, b.retryPolicy, b.sleeper);
        this.errors = new VdxpErrors(b.errorTable);
        VdxpHeaderBundle.Builder auth = VdxpHeaderBundle.builder(b.systemId, b.secret, b.clock);
        if (b.userAgent != null) {
            auth.userAgent(b.userAgent);
        }
        HttpRuntime.Builder rb = HttpRuntime.builder()
                .auth(auth.build())
                .generateIdempotencyKeys(false)
                .errorMapper(errors)
                .clock(b.clock)
                .sleeper(b.sleeper)
                .retryPolicy(b.retryPolicy)
                .deadline(b.deadline)
                .connectTimeout(b.connectTimeout)
                .readTimeout(b.readTimeout)
                .writeTimeout(b.readTimeout)
                .maxResponseBytes(b.maxResponseBytes);
        b.interceptors.forEach(rb::addInterceptor);
        rb.addInterceptor(errors.interceptor());
        this.runtime = rb.build();
    }

    /**
     * A new builder.
     *
     * @return the builder
     */
    public static Builder builder() {
        return new Builder();
    }

    @Override
    public SendResult send(EdXmlPackage pkg) {
        return send(pkg, RequestOptions.DEFAULT);
    }

    @Override
    public SendResult send(EdXmlPackage pkg, RequestOptions options) {
        require(pkg, "pkg");
        require(options, "options");
        if (options.idempotencyKey().isPresent()) {
            throw ValidationException.of("vdxp.idempotencyKey", "RequestOptions.idempotencyKey",
                    "the national axis knows no idempotency key; duplicates are avoided by the sent-list check");
        }
        validator.validate(pkg).throwIfInvalid();
        MessageType type = pkg instanceof StatusPackage ? MessageType.STATUS : MessageType.EDOC;
        String from = senderOf(pkg);
        String documentId = pkg instanceof DocumentPackage d ? d.header().documentId().value() : "";
        Path file = files.write(pkg, signer);
        try {
            byte[] digest = AxisFiles.sha256(file);
            String hash = hashFormat == HashFormat.UNPADDED ? VdxpUpload.unpaddedHex(digest)
                    : VdxpUpload.paddedHex(digest);
            HttpBody body = uploadForm == UploadForm.RAW ? VdxpUpload.raw(file)
                    : HttpBody.multipart().file(FILE_PART, "edoc.edxml", VdxpUpload.OCTET_STREAM, file).build();
            ApiRequest request = ApiRequest.builder("POST", endpoint + "/sendEdoc")
                    .header(VdxpHeaderBundle.PREFIX + "Content-Type", VdxpUpload.OCTET_STREAM)
                    .header(VdxpHeaderBundle.PREFIX + "from", from)
                    .header(VdxpHeaderBundle.PREFIX + "servicetype", SERVICE_TYPE)
                    .header(VdxpHeaderBundle.PREFIX + "messagetype", type.wire())
                    .header(VdxpHeaderBundle.PREFIX + "hash-file", hash)
                    .body(body)
                    .build();
            List<String> hashForms = VdxpUpload.forms(digest);
            VdxpSendLoop.Outcome outcome = sendLoop.run(
                    () -> docIdOf(request, answer(request, execute(request, options))),
                    h -> {
                        ApiRequest lookup = sentListRequest(type, Optional.empty());
                        return VdxpItems.sentDocIdWithHash(answer(lookup, execute(lookup, RequestOptions.DEFAULT)),
                                hashForms, lookup.toString());
                    }, hash);
            return new SendResult(outcome.docId(), documentId, outcome.duplicate());
        } finally {
            AxisFiles.delete(file);
        }
    }

    @Override
    public List<ReceivedItem> listReceived(MessageType type) {
        require(type, "type");
        ApiRequest request = call("POST", "/getReceivedEdocList")
                .header(VdxpHeaderBundle.PREFIX + "servicetype", SERVICE_TYPE)
                .header(VdxpHeaderBundle.PREFIX + "messagetype", type.wire())
                .idempotent(true).build();
        return VdxpItems.received(answer(request, execute(request, RequestOptions.DEFAULT)), type,
                request.toString());
    }

    @Override
    public ReceivedPackage fetch(String docId) {
        Path file = download(docId);
        try {
            Optional<SignatureCheck> check = Optional.empty();
            if (verifier.isPresent()) {
                try (InputStream in = Files.newInputStream(file)) {
                    check = Optional.of(verifier.get().verify(in));
                }
            }
            try (InputStream in = Files.newInputStream(file)) {
                return new ReceivedPackage(docId, EdXml.read(in), check);
            }
        } catch (IOException e) {
            throw localFailure("cannot read the fetched package " + docId, e);
        } finally {
            AxisFiles.delete(file);
        }
    }

    @Override
    public void fetchTo(String docId, OutputStream out) {
        require(out, "out");
        Path file = download(docId);
        try {
            Files.copy(file, out);
        } catch (IOException e) {
            throw localFailure("cannot write the fetched package " + docId, e);
        } finally {
            AxisFiles.delete(file);
        }
    }

    @Override
    public void acknowledge(String docId, TransportAck ack) {
        requireDocId(docId);
        require(ack, "ack");
        ApiRequest request = call("POST", "/updateStatus")
                .header(VdxpHeaderBundle.PREFIX + "docId", docId)
                .header(VdxpHeaderBundle.PREFIX + "status", ack.wire())
                .idempotent(true).build();
        answer(request, execute(request, RequestOptions.DEFAULT));
    }

    @Override
    public List<SentItem> listSent(MessageType type, Optional<String> docId) {
        require(type, "type");
        require(docId, "docId");
        docId.ifPresent(VdxpAxisClient::requireDocId);
        ApiRequest request = sentListRequest(type, docId);
        return VdxpItems.sent(answer(request, execute(request, RequestOptions.DEFAULT)), type, request.toString());
    }

    @Override
    public long countReceived(MessageType type) {
        require(type, "type");
        String path = type == MessageType.STATUS ? "/countReceiveStatus" : "/countReceiveEdoc";
        ApiRequest request = call("GET", path).build();
        return VdxpItems.count(answer(request, execute(request, RequestOptions.DEFAULT)), request.toString());
    }

    @Override
    public List<Agency> agencies(CodeSystem system) {
        require(system, "system");
        String path = system == CodeSystem.QCVN_102 ? "/getAgenciesList" : "/getAgenciesListQD20";
        ApiRequest request = call("POST", path).idempotent(true).build();
        return VdxpItems.agencies(answer(request, execute(request, RequestOptions.DEFAULT)), system,
                request.toString());
    }

    @Override
    public void close() {
        runtime.close();
    }

    @Override
    public String toString() {
        return "VdxpAxisClient[" + endpoint + "]";
    }

    private ApiRequest sentListRequest(MessageType type, Optional<String> docId) {
        ApiRequest.Builder b = call("POST", "/getSentEdocList")
                .header(VdxpHeaderBundle.PREFIX + "servicetype", SERVICE_TYPE)
                .header(VdxpHeaderBundle.PREFIX + "messagetype", type.wire());
        docId.ifPresent(id -> b.header(VdxpHeaderBundle.PREFIX + "docId", id));
        return b.idempotent(true).build();
    }

    /** Downloads a package into a temporary file (decoding base64 as it streams); the caller deletes it. */
    private Path download(String docId) {
        requireDocId(docId);
        ApiRequest request = call("POST", "/getEdoc")
                .header(VdxpHeaderBundle.PREFIX + "docId", docId)
                .idempotent(true).build();
        Path file = files.newFile(".edxml");
        boolean done = false;
        try {
            // streamed: the base64 is decoded into the file as it arrives, never held whole in memory
            Streamed got = runtime.execute(request, RequestOptions.DEFAULT, (status, headers, body) -> {
                try (OutputStream out = Files.newOutputStream(file)) {
                    return new Streamed(status, VdxpEnvelope.decodeStreaming(body, out));
                }
            });
            int status = got.status();
            if (got.decoded().isEmpty()) {
                throw malformed(request, status, "with a body that is not one JSON object");
            }
            VdxpEnvelope env = got.decoded().get().envelope();
            if (env.refusal()) {
                throw errors.refusal(request, env, status,
                        new AttemptContext("", 1, Optional.empty(), runtime.clock().instant()));
            }
            if (!env.defect().isEmpty()) {
                throw malformed(request, status, "with a JSON object that is not the axis' envelope ("
                        + env.defect() + ")");
            }
            String dataDefect = got.decoded().get().dataDefect();
            if (!dataDefect.isEmpty()) {
                throw malformed(request, status, "with a package whose " + dataDefect);
            }
            if (!env.ok()) {
                throw malformed(request, status, "with a JSON object that is not the axis' envelope ("
                        + env.problem().orElse("") + ")");
            }
            if (Files.size(file) == 0) {
                throw malformed(request, status, "without a package (data absent or empty)");
            }
            done = true;
            return file;
        } catch (IOException e) {
            throw localFailure("cannot store the fetched package " + docId, e);
        } finally {
            if (!done) {
                AxisFiles.delete(file);
            }
        }
    }

    private ApiResponse execute(ApiRequest request, RequestOptions options) {
        return runtime.execute(request, options);
    }

    /**
     * A call without a body of its own: a {@code POST} carries an empty body with {@code Content-Type:
     * application/json}, as the official client sends it.
     */
    private ApiRequest.Builder call(String method, String path) {
        ApiRequest.Builder b = ApiRequest.builder(method, endpoint + path);
        return "POST".equals(method) ? b.body(EMPTY_JSON) : b;
    }

    /**
     * The JSON object of a 2xx answer that the axis' envelope says is a success (refusals were already turned into
     * exceptions by {@link VdxpErrors}).
     *
     * @throws PlatformException naming what the answer is instead
     */
    private JsonNode answer(ApiRequest request, ApiResponse response) {
        JsonNode body = Json.tryParseObject(response.bodyStream()).orElseThrow(() -> new PlatformException(request
                + " answered HTTP " + response.status() + " with a body that is not a JSON object",
                ErrorDetails.of(Fault.PLATFORM, false).withHttpStatus(response.status()), null));
        VdxpEnvelope env = VdxpEnvelope.of(body);
        if (env.refusal()) {
            throw errors.refusal(request, env, response.status(),
                    new AttemptContext("", 1, Optional.empty(), runtime.clock().instant()));
        }
        if (!env.ok()) {
            throw new PlatformException(request + " answered HTTP " + response.status()
                    + " with a JSON object that is not the axis' envelope (" + env.problem().orElse("") + ")",
                    ErrorDetails.of(Fault.PLATFORM, false).withHttpStatus(response.status()), null);
        }
        return body;
    }

    private static String docIdOf(ApiRequest request, JsonNode body) {
        return AxisIds.of(body.get("DocId")).orElseThrow(() -> new PlatformException(request
                + " answered OK without a usable DocId (" + AxisIds.describe(body.get("DocId")) + ")",
                ErrorDetails.of(Fault.PLATFORM, false).withHttpStatus(200), null));
    }

    private static String senderOf(EdXmlPackage pkg) {
        String from = pkg instanceof DocumentPackage d ? d.header().from().organId().value()
                : ((StatusPackage) pkg).from().organId().value();
        if (from.isEmpty()) {
            throw ValidationException.of("vdxp.from", "MessageHeader.From.OrganId", "the sender's OrganId is required");
        }
        return from;
    }

    private static PlatformException malformed(ApiRequest request, int status, String what) {
        return new PlatformException(request + " answered HTTP " + status + " " + what,
                ErrorDetails.of(Fault.PLATFORM, false).withHttpStatus(status), null);
    }

    /** What the streamed {@code getEdoc} answer held, and its HTTP status. */
    private record Streamed(int status, Optional<VdxpEnvelope.Decoded> decoded) {
    }

    private static EgovException localFailure(String what, IOException e) {
        return new EgovException(what + ": " + e.getClass().getSimpleName(), ErrorDetails.of(Fault.CALLER, false),
                new UncheckedIOException(e));
    }

    private static void require(Object value, String field) {
        if (value == null) {
            throw ValidationException.of("vdxp." + field, field, field + " is required");
        }
    }

    private static void requireDocId(String value) {
        if (value == null || value.isBlank()) {
            throw ValidationException.of("vdxp.docId", "docId", "docId is required");
        }
        Optional<String> problem = AxisIds.problem(value);
        if (problem.isPresent()) {
            throw ValidationException.of("vdxp.docId", "docId", "docId must be 1 to " + AxisIds.MAX_LENGTH
                    + " printable ASCII characters without spaces or path separators, and " + problem.get());
        }
    }

    /**
     * How {@code sendEdoc} carries the package.
     */
    public enum UploadForm {
        /**
         * The official client's form (the default): the raw edXML file followed by CRLF, {@code Content-Type:
         * application/octet-stream}. The real axis is known to accept it: it is what agencies' systems send today.
         */
        RAW,
        /**
         * {@code multipart/form-data} with the file in part {@value VdxpAxisClient#FILE_PART}, as this SDK sent
         * before. Whether the real axis accepts it is not known; use it only against an axis known to.
         */
        MULTIPART
    }

    /**
     * How {@code hash-file} (lowercase hex SHA-256 of the file) is written.
     */
    public enum HashFormat {
        /**
         * The official client's form (the default): each byte by {@code Integer.toHexString(b & 0xff)}, so a byte
         * below {@code 0x10} is one digit and the whole 55 to 64 characters. The real axis is known to accept it.
         */
        UNPADDED,
        /**
         * Two digits per byte, 64 characters, as hex is usually written. Whether the real axis accepts it is not
         * known; use it only against an axis known to.
         */
        ZERO_PADDED
    }

    /** What an axis {@code ErrorCode} means, and so which exception it becomes. */
    public enum ErrorKind {
        /** Refused credentials: bad HMAC, unknown system, timestamp outside the window, sender not served by the
         *  system → {@link vn.egov.sdk.core.AuthenticationException}, not retryable. */
        AUTHENTICATION(false),
        /** {@code hash-file} does not match the uploaded file (altered in transit) →
         *  {@link PlatformException}, not retryable as such (the caller may send again). */
        HASH_MISMATCH(false),
        /** A recipient is unknown to the axis → {@link vn.egov.sdk.core.CounterpartyException}. */
        COUNTERPARTY(false),
        /** The axis refused the request as it is (invalid package, unknown docId, bad parameter) →
         *  {@link PlatformException}, not retryable. */
        REJECTED(false),
        /** The axis failed internally → {@link PlatformException}, retryable. */
        UNAVAILABLE(true);

        private final boolean retryable;

        ErrorKind(boolean retryable) {
            this.retryable = retryable;
        }

        /**
         * Whether a later repeat may succeed.
         *
         * @return the flag carried by the exception
         */
        public boolean retryable() {
            return retryable;
        }
    }

    /**
     * The axis error codes this client assumes [INFERRED]: the real table is not published; these
     * are the sandbox's. Codes not in the table are {@link ErrorKind#REJECTED} (or {@link ErrorKind#UNAVAILABLE} with
     * an HTTP 5xx).
     */
    public static final class ErrorCodes {
        /** Success. */
        public static final String OK = "0";
        /** {@code hash-header} does not match the HMAC of {@code sign-header}. */
        public static final String BAD_SIGNATURE = "1001";
        /** {@code systemid} unknown to the axis. */
        public static final String UNKNOWN_SYSTEM = "1002";
        /** {@code timestamp} missing, malformed or outside the axis' window. */
        public static final String TIMESTAMP_OUT_OF_WINDOW = "1003";
        /** Signed headers missing or not equal to the headers sent. */
        public static final String BAD_SIGNED_HEADERS = "1004";
        /** The {@code from} organ is not served by the calling system. */
        public static final String SENDER_NOT_SERVED = "1005";
        /** {@code hash-file} differs from the SHA-256 of the uploaded file. */
        public static final String HASH_FILE_MISMATCH = "2001";
        /** The uploaded file is not a readable edXML package. */
        public static final String INVALID_PACKAGE = "2002";
        /** A recipient organ id is unknown to the axis. */
        public static final String UNKNOWN_RECIPIENT = "2003";
        /** No package with this docId for the calling system. */
        public static final String DOC_NOT_FOUND = "2004";
        /** A required parameter is missing or invalid. */
        public static final String BAD_REQUEST = "2005";
        /** The axis failed internally. */
        public static final String INTERNAL_ERROR = "5000";

        private ErrorCodes() {
        }

        /**
         * The default table.
         *
         * @return code → kind, in code order
         */
        public static Map<String, ErrorKind> defaults() {
            Map<String, ErrorKind> m = new LinkedHashMap<>();
            m.put(BAD_SIGNATURE, ErrorKind.AUTHENTICATION);
            m.put(UNKNOWN_SYSTEM, ErrorKind.AUTHENTICATION);
            m.put(TIMESTAMP_OUT_OF_WINDOW, ErrorKind.AUTHENTICATION);
            m.put(BAD_SIGNED_HEADERS, ErrorKind.AUTHENTICATION);
            m.put(SENDER_NOT_SERVED, ErrorKind.AUTHENTICATION);
            m.put(HASH_FILE_MISMATCH, ErrorKind.HASH_MISMATCH);
            m.put(INVALID_PACKAGE, ErrorKind.REJECTED);
            m.put(UNKNOWN_RECIPIENT, ErrorKind.COUNTERPARTY);
            m.put(DOC_NOT_FOUND, ErrorKind.REJECTED);
            m.put(BAD_REQUEST, ErrorKind.REJECTED);
            m.put(INTERNAL_ERROR, ErrorKind.UNAVAILABLE);
            return Collections.unmodifiableMap(m);
        }
    }

    /** Builder of {@link VdxpAxisClient}. Not thread-safe. */
    public static final class Builder {
        private String endpoint;
        private String systemId;
        private Secret secret;
        private DocumentSigner signer;
        private SignatureVerifier verifier;
        private EdXmlValidator validator;
        private Clock clock = Clock.systemUTC();
        private Sleeper sleeper = Sleeper.SYSTEM;
        private RetryPolicy retryPolicy = RetryPolicy.defaults();
        private Duration deadline = Duration.ofSeconds(120);
        private Duration connectTimeout = Duration.ofSeconds(10);
        private Duration readTimeout = Duration.ofSeconds(60);
        private long maxResponseBytes = 64L * 1024 * 1024;
        private int sendAttempts = 3;
        private UploadForm uploadForm = UploadForm.RAW;
        private HashFormat hashFormat = HashFormat.UNPADDED;
        private Path tempDirectory;
        private String userAgent;
        private final List<HttpInterceptor> interceptors = new ArrayList<>();
        private final Map<String, ErrorKind> errorTable = new LinkedHashMap<>(ErrorCodes.defaults());

        private Builder() {
        }

        /**
         * The axis' base URL ({@code service.endpoint}); operations are appended to it.
         *
         * @param value an absolute http(s) URL
         * @return this builder
         */
        public Builder endpoint(String value) {
            if (value == null || !value.toLowerCase(Locale.ROOT).matches("https?://[^\\s/]+.*")) {
                throw ValidationException.of("vdxp.endpoint", "VdxpAxisClient.endpoint",
                        "endpoint must be an absolute http or https URL");
            }
            this.endpoint = value.endsWith("/") ? value.substring(0, value.length() - 1) : value;
            return this;
        }

        /**
         * The system id issued by the operator ({@code systemid}, e.g. {@code vxp.saas.01}).
         *
         * @param value the id
         * @return this builder
         */
        public Builder systemId(String value) {
            this.systemId = value;
            return this;
        }

        /**
         * The system's secret ({@code secret}).
         *
         * @param value the secret
         * @return this builder
         */
        public Builder secret(Secret value) {
            this.secret = value;
            return this;
        }

        /**
         * Signs each package before it is sent.
         *
         * @param value the signer
         * @return this builder
         */
        public Builder signer(DocumentSigner value) {
            this.signer = ValidationException.requireNonNull(value, "VdxpAxisClient.signer");
            return this;
        }

        /**
         * Checks the signature of each fetched package.
         *
         * @param value the verifier
         * @return this builder
         */
        public Builder verifier(SignatureVerifier value) {
            this.verifier = ValidationException.requireNonNull(value, "VdxpAxisClient.verifier");
            return this;
        }

        /**
         * The validator run before each send (default: {@link EdXmlValidator} defaults on this client's clock).
         *
         * @param value the validator
         * @return this builder
         */
        public Builder validator(EdXmlValidator value) {
            this.validator = ValidationException.requireNonNull(value, "VdxpAxisClient.validator");
            return this;
        }

        /**
         * The clock of timestamps, deadlines and validation (default UTC system clock).
         *
         * @param value the clock
         * @return this builder
         */
        public Builder clock(Clock value) {
            this.clock = ValidationException.requireNonNull(value, "VdxpAxisClient.clock");
            return this;
        }

        /**
         * How the client waits between attempts.
         *
         * @param value the sleeper
         * @return this builder
         */
        public Builder sleeper(Sleeper value) {
            this.sleeper = ValidationException.requireNonNull(value, "VdxpAxisClient.sleeper");
            return this;
        }

        /**
         * The retry policy of reads, and the waits between sends.
         *
         * @param value the policy
         * @return this builder
         */
        public Builder retryPolicy(RetryPolicy value) {
            this.retryPolicy = ValidationException.requireNonNull(value, "VdxpAxisClient.retryPolicy");
            return this;
        }

        /**
         * The deadline of each HTTP call (default 120 s).
         *
         * @param value positive
         * @return this builder
         */
        public Builder deadline(Duration value) {
            this.deadline = positive(value, "deadline");
            return this;
        }

        /**
         * The connect timeout (default 10 s).
         *
         * @param value positive
         * @return this builder
         */
        public Builder connectTimeout(Duration value) {
            this.connectTimeout = positive(value, "connectTimeout");
            return this;
        }

        /**
         * The read and write timeout per socket operation (default 60 s).
         *
         * @param value positive
         * @return this builder
         */
        public Builder readTimeout(Duration value) {
            this.readTimeout = positive(value, "readTimeout");
            return this;
        }

        /**
         * The largest response read (default 64 MiB: a 20 MB package is ~27 MB of base64).
         *
         * @param value bytes, positive
         * @return this builder
         */
        public Builder maxResponseBytes(long value) {
            if (value < 1) {
                throw ValidationException.of("vdxp.maxResponseBytes", "VdxpAxisClient.maxResponseBytes",
                        "maxResponseBytes must be positive");
            }
            this.maxResponseBytes = value;
            return this;
        }

        /**
         * Sends of one package in all, the first included, when outcomes are unknown (default 3).
         *
         * @param value 1 to 10
         * @return this builder
         */
        public Builder sendAttempts(int value) {
            if (value < 1 || value > 10) {
                throw ValidationException.of("vdxp.sendAttempts", "VdxpAxisClient.sendAttempts",
                        "sendAttempts must be 1 to 10");
            }
            this.sendAttempts = value;
            return this;
        }

        /**
         * How {@code sendEdoc} carries the package (default {@link UploadForm#RAW}, the official client's form).
         *
         * @param value the form
         * @return this builder
         */
        public Builder uploadForm(UploadForm value) {
            this.uploadForm = ValidationException.requireNonNull(value, "VdxpAxisClient.uploadForm");
            return this;
        }

        /**
         * How {@code hash-file} is written (default {@link HashFormat#UNPADDED}, the official client's form).
         *
         * @param value the format
         * @return this builder
         */
        public Builder hashFormat(HashFormat value) {
            this.hashFormat = ValidationException.requireNonNull(value, "VdxpAxisClient.hashFormat");
            return this;
        }

        /**
         * Where temporary package files go (default the system's temporary directory).
         *
         * @param value an existing directory
         * @return this builder
         */
        public Builder tempDirectory(Path value) {
            this.tempDirectory = ValidationException.requireNonNull(value, "VdxpAxisClient.tempDirectory");
            return this;
        }

        /**
         * The {@code User-Agent} (default {@value VdxpHeaderBundle#DEFAULT_USER_AGENT}).
         *
         * @param value the user agent
         * @return this builder
         */
        public Builder userAgent(String value) {
            this.userAgent = value;
            return this;
        }

        /**
         * Adds an interceptor (audit, metrics); it runs after the HMAC headers are added.
         *
         * @param value the interceptor
         * @return this builder
         */
        public Builder addInterceptor(HttpInterceptor value) {
            interceptors.add(ValidationException.requireNonNull(value, "VdxpAxisClient.interceptor"));
            return this;
        }

        /**
         * Maps an axis {@code ErrorCode} to a kind, adding to or overriding {@link ErrorCodes#defaults()}.
         *
         * @param code the code
         * @param kind what it means
         * @return this builder
         */
        public Builder errorCode(String code, ErrorKind kind) {
            if (code == null || code.isBlank() || kind == null) {
                throw ValidationException.of("vdxp.errorCode", "VdxpAxisClient.errorCode",
                        "an error code and its kind are required");
            }
            errorTable.put(code, kind);
            return this;
        }

        /**
         * Builds the client.
         *
         * @return the client
         * @throws ValidationException naming the first missing field
         */
        public VdxpAxisClient build() {
            if (endpoint == null) {
                throw ValidationException.of("vdxp.endpoint", "VdxpAxisClient.endpoint", "endpoint is required");
            }
            if (systemId == null || systemId.isBlank()) {
                throw ValidationException.of("vdxp.systemId", "VdxpAxisClient.systemId", "systemId is required");
            }
            if (secret == null) {
                throw ValidationException.of("vdxp.secret", "VdxpAxisClient.secret", "secret is required");
            }
            return new VdxpAxisClient(this);
        }

        private static Duration positive(Duration value, String field) {
            if (value == null || value.isNegative() || value.isZero()) {
                throw ValidationException.of("vdxp." + field, "VdxpAxisClient." + field, field + " must be positive");
            }
            return value;
        }
    }
}
