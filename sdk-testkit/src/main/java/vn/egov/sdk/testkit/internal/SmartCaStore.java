package vn.egov.sdk.testkit.internal;

import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.Signature;
import java.time.Instant;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The simulator's transactions by SmartCA id and by the client's {@code transaction_id}, and the signing itself:
 * {@code NONEwithRSA} over the SHA-256 {@code DigestInfo} of each hash, which equals a {@code SHA256withRSA}
 * signature of the data hashed. Thread-safe (one lock).
 */
final class SmartCaStore {
    /** DER of {@code DigestInfo} for SHA-256 up to the digest's OCTET STRING header. */
    private static final byte[] SHA256_DIGEST_INFO_PREFIX = {0x30, 0x31, 0x30, 0x0d, 0x06, 0x09, 0x60, (byte) 0x86,
        0x48, 0x01, 0x65, 0x03, 0x04, 0x02, 0x01, 0x05, 0x00, 0x04, 0x20};

    private final Map<String, SmartCaTransaction> byId = new HashMap<>();
    private final Map<String, SmartCaTransaction> byClientId = new HashMap<>();
    private int signaturesMade;

    synchronized Optional<SmartCaTransaction> byClientId(String clientId) {
        return Optional.ofNullable(byClientId.get(clientId));
    }

    synchronized Optional<SmartCaTransaction> byId(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    synchronized void add(SmartCaTransaction tx) {
        byId.put(tx.id, tx);
        byClientId.put(tx.clientTransactionId, tx);
    }

    synchronized int size() {
        return byId.size();
    }

    synchronized int signaturesMade() {
        return signaturesMade;
    }

    synchronized void clear() {
        byId.clear();
        byClientId.clear();
        signaturesMade = 0;
    }

    /** Signs the transaction's hashes once; later calls return the same signatures. */
    synchronized List<Map.Entry<String, String>> signOnce(SmartCaTransaction tx, Function<SmartCaUser, PrivateKey> keys) {
        if (tx.signatures.isEmpty()) {
            List<Map.Entry<String, String>> out = new ArrayList<>();
            PrivateKey key = keys.apply(tx.user);
            for (Map.Entry<String, byte[]> h : tx.hashes) {
                out.add(new AbstractMap.SimpleImmutableEntry<>(h.getKey(),
                        Base64.getEncoder().encodeToString(sign(key, h.getValue()))));
                signaturesMade++;
            }
            tx.signatures = List.copyOf(out);
        }
        return tx.signatures;
    }

    synchronized void setSad(SmartCaTransaction tx, String sad, Instant expiresAt) {
        tx.sad = Optional.of(sad);
        tx.sadExpiresAt = expiresAt;
    }

    private static byte[] sign(PrivateKey key, byte[] hash) {
        byte[] digestInfo = new byte[SHA256_DIGEST_INFO_PREFIX.length + hash.length];
        System.arraycopy(SHA256_DIGEST_INFO_PREFIX, 0, digestInfo, 0, SHA256_DIGEST_INFO_PREFIX.length);
        System.arraycopy(hash, 0, digestInfo, SHA256_DIGEST_INFO_PREFIX.length, hash.length);
        try {
            Signature s = Signature.getInstance("NONEwithRSA");
            s.initSign(key);
            s.update(digestInfo);
            return s.sign();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the sandbox could not sign", e);
        }
    }
}
