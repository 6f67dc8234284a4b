package vn.egov.sdk.identity.internal;

import com.nimbusds.jose.jwk.JWKSet;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.egov.sdk.core.Causes;
import vn.egov.sdk.core.EgovException;
import vn.egov.sdk.core.ErrorDetails;
import vn.egov.sdk.core.Fault;
import vn.egov.sdk.core.RequestOptions;
import vn.egov.sdk.core.http.ApiRequest;
import vn.egov.sdk.core.http.ApiResponse;
import vn.egov.sdk.core.http.HttpRuntime;
import vn.egov.sdk.identity.IdTokenException;
import vn.egov.sdk.identity.IdTokenFailure;

/**
 * Fetches a JWK set with a GET through the SDK's {@link HttpRuntime} (its timeouts, deadline, retries of a safe
 * request and response cap) and reads it with {@link JwksDocument}. Every failure is an
 * {@link IdTokenFailure#JWKS_UNAVAILABLE}: of fault {@link Fault#NETWORK} when the endpoint could not be reached,
 * {@link Fault#PLATFORM} when it answered with an error status, a body above the cap or something that is not a
 * JWK set.
 */
public final class JwksHttp implements JwksCache.Fetch {
    private static final Logger LOG = LoggerFactory.getLogger(JwksHttp.class);

    private final HttpRuntime runtime;
    private final ApiRequest request;
    private final String shownUrl;

    /**
     * @param runtime the runtime, its response cap the JWKS size limit
     * @param url the JWKS URL, already checked to be an absolute http(s) URL
     * @param shownUrl the URL as it may appear in messages (no query or user info)
     */
    public JwksHttp(HttpRuntime runtime, String url, String shownUrl) {
        this.runtime = runtime;
        this.request = ApiRequest.builder("GET", url)
                .header("Accept", "application/jwk-set+json, application/json").build();
        this.shownUrl = shownUrl;
    }

    @Override
    public JWKSet fetch() {
        ApiResponse response;
        try {
            response = runtime.execute(request, RequestOptions.DEFAULT);
        } catch (EgovException e) {
            Fault fault = e.fault() == Fault.NETWORK ? Fault.NETWORK : Fault.PLATFORM;
            ErrorDetails details = e.details();
            throw new IdTokenException(IdTokenFailure.JWKS_UNAVAILABLE, null, "the identity provider's JWKS at "
                    + shownUrl + " could not be fetched: " + Causes.describe(e),
                    new ErrorDetails(fault, true, details.correlationId(), details.attempts(), details.httpStatus(),
                            details.platformErrorCode(), details.retryAfter()), e);
        }
        try {
            JWKSet keys = JwksDocument.parse(new String(response.body(), StandardCharsets.UTF_8), shownUrl);
            LOG.debug("JWKS {}: {} usable signature key(s)", shownUrl, keys.size());
            return keys;
        } catch (ParseException e) {
            throw new IdTokenException(IdTokenFailure.JWKS_UNAVAILABLE, null, "the identity provider's JWKS at "
                    + shownUrl + " is not a JWK set: " + e.getMessage(),
                    ErrorDetails.of(Fault.PLATFORM, true).withHttpStatus(response.status()), null);
        }
    }
}
