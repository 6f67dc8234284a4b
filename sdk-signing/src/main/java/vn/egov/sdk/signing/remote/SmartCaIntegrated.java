package vn.egov.sdk.signing.remote;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.egov.sdk.core.Secret;
import vn.egov.sdk.signing.internal.remote.Masking;
import vn.egov.sdk.signing.internal.remote.SmartCaEnvelope;
import vn.egov.sdk.signing.internal.remote.SmartCaWire;
import vn.egov.sdk.core.ValidationException;

/**
 * "SmartCA Tích hợp" for one signer, from {@link SmartCaClient#integrated(Secret, OtpSource)}: a signing request is
 * checked by the signer's password and the current TOTP code and answered with a short-lived {@code sad}
 * ({@link #authorize}), which {@link #confirm} exchanges for the signatures. {@link #submit} does both, so the
 * transaction it returns is already finished. Thread-safe.
 */
public final class SmartCaIntegrated implements RemoteSigningService {
    private static final Logger LOG = LoggerFactory.getLogger(SmartCaIntegrated.class);

    private final SmartCaClient client;
    private final Secret userPassword;
    private final OtpSource otp;

    SmartCaIntegrated(SmartCaClient client, Secret userPassword, OtpSource otp) {
        this.client = client;
        this.userPassword = userPassword;
        this.otp = otp;
    }

    /** The signer's certificates, as {@link SmartCaClient#certificates(String)}. */
    @Override
    public List<RemoteCertificate> certificates(String userId) {
        return client.certificates(userId);
    }

    /**
     * v2 {@code sign}: sends the hashes with the signer's password and the current OTP code.
     *
     * @param request the request; its hashes must be SHA-256
     * @return the authorization holding the {@code sad}
     * @throws vn.egov.sdk.core.EgovException a wrong password or OTP is refused by SmartCA (mapped by status)
     */
    public SignatureAuthorization authorize(RemoteSignRequest request) {
        ValidationException.requireNonNull(request, "SmartCaIntegrated.request");
        SmartCaWire wire = client.wire();
        ObjectNode body = wire.signRequest(request);
        body.put("password", userPassword.reveal());
        body.put("otp", otp.otp(client.clock().instant()));
        SmartCaEnvelope env = client.postV2(client.paths().signV2(), SmartCaEnvelope.write(body),
                request.transactionId());
        String sad = env.dataText("sad").orElseThrow(() -> SmartCaWire.unreadable("the answer carries no sad"));
        String id = env.dataText("transaction_id").orElse(request.transactionId());
        Optional<Instant> expires = env.dataText("expired_in").filter(s -> s.matches("[0-9]{1,6}"))
                .map(s -> client.clock().instant().plus(Duration.ofSeconds(Long.parseLong(s))));
        LOG.info("SmartCA Tích hợp transaction {} authorized for user {}", id, Masking.userId(request.userId()));
        return new SignatureAuthorization(id, request.userId(), Secret.of(sad), expires);
    }

    /**
     * v2 {@code confirm}: exchanges the {@code sad} for the signatures.
     *
     * @param authorization what {@link #authorize} returned
     * @return the finished transaction
     * @throws vn.egov.sdk.core.EgovException an expired or unknown {@code sad} is refused by SmartCA
     */
    public SigningTransaction confirm(SignatureAuthorization authorization) {
        ValidationException.requireNonNull(authorization, "SmartCaIntegrated.authorization");
        String body = client.wire().confirmRequest(authorization.userId(), authorization.transactionId(),
                userPassword, authorization.sad());
        SmartCaEnvelope env = client.postV2(client.paths().confirmV2(), body,
                authorization.transactionId() + "-confirm");
        SigningTransaction pending = new SigningTransaction(authorization.transactionId(), authorization.userId(),
                TransactionStatus.PENDING, List.of(), Optional.empty(), Optional.empty());
        return SmartCaWire.transaction(env, pending, TransactionStatus.SUCCESS);
    }

    /** {@link #authorize} then {@link #confirm}: the returned transaction is finished. */
    @Override
    public SigningTransaction submit(RemoteSignRequest request) {
        return confirm(authorize(request));
    }

    /** The status of a transaction, as {@link SmartCaClient#status(SigningTransaction)}. */
    @Override
    public SigningTransaction status(SigningTransaction transaction) {
        return client.status(transaction);
    }

    @Override
    public String toString() {
        return "SmartCaIntegrated[" + client + ", password ****, otp ****]";
    }
}
