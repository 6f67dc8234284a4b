package vn.egov.sdk.signing.validation;

import static vn.egov.sdk.signing.internal.validation.CertificateVerdicts.fail;
import static vn.egov.sdk.signing.internal.validation.CertificateVerdicts.name;

import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import vn.egov.sdk.core.ValidationException;
import vn.egov.sdk.core.http.ClientSettings;
import vn.egov.sdk.core.http.HttpRuntime;
import vn.egov.sdk.signing.internal.validation.BoundedFetch;
import vn.egov.sdk.signing.internal.validation.CertificateVerdicts;
import vn.egov.sdk.signing.internal.validation.ChainBuilder;
import vn.egov.sdk.signing.internal.validation.CrlCheck;
import vn.egov.sdk.signing.internal.validation.OcspCheck;
import vn.egov.sdk.signing.internal.validation.PathCheck;
import vn.egov.sdk.signing.internal.validation.RevocationChecker;
import vn.egov.sdk.signing.internal.validation.WeakAlgorithms;

/**
 * The SDK's {@link CertificateValidator}: builds the chain from the signer to a root of the {@link TrustStore}
 * with the certificates the signature carried, validates it with PKIX at the signing time, checks the signer's
 * validity and key usage (digitalSignature or nonRepudiation), reports weak algorithms (MD5 or SHA-1 certificate
 * signatures, RSA under 2048 bits) and checks revocation of the signer and of the intermediate CAs that name a
 * source: OCSP first (nonce, responder authorised by the CA, CertID, freshness), then the CRL (signed by the
 * issuer, not stale). Under the {@link RevocationPolicy}:
 * <ul>
 * <li>revoked at or before the signing time: INVALID / {@link SubIndication#REVOKED}; revoked after it: the
 * verdict stands, with a warning;</li>
 * <li>the responder does not know the certificate: INDETERMINATE / {@link SubIndication#REVOCATION_UNKNOWN}
 * whatever the policy;</li>
 * <li>no usable answer: {@link RevocationPolicy#HARD_FAIL} (the default) gives INDETERMINATE /
 * {@link SubIndication#TRY_LATER}, {@link RevocationPolicy#SOFT_FAIL} keeps the verdict with a warning;</li>
 * <li>{@link RevocationPolicy#OFFLINE}: nothing is fetched, and the report says revocation was not checked.</li>
 * </ul>
 * Thread-safe; OCSP answers and CRLs are cached until their next update. Close it to release the HTTP runtime it
 * made when none was given.
 *
 * <pre>{@code
 * try (PkixCertificateValidator validator = PkixCertificateValidator.builder().trustStore(trust).build()) {
 *     CertificateValidation v = validator.validate(signer, intermediates, signingTime);
 * }
 * }</pre>
 */
public final class PkixCertificateValidator implements CertificateValidator, AutoCloseable {
    private static final int MAX_CHAIN = 8;

    private final TrustStore trustStore;
    private final RevocationPolicy policy;
    private final Clock clock;
    private final boolean acceptSha1;
    private final Optional<HttpRuntime> ownedRuntime;
    private final CertificateVerdicts verdicts;

    private PkixCertificateValidator(Builder b) {
        this.trustStore = b.trustStore;
        this.policy = b.policy;
        this.clock = b.clock;
        this.acceptSha1 = b.acceptSha1;
        HttpRuntime http = b.http;
        if (http == null && policy != RevocationPolicy.OFFLINE) {
            http = HttpRuntime.builder().settings(ClientSettings.builder().connectTimeout(Duration.ofSeconds(5))
                    .readTimeout(Duration.ofSeconds(10)).deadline(b.networkDeadline)
                    .maxResponseBytes(Math.max(1024, Math.max(b.maxCrlBytes, b.maxOcspBytes))).build()).build();
            this.ownedRuntime = Optional.of(http);
        } else {
            this.ownedRuntime = Optional.empty();
        }
        RevocationChecker revocation = null;
        if (http != null) {
            BoundedFetch fetch = new BoundedFetch(http, b.networkDeadline, b.maxAttempts);
            revocation = new RevocationChecker(
                    new OcspCheck(fetch, new SecureRandom(), b.maxOcspBytes, b.clockSkew, b.maxOcspAge,
                            b.requireNonce),
                    new CrlCheck(fetch, b.maxCrlBytes, b.clockSkew, b.cache), b.cache);
        }
        this.verdicts = new CertificateVerdicts(policy, trustStore, revocation);
    }

    /**
     * A builder; {@link Builder#trustStore(TrustStore)} is required.
     *
     * @return a builder with the defaults each setter names; a trust store must be set
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * The roots this validator trusts.
     *
     * @return the trust store given to the builder
     */
    public TrustStore trustStore() {
        return trustStore;
    }

    /**
     * The revocation policy.
     *
     * @return the policy applied when no revocation answer is obtained
     */
    public RevocationPolicy revocationPolicy() {
        return policy;
    }

    @Override
    public CertificateValidation validate(X509Certificate signer, Collection<X509Certificate> candidates,
            Instant signingTime) {
        if (signer == null || signingTime == null) {
            throw ValidationException.of("validation.input", signer == null ? "signer" : "signingTime",
                    "the signer certificate and the signing time are required");
        }
        List<X509Certificate> others = candidates == null ? List.of()
                : candidates.stream().filter(Objects::nonNull).toList();
        List<String> warnings = new ArrayList<>();
        Instant now = clock.instant();
        RevocationResult notChecked = RevocationResult.notChecked("not checked: the certificate was refused first");

        Optional<List<X509Certificate>> built = new ChainBuilder(trustStore.certificates(), others, MAX_CHAIN)
                .build(signer);
        if (built.isEmpty()) {
            return fail(SubIndication.NO_CERTIFICATE_CHAIN_FOUND, "the signer's certificate "
                    + name(signer) + " (issued by " + signer.getIssuerX500Principal().getName()
                    + ") does not chain to any of the " + trustStore.size() + " trusted roots", List.of(),
                    notChecked, warnings);
        }
        List<X509Certificate> chain = built.get();
        if (signingTime.isAfter(signer.getNotAfter().toInstant())) {
            return fail(SubIndication.EXPIRED, "the signer's certificate expired at "
                    + signer.getNotAfter().toInstant() + ", before the signing time " + signingTime, chain,
                    notChecked, warnings);
        }
        if (signingTime.isBefore(signer.getNotBefore().toInstant())) {
            return fail(SubIndication.NOT_YET_VALID, "the signer's certificate is valid only from "
                    + signer.getNotBefore().toInstant() + ", after the signing time " + signingTime, chain,
                    notChecked, warnings);
        }
        Optional<PathCheck.Failure> path = PathCheck.validate(chain, signingTime);
        if (path.isPresent()) {
            return fail(path.get().subIndication(), path.get().reason(), chain, notChecked, warnings);
        }
        boolean[] ku = signer.getKeyUsage();
        if (ku == null) {
            warnings.add("the signer's certificate has no key usage extension (any use allowed)");
        } else if (!(ku.length > 0 && ku[0]) && !(ku.length > 1 && ku[1])) {
            return fail(SubIndication.KEY_USAGE, "the signer's certificate " + name(signer)
                    + " allows neither digitalSignature nor nonRepudiation", chain, notChecked, warnings);
        }
        if (signingTime.isAfter(now.plus(Duration.ofMinutes(5)))) {
            warnings.add("the signing time " + signingTime + " is in the future (now " + now + ")");
        }
        WeakAlgorithms.Findings weak = WeakAlgorithms.examine(chain);
        if (acceptSha1) {
            weak.sha1().forEach(s -> warnings.add(s + " (SHA-1 accepted by configuration)"));
        }
        Optional<String> weakness = weak.broken().isEmpty() && (acceptSha1 || weak.sha1().isEmpty())
                ? Optional.empty()
                : Optional.of(String.join("; ", concat(weak.broken(), acceptSha1 ? List.of() : weak.sha1())));
        return verdicts.afterRevocation(chain, signingTime, now, weakness, warnings);
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }

    /** Closes the HTTP runtime this validator made (a runtime given to the builder stays open). */
    @Override
    public void close() {
        ownedRuntime.ifPresent(HttpRuntime::close);
    }

    @Override
    public String toString() {
        return "PkixCertificateValidator[" + trustStore + ", " + policy + "]";
    }

    /** Builds a {@link PkixCertificateValidator}. Not thread-safe. */
    public static final class Builder {
        private TrustStore trustStore;
        private RevocationPolicy policy = RevocationPolicy.HARD_FAIL;
        private HttpRuntime http;
        private Clock clock = Clock.systemUTC();
        private long maxCrlBytes = 16L * 1024 * 1024;
        private long maxOcspBytes = 64L * 1024;
        private Duration clockSkew = Duration.ofMinutes(5);
        private Duration maxOcspAge = Duration.ofHours(24);
        private Duration networkDeadline = Duration.ofSeconds(15);
        private int maxAttempts = 2;
        private boolean cache = true;
        private boolean requireNonce;
        private boolean acceptSha1;

        private Builder() {
        }

        /**
         * The trusted roots (required).
         *
         * @param value the trusted roots; required before {@link #build()}
         * @return this builder
         */
        public Builder trustStore(TrustStore value) {
            this.trustStore = ValidationException.requireNonNull(value, "PkixCertificateValidator.trustStore");
            return this;
        }

        /**
         * What to do without a revocation answer (default {@link RevocationPolicy#HARD_FAIL}).
         *
         * @param value the policy; required
         * @return this builder
         */
        public Builder revocationPolicy(RevocationPolicy value) {
            this.policy = require(value, "revocationPolicy");
            return this;
        }

        /**
         * The runtime OCSP and CRL requests go through (default: one the validator makes, 5 s connect, 10 s read,
         * closed by {@link PkixCertificateValidator#close()}). A runtime with credentials is used without them.
         *
         * @param value the runtime; required, and closed by its owner
         * @return this builder
         */
        public Builder httpRuntime(HttpRuntime value) {
            this.http = require(value, "httpRuntime");
            return this;
        }

        /**
         * The clock for revocation freshness (default UTC system clock).
         *
         * @param value the clock; required
         * @return this builder
         */
        public Builder clock(Clock value) {
            this.clock = require(value, "clock");
            return this;
        }

        /**
         * The largest CRL downloaded (default 16 MiB); a larger one counts as no answer.
         *
         * @param value the cap in bytes; positive
         * @return this builder
         */
        public Builder maxCrlBytes(long value) {
            this.maxCrlBytes = positive(value, "maxCrlBytes");
            return this;
        }

        /**
         * The largest OCSP response read (default 64 KiB); a larger one counts as no answer.
         *
         * @param value the cap in bytes; positive
         * @return this builder
         */
        public Builder maxOcspResponseBytes(long value) {
            this.maxOcspBytes = positive(value, "maxOcspResponseBytes");
            return this;
        }

        /**
         * The clock skew tolerated on OCSP and CRL times (default 5 minutes).
         *
         * @param value the tolerated skew; zero or positive
         * @return this builder
         */
        public Builder clockSkew(Duration value) {
            this.clockSkew = nonNegative(value, "clockSkew");
            return this;
        }

        /**
         * How old an OCSP answer without {@code nextUpdate} may be (default 24 hours).
         *
         * @param value the maximum age; zero or positive
         * @return this builder
         */
        public Builder maxOcspAge(Duration value) {
            this.maxOcspAge = nonNegative(value, "maxOcspAge");
            return this;
        }

        /**
         * The time allowed for one OCSP or CRL fetch, retries included (default 15 s).
         *
         * @param value the deadline; positive
         * @return this builder
         * @throws ValidationException if {@code value} is missing, zero or negative
         */
        public Builder networkDeadline(Duration value) {
            if (value == null || value.isNegative() || value.isZero()) {
                throw ValidationException.of("validation.networkDeadline",
                        "PkixCertificateValidator.networkDeadline", "networkDeadline must be positive");
            }
            this.networkDeadline = value;
            return this;
        }

        /**
         * Attempts per OCSP or CRL fetch (default 2).
         *
         * @param value the number of attempts; positive
         * @return this builder
         */
        public Builder maxAttempts(int value) {
            this.maxAttempts = (int) positive(value, "maxAttempts");
            return this;
        }

        /**
         * Whether OCSP answers and CRLs are reused until their next update (default true).
         *
         * @param value {@code true} to cache revocation answers until their next update
         * @return this builder
         */
        public Builder cacheRevocation(boolean value) {
            this.cache = value;
            return this;
        }

        /**
         * Whether an OCSP response that does not echo the request's nonce is refused (default false: many CAs
         * pre-produce responses; a nonce that is echoed but different is always refused).
         *
         * @param value {@code true} to refuse OCSP responses without the request's nonce
         * @return this builder
         */
        public Builder requireOcspNonce(boolean value) {
            this.requireNonce = value;
            return this;
        }

        /**
         * Whether certificates signed with SHA-1 are accepted with a warning (default false: they make the result
         * INDETERMINATE / {@link SubIndication#CRYPTO_CONSTRAINTS_FAILURE}). Older Government CA chains are
         * SHA-1; accept them only if your policy allows. MD5 and short keys are never accepted.
         *
         * @param value {@code true} to accept SHA-1-signed certificates with a warning
         * @return this builder
         */
        public Builder acceptSha1Certificates(boolean value) {
            this.acceptSha1 = value;
            return this;
        }

        /**
         * Builds the validator.
         *
         * @return a thread-safe validator, to be closed when done
         * @throws ValidationException when the trust store is missing
         */
        public PkixCertificateValidator build() {
            if (trustStore == null) {
                throw ValidationException.of("validation.trustStore", "PkixCertificateValidator.trustStore",
                        "a trust store is required");
            }
            return new PkixCertificateValidator(this);
        }

        private static <T> T require(T value, String field) {
            if (value == null) {
                throw ValidationException.of("validation." + field, "PkixCertificateValidator." + field,
                        field + " is required");
            }
            return value;
        }

        private static long positive(long value, String field) {
            if (value < 1) {
                throw ValidationException.of("validation." + field, "PkixCertificateValidator." + field,
                        field + " must be positive");
            }
            return value;
        }

        private static Duration nonNegative(Duration value, String field) {
            if (value == null || value.isNegative()) {
                throw ValidationException.of("validation." + field, "PkixCertificateValidator." + field,
                        field + " must be zero or positive");
            }
            return value;
        }
    }
}
