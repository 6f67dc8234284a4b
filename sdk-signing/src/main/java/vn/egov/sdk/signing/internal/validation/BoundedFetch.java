package vn.egov.sdk.signing.internal.validation;

import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import vn.egov.sdk.core.Causes;
import vn.egov.sdk.core.EgovException;
import vn.egov.sdk.core.RequestOptions;
import vn.egov.sdk.core.http.ApiRequest;
import vn.egov.sdk.core.http.HttpBody;
import vn.egov.sdk.core.http.HttpRuntime;

/**
 * Fetches a small binary document (certificate, CRL, OCSP response) through the SDK's {@link HttpRuntime}, reading
 * at most a given number of bytes: an oversized body is an error, never read whole.
 */
public final class BoundedFetch {
    private final HttpRuntime http;
    private final Duration deadline;
    private final int maxAttempts;

    /**
     * @param http the runtime
     * @param deadline the time allowed for one fetch, retries included
     * @param maxAttempts attempts per fetch
     */
    public BoundedFetch(HttpRuntime http, Duration deadline, int maxAttempts) {
        this.http = http;
        this.deadline = deadline;
        this.maxAttempts = maxAttempts;
    }

    /** The failure of one fetch, in a sentence. */
    public static final class FetchException extends Exception {
        private static final long serialVersionUID = 1L;

        FetchException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /** GETs {@code url}. */
    public byte[] get(URI url, long maxBytes) throws FetchException {
        return send(ApiRequest.get(url.toString()), url, maxBytes);
    }

    /** POSTs {@code body} to {@code url} (an idempotent query, such as OCSP). */
    public byte[] post(URI url, byte[] body, String contentType, long maxBytes) throws FetchException {
        ApiRequest request = ApiRequest.builder("POST", url.toString())
                .body(HttpBody.ofBytes(body, contentType)).idempotent(true).build();
        return send(request, url, maxBytes);
    }

    private byte[] send(ApiRequest request, URI url, long maxBytes) throws FetchException {
        if (url.getScheme() == null || !(url.getScheme().equalsIgnoreCase("http")
                || url.getScheme().equalsIgnoreCase("https"))) {
            throw new FetchException("unsupported address " + url + " (only http and https are fetched)", null);
        }
        RequestOptions options = RequestOptions.builder().deadline(deadline).maxAttempts(maxAttempts)
                .withoutIdempotencyKey().build();
        try {
            Optional<byte[]> body = http.withoutAuth().execute(request, options,
                    (status, headers, in) -> CertificateFiles.readBounded(in, maxBytes));
            return body.orElseThrow(() -> new FetchException(
                    url + " answered with more than " + maxBytes + " bytes (the configured limit)", null));
        } catch (EgovException e) {
            throw new FetchException(url + " could not be fetched: " + Causes.describe(e), e);
        } catch (RuntimeException e) {
            throw new FetchException(url + " could not be fetched: " + e, e);
        }
    }
}
