package vn.egov.sdk.spring.identity.internal;

import java.util.List;
import org.springframework.security.authentication.AbstractAuthenticationToken;

/** A login's callback not yet checked: its query string and the browser's binding value (never printed). */
public final class SsoCallbackToken extends AbstractAuthenticationToken {
    private static final long serialVersionUID = 1L;

    private final String query;
    private final String binding;

    /**
     * Creates the unauthenticated token.
     *
     * @param query the callback's raw query string
     * @param binding the binding cookie's value, or the empty string
     */
    public SsoCallbackToken(String query, String binding) {
        super(List.of());
        this.query = query;
        this.binding = binding;
        setAuthenticated(false);
    }

    /**
     * The callback's raw query string.
     *
     * @return the query
     */
    public String query() {
        return query;
    }

    /**
     * The binding cookie's value.
     *
     * @return the value, or the empty string
     */
    public String binding() {
        return binding;
    }

    @Override
    public Object getCredentials() {
        return "";
    }

    @Override
    public Object getPrincipal() {
        return "";
    }

    @Override
    public boolean equals(Object o) {
        return this == o;
    }

    @Override
    public int hashCode() {
        return System.identityHashCode(this);
    }

    @Override
    public String toString() {
        return "SsoCallbackToken[unchecked]";
    }
}
