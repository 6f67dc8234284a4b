package vn.egov.sdk.spring.identity;

import java.io.NotSerializableException;
import java.io.ObjectOutputStream;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import vn.egov.sdk.identity.AccountType;
import vn.egov.sdk.identity.LoginResult;
import vn.egov.sdk.identity.TokenSet;

/**
 * A completed national SSO login in Spring Security: the principal is an {@link EgovCitizen}; the authorities are
 * {@code EGOV_ACCOUNT_CITIZEN}, {@code EGOV_ACCOUNT_ENTERPRISE}, {@code EGOV_ACCOUNT_ORGANISATION} (or
 * {@code EGOV_ACCOUNT_OTHER}) and, for a VNeID login, {@code EGOV_IAL_n}. The login's {@link TokenSet} is kept for
 * the provider's logout ({@code id_token_hint}) and the application's own calls; {@link #getCredentials()} and
 * {@link #toString()} show no token.
 *
 * <p>Not serializable (the SDK's identity and tokens are not): keep the session in the application's memory; a
 * session store that serializes it fails with a {@link NotSerializableException} saying so.
 */
public final class EgovSsoAuthentication extends AbstractAuthenticationToken {
    private static final long serialVersionUID = 1L;

    /** The logged-in principal. */
    private final EgovCitizen citizen;
    /** The login's tokens. */
    private final TokenSet tokens;
    /** Where the login was started. */
    private final String returnPath;

    /**
     * An authenticated login.
     *
     * @param login the SDK's result of the login
     * @param details the request's details (remote address, session), or {@code null}
     */
    public EgovSsoAuthentication(LoginResult login, Object details) {
        super(authorities(Objects.requireNonNull(login, "login")));
        this.citizen = new EgovCitizen(login.identity(), login.verification());
        this.tokens = login.tokens();
        this.returnPath = login.returnPath();
        setDetails(details);
        setAuthenticated(true);
    }

    private static Collection<GrantedAuthority> authorities(LoginResult login) {
        List<GrantedAuthority> out = new ArrayList<>();
        AccountType type = login.identity().accountType();
        String name = type.equals(AccountType.CITIZEN) || type.equals(AccountType.ENTERPRISE)
                || type.equals(AccountType.ORGANISATION) ? type.name() : "OTHER";
        out.add(new SimpleGrantedAuthority("EGOV_ACCOUNT_" + name));
        login.identity().ial().ifPresent(ial -> out.add(new SimpleGrantedAuthority("EGOV_IAL_" + ial)));
        return out;
    }

    /**
     * The logged-in citizen, enterprise or organisation.
     *
     * @return the principal
     */
    @Override
    public EgovCitizen getPrincipal() {
        return citizen;
    }

    /**
     * None: the login's tokens are in {@link #tokens()}.
     *
     * @return the empty string
     */
    @Override
    public Object getCredentials() {
        return "";
    }

    /**
     * The login's tokens (access, ID and refresh token as {@code Secret}s): keep them out of logs.
     *
     * @return the tokens
     */
    public TokenSet tokens() {
        return tokens;
    }

    /**
     * Where the login was started, where the browser is sent back once logged in.
     *
     * @return the return path, checked by the login client's {@code ReturnPathPolicy}
     */
    public String returnPath() {
        return returnPath;
    }

    /**
     * Refuses serialization: the SDK's identity and tokens stay in memory.
     *
     * @param out the stream
     * @throws NotSerializableException always
     */
    private void writeObject(ObjectOutputStream out) throws NotSerializableException {
        throw new NotSerializableException(EgovSsoAuthentication.class.getName()
                + ": the SDK's identity and tokens are kept in memory, not serialized with the session");
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof EgovSsoAuthentication other && super.equals(o) && citizen.equals(other.citizen);
    }

    @Override
    public int hashCode() {
        return super.hashCode() * 31 + citizen.hashCode();
    }

    @Override
    public String toString() {
        return "EgovSsoAuthentication[" + citizen + ", authorities=" + getAuthorities() + "]";
    }
}
