package vn.egov.sdk.spring.signing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The signing key on a PKCS#11 token from {@code egov.signing.pkcs11.*}: SoftHSM 2 (Debian's {@code softhsm2},
 * installed by {@code .ci/run}) stands in for a USB token. Skipped where SoftHSM is not installed.
 */
class EgovSigningPkcs11Test {
    private static final List<Path> LIBRARIES = List.of(Path.of("/usr/lib/softhsm/libsofthsm2.so"),
            Path.of("/usr/lib/x86_64-linux-gnu/softhsm/libsofthsm2.so"));
    private static final String PIN = "246810";

    @Test
    void theStarterSignsWithAKeyOnAToken(@TempDir Path dir) throws Exception {
        Path library = LIBRARIES.stream().filter(Files::isReadable).findFirst().orElse(null);
        assumeTrue(library != null && tool("softhsm2-util", "--version"), "SoftHSM 2 is not installed");
        Path tokens = Files.createDirectories(dir.resolve("tokens"));
        Path softhsmConf = Files.writeString(dir.resolve("softhsm2.conf"),
                "directories.tokendir = " + tokens + "\nobjectstore.backend = file\nlog.level = ERROR\n");
        ProcessBuilder init = new ProcessBuilder("softhsm2-util", "--init-token", "--free", "--label", "starter",
                "--pin", PIN, "--so-pin", "13579135").redirectErrorStream(true);
        init.environment().put("SOFTHSM2_CONF", softhsmConf.toString());
        Process p = init.start();
        p.getInputStream().readAllBytes();
        assertEquals(0, p.waitFor(), "softhsm2-util --init-token");
        Path config = Files.writeString(dir.resolve("pkcs11.cfg"),
                "name = Token\nlibrary = " + library + "\nslotListIndex = 0\n");

        assertTrue(probe(softhsmConf, "setup", library, config, dir).contains("SETUP done"));
        String wrongPin = probe(softhsmConf, "wrong-pin", library, config, dir);
        assertTrue(wrongPin.contains("FAILED egov.signing.pkcs11.pin | "), wrongPin);
        assertTrue(wrongPin.contains("cannot log in to the token (wrong PIN, or token absent)"), wrongPin);
        String signed = probe(softhsmConf, "sign", library, config, dir);
        // by library and slot (the starter writes the SunPKCS11 configuration), then by the vendor's own file
        assertTrue(signed.contains("LIBRARY SunPKCS11-EgovToken VALID C=VN,L=Hà Nội,O=UBND tỉnh Thử Nghiệm,"
                + "CN=UBND tỉnh Thử Nghiệm"), signed);
        assertTrue(signed.contains("CONFIG SunPKCS11-Token VALID C=VN,L=Hà Nội,O=UBND tỉnh Thử Nghiệm,"
                + "CN=UBND tỉnh Thử Nghiệm"), signed);
        assertTrue(!signed.contains(PIN) && !wrongPin.contains(PIN), "the PIN is never printed");
    }

    private static String probe(Path softhsmConf, String mode, Path library, Path config, Path dir) throws Exception {
        ProcessBuilder pb = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), Pkcs11StarterProbe.class.getName(), mode,
                library.toString(), config.toString(), PIN, dir.toString()).redirectErrorStream(true);
        pb.environment().put("SOFTHSM2_CONF", softhsmConf.toString());
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "the probe finished");
        assertEquals(0, p.exitValue(), out);
        return out;
    }

    private static boolean tool(String... command) {
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            return p.waitFor() == 0;
        } catch (Exception e) {
            return false;
        }
    }
}
