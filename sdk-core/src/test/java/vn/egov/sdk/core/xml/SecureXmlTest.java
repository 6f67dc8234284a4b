package vn.egov.sdk.core.xml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.net.ServerSocket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import vn.egov.sdk.core.VerificationException;

/** The hardened factories against the XML attacks (XXE, external DTDs, entity expansion): each is refused fast with a typed error. */
class SecureXmlTest {
    private static InputStream xml(String s) {
        return new ByteArrayInputStream(s.getBytes(StandardCharsets.UTF_8));
    }

    private static VerificationException refused(String doc) {
        return assertTimeoutPreemptively(Duration.ofSeconds(2),
                () -> assertThrows(VerificationException.class, () -> SecureXml.parse(xml(doc), "test input")));
    }

    @Test
    void wellFormedDocumentParses() {
        Document d = SecureXml.parse(xml("<a xmlns='urn:x'><b>ok</b></a>"), "test input");
        assertEquals("ok", d.getDocumentElement().getTextContent());
        assertEquals("urn:x", d.getDocumentElement().getNamespaceURI());
    }

    @Test
    void externalEntityIsRefused() {
        VerificationException e = refused("<?xml version='1.0'?><!DOCTYPE a [<!ENTITY x SYSTEM "
                + "'file:///etc/hostname'>]><a>&x;</a>");
        assertTrue(e.getMessage().contains("test input"), e.getMessage());
    }

    @Test
    void billionLaughsIsRefused() {
        StringBuilder dtd = new StringBuilder("<!DOCTYPE lolz [<!ENTITY lol0 'lol'>");
        for (int i = 1; i < 10; i++) {
            dtd.append("<!ENTITY lol").append(i).append(" '");
            for (int j = 0; j < 10; j++) {
                dtd.append("&lol").append(i - 1).append(';');
            }
            dtd.append("'>");
        }
        refused(dtd + "]><lolz>&lol9;</lolz>");
    }

    @Test
    void externalDtdIsRefusedWithoutAnyNetworkAccess() throws Exception {
        try (ServerSocket listener = new ServerSocket(0)) {
            listener.setSoTimeout(300);
            refused("<?xml version='1.0'?><!DOCTYPE a SYSTEM 'http://127.0.0.1:" + listener.getLocalPort()
                    + "/x.dtd'><a/>");
            refused("<?xml version='1.0'?><!DOCTYPE a [<!ENTITY % p SYSTEM 'http://127.0.0.1:"
                    + listener.getLocalPort() + "/p'> %p;]><a/>");
            assertThrows(SocketTimeoutException.class, listener::accept, "the parser must not connect");
        }
    }

    @Test
    void deepNestingIsRefusedNotAStackOverflow() {
        int depth = 100_000;
        String doc = "<a>".repeat(depth) + "</a>".repeat(depth);
        VerificationException e = refused(doc);
        assertFalse(e.getMessage().isEmpty());
    }

    @Test
    void nestingUpToTheLimitIsAccepted() {
        int depth = SecureXml.MAX_ELEMENT_DEPTH - 1;
        SecureXml.parse(xml("<a>".repeat(depth) + "</a>".repeat(depth)), "test input");
    }

    @Test
    void truncatedNotXmlAndEmptyInputsAreRefused() {
        refused("<a><b>unfinished");
        refused("%PDF-1.7 definitely not xml");
        refused("");
        refused("1212<?xml version='1.0'?><a/>");
    }

    @Test
    void streamingFactoryRefusesDtdsAndEntities() throws Exception {
        for (String doc : new String[] {"<!DOCTYPE a [<!ENTITY x SYSTEM 'file:///etc/hostname'>]><a>&x;</a>",
                "<!DOCTYPE a SYSTEM 'http://127.0.0.1:9/a.dtd'><a/>", "<!DOCTYPE a [<!ENTITY x 'y'>]><a>&x;</a>"}) {
            XMLStreamReader r = SecureXml.createStreamReader(xml(doc));
            XMLStreamException e = assertThrows(XMLStreamException.class, () -> {
                while (r.hasNext()) {
                    r.next();
                }
            });
            assertTrue(e.getMessage().contains("not allowed"), e.getMessage());
        }
        // even the bare factory never expands the entity
        XMLStreamReader raw = SecureXml.xmlInputFactory().createXMLStreamReader(xml(
                "<!DOCTYPE a [<!ENTITY x SYSTEM 'file:///etc/hostname'>]><a>&x;</a>"));
        StringBuilder text = new StringBuilder();
        while (raw.hasNext()) {
            if (raw.next() == javax.xml.stream.XMLStreamConstants.CHARACTERS) {
                text.append(raw.getText());
            }
        }
        assertEquals("", text.toString().trim());
    }

    @Test
    void streamingFactoryReadsNormalDocuments() throws Exception {
        XMLStreamReader r = SecureXml.createStreamReader(xml("<p:a xmlns:p='urn:p'>t</p:a>"));
        r.nextTag();
        assertEquals("urn:p", r.getNamespaceURI());
        assertEquals("t", r.getElementText());
    }

    @Test
    void factoriesAreFreshAndTouchNoSystemProperty() {
        assertFalse(SecureXml.documentBuilderFactory() == SecureXml.documentBuilderFactory());
        assertEquals(null, System.getProperty("jdk.xml.maxElementDepth"));
        assertEquals(null, System.getProperty("javax.xml.accessExternalDTD"));
    }
}
