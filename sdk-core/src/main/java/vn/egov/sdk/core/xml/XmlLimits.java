package vn.egov.sdk.core.xml;

import vn.egov.sdk.core.ValidationException;

/**
 * How much structure and text a document may hold before a reader refuses it, so that hostile input (millions of
 * empty elements, thousands of attributes or namespace declarations, deep nesting, megabytes of header text) is
 * answered with an {@link XmlLimitException} in time and memory proportional to the limits, not to the input.
 * Immutable; {@link #defaults()} or {@link #builder()}.
 *
 * <p>The defaults fit edXML packages (QCVN 102:2016) with a wide margin: a real package has a few hundred elements,
 * fewer than ten attributes and namespace declarations per element, nesting below ten levels and some kilobytes of
 * header text. Together they bound what a reader that keeps the document (a DOM, a tree) can be made to hold: with
 * the defaults such a tree fits in a few tens of megabytes whatever the input.
 *
 * <table>
 *   <caption>Limits and defaults</caption>
 *   <tr><th>limit</th><th>default</th><th>what is counted</th></tr>
 *   <tr><td>{@link #maxDepth()}</td><td>64</td><td>element nesting, the root at depth 1</td></tr>
 *   <tr><td>{@link #maxElements()}</td><td>50,000</td><td>elements in the whole document</td></tr>
 *   <tr><td>{@link #maxAttributesPerElement()}</td><td>64</td><td>attributes and namespace declarations of one
 *       element</td></tr>
 *   <tr><td>{@link #maxNamespaceDeclarations()}</td><td>64</td><td>namespace declarations in scope at once (on the
 *       element and its ancestors)</td></tr>
 *   <tr><td>{@link #maxNodes()}</td><td>200,000</td><td>elements, attributes, namespace declarations, comments and
 *       processing instructions in the whole document (nodes that cost memory in a tree even when they hold no
 *       text)</td></tr>
 *   <tr><td>{@link #maxTextChars()}</td><td>1 Mi (1,048,576)</td><td>characters of text, CDATA, comments,
 *       processing instructions and attribute values in the whole document, except the text of elements a reader
 *       excludes explicitly ({@link BoundedXmlReader#excludeTextOfCurrentElement()}, used for attachment
 *       content, which readers stream instead of keeping); separately, against the same limit, the characters of
 *       the distinct element, attribute, prefix and processing-instruction target names (each distinct name once:
 *       the parser keeps every name it meets)</td></tr>
 * </table>
 */
public final class XmlLimits {
    private static final XmlLimits DEFAULTS = new Builder().build();

    private final int maxDepth;
    private final int maxElements;
    private final int maxAttributesPerElement;
    private final int maxNamespaceDeclarations;
    private final int maxNodes;
    private final long maxTextChars;

    private XmlLimits(Builder b) {
        this.maxDepth = b.maxDepth;
        this.maxElements = b.maxElements;
        this.maxAttributesPerElement = b.maxAttributesPerElement;
        this.maxNamespaceDeclarations = b.maxNamespaceDeclarations;
        this.maxNodes = b.maxNodes;
        this.maxTextChars = b.maxTextChars;
    }

    /**
     * The defaults (see the class description).
     *
     * @return the default limits
     */
    public static XmlLimits defaults() {
        return DEFAULTS;
    }

    /**
     * A builder starting from the defaults.
     *
     * @return the builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * A builder starting from these limits.
     *
     * @return the builder
     */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.maxDepth = maxDepth;
        b.maxElements = maxElements;
        b.maxAttributesPerElement = maxAttributesPerElement;
        b.maxNamespaceDeclarations = maxNamespaceDeclarations;
        b.maxNodes = maxNodes;
        b.maxTextChars = maxTextChars;
        return b;
    }

    /**
     * The deepest element nesting accepted (the root element is at depth 1).
     *
     * @return the limit
     */
    public int maxDepth() {
        return maxDepth;
    }

    /**
     * The most elements a document may hold.
     *
     * @return the limit
     */
    public int maxElements() {
        return maxElements;
    }

    /**
     * The most attributes one element may carry, namespace declarations included.
     *
     * @return the limit
     */
    public int maxAttributesPerElement() {
        return maxAttributesPerElement;
    }

    /**
     * The most namespace declarations in scope at once (declared on an element and its ancestors). Bounds the cost
     * of resolving each prefix, which the JDK's parser does by a linear search.
     *
     * @return the limit
     */
    public int maxNamespaceDeclarations() {
        return maxNamespaceDeclarations;
    }

    /**
     * The most elements, attributes, namespace declarations, comments and processing instructions a document may
     * hold in all. Bounds the nodes a tree of the document holds, which {@link #maxTextChars()} alone does not: an
     * empty attribute or comment holds no text.
     *
     * @return the limit
     */
    public int maxNodes() {
        return maxNodes;
    }

    /**
     * The most characters of text, CDATA, comments, processing instructions and attribute values a document may
     * hold, outside the elements whose text a reader excludes. The distinct names the document uses (elements,
     * attributes, prefixes, processing-instruction targets; each distinct name once) are counted separately against
     * the same limit.
     *
     * @return the limit
     */
    public long maxTextChars() {
        return maxTextChars;
    }

    @Override
    public String toString() {
        return "XmlLimits[maxDepth=" + maxDepth + ", maxElements=" + maxElements + ", maxAttributesPerElement="
                + maxAttributesPerElement + ", maxNamespaceDeclarations=" + maxNamespaceDeclarations
                + ", maxNodes=" + maxNodes + ", maxTextChars=" + maxTextChars + "]";
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof XmlLimits l && l.maxDepth == maxDepth && l.maxElements == maxElements
                && l.maxAttributesPerElement == maxAttributesPerElement
                && l.maxNamespaceDeclarations == maxNamespaceDeclarations && l.maxNodes == maxNodes
                && l.maxTextChars == maxTextChars;
    }

    @Override
    public int hashCode() {
        return java.util.Objects.hash(maxDepth, maxElements, maxAttributesPerElement, maxNamespaceDeclarations,
                maxNodes, maxTextChars);
    }

    /** Builder of {@link XmlLimits}; every value must be positive. Not thread-safe. */
    public static final class Builder {
        private int maxDepth = 64;
        private int maxElements = 50_000;
        private int maxAttributesPerElement = 64;
        private int maxNamespaceDeclarations = 64;
        private int maxNodes = 200_000;
        private long maxTextChars = 1024L * 1024;

        private Builder() {
        }

        /**
         * The deepest element nesting accepted.
         *
         * @param value 1 to {@value SecureXml#MAX_ELEMENT_DEPTH}
         * @return this builder
         */
        public Builder maxDepth(int value) {
            if (value < 1 || value > SecureXml.MAX_ELEMENT_DEPTH) {
                throw invalid("maxDepth", "1 to " + SecureXml.MAX_ELEMENT_DEPTH);
            }
            this.maxDepth = value;
            return this;
        }

        /**
         * The most elements a document may hold.
         *
         * @param value positive
         * @return this builder
         */
        public Builder maxElements(int value) {
            this.maxElements = positive(value, "maxElements");
            return this;
        }

        /**
         * The most attributes (namespace declarations included) on one element.
         *
         * @param value positive
         * @return this builder
         */
        public Builder maxAttributesPerElement(int value) {
            this.maxAttributesPerElement = positive(value, "maxAttributesPerElement");
            return this;
        }

        /**
         * The most namespace declarations in scope at once.
         *
         * @param value positive
         * @return this builder
         */
        public Builder maxNamespaceDeclarations(int value) {
            this.maxNamespaceDeclarations = positive(value, "maxNamespaceDeclarations");
            return this;
        }

        /**
         * The most elements, attributes, namespace declarations, comments and processing instructions in all (see
         * {@link XmlLimits#maxNodes()}).
         *
         * @param value positive
         * @return this builder
         */
        public Builder maxNodes(int value) {
            this.maxNodes = positive(value, "maxNodes");
            return this;
        }

        /**
         * The most characters of counted text (see {@link XmlLimits#maxTextChars()}).
         *
         * @param value positive
         * @return this builder
         */
        public Builder maxTextChars(long value) {
            if (value < 1) {
                throw invalid("maxTextChars", "positive");
            }
            this.maxTextChars = value;
            return this;
        }

        /**
         * Builds the limits.
         *
         * @return the limits
         */
        public XmlLimits build() {
            return new XmlLimits(this);
        }

        private static int positive(int value, String name) {
            if (value < 1) {
                throw invalid(name, "positive");
            }
            return value;
        }

        private static ValidationException invalid(String name, String rule) {
            return ValidationException.of("xml.limits." + name, "XmlLimits." + name, name + " must be " + rule);
        }
    }
}
