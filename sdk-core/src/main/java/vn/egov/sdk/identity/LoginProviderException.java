package vn.egov.sdk.identity;

import java.util.Optional;
import java.util.Set;
import vn.egov.sdk.core.ErrorDetails;
import vn.egov.sdk.core.Fault;
import vn.egov.sdk.core.PlatformException;
import vn.egov.sdk.core.internal.Redactor;

/**
 * The identity provider answered with an OAuth 2.0 error (RFC 6749 §4.1.2.1 and §5.2, RFC 6750 §3): in the redirect
 * to the callback (the user refused, the request was wrong) or from the token, userinfo, introspection or
 * token-validation endpoint. {@link #error()} is the OAuth error code as sent, {@link #stage()} says where it came
 * from, and {@link #fault()} whose fault it is:
 * <ul>
 *   <li>{@code access_denied}, {@code login_required}, {@code consent_required}, {@code interaction_required},
 *       {@code account_selection_required}: {@link Fault#COUNTERPARTY}, the user's choice
 *       ({@link #accessDenied()} tells the first apart);</li>
 *   <li>{@code invalid_client}, {@code unauthorized_client}, {@code invalid_request}, {@code invalid_scope},
 *       {@code unsupported_response_type}, {@code unsupported_grant_type}, {@code invalid_grant} (an expired, used or
 *       foreign code or refresh token), {@code invalid_token}: {@link Fault#CALLER};</li>
 *   <li>{@code server_error}, {@code temporarily_unavailable}, and any HTTP 5xx: {@link Fault#PLATFORM}, retryable
 *       for {@code temporarily_unavailable}, 503 and 429.</li>
 * </ul>
 * The provider's description is kept, cut to 200 printable characters and redacted.
 */
public class LoginProviderException extends PlatformException {
    private static final long serialVersionUID = 1L;
    private static final Set<String> USER = Set.of("access_denied", "login_required", "consent_required",
            "interaction_required", "account_selection_required");
    private static final Set<String> PLATFORM = Set.of("server_error", "temporarily_unavailable");

    /** Where the error came from. */
    public enum Stage {
        /** The redirect to the callback. */
        AUTHORIZATION,
        /** The token endpoint (code exchange or refresh). */
        TOKEN,
        /** The userinfo endpoint. */
        USERINFO,
        /** The introspection endpoint. */
        INTROSPECTION,
        /** The DVCQG token-validation endpoint. */
        VALIDATE_TOKEN
    }

    /** Where the error came from. */
    private final Stage stage;
    /** The OAuth error code as sent. */
    private final String error;
    /** The provider's description, printable and redacted, or {@code null}. */
    private final String description;

    /**
     * Creates the exception.
     *
     * @param stage where the error came from
     * @param error the OAuth error code as sent
     * @param description the provider's description, or {@code null}
     * @param details the structured details
     */
    public LoginProviderException(Stage stage, String error, String description, ErrorDetails details) {
        super(message(stage, error, description), details, null);
        this.stage = stage == null ? Stage.AUTHORIZATION : stage;
        this.error = error == null ? "" : error;
        this.description = description == null ? null : Redactor.printable(description, 200);
    }

    /**
     * The error of an authorization response (no HTTP call was made by the SDK).
     *
     * @param error the OAuth error code
     * @param description the description, or {@code null}
     * @return the exception, with the fault of the class documentation
     */
    public static LoginProviderException fromRedirect(String error, String description) {
        return new LoginProviderException(Stage.AUTHORIZATION, error, description,
                ErrorDetails.of(faultOf(error, 0), "temporarily_unavailable".equals(error))
                        .withPlatformErrorCode(error));
    }

    /**
     * The fault of an OAuth error code and HTTP status.
     *
     * @param error the OAuth error code, or {@code null}
     * @param httpStatus the HTTP status, or 0 for a redirect
     * @return whose fault it is
     */
    public static Fault faultOf(String error, int httpStatus) {
        if (httpStatus >= 500 || httpStatus == 429 || PLATFORM.contains(error)) {
            return Fault.PLATFORM;
        }
        if (USER.contains(error)) {
            return Fault.COUNTERPARTY;
        }
        return Fault.CALLER;
    }

    private static String message(Stage stage, String error, String description) {
        String where = switch (stage == null ? Stage.AUTHORIZATION : stage) {
            case AUTHORIZATION -> "the login redirect";
            case TOKEN -> "the token endpoint";
            case USERINFO -> "the userinfo endpoint";
            case INTROSPECTION -> "the introspection endpoint";
            case VALIDATE_TOKEN -> "the token-validation endpoint";
        };
        String e = error == null || error.isEmpty() ? "(no error code)" : Redactor.printable(error, 64);
        String hint = "access_denied".equals(error) ? " (the user refused the login)" : "";
        return "the identity provider answered " + e + " from " + where + hint
                + (description == null || description.isEmpty() ? ""
                        : ": " + Redactor.printable(description, 200));
    }

    /**
     * Where the error came from.
     *
     * @return the stage
     */
    public Stage stage() {
        return stage;
    }

    /**
     * The OAuth error code as sent ({@code access_denied}, {@code invalid_grant}, …).
     *
     * @return the code; empty text when the provider sent none
     */
    public String error() {
        return error;
    }

    /**
     * The provider's description, printable, redacted, at most 200 characters.
     *
     * @return the description, or empty
     */
    public Optional<String> errorDescription() {
        return Optional.ofNullable(description);
    }

    /**
     * Whether the user refused the login ({@code access_denied} in the redirect).
     *
     * @return true for {@code access_denied}
     */
    public boolean accessDenied() {
        return "access_denied".equals(error);
    }
}
