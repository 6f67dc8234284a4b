package vn.egov.sdk.signing.internal.validation;

import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Weak algorithms in a chain: certificates signed with MD2/MD5 or SHA-1 (the trust anchor's own self-signature
 * excepted: it is trusted by configuration, not by its signature), RSA keys under 2048 bits, EC keys under 256.
 */
public final class WeakAlgorithms {
    /** The findings of one chain. */
    public record Findings(List<String> broken, List<String> sha1) {
        /** Whether nothing was found. */
        public boolean none() {
            return broken.isEmpty() && sha1.isEmpty();
        }
    }

    private WeakAlgorithms() {
    }

    /** Examines a chain, signer first, trust anchor last. */
    public static Findings examine(List<X509Certificate> chain) {
        List<String> broken = new ArrayList<>();
        List<String> sha1 = new ArrayList<>();
        for (int i = 0; i < chain.size(); i++) {
            X509Certificate c = chain.get(i);
            String who = (i == 0 ? "the signer's certificate " : i == chain.size() - 1 ? "the root " : "the CA ")
                    + c.getSubjectX500Principal().getName();
            if (c.getPublicKey() instanceof RSAPublicKey rsa && rsa.getModulus().bitLength() < 2048) {
                broken.add(who + " has a " + rsa.getModulus().bitLength() + "-bit RSA key (under 2048)");
            }
            if (c.getPublicKey() instanceof ECPublicKey ec && ec.getParams().getOrder().bitLength() < 256) {
                broken.add(who + " has a " + ec.getParams().getOrder().bitLength() + "-bit EC key (under 256)");
            }
            if (i == chain.size() - 1 && chain.size() > 1) {
                continue;
            }
            String alg = c.getSigAlgName().toUpperCase(Locale.ROOT);
            if (alg.contains("MD5") || alg.contains("MD2")) {
                broken.add(who + " is signed with " + c.getSigAlgName());
            } else if (alg.contains("SHA1") || alg.contains("SHA-1")) {
                sha1.add(who + " is signed with " + c.getSigAlgName());
            }
        }
        return new Findings(List.copyOf(broken), List.copyOf(sha1));
    }
}
