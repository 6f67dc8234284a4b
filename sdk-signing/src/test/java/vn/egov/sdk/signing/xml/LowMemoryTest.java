package vn.egov.sdk.signing.xml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The XML-DSig verifier and signer with the default limits in a JVM with a 64 MB heap ({@link LowMemoryMain}, run
 * once for all cases): hostile packages of tens of megabytes are answered with a report or a typed error naming the
 * limit, not an {@link OutOfMemoryError}; packages at the limits, and a package with a 100 MB attachment, are signed
 * and verify VALID. The old verifier built a DOM of the whole package and ran out of memory on each of these.
 */
class LowMemoryTest {
    private static final Map<String, String> OUTCOMES = new HashMap<>();
    private static String output;

    @BeforeAll
    static void runInA64MegabyteHeap() throws Exception {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process p = new ProcessBuilder(java.toString(), "-Xmx64m", "-cp", System.getProperty("java.class.path"),
                LowMemoryMain.class.getName()).redirectErrorStream(true).start();
        InputStream in = p.getInputStream();
        boolean ended = p.waitFor(300, TimeUnit.SECONDS);
        if (!ended) {
            p.destroyForcibly();
        }
        output = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(ended, "the child did not finish in 300 s:\n" + output);
        assertEquals(0, p.exitValue(), output);
        for (String line : output.split("\n")) {
            String[] parts = line.split("\t");
            if (parts.length == 3) {
                OUTCOMES.put(parts[0], parts[1]);
            }
        }
        System.err.println("XML-DSig in a 64 MB heap (case, outcome, ms):\n" + output);
    }

    @Test
    void hostilePackagesAreRefusedNamingTheLimitNotWithAnOutOfMemoryError() {
        refused("emptyHeaderElements", "maxElements"); // 6 million empty elements, 24 MB
        refused("elementsWithAttributes", "maxElements"); // 2 million elements with attributes, 32 MB
        refused("toEntries", "maxElements"); // 1 million To entries, 63 MB
        refused("deepNesting", "maxDepth");
        refused("namespaceDeclarationsOnRoot", "maxAttributesPerElement"); // 10,000 on the root
        refused("distinctLongNames", "maxTextChars"); // 2,000 distinct names of 1,000 characters
    }

    @Test
    void packagesAtTheLimitsAreSignedAndVerified() {
        signedAndValid("elementsWithAttributesAtTheLimit"); // 49,000 elements with 3 attributes
        signedAndValid("commentsAtTheLimit"); // 199,000 comments
        signedAndValid("processingInstructionsAtTheLimit"); // 199,000 processing instructions
        signedAndValid("textAtTheLimit"); // 1,040,000 characters of header text
    }

    @Test
    void aPackageWithA100MegabyteAttachmentIsSignedAndVerifiesValid() {
        signedAndValid("attachment100MB");
    }

    private static void refused(String name, String limit) {
        String verify = outcome(name + ".verify");
        assertTrue(verify.startsWith("INVALID/FORMAT_FAILURE ") && verify.contains("XmlLimits." + limit), verify);
        String sign = outcome(name + ".sign");
        assertTrue(sign.startsWith("ValidationException ") && sign.contains("(xmldsig.input.limit)")
                && sign.contains("XmlLimits." + limit), sign);
    }

    private static void signedAndValid(String name) {
        assertTrue(outcome(name + ".sign").startsWith("SIGNED "), outcome(name + ".sign"));
        assertTrue(outcome(name + ".verify").startsWith("VALID/"), outcome(name + ".verify"));
    }

    private static String outcome(String name) {
        String o = OUTCOMES.get(name);
        assertTrue(o != null, () -> name + " did not run:\n" + output);
        return o;
    }
}
