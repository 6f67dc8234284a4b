package vn.egov.sdk.edxml;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.slf4j.LoggerFactory;

/** Locates ../shared/conformance (beside the repository); tests using it are skipped, with the reason, when absent. */
final class Conformance {
    private Conformance() {
    }

    static Path root() {
        Path repo = Paths.get(System.getProperty("egov.repo.root", ".")).toAbsolutePath().normalize();
        for (Path p = repo; p != null; p = p.getParent()) {
            Path candidate = p.resolveSibling("shared").resolve("conformance");
            if (Files.isDirectory(candidate)) {
                return candidate;
            }
        }
        String why = "folder ../shared/conformance (beside " + repo + ") missing: conformance test skipped";
        LoggerFactory.getLogger(Conformance.class).warn(why);
        Assumptions.abort(why);
        return null;
    }

    static Path edxmlSamples() {
        return root().resolve("edxml").resolve("vnpt-sdk-samples");
    }

    static List<Path> edxmlFiles() throws IOException {
        try (Stream<Path> s = Files.list(edxmlSamples())) {
            return s.filter(p -> p.toString().endsWith(".edxml")).sorted().toList();
        }
    }
}
