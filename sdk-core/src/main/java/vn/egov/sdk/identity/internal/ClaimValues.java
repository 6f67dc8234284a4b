package vn.egov.sdk.identity.internal;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import vn.egov.sdk.identity.UserInfoFormatException;

/**
 * Lenient reading of claim values: numbers and text alike for codes, blank as absent, {@code yyyyMMdd} dates, levels
 * such as {@code 2}, {@code "2"} or {@code "IAL2"}; and the conversion of a caller's claims map (for example an ID
 * token's) into the same plain values {@link UserInfoJson} produces.
 */
public final class ClaimValues {
    private static final DateTimeFormatter BASIC_DATE = DateTimeFormatter.ofPattern("uuuuMMdd")
            .withResolverStyle(ResolverStyle.STRICT);
    private static final Pattern LEVEL = Pattern.compile("(?i)(?:ial|loa|level)?\\s*([0-9]{1,3})");

    private ClaimValues() {
    }

    /** A caller's claims as plain unmodifiable values; nulls dropped; nesting bounded. */
    public static Map<String, Object> normalize(Map<String, ?> claims) {
        if (claims == null) {
            throw new UserInfoFormatException("", "claims.required", "the claims map is required (null given)",
                    null);
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> out = (Map<String, Object>) plain(claims, 1, "");
        return out;
    }

    private static Object plain(Object v, int depth, String path) {
        if (depth > UserInfoJson.MAX_DEPTH) {
            throw new UserInfoFormatException(path, "json.tooDeep",
                    "the claims nest deeper than " + UserInfoJson.MAX_DEPTH + " levels", null);
        }
        if (v == null || v instanceof String || v instanceof Boolean || v instanceof Long
                || v instanceof BigDecimal) {
            return v;
        }
        if (v instanceof CharSequence) {
            return v.toString();
        }
        if (v instanceof Integer || v instanceof Short || v instanceof Byte) {
            return ((Number) v).longValue();
        }
        if (v instanceof BigInteger) {
            BigInteger b = (BigInteger) v;
            return b.bitLength() < 64 ? (Object) b.longValue() : new BigDecimal(b);
        }
        if (v instanceof Double || v instanceof Float) {
            double d = ((Number) v).doubleValue();
            return Double.isFinite(d) ? BigDecimal.valueOf(d) : null;
        }
        if (v instanceof Number) {
            return new BigDecimal(v.toString());
        }
        if (v instanceof Date) {
            return ((Date) v).toInstant().getEpochSecond();
        }
        if (v instanceof Instant) {
            return ((Instant) v).getEpochSecond();
        }
        if (v instanceof Map) {
            Map<String, Object> map = new LinkedHashMap<>();
            for (Map.Entry<?, ?> e : ((Map<?, ?>) v).entrySet()) {
                if (e.getKey() == null) {
                    continue;
                }
                String key = e.getKey().toString();
                Object value = plain(e.getValue(), depth + 1, path.isEmpty() ? key : path + "." + key);
                if (value != null) {
                    map.put(key, value);
                }
            }
            return Collections.unmodifiableMap(map);
        }
        if (v instanceof Collection || v instanceof Object[]) {
            Collection<?> items = v instanceof Collection ? (Collection<?>) v : List.of((Object[]) v);
            List<Object> list = new ArrayList<>(items.size());
            for (Object item : items) {
                Object value = plain(item, depth + 1, path);
                if (value != null) {
                    list.add(value);
                }
            }
            return Collections.unmodifiableList(list);
        }
        return v.toString();
    }

    /** A scalar as text (numbers in plain decimal), stripped; blank, structured or absent as empty. */
    public static Optional<String> text(Object v) {
        String s;
        if (v instanceof String) {
            s = ((String) v).strip();
        } else if (v instanceof BigDecimal) {
            s = ((BigDecimal) v).stripTrailingZeros().toPlainString();
        } else if (v instanceof Long || v instanceof Boolean) {
            s = v.toString();
        } else {
            return Optional.empty();
        }
        return s.isEmpty() ? Optional.empty() : Optional.of(s);
    }

    /** A code given as a number or text: {@code 1}, {@code 1.0}, {@code "1"} and {@code " 01 "} all give "1". */
    public static Optional<String> code(Object v) {
        return text(v).map(s -> s.matches("[0-9]{1,9}") ? Integer.toString(Integer.parseInt(s)) : s);
    }

    /** A level: {@code 2}, {@code "2"}, {@code "IAL2"}, {@code "ial 2"}; empty when absent or unreadable. */
    public static OptionalInt level(Object v) {
        Optional<String> t = text(v);
        if (t.isEmpty()) {
            return OptionalInt.empty();
        }
        Matcher m = LEVEL.matcher(t.get());
        return m.matches() ? OptionalInt.of(Integer.parseInt(m.group(1))) : OptionalInt.empty();
    }

    /** A {@code yyyyMMdd} date; empty when absent or not a real date. */
    public static Optional<LocalDate> basicDate(Object v) {
        Optional<String> t = text(v);
        if (t.isEmpty() || !t.get().matches("[0-9]{8}")) {
            return Optional.empty();
        }
        try {
            return Optional.of(LocalDate.parse(t.get(), BASIC_DATE));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    /** Text split on white space and commas, or an array's scalar elements; blanks dropped. */
    public static List<String> list(Object v) {
        List<String> out = new ArrayList<>();
        if (v instanceof List) {
            for (Object item : (List<?>) v) {
                text(item).ifPresent(out::add);
            }
        } else {
            text(v).ifPresent(s -> {
                for (String part : s.split("[\\s,]+")) {
                    if (!part.isEmpty()) {
                        out.add(part);
                    }
                }
            });
        }
        return List.copyOf(out);
    }
}
