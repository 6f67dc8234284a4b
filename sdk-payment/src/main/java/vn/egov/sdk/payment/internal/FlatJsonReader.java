package vn.egov.sdk.payment.internal;

import com.fasterxml.jackson.core.JsonFactoryBuilder;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Reads one flat JSON object from raw bytes into its fields as text, in the body's order, in one streaming pass:
 * strings as they are, numbers and booleans as written. What happens to {@code null}, nested values, fractions,
 * booleans and repeated keys is set by {@link Rules}; a body that breaks them becomes the caller's own error type,
 * made by a {@link Failure}. Thread-safe and immutable.
 *
 * @param <E> the error the caller throws for an unreadable body
 */
public final class FlatJsonReader<E extends Exception> {
    /** What a JSON {@code null} becomes. */
    public enum Nulls {
        /** The field is left out of the result. */
        ABSENT,
        /** The field is empty text. */
        EMPTY_TEXT
    }

    /** What a nested object or array becomes. */
    public enum Nested {
        /** Its compact JSON text. */
        JSON_TEXT,
        /** The body is refused, naming the field. */
        REFUSED
    }

    /**
     * The rules of one wire format.
     *
     * @param subject how messages name the body, e.g. {@code "the callback body"}
     * @param maxDepth the deepest nesting read
     * @param maxStringLength the longest string read
     * @param maxNumberLength the longest number read, in characters
     * @param nulls what a {@code null} becomes
     * @param nested what a nested object or array becomes
     * @param fractions whether a number with a fraction or exponent is accepted (as written)
     * @param booleans whether {@code true}/{@code false} are accepted (as written)
     * @param duplicatesRefused whether a key given twice refuses the body
     */
    public record Rules(String subject, int maxDepth, int maxStringLength, int maxNumberLength, Nulls nulls,
            Nested nested, boolean fractions, boolean booleans, boolean duplicatesRefused) {
        /**
         * Checks the rules.
         *
         * @throws IllegalArgumentException when a limit is not positive or a value is missing (a programming error
         *     inside the SDK, never caused by a body)
         */
        public Rules {
            if (subject == null || nulls == null || nested == null || maxDepth < 1 || maxStringLength < 1
                    || maxNumberLength < 1) {
                throw new IllegalArgumentException("incomplete flat JSON rules");
            }
        }

        /**
         * The strict default: {@code null} as empty text, nested values refused, fractions and booleans accepted,
         * repeated keys refused, depth 8, strings up to 64 KiB, numbers up to 40 characters.
         *
         * @param subject how messages name the body
         * @return the rules
         */
        public static Rules strict(String subject) {
            return new Rules(subject, 8, 64 * 1024, 40, Nulls.EMPTY_TEXT, Nested.REFUSED, true, true, true);
        }

        /**
         * A copy with other limits.
         *
         * @param depth the deepest nesting
         * @param stringLength the longest string
         * @param numberLength the longest number
         * @return the copy
         */
        public Rules limits(int depth, int stringLength, int numberLength) {
            return new Rules(subject, depth, stringLength, numberLength, nulls, nested, fractions, booleans,
                    duplicatesRefused);
        }

        /**
         * A copy with another {@code null} rule.
         *
         * @param rule the rule
         * @return the copy
         */
        public Rules nulls(Nulls rule) {
            return new Rules(subject, maxDepth, maxStringLength, maxNumberLength, rule, nested, fractions, booleans,
                    duplicatesRefused);
        }

        /**
         * A copy with another nested-value rule.
         *
         * @param rule the rule
         * @return the copy
         */
        public Rules nested(Nested rule) {
            return new Rules(subject, maxDepth, maxStringLength, maxNumberLength, nulls, rule, fractions, booleans,
                    duplicatesRefused);
        }

        /**
         * A copy that accepts or refuses fractions and booleans.
         *
         * @param acceptFractions whether fractions are accepted
         * @param acceptBooleans whether booleans are accepted
         * @return the copy
         */
        public Rules scalars(boolean acceptFractions, boolean acceptBooleans) {
            return new Rules(subject, maxDepth, maxStringLength, maxNumberLength, nulls, nested, acceptFractions,
                    acceptBooleans, duplicatesRefused);
        }
    }

    /**
     * Makes the caller's error.
     *
     * @param <E> the error type
     */
    @FunctionalInterface
    public interface Failure<E extends Exception> {
        /**
         * The error for an unreadable body.
         *
         * @param field the field at fault, or {@code null} when the body as a whole is
         * @param message what is wrong, without any of the body's values
         * @return the error to throw
         */
        E make(String field, String message);
    }

    /** A refusal found while parsing, turned into the caller's error outside the parse. */
    private static final class Refusal extends Exception {
        private static final long serialVersionUID = 1L;
        private final String field;

        Refusal(String field, String message) {
            super(message, null, false, false);
            this.field = field;
        }
    }

    private final Rules rules;
    private final Failure<E> failure;
    private final ObjectMapper mapper;

    /**
     * A reader.
     *
     * @param rules the rules
     * @param failure makes the caller's error
     */
    public FlatJsonReader(Rules rules, Failure<E> failure) {
        this.rules = rules;
        this.failure = failure;
        JsonFactoryBuilder factory = new JsonFactoryBuilder().streamReadConstraints(StreamReadConstraints.builder()
                .maxNestingDepth(rules.maxDepth()).maxStringLength(rules.maxStringLength())
                .maxNumberLength(rules.maxNumberLength()).build());
        if (rules.duplicatesRefused()) {
            factory.enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION);
        }
        this.mapper = JsonMapper.builder(factory.build()).build();
    }

    /**
     * The rules this reader follows.
     *
     * @return the rules
     */
    public Rules rules() {
        return rules;
    }

    /**
     * Reads the body.
     *
     * @param body the raw bytes, possibly {@code null}
     * @param maxBytes the largest body accepted
     * @return the fields in body order
     * @throws E when the body is empty, too big, not one JSON object within the limits, or breaks a rule
     */
    public Map<String, String> read(byte[] body, int maxBytes) throws E {
        String subject = rules.subject();
        if (body == null || body.length == 0) {
            throw failure.make(null, subject + " is empty");
        }
        if (body.length > maxBytes) {
            throw failure.make(null, subject + " has " + body.length + " bytes, more than the " + maxBytes
                    + " accepted");
        }
        try {
            return parse(body);
        } catch (Refusal r) {
            throw failure.make(r.field, r.getMessage());
        } catch (IOException | RuntimeException e) {
            throw failure.make(null, subject + " is not valid JSON within the limits ("
                    + e.getClass().getSimpleName() + ")");
        }
    }

    private Map<String, String> parse(byte[] body) throws IOException, Refusal {
        Map<String, String> out = new LinkedHashMap<>(32);
        try (JsonParser p = mapper.createParser(body)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                throw new Refusal(null, rules.subject() + " is not a JSON object");
            }
            for (JsonToken t = p.nextToken(); t != JsonToken.END_OBJECT; t = p.nextToken()) {
                String name = p.currentName();
                JsonToken value = p.nextToken();
                switch (value) {
                    case VALUE_STRING, VALUE_NUMBER_INT -> out.put(name, p.getText());
                    case VALUE_NULL -> {
                        if (rules.nulls() == Nulls.EMPTY_TEXT) {
                            out.put(name, "");
                        }
                    }
                    case VALUE_NUMBER_FLOAT -> out.put(name, accepted(rules.fractions(), name, "a fraction", p));
                    case VALUE_TRUE, VALUE_FALSE -> out.put(name, accepted(rules.booleans(), name, "a boolean", p));
                    case START_OBJECT, START_ARRAY -> {
                        if (rules.nested() == Nested.REFUSED) {
                            throw refusal(name, value == JsonToken.START_OBJECT ? "an object" : "an array");
                        }
                        out.put(name, mapper.readTree(p).toString());
                    }
                    default -> throw new Refusal(null, rules.subject() + " is not a JSON object");
                }
            }
            if (p.nextToken() != null) {
                throw new Refusal(null, rules.subject() + " has content after its JSON object");
            }
        }
        return out;
    }

    private static String accepted(boolean accepted, String name, String what, JsonParser p)
            throws IOException, Refusal {
        if (!accepted) {
            throw refusal(name, what);
        }
        return p.getText();
    }

    private static Refusal refusal(String name, String what) {
        return new Refusal(name, "field " + name + " is " + what + ", not text or a number the format allows");
    }

    @Override
    public String toString() {
        return "FlatJsonReader[" + rules + "]";
    }
}
