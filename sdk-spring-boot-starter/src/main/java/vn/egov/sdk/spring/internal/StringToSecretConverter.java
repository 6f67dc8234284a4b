package vn.egov.sdk.spring.internal;

import org.springframework.core.convert.converter.Converter;
import vn.egov.sdk.core.Secret;

/**
 * Binds {@code egov.*} secrets from text. Empty text binds to nothing (so the property's own rule, "required",
 * reports it, naming the property), and the text is never part of an error message.
 */
public final class StringToSecretConverter implements Converter<String, Secret> {
    /** Creates the converter. */
    public StringToSecretConverter() {
        // stateless
    }

    @Override
    public Secret convert(String source) {
        return source.isEmpty() ? null : Secret.of(source);
    }
}
