package vn.egov.sdk.payment.paygov.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.text.Normalizer;
import org.junit.jupiter.api.Test;

class AccentStripperTest {
    /** Each base vowel, then its forms with no mark, grave, hook, tilde, acute, dot below. */
    private static final String[][] VOWELS = {
        {"a", "a", "à", "ả", "ã", "á", "ạ"}, {"a", "ă", "ằ", "ẳ", "ẵ", "ắ", "ặ"}, {"a", "â", "ầ", "ẩ", "ẫ", "ấ", "ậ"},
        {"e", "e", "è", "ẻ", "ẽ", "é", "ẹ"}, {"e", "ê", "ề", "ể", "ễ", "ế", "ệ"}, {"i", "i", "ì", "ỉ", "ĩ", "í", "ị"},
        {"o", "o", "ò", "ỏ", "õ", "ó", "ọ"}, {"o", "ô", "ồ", "ổ", "ỗ", "ố", "ộ"}, {"o", "ơ", "ờ", "ở", "ỡ", "ớ", "ợ"},
        {"u", "u", "ù", "ủ", "ũ", "ú", "ụ"}, {"u", "ư", "ừ", "ử", "ữ", "ứ", "ự"}, {"y", "y", "ỳ", "ỷ", "ỹ", "ý", "ỵ"},
    };

    @Test
    void everyVowelWithEveryToneInBothCasesAndBothNormalForms() {
        int checked = 0;
        for (String[] row : VOWELS) {
            String base = row[0];
            for (int i = 1; i < row.length; i++) {
                for (Normalizer.Form form : new Normalizer.Form[] {Normalizer.Form.NFC, Normalizer.Form.NFD}) {
                    String lower = Normalizer.normalize(row[i], form);
                    String upper = Normalizer.normalize(row[i].toUpperCase(java.util.Locale.ROOT), form);
                    assertEquals(base, AccentStripper.strip(lower), row[i]);
                    assertEquals(base.toUpperCase(java.util.Locale.ROOT), AccentStripper.strip(upper), row[i]);
                    checked += 2;
                }
            }
        }
        assertEquals(12 * 6 * 4, checked);
    }

    @Test
    void dStrokeIsMappedExplicitly() {
        assertEquals("Dong Thap dd DD", AccentStripper.strip("Đồng Tháp đđ ĐĐ"));
        assertEquals("D", AccentStripper.strip("\u00D0"));
    }

    @Test
    void aWholeDossierName() {
        assertEquals("Cap Giay phep xay dung nha o rieng le - Phuong Hoa Thuan",
                AccentStripper.strip("Cấp Giấy phép xây dựng nhà ở riêng lẻ - Phường Hòa Thuận"));
        assertEquals("Le phi truoc ba 2% (nhà)".replace("à", "a"), AccentStripper.strip("Lệ phí trước bạ 2% (nhà)"));
    }
}
