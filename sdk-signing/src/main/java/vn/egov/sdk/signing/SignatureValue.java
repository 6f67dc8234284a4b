package vn.egov.sdk.signing;

import java.util.Arrays;

/**
 * Step 2 of three-step signing: a signature value as a {@link SignatureSource} returned it (for RSA the PKCS#1
 * block, for ECDSA the DER {@code SEQUENCE {r, s}}). Immutable.
 *
 * @param algorithm the algorithm it was made with
 * @param value the signature bytes
 */
public record SignatureValue(SignatureAlgorithm algorithm, byte[] value) {
    /**
     * Copies the value.
     *
     * @param algorithm the algorithm the value was made with; required
     * @param value the signature bytes; required, non-empty, copied
     */
    public SignatureValue {
        if (algorithm == null || value == null || value.length == 0) {
            throw vn.egov.sdk.core.ValidationException.of("signing.signatureValue", "SignatureValue",
                    "algorithm and a non-empty value are required");
        }
        value = value.clone();
    }

    /**
     * The signature bytes (a copy).
     *
     * @return a fresh copy of the signature bytes
     */
    @Override
    public byte[] value() {
        return value.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SignatureValue s && s.algorithm == algorithm && Arrays.equals(s.value, value);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(value) + algorithm.hashCode();
    }

    @Override
    public String toString() {
        return "SignatureValue[" + algorithm + ", " + value.length + " bytes]";
    }
}
