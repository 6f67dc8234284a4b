package vn.egov.sdk.benchmarks;

import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import okhttp3.Headers;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import vn.egov.sdk.core.Secret;
import vn.egov.sdk.core.auth.VdxpHeaderBundle;

/**
 * The raw baselines' side of the VDXP protocol: a plain {@link OkHttpClient} and the {@code XroadVnpt-*} headers
 * made with the SDK's own {@link VdxpHeaderBundle#signatureFor} (the same strings, in the same order, as the client
 * sends), so that the baselines carry exactly the client's headers and differ from it only in what the client does
 * around the HTTP call.
 */
final class RawVdxp {
    static final byte[] NO_BODY = new byte[0];
    /** Calls other than sendEdoc carry an empty JSON body, as the official client and the SDK send them. */
    static final okhttp3.MediaType JSON = okhttp3.MediaType.get("application/json");

    final OkHttpClient http;
    final String vdxpUrl;
    private final VdxpHeaderBundle bundle;
    private final Clock clock;

    RawVdxp(String vdxpUrl, String systemId, String secret, Clock clock) {
        this.vdxpUrl = vdxpUrl;
        this.clock = clock;
        this.bundle = VdxpHeaderBundle.builder(systemId, Secret.of(secret), clock).build();
        this.http = new OkHttpClient.Builder().readTimeout(Duration.ofSeconds(120)).writeTimeout(Duration.ofSeconds(120))
                .callTimeout(Duration.ofSeconds(300)).build();
    }

    /**
     * The headers of one call, signed now: every logical header, {@code sign-header-key}, {@code sign-header},
     * {@code hash-header}, {@code version} and {@code User-Agent}.
     *
     * @param contentType the logical {@code Content-Type} ({@code application/json} for calls without a body, as the
     *        client sends)
     * @param callHeaders name, value, name, value... of the call's logical headers, without the prefix, in order
     */
    Headers signedHeaders(String contentType, String... callHeaders) {
        Map<String, String> call = new LinkedHashMap<>();
        for (int i = 0; i < callHeaders.length; i += 2) {
            call.put(callHeaders[i], callHeaders[i + 1]);
        }
        VdxpHeaderBundle.Signature s = bundle.signatureFor(call, contentType, clock.instant());
        Headers.Builder h = new Headers.Builder();
        s.logicalHeaders().forEach((name, value) -> h.add(VdxpHeaderBundle.PREFIX + name, value));
        h.add(VdxpHeaderBundle.SIGN_HEADER_KEY, s.signHeaderKey());
        h.add(VdxpHeaderBundle.SIGN_HEADER, s.signHeader());
        h.add(VdxpHeaderBundle.HASH_HEADER, s.hashHeader());
        h.add(VdxpHeaderBundle.VERSION_HEADER, VdxpHeaderBundle.DEFAULT_VERSION);
        h.add("User-Agent", VdxpHeaderBundle.DEFAULT_USER_AGENT);
        return h.build();
    }

    /** A {@code POST} of the operation with no body (as the client sends list, fetch and acknowledge calls). */
    Request post(String op, Headers headers) {
        return new Request.Builder().url(vdxpUrl + op).headers(headers).post(RequestBody.create(NO_BODY, JSON)).build();
    }

    /** A {@code POST} of the operation with a body. */
    Request post(String op, Headers headers, RequestBody body) {
        return new Request.Builder().url(vdxpUrl + op).headers(headers).post(body).build();
    }

    /** A {@code GET} of the operation. */
    Request get(String op, Headers headers) {
        return new Request.Builder().url(vdxpUrl + op).headers(headers).get().build();
    }

    void close() {
        http.dispatcher().executorService().shutdown();
        http.connectionPool().evictAll();
    }
}
