package vn.egov.sdk.testkit.internal;

import java.util.Map;
import java.util.function.Supplier;
import vn.egov.sdk.testkit.TestPki;

/**
 * The test PKI's services under {@code /pki/}: OCSP ({@code POST /pki/ocsp}, {@code application/ocsp-request}),
 * the licensed CA's CRL ({@code GET /pki/crl/licensed-ca.crl}), the root's ({@code GET /pki/crl/root.crl}),
 * RFC 3161 timestamps ({@code POST /pki/tsa}, {@code application/timestamp-query}) and the root certificate
 * ({@code GET /pki/root.crt}). The PKI is made on first use.
 */
public final class PkiSimulator implements Simulator {
    private final Supplier<TestPki> pki;

    /**
     * @param pki the PKI, made on first call
     */
    public PkiSimulator(Supplier<TestPki> pki) {
        this.pki = pki;
    }

    @Override
    public String pathPrefix() {
        return "/pki/";
    }

    @Override
    public SimResponse handle(SimRequest request) {
        String path = request.path();
        if (path.equals(TestPki.OCSP_PATH) && request.isMethod("POST")) {
            return binary("application/ocsp-response", pki.get().ocspResponse(request.body()));
        }
        if (path.equals(TestPki.TSA_PATH) && request.isMethod("POST")) {
            if (!request.header("Content-Type").orElse("").startsWith("application/timestamp-query")) {
                return SimResponse.error(415, "unsupported_media_type", "send application/timestamp-query");
            }
            return binary("application/timestamp-reply", pki.get().timestampResponse(request.body()));
        }
        if (path.equals(TestPki.CRL_PATH) && request.isMethod("GET")) {
            return binary("application/pkix-crl", pki.get().crl());
        }
        if (path.equals(TestPki.ROOT_CRL_PATH) && request.isMethod("GET")) {
            return binary("application/pkix-crl", pki.get().rootCrl());
        }
        if (path.equals(TestPki.ROOT_PATH) && request.isMethod("GET")) {
            try {
                return binary("application/pkix-cert", pki.get().root().getEncoded());
            } catch (java.security.cert.CertificateEncodingException e) {
                throw new IllegalStateException(e);
            }
        }
        return SimResponse.error(404, "not_found", "no such PKI service: " + request.method() + " " + path);
    }

    private static SimResponse binary(String type, byte[] body) {
        return new SimResponse(200, Map.of("Content-Type", type), body);
    }
}
