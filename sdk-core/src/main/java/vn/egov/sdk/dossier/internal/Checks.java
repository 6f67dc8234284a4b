package vn.egov.sdk.dossier.internal;

import java.text.Normalizer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import vn.egov.sdk.core.FieldError;

/** Collects broken rules, each with the field's path; messages never repeat a field's value. */
public final class Checks {
    private final List<FieldError> errors = new ArrayList<>();
    private final Map<String, Integer> maxLengths;

    /** Collects with these length limits, keyed by wire field name. */
    public Checks(Map<String, Integer> maxLengths) {
        this.maxLengths = maxLengths;
    }

    /** Every broken rule so far. */
    public List<FieldError> errors() {
        return List.copyOf(errors);
    }

    /** Records a broken rule. */
    public void fail(String code, String path, String message) {
        errors.add(new FieldError(code, path, path + " " + message));
    }

    /** A required value. */
    public boolean required(Object value, String path) {
        if (value == null) {
            fail("required", path, "is required");
            return false;
        }
        if (value instanceof String s && s.isBlank()) {
            fail("blank", path, "is required (empty text given)");
            return false;
        }
        return true;
    }

    /** The length limit of the field named last in the path, if one is configured. */
    public void length(String value, String path) {
        if (value == null) {
            return;
        }
        Integer max = maxLengths.get(path.substring(path.lastIndexOf('.') + 1));
        if (max == null) {
            return;
        }
        int length = characters(value);
        if (length > max) {
            fail("length", path, "is " + length + " characters long, at most " + max + " allowed");
        }
    }

    /** A shape, when the value is set. */
    public void shape(String value, Pattern pattern, String path, String rule) {
        if (value != null && !value.isBlank() && !pattern.matcher(value).matches()) {
            fail("pattern", path, "must be " + rule);
        }
    }

    /** Two dates in order, when both are set. */
    public void order(Instant earlier, String earlierPath, Instant later, String laterPath) {
        if (earlier != null && later != null && later.isBefore(earlier)) {
            fail("dateOrder", laterPath, "must not be before " + earlierPath);
        }
    }

    /** Characters as a reader sees them: code points of the NFC form, so NFD text counts the same. */
    static int characters(String value) {
        String nfc = Normalizer.normalize(value, Normalizer.Form.NFC);
        return nfc.codePointCount(0, nfc.length());
    }
}
