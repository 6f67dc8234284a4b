package vn.egov.sdk.identity;

import java.time.Instant;
import java.util.List;
import vn.egov.sdk.core.ValidationException;

/**
 * A login that was started and waits for the provider's callback: what must be checked or sent when the browser
 * comes back, kept server-side (or in a sealed cookie) by a {@link PendingLoginStore}, never in the browser in
 * clear.
 *
 * <p>{@link #toString()} shows the redirect URI, the return path and the time, and masks the state, the nonce and the
 * PKCE verifier.
 *
 * @param state the random, single-use {@code state} sent in the authorization request (at most 512 characters)
 * @param nonce the random {@code nonce} sent in the authorization request, expected back in the ID token (at most
 *     512 characters)
 * @param codeVerifier the PKCE code verifier to send with the code exchange (at most 512 characters)
 * @param redirectUri the {@code redirect_uri} sent in the authorization request, sent again with the code exchange
 *     (at most 2048 characters)
 * @param returnPath where to send the browser after the login, already checked by a {@link ReturnPathPolicy} (at
 *     most 2048 characters; {@code /} for the home page)
 * @param acrValues the {@code acr_values} requested, for example {@code [LoA1]} (may be empty)
 * @param createdAt when the login was started (years 2000 to 9999); the store's time-to-live counts from here
 */
public record PendingLogin(String state, String nonce, String codeVerifier, String redirectUri, String returnPath,
        List<String> acrValues, Instant createdAt) {
    /** The longest state, nonce or code verifier accepted. */
    public static final int MAX_TOKEN = 512;
    /** The longest redirect URI or return path accepted. */
    public static final int MAX_URI = 2048;

    /**
     * Validates and copies the components.
     *
     * @param state the random, single-use {@code state}; required, not blank
     * @param nonce the random {@code nonce}; required, not blank
     * @param codeVerifier the PKCE code verifier; required, not blank
     * @param redirectUri the {@code redirect_uri}; required, not blank
     * @param returnPath where to send the browser after the login; required, not blank
     * @param acrValues the {@code acr_values} requested; required, no blank element
     * @param createdAt when the login was started; required, years 2000 to 9999
     */
    public PendingLogin {
        text(state, "state", MAX_TOKEN);
        text(nonce, "nonce", MAX_TOKEN);
        text(codeVerifier, "codeVerifier", MAX_TOKEN);
        text(redirectUri, "redirectUri", MAX_URI);
        text(returnPath, "returnPath", MAX_URI);
        ValidationException.requireElements(acrValues, "PendingLogin.acrValues");
        for (int i = 0; i < acrValues.size(); i++) {
            text(acrValues.get(i), "acrValues[" + i + "]", 64);
        }
        if (acrValues.size() > 16) {
            throw ValidationException.of("tooMany", "PendingLogin.acrValues",
                    "at most 16 acr values, " + acrValues.size() + " given");
        }
        acrValues = List.copyOf(acrValues);
        ValidationException.requireNonNull(createdAt, "PendingLogin.createdAt");
        if (createdAt.isBefore(EARLIEST) || createdAt.isAfter(LATEST)) {
            throw ValidationException.of("range", "PendingLogin.createdAt",
                    "PendingLogin.createdAt must be between years 2000 and 9999, was " + createdAt);
        }
    }

    private static final Instant EARLIEST = Instant.parse("2000-01-01T00:00:00Z");
    private static final Instant LATEST = Instant.parse("9999-12-31T00:00:00Z");

    private static void text(String value, String name, int max) {
        String path = "PendingLogin." + name;
        ValidationException.requireText(value, path);
        if (value.length() > max) {
            throw ValidationException.of("tooLong", path,
                    path + " has at most " + max + " characters, " + value.length() + " given");
        }
        if (value.codePoints().anyMatch(Character::isISOControl)) {
            throw ValidationException.of("control", path, path + " must not hold control characters");
        }
    }

    @Override
    public String toString() {
        return "PendingLogin[state=" + state.substring(0, Math.min(4, state.length())) + "…, nonce=****, "
                + "codeVerifier=****, redirectUri=" + redirectUri + ", returnPath=" + returnPath + ", acrValues="
                + acrValues + ", createdAt=" + createdAt + "]";
    }
}
