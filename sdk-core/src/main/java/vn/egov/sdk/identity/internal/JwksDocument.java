package vn.egov.sdk.identity.internal;

import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyOperation;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.util.JSONObjectUtils;
import java.text.ParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.egov.sdk.core.Causes;
import vn.egov.sdk.core.internal.Redactor;

/**
 * Reads a JWK set (RFC 7517 §5) into the public signature keys an ID token may be verified with. The document must
 * be a JSON object with a {@code keys} array; a key inside it that cannot be used is left out (and logged), never
 * failing the set: one the parser refuses, a key for encryption ({@code use=enc}, or {@code key_ops} without
 * {@code verify}), a symmetric or other non-RSA/EC key, an RSA key shorter than 2048 bits. Private parts, if the
 * provider published any, are dropped.
 */
public final class JwksDocument {
    private static final Logger LOG = LoggerFactory.getLogger(JwksDocument.class);
    private static final int MIN_RSA_BITS = 2048;

    private JwksDocument() {
    }

    /**
     * The usable signature keys of a JWK set document.
     *
     * @param json the document
     * @param source names the document in log lines (its URL, or "the configured JWKS")
     * @return the usable keys, possibly none
     * @throws ParseException if the document is not a JSON object with a {@code keys} array (message safe to show)
     */
    public static JWKSet parse(String json, String source) throws ParseException {
        Map<String, Object> object;
        try {
            object = JSONObjectUtils.parse(json);
        } catch (ParseException | RuntimeException e) {
            throw new ParseException("not a JSON object (" + Redactor.printable(Causes.describe(e), 120) + ")", 0);
        }
        if (object == null) {
            throw new ParseException("not a JSON object (null)", 0);
        }
        Object keys = object.get("keys");
        if (!(keys instanceof List)) {
            throw new ParseException("a JSON object without a \"keys\" array", 0);
        }
        List<?> entries = (List<?>) keys;
        List<JWK> usable = new ArrayList<>(entries.size());
        for (int i = 0; i < entries.size(); i++) {
            JWK key = usableKey(entries.get(i), i, source);
            if (key != null) {
                usable.add(key);
            }
        }
        return new JWKSet(usable);
    }

    private static JWK usableKey(Object entry, int index, String source) {
        if (!(entry instanceof Map)) {
            skip(source, index, null, "not a JSON object");
            return null;
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> map = (Map<String, Object>) entry;
        JWK key;
        try {
            key = JWK.parse(map);
        } catch (ParseException | RuntimeException e) {
            Object kid = map.get("kid");
            skip(source, index, kid instanceof String ? (String) kid : null, "unparseable: " + Causes.describe(e));
            return null;
        }
        String why = unusable(key);
        if (why != null) {
            skip(source, index, key.getKeyID(), why);
            return null;
        }
        return key.isPrivate() ? key.toPublicJWK() : key;
    }

    private static String unusable(JWK key) {
        if (key.getKeyUse() != null && !KeyUse.SIGNATURE.equals(key.getKeyUse())) {
            return "use=" + key.getKeyUse().identifier() + ", not sig";
        }
        if (key.getKeyOperations() != null && !key.getKeyOperations().contains(KeyOperation.VERIFY)) {
            return "key_ops without verify";
        }
        if (key instanceof RSAKey) {
            return key.size() < MIN_RSA_BITS ? "RSA key of " + key.size() + " bits, below " + MIN_RSA_BITS : null;
        }
        if (key instanceof ECKey) {
            return null;
        }
        return "key type " + key.getKeyType() + " is never used for ID-token signatures";
    }

    private static void skip(String source, int index, String kid, String why) {
        LOG.warn("JWKS {}: key #{}{} ignored: {}", source, index,
                kid == null ? "" : " (kid " + Redactor.printable(kid, 64) + ")", Redactor.printable(why, 200));
    }
}
