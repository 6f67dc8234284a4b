package vn.egov.sdk.signing.internal.validation;

import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * Builds a chain from a signer certificate to one of the trusted roots, using the certificates a signature
 * carried: at each step an issuer is a certificate whose subject is the issuer name and whose key verifies the
 * signature; alternatives (key rollover, cross-certificates) are tried depth first, without loops, up to a depth.
 * Constraints (validity, basic constraints, path length, algorithms) are checked afterwards by PKIX.
 */
public final class ChainBuilder {
    private final List<X509Certificate> anchors;
    private final List<X509Certificate> candidates;
    private final int maxDepth;

    /**
     * @param anchors the trusted roots
     * @param candidates the certificates the signature carried
     * @param maxDepth the most certificates in a chain, anchor included
     */
    public ChainBuilder(Collection<X509Certificate> anchors, Collection<X509Certificate> candidates, int maxDepth) {
        this.anchors = List.copyOf(anchors);
        this.candidates = candidates.stream().limit(64).toList();
        this.maxDepth = maxDepth;
    }

    /** The chain, signer first and the trusted root last, when one exists. */
    public Optional<List<X509Certificate>> build(X509Certificate signer) {
        List<X509Certificate> path = new ArrayList<>();
        path.add(signer);
        return search(path) ? Optional.of(List.copyOf(path)) : Optional.empty();
    }

    private boolean search(List<X509Certificate> path) {
        X509Certificate current = path.get(path.size() - 1);
        for (X509Certificate anchor : anchors) {
            if (anchor.equals(current)) {
                return true;
            }
        }
        for (X509Certificate anchor : anchors) {
            if (issued(anchor, current)) {
                path.add(anchor);
                return true;
            }
        }
        if (path.size() + 1 >= maxDepth) {
            return false;
        }
        for (X509Certificate c : candidates) {
            if (!path.contains(c) && issued(c, current)) {
                path.add(c);
                if (search(path)) {
                    return true;
                }
                path.remove(path.size() - 1);
            }
        }
        return false;
    }

    private static boolean issued(X509Certificate issuer, X509Certificate subject) {
        if (!issuer.getSubjectX500Principal().equals(subject.getIssuerX500Principal())) {
            return false;
        }
        try {
            subject.verify(issuer.getPublicKey());
            return true;
        } catch (Exception e) {
            return false;
        }
    }
}
