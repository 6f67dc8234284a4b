package vn.egov.sdk.identity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class BrowserBindingTest {
    @Test
    void newValuesAreTwentyTwoUrlSafeCharactersAndDoNotRepeat() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 10_000; i++) {
            String v = BrowserBinding.newValue();
            assertEquals(22, v.length(), v);
            assertTrue(v.matches("[A-Za-z0-9_-]{22}"), v);
            assertTrue(seen.add(v), "repeated: " + v);
        }
    }

    @Test
    void matchesOnlyTheSameValue() {
        String v = BrowserBinding.newValue();
        assertTrue(BrowserBinding.matches(v, new String(v.toCharArray())));
        assertFalse(BrowserBinding.matches(v, BrowserBinding.newValue()));
        assertFalse(BrowserBinding.matches(v, v.substring(1)), "a prefix is not a match");
        assertFalse(BrowserBinding.matches(v, v + "x"), "a longer value is not a match");
        assertFalse(BrowserBinding.matches(v, v.toUpperCase()), "case matters");
        assertTrue(BrowserBinding.matches("trạng-thái", "trạng-thái"), "any text compares by its UTF-8 bytes");
    }

    @Test
    void absentOrBlankValuesNeverMatch() {
        assertFalse(BrowserBinding.matches(null, null));
        assertFalse(BrowserBinding.matches("", ""));
        assertFalse(BrowserBinding.matches(" ", " "));
        assertFalse(BrowserBinding.matches("abc", null));
        assertFalse(BrowserBinding.matches(null, "abc"));
        assertFalse(BrowserBinding.matches("abc", " "));
    }
}
