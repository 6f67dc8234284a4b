package vn.egov.sdk.axis.internal;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import vn.egov.sdk.core.internal.Redactor;

/**
 * The one rule for an axis {@code docId}, used for what the axis answers (list entries, a send's {@code DocId}) and
 * for what a caller passes to {@code fetch} / {@code acknowledge}: a JSON string of 1 to {@value #MAX_LENGTH}
 * printable ASCII characters without spaces, without {@code /} or {@code \}, and not {@code .} or {@code ..}. A vendor
 * may use a docId as a file name (the official client stores {@code <filePath>/yyyy/M/<docId>.edxml}), so an id from
 * the network must never be able to name another place. An entry whose id breaks the rule could be neither fetched
 * nor acknowledged.
 */
public final class AxisIds {
    /** The longest docId accepted. */
    public static final int MAX_LENGTH = 256;
    /** Dropped entries named in one WARN line, at most. */
    private static final int NAMED_IN_WARNING = 10;

    private AxisIds() {
    }

    /**
     * What is wrong with a docId.
     *
     * @param id the id
     * @return the broken rule, empty when the id is fine
     */
    public static Optional<String> problem(String id) {
        if (id == null || id.isEmpty()) {
            return Optional.of("it is empty");
        }
        if (id.length() > MAX_LENGTH) {
            return Optional.of("it is longer than " + MAX_LENGTH + " characters");
        }
        for (int i = 0; i < id.length(); i++) {
            char c = id.charAt(i);
            if (c <= 0x20 || c >= 0x7f) {
                return Optional.of("it holds a space, a control or a non-ASCII character");
            }
            if (c == '/' || c == '\\') {
                return Optional.of("it holds a path separator");
            }
        }
        if (id.equals(".") || id.equals("..")) {
            return Optional.of("it names a directory");
        }
        return Optional.empty();
    }

    /**
     * The docId in a JSON member, when it is a string that keeps the rule.
     *
     * @param value the member, possibly null
     * @return the id, or empty
     */
    public static Optional<String> of(JsonNode value) {
        if (value == null || !value.isTextual() || problem(value.textValue()).isPresent()) {
            return Optional.empty();
        }
        return Optional.of(value.textValue());
    }

    /**
     * A JSON value as it may be named in a log line: a string quoted and {@linkplain Redactor#printable made
     * printable}, anything else by its type.
     *
     * @param value the value, possibly null
     * @return the description
     */
    public static String describe(JsonNode value) {
        if (value == null || value.isMissingNode()) {
            return "(absent)";
        }
        if (value.isTextual()) {
            return "\"" + Redactor.printable(value.textValue(), 64) + "\"";
        }
        if (value.isValueNode()) {
            return "a JSON " + value.getNodeType().toString().toLowerCase(java.util.Locale.ROOT) + " "
                    + Redactor.printable(value.asText(), 32);
        }
        return "a JSON " + value.getNodeType().toString().toLowerCase(java.util.Locale.ROOT);
    }

    /** Collects the entries of one list answer that are dropped, for one WARN line. */
    public static final class Dropped {
        private final List<String> named = new ArrayList<>();
        private int count;

        /**
         * Notes a dropped entry.
         *
         * @param what the entry, already {@linkplain #describe described}
         */
        public void add(String what) {
            count++;
            if (named.size() < NAMED_IN_WARNING) {
                named.add(what);
            }
        }

        /**
         * Logs one WARN line naming the dropped entries, when there are any.
         *
         * @param log the logger
         * @param operation the axis operation, for example {@code getReceivedEdocList}
         * @param rule what an entry needs
         */
        public void warn(Logger log, String operation, String rule) {
            if (count == 0) {
                return;
            }
            log.warn("{}: dropped {} entr{} without {}: {}{}", operation, count, count == 1 ? "y" : "ies", rule,
                    String.join(", ", named), count > named.size() ? ", …" : "");
        }
    }
}
