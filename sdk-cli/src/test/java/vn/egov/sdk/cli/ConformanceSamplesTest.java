package vn.egov.sdk.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/** The real VNPT sample packages in ../shared/conformance/edxml, when that folder is beside the repository. */
class ConformanceSamplesTest {

    private static Path samples() {
        Path here = Paths.get("").toAbsolutePath().normalize();
        for (Path p = here; p != null; p = p.getParent()) {
            Path candidate = p.resolveSibling("shared").resolve("conformance").resolve("edxml")
                    .resolve("vnpt-sdk-samples");
            if (Files.isDirectory(candidate)) {
                return candidate;
            }
        }
        Assumptions.abort("folder ../shared/conformance/edxml/vnpt-sdk-samples (beside " + here
                + ") missing: conformance samples test skipped");
        return null;
    }

    @Test
    void everySampleIsInspectedAndValidatedWithoutAnUnexpectedFailure() throws IOException {
        List<Path> files;
        try (Stream<Path> s = Files.list(samples())) {
            files = s.filter(p -> p.toString().endsWith(".edxml")).sorted().toList();
        }
        assertFalse(files.isEmpty());
        for (Path file : files) {
            Run inspect = Run.egov("edxml", "inspect", file.toString());
            assertEquals(ExitCodes.OK, inspect.status(), () -> file + "\n" + inspect);
            assertTrue(inspect.out().contains("From"), () -> file + "\n" + inspect);
            Run validate = Run.egov("edxml", "validate", "--json", file.toString());
            assertTrue(validate.status() == ExitCodes.OK || validate.status() == ExitCodes.INVALID,
                    () -> file + "\n" + validate);
        }
    }
}
