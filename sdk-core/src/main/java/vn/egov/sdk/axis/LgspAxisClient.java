package vn.egov.sdk.axis;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.egov.sdk.axis.internal.AxisFiles;
import vn.egov.sdk.axis.internal.AxisIds;
import vn.egov.sdk.axis.internal.LgspAuth;
import vn.egov.sdk.axis.internal.LgspEnvelopeInterceptor;
import vn.egov.sdk.axis.internal.LgspErrorMapper;
import vn.egov.sdk.axis.internal.LgspResponses;
import vn.egov.sdk.core.Causes;
import vn.egov.sdk.core.EgovException;
import vn.egov.sdk.core.ErrorDetails;
import vn.egov.sdk.core.Fault;
import vn.egov.sdk.core.PlatformException;
import vn.egov.sdk.core.RequestOptions;
import vn.egov.sdk.core.ValidationException;
import vn.egov.sdk.core.auth.LgspLogin;
import vn.egov.sdk.core.auth.StaticHeaders;
import vn.egov.sdk.core.http.ApiRequest;
import vn.egov.sdk.core.http.ApiResponse;
import vn.egov.sdk.core.http.ClientSettings;
import vn.egov.sdk.core.http.HttpBody;
import vn.egov.sdk.core.http.HttpRuntime;
import vn.egov.sdk.core.internal.Json;
import vn.egov.sdk.edxml.DocumentPackage;
import vn.egov.sdk.edxml.EdXml;
import vn.egov.sdk.edxml.EdXmlPackage;
import vn.egov.sdk.edxml.EdXmlReadOptions;
import vn.egov.sdk.edxml.EdXmlValidator;
import vn.egov.sdk.edxml.StatusPackage;

/**
 * A client of a provincial LGSP "Liên thông văn bản" REST v1 axis (trục tỉnh).
 *
 * <pre>{@code
 * try (LgspAxisClient lgsp = LgspAxisClient.builder()
 *         .settings(ClientSettings.builder().endpoint("https://apiltvb.example.gov.vn").build())
 *         .login("vendor-admin", Secret.of(System.getenv("LGSP_PASSWORD")), "QLVB")
 *         .system("my-system-id", Secret.of(System.getenv("LGSP_SECRET_KEY")))
 *         .build()) {
 *     SendResult sent = lgsp.send(pkg);
 * }
 * }</pre>
 *
 * <h2>Wire</h2>
 * <ul>
 *   <li>credentials: {@code Authorization: Bearer} from the account login ({@link LgspLogin}: token cached
 *       ~30 min, refreshed early, one login in flight, one re-login and repeat on 401) plus {@code X-SystemId} and
 *       {@code X-SecretKey} on every document call;</li>
 *   <li>{@link #send}: validated with {@link EdXmlValidator} (errors: {@link ValidationException}, nothing sent),
 *       written to a temporary file, signed when a {@link DocumentSigner} is set, uploaded by
 *       {@code POST /v1/sendEdoc} ({@code multipart/form-data}: file part {@code edocFile}, field
 *       {@code messageType=edoc|status});</li>
 *   <li>{@link #listReceived}: {@code GET /v1/syncReceivedEdocList?messageType=&fromDate=&toDate=} over the
 *       {@linkplain LgspAxisClientBuilder#lookBack(Duration) look-back window} (default 30 days, dates {@code yyyy/MM/dd} in
 *       Asia/Ho_Chi_Minh); {@link #countReceived} counts that list;</li>
 *   <li>{@link #fetch} / {@link #fetchTo}: {@code GET /v1/getEdoc?docId=}, {@code data.edxml} as XML text or
 *       Base64 (both accepted, detected by the first character). The package arrives inside a JSON answer, so it
 *       is held in memory once, bounded by {@link ClientSettings#maxResponseBytes()} (raise it for large
 *       packages: the Base64 answer is about 4/3 of the package);</li>
 *   <li>{@link #acknowledge}: {@code POST /v1/updateStatus {docId, status}} with {@link TransportAck#wire()};</li>
 *   <li>{@link #agencies}: {@code GET /v1/getAgenciesList}. LGSP v1 has one code system, so both
 *       {@link CodeSystem} values return the same list, without {@link Agency#otherCode()}.</li>
 *   <li>{@link #listSent} is not offered by LGSP v1: it throws a {@link PlatformException} (fault CALLER, platform
 *       code {@value #UNSUPPORTED}, not retryable, nothing sent).</li>
 * </ul>
 *
 * <h2>Errors</h2>
 * LGSP v1 refuses with HTTP 200 and {@code {success:false, data:{errorCode, errorDesc}}}; the code decides the
 * exception: {@code 15} wrong SystemId/SecretKey and {@code 19} sender not registered for this system:
 * {@link vn.egov.sdk.core.AuthenticationException}; {@code 18} recipient not found and {@code 23} recipient
 * locked: {@link vn.egov.sdk.core.CounterpartyException}; {@code 20} LGSP system error: retryable
 * {@link PlatformException} (repeated by the runtime for reads); {@code 10} invalid file and {@code 22} edXML not
 * conforming: {@link PlatformException} of fault CALLER; {@code 21} file processing error: {@link PlatformException}.
 * The code is in {@link EgovException#platformErrorCode()}. An answer that cannot be used (not JSON, no usable
 * {@code docId}, a list {@code data} that is not an array, a {@code data.edxml} neither XML nor base64, an
 * {@code updateStatus} answer that is not a JSON object) is a {@link PlatformException} of fault PLATFORM saying so;
 * list entries whose docId breaks the rule of {@code VdxpAxisClient} (1–256 printable ASCII characters, no space or
 * path separator) and agencies without {@code orgCode} are dropped with one WARN naming them, and {@link #fetch} /
 * {@link #acknowledge} refuse such an id with a {@link ValidationException}.
 *
 * <h2>Sends are never duplicated by the SDK</h2>
 * The upload is not repeated once it may have reached the server: this client sends no idempotency key (LGSP v1
 * has none), so a connection reset or timeout during {@code sendEdoc} ends in a
 * {@link vn.egov.sdk.core.TransportException} whose {@code mayHaveReachedServer()} is {@code true}. The caller must
 * then reconcile (ask the receiver, or look at the LGSP portal) before sending again. The national sandbox
 * additionally recognises a re-upload of the identical file by the same system and answers with the first
 * {@code docId} and {@code duplicate:true} ({@link SendResult#duplicate()}) [INFERRED: a real LGSP may not]. A
 * caller-supplied {@link RequestOptions#idempotencyKey()} is sent as {@code Idempotency-Key} and lets the runtime
 * repeat the upload; use it only against an LGSP known to honour it.
 *
 * <h2>Settings</h2>
 * The endpoint (the LGSP base URL without {@code /v1}) is required in the {@link ClientSettings}; what they leave
 * unset takes the defaults of {@link HttpRuntime}: connect timeout 10 s, read and write timeouts 30 s, deadline 60 s,
 * {@link vn.egov.sdk.core.http.RetryPolicy#defaults()}, responses up to 32 MiB.
 *
 * <p>Thread-safe; close it to release its connections.
 */
public final class LgspAxisClient implements DocumentAxisClient {
    /** The platform error code of an operation LGSP v1 does not offer. */
    public static final String UNSUPPORTED = "UNSUPPORTED";

    private static final Logger LOG = LoggerFactory.getLogger(LgspAxisClient.class);

    private final String baseUrl;
    private final HttpRuntime runtime;
    private final EdXmlValidator validator;
    private final Optional<DocumentSigner> signer;
    private final Optional<SignatureVerifier> verifier;
    private final Duration lookBack;
    private final Clock clock;
    private final AxisFiles files;
    private final EdXmlReadOptions readOptions;

    LgspAxisClient(LgspAxisClientBuilder b, ClientSettings settings) {
        this.baseUrl = settings.endpoint().orElseThrow();
        LgspLogin login = LgspLogin.builder().baseUrl(baseUrl).username(b.username).password(b.password)
                .applicationCode(b.applicationCode).tokenLifetime(b.tokenLifetime).refreshBefore(b.refreshBefore)
                .build();
        StaticHeaders system = StaticHeaders.builder().header("X-SystemId", b.systemId)
                .secretHeader("X-SecretKey", b.secretKey).build();
        this.runtime = HttpRuntime.builder()
                .settings(settings.toBuilder().addInterceptor(new LgspEnvelopeInterceptor()).build())
                .auth(new LgspAuth(login, system))
                .errorMapper(new LgspErrorMapper())
                .generateIdempotencyKeys(false)
                .build();
        this.validator = b.validator != null ? b.validator : EdXmlValidator.builder().clock(settings.clock()).build();
        this.signer = Optional.ofNullable(b.signer);
        this.verifier = Optional.ofNullable(b.verifier);
        this.lookBack = b.lookBack;
        this.clock = settings.clock();
        this.files = new AxisFiles("lgsp-", settings.tempDirectory());
        EdXmlReadOptions.Builder ro = EdXmlReadOptions.builder();
        settings.tempDirectory().ifPresent(ro::tempDirectory);
        this.readOptions = ro.build();
    }

    /**
     * A new builder.
     *
     * @return the builder
     */
    public static LgspAxisClientBuilder builder() {
        return new LgspAxisClientBuilder();
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
        if (pkg == null) {
            throw ValidationException.of("lgsp.send.pkg", "pkg", "the package is required");
        }
        ValidationException.requireNonNull(options, "LgspAxisClient.options");
        validator.validate(pkg).throwIfInvalid();
        MessageType type = pkg instanceof StatusPackage ? MessageType.STATUS : MessageType.EDOC;
        Path file = files.write(pkg, signer);
        try {
            ApiRequest request = ApiRequest.builder("POST", url("/v1/sendEdoc"))
                    .header("Accept", "application/json")
                    .body(HttpBody.multipart()
                            .field("messageType", type.wire())
                            .file("edocFile", "edoc-" + UUID.randomUUID() + ".edxml", "application/xml", file)
                            .build())
                    .build();
            ApiResponse response = runtime.execute(request, options);
            JsonNode body = LgspResponses.json(request, response);
            String docId = LgspResponses.docId(request, response, body);
            boolean duplicate = body.path("duplicate").asBoolean(false);
            LOG.debug("LGSP sendEdoc accepted {} as {}{}", type.wire(), docId, duplicate ? " (duplicate)" : "");
            Optional<Path> archived = archive.map(a -> AxisFiles.archive(file, a));
            return new SendResult(docId, documentId(pkg), duplicate, AxisFiles.sha256Hex(file), Files.size(file),
                    archived);
        } catch (IOException e) {
            throw new EgovException("cannot read the sent package's size: " + e.getClass().getSimpleName(),
                    ErrorDetails.of(Fault.CALLER, false), e);
        } finally {
            AxisFiles.delete(file);
        }
    }

    @Override
    public List<ReceivedItem> listReceived(MessageType type) {
        ValidationException.requireNonNull(type, "LgspAxisClient.type");
        LocalDate today = LocalDate.now(clock.withZone(LgspResponses.ZONE));
        LocalDate from = today.minusDays(Math.max(0, lookBack.toDays()));
        ApiRequest request = ApiRequest.builder("GET", url("/v1/syncReceivedEdocList?messageType=" + type.wire()
                + "&fromDate=" + enc(LgspResponses.DATE.format(from))
                + "&toDate=" + enc(LgspResponses.DATE.format(today))))
                .header("Accept", "application/json").build();
        ApiResponse response = runtime.execute(request);
        return LgspResponses.received(request, response, LgspResponses.json(request, response), type);
    }

    @Override
    public ReceivedPackage fetch(String docId) {
        byte[] bytes = fetchBytes(docId);
        EdXmlPackage pkg = EdXml.read(new ByteArrayInputStream(bytes), readOptions);
        if (verifier.isEmpty()) {
            return new ReceivedPackage(docId, pkg, Optional.empty());
        }
        try {
            return new ReceivedPackage(docId, pkg, Optional.of(verifier.get().verify(new ByteArrayInputStream(bytes))));
        } catch (IOException e) {
            pkg.close();
            throw new EgovException("the signature verifier failed to read package " + docId + ": " + Causes.describe(e),
                    ErrorDetails.of(Fault.VERIFICATION, false), e);
        } catch (RuntimeException e) {
            pkg.close();
            throw e;
        }
    }

    @Override
    public void fetchTo(String docId, OutputStream out) {
        ValidationException.requireNonNull(out, "LgspAxisClient.out");
        byte[] bytes = fetchBytes(docId);
        try {
            out.write(bytes);
        } catch (IOException e) {
            throw new EgovException("could not write the fetched package: " + Causes.describe(e),
                    ErrorDetails.of(Fault.CALLER, false), e);
        }
    }

    @Override
    public void acknowledge(String docId, TransportAck ack) {
        requireDocId(docId);
        if (ack == null) {
            throw ValidationException.of("lgsp.ack.required", "ack", "the acknowledgement is required");
        }
        ObjectNode body = Json.mapper().createObjectNode().put("docId", docId).put("status", ack.wire());
        ApiRequest request = ApiRequest.builder("POST", url("/v1/updateStatus")).idempotent(true)
                .header("Accept", "application/json")
                .body(HttpBody.json(body.toString())).build();
        LgspResponses.object(request, runtime.execute(request));
    }

    /**
     * Not offered by LGSP v1.
     *
     * @throws PlatformException always: fault CALLER, platform code {@value #UNSUPPORTED}, not retryable; nothing
     *         is sent
     */
    @Override
    public List<SentItem> listSent(MessageType type, Optional<String> docId) {
        throw new PlatformException("LGSP v1 has no list of sent packages (no getSentEdocList); keep the docIds "
                + "that send() returned", ErrorDetails.of(Fault.CALLER, false).withPlatformErrorCode(UNSUPPORTED),
                null);
    }

    @Override
    public long countReceived(MessageType type) {
        return listReceived(type).size();
    }

    /** The agency list of {@code getAgenciesList}; the same for both code systems (LGSP v1 has one). */
    @Override
    public List<Agency> agencies(CodeSystem system) {
        ValidationException.requireNonNull(system, "LgspAxisClient.system");
        ApiRequest request = ApiRequest.builder("GET", url("/v1/getAgenciesList"))
                .header("Accept", "application/json").build();
        ApiResponse response = runtime.execute(request);
        return LgspResponses.agencies(request, response, LgspResponses.json(request, response));
    }

    @Override
    public void close() {
        runtime.close();
    }

    @Override
    public String toString() {
        return "LgspAxisClient[" + baseUrl + "]";
    }

    private byte[] fetchBytes(String docId) {
        requireDocId(docId);
        ApiRequest request = ApiRequest.builder("GET", url("/v1/getEdoc?docId=" + enc(docId)))
                .header("Accept", "application/json").build();
        ApiResponse response = runtime.execute(request);
        return LgspResponses.edxml(request, response, LgspResponses.json(request, response));
    }

    private static void requireDocId(String docId) {
        if (docId == null || docId.isBlank()) {
            throw ValidationException.of("lgsp.docId.required", "docId", "docId is required");
        }
        Optional<String> problem = AxisIds.problem(docId);
        if (problem.isPresent()) {
            throw ValidationException.of("lgsp.docId.invalid", "docId", "docId must be 1 to " + AxisIds.MAX_LENGTH
                    + " printable ASCII characters without spaces or path separators, and " + problem.get());
        }
    }

    private static String documentId(EdXmlPackage pkg) {
        if (pkg instanceof DocumentPackage doc) {
            return doc.header().documentId().value();
        }
        return ((StatusPackage) pkg).responseFor().documentId().value();
    }

    private String url(String pathAndQuery) {
        return baseUrl + pathAndQuery;
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
