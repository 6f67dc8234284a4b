package vn.egov.sdk.testkit.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/** The OAuth2 clients the sandbox knows: id and secret. Thread-safe; survives a sandbox reset. */
public final class ClientRegistry {

    private final Map<String, byte[]> secrets = new ConcurrentHashMap<>();

    /**
     * Registers a client, replacing the secret of an existing one.
     *
     * @param clientId the client id, not blank
     * @param clientSecret the client secret, not empty
     */
    public void register(String clientId, String clientSecret) {
        Objects.requireNonNull(clientId, "clientId");
        Objects.requireNonNull(clientSecret, "clientSecret");
        if (clientId.isBlank()) {
            throw new IllegalArgumentException("clientId must not be blank");
        }
        if (clientSecret.isEmpty()) {
            throw new IllegalArgumentException("clientSecret must not be empty");
        }
        secrets.put(clientId, clientSecret.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Checks a presented id and secret (in constant time for the secret).
     *
     * @param clientId the presented id
     * @param clientSecret the presented secret
     * @return {@code true} when the client is registered with exactly this secret
     */
    public boolean authenticate(String clientId, String clientSecret) {
        byte[] expected = clientId == null ? null : secrets.get(clientId);
        return expected != null && clientSecret != null
                && MessageDigest.isEqual(expected, clientSecret.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Whether a client id is registered.
     *
     * @param clientId the id
     * @return {@code true} when registered
     */
    public boolean contains(String clientId) {
        return secrets.containsKey(clientId);
    }
}
