package vn.egov.sdk.signing.internal.remote;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayInputStream;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import vn.egov.sdk.core.ErrorDetails;
import vn.egov.sdk.core.Fault;
import vn.egov.sdk.core.PlatformException;
import vn.egov.sdk.core.Secret;
import vn.egov.sdk.core.ValidationException;
import vn.egov.sdk.signing.DigestAlgorithm;
import vn.egov.sdk.signing.remote.RemoteCertificate;
import vn.egov.sdk.signing.remote.RemoteSignRequest;
import vn.egov.sdk.signing.remote.SignedHash;
import vn.egov.sdk.signing.remote.SigningTransaction;
import vn.egov.sdk.signing.remote.TransactionStatus;

/** SmartCA "sp769" request bodies and answers (field names as VNPT's public integrations use them). */
public final class SmartCaWire {
    /** The most certificates read from one answer. */
    static final int MAX_CERTIFICATES = 100;

    private final String spId;
    private final Secret spPassword;
    private final String fileType;

    /**
     * @param spId the service provider id
     * @param spPassword the service provider password
     * @param fileType the {@code file_type} sent with each hash
     */
    public SmartCaWire(String spId, Secret spPassword, String fileType) {
        this.spId = spId;
        this.spPassword = spPassword;
        this.fileType = fileType;
    }

    /** The body every call starts with: {@code sp_id}, {@code sp_password}, {@code user_id}, {@code transaction_id}. */
    public ObjectNode base(String userId, String transactionId) {
        ObjectNode o = SmartCaEnvelope.object();
        o.put("sp_id", spId);
        o.put("sp_password", spPassword.reveal());
        o.put("user_id", userId);
        o.put("transaction_id", transactionId);
        return o;
    }

    /** {@code get_certificate}. */
    public String certificateRequest(String userId, String transactionId) {
        ObjectNode o = base(userId, transactionId);
        o.put("serial_number", "");
        return SmartCaEnvelope.write(o);
    }

    /**
     * {@code sign} (v1, and v2 with {@code password} and {@code otp}).
     *
     * @throws ValidationException if a hash is not SHA-256 (SmartCA signs SHA-256 hashes)
     */
    public ObjectNode signRequest(RemoteSignRequest request) {
        ObjectNode o = base(request.userId(), request.transactionId());
        o.put("serial_number", request.certificateSerial().orElse(""));
        ArrayNode files = o.putArray("sign_files");
        for (RemoteSignRequest.HashToSign h : request.hashes()) {
            if (h.algorithm() != DigestAlgorithm.SHA256) {
                throw ValidationException.of("smartca.digest", "RemoteSignRequest.hashes",
                        "SmartCA signs SHA-256 hashes; " + h.documentId() + " is " + h.algorithm().jcaName());
            }
            ObjectNode f = files.addObject();
            f.put("data_to_be_signed", h.hex());
            f.put("doc_id", h.documentId());
            f.put("file_type", fileType);
            f.put("sign_type", "hash");
        }
        return o;
    }

    /** {@code confirm} (v2). */
    public String confirmRequest(String userId, String transactionId, Secret userPassword, Secret sad) {
        ObjectNode o = base(userId, transactionId);
        o.put("password", userPassword.reveal());
        o.put("sad", sad.reveal());
        return SmartCaEnvelope.write(o);
    }

    /**
     * Reads the certificates of a {@code get_certificate} answer; entries whose {@code cert_data} is not a
     * certificate make the whole answer unreadable.
     */
    public static List<RemoteCertificate> certificates(SmartCaEnvelope env) {
        JsonNode list = env.data().get("user_certificates");
        if (list == null || list.isNull()) {
            return List.of();
        }
        if (!list.isArray() || list.size() > MAX_CERTIFICATES) {
            throw unreadable("user_certificates is not a list of at most " + MAX_CERTIFICATES);
        }
        List<RemoteCertificate> out = new ArrayList<>();
        for (JsonNode c : list) {
            X509Certificate cert = certificate(text(c, "cert_data").orElseThrow(
                    () -> unreadable("a certificate entry has no cert_data")));
            out.add(new RemoteCertificate(text(c, "cert_id"), cert.getSerialNumber().toString(16),
                    text(c, "cert_status"), text(c, "service_name"), cert));
        }
        return List.copyOf(out);
    }

    /** Reads a status (or v2 confirm) answer into a transaction. */
    public static SigningTransaction transaction(SmartCaEnvelope env, SigningTransaction previous,
            TransactionStatus status) {
        List<SignedHash> signatures = new ArrayList<>();
        JsonNode list = env.data().get("signatures");
        if (list != null && list.isArray()) {
            if (list.size() > RemoteSignRequest.MAX_HASHES) {
                throw unreadable("more signatures than hashes a request may carry");
            }
            for (JsonNode s : list) {
                String docId = text(s, "doc_id").orElseThrow(() -> unreadable("a signature has no doc_id"));
                String value = text(s, "signature_value").orElseThrow(
                        () -> unreadable("a signature has no signature_value"));
                signatures.add(new SignedHash(docId, base64(value, "signature_value")));
            }
        }
        if (status == TransactionStatus.SUCCESS && signatures.isEmpty()) {
            throw unreadable("a successful transaction carries no signatures");
        }
        return previous.with(status, signatures, Optional.of(env.message()).filter(m -> !m.isBlank())
                .map(Masking::shortText));
    }

    private static X509Certificate certificate(String base64) {
        byte[] der = base64(base64, "cert_data");
        try {
            return (X509Certificate) CertificateFactory.getInstance("X.509")
                    .generateCertificate(new ByteArrayInputStream(der));
        } catch (CertificateException | ClassCastException e) {
            throw unreadable("cert_data is not an X.509 certificate");
        }
    }

    private static byte[] base64(String value, String field) {
        try {
            return Base64.getMimeDecoder().decode(value);
        } catch (IllegalArgumentException e) {
            throw unreadable(field + " is not base64");
        }
    }

    private static Optional<String> text(JsonNode node, String field) {
        JsonNode n = node == null ? null : node.get(field);
        return n != null && n.isValueNode() && !n.asText().isBlank() ? Optional.of(n.asText()) : Optional.empty();
    }

    /** The exception for an answer that cannot be read. */
    public static PlatformException unreadable(String what) {
        return new PlatformException("SmartCA sent an answer the SDK cannot read: " + what,
                ErrorDetails.of(Fault.PLATFORM, false), null);
    }
}
