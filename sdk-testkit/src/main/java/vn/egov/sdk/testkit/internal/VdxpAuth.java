package vn.egov.sdk.testkit.internal;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import vn.egov.sdk.axis.VdxpAxisClient.ErrorCodes;
import vn.egov.sdk.core.auth.VdxpHeaderBundle;

/**
 * Checks the {@code XroadVnpt-*} HMAC header bundle of a request, as the sandbox axis understands it: the HMAC of the
 * received {@code sign-header} string (compared in constant time), the {@code sign-header} members equal to the
 * headers really sent and every sent {@code XroadVnpt-*} header signed (except {@code sign-header},
 * {@code sign-header-key}, {@code hash-header} and {@code version}, which may be signed or not), {@code sign-header-key}
 * naming each member once, in any order (the official client SDKVXP 2.0.1 writes both from a {@code HashMap}, so the
 * axis can only verify against the {@code sign-header} string received), a known {@code systemid}, and a timestamp
 * {@code ddMMyyyy'T'HHmmss+SSSS} ({@code SSSS}: milliseconds) within the window of the axis' clock. Extra signed
 * headers (the official client's {@code filePath}, headers left over from its earlier calls) are accepted.
 */
public final class VdxpAuth {

    /** The outcome: the authenticated system, or the refusal to send. */
    public record Result(Optional<VdxpSystems.VdxpSystem> system, Optional<SimResponse> refusal) {
    }

    private static final String PREFIX = VdxpHeaderBundle.PREFIX;
    private static final Set<String> UNSIGNED = Set.of(lower(VdxpHeaderBundle.SIGN_HEADER),
            lower(VdxpHeaderBundle.SIGN_HEADER_KEY), lower(VdxpHeaderBundle.HASH_HEADER),
            lower(VdxpHeaderBundle.VERSION_HEADER));

    private final VdxpSystems systems;
    private final Supplier<Instant> now;
    private final Duration window;

    /**
     * @param systems the known systems
     * @param now the axis' clock
     * @param window how far a timestamp may be from the axis' clock, either way
     */
    public VdxpAuth(VdxpSystems systems, Supplier<Instant> now, Duration window) {
        this.systems = Objects.requireNonNull(systems, "systems");
        this.now = Objects.requireNonNull(now, "now");
        this.window = Objects.requireNonNull(window, "window");
    }

    /**
     * Checks a request.
     *
     * @param request the request
     * @return the system, or the refusal
     */
    public Result check(SimRequest request) {
        Optional<String> signHeader = request.header(VdxpHeaderBundle.SIGN_HEADER);
        Optional<String> hashHeader = request.header(VdxpHeaderBundle.HASH_HEADER);
        Optional<String> keys = request.header(VdxpHeaderBundle.SIGN_HEADER_KEY);
        Optional<String> systemId = request.header(PREFIX + VdxpHeaderBundle.SYSTEM_ID);
        if (signHeader.isEmpty() || hashHeader.isEmpty() || keys.isEmpty() || systemId.isEmpty()) {
            return refuse(ErrorCodes.BAD_SIGNED_HEADERS,
                    "sign-header, sign-header-key, hash-header and systemid are required");
        }
        Optional<VdxpSystems.VdxpSystem> system = systems.find(systemId.get());
        if (system.isEmpty()) {
            return refuse(ErrorCodes.UNKNOWN_SYSTEM, "unknown systemid " + systemId.get());
        }
        String expected = hmacHex(system.get().secret(), signHeader.get());
        if (!MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII),
                hashHeader.get().toLowerCase(Locale.ROOT).getBytes(StandardCharsets.US_ASCII))) {
            return refuse(ErrorCodes.BAD_SIGNATURE, "hash-header is not the HMAC-SHA256 of sign-header under the "
                    + "system's secret");
        }
        Optional<String> membersProblem = checkMembers(request, signHeader.get(), keys.get());
        if (membersProblem.isPresent()) {
            return refuse(ErrorCodes.BAD_SIGNED_HEADERS, membersProblem.get());
        }
        String stamp = request.header(PREFIX + VdxpHeaderBundle.TIMESTAMP).orElse("");
        Optional<Instant> at = VdxpHeaderBundle.parseTimestamp(stamp);
        if (at.isEmpty()) {
            return refuse(ErrorCodes.TIMESTAMP_OUT_OF_WINDOW, "timestamp is not ddMMyyyy'T'HHmmss+SSSS: " + stamp);
        }
        Duration skew = Duration.between(now.get(), at.get()).abs();
        if (skew.compareTo(window) > 0) {
            return refuse(ErrorCodes.TIMESTAMP_OUT_OF_WINDOW, "timestamp " + stamp + " is " + skew.toSeconds()
                    + " s away from the axis' clock (window " + window.toSeconds() + " s)");
        }
        return new Result(system, Optional.empty());
    }

    private static Optional<String> checkMembers(SimRequest request, String signHeader, String keys) {
        Optional<JsonNode> parsed = JsonCodec.tryParse(signHeader.getBytes(StandardCharsets.UTF_8))
                .filter(JsonNode::isObject);
        if (parsed.isEmpty()) {
            return Optional.of("sign-header is not a JSON object");
        }
        List<String> names = new ArrayList<>();
        Iterator<Map.Entry<String, JsonNode>> members = parsed.get().fields();
        while (members.hasNext()) {
            Map.Entry<String, JsonNode> m = members.next();
            if (!m.getKey().startsWith(PREFIX)) {
                return Optional.of("sign-header member " + m.getKey() + " lacks the " + PREFIX + " prefix");
            }
            Optional<String> sent = request.header(m.getKey());
            if (sent.isEmpty() || !sent.get().equals(m.getValue().asText())) {
                return Optional.of("sign-header member " + m.getKey() + " differs from the header sent");
            }
            names.add(m.getKey().substring(PREFIX.length()));
        }
        List<String> keyNames = List.of(keys.split(";", -1));
        if (keyNames.size() != names.size() || !Set.copyOf(names).equals(new java.util.HashSet<>(keyNames))) {
            return Optional.of("sign-header-key does not name each sign-header member once");
        }
        if (!names.contains(VdxpHeaderBundle.TIMESTAMP) || !names.contains(VdxpHeaderBundle.SYSTEM_ID)) {
            return Optional.of("timestamp and systemid must be signed");
        }
        for (String header : request.headers().keySet()) {
            String h = lower(header);
            if (h.startsWith(lower(PREFIX)) && !UNSIGNED.contains(h)
                    && names.stream().noneMatch(n -> lower(PREFIX + n).equals(h))) {
                return Optional.of("header " + header + " is sent but not signed");
            }
        }
        return Optional.empty();
    }

    /** HMAC-SHA256 in lowercase hex, computed here independently of the SDK's own code. */
    static String hmacHex(String secret, String message) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(message.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Result refuse(String code, String description) {
        return new Result(Optional.empty(), Optional.of(VdxpReplies.fail(code, description)));
    }

    private static String lower(String s) {
        return s.toLowerCase(Locale.ROOT);
    }
}
