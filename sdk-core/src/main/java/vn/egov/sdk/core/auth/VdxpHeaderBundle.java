package vn.egov.sdk.core.auth;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import vn.egov.sdk.core.Secret;
import vn.egov.sdk.core.ValidationException;
import vn.egov.sdk.core.http.ApiRequest;
import vn.egov.sdk.core.http.HttpRuntime;
import vn.egov.sdk.core.internal.HmacSha256;
import vn.egov.sdk.core.internal.Json;
import vn.egov.sdk.core.internal.VdxpTimestamps;

/**
 * The national axis' (VDXP) HMAC header bundle, as the official VNPT SDK 2.0.x sends it.
 *
 * <p>The client puts the call's <em>logical headers</em> into the request as headers named
 * {@code XroadVnpt-<name>} ({@code XroadVnpt-from}, {@code XroadVnpt-servicetype}, {@code XroadVnpt-hash-file}…),
 * in the order they should be signed. Before each attempt this strategy adds
 * <ul>
 *   <li>{@code XroadVnpt-Content-Type} (kept when the request already has it, else the body's media type, else
 *       {@code application/json}), {@code XroadVnpt-timestamp} (see below) and {@code XroadVnpt-systemid};</li>
 *   <li>{@code XroadVnpt-sign-header-key}: the logical names joined by {@code ;}, always starting
 *       {@code Content-Type;timestamp;systemid}, then the call's names in the order they appear in the request;</li>
 *   <li>{@code XroadVnpt-sign-header}: the compact JSON object {@code {"XroadVnpt-<name>":"<value>",...}} in the
 *       same order, written with Jackson so values are escaped;</li>
 *   <li>{@code XroadVnpt-hash-header}: lowercase hex HMAC-SHA256, key = UTF-8 bytes of the secret, message = UTF-8
 *       bytes of exactly the {@code sign-header} string sent;</li>
 *   <li>{@code XroadVnpt-version: 3.0.201608} and {@code User-Agent: JAVASDKAgent/1.0.0 XRoad/VPCP} (both
 *       configurable).</li>
 * </ul>
 * The official SDK iterates a {@code HashMap}, so its order is arbitrary; the axis evidently verifies against the
 * {@code sign-header} it receives. This strategy fixes a deterministic order instead and sends exactly the string it
 * hashed.
 *
 * <p><b>Timestamp [INFERRED].</b> The official pattern is {@code ddMMyyyy'T'HHmmss+SSSS}, a
 * {@code java.text.SimpleDateFormat} pattern: there {@code +} is a literal and {@code SSSS} is the
 * <em>millisecond</em> of the second zero-padded to four digits ({@code 02052024T091500+0123} = 09:15:00.123),
 * not a zone offset. Wall time in {@code Asia/Ho_Chi_Minh}. A different reading can be configured with
 * {@link Builder#timestampFormatter(Function)}. A timestamp is made per attempt (the official SDK reuses one per
 * service object, which ages; the axis' window is not published).
 *
 * <p><b>Debugging a mismatch</b> (in the manner of Adyen's HMAC helpers): {@link #signHeaderOf(Map)} gives the exact
 * string signed, {@link #hmacHex(Secret, String)} the HMAC of any string, and {@link #sign(Map, Secret)} both for a
 * given ordered map of logical headers. {@link #signatureFor(Map, String, Instant)} reproduces what this instance
 * would send.
 *
 * <pre>{@code
 * VdxpHeaderBundle auth = VdxpHeaderBundle.builder("vxp.saas.01", Secret.of(System.getenv("VDXP_SECRET")),
 *         Clock.systemUTC()).build();
 * }</pre>
 *
 * <p>Thread-safe. The secret never appears in {@link #toString()} or in logs.
 */
public final class VdxpHeaderBundle implements AuthStrategy {
    /** Prefix of every logical header on the wire. */
    public static final String PREFIX = "XroadVnpt-";
    /** {@code XroadVnpt-sign-header-key}. */
    public static final String SIGN_HEADER_KEY = PREFIX + "sign-header-key";
    /** {@code XroadVnpt-sign-header}. */
    public static final String SIGN_HEADER = PREFIX + "sign-header";
    /** {@code XroadVnpt-hash-header}. */
    public static final String HASH_HEADER = PREFIX + "hash-header";
    /** {@code XroadVnpt-version}. */
    public static final String VERSION_HEADER = PREFIX + "version";
    /** The protocol version the official SDK sends. */
    public static final String DEFAULT_VERSION = "3.0.201608";
    /** The {@code User-Agent} the official SDK sends. */
    public static final String DEFAULT_USER_AGENT = "JAVASDKAgent/1.0.0 XRoad/VPCP";
    /** The zone of the axis' wall time. */
    public static final ZoneId ZONE = VdxpTimestamps.ZONE;
    /** Logical name of the content type. */
    public static final String CONTENT_TYPE = "Content-Type";
    /** Logical name of the timestamp. */
    public static final String TIMESTAMP = "timestamp";
    /** Logical name of the system id. */
    public static final String SYSTEM_ID = "systemid";

    /** Headers of the bundle itself, never taken as call headers. */
    private static final Set<String> RESERVED = Set.of(lower(SIGN_HEADER_KEY), lower(SIGN_HEADER),
            lower(HASH_HEADER), lower(VERSION_HEADER), lower(PREFIX + CONTENT_TYPE), lower(PREFIX + TIMESTAMP),
            lower(PREFIX + SYSTEM_ID));

    private final String systemId;
    private final Secret secret;
    private final Clock clock;
    private final Function<ZonedDateTime, String> timestampFormatter;
    private final String version;
    private final String userAgent;
    /** The HMAC keyed once with the secret. */
    private final HmacSha256 hmac;

    private VdxpHeaderBundle(Builder b) {
        this.systemId = b.systemId;
        this.secret = b.secret;
        this.hmac = new HmacSha256(b.secret);
        this.clock = b.clock;
        this.timestampFormatter = b.timestampFormatter;
        this.version = b.version;
        this.userAgent = b.userAgent;
    }

    /**
     * A builder.
     *
     * @param systemId the system id issued by the axis operator (mã trung tâm liên thông, {@code vxp.saas.NN})
     * @param secret the system's secret key
     * @param clock where timestamps come from
     * @return the builder
     * @throws ValidationException naming the field when one is missing
     */
    public static Builder builder(String systemId, Secret secret, Clock clock) {
        return new Builder(systemId, secret, clock);
    }

    /**
     * The system id this strategy signs for.
     *
     * @return the id sent as {@code XroadVnpt-systemid}, for example {@code vxp.saas.03}
     */
    public String systemId() {
        return systemId;
    }

    @Override
    public ApiRequest authenticate(ApiRequest request, HttpRuntime transport) {
        String contentType = request.header(PREFIX + CONTENT_TYPE)
                .or(() -> request.body().map(b -> b.contentType()))
                .orElse("application/json");
        Signature s = signatureFor(callHeaders(request), contentType, clock.instant());
        ApiRequest.Builder b = request.toBuilder();
        s.logicalHeaders().forEach((name, value) -> b.setHeader(PREFIX + name, value));
        b.setHeader(SIGN_HEADER_KEY, s.signHeaderKey());
        b.setHeader(SIGN_HEADER, s.signHeader());
        b.setHeader(HASH_HEADER, s.hashHeader());
        b.setHeader(VERSION_HEADER, version);
        b.setHeader("User-Agent", userAgent);
        return b.build();
    }

    /**
     * What this instance sends for a call, for debugging: the logical headers in signing order, the
     * {@code sign-header-key}, the {@code sign-header} string and its HMAC.
     *
     * @param callHeaders the call's logical headers (names without {@code XroadVnpt-}), in signing order
     * @param contentType the value of the logical {@code Content-Type}
     * @param at the instant of the timestamp
     * @return the signature
     */
    public Signature signatureFor(Map<String, String> callHeaders, String contentType, Instant at) {
        Map<String, String> logical = new LinkedHashMap<>();
        logical.put(CONTENT_TYPE, ValidationException.requireNonNull(contentType, "VdxpHeaderBundle.contentType"));
        logical.put(TIMESTAMP, timestampFormatter.apply(at.atZone(ZONE)));
        logical.put(SYSTEM_ID, systemId);
        callHeaders.forEach((k, v) -> {
            if (!RESERVED.contains(lower(PREFIX + k))) {
                logical.put(k, v);
            }
        });
        // The map is private to this call: wrapped, not copied.
        String signHeader = signHeaderOf(logical);
        return new Signature(Collections.unmodifiableMap(logical), String.join(";", logical.keySet()), signHeader,
                hmac.hex(signHeader));
    }

    /**
     * Signs an ordered map of logical headers: the exact strings and HMAC the axis checks.
     *
     * @param logicalHeaders names without the {@code XroadVnpt-} prefix, in signing order (use a
     *        {@link LinkedHashMap})
     * @param secret the system's secret
     * @return the signature
     */
    public static Signature sign(Map<String, String> logicalHeaders, Secret secret) {
        String signHeader = signHeaderOf(logicalHeaders);
        return new Signature(Collections.unmodifiableMap(new LinkedHashMap<>(logicalHeaders)),
                String.join(";", logicalHeaders.keySet()), signHeader, hmacHex(secret, signHeader));
    }

    /**
     * The {@code sign-header} string: a compact JSON object {@code {"XroadVnpt-<name>":"<value>",...}} in the map's
     * iteration order, values escaped as JSON strings.
     *
     * @param logicalHeaders names without the prefix, in order
     * @return the JSON text
     */
    public static String signHeaderOf(Map<String, String> logicalHeaders) {
        StringWriter w = new StringWriter();
        try (JsonGenerator g = Json.mapper().getFactory().createGenerator(w)) {
            g.writeStartObject();
            for (Map.Entry<String, String> e : logicalHeaders.entrySet()) {
                g.writeStringField(PREFIX + e.getKey(), e.getValue());
            }
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return w.toString();
    }

    /**
     * Lowercase hex HMAC-SHA256 of a string.
     *
     * @param secret the key (its UTF-8 bytes)
     * @param message the message (its UTF-8 bytes)
     * @return 64 lowercase hex digits
     */
    public static String hmacHex(Secret secret, String message) {
        return HmacSha256.hex(secret, message);
    }

    /**
     * The default timestamp, {@code ddMMyyyy'T'HHmmss+SSSS} read as SimpleDateFormat does: wall time, a literal
     * {@code +}, the millisecond padded to four digits [INFERRED].
     *
     * @param wallTime the time in the axis' zone
     * @return for example {@code 02052024T091500+0123}
     */
    public static String formatTimestamp(ZonedDateTime wallTime) {
        return VdxpTimestamps.format(wallTime);
    }

    /**
     * Parses a timestamp in the default format, for a server checking the window.
     *
     * @param text for example {@code 02052024T091500+0123}
     * @return the instant, or empty when the text is not in the format
     */
    public static Optional<Instant> parseTimestamp(String text) {
        return VdxpTimestamps.parse(text);
    }

    private static Map<String, String> callHeaders(ApiRequest request) {
        Map<String, String> out = new LinkedHashMap<>();
        List<Map.Entry<String, String>> headers = request.headers();
        for (Map.Entry<String, String> h : headers) {
            String name = h.getKey();
            if (name.regionMatches(true, 0, PREFIX, 0, PREFIX.length()) && !RESERVED.contains(lower(name))) {
                out.putIfAbsent(name.substring(PREFIX.length()), h.getValue());
            }
        }
        return out;
    }

    private static String lower(String s) {
        return s.toLowerCase(Locale.ROOT);
    }

    @Override
    public String toString() {
        return "VdxpHeaderBundle[systemId=" + systemId + ", secret=" + secret + "]";
    }

    /**
     * The signed part of a request, for debugging a mismatch with the axis.
     *
     * @param logicalHeaders every logical header in signing order, names without the prefix
     * @param signHeaderKey the value of {@code XroadVnpt-sign-header-key}
     * @param signHeader the value of {@code XroadVnpt-sign-header}: the exact string hashed
     * @param hashHeader the value of {@code XroadVnpt-hash-header}
     */
    public record Signature(Map<String, String> logicalHeaders, String signHeaderKey, String signHeader,
            String hashHeader) {
    }

    /** Builder of {@link VdxpHeaderBundle}. */
    public static final class Builder {
        private final String systemId;
        private final Secret secret;
        private final Clock clock;
        private Function<ZonedDateTime, String> timestampFormatter = VdxpHeaderBundle::formatTimestamp;
        private String version = DEFAULT_VERSION;
        private String userAgent = DEFAULT_USER_AGENT;

        private Builder(String systemId, Secret secret, Clock clock) {
            if (systemId == null || systemId.isBlank()) {
                throw ValidationException.of("vdxp.systemId", "VdxpHeaderBundle.systemId", "systemId is required");
            }
            if (secret == null) {
                throw ValidationException.of("vdxp.secret", "VdxpHeaderBundle.secret", "secret is required");
            }
            if (clock == null) {
                throw ValidationException.of("vdxp.clock", "VdxpHeaderBundle.clock", "clock is required");
            }
            this.systemId = systemId.strip();
            this.secret = secret;
            this.clock = clock;
        }

        /**
         * Another reading of {@code ddMMyyyy'T'HHmmss+SSSS} (default {@link VdxpHeaderBundle#formatTimestamp}).
         *
         * @param value formats the wall time in {@code Asia/Ho_Chi_Minh}
         * @return this builder
         */
        public Builder timestampFormatter(Function<ZonedDateTime, String> value) {
            if (value == null) {
                throw ValidationException.of("vdxp.timestampFormatter", "VdxpHeaderBundle.timestampFormatter",
                        "timestampFormatter is required");
            }
            this.timestampFormatter = value;
            return this;
        }

        /**
         * The {@code XroadVnpt-version} value (default {@value VdxpHeaderBundle#DEFAULT_VERSION}).
         *
         * @param value the version
         * @return this builder
         */
        public Builder version(String value) {
            this.version = nonBlank(value, "version");
            return this;
        }

        /**
         * The {@code User-Agent} (default {@value VdxpHeaderBundle#DEFAULT_USER_AGENT}).
         *
         * @param value the user agent
         * @return this builder
         */
        public Builder userAgent(String value) {
            this.userAgent = nonBlank(value, "userAgent");
            return this;
        }

        /**
         * Builds the strategy.
         *
         * @return the strategy
         */
        public VdxpHeaderBundle build() {
            return new VdxpHeaderBundle(this);
        }

        private static String nonBlank(String value, String field) {
            if (value == null || value.isBlank()) {
                throw ValidationException.of("vdxp." + field, "VdxpHeaderBundle." + field, field + " is required");
            }
            return value;
        }
    }
}
