package vn.egov.sdk.signing.internal.pdf;

import java.io.IOException;
import java.math.BigInteger;
import java.security.SecureRandom;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.tsp.TSPException;
import org.bouncycastle.tsp.TimeStampRequest;
import org.bouncycastle.tsp.TimeStampRequestGenerator;
import org.bouncycastle.tsp.TimeStampResponse;
import org.bouncycastle.tsp.TimeStampToken;
import vn.egov.sdk.core.EgovException;
import vn.egov.sdk.core.ErrorDetails;
import vn.egov.sdk.core.Fault;
import vn.egov.sdk.core.RequestOptions;
import vn.egov.sdk.core.http.ApiRequest;
import vn.egov.sdk.core.http.ApiResponse;
import vn.egov.sdk.core.http.HttpBody;
import vn.egov.sdk.core.http.HttpRuntime;
import vn.egov.sdk.signing.DigestAlgorithm;
import vn.egov.sdk.signing.SigningException;

/**
 * RFC 3161 over HTTP through the SDK's {@link HttpRuntime}: a request with a random nonce and {@code certReq},
 * the response checked against the request (status granted, same imprint, same nonce).
 */
public final class HttpTimestampClient implements TimestampClient {
    private static final int MAX_RESPONSE = 256 * 1024;
    private final HttpRuntime runtime;
    private final String url;
    private final SecureRandom random = new SecureRandom();

    /**
     * @param runtime the HTTP runtime to send with
     * @param url the authority's address
     */
    public HttpTimestampClient(HttpRuntime runtime, String url) {
        this.runtime = runtime;
        this.url = url;
    }

    @Override
    public byte[] timestamp(DigestAlgorithm algorithm, byte[] digest) {
        TimeStampRequestGenerator gen = new TimeStampRequestGenerator();
        gen.setCertReq(true);
        TimeStampRequest request = gen.generate(new ASN1ObjectIdentifier(algorithm.oid()), digest,
                new BigInteger(64, random));
        byte[] body;
        try {
            body = request.getEncoded();
        } catch (IOException e) {
            throw new IllegalStateException("cannot encode a timestamp request", e);
        }
        ApiResponse response;
        try {
            response = runtime.execute(ApiRequest.builder("POST", url)
                    .body(HttpBody.ofBytes(body, "application/timestamp-query"))
                    .idempotent(true).build(), RequestOptions.DEFAULT);
        } catch (EgovException e) {
            throw new SigningException("the timestamp authority at " + url + " could not be reached or failed: "
                    + e.getMessage(), ErrorDetails.of(Fault.PLATFORM, e.retryable()), e);
        }
        if (response.bodyLength() > MAX_RESPONSE) {
            throw refused("its answer is larger than " + MAX_RESPONSE + " bytes", null);
        }
        try {
            TimeStampResponse tsr = new TimeStampResponse(response.body());
            tsr.validate(request);
            TimeStampToken token = tsr.getTimeStampToken();
            if (token == null) {
                throw refused("it did not grant a token: status " + tsr.getStatus()
                        + (tsr.getStatusString() == null ? "" : " " + tsr.getStatusString()), null);
            }
            return token.getEncoded();
        } catch (TSPException | IOException | RuntimeException e) {
            if (e instanceof SigningException s) {
                throw s;
            }
            throw refused("its answer is not a valid timestamp response for this request: " + e.getMessage(), e);
        }
    }

    private SigningException refused(String why, Throwable cause) {
        return new SigningException("the timestamp authority at " + url + " refused: " + why,
                ErrorDetails.of(Fault.PLATFORM, false), cause);
    }
}
