package vn.egov.sdk.identity;

/**
 * A finished login ({@link DvcqgOidcClient#completeLogin(String, String)}): the tokens, the checked ID-token claims,
 * the typed identity from userinfo, where to send the browser now, and how strongly the ID token was checked.
 * Immutable; {@link #toString()} shows no token and masks ID numbers.
 */
public final class LoginResult {
    private final TokenSet tokens;
    private final IdTokenClaims idToken;
    private final DvcqgIdentity identity;
    private final String returnPath;
    private final IdTokenVerification verification;

    LoginResult(TokenSet tokens, IdTokenClaims idToken, DvcqgIdentity identity, String returnPath,
            IdTokenVerification verification) {
        this.tokens = tokens;
        this.idToken = idToken;
        this.identity = identity;
        this.returnPath = returnPath;
        this.verification = verification;
    }

    /**
     * The tokens; keep the refresh token server-side if the application refreshes.
     *
     * @return the tokens
     */
    public TokenSet tokens() {
        return tokens;
    }

    /**
     * The ID token's claims, checked as {@link #verification()} says.
     *
     * @return the claims
     */
    public IdTokenClaims idToken() {
        return idToken;
    }

    /**
     * Who logged in: the userinfo answer, typed; map accounts on {@link DvcqgIdentity#accountKey()}.
     *
     * @return the identity
     */
    public DvcqgIdentity identity() {
        return identity;
    }

    /**
     * The return path given to {@link DvcqgOidcClient#startLogin(String)}, as checked then and kept with the pending
     * login (never carried in {@code state}).
     *
     * @return the path or URL to redirect the browser to
     */
    public String returnPath() {
        return returnPath;
    }

    /**
     * How the ID token was checked.
     *
     * @return the verification
     */
    public IdTokenVerification verification() {
        return verification;
    }

    @Override
    public String toString() {
        return "LoginResult[" + identity + ", verification=" + verification + ", returnPath=" + returnPath + ", "
                + tokens + "]";
    }
}
