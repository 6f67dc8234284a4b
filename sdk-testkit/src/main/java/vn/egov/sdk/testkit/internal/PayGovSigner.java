package vn.egov.sdk.testkit.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Map;

/**
 * The PayGov simulator's own checksums, written apart from the SDK's so that a canonicalisation bug in one cannot
 * hide behind the same bug in the other: the request checksum (SHA-256 of {@code secretKey + accessKey +
 * partnerCode + orderId + requestCode + amount}) and the sandbox's [INFERRED] result checksum (SHA-256 of
 * {@code secretKey} + every field's value in body order but {@code checksum}).
 */
public final class PayGovSigner {
    private PayGovSigner() {
    }

    /**
     * The request checksum.
     *
     * @param secret the partner's secret key
     * @param accessKey the access key
     * @param partnerCode the partner code
     * @param orderId the order id
     * @param requestCode the request code
     * @param amount the amount as decimal digits
     * @return 64 lowercase hex digits
     */
    public static String request(String secret, String accessKey, String partnerCode, String orderId,
            String requestCode, String amount) {
        return Sha256.hex((secret + accessKey + partnerCode + orderId + requestCode + amount)
                .getBytes(StandardCharsets.UTF_8));
    }

    /**
     * The result checksum over a callback's or return URL's fields.
     *
     * @param secret the partner's secret key
     * @param fields the fields in body order; {@code checksum}, if present, is skipped
     * @return 64 lowercase hex digits
     */
    public static String result(String secret, Map<String, String> fields) {
        StringBuilder b = new StringBuilder(secret);
        fields.forEach((name, value) -> {
            if (!"checksum".equals(name)) {
                b.append(value == null ? "" : value);
            }
        });
        return Sha256.hex(b.toString().getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Compares two hex checksums in constant time.
     *
     * @param expected the computed one
     * @param received the received one, possibly {@code null}
     * @return whether they are equal
     */
    public static boolean same(String expected, String received) {
        return received != null && MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII),
                received.toLowerCase(java.util.Locale.ROOT).getBytes(StandardCharsets.US_ASCII));
    }
}
