package vn.egov.sdk.payment.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import org.junit.jupiter.api.Test;
import vn.egov.sdk.payment.CallbackFailure;

class ChecksumsTest {
    @Test
    void knownVectors() {
        // FIPS 180-2 and RFC 4231 test case 2
        assertEquals("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad", Checksums.sha256Hex("abc"));
        assertEquals("5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843",
                Checksums.hmacSha256("Jefe".getBytes(StandardCharsets.UTF_8)).hex("what do ya want for nothing?"));
    }

    @Test
    void aPreparedKeyGivesTheSameMacOnEveryThread() throws Exception {
        Checksums.PreparedHmac jefe = Checksums.hmacSha256("Jefe".getBytes(StandardCharsets.UTF_8));
        String expected = "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843";
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(4);
        java.util.List<java.util.concurrent.Future<String>> results = new java.util.ArrayList<>();
        for (int i = 0; i < 200; i++) {
            results.add(pool.submit(() -> jefe.hex("what do ya want for nothing?")));
        }
        for (java.util.concurrent.Future<String> f : results) {
            assertEquals(expected, f.get());
        }
        pool.shutdown();
        assertFalse(jefe.toString().contains("Jefe"));
    }

    @Test
    void vietnameseTextIsHashedAsUtf8() {
        // "Đ" is C4 90 in UTF-8: the digest differs from a Latin-1 or platform-charset hash
        assertEquals(Checksums.sha256Hex("Đ"), java.util.HexFormat.of().formatHex(sha256(new byte[] {(byte) 0xC4,
                (byte) 0x90})));
    }

    @Test
    void comparisonIgnoresHexCaseAndRefusesNull() {
        String h = Checksums.sha256Hex("x");
        assertTrue(Checksums.matches(h, h.toUpperCase()));
        assertFalse(Checksums.matches(h, null));
        assertFalse(Checksums.matches(h, h.substring(1)));
        // characters that fold onto a hex digit with the case bit are not hex: "0" (0x30) minus the bit is 0x10
        String digitFirst = Checksums.sha256Hex("3");
        assertTrue(Character.isDigit(digitFirst.charAt(0)), digitFirst);
        assertFalse(Checksums.matches(digitFirst, (char) (digitFirst.charAt(0) & ~0x20) + digitFirst.substring(1)));
        assertFalse(Checksums.matches(h, "g" + h.substring(1)));
    }

    @Test
    void diagnosisNamesTheMistake() {
        String secret = "|k";
        String genuine = "INIT|20261206150000|Hồ sơ";
        java.util.function.UnaryOperator<String> sum = s -> Checksums.sha256Hex(s + secret);
        String twelve = "INIT|" + ChecksumDiagnosis.twelveHourClock("20261206150000") + "|Hồ sơ";
        assertEquals("20261206030000", ChecksumDiagnosis.twelveHourClock("20261206150000"));
        assertEquals("20261206120000", ChecksumDiagnosis.twelveHourClock("20261206000000"));
        assertEquals(CallbackFailure.TWELVE_HOUR_CLOCK, new ChecksumDiagnosis(sum, sum.apply(twelve))
                .variant(CallbackFailure.TWELVE_HOUR_CLOCK, twelve).unicodeForms(genuine).explain());
        String nfd = Normalizer.normalize(genuine, Normalizer.Form.NFD);
        assertEquals(CallbackFailure.UNICODE_FORM, new ChecksumDiagnosis(sum, sum.apply(nfd))
                .variant(CallbackFailure.TWELVE_HOUR_CLOCK, twelve).unicodeForms(genuine).explain());
        assertEquals(CallbackFailure.CHECKSUM_MISMATCH, new ChecksumDiagnosis(sum, Checksums.sha256Hex("other"))
                .variant(CallbackFailure.TWELVE_HOUR_CLOCK, twelve).unicodeForms(genuine).explain());
    }

    private static byte[] sha256(byte[] in) {
        try {
            return java.security.MessageDigest.getInstance("SHA-256").digest(in);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void aPreparedPrefixHashesLikeTheConcatenationOnEveryThread() throws Exception {
        Checksums.PreparedSha256 keyed = Checksums.sha256Prefixed("khóa-bí-mật".getBytes(StandardCharsets.UTF_8));
        String message = "H41-1|250000|Lệ phí Đăng ký";
        String expected = Checksums.sha256Hex("khóa-bí-mật" + message);
        assertEquals(expected, keyed.hex(message));
        assertTrue(keyed.matches(message, expected.toUpperCase(java.util.Locale.ROOT)));
        assertFalse(keyed.matches(message + " ", expected));
        assertFalse(keyed.matches(message, null));
        assertFalse(keyed.toString().contains("khóa"));
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(4);
        try {
            java.util.List<java.util.concurrent.Future<Boolean>> results = new java.util.ArrayList<>();
            for (int t = 0; t < 8; t++) {
                int n = t;
                results.add(pool.submit(() -> {
                    for (int i = 0; i < 500; i++) {
                        String m = message + n + i;
                        if (!keyed.hex(m).equals(Checksums.sha256Hex("khóa-bí-mật" + m))) {
                            return false;
                        }
                    }
                    return true;
                }));
            }
            for (java.util.concurrent.Future<Boolean> r : results) {
                assertTrue(r.get());
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
