package vn.egov.sdk.edxml.internal;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/** Null-tolerant normalisation for the edXML model's compact constructors: absent text is "", absent lists empty. */
public final class Values {
    private Values() {
    }

    /** The text, or "" for null. */
    public static String text(String s) {
        return s == null ? "" : s;
    }

    /** An immutable copy, or an empty list for null. */
    public static <T> List<T> list(List<T> l) {
        return l == null ? List.of() : List.copyOf(l);
    }

    /** An immutable copy keeping order, or an empty map for null. */
    public static Map<String, String> attributes(Map<String, String> m) {
        return m == null ? Map.of() : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(m));
    }

    /** The optional, or empty for null. */
    public static <T> Optional<T> opt(Optional<T> o) {
        return o == null ? Optional.empty() : o;
    }

    /** The optional int, or empty for null. */
    public static OptionalInt optInt(OptionalInt o) {
        return o == null ? OptionalInt.empty() : o;
    }
}
