package vn.egov.sdk.signing.validation;

import java.io.InputStream;
import java.nio.file.Path;
import java.security.cert.TrustAnchor;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import vn.egov.sdk.core.ValidationException;
import vn.egov.sdk.core.http.HttpRuntime;
import vn.egov.sdk.signing.internal.validation.Fingerprints;

/**
 * The root certificates a validator trusts: pinned Vietnamese roots admitted by {@link TrustAnchorLoader}, and
 * certificates the vendor trusts explicitly (a private PKI, a test root). Immutable; build with {@link #builder()}.
 *
 * <pre>{@code
 * TrustStore trust = TrustStore.builder()
 *         .pinned(VietnamTrustAnchors.VGCA_ROOT_2010, Path.of("trust/vgca-root-ca-2010.cer"))
 *         .pinned(VietnamTrustAnchors.NEAC_ROOT, Path.of("trust/vnrca256.p7b"))
 *         .build();
 * }</pre>
 */
public final class TrustStore {
    private final Map<String, Entry> anchors;

    /** One trusted root and why it is trusted. */
    private record Entry(X509Certificate certificate, String name) {
    }

    private TrustStore(Map<String, Entry> anchors) {
        this.anchors = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(anchors));
    }

    /**
     * A new, empty builder.
     *
     * @return a builder holding no root yet
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * The trusted root certificates, in the order added.
     *
     * @return an unmodifiable list of the trusted roots, in the order added
     */
    public List<X509Certificate> certificates() {
        return anchors.values().stream().map(Entry::certificate).toList();
    }

    /**
     * The roots as JDK PKIX trust anchors.
     *
     * @return an unmodifiable set with one trust anchor per root, without name constraints
     */
    public Set<TrustAnchor> trustAnchors() {
        return anchors.values().stream().map(e -> new TrustAnchor(e.certificate(), null))
                .collect(Collectors.toUnmodifiableSet());
    }

    /**
     * Whether this exact certificate (same DER encoding) is a trusted root.
     *
     * @param certificate the certificate to look for
     * @return {@code true} if a root with the same DER encoding was added
     */
    public boolean contains(X509Certificate certificate) {
        return anchors.containsKey(Fingerprints.sha256(certificate));
    }

    /**
     * The name a trusted root was added under (the pin's name, or its subject for explicit ones).
     *
     * @param certificate a trusted root
     * @return the name it was added under, or empty when it is not a trusted root
     */
    public Optional<String> nameOf(X509Certificate certificate) {
        return Optional.ofNullable(anchors.get(Fingerprints.sha256(certificate))).map(Entry::name);
    }

    /**
     * How many roots are trusted.
     *
     * @return the number of distinct trusted roots
     */
    public int size() {
        return anchors.size();
    }

    @Override
    public String toString() {
        return "TrustStore" + anchors.values().stream().map(Entry::name).toList();
    }

    /** Builds a {@link TrustStore}. Not thread-safe. */
    public static final class Builder {
        private final Map<String, Entry> anchors = new LinkedHashMap<>();

        private Builder() {
        }

        /**
         * Trusts a pinned root loaded from a file, admitted only if it matches the pin.
         *
         * @param anchor the pin the certificate must match
         * @param file the certificate file, as {@link TrustAnchorLoader#load(PinnedAnchor, Path)} reads it
         * @return this builder
         * @throws TrustAnchorException if it does not
         */
        public Builder pinned(PinnedAnchor anchor, Path file) {
            return add(TrustAnchorLoader.load(anchor, file), anchor.name());
        }

        /**
         * Trusts a pinned root read from a stream (not closed), admitted only if it matches the pin.
         *
         * @param anchor the pin the certificate must match
         * @param in the certificate bytes, as {@link TrustAnchorLoader#load(PinnedAnchor, InputStream)} reads them
         * @return this builder
         * @throws TrustAnchorException if it does not
         */
        public Builder pinned(PinnedAnchor anchor, InputStream in) {
            return add(TrustAnchorLoader.load(anchor, in), anchor.name());
        }

        /**
         * Trusts a pinned root downloaded from its official address, admitted only if it matches the pin.
         *
         * @param anchor the pin to download and match
         * @param http the runtime to download with
         * @return this builder
         * @throws TrustAnchorException if the download fails or does not match
         */
        public Builder fetched(PinnedAnchor anchor, HttpRuntime http) {
            return add(TrustAnchorLoader.fetch(anchor, http), anchor.name());
        }

        /**
         * Trusts a certificate explicitly, without a pin: the vendor vouches for it (a private root, the test
         * PKI's root in tests).
         *
         * @param certificate the root to trust; required
         * @return this builder
         */
        public Builder trust(X509Certificate certificate) {
            if (certificate == null) {
                throw ValidationException.of("trust.certificate", "TrustStore.trust", "certificate is required");
            }
            return add(certificate, certificate.getSubjectX500Principal().getName());
        }

        /**
         * Trusts several certificates explicitly, as {@link #trust(X509Certificate)}.
         *
         * @param certificates the roots to trust; none may be null
         * @return this builder
         */
        public Builder trustAll(Collection<X509Certificate> certificates) {
            ValidationException.requireNonNull(certificates, "TrustStore.trustAll");
            ValidationException.requireElements(new ArrayList<>(certificates), "TrustStore.trustAll").forEach(this::trust);
            return this;
        }

        private Builder add(X509Certificate certificate, String name) {
            anchors.putIfAbsent(Fingerprints.sha256(ValidationException.requireNonNull(certificate, "TrustStore.certificate")), new Entry(certificate, name));
            return this;
        }

        /**
         * Builds the store.
         *
         * @return an immutable store of the roots added
         * @throws ValidationException when no root was added (nothing would ever validate)
         */
        public TrustStore build() {
            if (anchors.isEmpty()) {
                throw ValidationException.of("trust.anchors", "TrustStore.anchors",
                        "a trust store needs at least one root certificate");
            }
            return new TrustStore(anchors);
        }
    }
}
