package vn.egov.sdk.axis;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import vn.egov.sdk.axis.internal.AxisFiles;
import vn.egov.sdk.axis.internal.VdxpCalls;
import vn.egov.sdk.axis.internal.VdxpErrors;
import vn.egov.sdk.axis.internal.VdxpItems;
import vn.egov.sdk.axis.internal.VdxpSendLoop;
import vn.egov.sdk.axis.internal.VdxpUpload;
import vn.egov.sdk.core.EgovException;
import vn.egov.sdk.core.PlatformException;
import vn.egov.sdk.core.RequestOptions;
import vn.egov.sdk.core.ValidationException;
import vn.egov.sdk.core.auth.VdxpHeaderBundle;
import vn.egov.sdk.core.http.ApiRequest;
import vn.egov.sdk.core.http.ClientSettings;
import vn.egov.sdk.core.http.HttpBody;
import vn.egov.sdk.core.http.HttpRuntime;
import vn.egov.sdk.core.http.RetryPolicy;
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
 *         .settings(ClientSettings.builder().endpoint("https://axis.example.gov.vn/vdxp").build())
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
 *       CRLF) in lowercase hex without zero padding ({@link VdxpUploadForm}, {@link VdxpHashFormat}); logical headers
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
 * ({@link VdxpAxisClientBuilder#uploadForm(VdxpUploadForm)},
 * {@link VdxpAxisClientBuilder#hashFormat(VdxpHashFormat)}) for an axis known to want them.
 *
 * <h2>Sending without duplicates</h2>
 * The axis knows no idempotency key, so no {@code Idempotency-Key} is sent and a send whose outcome is unknown
 * (connection reset after the upload, a timeout, a 5xx) is not blindly repeated. The client asks
 * {@code getSentEdocList} whether a package with the same {@code hash-file} (in either form, padded or not) was
 * accepted: if so, {@link #send}
 * returns that {@code DocId} with {@link SendResult#duplicate()} {@code true}; if not, it sends again, up to
 * {@link VdxpAxisClientBuilder#sendAttempts(int)} sends. That the sent list carries each package's hash (member
 * {@code hashFile}) is what the sandbox does; whether the real axis does is not known [INFERRED] — if it does not,
 * the lookup finds nothing and the client resends, which is the official SDK's behaviour. When the lookup itself
 * fails, the original failure is thrown: the outcome stays unknown and the caller must reconcile later.
 * Per-call {@link RequestOptions} may set a deadline, an attempt cap for each HTTP call, a correlation id and extra
 * headers (an extra {@code XroadVnpt-*} header is signed like the others), but not an idempotency key.
 *
 * <h2>Errors [INFERRED]</h2>
 * The axis answers a refusal with {@code status: FAIL} and an {@code ErrorCode} other than {@code "0"}. Its code
 * table is not public; {@link ErrorCodes} holds the codes this client assumes (those the
 * sandbox uses) and {@link VdxpAxisClientBuilder#errorCode(String, VdxpErrorKind)} adds or overrides any mapping.
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
 * <h2>Settings</h2>
 * The endpoint is required in the {@link ClientSettings}; what it leaves unset takes this client's defaults: connect
 * timeout 10 s, read and write timeouts 60 s, deadline of each HTTP call 120 s, {@link RetryPolicy#defaults()},
 * responses up to 64 MiB (a 20 MB package is ~27 MB of base64), {@code User-Agent}
 * {@value VdxpHeaderBundle#DEFAULT_USER_AGENT}. The retry policy also spaces repeated sends.
 *
 * <p>Thread-safe; {@link #close()} releases the connections.
 */
public final class VdxpAxisClient implements DocumentAxisClient {
    /** The {@code servicetype} of documents. */
    public static final String SERVICE_TYPE = "eDoc";
    /** The multipart part name of the package (with {@link VdxpUploadForm#MULTIPART}). */
    public static final String FILE_PART = "file_doc";

    /** This client's defaults for what the {@link ClientSettings} leave unset. */
    static final ClientSettings DEFAULTS = ClientSettings.builder()
            .connectTimeout(Duration.ofSeconds(10))
            .readTimeout(Duration.ofSeconds(60))
            .writeTimeout(Duration.ofSeconds(60))
            .deadline(Duration.ofSeconds(120))
            .retryPolicy(RetryPolicy.defaults())
            .userAgent(VdxpHeaderBundle.DEFAULT_USER_AGENT)
            .maxResponseBytes(64L * 1024 * 1024)
            .build();

    private final String endpoint;
    private final HttpRuntime runtime;
    private final VdxpCalls calls;
    private final Optional<DocumentSigner> signer;
    private final Optional<SignatureVerifier> verifier;
    private final EdXmlValidator validator;
    private final AxisFiles files;
    private final VdxpSendLoop sendLoop;
    private final VdxpUploadForm uploadForm;
    private final VdxpHashFormat hashFormat;

    VdxpAxisClient(VdxpAxisClientBuilder b, ClientSettings settings) {
        ClientSettings s = settings.orElse(DEFAULTS);
        this.uploadForm = b.uploadForm;
        this.hashFormat = b.hashFormat;
        this.endpoint = s.endpoint().orElseThrow();
        this.signer = Optional.ofNullable(b.signer);
        this.verifier = Optional.ofNullable(b.verifier);
        this.validator = b.validator != null ? b.validator : EdXmlValidator.builder().clock(s.clock()).build();
        this.files = new AxisFiles("vdxp-", s.tempDirectory());
        this.sendLoop = new VdxpSendLoop(b.sendAttempts, s.retryPolicy().orElseThrow(), s.sleeper());
        VdxpErrors errors = new VdxpErrors(b.errorTable);
        VdxpHeaderBundle auth = VdxpHeaderBundle.builder(b.systemId, b.secret, s.clock())
                .userAgent(s.userAgent().orElseThrow()).build();
        this.runtime = HttpRuntime.builder()
                .settings(s.toBuilder().addInterceptor(errors.interceptor()).build())
                .auth(auth)
                .generateIdempotencyKeys(false)
                .errorMapper(errors)
                .build();
        this.calls = new VdxpCalls(endpoint, runtime, errors, files);
    }

    /**
     * A new builder.
     *
     * @return the builder
     */
    public static VdxpAxisClientBuilder builder() {
        return new VdxpAxisClientBuilder();
    }

    @Override
    public SendResult send(EdXmlPackage pkg) {
        return send(pkg, RequestOptions.DEFAULT);
    }

    @Override
    public SendResult send(EdXmlPackage pkg, RequestOptions options) {
        return send(pkg, options, Optional.empty());
    }

    @Override
    public SendResult send(EdXmlPackage pkg, RequestOptions options, Path archive) {
        AxisFiles.checkArchive(archive);
        return send(pkg, options, Optional.of(archive));
    }

    private SendResult send(EdXmlPackage pkg, RequestOptions options, Optional<Path> archive) {
        VdxpCalls.require(pkg, "pkg");
        VdxpCalls.require(options, "options");
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
            String hash = hashFormat == VdxpHashFormat.UNPADDED ? VdxpUpload.unpaddedHex(digest)
                    : VdxpUpload.paddedHex(digest);
            HttpBody body = uploadForm == VdxpUploadForm.RAW ? VdxpUpload.raw(file)
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
                    () -> VdxpCalls.docIdOf(request, calls.send(request, options)),
                    h -> {
                        ApiRequest lookup = sentListRequest(type, Optional.empty());
                        return VdxpItems.sentDocIdWithHash(calls.send(lookup, RequestOptions.DEFAULT), hashForms,
                                lookup.toString());
                    }, hash);
            Optional<Path> archived = archive.map(a -> AxisFiles.archive(file, a));
            return new SendResult(outcome.docId(), documentId, outcome.duplicate(), VdxpUpload.paddedHex(digest),
                    Files.size(file), archived);
        } catch (IOException e) {
            throw VdxpCalls.localFailure("cannot read the sent package's size", e);
        } finally {
            AxisFiles.delete(file);
        }
    }

    @Override
    public List<ReceivedItem> listReceived(MessageType type) {
        VdxpCalls.require(type, "type");
        ApiRequest request = calls.call("POST", "/getReceivedEdocList")
                .header(VdxpHeaderBundle.PREFIX + "servicetype", SERVICE_TYPE)
                .header(VdxpHeaderBundle.PREFIX + "messagetype", type.wire())
                .idempotent(true).build();
        return VdxpItems.received(calls.send(request, RequestOptions.DEFAULT), type, request.toString());
    }

    @Override
    public ReceivedPackage fetch(String docId) {
        VdxpCalls.requireDocId(docId);
        Path file = calls.download(docId);
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
            throw VdxpCalls.localFailure("cannot read the fetched package " + docId, e);
        } finally {
            AxisFiles.delete(file);
        }
    }

    @Override
    public void fetchTo(String docId, OutputStream out) {
        VdxpCalls.require(out, "out");
        VdxpCalls.requireDocId(docId);
        Path file = calls.download(docId);
        try {
            Files.copy(file, out);
        } catch (IOException e) {
            throw VdxpCalls.localFailure("cannot write the fetched package " + docId, e);
        } finally {
            AxisFiles.delete(file);
        }
    }

    @Override
    public void acknowledge(String docId, TransportAck ack) {
        VdxpCalls.requireDocId(docId);
        VdxpCalls.require(ack, "ack");
        ApiRequest request = calls.call("POST", "/updateStatus")
                .header(VdxpHeaderBundle.PREFIX + "docId", docId)
                .header(VdxpHeaderBundle.PREFIX + "status", ack.wire())
                .idempotent(true).build();
        calls.send(request, RequestOptions.DEFAULT);
    }

    @Override
    public List<SentItem> listSent(MessageType type, Optional<String> docId) {
        VdxpCalls.require(type, "type");
        VdxpCalls.require(docId, "docId");
        docId.ifPresent(VdxpCalls::requireDocId);
        ApiRequest request = sentListRequest(type, docId);
        return VdxpItems.sent(calls.send(request, RequestOptions.DEFAULT), type, request.toString());
    }

    @Override
    public long countReceived(MessageType type) {
        VdxpCalls.require(type, "type");
        String path = type == MessageType.STATUS ? "/countReceiveStatus" : "/countReceiveEdoc";
        ApiRequest request = calls.call("GET", path).build();
        return VdxpItems.count(calls.send(request, RequestOptions.DEFAULT), request.toString());
    }

    @Override
    public List<Agency> agencies(CodeSystem system) {
        VdxpCalls.require(system, "system");
        String path = system == CodeSystem.QCVN_102 ? "/getAgenciesList" : "/getAgenciesListQD20";
        ApiRequest request = calls.call("POST", path).idempotent(true).build();
        return VdxpItems.agencies(calls.send(request, RequestOptions.DEFAULT), system, request.toString());
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
        ApiRequest.Builder b = calls.call("POST", "/getSentEdocList")
                .header(VdxpHeaderBundle.PREFIX + "servicetype", SERVICE_TYPE)
                .header(VdxpHeaderBundle.PREFIX + "messagetype", type.wire());
        docId.ifPresent(id -> b.header(VdxpHeaderBundle.PREFIX + "docId", id));
        return b.idempotent(true).build();
    }

    private static String senderOf(EdXmlPackage pkg) {
        String from = pkg instanceof DocumentPackage d ? d.header().from().organId().value()
                : ((StatusPackage) pkg).from().organId().value();
        if (from.isEmpty()) {
            throw ValidationException.of("vdxp.from", "MessageHeader.From.OrganId", "the sender's OrganId is required");
        }
        return from;
    }

    /**
     * The axis error codes this client assumes [INFERRED]: the real table is not published; these
     * are the sandbox's. Codes not in the table are {@link VdxpErrorKind#REJECTED} (or {@link VdxpErrorKind#UNAVAILABLE} with
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
        public static Map<String, VdxpErrorKind> defaults() {
            Map<String, VdxpErrorKind> m = new LinkedHashMap<>();
            m.put(BAD_SIGNATURE, VdxpErrorKind.AUTHENTICATION);
            m.put(UNKNOWN_SYSTEM, VdxpErrorKind.AUTHENTICATION);
            m.put(TIMESTAMP_OUT_OF_WINDOW, VdxpErrorKind.AUTHENTICATION);
            m.put(BAD_SIGNED_HEADERS, VdxpErrorKind.AUTHENTICATION);
            m.put(SENDER_NOT_SERVED, VdxpErrorKind.AUTHENTICATION);
            m.put(HASH_FILE_MISMATCH, VdxpErrorKind.HASH_MISMATCH);
            m.put(INVALID_PACKAGE, VdxpErrorKind.REJECTED);
            m.put(UNKNOWN_RECIPIENT, VdxpErrorKind.COUNTERPARTY);
            m.put(DOC_NOT_FOUND, VdxpErrorKind.REJECTED);
            m.put(BAD_REQUEST, VdxpErrorKind.REJECTED);
            m.put(INTERNAL_ERROR, VdxpErrorKind.UNAVAILABLE);
            return Collections.unmodifiableMap(m);
        }
    }

}
