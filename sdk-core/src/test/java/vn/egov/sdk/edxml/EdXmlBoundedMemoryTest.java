package vn.egov.sdk.edxml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Paths;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Every input, however hostile, is answered with a package or a typed error in a JVM with a 64 MB heap: each case
 * runs {@link HostileInputMain} in a child JVM with {@code -Xmx64m} and reads the package it generates on the fly
 * with the default options. The cases are the outside suite's findings: headers of millions of empty elements,
 * elements with attributes or {@code To} entries, elements that each stay within the text budget, 65 MB texts,
 * deep nesting, thousands of namespace declarations with tens of thousands of attachments, hundreds of 1 MiB
 * attachments held in memory; and large legitimate packages that must still be read.
 */
class EdXmlBoundedMemoryTest {
    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "emptyHeaderElements, REFUSED, maxElements",
        "elementsWithAttributes, REFUSED, maxElements",
        "toEntries, REFUSED, maxElements",
        "elementsWithinTheTextBudget, REFUSED, maxElements",
        "deepNesting, REFUSED, maxDepth",
        "hugeHeaderText, REFUSED, maxTextChars",
        "hugeAttributeValue, REFUSED, maxTextChars",
        "hugeComment, REFUSED, maxTextChars",
        "hugeAttachmentDescription, REFUSED, Description",
        "namespaceFlood, REFUSED, maxAttributesPerElement",
        "tinyAttachments, REFUSED, maxAttachments",
        "twoGigabyteAttachment, REFUSED, maxAttachmentBytes",
        "manyMegabyteAttachments, ACCEPTED, 400 attachment(s)",
        "largeAttachment, ACCEPTED, 1 attachment(s)",
        "largeAttachmentUtf16, ACCEPTED, 1 attachment(s)",
    })
    void answeredInA64MegabyteHeap(String name, String outcome, String detail) throws Exception {
        String java = Paths.get(System.getProperty("java.home"), "bin", "java").toString();
        Process p = new ProcessBuilder(java, "-Xmx64m", "-XX:+UseSerialGC", "-cp",
                System.getProperty("java.class.path"), HostileInputMain.class.getName(), name)
                .redirectErrorStream(true).start();
        boolean ended = p.waitFor(120, TimeUnit.SECONDS);
        if (!ended) {
            p.destroyForcibly();
        }
        String out;
        try (InputStream in = p.getInputStream()) {
            out = new String(in.readAllBytes(), StandardCharsets.UTF_8).strip();
        }
        assertTrue(ended, name + " did not finish: " + out);
        assertEquals(0, p.exitValue(), name + ": " + out);
        assertTrue(out.startsWith(outcome), name + ": " + out);
        assertTrue(out.contains(detail), name + ": " + out);
    }
}
