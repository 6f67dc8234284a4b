package vn.egov.sdk.spring.signing.internal;

import org.springframework.beans.factory.ObjectProvider;
import vn.egov.sdk.core.ValidationException;
import vn.egov.sdk.signing.SignatureSource;
import vn.egov.sdk.signing.SigningKey;

/** Picks the signature source the starter's signers use: the local key first, else the one other source. */
public final class SignatureSources {
    private SignatureSources() {
    }

    /**
     * The source to sign with: the unique (or primary) {@link SigningKey} bean when there is one, else the unique
     * (or primary) {@link SignatureSource} bean (the SmartCA signer, a vendor's own).
     *
     * @param keys the key beans
     * @param sources every signature source bean
     * @return the source
     * @throws ValidationException when several sources exist and none is primary
     */
    public static SignatureSource pick(ObjectProvider<SigningKey> keys, ObjectProvider<SignatureSource> sources) {
        SigningKey key = keys.getIfUnique();
        if (key != null) {
            return key;
        }
        SignatureSource source = sources.getIfUnique();
        if (source == null) {
            throw ValidationException.of("ambiguous", "egov.signing",
                    "several SignatureSource beans and none is @Primary: mark the one the starter's signers use");
        }
        return source;
    }
}
