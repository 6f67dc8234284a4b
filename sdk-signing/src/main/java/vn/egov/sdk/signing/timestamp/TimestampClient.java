package vn.egov.sdk.signing.timestamp;

import java.io.IOException;
import java.math.BigInteger;
import java.net.URI;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.tsp.TSPException;
import org.bouncycastle.tsp.TimeStampRequest;
import org.bouncycastle.tsp.TimeStampRequestGenerator;
import org.bouncycastle.tsp.TimeStampResponse;
import org.bouncycastle.tsp.TimeStampTokenInfo;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.egov.sdk.core.Causes;
import vn.egov.sdk.core.ErrorDetails;
import vn.egov.sdk.core.Fault;
import vn.egov.sdk.core.PlatformException;
import vn.egov.sdk.core.RequestOptions;
import vn.egov.sdk.core.ValidationException;
import vn.egov.sdk.core.VerificationException;
import vn.egov.sdk.core.http.ApiRequest;
import vn.egov.sdk.core.http.ApiResponse;
import vn.egov.sdk.core.http.HttpBody;
import vn.egov.sdk.core.http.HttpRuntime;
import vn.egov.sdk.signing.DigestAlgorithm;
import vn.egov.sdk.signing.internal.cms.CmsEncoding;

/**
 * An RFC 3161 timestamp client over HTTP ({@code POST}, {@code application/timestamp-query}), through the SDK's
 * {@link HttpRuntime} (timeouts, deadline, retries: a timestamp request is safe to repeat).
 *
 * <p>Each request carries a fresh 64-bit nonce and asks for the authority's certificate ({@code certReq}). The
 * response is checked before a token is returned: status granted, the token's imprint and nonce equal the
 * request's (and the policy, when one was asked for), and the token's signature verifies with the authority's
 * certificate in the token, which must have the critical sole extended key usage {@code timeStamping} and be
 * valid at the token's time. The response's lengths must be in DER form with nothing after it, and the token, as
 * sent, must follow the CMS encoding rule (DER where it is signed, see {@code CmsVerifier}). Whether the
 * authority is <em>trusted</em> is left to the verifier's certificate validator. Thread-safe.
 *
 * <pre>{@code
 * TimestampClient tsa = TimestampClient.builder().url("https://tsa.example.vn/tsa").build();
 * TimestampToken token = tsa.timestamp(data);
 * }</pre>
 */
public final class TimestampClient implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(TimestampClient.class);
    /** The default cap on a response body. */
    public static final int DEFAULT_MAX_RESPONSE_BYTES = 256 * 1024;

    private final String url;
    private final HttpRuntime runtime;
    private final boolean ownsRuntime;
    private final DigestAlgorithm digest;
    private final Optional<String> policy;
    private final int maxResponseBytes;
    private final SecureRandom random = new SecureRandom();

    private TimestampClient(Builder b) {
        this.url = b.url;
        this.ownsRuntime = b.runtime == null;
        this.runtime = b.runtime == null ? HttpRuntime.builder().build() : b.runtime;
        this.digest = b.digest;
        this.policy = b.policy;
        this.maxResponseBytes = b.maxResponseBytes;
    }

    /**
     * A new builder.
     *
     * @return a builder with SHA-256, no policy and a 256 KiB response cap; the URL must be set
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * The digest algorithm the client hashes data with.
     *
     * @return the algorithm {@link #timestamp(byte[])} digests data with
     */
    public DigestAlgorithm digestAlgorithm() {
        return digest;
    }

    /**
     * Timestamps data: hashes it with {@link #digestAlgorithm()} and asks the authority for a token over the
     * digest.
     *
     * @param data the data (for a CAdES signature timestamp, the signature value)
     * @return the verified token, whose imprint is the digest of {@code data}
     * @throws VerificationException if the response does not verify (wrong imprint or nonce, bad signature, no or
     *     wrong authority certificate)
     * @throws PlatformException if the authority refused
     * @throws vn.egov.sdk.core.TransportException if it could not be reached in time
     */
    public TimestampToken timestamp(byte[] data) {
        if (data == null) {
            throw ValidationException.of("timestamp.data", "TimestampClient.timestamp.data", "data is required");
        }
        return timestampDigest(digest.digest(data), digest);
    }

    /**
     * Asks for a token over a digest computed by the caller.
     *
     * @param dataDigest the digest of the data
     * @param algorithm the algorithm it was computed with
     * @return the verified token, whose imprint is {@code dataDigest}
     * @throws ValidationException if the digest's length does not fit the algorithm
     */
    public TimestampToken timestampDigest(byte[] dataDigest, DigestAlgorithm algorithm) {
        ValidationException.requireNonNull(algorithm, "TimestampClient.algorithm");
        if (dataDigest == null || dataDigest.length != algorithm.newMessageDigest().getDigestLength()) {
            throw ValidationException.of("timestamp.digest", "TimestampClient.timestampDigest.dataDigest",
                    "the digest must be the " + algorithm.jcaName() + " of the data");
        }
        TimeStampRequestGenerator generator = new TimeStampRequestGenerator();
        generator.setCertReq(true);
        policy.ifPresent(p -> generator.setReqPolicy(new ASN1ObjectIdentifier(p)));
        BigInteger nonce = new BigInteger(64, random);
        TimeStampRequest request = generator.generate(new ASN1ObjectIdentifier(algorithm.oid()), dataDigest, nonce);
        byte[] body;
        try {
            body = request.getEncoded();
        } catch (IOException e) {
            throw new IllegalStateException("cannot encode a timestamp request", e);
        }
        ApiResponse response = runtime.execute(ApiRequest.builder("POST", url)
                .header("Accept", "application/timestamp-reply")
                .body(HttpBody.ofBytes(body, "application/timestamp-query"))
                .idempotent(true)
                .build(), RequestOptions.DEFAULT);
        TimestampToken token = check(request, response);
        LOG.debug("timestamp from {}: {}", url, token);
        return token;
    }

    private TimestampToken check(TimeStampRequest request, ApiResponse response) {
        if (response.bodyLength() > maxResponseBytes) {
            throw fail("the timestamp authority's response is larger than " + maxResponseBytes + " bytes", null);
        }
        String type = response.header("Content-Type").orElse("").toLowerCase(Locale.ROOT);
        if (!type.isEmpty() && !type.startsWith("application/timestamp-reply")
                && !type.startsWith("application/timestamp-response")
                && !type.startsWith("application/octet-stream")) {
            throw fail("the timestamp authority answered " + type + " instead of application/timestamp-reply", null);
        }
        byte[] body = response.body();
        TimeStampResponse reply;
        Optional<byte[]> token;
        try {
            // the token exactly as sent (Bouncy Castle's getEncoded() would re-encode it): it is checked as sent
            token = CmsEncoding.timestampTokenOf(body);
            reply = new TimeStampResponse(body);
        } catch (TSPException | IOException | RuntimeException e) {
            throw fail("the timestamp authority's response is not an RFC 3161 response: " + Causes.describe(e), e);
        }
        int status = reply.getStatus();
        if (status != 0 && status != 1) {
            String failure = reply.getFailInfo() == null ? "" : " (failure info " + reply.getFailInfo().intValue() + ")";
            throw new PlatformException("the timestamp authority refused the request: status " + status + " "
                    + Optional.ofNullable(reply.getStatusString()).orElse("") + failure,
                    ErrorDetails.of(Fault.PLATFORM, false), null);
        }
        if (reply.getTimeStampToken() == null || token.isEmpty()) {
            throw fail("the timestamp authority granted the request but sent no token", null);
        }
        TimeStampTokenInfo info = reply.getTimeStampToken().getTimeStampInfo();
        if (!info.getMessageImprintAlgOID().equals(request.getMessageImprintAlgOID())
                || !Arrays.equals(info.getMessageImprintDigest(), request.getMessageImprintDigest())) {
            throw fail("the timestamp token is over other data than requested (message imprint differs)", null);
        }
        if (info.getNonce() == null || !info.getNonce().equals(request.getNonce())) {
            throw fail("the timestamp token does not echo the request's nonce (a replayed or foreign response)",
                    null);
        }
        if (policy.isPresent() && (info.getPolicy() == null || !policy.get().equals(info.getPolicy().getId()))) {
            throw fail("the timestamp token's policy " + info.getPolicy() + " is not the requested " + policy.get(),
                    null);
        }
        return TimestampToken.verify(token.get());
    }

    private static VerificationException fail(String message, Throwable cause) {
        return new VerificationException(message, ErrorDetails.of(Fault.VERIFICATION, false), cause);
    }

    /** Closes the HTTP runtime if the client made its own. */
    @Override
    public void close() {
        if (ownsRuntime) {
            runtime.close();
        }
    }

    @Override
    public String toString() {
        return "TimestampClient[" + url + ", " + digest + "]";
    }

    /** Builder of {@link TimestampClient}. */
    public static final class Builder {
        private String url;
        private HttpRuntime runtime;
        private DigestAlgorithm digest = DigestAlgorithm.SHA256;
        private Optional<String> policy = Optional.empty();
        private int maxResponseBytes = DEFAULT_MAX_RESPONSE_BYTES;

        private Builder() {
        }

        /**
         * The authority's address (required; http or https).
         *
         * @param value the authority's absolute {@code http} or {@code https} URL
         * @return this builder
         */
        public Builder url(String value) {
            this.url = ValidationException.requireNonNull(value, "TimestampClient.url");
            return this;
        }

        /**
         * The HTTP runtime to send through (shared, not closed by the client); by default the client makes one.
         *
         * @param value the runtime to send through; required, and closed by its owner, not by the client
         * @return this builder
         */
        public Builder runtime(HttpRuntime value) {
            this.runtime = ValidationException.requireNonNull(value, "TimestampClient.runtime");
            return this;
        }

        /**
         * The digest the data is hashed with; SHA-256 by default.
         *
         * @param value the digest algorithm; required
         * @return this builder
         */
        public Builder digest(DigestAlgorithm value) {
            this.digest = ValidationException.requireNonNull(value, "TimestampClient.digest");
            return this;
        }

        /**
         * A policy OID to ask for; the token must carry it. None by default.
         *
         * @param oid the dotted policy object identifier, for example {@code 1.2.3.4.1}
         * @return this builder
         * @throws ValidationException if {@code oid} is not a dotted object identifier
         */
        public Builder policy(String oid) {
            try {
                new ASN1ObjectIdentifier(oid);
            } catch (RuntimeException e) {
                throw ValidationException.of("timestamp.policy", "TimestampClient.policy",
                        "the policy must be an OID such as 1.2.3.4");
            }
            this.policy = Optional.of(oid);
            return this;
        }

        /**
         * The largest response accepted, 256 KiB by default.
         *
         * @param value the cap in bytes; at least 1024
         * @return this builder
         * @throws ValidationException if {@code value} is below 1024
         */
        public Builder maxResponseBytes(int value) {
            if (value < 1024) {
                throw ValidationException.of("timestamp.maxResponseBytes", "TimestampClient.maxResponseBytes",
                        "must be at least 1024");
            }
            this.maxResponseBytes = value;
            return this;
        }

        /**
         * Builds the client.
         *
         * @return a thread-safe client with this builder's settings
         * @throws ValidationException if the URL is missing or not an absolute http(s) URL
         */
        public TimestampClient build() {
            URI u;
            try {
                u = url == null ? null : new URI(url);
            } catch (Exception e) {
                u = null;
            }
            if (u == null || u.getHost() == null
                    || !("http".equalsIgnoreCase(u.getScheme()) || "https".equalsIgnoreCase(u.getScheme()))) {
                throw ValidationException.of("timestamp.url", "TimestampClient.url",
                        "the timestamp authority's URL is required and must be an absolute http or https URL");
            }
            return new TimestampClient(this);
        }
    }
}
