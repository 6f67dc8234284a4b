package vn.egov.sdk.spring.signing.internal;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.springframework.validation.Errors;
import vn.egov.sdk.core.Secret;
import vn.egov.sdk.spring.internal.PropertyRules;
import vn.egov.sdk.spring.signing.EgovSigningProperties;

/** The rules of {@link EgovSigningProperties}, each error naming the full property and the rule. */
public final class EgovSigningRules {
    private static final String P = "egov.signing.";

    private EgovSigningRules() {
    }

    /**
     * Checks the properties.
     *
     * @param p the bound properties
     * @param errors where broken rules go (field paths relative to {@code egov.signing})
     */
    public static void check(EgovSigningProperties p, Errors errors) {
        keyKinds(p, errors);
        pkcs12(p.getPkcs12(), errors);
        pem(p.getPem(), errors);
        pkcs11(p.getPkcs11(), errors);
        trust(p.getTrust(), errors);
        smartCa(p.getSmartca(), errors);
    }

    /**
     * The kinds of signing key configured, by their property prefix.
     *
     * @param p the properties
     * @return {@code pkcs12}, {@code pem}, {@code pkcs11}: those given, in that order
     */
    public static List<String> keyKinds(EgovSigningProperties p) {
        List<String> kinds = new ArrayList<>();
        if (p.getPkcs12().getPath() != null) {
            kinds.add("pkcs12");
        }
        if (p.getPem().getKey() != null) {
            kinds.add("pem");
        }
        if (p.getPkcs11().getConfig() != null || p.getPkcs11().getLibrary() != null) {
            kinds.add("pkcs11");
        }
        return kinds;
    }

    private static void keyKinds(EgovSigningProperties p, Errors errors) {
        List<String> kinds = keyKinds(p);
        if (kinds.size() > 1) {
            reject(errors, kinds.get(1), "exclusive", "egov.signing." + String.join(", egov.signing.", kinds)
                    + " are each a signing key: give exactly one kind (pkcs12, pem or pkcs11), not " + kinds.size());
        }
    }

    private static void pkcs12(EgovSigningProperties.Pkcs12 k, Errors errors) {
        if (k.getPath() == null) {
            if (k.getPassword() != null || k.getAlias() != null) {
                reject(errors, "pkcs12.path", "required",
                        P + "pkcs12.path is required when " + P + "pkcs12.password or .alias is set");
            }
            return;
        }
        file(errors, "pkcs12.path", k.getPath());
        if (absent(k.getPassword())) {
            reject(errors, "pkcs12.password", "required", P + "pkcs12.password is required when " + P
                    + "pkcs12.path is set (bind it from EGOV_SIGNING_PKCS12_PASSWORD)");
        }
        blankAlias(errors, "pkcs12.alias", k.getAlias());
    }

    private static void pem(EgovSigningProperties.Pem k, Errors errors) {
        if (k.getKey() == null) {
            if (k.getChain() != null || k.getPassword() != null) {
                reject(errors, "pem.key", "required",
                        P + "pem.key is required when " + P + "pem.chain or .password is set");
            }
            return;
        }
        file(errors, "pem.key", k.getKey());
        if (k.getChain() == null) {
            reject(errors, "pem.chain", "required", P + "pem.chain is required when " + P + "pem.key is set "
                    + "(the certificates, signer first; it may be the key's own file)");
        } else {
            file(errors, "pem.chain", k.getChain());
        }
    }

    private static void pkcs11(EgovSigningProperties.Pkcs11 k, Errors errors) {
        if (k.getConfig() == null && k.getLibrary() == null) {
            if (k.getPin() != null || k.getAlias() != null || k.getSlot() != null) {
                reject(errors, "pkcs11.library", "required", P + "pkcs11.config or " + P
                        + "pkcs11.library is required when " + P + "pkcs11.pin, .slot or .alias is set");
            }
            return;
        }
        if (k.getConfig() != null && k.getLibrary() != null) {
            reject(errors, "pkcs11.library", "exclusive", P + "pkcs11.config and " + P
                    + "pkcs11.library are exclusive: give the SunPKCS11 configuration file, or the library and slot");
        }
        if (k.getConfig() != null) {
            file(errors, "pkcs11.config", k.getConfig());
            if (k.getSlot() != null) {
                reject(errors, "pkcs11.slot", "exclusive", P + "pkcs11.slot goes with " + P
                        + "pkcs11.library; with " + P + "pkcs11.config the slot is set in that file");
            }
        }
        if (k.getLibrary() != null) {
            file(errors, "pkcs11.library", k.getLibrary());
        }
        if (k.getSlot() != null && k.getSlot() < 0) {
            reject(errors, "pkcs11.slot", "range", P + "pkcs11.slot must be 0 or more (got " + k.getSlot() + ")");
        }
        if (absent(k.getPin())) {
            reject(errors, "pkcs11.pin", "required", P + "pkcs11.pin is required when a PKCS#11 token is "
                    + "configured (bind it from EGOV_SIGNING_PKCS11_PIN)");
        }
        blankAlias(errors, "pkcs11.alias", k.getAlias());
    }

    private static void trust(EgovSigningProperties.Trust t, Errors errors) {
        files(errors, "trust.pinnedRoots", "trust.pinned-roots", t.getPinnedRoots());
        files(errors, "trust.certificates", "trust.certificates", t.getCertificates());
        EgovSigningProperties.Keystore ks = t.getKeystore();
        if (ks.getPath() != null) {
            file(errors, "trust.keystore.path", ks.getPath());
        } else if (ks.getPassword() != null) {
            reject(errors, "trust.keystore.path", "required",
                    P + "trust.keystore.path is required when " + P + "trust.keystore.password is set");
        }
        if (ks.getType() == null || ks.getType().isBlank()) {
            reject(errors, "trust.keystore.type", "required", P + "trust.keystore.type is required (PKCS12 or JKS)");
        }
        if (t.getRevocation() == null) {
            reject(errors, "trust.revocation", "required",
                    P + "trust.revocation is required (HARD_FAIL, SOFT_FAIL or OFFLINE)");
        }
    }

    private static void smartCa(EgovSigningProperties.SmartCa s, Errors errors) {
        PropertyRules rules = PropertyRules.of(errors, P);
        rules.client("smartca", s);
        if (s.getUrl() == null) {
            if (s.getUserId() != null || s.getSpId() != null || s.getSpPassword() != null) {
                reject(errors, "smartca.url", "required",
                        P + "smartca.url is required when " + P + "smartca.sp-id, .sp-password or .user-id is set");
            }
        } else {
            rules.requiredWhen("smartca.spId", s.getSpId(), P + "smartca.url");
            if (s.getSpId() != null && s.getSpId().length() > 128) {
                rules.reject("smartca.spId", "length", P + "smartca.sp-id must be 1 to 128 characters");
            }
            rules.requiredWhen("smartca.spPassword", s.getSpPassword(), P + "smartca.url",
                    "EGOV_SIGNING_SMARTCA_SPPASSWORD");
        }
        if (s.getUserId() != null && (s.getUserId().isBlank() || s.getUserId().length() > 64)) {
            reject(errors, "smartca.userId", "length", P + "smartca.user-id must be 1 to 64 characters");
        }
        if (s.getCertificateSerial() != null && !s.getCertificateSerial().matches("[0-9A-Fa-f]{1,64}")) {
            reject(errors, "smartca.certificateSerial", "hex",
                    P + "smartca.certificate-serial must be the serial number in hexadecimal");
        }
        files(errors, "smartca.intermediates", "smartca.intermediates", s.getIntermediates());
        rules.required("smartca.pollInterval", s.getPollInterval());
        rules.required("smartca.confirmTimeout", s.getConfirmTimeout());
    }

    private static void blankAlias(Errors errors, String field, String alias) {
        if (alias != null && alias.isBlank()) {
            reject(errors, field, "blank", P + PropertyRules.kebab(field) + " must not be blank (leave it unset for the first key)");
        }
    }

    private static void files(Errors errors, String field, String property, List<Path> files) {
        for (int i = 0; i < files.size(); i++) {
            Path f = files.get(i);
            if (f == null) {
                reject(errors, field + "[" + i + "]", "required", P + property + "[" + i + "] is empty");
            } else {
                fileNamed(errors, field + "[" + i + "]", property + "[" + i + "]", f);
            }
        }
    }

    private static void file(Errors errors, String field, Path file) {
        fileNamed(errors, field, PropertyRules.kebab(field), file);
    }

    private static void fileNamed(Errors errors, String field, String property, Path file) {
        if (!Files.isRegularFile(file)) {
            reject(errors, field, "file", P + property + ": file not found (" + file + ")");
        } else if (!Files.isReadable(file)) {
            reject(errors, field, "file", P + property + ": file not readable (" + file + ")");
        }
    }

    private static boolean absent(Secret secret) {
        return secret == null || secret.reveal().isEmpty();
    }

    private static void reject(Errors errors, String field, String code, String message) {
        errors.rejectValue(field, "egov." + code, message);
    }
}
