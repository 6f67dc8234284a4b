package vn.egov.sdk.core.xml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.List;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import org.junit.jupiter.api.Test;
import vn.egov.sdk.core.ValidationException;

class BoundedXmlReaderTest {
    private static final XmlLimits SMALL = XmlLimits.builder().maxDepth(4).maxElements(10)
            .maxAttributesPerElement(3).maxNamespaceDeclarations(3).maxTextChars(100).build();

    @Test
    void aDocumentWithinTheLimitsIsReadToTheEnd() throws Exception {
        BoundedXmlReader r = reader("<a x='1'><b>text</b><c xmlns='urn:c'/></a>", SMALL);
        drain(r);
        assertEquals(3, r.elementCount());
        assertEquals(1 + 4 + 5, r.textCharCount());
    }

    @Test
    void eachLimitIsNamedWhenBroken() {
        assertLimit("maxElements", "<a>" + "<b/>".repeat(10) + "</a>");
        assertLimit("maxDepth", "<a><a><a><a><a/></a></a></a></a>");
        assertLimit("maxAttributesPerElement", "<a w='1' x='2' y='3' z='4'/>");
        assertLimit("maxAttributesPerElement", "<a xmlns:p='u' xmlns:q='v' x='1' y='2'/>");
        assertLimit("maxNamespaceDeclarations", "<a xmlns:p='u' xmlns:q='v'><b xmlns:r='w' xmlns:s='x'/></a>");
        assertLimit("maxTextChars", "<a>" + "x".repeat(101) + "</a>");
        assertLimit("maxTextChars", "<a x='" + "y".repeat(101) + "'/>");
        assertLimit("maxTextChars", "<a><!--" + "z".repeat(101) + "--></a>");
        assertLimit("maxTextChars", "<a><?pi " + "z".repeat(101) + "?></a>");
    }

    @Test
    void nodesThatHoldNoTextAreCountedAgainstMaxNodes() throws Exception {
        XmlLimits nodes = XmlLimits.builder().maxNodes(10).build();
        // each of these holds no character of text, so maxTextChars alone let a million of them through
        assertNodes(nodes, "<a " + attributes(10) + "/>");
        assertNodes(nodes, "<a>" + "<!---->".repeat(10) + "</a>");
        assertNodes(nodes, "<a>" + "<b/>".repeat(10) + "</a>");
        assertNodes(nodes, "<a xmlns:p='u'>" + "<b xmlns='v'/>".repeat(9) + "</a>");
        assertNodes(nodes, "<a>" + "<?p?>".repeat(10) + "</a>");
        assertNodes(nodes, "<!---->".repeat(10) + "<a/>");
        drain(reader("<a " + attributes(4) + "><!----><?p?>" + "<b/>".repeat(3) + "</a>", nodes));
    }

    @Test
    void distinctNamesAreCountedOnceAgainstTheTextLimit() throws Exception {
        XmlLimits small = XmlLimits.builder().maxTextChars(100).build();
        // the same names over and over cost nothing more: the parser keeps each name once
        BoundedXmlReader same = reader("<a>" + "<name attribute=''/>".repeat(1000) + "</a>", small);
        drain(same);
        assertEquals(0, same.textCharCount(), "names are not text");
        // distinct names: each one is kept by the parser, so their characters are bounded
        StringBuilder distinct = new StringBuilder("<a>");
        for (int i = 0; i < 20; i++) {
            distinct.append("<element").append(i).append("/>");
        }
        XmlLimitException e = assertThrows(XmlLimitException.class,
                () -> drain(reader(distinct.append("</a>").toString(), small)));
        assertEquals("maxTextChars", e.limit());
        assertTrue(e.getMessage().contains("distinct names"), e.getMessage());
        assertThrows(XmlLimitException.class, () -> drain(reader("<a " + attributes(30).replace("x", "attr") + "/>",
                small)));
        assertThrows(XmlLimitException.class, () -> drain(reader("<a><?" + "t".repeat(101) + "?></a>", small)));
    }

    @Test
    void namespaceDeclarationsLeaveScopeWithTheirElement() throws Exception {
        String siblings = "<a>" + "<b xmlns:p='u' xmlns:q='v' xmlns:r='w'/>".repeat(5) + "</a>";
        drain(reader(siblings, SMALL));
    }

    @Test
    void nextTagAndGetElementTextAreCountedToo() throws Exception {
        BoundedXmlReader r = reader("<a><b>" + "x".repeat(101) + "</b></a>", SMALL);
        r.nextTag();
        r.nextTag();
        XmlLimitException e = assertThrows(XmlLimitException.class, r::getElementText);
        assertEquals("maxTextChars", e.limit());
        BoundedXmlReader tags = reader("<a>" + "<b/>".repeat(10) + "</a>", SMALL);
        XmlLimitException e2 = assertThrows(XmlLimitException.class, () -> {
            while (true) {
                tags.nextTag();
            }
        });
        assertEquals("maxElements", e2.limit());
    }

    @Test
    void excludedTextIsNotCountedButItsChildrenAndAttributesAre() throws Exception {
        BoundedXmlReader r = reader("<a><content>" + "Q".repeat(5000) + "</content><b>" + "x".repeat(101)
                + "</b></a>", SMALL);
        r.nextTag();
        r.nextTag();
        r.excludeTextOfCurrentElement();
        assertEquals(XMLStreamConstants.CHARACTERS, r.next());
        while (r.next() != XMLStreamConstants.END_ELEMENT) {
            // the excluded text
        }
        assertEquals(0, r.textCharCount());
        assertThrows(XmlLimitException.class, () -> drain(r));
        BoundedXmlReader other = reader("<a><content><b/></content></a>", SMALL);
        other.nextTag();
        assertThrows(IllegalStateException.class, () -> {
            other.next();
            other.next();
            other.next();
            other.excludeTextOfCurrentElement();
        });
    }

    @Test
    void aHugeFloodOfElementsStopsAtTheLimitWithoutReadingTheRest() throws Exception {
        // 2 million empty elements: refused after maxElements, long before the input ends
        InputStream endless = new SequenceInputStream(Collections.enumeration(List.of(
                bytes("<a>"), new RepeatingStream("<b/>".getBytes(StandardCharsets.US_ASCII), 2_000_000),
                bytes("</a>"))));
        RepeatingStream.counting = 0;
        BoundedXmlReader r = SecureXml.createStreamReader(endless, SMALL);
        assertThrows(XmlLimitException.class, () -> drain(r));
        assertTrue(RepeatingStream.counting < 100_000, "read " + RepeatingStream.counting + " bytes");
    }

    @Test
    void dtdsAndEntityReferencesAreRefused() throws Exception {
        assertThrows(XMLStreamException.class, () -> drain(reader("<!DOCTYPE a []><a/>", XmlLimits.defaults())));
        assertThrows(XMLStreamException.class, () -> drain(reader("<a>&x;</a>", XmlLimits.defaults())));
    }

    @Test
    void limitsAreValidated() {
        assertThrows(ValidationException.class, () -> XmlLimits.builder().maxElements(0));
        assertThrows(ValidationException.class, () -> XmlLimits.builder().maxDepth(SecureXml.MAX_ELEMENT_DEPTH + 1));
        assertThrows(ValidationException.class, () -> XmlLimits.builder().maxTextChars(0));
        assertThrows(ValidationException.class, () -> SecureXml.createStreamReader(bytes("<a/>"), null));
        assertThrows(ValidationException.class, () -> XmlLimits.builder().maxNodes(0));
        assertEquals(SMALL, SMALL.toBuilder().build());
        assertEquals(7, SMALL.toBuilder().maxNodes(7).build().maxNodes());
        assertEquals(200_000, XmlLimits.defaults().maxNodes());
        assertEquals(64, XmlLimits.defaults().maxDepth());
    }

    private static void assertNodes(XmlLimits limits, String xml) {
        XmlLimitException e = assertThrows(XmlLimitException.class, () -> drain(reader(xml, limits)), xml);
        assertEquals("maxNodes", e.limit(), e.getMessage());
        assertTrue(e.getMessage().contains("XmlLimits.maxNodes = 10"), e.getMessage());
    }

    private static String attributes(int n) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < n; i++) {
            b.append(" x").append(i).append("=''");
        }
        return b.toString();
    }

    private static void assertLimit(String limit, String xml) {
        XmlLimitException e = assertThrows(XmlLimitException.class, () -> drain(reader(xml, SMALL)), xml);
        assertEquals(limit, e.limit(), e.getMessage());
        assertTrue(e.getMessage().contains("XmlLimits." + limit), e.getMessage());
    }

    private static BoundedXmlReader reader(String xml, XmlLimits limits) throws XMLStreamException {
        return SecureXml.createStreamReader(bytes(xml), limits);
    }

    private static void drain(BoundedXmlReader r) throws XMLStreamException {
        while (r.hasNext()) {
            r.next();
        }
    }

    private static InputStream bytes(String s) {
        return new ByteArrayInputStream(s.getBytes(StandardCharsets.UTF_8));
    }

    /** A pattern repeated n times, counting what was read. */
    private static final class RepeatingStream extends InputStream {
        static long counting;
        private final byte[] pattern;
        private final long total;
        private long pos;

        RepeatingStream(byte[] pattern, long times) {
            this.pattern = pattern;
            this.total = pattern.length * times;
        }

        @Override
        public int read() {
            if (pos >= total) {
                return -1;
            }
            counting++;
            return pattern[(int) (pos++ % pattern.length)];
        }

        @Override
        public int read(byte[] b, int off, int len) {
            if (pos >= total) {
                return -1;
            }
            int n = (int) Math.min(len, total - pos);
            for (int i = 0; i < n; i++) {
                b[off + i] = pattern[(int) (pos++ % pattern.length)];
            }
            counting += n;
            return n;
        }
    }
}
