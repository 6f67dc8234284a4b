package vn.egov.sdk.edxml;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** Every conformance sample survives read → write → read unchanged, and writing is stable. */
class EdXmlRoundTripConformanceTest {
    @Test
    void readWriteReadGivesAnEqualPackageForEverySample() throws Exception {
        for (Path f : Conformance.edxmlFiles()) {
            try (InputStream in = Files.newInputStream(f); EdXmlPackage first = EdXml.read(in)) {
                byte[] written = write(first);
                try (EdXmlPackage second = EdXml.read(new ByteArrayInputStream(written))) {
                    assertEquals(first, second, f.getFileName().toString());
                    assertArrayEquals(written, write(second), "writing again gives the same bytes: " + f);
                }
            }
        }
    }

    private static byte[] write(EdXmlPackage pkg) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        EdXml.write(pkg, out);
        return out.toByteArray();
    }
}
