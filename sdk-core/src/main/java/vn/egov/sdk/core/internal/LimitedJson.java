package vn.egov.sdk.core.internal;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.core.io.JsonEOFException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;

/**
 * Reads one JSON document from bytes into a tree under hard limits (nesting depth, string length, document length,
 * token count; names of at most 256 characters, numbers of at most 40), refusing a field given twice and trailing
 * content, and reports what went wrong as a {@link Problem} that the caller turns into its own typed error. The
 * caller checks {@code null} and the byte count first, with its own words. Thread-safe.
 */
public final class LimitedJson {
    /** What was wrong with a document. */
    public enum Problem {
        /** Nested deeper than the limit. */
        TOO_DEEP,
        /** Over a size limit: document, string or token count. */
        OVER_LIMIT,
        /** The document ends early. */
        TRUNCATED,
        /** A field is given twice. */
        DUPLICATE_FIELD,
        /** Not well-formed JSON. */
        MALFORMED,
        /** The bytes could not be read at all. */
        UNREADABLE,
        /** No JSON value at all. */
        EMPTY
    }

    /**
     * Makes the caller's error for a problem.
     *
     * @param <E> the caller's error type
     */
    @FunctionalInterface
    public interface Failure<E extends RuntimeException> {
        /**
         * The error to throw.
         *
         * @param problem what was wrong
         * @param at where the parser stopped, or {@code null}
         * @return the error
         */
        E make(Problem problem, JsonLocation at);
    }

    private final ObjectMapper mapper;

    /**
     * A reader with these limits.
     *
     * @param maxBytes the longest document
     * @param maxDepth the deepest nesting
     * @param maxString the longest string
     * @param maxTokens the most tokens
     */
    public LimitedJson(int maxBytes, int maxDepth, int maxString, int maxTokens) {
        this.mapper = JsonMapper.builder(JsonFactory.builder()
                        .streamReadConstraints(StreamReadConstraints.builder()
                                .maxNestingDepth(maxDepth)
                                .maxStringLength(maxString)
                                .maxNameLength(256)
                                .maxNumberLength(40)
                                .maxDocumentLength(maxBytes)
                                .maxTokenCount(maxTokens)
                                .build())
                        .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                        .build())
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
                .build();
    }

    /**
     * Parses the bytes.
     *
     * @param <E> the caller's error type
     * @param json the document, not {@code null}
     * @param failure makes the caller's error
     * @return the tree, never {@code null} or missing
     * @throws E for every problem
     */
    public <E extends RuntimeException> JsonNode read(byte[] json, Failure<E> failure) {
        JsonNode node;
        try {
            node = mapper.readTree(json);
        } catch (StreamConstraintsException e) {
            boolean depth = String.valueOf(e.getOriginalMessage()).contains("depth");
            throw failure.make(depth ? Problem.TOO_DEEP : Problem.OVER_LIMIT, e.getLocation());
        } catch (JsonEOFException e) {
            throw failure.make(Problem.TRUNCATED, e.getLocation());
        } catch (JsonProcessingException e) {
            String m = String.valueOf(e.getOriginalMessage());
            Problem problem = m.startsWith("Duplicate field") ? Problem.DUPLICATE_FIELD
                    : m.contains("end-of-input") ? Problem.TRUNCATED : Problem.MALFORMED;
            throw failure.make(problem, e.getLocation());
        } catch (IOException e) {
            throw failure.make(Problem.UNREADABLE, null);
        }
        if (node == null || node.isMissingNode()) {
            throw failure.make(Problem.EMPTY, null);
        }
        return node;
    }
}
