package vn.egov.sdk.testkit.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The OAuth2 token endpoint, {@code POST /oauth2/token}, client credentials grant only (RFC 6749 §4.4).
 */
public final class OAuth2TokenSimulator implements Simulator {

    /** The token endpoint's path. */
    public static final String TOKEN_PATH = "/oauth2/token";

    private final ClientRegistry clients;
    private final TokenStore tokens;

    /**
     * Creates the simulator.
     *
     * @param clients the registered clients
     * @param tokens where issued tokens are kept
     */
    public OAuth2TokenSimulator(ClientRegistry clients, TokenStore tokens) {
        this.clients = Objects.requireNonNull(clients, "clients");
        this.tokens = Objects.requireNonNull(tokens, "tokens");
    }

    @Override
    public String pathPrefix() {
        return "/oauth2/";
    }

    @Override
    public SimResponse handle(SimRequest request) {
        if (!TOKEN_PATH.equals(request.path())) {
            return SimResponse.error(404, "not_found", "the sandbox OAuth2 server only has " + TOKEN_PATH);
        }
        if (!request.isMethod("POST")) {
            return SimResponse.error(405, "invalid_request", "the token endpoint accepts POST only")
                    .withHeader("Allow", "POST");
        }
        Map<String, List<String>> form = request.form();
        Optional<PresentedClient> client = PresentedClient.from(request, form);
        if (client.isEmpty()) {
            return unauthorized("no client credentials (use HTTP Basic or client_id/client_secret)");
        }
        PresentedClient presented = client.get();
        if (!clients.authenticate(presented.clientId(), presented.clientSecret())) {
            return unauthorized(clients.contains(presented.clientId())
                    ? "wrong secret for client " + presented.clientId()
                    : "unknown client " + presented.clientId());
        }
        List<String> grantType = form.getOrDefault("grant_type", List.of());
        if (grantType.isEmpty()) {
            return SimResponse.error(400, "invalid_request", "grant_type is missing");
        }
        if (!"client_credentials".equals(grantType.get(0))) {
            return SimResponse.error(400, "unsupported_grant_type",
                    "the sandbox supports grant_type=client_credentials only, not " + grantType.get(0));
        }
        return issue(presented.clientId(), form.getOrDefault("scope", List.of()));
    }

    private SimResponse issue(String clientId, List<String> scope) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("access_token", tokens.issue(clientId));
        body.put("token_type", "Bearer");
        body.put("expires_in", tokens.lifetime().toSeconds());
        if (!scope.isEmpty()) {
            body.put("scope", scope.get(0));
        }
        return SimResponse.json(200, body)
                .withHeader("Cache-Control", "no-store")
                .withHeader("Pragma", "no-cache");
    }

    private static SimResponse unauthorized(String description) {
        return SimResponse.error(401, "invalid_client", description)
                .withHeader("WWW-Authenticate", "Basic realm=\"national-sandbox\"");
    }
}
