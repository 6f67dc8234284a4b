package vn.egov.sdk.signing.remote;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.egov.sdk.core.RequestOptions;
import vn.egov.sdk.core.Secret;
import vn.egov.sdk.core.ValidationException;
import vn.egov.sdk.core.http.ApiRequest;
import vn.egov.sdk.core.http.ApiResponse;
import vn.egov.sdk.core.http.ClientSettings;
import vn.egov.sdk.core.http.HttpBody;
import vn.egov.sdk.core.http.HttpRuntime;
import vn.egov.sdk.core.http.RetryPolicy;
import vn.egov.sdk.signing.internal.remote.Masking;
import vn.egov.sdk.signing.internal.remote.SmartCaEnvelope;
import vn.egov.sdk.signing.internal.remote.SmartCaErrors;
import vn.egov.sdk.signing.internal.remote.SmartCaWire;
import vn.egov.sdk.signing.internal.remote.StatusWords;

/**
 * A client of VNPT SmartCA's service provider API ("sp769"): the signer's certificates
 * ({@code get_certificate}), signing a hash confirmed by the signer in the SmartCA app (v1 {@code sign}, then the
 * transaction's status), and, through {@link #integrated(Secret, OtpSource)}, the "SmartCA Tích hợp" variant confirmed
 * by the signer's password and a TOTP code (v2 {@code sign} → {@code sad} → {@code confirm}, synchronous).
 *
 * <p>Every call carries the service provider's {@code sp_id} / {@code sp_password} and a {@code transaction_id}: for a
 * signing request the {@link RemoteSignRequest#transactionId() request's}, reused on every retry so a repeated request
 * does not create a second transaction; for look-ups a fresh UUID. SmartCA signs SHA-256 hashes
 * ({@code data_to_be_signed}, lowercase hex). Its error envelope {@code {status_code, message}} becomes
 * {@code AuthenticationException} (bad {@code sp_id}/{@code sp_password}), {@code ValidationException} (a rejected
 * request), {@code PlatformException} (an unknown user or transaction: the caller's fault; 5xx: the platform's,
 * retried) or {@code TransportException}. The service provider password, the signer's password, OTP codes and the
 * {@code sad} never appear in exceptions, logs or {@code toString}.
 *
 * <pre>{@code
 * try (SmartCaClient smartCa = SmartCaClient.builder()
 *         .settings(ClientSettings.builder().endpoint(SmartCaClient.UAT_URL).build())
 *         .spId("my-sp-id")
 *         .spPassword(Secret.of(System.getenv("SMARTCA_SP_PASSWORD")))
 *         .build()) {
 *     SignatureSource signer = RemoteSignatureSource.builder(smartCa, citizenId).build();
 *     // hand `signer` to a PDF, CMS or XML signer
 * }
 * }</pre>
 *
 * <h2>Settings</h2>
 * The endpoint ({@link #PRODUCTION_URL}, {@link #UAT_URL} or the sandbox's) is required in the
 * {@link ClientSettings}; what they leave unset takes this client's defaults: connect timeout 10 s, read and write
 * timeouts 30 s, deadline of each HTTP call 60 s (not the wait for the signer), {@link RetryPolicy#defaults()},
 * answers up to 1 MiB. Interceptors see request bodies, which carry the service provider's credentials.
 *
 * <p>Thread-safe; share one instance.
 */
public final class SmartCaClient implements RemoteSigningService, AutoCloseable {
    /** The production gateway. */
    public static final String PRODUCTION_URL = "https://gwsca.vnpt.vn";
    /** The UAT (test) gateway. */
    public static final String UAT_URL = "https://rmgateway.vnptit.vn";

    private static final Logger LOG = LoggerFactory.getLogger(SmartCaClient.class);

    private final String baseUrl;
    private final String spId;
    private final SmartCaPaths paths;
    private final SmartCaWire wire;
    private final StatusWords words;
    private final HttpRuntime runtime;
    private final Clock clock;

    /** This client's defaults for what the {@link ClientSettings} leave unset. */
    private static final ClientSettings DEFAULTS = ClientSettings.builder()
            .connectTimeout(Duration.ofSeconds(10))
            .readTimeout(Duration.ofSeconds(30))
            .writeTimeout(Duration.ofSeconds(30))
            .deadline(Duration.ofSeconds(60))
            .retryPolicy(RetryPolicy.defaults())
            .maxResponseBytes(1024 * 1024)
            .build();

    private SmartCaClient(Builder b) {
        ClientSettings s = b.settings.orElse(DEFAULTS);
        this.baseUrl = s.endpoint().orElseThrow();
        this.spId = b.spId;
        this.paths = b.paths;
        this.wire = new SmartCaWire(b.spId, b.spPassword, b.fileType);
        this.words = StatusWords.of(b.statusWords);
        this.clock = s.clock();
        SmartCaErrors errors = new SmartCaErrors();
        this.runtime = HttpRuntime.builder()
                .settings(s.toBuilder().addInterceptor(errors.interceptor()).build())
                .generateIdempotencyKeys(false)
                .errorMapper(errors)
                .build();
    }

    /**
     * A new builder.
     *
     * @return a builder with the default paths, {@code pdf} file type, 60 s call deadline, 10 s connect and 30 s read
     *     timeouts and a 1 MiB answer cap; the base URL and service provider credentials must be set
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * The signer's certificates ({@code get_certificate}).
     *
     * @param userId the signer's citizen id ({@code user_id})
     * @return the certificates, possibly empty
     * @throws vn.egov.sdk.core.EgovException a subclass saying what failed and whose fault it was
     */
    @Override
    public List<RemoteCertificate> certificates(String userId) {
        checkUser(userId);
        ApiRequest request = ApiRequest.builder("POST", url(paths.getCertificate()))
                .body(HttpBody.json(wire.certificateRequest(userId, UUID.randomUUID().toString())))
                .idempotent(true)
                .build();
        return SmartCaWire.certificates(envelope(runtime.execute(request)));
    }

    /**
     * The signer's certificate with a serial number.
     *
     * @param userId the signer's citizen id
     * @param serial the serial number, hexadecimal
     * @return the certificate, or empty when SmartCA holds none with that serial for the signer
     */
    public Optional<RemoteCertificate> certificate(String userId, String serial) {
        return certificates(userId).stream().filter(c -> c.hasSerial(serial)).findFirst();
    }

    /**
     * Asks the signer to confirm a signature in the SmartCA app (v1 {@code sign}); the transaction is pending until
     * then. Repeated with the same {@code transaction_id} on a retryable failure.
     *
     * @param request the request; its hashes must be SHA-256
     * @return the pending transaction, with SmartCA's id and the {@code tran_code} the app shows
     * @throws vn.egov.sdk.core.EgovException a subclass saying what failed and whose fault it was
     */
    @Override
    public SigningTransaction submit(RemoteSignRequest request) {
        ValidationException.requireNonNull(request, "SmartCaClient.request");
        String body = SmartCaEnvelope.write(wire.signRequest(request));
        SmartCaEnvelope env = envelope(runtime.execute(ApiRequest.post(url(paths.signV1()), HttpBody.json(body)),
                RequestOptions.builder().idempotencyKey(request.transactionId()).build()));
        String id = env.dataText("transaction_id").orElse(request.transactionId());
        LOG.info("SmartCA transaction {} created for user {} ({} hash(es)); the signer confirms it in the app", id,
                Masking.userId(request.userId()), request.hashes().size());
        return new SigningTransaction(id, request.userId(), TransactionStatus.PENDING, List.of(),
                env.dataText("tran_code").map(Masking::shortText), Optional.empty());
    }

    /**
     * Where a transaction stands (v1 status).
     *
     * @param transaction a transaction {@link #submit} returned
     * @return its current state, with the signatures once signed
     * @throws vn.egov.sdk.core.EgovException a subclass saying what failed and whose fault it was
     */
    @Override
    public SigningTransaction status(SigningTransaction transaction) {
        ValidationException.requireNonNull(transaction, "SmartCaClient.transaction");
        String path = paths.statusV1().replace(SmartCaPaths.TRANSACTION_ID,
                urlSegment(transaction.transactionId()));
        ApiRequest request = "GET".equals(paths.statusMethod()) ? ApiRequest.get(url(path))
                : ApiRequest.builder("POST", url(path)).body(HttpBody.json(SmartCaEnvelope.write(
                        wire.base(transaction.userId(), transaction.transactionId())))).idempotent(true).build();
        SmartCaEnvelope env = envelope(runtime.execute(request));
        return SmartCaWire.transaction(env, transaction, words.of(env.message()));
    }

    /**
     * The "SmartCA Tích hợp" variant for one signer: each request is checked by the signer's password and a TOTP code
     * and confirmed at once, without the app.
     *
     * @param userPassword the signer's SmartCA password
     * @param otp where the codes come from, e.g. {@link Totp#fromBase32(Secret)}
     * @return the integrated service, sharing this client's connections
     */
    public SmartCaIntegrated integrated(Secret userPassword, OtpSource otp) {
        if (userPassword == null || otp == null) {
            throw ValidationException.of("smartca.integrated", "SmartCaClient.integrated",
                    "the signer's password and an OTP source are required");
        }
        return new SmartCaIntegrated(this, userPassword, otp);
    }

    /** Sends a v2 request (package-private, for {@link SmartCaIntegrated}). */
    SmartCaEnvelope postV2(String path, String body, String idempotencyKey) {
        return envelope(runtime.execute(ApiRequest.post(url(path), HttpBody.json(body)),
                RequestOptions.builder().idempotencyKey(idempotencyKey).build()));
    }

    SmartCaWire wire() {
        return wire;
    }

    SmartCaPaths paths() {
        return paths;
    }

    Clock clock() {
        return clock;
    }

    /** Releases the client's connections and threads. */
    @Override
    public void close() {
        runtime.close();
    }

    @Override
    public String toString() {
        return "SmartCaClient[" + baseUrl + ", sp " + spId + "]";
    }

    private static SmartCaEnvelope envelope(ApiResponse response) {
        return SmartCaEnvelope.parse(response.body())
                .orElseThrow(() -> SmartCaWire.unreadable("the body is not a JSON object"));
    }

    private String url(String path) {
        return baseUrl + path;
    }

    private static String urlSegment(String id) {
        if (!id.matches("[A-Za-z0-9._~-]{1,128}")) {
            throw SmartCaWire.unreadable("a transaction id with characters a URL path cannot carry");
        }
        return id;
    }

    static void checkUser(String userId) {
        if (userId == null || userId.isBlank() || userId.length() > 64) {
            throw ValidationException.of("smartca.userId", "userId", "userId must be 1..64 characters");
        }
    }

    /** Builder of {@link SmartCaClient}. Not thread-safe. */
    public static final class Builder {
        private ClientSettings settings = ClientSettings.defaults();
        private String spId;
        private Secret spPassword;
        private SmartCaPaths paths = SmartCaPaths.defaults();
        private String fileType = "pdf";
        private final Map<String, TransactionStatus> statusWords = StatusWords.defaults();

        private Builder() {
        }

        /**
         * The HTTP settings: the gateway ({@link #PRODUCTION_URL}, {@link #UAT_URL} or the sandbox's; required),
         * timeouts, deadline of each call, retries, clock, interceptors, response cap, shared connections.
         *
         * @param value the settings, possibly shared with other clients
         * @return this builder
         */
        public Builder settings(ClientSettings value) {
            this.settings = ValidationException.requireNonNull(value, "SmartCaClient.settings");
            return this;
        }

        /**
         * The service provider id VNPT issued ({@code sp_id}); required.
         *
         * @param value the {@code sp_id}, 1..128 characters
         * @return this builder
         * @throws ValidationException if {@code value} is missing, blank or too long
         */
        public Builder spId(String value) {
            if (value == null || value.isBlank() || value.length() > 128) {
                throw ValidationException.of("smartca.spId", "SmartCaClient.spId", "spId must be 1..128 characters");
            }
            this.spId = value;
            return this;
        }

        /**
         * The service provider password ({@code sp_password}); required.
         *
         * @param value the {@code sp_password}; never logged
         * @return this builder
         */
        public Builder spPassword(Secret value) {
            this.spPassword = ValidationException.requireNonNull(value, "SmartCaClient.spPassword");
            return this;
        }

        /**
         * The API's paths and status method (default {@link SmartCaPaths#defaults()}).
         *
         * @param value the paths; required
         * @return this builder
         */
        public Builder paths(SmartCaPaths value) {
            this.paths = ValidationException.requireNonNull(value, "SmartCaClient.paths");
            return this;
        }

        /**
         * The {@code file_type} sent with each hash (default {@code pdf}).
         *
         * @param value 1..16 letters or digits, for example {@code pdf} or {@code xml}
         * @return this builder
         * @throws ValidationException if {@code value} is not 1..16 letters or digits
         */
        public Builder fileType(String value) {
            if (value == null || !value.matches("[A-Za-z0-9]{1,16}")) {
                throw ValidationException.of("smartca.fileType", "SmartCaClient.fileType",
                        "fileType must be 1..16 letters or digits");
            }
            this.fileType = value;
            return this;
        }

        /**
         * Reads one more (or another) word of the status answer's {@code message} as a state.
         *
         * @param word the word as the service writes it (compared ignoring case)
         * @param status the state it means
         * @return this builder
         * @throws ValidationException if {@code word} is blank or {@code status} missing
         */
        public Builder statusWord(String word, TransactionStatus status) {
            if (word == null || word.isBlank() || status == null) {
                throw ValidationException.of("smartca.statusWord", "SmartCaClient.statusWord",
                        "a word and a status are required");
            }
            statusWords.put(word.toUpperCase(Locale.ROOT), status);
            return this;
        }

        /**
         * Builds the client.
         *
         * @return a thread-safe client, to be closed when done
         * @throws ValidationException naming the first missing field
         */
        public SmartCaClient build() {
            if (settings.endpoint().isEmpty()) {
                throw ValidationException.of("smartca.baseUrl", "SmartCaClient.settings.endpoint",
                        "the settings' endpoint (the SmartCA gateway) is required");
            }
            if (spId == null) {
                throw ValidationException.of("smartca.spId", "SmartCaClient.spId", "spId is required");
            }
            if (spPassword == null) {
                throw ValidationException.of("smartca.spPassword", "SmartCaClient.spPassword",
                        "spPassword is required");
            }
            return new SmartCaClient(this);
        }
    }
}
