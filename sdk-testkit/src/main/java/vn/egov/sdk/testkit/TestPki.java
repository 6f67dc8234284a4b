package vn.egov.sdk.testkit;

import java.io.StringWriter;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import vn.egov.sdk.core.ValidationException;
import vn.egov.sdk.signing.SigningKey;
import vn.egov.sdk.testkit.internal.PkiIssuer;
import vn.egov.sdk.testkit.internal.PkiResponder;

/**
 * A test PKI shaped like Vietnam's, generated in process: a national root (as NEAC's or the Government CA's root)
 * → a licensed CA → signers, plus an OCSP responder and a timestamp authority, with the OCSP, CRL and TSA addresses
 * written into the certificates. {@link NationalSandbox#pki()} serves them under {@code /pki/}.
 *
 * <p>Signers ({@link Kind}): a good one, an agency (organisation) certificate for the seal signature Decree
 * 30/2020 places beside the signer's, and the bad ones a validator must catch: expired, not yet valid, revoked
 * (an hour before the PKI was made), wrong key usage (key encipherment only) and a 1024-bit RSA key. Certificate
 * times are relative to the clock given at creation. Keys are RSA 2048 (except {@link Kind#WEAK_RSA_1024}); creating
 * a PKI takes a second or two, so share one per test class.
 *
 * <p>Never trust its root outside tests: the private keys live in memory with no protection.
 */
public final class TestPki {
    /** The test signers. */
    public enum Kind {
        /** A person's signing certificate, valid, not revoked. */
        GOOD("Nguyễn Văn An"),
        /** An agency's (organisation) certificate, for the seal signature. */
        AGENCY("UBND tỉnh Thử Nghiệm"),
        /** Expired a day before the PKI was made. */
        EXPIRED("Trần Thị Hết Hạn"),
        /** Valid only from a day after the PKI was made. */
        NOT_YET_VALID("Lê Văn Chưa Hiệu Lực"),
        /** Revoked an hour before the PKI was made (key compromise). */
        REVOKED("Phạm Văn Thu Hồi"),
        /** Key usage key encipherment only: not for signatures. */
        WRONG_KEY_USAGE("Hoàng Thị Sai Mục Đích"),
        /** A 1024-bit RSA key. */
        WEAK_RSA_1024("Đỗ Văn Khóa Yếu");

        private final String commonName;

        Kind(String commonName) {
            this.commonName = commonName;
        }

        /**
         * The certificate's common name.
         *
         * @return the common name ({@code CN}) of the signer certificate of this kind
         */
        public String commonName() {
            return commonName;
        }
    }

    /** Path of the OCSP responder under the base URL. */
    public static final String OCSP_PATH = "/pki/ocsp";
    /** Path of the licensed CA's CRL under the base URL. */
    public static final String CRL_PATH = "/pki/crl/licensed-ca.crl";
    /** Path of the national root's CRL (listing revoked licensed CAs; none here) under the base URL. */
    public static final String ROOT_CRL_PATH = "/pki/crl/root.crl";
    /** Path of the timestamp authority under the base URL. */
    public static final String TSA_PATH = "/pki/tsa";
    /** Path of the root certificate (DER) under the base URL. */
    public static final String ROOT_PATH = "/pki/root.crt";

    private final Clock clock;
    private final Instant createdAt;
    private final String baseUrl;
    private final PkiIssuer.Issued root;
    private final PkiIssuer.Issued ca;
    private final PkiIssuer.Issued tsa;
    private final PkiIssuer.Issued ocsp;
    private final Map<Kind, PkiIssuer.Issued> signers = new EnumMap<>(Kind.class);
    private final Instant revokedAt;
    private final PkiResponder responder;
    private final PkiIssuer issuer;

    private TestPki(String baseUrl, Clock clock) {
        this.clock = clock;
        this.baseUrl = baseUrl;
        this.createdAt = clock.instant();
        Instant now = createdAt;
        this.revokedAt = now.minus(Duration.ofHours(1));
        this.issuer = new PkiIssuer(new SecureRandom(), baseUrl + OCSP_PATH, baseUrl + CRL_PATH);
        this.root = issuer.root("CN=SDK Test National Root CA,O=egov-sdk sandbox,C=VN", rsa(2048),
                now.minus(Duration.ofDays(3650)), now.plus(Duration.ofDays(7300)));
        this.ca = issuer.ca("CN=SDK Test Licensed CA,O=egov-sdk sandbox,C=VN", rsa(2048), root,
                now.minus(Duration.ofDays(1825)), now.plus(Duration.ofDays(3650)), baseUrl + ROOT_CRL_PATH);
        this.tsa = issuer.tsa("CN=SDK Test Timestamp Authority,O=egov-sdk sandbox,C=VN", rsa(2048), ca,
                now.minus(Duration.ofDays(365)), now.plus(Duration.ofDays(3650)));
        this.ocsp = issuer.ocspResponder("CN=SDK Test OCSP Responder,O=egov-sdk sandbox,C=VN", rsa(2048), ca,
                now.minus(Duration.ofDays(30)), now.plus(Duration.ofDays(365)));
        for (Kind kind : Kind.values()) {
            Instant from = now.minus(Duration.ofDays(30));
            Instant to = now.plus(Duration.ofDays(730));
            if (kind == Kind.EXPIRED) {
                from = now.minus(Duration.ofDays(730));
                to = now.minus(Duration.ofDays(1));
            } else if (kind == Kind.NOT_YET_VALID) {
                from = now.plus(Duration.ofDays(1));
            }
            String dn = "CN=" + kind.commonName + (kind == Kind.AGENCY ? "" : ",OU=Văn phòng")
                    + ",O=UBND tỉnh Thử Nghiệm,L=Hà Nội,C=VN";
            KeyPair keys = rsa(kind == Kind.WEAK_RSA_1024 ? 1024 : 2048);
            signers.put(kind, issuer.signer(dn, keys, ca, from, to, kind != Kind.WRONG_KEY_USAGE));
        }
        this.responder = new PkiResponder(clock, ca, ocsp, tsa,
                Map.of(signers.get(Kind.REVOKED).certificate().getSerialNumber(), revokedAt),
                knownSerials());
    }

    /**
     * A new PKI whose certificates point at OCSP, CRL and TSA endpoints under {@code baseUrl}.
     *
     * @param baseUrl where {@code /pki/...} is served, e.g. {@link NationalSandbox#baseUrl()}
     * @return a new PKI with a root, a licensed CA, one signer per {@link Kind}, an OCSP responder and a TSA
     */
    public static TestPki create(String baseUrl) {
        return create(baseUrl, Clock.systemUTC());
    }

    /**
     * Like {@link #create(String)}, with certificate times relative to {@code clock}.
     *
     * @param baseUrl where {@code /pki/...} is served, e.g. {@link NationalSandbox#baseUrl()}
     * @param clock the clock certificate validity, CRLs, OCSP answers and timestamps are based on
     * @return a new PKI whose times are relative to {@code clock}
     */
    public static TestPki create(String baseUrl, Clock clock) {
        ValidationException.requireText(baseUrl, "TestPki.baseUrl");
        ValidationException.requireNonNull(clock, "TestPki.clock");
        return new TestPki(baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl, clock);
    }

    private java.util.Set<BigInteger> knownSerials() {
        java.util.Set<BigInteger> known = new java.util.HashSet<>();
        signers.values().forEach(s -> known.add(s.certificate().getSerialNumber()));
        known.add(tsa.certificate().getSerialNumber());
        known.add(ocsp.certificate().getSerialNumber());
        return Collections.unmodifiableSet(known);
    }

    private static KeyPair rsa(int bits) {
        try {
            KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
            g.initialize(bits);
            return g.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * The root certificate: the trust anchor to configure in validators.
     *
     * @return the self-signed root certificate
     */
    public X509Certificate root() {
        return root.certificate();
    }

    /**
     * The licensed CA's certificate (the signers' issuer).
     *
     * @return the licensed CA's certificate, issued by the root
     */
    public X509Certificate ca() {
        return ca.certificate();
    }

    /**
     * A signer's key with its chain (signer, licensed CA). {@link Kind#WEAK_RSA_1024} is loaded with
     * {@link SigningKey#allowingShortRsaKeys}.
     *
     * @param kind which of the prepared signers
     * @return the signer's private key with the chain signer, licensed CA
     */
    public SigningKey signer(Kind kind) {
        PkiIssuer.Issued s = signers.get(kind);
        List<X509Certificate> chain = List.of(s.certificate(), ca.certificate());
        return kind == Kind.WEAK_RSA_1024 ? SigningKey.allowingShortRsaKeys(s.keys().getPrivate(), chain)
                : SigningKey.of(s.keys().getPrivate(), chain);
    }

    /**
     * The timestamp authority's key and chain (for tests that make tokens themselves).
     *
     * @return the TSA's private key with the chain TSA, licensed CA
     */
    public SigningKey tsa() {
        return SigningKey.of(tsa.keys().getPrivate(), List.of(tsa.certificate(), ca.certificate()));
    }

    /**
     * The OCSP responder's certificate (delegated by the licensed CA, with {@code id-pkix-ocsp-nocheck}).
     *
     * @return the delegated OCSP responder's certificate
     */
    public X509Certificate ocspResponder() {
        return ocsp.certificate();
    }

    /**
     * Issues, from the licensed CA, a new certificate shaped like a delegated OCSP responder's but without the
     * extended key usage {@code id-kp-OCSPSigning}, with its key (chain: it, licensed CA): a responder the CA never
     * authorised, whose answers a validator must refuse. For attack tests; each call issues a new one.
     *
     * @return a freshly issued rogue responder key with its chain (it, licensed CA)
     */
    public SigningKey unauthorisedOcspResponder() {
        PkiIssuer.Issued rogue = issuer.unauthorisedOcspResponder(
                "CN=SDK Test Unauthorised Responder,O=egov-sdk sandbox,C=VN", rsa(2048), ca,
                createdAt.minus(Duration.ofDays(30)), createdAt.plus(Duration.ofDays(365)));
        return SigningKey.of(rogue.keys().getPrivate(), List.of(rogue.certificate(), ca.certificate()));
    }

    /**
     * When the {@link Kind#REVOKED} signer was revoked.
     *
     * @return the revocation time written in the CRL and in OCSP answers
     */
    public Instant revokedAt() {
        return revokedAt;
    }

    /**
     * When this PKI was made (certificate times are relative to it).
     *
     * @return the instant the PKI was created, from its clock
     */
    public Instant createdAt() {
        return createdAt;
    }

    /**
     * The OCSP responder's address, as written in the signers' certificates.
     *
     * @return the absolute OCSP URL under the base URL
     */
    public String ocspUrl() {
        return baseUrl + OCSP_PATH;
    }

    /**
     * The CRL's address, as written in the signers' certificates.
     *
     * @return the absolute CRL URL under the base URL
     */
    public String crlUrl() {
        return baseUrl + CRL_PATH;
    }

    /**
     * The timestamp authority's address (RFC 3161 over HTTP).
     *
     * @return the absolute timestamp authority URL under the base URL
     */
    public String tsaUrl() {
        return baseUrl + TSA_PATH;
    }

    /**
     * The root certificate in PEM, as the Tour writes it for other tools.
     *
     * @return the root certificate as a PEM {@code CERTIFICATE} block
     */
    public String rootPem() {
        return pem(root.certificate());
    }

    /**
     * A certificate in PEM.
     *
     * @param certificate the certificate to encode
     * @return a PEM {@code CERTIFICATE} block with 64-character base64 lines, ending with a line break
     */
    public static String pem(X509Certificate certificate) {
        try {
            StringWriter w = new StringWriter();
            w.write("-----BEGIN CERTIFICATE-----\n");
            w.write(Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(certificate.getEncoded()));
            w.write("\n-----END CERTIFICATE-----\n");
            return w.toString();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * The licensed CA's current CRL (DER), listing the {@link Kind#REVOKED} signer; valid for 7 days.
     *
     * @return a freshly signed DER CRL
     */
    public byte[] crl() {
        return responder.crl();
    }

    /**
     * The national root's CRL (DER), signed by the root, listing no licensed CA; valid for 7 days.
     *
     * @return a freshly signed DER CRL of the root
     */
    public byte[] rootCrl() {
        return PkiResponder.crl(clock, root, Map.of());
    }

    /**
     * The CRL as a JDK object.
     *
     * @return the licensed CA's current CRL as an {@link X509CRL}
     */
    public X509CRL crlObject() {
        return responder.crlObject();
    }

    /**
     * The OCSP response (DER) to an OCSP request (DER): GOOD for this PKI's certificates, REVOKED for the revoked
     * signer, UNKNOWN for other serials; a malformed request gets {@code malformedRequest}. The nonce is echoed.
     *
     * @param ocspRequest the DER OCSP request
     * @return the DER OCSP response
     */
    public byte[] ocspResponse(byte[] ocspRequest) {
        return responder.ocsp(ocspRequest);
    }

    /**
     * The RFC 3161 response (DER) to a timestamp request (DER), granted at the clock's time.
     *
     * @param timestampRequest the DER RFC 3161 {@code TimeStampReq}
     * @return the DER {@code TimeStampResp}
     */
    public byte[] timestampResponse(byte[] timestampRequest) {
        return responder.timestamp(timestampRequest);
    }

    /**
     * The clock the responders use.
     *
     * @return the clock given to {@link #create(String, Clock)}, or the system clock
     */
    public Clock clock() {
        return clock;
    }

    @Override
    public String toString() {
        return "TestPki[" + root.certificate().getSubjectX500Principal().getName() + ", " + baseUrl + "/pki/]";
    }
}
