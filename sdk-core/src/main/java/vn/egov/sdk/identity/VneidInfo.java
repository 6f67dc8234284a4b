package vn.egov.sdk.identity;

import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import vn.egov.sdk.core.ValidationException;
import vn.egov.sdk.identity.internal.Masks;

/**
 * What the userinfo adds when the login went through VNeID (the Ministry of Public Security's identity provider,
 * federated by the national SSO): the identity provider, the VNeID profile and logout addresses, and the identity
 * level. Present in {@link DvcqgIdentity#vneid()} when at least one of these claims was given.
 *
 * <p>The profile address carries the upstream VNeID token (valid about 30 minutes): do not rely on it after that,
 * and do not log it. {@link #toString()} shows only the hosts of the two addresses.
 */
public final class VneidInfo {
    private final Optional<String> loginIdp;
    private final Optional<String> userProfileUri;
    private final Optional<String> logoutUri;
    private final OptionalInt ial;

    /**
     * Creates the value.
     *
     * @param loginIdp claim {@code loginIdp} (for example {@code BCA}); required, may be empty
     * @param userProfileUri claim {@code userProfileUri}; required, may be empty
     * @param logoutUri claim {@code logoutUri}; required, may be empty
     * @param ial claim {@code IAL}; required, may be empty
     */
    public VneidInfo(Optional<String> loginIdp, Optional<String> userProfileUri, Optional<String> logoutUri,
            OptionalInt ial) {
        this.loginIdp = ValidationException.requireNonNull(loginIdp, "VneidInfo.loginIdp");
        this.userProfileUri = ValidationException.requireNonNull(userProfileUri, "VneidInfo.userProfileUri");
        this.logoutUri = ValidationException.requireNonNull(logoutUri, "VneidInfo.logoutUri");
        this.ial = ValidationException.requireNonNull(ial, "VneidInfo.ial");
    }

    /**
     * The identity provider the citizen logged in at (claim {@code loginIdp}); {@code BCA} for VNeID.
     *
     * @return the provider's name, or empty
     */
    public Optional<String> loginIdp() {
        return loginIdp;
    }

    /**
     * The VNeID profile address (claim {@code userProfileUri}); it embeds a short-lived upstream token.
     *
     * @return the address, or empty
     */
    public Optional<String> userProfileUri() {
        return userProfileUri;
    }

    /**
     * Where to send the browser to end the VNeID session (claim {@code logoutUri}).
     *
     * @return the address, or empty
     */
    public Optional<String> logoutUri() {
        return logoutUri;
    }

    /**
     * The identity assurance level ({@code mức định danh}, claim {@code IAL}), for example 2 for a level-2
     * electronic identity.
     *
     * @return the level, or empty
     */
    public OptionalInt ial() {
        return ial;
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof VneidInfo)) {
            return false;
        }
        VneidInfo v = (VneidInfo) o;
        return loginIdp.equals(v.loginIdp) && userProfileUri.equals(v.userProfileUri)
                && logoutUri.equals(v.logoutUri) && ial.equals(v.ial);
    }

    @Override
    public int hashCode() {
        return Objects.hash(loginIdp, userProfileUri, logoutUri, ial);
    }

    @Override
    public String toString() {
        return "VneidInfo[loginIdp=" + loginIdp.orElse("-")
                + ", IAL=" + (ial.isPresent() ? Integer.toString(ial.getAsInt()) : "-")
                + ", userProfileUri=" + userProfileUri.map(Masks::uri).orElse("-")
                + ", logoutUri=" + logoutUri.map(Masks::uri).orElse("-") + "]";
    }
}
