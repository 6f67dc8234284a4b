package vn.egov.sdk.signing.remote;

import java.security.GeneralSecurityException;
import java.security.Signature;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.egov.sdk.core.ValidationException;
import vn.egov.sdk.core.http.Sleeper;
import vn.egov.sdk.signing.DataToSign;
import vn.egov.sdk.signing.SignatureSource;
import vn.egov.sdk.signing.SignatureValue;
import vn.egov.sdk.signing.internal.remote.Masking;

/**
 * A {@link SignatureSource} backed by a {@link RemoteSigningService}: {@link #sign(DataToSign)} submits
 * {@link DataToSign#digest()} for one signer, waits for the signer's confirmation by asking the transaction's
 * status every {@linkplain Builder#pollInterval(Duration) poll interval} until the
 * {@linkplain Builder#deadline(Duration) deadline}, checks the returned signature against the certificate, and
 * returns it. Never waits past the deadline; an interrupt ends the wait at once.
 *
 * <p>Failures are {@link RemoteSigningException}s saying why ({@link RemoteSigningException.Reason}) and whose side;
 * errors of the service calls themselves ({@code AuthenticationException}, {@code PlatformException},
 * {@code TransportException}…) pass through unchanged.
 *
 * <p>The certificate is fetched from the service on first use and kept. Thread-safe.
 *
 * <pre>{@code
 * SignatureSource source = RemoteSignatureSource.builder(smartCa, "079200001234")
 *         .intermediates(List.of(licensedCa))
 *         .build();
 * SignatureValue value = source.sign(new DataToSign(bytes, SignatureAlgorithm.RSA_SHA256));
 * }</pre>
 */
public final class RemoteSignatureSource implements SignatureSource {
    /** The default wait between two status requests (integrators poll about every 5 s). */
    public static final Duration DEFAULT_POLL_INTERVAL = Duration.ofSeconds(5);
    /** The default longest wait for a confirmation (integrators wait about 3 min). */
    public static final Duration DEFAULT_DEADLINE = Duration.ofMinutes(3);

    private static final Logger LOG = LoggerFactory.getLogger(RemoteSignatureSource.class);

    private final RemoteSigningService service;
    private final String userId;
    private final Optional<String> certificateSerial;
    private final List<X509Certificate> intermediates;
    private final Duration pollInterval;
    private final Duration deadline;
    private final Clock clock;
    private final Sleeper sleeper;
    private final boolean verifyResult;
    private final Optional<String> description;
    private volatile List<X509Certificate> chain;

    private RemoteSignatureSource(Builder b) {
        this.service = b.service;
        this.userId = b.userId;
        this.certificateSerial = Optional.ofNullable(b.certificateSerial);
        this.intermediates = List.copyOf(b.intermediates);
        this.pollInterval = b.pollInterval;
        this.deadline = b.deadline;
        this.clock = b.clock;
        this.sleeper = b.sleeper;
        this.verifyResult = b.verifyResult;
        this.description = Optional.ofNullable(b.description);
        this.chain = b.certificate == null ? null : withIntermediates(b.certificate);
    }

    /**
     * A builder for a signer of a service.
     *
     * @param service the remote signing service
     * @param userId the signer's id at the service (SmartCA: the citizen id)
     * @return the builder
     */
    public static Builder builder(RemoteSigningService service, String userId) {
        return new Builder(service, userId);
    }

    /**
     * The signer's certificate (fetched from the service on first call: the one with the configured serial, or the
     * first one the service lists) followed by the configured intermediates.
     *
     * @throws RemoteSigningException if the service holds no certificate (with that serial) for the signer
     */
    @Override
    public List<X509Certificate> certificateChain() {
        List<X509Certificate> c = chain;
        if (c == null) {
            synchronized (this) {
                if (chain == null) {
                    chain = withIntermediates(pickCertificate().certificate());
                }
                c = chain;
            }
        }
        return c;
    }

    /**
     * Has the remote service sign the data's digest and waits for the signer's confirmation.
     *
     * @param data the data and algorithm; the algorithm's key type must be the certificate's
     * @return the signature value, checked against the certificate unless the builder turned that off
     * @throws RemoteSigningException if the signer declined or let it expire, the deadline passed, the thread was
     *         interrupted, the service failed the transaction or the signature does not verify
     * @throws ValidationException if the algorithm does not fit the certificate's key
     */
    @Override
    public SignatureValue sign(DataToSign data) {
        ValidationException.requireNonNull(data, "RemoteSignatureSource.data");
        X509Certificate cert = certificate();
        if (!data.algorithm().keyAlgorithm().equals(keyAlgorithm(cert))) {
            throw ValidationException.of("remote.algorithm", "DataToSign.algorithm",
                    "the certificate has a " + cert.getPublicKey().getAlgorithm() + " key; cannot sign with "
                            + data.algorithm());
        }
        Instant deadlineAt = clock.instant().plus(deadline);
        String documentId = "doc-1";
        RemoteSignRequest request = new RemoteSignRequest(UUID.randomUUID().toString(), userId,
                Optional.of(cert.getSerialNumber().toString(16)),
                List.of(new RemoteSignRequest.HashToSign(documentId, data.digest(), data.algorithm().digest())),
                description);
        SigningTransaction tx = service.submit(request);
        LOG.info("remote signing transaction {} for user {} submitted ({}); waiting up to {} s for the signer",
                tx.transactionId(), Masking.userId(userId), tx.status(), deadline.toSeconds());
        tx = awaitFinal(tx, deadlineAt);
        byte[] value = tx.signature(documentId).map(SignedHash::signature).orElseThrow(
                () -> new RemoteSigningException("the service reported success but returned no signature for "
                        + documentId, RemoteSigningException.Reason.BAD_SIGNATURE, request.transactionId(), null));
        if (verifyResult) {
            verify(data, value, cert, request.transactionId());
        }
        return new SignatureValue(data.algorithm(), value);
    }

    private SigningTransaction awaitFinal(SigningTransaction first, Instant deadlineAt) {
        SigningTransaction tx = first;
        while (!tx.status().isFinal()) {
            Duration left = Duration.between(clock.instant(), deadlineAt);
            if (left.isNegative() || left.isZero()) {
                throw new RemoteSigningException("the signer did not confirm transaction " + tx.transactionId()
                        + " within " + deadline.toSeconds() + " s; it may still be confirmed: look it up by its id "
                        + "before asking again", RemoteSigningException.Reason.TIMED_OUT, tx.transactionId(), null);
            }
            try {
                sleeper.sleep(pollInterval.compareTo(left) < 0 ? pollInterval : left);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new RemoteSigningException("interrupted while waiting for the signer to confirm transaction "
                        + tx.transactionId(), RemoteSigningException.Reason.INTERRUPTED, tx.transactionId(), e);
            }
            if (!clock.instant().isBefore(deadlineAt)) {
                continue; // the loop ends with TIMED_OUT without one more call
            }
            tx = service.status(tx);
            LOG.debug("remote signing transaction {}: {}", tx.transactionId(), tx.status());
        }
        return switch (tx.status()) {
            case SUCCESS -> tx;
            case DECLINED -> throw new RemoteSigningException("the signer declined transaction " + tx.transactionId()
                    + "; ask the signer and submit a new request", RemoteSigningException.Reason.DECLINED,
                    tx.transactionId(), null);
            case EXPIRED -> throw new RemoteSigningException("the signer did not confirm transaction "
                    + tx.transactionId() + " before the service expired it; submit a new request",
                    RemoteSigningException.Reason.EXPIRED, tx.transactionId(), null);
            default -> throw new RemoteSigningException("the service failed transaction " + tx.transactionId()
                    + tx.message().map(m -> " (" + Masking.shortText(m) + ")").orElse(""),
                    RemoteSigningException.Reason.FAILED, tx.transactionId(), null);
        };
    }

    private static void verify(DataToSign data, byte[] value, X509Certificate cert, String transactionId) {
        boolean ok;
        try {
            Signature s = Signature.getInstance(data.algorithm().jcaName());
            s.initVerify(cert.getPublicKey());
            s.update(data.bytes());
            ok = s.verify(value);
        } catch (GeneralSecurityException e) {
            ok = false;
        }
        if (!ok) {
            throw new RemoteSigningException("the signature returned for transaction " + transactionId
                    + " does not verify with the certificate " + cert.getSerialNumber().toString(16)
                    + "; the service signed with another key or over other data",
                    RemoteSigningException.Reason.BAD_SIGNATURE, transactionId, null);
        }
    }

    private RemoteCertificate pickCertificate() {
        List<RemoteCertificate> all = service.certificates(userId);
        Optional<RemoteCertificate> picked = certificateSerial.isPresent()
                ? all.stream().filter(c -> c.hasSerial(certificateSerial.get())).findFirst()
                : all.stream().findFirst();
        return picked.orElseThrow(() -> new RemoteSigningException("the service holds no certificate"
                + certificateSerial.map(s -> " with serial " + s).orElse("") + " for user "
                + Masking.userId(userId), RemoteSigningException.Reason.FAILED, "", null));
    }

    private List<X509Certificate> withIntermediates(X509Certificate cert) {
        List<X509Certificate> c = new ArrayList<>();
        c.add(cert);
        c.addAll(intermediates);
        return List.copyOf(c);
    }

    private static String keyAlgorithm(X509Certificate cert) {
        String a = cert.getPublicKey().getAlgorithm();
        return "ECDSA".equals(a) ? "EC" : a;
    }

    @Override
    public String toString() {
        return "RemoteSignatureSource[user " + Masking.userId(userId) + ", poll " + pollInterval + ", deadline "
                + deadline + "]";
    }

    /** Builder of {@link RemoteSignatureSource}. Not thread-safe. */
    public static final class Builder {
        private final RemoteSigningService service;
        private final String userId;
        private String certificateSerial;
        private X509Certificate certificate;
        private List<X509Certificate> intermediates = List.of();
        private Duration pollInterval = DEFAULT_POLL_INTERVAL;
        private Duration deadline = DEFAULT_DEADLINE;
        private Clock clock = Clock.systemUTC();
        private Sleeper sleeper = Sleeper.SYSTEM;
        private boolean verifyResult = true;
        private String description;

        private Builder(RemoteSigningService service, String userId) {
            if (service == null) {
                throw ValidationException.of("remote.service", "RemoteSignatureSource.service", "service is required");
            }
            if (userId == null || userId.isBlank()) {
                throw ValidationException.of("remote.userId", "RemoteSignatureSource.userId", "userId is required");
            }
            this.service = service;
            this.userId = userId;
        }

        /**
         * Signs with the certificate of this serial number (hexadecimal); default: the first the service lists.
         *
         * @param value the certificate's serial number, 1..64 hexadecimal digits
         * @return this builder
         * @throws ValidationException if {@code value} is not 1..64 hexadecimal digits
         */
        public Builder certificateSerial(String value) {
            if (value == null || !value.matches("[0-9A-Fa-f]{1,64}")) {
                throw ValidationException.of("remote.certificateSerial", "RemoteSignatureSource.certificateSerial",
                        "certificateSerial must be 1..64 hexadecimal digits");
            }
            this.certificateSerial = value;
            return this;
        }

        /**
         * Uses this certificate instead of asking the service (it must be the signer's at the service).
         *
         * @param value the signer's certificate; required
         * @return this builder
         */
        public Builder certificate(X509Certificate value) {
            this.certificate = ValidationException.requireNonNull(value, "RemoteSignatureSource.certificate");
            return this;
        }

        /**
         * The intermediates put after the signer's certificate in {@link #certificateChain()} (default none).
         *
         * @param value the intermediate certificates, issuer of the signer's first; required, none null; copied
         * @return this builder
         */
        public Builder intermediates(List<X509Certificate> value) {
            this.intermediates = List.copyOf(ValidationException.requireElements(value,
                    "RemoteSignatureSource.intermediates"));
            return this;
        }

        /**
         * The wait between two status requests (default {@link #DEFAULT_POLL_INTERVAL}), from 10 ms.
         *
         * @param value the interval; at least 10 ms
         * @return this builder
         * @throws ValidationException if {@code value} is missing or shorter than 10 ms
         */
        public Builder pollInterval(Duration value) {
            if (value == null || value.compareTo(Duration.ofMillis(10)) < 0) {
                throw ValidationException.of("remote.pollInterval", "RemoteSignatureSource.pollInterval",
                        "pollInterval must be at least 10 ms");
            }
            this.pollInterval = value;
            return this;
        }

        /**
         * The longest wait for the signer, from submission (default {@link #DEFAULT_DEADLINE}).
         *
         * @param value the deadline; positive
         * @return this builder
         * @throws ValidationException if {@code value} is missing, zero or negative
         */
        public Builder deadline(Duration value) {
            if (value == null || value.isNegative() || value.isZero()) {
                throw ValidationException.of("remote.deadline", "RemoteSignatureSource.deadline",
                        "deadline must be positive");
            }
            this.deadline = value;
            return this;
        }

        /**
         * The clock measuring the deadline (default the system clock).
         *
         * @param value the clock; required
         * @return this builder
         */
        public Builder clock(Clock value) {
            this.clock = ValidationException.requireNonNull(value, "RemoteSignatureSource.clock");
            return this;
        }

        /**
         * How to wait between status requests (default {@link Sleeper#SYSTEM}); tests advance a fake clock.
         *
         * @param value the sleeper; required
         * @return this builder
         */
        public Builder sleeper(Sleeper value) {
            this.sleeper = ValidationException.requireNonNull(value, "RemoteSignatureSource.sleeper");
            return this;
        }

        /**
         * Whether to check each returned signature against the certificate (default {@code true}).
         *
         * @param value {@code false} only when a later step verifies the signatures anyway
         * @return this builder
         */
        public Builder verifyResult(boolean value) {
            this.verifyResult = value;
            return this;
        }

        /**
         * Words shown to the signer with each request (default none).
         *
         * @param value the text shown to the signer, or {@code null} for none
         * @return this builder
         */
        public Builder description(String value) {
            this.description = value;
            return this;
        }

        /**
         * Builds the source.
         *
         * @return a thread-safe source; its certificate is fetched from the service on first use unless given
         */
        public RemoteSignatureSource build() {
            return new RemoteSignatureSource(this);
        }
    }
}
