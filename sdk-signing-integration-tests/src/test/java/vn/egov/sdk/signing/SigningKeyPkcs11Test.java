package vn.egov.sdk.signing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.egov.sdk.core.Secret;
import vn.egov.sdk.core.ValidationException;

/**
 * A key on a PKCS#11 token, as officials sign with USB tokens: SoftHSM 2 (Debian's {@code softhsm2}, installed by
 * {@code .ci/run}) stands in for the token. Skipped where SoftHSM is not installed.
 */
class SigningKeyPkcs11Test {
    private static final List<Path> LIBRARIES = List.of(Path.of("/usr/lib/softhsm/libsofthsm2.so"),
            Path.of("/usr/lib/x86_64-linux-gnu/softhsm/libsofthsm2.so"));

    @Test
    void signsWithAKeyOnASoftHsmToken(@TempDir Path dir) throws Exception {
        Path library = LIBRARIES.stream().filter(Files::isReadable).findFirst().orElse(null);
        assumeTrue(library != null && tool("softhsm2-util", "--version"), "SoftHSM 2 is not installed");
        Path tokens = Files.createDirectories(dir.resolve("tokens"));
        Path softhsmConf = Files.writeString(dir.resolve("softhsm2.conf"),
                "directories.tokendir = " + tokens + "\nobjectstore.backend = file\nlog.level = ERROR\n");
        ProcessBuilder initWithConf = new ProcessBuilder("softhsm2-util", "--init-token", "--free", "--label",
                "sdk-test", "--pin", "246810", "--so-pin", "13579135").redirectErrorStream(true);
        initWithConf.environment().put("SOFTHSM2_CONF", softhsmConf.toString());
        assertEquals(0, run(initWithConf), "softhsm2-util --init-token");

        Path p11 = Files.writeString(dir.resolve("pkcs11.cfg"),
                "name = SoftHSM\nlibrary = " + library + "\nslotListIndex = 0\n");
        ProcessBuilder probe = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), Pkcs11Probe.class.getName(), p11.toString(), "246810")
                .redirectErrorStream(true);
        probe.environment().put("SOFTHSM2_CONF", softhsmConf.toString());
        Process p = probe.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "the probe finished");
        assertEquals(0, p.exitValue(), out);
        assertTrue(out.contains("SIGNED SunPKCS11-SoftHSM true"), out);
        assertTrue(out.contains("SigningKey[") && out.contains("SunPKCS11-SoftHSM]"), out);
    }

    @Test
    void aMissingConfigurationIsATypedError(@TempDir Path dir) {
        ValidationException e = assertThrows(ValidationException.class, () -> SigningKey.fromPkcs11(
                dir.resolve("absent.cfg"), Secret.of("0000"), Optional.empty()));
        assertEquals("SigningKey.pkcs11.config", e.errors().get(0).path());
    }

    private static int run(ProcessBuilder pb) throws Exception {
        Process p = pb.start();
        p.getInputStream().readAllBytes();
        return p.waitFor();
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
