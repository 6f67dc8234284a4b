package vn.egov.sdk.identity.internal;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import vn.egov.sdk.core.ValidationException;

/** RP-initiated logout URLs: from an end-session endpoint, or from a logout URL template. */
public final class LogoutUrls {
    private LogoutUrls() {
    }

    /**
     * The logout URL.
     *
     * @param endSession the end-session endpoint, if any
     * @param template the logout template, if any
     * @param clientId the client id (sent without an ID token hint; a template's {@code {client_id}})
     * @param idTokenHint the ID token, or null
     * @param postLogoutRedirect where to go afterwards, or null
     * @param state the state, or null
     * @return the URL
     * @throws ValidationException when there is neither an endpoint nor a template
     */
    public static URI build(Optional<URI> endSession, Optional<String> template, String clientId, String idTokenHint,
            URI postLogoutRedirect, String state) {
        String post = postLogoutRedirect == null ? null : postLogoutRedirect.toString();
        if (endSession.isPresent()) {
            Map<String, String> q = new LinkedHashMap<>();
            q.put(idTokenHint == null ? "client_id" : "id_token_hint", idTokenHint == null ? clientId : idTokenHint);
            q.put("post_logout_redirect_uri", post);
            q.put("state", state);
            return UrlQuery.append(endSession.get(), q);
        }
        String t = template.orElseThrow(() -> ValidationException.of("provider.logout",
                "DvcqgOidcClient.provider.endSessionEndpoint", "the provider has neither an end-session endpoint nor a"
                        + " logout URL template; configure one on the OidcProvider"));
        Map<String, String> values = new LinkedHashMap<>();
        values.put("id_token_hint", idTokenHint);
        values.put("post_logout_redirect_uri", post);
        values.put("state", state);
        values.put("client_id", clientId);
        return UrlQuery.fill(t, values);
    }

    /**
     * A URL if the text is an absolute http(s) URL with a host.
     *
     * @param value the text
     * @return the URL, or empty
     */
    public static Optional<URI> httpUri(String value) {
        try {
            URI u = new URI(value);
            return ("https".equalsIgnoreCase(u.getScheme()) || "http".equalsIgnoreCase(u.getScheme()))
                    && u.getHost() != null ? Optional.of(u) : Optional.empty();
        } catch (URISyntaxException e) {
            return Optional.empty();
        }
    }
}
