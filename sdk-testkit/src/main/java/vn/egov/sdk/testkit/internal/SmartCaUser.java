package vn.egov.sdk.testkit.internal;

import java.util.Objects;
import vn.egov.sdk.testkit.TestPki;

/**
 * A SmartCA test subscriber: citizen id, password, TOTP secret (Base32) and which test PKI signer holds the key.
 *
 * @param userId the citizen id ({@code user_id})
 * @param password the SmartCA password ("Tích hợp")
 * @param totpSecret the Base32 TOTP secret ("Tích hợp")
 * @param kind the test PKI signer whose certificate and key are the subscriber's
 */
public record SmartCaUser(String userId, String password, String totpSecret, TestPki.Kind kind) {
    /** Checks the fields. */
    public SmartCaUser {
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(password, "password");
        Objects.requireNonNull(totpSecret, "totpSecret");
        Objects.requireNonNull(kind, "kind");
    }

    @Override
    public String toString() {
        return "SmartCaUser[" + kind + "]";
    }
}
