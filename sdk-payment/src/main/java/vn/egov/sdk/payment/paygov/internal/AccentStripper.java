package vn.egov.sdk.payment.paygov.internal;

import java.text.Normalizer;

/**
 * Removes Vietnamese diacritics for PayGov's accent-free {@code orderInfo}: every combining mark after an NFD
 * decomposition, and {@code đ/Đ} (which Unicode does not decompose) mapped to {@code d/D} explicitly.
 */
public final class AccentStripper {
    private AccentStripper() {
    }

    /**
     * The text without diacritics.
     *
     * @param text the text, possibly in NFC or NFD
     * @return the text with base letters only
     */
    public static String strip(String text) {
        String decomposed = Normalizer.normalize(text, Normalizer.Form.NFD);
        StringBuilder b = new StringBuilder(decomposed.length());
        for (int i = 0; i < decomposed.length(); i++) {
            char c = decomposed.charAt(i);
            if (Character.getType(c) == Character.NON_SPACING_MARK) {
                continue;
            }
            switch (c) {
                case '\u0111' -> b.append('d'); // đ
                case '\u0110', '\u00D0' -> b.append('D'); // Đ, and Ð typed in its place
                default -> b.append(c);
            }
        }
        return Normalizer.normalize(b, Normalizer.Form.NFC);
    }
}
