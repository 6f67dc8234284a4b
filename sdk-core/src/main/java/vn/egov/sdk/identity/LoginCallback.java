package vn.egov.sdk.identity;

import java.util.Map;
import java.util.Optional;
import vn.egov.sdk.core.ValidationException;
import vn.egov.sdk.identity.LoginCallbackException.Reason;
import vn.egov.sdk.identity.internal.CallbackQuery;

/**
 * The authorization response the identity provider redirected the browser back with (RFC 6749 §4.1.2, RFC 9207):
 * {@code code} and {@code state}, or {@code error}, {@code error_description} and {@code state}, and the
 * {@code iss} of the provider that sent it. Immutable; {@link #toString()} never shows the code or the state.
 *
 * <p>{@link #parse(String)} is strict, because the callback is whatever a browser (or an attacker) sends: the query
 * is at most {@value #MAX_LENGTH} characters, every percent-escape and its UTF-8 must be valid, no control characters
 * (but in {@code error_description}, which is only shown escaped), each response parameter at most once, a
 * {@code state} always, and exactly one of {@code code} and {@code error}.
 * Unknown parameters are ignored. Checking the state against the pending login and the {@code iss} against the
 * provider is the login client's job ({@link DvcqgOidcClient#completeLogin(String, String)}).
 */
public final class LoginCallback {
    /** The longest callback query accepted: 8 KiB. */
    public static final int MAX_LENGTH = 8 * 1024;

    private final Optional<String> code;
    private final String state;
    private final Optional<String> issuer;
    private final Optional<String> error;
    private final Optional<String> errorDescription;

    private LoginCallback(Map<String, String> p) {
        this.code = Optional.ofNullable(p.get("code"));
        this.state = p.get("state");
        this.issuer = Optional.ofNullable(p.get("iss"));
        this.error = Optional.ofNullable(p.get("error"));
        this.errorDescription = Optional.ofNullable(p.get("error_description"));
    }

    /**
     * Parses the callback.
     *
     * @param callbackQueryOrUri the whole callback URL ({@code https://app.example/callback?code=…&state=…}), a path
     *        with its query, or the query alone (with or without the leading {@code ?}); a fragment is ignored
     * @return the callback
     * @throws ValidationException if the argument is null
     * @throws LoginCallbackException if the callback breaks a rule; {@link LoginCallbackException#reason()} says which
     */
    public static LoginCallback parse(String callbackQueryOrUri) {
        ValidationException.requireNonNull(callbackQueryOrUri, "LoginCallback.callback");
        if (callbackQueryOrUri.length() > MAX_LENGTH + 2048) {
            throw new LoginCallbackException(Reason.TOO_LARGE, null, "the callback is longer than " + MAX_LENGTH
                    + " characters");
        }
        String query = CallbackQuery.queryOf(callbackQueryOrUri.startsWith("?") ? callbackQueryOrUri.substring(1)
                : callbackQueryOrUri);
        if (query.length() > MAX_LENGTH) {
            throw new LoginCallbackException(Reason.TOO_LARGE, null, "the callback's query is longer than "
                    + MAX_LENGTH + " characters");
        }
        Map<String, String> p = CallbackQuery.parse(query);
        String state = p.get("state");
        if (state == null || state.isEmpty()) {
            throw new LoginCallbackException(Reason.MISSING_PARAMETER, "state", "the callback has no state; it is "
                    + "not the answer to a login this application started");
        }
        boolean hasCode = p.containsKey("code");
        boolean hasError = p.containsKey("error");
        if (hasCode && hasError) {
            throw new LoginCallbackException(Reason.MALFORMED, "code", "the callback carries both a code and an "
                    + "error");
        }
        if (!hasError && (!hasCode || p.get("code").isEmpty())) {
            throw new LoginCallbackException(Reason.MISSING_PARAMETER, "code", "the callback has neither a code nor "
                    + "an error");
        }
        if (hasError && p.get("error").isEmpty()) {
            throw new LoginCallbackException(Reason.MISSING_PARAMETER, "error", "the callback's error is empty");
        }
        return new LoginCallback(p);
    }

    /**
     * The authorization code.
     *
     * @return the code, or empty when the provider answered an error
     */
    public Optional<String> code() {
        return code;
    }

    /**
     * The {@code state} as received.
     *
     * @return the state, never empty text
     */
    public String state() {
        return state;
    }

    /**
     * The {@code iss} response parameter (RFC 9207).
     *
     * @return the issuer, or empty when the provider sent none
     */
    public Optional<String> issuer() {
        return issuer;
    }

    /**
     * The OAuth error code.
     *
     * @return the error, or empty for a successful response
     */
    public Optional<String> error() {
        return error;
    }

    /**
     * The provider's {@code error_description}.
     *
     * @return the description as received, or empty
     */
    public Optional<String> errorDescription() {
        return errorDescription;
    }

    /**
     * Whether the provider answered an error.
     *
     * @return true when {@link #error()} is present
     */
    public boolean isError() {
        return error.isPresent();
    }

    @Override
    public String toString() {
        return "LoginCallback[" + (isError() ? "error=" + vn.egov.sdk.core.internal.Redactor.printable(
                error.get(), 64) : "code=****") + ", state=****" + issuer.map(i -> ", iss="
                        + vn.egov.sdk.core.internal.Redactor.printable(i, 200)).orElse("") + "]";
    }
}
