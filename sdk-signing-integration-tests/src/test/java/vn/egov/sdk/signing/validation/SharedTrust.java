package vn.egov.sdk.signing.validation;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import org.junit.jupiter.api.Assumptions;
import org.slf4j.LoggerFactory;

/** Locates {@code ../shared/conformance/trust} beside the repository; tests using it are skipped when absent. */
final class SharedTrust {
    private SharedTrust() {
    }

    /** The real VGCA root (2010) in DER, or the test is aborted (skipped) when the shared folder is absent. */
    static Path vgcaRoot2010() {
        Path repo = Paths.get(System.getProperty("egov.repo.root", ".")).toAbsolutePath().normalize();
        for (Path p = repo; p != null; p = p.getParent()) {
            Path candidate = p.resolveSibling("shared").resolve("conformance").resolve("trust")
                    .resolve("vgca-root-ca-2010.cer");
            if (Files.isRegularFile(candidate)) {
                return candidate;
            }
        }
        String why = "folder ../shared/conformance/trust (beside " + repo + ") missing: conformance test skipped";
        LoggerFactory.getLogger(SharedTrust.class).warn(why);
        Assumptions.abort(why);
        return null;
    }
}
