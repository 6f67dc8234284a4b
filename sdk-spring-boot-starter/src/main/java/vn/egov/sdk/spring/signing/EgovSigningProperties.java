package vn.egov.sdk.spring.signing;

import vn.egov.sdk.spring.EgovClientProperties;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.Errors;
import org.springframework.validation.Validator;
import vn.egov.sdk.core.Secret;
import vn.egov.sdk.signing.validation.RevocationPolicy;
import vn.egov.sdk.spring.signing.internal.EgovSigningRules;

/**
 * Signatures and trust under {@code egov.signing.*}: the signing key (exactly one of {@code pkcs12}, {@code pem},
 * {@code pkcs11}), the trust anchors signatures are validated against ({@code trust}) and VNPT SmartCA remote
 * signing ({@code smartca}).
 *
 * <p>The properties validate themselves when bound: a missing file, a secret not given, two kinds of key at once
 * stop the start-up with a message naming the property and the rule, e.g.
 * {@code egov.signing.pkcs12.password is required when egov.signing.pkcs12.path is set}. Passwords and PINs are
 * {@link Secret}s (bind them from the environment, e.g. {@code EGOV_SIGNING_PKCS12_PASSWORD}) and
 * {@link #toString()} never shows them.
 */
@ConfigurationProperties(prefix = "egov.signing")
public class EgovSigningProperties implements Validator {
    private final Pkcs12 pkcs12 = new Pkcs12();
    private final Pem pem = new Pem();
    private final Pkcs11 pkcs11 = new Pkcs11();
    private final Trust trust = new Trust();
    private final SmartCa smartca = new SmartCa();
    private final Axis axis = new Axis();

    /** Creates the properties with their defaults (nothing configured). */
    public EgovSigningProperties() {
        // bound by Spring Boot
    }

    /**
     * The signing key from a PKCS#12 file.
     *
     * @return the settings, never {@code null}
     */
    public Pkcs12 getPkcs12() {
        return pkcs12;
    }

    /**
     * The signing key from PEM files.
     *
     * @return the settings, never {@code null}
     */
    public Pem getPem() {
        return pem;
    }

    /**
     * The signing key on a PKCS#11 token.
     *
     * @return the settings, never {@code null}
     */
    public Pkcs11 getPkcs11() {
        return pkcs11;
    }

    /**
     * The trust anchors and revocation checking.
     *
     * @return the settings, never {@code null}
     */
    public Trust getTrust() {
        return trust;
    }

    /**
     * VNPT SmartCA remote signing.
     *
     * @return the settings, never {@code null}
     */
    public SmartCa getSmartca() {
        return smartca;
    }

    /**
     * Whether the axis client signs and verifies with these keys and roots.
     *
     * @return the settings, never {@code null}
     */
    public Axis getAxis() {
        return axis;
    }

    @Override
    public boolean supports(Class<?> clazz) {
        return EgovSigningProperties.class.isAssignableFrom(clazz);
    }

    @Override
    public void validate(Object target, Errors errors) {
        EgovSigningRules.check((EgovSigningProperties) target, errors);
    }

    @Override
    public String toString() {
        return "EgovSigningProperties[pkcs12=" + pkcs12 + ", pem=" + pem + ", pkcs11=" + pkcs11 + ", trust=" + trust
                + ", smartca=" + smartca + ", axis=" + axis + "]";
    }

    private static String redacted(Secret secret) {
        return secret == null ? "unset" : "***";
    }

    /** The signing key from a PKCS#12 file ({@code .p12} / {@code .pfx}, as certification services issue them). */
    public static class Pkcs12 {
        /** The PKCS#12 file (.p12 / .pfx) holding the signing key and its certificate chain. */
        private Path path;
        /** The PKCS#12 file's password; bind it from the environment (EGOV_SIGNING_PKCS12_PASSWORD). */
        private Secret password;
        /** The key entry to use; the first key entry of the file when unset. */
        private String alias;

        /** Creates the settings with their defaults. */
        public Pkcs12() {
            // bound by Spring Boot
        }

        /**
         * The PKCS#12 file.
         *
         * @return the file, or {@code null} when no PKCS#12 key is configured
         */
        public Path getPath() {
            return path;
        }

        /**
         * Sets the PKCS#12 file.
         *
         * @param path the file
         */
        public void setPath(Path path) {
            this.path = path;
        }

        /**
         * The file's password.
         *
         * @return the password, or {@code null}
         */
        public Secret getPassword() {
            return password;
        }

        /**
         * Sets the file's password (bound from text).
         *
         * @param password the password
         */
        public void setPassword(Secret password) {
            this.password = password;
        }

        /**
         * The key entry's alias.
         *
         * @return the alias, or {@code null} for the first key entry
         */
        public String getAlias() {
            return alias;
        }

        /**
         * Sets the key entry's alias.
         *
         * @param alias the alias
         */
        public void setAlias(String alias) {
            this.alias = alias;
        }

        @Override
        public String toString() {
            return "Pkcs12[path=" + path + ", password=" + redacted(password) + ", alias=" + alias + "]";
        }
    }

    /** The signing key from PEM files: the private key, and the certificates (signer first). */
    public static class Pem {
        /** The PEM file of the private key (PRIVATE KEY, ENCRYPTED PRIVATE KEY, RSA or EC PRIVATE KEY). */
        private Path key;
        /** The PEM file of the certificates, signer first, then its intermediates (may be the key's file). */
        private Path chain;
        /** The private key's password, only when it is encrypted; bind it from EGOV_SIGNING_PEM_PASSWORD. */
        private Secret password;

        /** Creates the settings with their defaults. */
        public Pem() {
            // bound by Spring Boot
        }

        /**
         * The private key's PEM file.
         *
         * @return the file, or {@code null} when no PEM key is configured
         */
        public Path getKey() {
            return key;
        }

        /**
         * Sets the private key's PEM file.
         *
         * @param key the file
         */
        public void setKey(Path key) {
            this.key = key;
        }

        /**
         * The certificates' PEM file.
         *
         * @return the file, or {@code null}
         */
        public Path getChain() {
            return chain;
        }

        /**
         * Sets the certificates' PEM file.
         *
         * @param chain the file, signer first
         */
        public void setChain(Path chain) {
            this.chain = chain;
        }

        /**
         * The private key's password.
         *
         * @return the password, or {@code null} for an unencrypted key
         */
        public Secret getPassword() {
            return password;
        }

        /**
         * Sets the private key's password (bound from text).
         *
         * @param password the password
         */
        public void setPassword(Secret password) {
            this.password = password;
        }

        @Override
        public String toString() {
            return "Pem[key=" + key + ", chain=" + chain + ", password=" + redacted(password) + "]";
        }
    }

    /**
     * The signing key on a PKCS#11 token (a USB token, a smart card, an HSM), through the JDK's SunPKCS11 as a
     * private provider instance: either a SunPKCS11 configuration file, or the token maker's library and a slot.
     */
    public static class Pkcs11 {
        /** A SunPKCS11 configuration file naming the token's library (instead of library and slot). */
        private Path config;
        /** The token maker's PKCS#11 library (.so / .dll), instead of a configuration file. */
        private Path library;
        /** With library: the token's index in the library's slot list (SunPKCS11 slotListIndex), 0 when unset. */
        private Integer slot;
        /** The token's user PIN; bind it from the environment (EGOV_SIGNING_PKCS11_PIN). */
        private Secret pin;
        /** The key entry on the token; the first key entry when unset. */
        private String alias;

        /** Creates the settings with their defaults. */
        public Pkcs11() {
            // bound by Spring Boot
        }

        /**
         * The SunPKCS11 configuration file.
         *
         * @return the file, or {@code null}
         */
        public Path getConfig() {
            return config;
        }

        /**
         * Sets the SunPKCS11 configuration file.
         *
         * @param config the file
         */
        public void setConfig(Path config) {
            this.config = config;
        }

        /**
         * The token maker's PKCS#11 library.
         *
         * @return the library, or {@code null}
         */
        public Path getLibrary() {
            return library;
        }

        /**
         * Sets the token maker's PKCS#11 library.
         *
         * @param library the shared library file
         */
        public void setLibrary(Path library) {
            this.library = library;
        }

        /**
         * The token's index in the slot list.
         *
         * @return the index, or {@code null} for the first slot
         */
        public Integer getSlot() {
            return slot;
        }

        /**
         * Sets the token's index in the slot list.
         *
         * @param slot 0 or more
         */
        public void setSlot(Integer slot) {
            this.slot = slot;
        }

        /**
         * The token's user PIN.
         *
         * @return the PIN, or {@code null}
         */
        public Secret getPin() {
            return pin;
        }

        /**
         * Sets the token's user PIN (bound from text).
         *
         * @param pin the PIN
         */
        public void setPin(Secret pin) {
            this.pin = pin;
        }

        /**
         * The key entry's alias.
         *
         * @return the alias, or {@code null} for the first key entry
         */
        public String getAlias() {
            return alias;
        }

        /**
         * Sets the key entry's alias.
         *
         * @param alias the alias
         */
        public void setAlias(String alias) {
            this.alias = alias;
        }

        @Override
        public String toString() {
            return "Pkcs11[config=" + config + ", library=" + library + ", slot=" + slot + ", pin=" + redacted(pin)
                    + ", alias=" + alias + "]";
        }
    }

    /**
     * The roots signatures are validated against, and how revocation is checked. The pinned Vietnamese roots
     * (VGCA, NEAC) are admitted from the vendor's copies only if each matches its pin; other roots are trusted as
     * the vendor vouches for them.
     */
    public static class Trust {
        /** Copies of the pinned Vietnamese roots (DER, PEM or PKCS#7); each must match one of the SDK's pins. */
        private List<Path> pinnedRoots = new ArrayList<>();
        /** Further root certificates trusted as they are, without a pin (DER, PEM or PKCS#7 files). */
        private List<Path> certificates = new ArrayList<>();
        private final Keystore keystore = new Keystore();
        /** What to do when a certificate's revocation status cannot be obtained (OCSP first, then the CRL). */
        private RevocationPolicy revocation = RevocationPolicy.HARD_FAIL;
        /** Whether certificates signed with SHA-1 are accepted (older VGCA chains are). */
        private boolean acceptSha1Certificates;

        /** Creates the settings with their defaults. */
        public Trust() {
            // bound by Spring Boot
        }

        /**
         * The copies of the pinned Vietnamese roots.
         *
         * @return the files, never {@code null}
         */
        public List<Path> getPinnedRoots() {
            return pinnedRoots;
        }

        /**
         * Sets the copies of the pinned Vietnamese roots.
         *
         * @param pinnedRoots the files
         */
        public void setPinnedRoots(List<Path> pinnedRoots) {
            this.pinnedRoots = pinnedRoots == null ? new ArrayList<>() : pinnedRoots;
        }

        /**
         * The further roots trusted without a pin.
         *
         * @return the files, never {@code null}
         */
        public List<Path> getCertificates() {
            return certificates;
        }

        /**
         * Sets the further roots trusted without a pin.
         *
         * @param certificates the files
         */
        public void setCertificates(List<Path> certificates) {
            this.certificates = certificates == null ? new ArrayList<>() : certificates;
        }

        /**
         * A key store of trusted roots.
         *
         * @return the settings, never {@code null}
         */
        public Keystore getKeystore() {
            return keystore;
        }

        /**
         * The revocation policy.
         *
         * @return the policy (default {@link RevocationPolicy#HARD_FAIL})
         */
        public RevocationPolicy getRevocation() {
            return revocation;
        }

        /**
         * Sets the revocation policy.
         *
         * @param revocation the policy
         */
        public void setRevocation(RevocationPolicy revocation) {
            this.revocation = revocation;
        }

        /**
         * Whether SHA-1 certificates are accepted.
         *
         * @return {@code true} when accepted (default {@code false})
         */
        public boolean isAcceptSha1Certificates() {
            return acceptSha1Certificates;
        }

        /**
         * Sets whether SHA-1 certificates are accepted.
         *
         * @param acceptSha1Certificates {@code true} to accept them
         */
        public void setAcceptSha1Certificates(boolean acceptSha1Certificates) {
            this.acceptSha1Certificates = acceptSha1Certificates;
        }

        /**
         * Whether any root is configured.
         *
         * @return {@code true} when a pinned root, a certificate or a key store is given
         */
        public boolean isConfigured() {
            return !pinnedRoots.isEmpty() || !certificates.isEmpty() || keystore.getPath() != null;
        }

        @Override
        public String toString() {
            return "Trust[pinnedRoots=" + pinnedRoots + ", certificates=" + certificates + ", keystore=" + keystore
                    + ", revocation=" + revocation + ", acceptSha1Certificates=" + acceptSha1Certificates + "]";
        }
    }

    /** A key store (PKCS#12 or JKS) whose trusted-certificate entries are trusted roots. */
    public static class Keystore {
        /** A key store file whose trusted-certificate entries are trusted as roots. */
        private Path path;
        /** The key store's password; bind it from EGOV_SIGNING_TRUST_KEYSTORE_PASSWORD. */
        private Secret password;
        /** The key store's type. */
        private String type = "PKCS12";

        /** Creates the settings with their defaults. */
        public Keystore() {
            // bound by Spring Boot
        }

        /**
         * The key store file.
         *
         * @return the file, or {@code null}
         */
        public Path getPath() {
            return path;
        }

        /**
         * Sets the key store file.
         *
         * @param path the file
         */
        public void setPath(Path path) {
            this.path = path;
        }

        /**
         * The key store's password.
         *
         * @return the password, or {@code null}
         */
        public Secret getPassword() {
            return password;
        }

        /**
         * Sets the key store's password (bound from text).
         *
         * @param password the password
         */
        public void setPassword(Secret password) {
            this.password = password;
        }

        /**
         * The key store's type.
         *
         * @return the type (default {@code PKCS12})
         */
        public String getType() {
            return type;
        }

        /**
         * Sets the key store's type.
         *
         * @param type {@code PKCS12} or {@code JKS}
         */
        public void setType(String type) {
            this.type = type;
        }

        @Override
        public String toString() {
            return "Keystore[path=" + path + ", password=" + redacted(password) + ", type=" + type + "]";
        }
    }

    /** VNPT SmartCA remote signing: the service provider's account and the signer who confirms in the app. */
    public static class SmartCa extends EgovClientProperties {
        /** The service provider's client id VNPT issued (sp_id). */
        private String spId;
        /** The service provider's client secret (sp_password); bind it from EGOV_SIGNING_SMARTCA_SPPASSWORD. */
        private Secret spPassword;
        /** The signer's SmartCA user id (the citizen id); with it, a remote signature source bean exists. */
        private String userId;
        /** The serial number (hex) of the signer's certificate to use; the first one SmartCA lists when unset. */
        private String certificateSerial;
        /** Certificates of the signer's issuing CAs (PEM or DER files), sent with each signature. */
        private List<Path> intermediates = new ArrayList<>();
        /** The pause between two looks at a signing transaction while the signer confirms it. */
        private Duration pollInterval = Duration.ofSeconds(5);
        /** How long to wait for the signer to confirm a signature in the SmartCA app. */
        private Duration confirmTimeout = Duration.ofMinutes(3);

        /** Creates the settings with their defaults. */
        public SmartCa() {
            // bound by Spring Boot
        }

        /**
         * The service provider's id.
         *
         * @return the id, or {@code null}
         */
        public String getSpId() {
            return spId;
        }

        /**
         * Sets the service provider's id.
         *
         * @param spId the {@code sp_id}
         */
        public void setSpId(String spId) {
            this.spId = spId;
        }

        /**
         * The service provider's password.
         *
         * @return the password, or {@code null}
         */
        public Secret getSpPassword() {
            return spPassword;
        }

        /**
         * Sets the service provider's password (bound from text).
         *
         * @param spPassword the {@code sp_password}
         */
        public void setSpPassword(Secret spPassword) {
            this.spPassword = spPassword;
        }

        /**
         * The signer's user id.
         *
         * @return the id, or {@code null}
         */
        public String getUserId() {
            return userId;
        }

        /**
         * Sets the signer's user id.
         *
         * @param userId the SmartCA user id
         */
        public void setUserId(String userId) {
            this.userId = userId;
        }

        /**
         * The serial number of the certificate to use.
         *
         * @return the serial (hex), or {@code null} for the first certificate
         */
        public String getCertificateSerial() {
            return certificateSerial;
        }

        /**
         * Sets the serial number of the certificate to use.
         *
         * @param certificateSerial the serial, hex
         */
        public void setCertificateSerial(String certificateSerial) {
            this.certificateSerial = certificateSerial;
        }

        /**
         * The issuing CAs' certificate files.
         *
         * @return the files, never {@code null}
         */
        public List<Path> getIntermediates() {
            return intermediates;
        }

        /**
         * Sets the issuing CAs' certificate files.
         *
         * @param intermediates the files
         */
        public void setIntermediates(List<Path> intermediates) {
            this.intermediates = intermediates == null ? new ArrayList<>() : intermediates;
        }

        /**
         * The pause between looks at a transaction.
         *
         * @return the pause (default 5 s)
         */
        public Duration getPollInterval() {
            return pollInterval;
        }

        /**
         * Sets the pause between looks at a transaction.
         *
         * @param pollInterval positive
         */
        public void setPollInterval(Duration pollInterval) {
            this.pollInterval = pollInterval;
        }

        /**
         * How long to wait for the signer's confirmation.
         *
         * @return the wait (default 3 min)
         */
        public Duration getConfirmTimeout() {
            return confirmTimeout;
        }

        /**
         * Sets how long to wait for the signer's confirmation.
         *
         * @param confirmTimeout positive
         */
        public void setConfirmTimeout(Duration confirmTimeout) {
            this.confirmTimeout = confirmTimeout;
        }

        @Override
        public String toString() {
            return "SmartCa[" + clientText() + ", spId=" + spId + ", spPassword=" + redacted(spPassword)
                    + ", userId=" + userId + ", certificateSerial=" + certificateSerial + ", intermediates="
                    + intermediates + ", pollInterval=" + pollInterval + ", confirmTimeout=" + confirmTimeout + "]";
        }
    }

    /** Whether the auto-configured axis client signs what it sends and verifies what it fetches. */
    public static class Axis {
        /** Whether the axis client signs every package it sends, when a signing key (or SmartCA signer) exists. */
        private boolean sign = true;
        /** Whether the axis client verifies every package it fetches, when trust anchors are configured. */
        private boolean verify = true;

        /** Creates the settings with their defaults. */
        public Axis() {
            // bound by Spring Boot
        }

        /**
         * Whether packages sent are signed.
         *
         * @return {@code true} (the default) to sign
         */
        public boolean isSign() {
            return sign;
        }

        /**
         * Sets whether packages sent are signed.
         *
         * @param sign {@code false} to send unsigned although a key is configured
         */
        public void setSign(boolean sign) {
            this.sign = sign;
        }

        /**
         * Whether packages fetched are verified.
         *
         * @return {@code true} (the default) to verify
         */
        public boolean isVerify() {
            return verify;
        }

        /**
         * Sets whether packages fetched are verified.
         *
         * @param verify {@code false} not to verify although trust anchors are configured
         */
        public void setVerify(boolean verify) {
            this.verify = verify;
        }

        @Override
        public String toString() {
            return "Axis[sign=" + sign + ", verify=" + verify + "]";
        }
    }
}
