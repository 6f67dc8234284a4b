package vn.egov.sdk.signing.remote;

import java.time.Instant;

/**
 * Where the one-time code of a signing request comes from: a {@link Totp} generator holding the signer's OTP secret,
 * or a prompt asking the signer for the code their authenticator app shows.
 */
@FunctionalInterface
public interface OtpSource {
    /**
     * The code to send now.
     *
     * @param now the current time
     * @return the code (digits)
     */
    String otp(Instant now);
}
