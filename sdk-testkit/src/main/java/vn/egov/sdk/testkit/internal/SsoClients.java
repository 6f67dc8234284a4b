package vn.egov.sdk.testkit.internal;

import java.security.MessageDigest;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The relying parties registered at the SSO simulator: secret, exact redirect URIs and post-logout redirect URIs.
 * Registrations survive sandbox resets. Thread-safe.
 */
public final class SsoClients {

    /**
     * One registration.
     *
     * @param clientId the client id
     * @param secret the client secret
     * @param redirectUris the redirect URIs, matched exactly
     * @param postLogoutUris the post-logout redirect URIs, matched exactly
     */
    public record Client(String clientId, String secret, Set<String> redirectUris, Set<String> postLogoutUris) {
        /**
         * Copies the sets.
         *
         * @param clientId the client id
         * @param secret the client secret
         * @param redirectUris the redirect URIs
         * @param postLogoutUris the post-logout redirect URIs
         */
        public Client {
            redirectUris = Set.copyOf(redirectUris);
            postLogoutUris = Set.copyOf(postLogoutUris);
        }

        /** Never shows the secret. */
        @Override
        public String toString() {
            return "Client[" + clientId + ", redirects " + redirectUris + "]";
        }
    }

    private final Map<String, Client> clients = new ConcurrentHashMap<>();

    /**
     * Registers a client, replacing its earlier registration (its post-logout URIs are kept).
     *
     * @param clientId the id
     * @param secret the secret
     * @param redirectUris the exact redirect URIs
     */
    public void register(String clientId, String secret, List<String> redirectUris) {
        clients.compute(clientId, (id, old) -> new Client(id, secret, new LinkedHashSet<>(redirectUris),
                old == null ? Set.of() : old.postLogoutUris()));
    }

    /**
     * Adds a post-logout redirect URI to a registered client.
     *
     * @param clientId the id
     * @param uri the exact URI
     * @return whether the client is registered
     */
    public boolean addPostLogoutUri(String clientId, String uri) {
        return clients.computeIfPresent(clientId, (id, old) -> {
            Set<String> uris = new LinkedHashSet<>(old.postLogoutUris());
            uris.add(uri);
            return new Client(id, old.secret(), old.redirectUris(), uris);
        }) != null;
    }

    /**
     * A registration.
     *
     * @param clientId the id
     * @return the client, if registered
     */
    public Optional<Client> find(String clientId) {
        return clientId == null ? Optional.empty() : Optional.ofNullable(clients.get(clientId));
    }

    /**
     * Checks a client's credentials in constant time.
     *
     * @param presented what the request carried
     * @return the client when the id is registered and the secret matches
     */
    public Optional<Client> authenticate(PresentedClient presented) {
        return find(presented.clientId()).filter(c -> MessageDigest.isEqual(
                c.secret().getBytes(StandardCharsets.UTF_8),
                presented.clientSecret().getBytes(StandardCharsets.UTF_8)));
    }
}
