package vn.egov.sdk.spring.internal;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.Locale;
import org.springframework.validation.Errors;
import vn.egov.sdk.core.Secret;
import vn.egov.sdk.spring.EgovClientProperties;
import vn.egov.sdk.spring.EgovClientTimeouts;
import vn.egov.sdk.spring.EgovReceiveLoopProperties;

/**
 * The rules every {@code *Rules} class shares, each error naming the full property and the rule. A field is the
 * bound object's path ({@code receive.stopTimeout}); the property named in a message is the prefix followed by
 * the field in kebab case ({@code egov.axis.receive.stop-timeout}).
 */
public final class PropertyRules {
    private final Errors errors;
    private final String prefix;
    private final String codePrefix;

    private PropertyRules(Errors errors, String prefix, String codePrefix) {
        this.errors = errors;
        this.prefix = prefix;
        this.codePrefix = codePrefix;
    }

    /**
     * Rules whose errors carry codes {@code egov.<rule>}.
     *
     * @param errors where broken rules go
     * @param prefix the properties' prefix with its trailing dot, e.g. {@code egov.lgsp.}
     * @return the rules
     */
    public static PropertyRules of(Errors errors, String prefix) {
        return new PropertyRules(errors, prefix, "egov.");
    }

    /**
     * Rules whose errors carry codes {@code <codePrefix><rule>}.
     *
     * @param errors where broken rules go
     * @param prefix the properties' prefix with its trailing dot
     * @param codePrefix the error codes' prefix, e.g. {@code egov.sso.}
     * @return the rules
     */
    public static PropertyRules of(Errors errors, String prefix, String codePrefix) {
        return new PropertyRules(errors, prefix, codePrefix);
    }

    /**
     * The full property name of a field.
     *
     * @param field the field path, e.g. {@code smartca.spPassword}
     * @return the property, e.g. {@code egov.signing.smartca.sp-password}
     */
    public String property(String field) {
        return prefix + kebab(field);
    }

    /**
     * Rejects a field.
     *
     * @param field the field path
     * @param rule the rule's code (without the code prefix)
     * @param message the message, naming the property and the rule
     */
    public void reject(String field, String rule, String message) {
        errors.rejectValue(field, codePrefix + rule, message);
    }

    /**
     * A client section's rules: its URL, when set, is an absolute http(s) URL; its timeouts, when set, positive.
     *
     * @param section the section's field path, or {@code ""} when the section is the bound object
     * @param client the section
     */
    public void client(String section, EgovClientProperties client) {
        url(join(section, "url"), client.getUrl());
        timeouts(section, client);
    }

    /**
     * A client's timeouts, when set, are positive.
     *
     * @param section the section's field path, or {@code ""} when the section is the bound object
     * @param timeouts the timeouts
     */
    public void timeouts(String section, EgovClientTimeouts timeouts) {
        positive(join(section, "connectTimeout"), timeouts.getConnectTimeout());
        positive(join(section, "readTimeout"), timeouts.getReadTimeout());
        positive(join(section, "deadline"), timeouts.getDeadline());
    }

    /**
     * A receive loop's rules: its interval is set and positive, its stop timeout and attempt budget 0 or more.
     *
     * @param section the loop's field path, e.g. {@code axis.receive}
     * @param loop the loop's settings
     */
    public void receiveLoop(String section, EgovReceiveLoopProperties loop) {
        required(section + ".interval", loop.getInterval());
        notNegative(section + ".stopTimeout", loop.getStopTimeout());
        notNegative(section + ".maxAttempts", loop.getMaxAttempts());
    }

    /**
     * A URL, when set, is an absolute {@code http} or {@code https} URL.
     *
     * @param field the field path
     * @param value the value, or {@code null}
     */
    public void url(String field, String value) {
        if (value != null && !isHttpUrl(value)) {
            reject(field, "url", property(field) + " must be an absolute http or https URL (got '" + value + "')");
        }
    }

    /**
     * A duration, when set, is positive.
     *
     * @param field the field path
     * @param value the value, or {@code null}
     */
    public void positive(String field, Duration value) {
        if (value != null && (value.isZero() || value.isNegative())) {
            reject(field, "positive", property(field) + " must be positive (got " + value + ")");
        }
    }

    /**
     * A duration is set and positive.
     *
     * @param field the field path
     * @param value the value, or {@code null}
     */
    public void required(String field, Duration value) {
        if (value == null) {
            reject(field, "required", property(field) + " is required");
        } else {
            positive(field, value);
        }
    }

    /**
     * A duration is set and positive, a missing one named as not positive.
     *
     * @param field the field path
     * @param value the value, or {@code null}
     */
    public void requiredPositive(String field, Duration value) {
        if (value == null || value.isZero() || value.isNegative()) {
            reject(field, "positive", property(field) + " must be positive (got " + value + ")");
        }
    }

    /**
     * A duration is set and 0 or more.
     *
     * @param field the field path
     * @param value the value, or {@code null}
     */
    public void notNegative(String field, Duration value) {
        if (value == null || value.isNegative()) {
            reject(field, "range", property(field) + " must be 0 or more (got " + value + ")");
        }
    }

    /**
     * A count is 0 or more.
     *
     * @param field the field path
     * @param value the value
     */
    public void notNegative(String field, long value) {
        if (value < 0) {
            reject(field, "range", property(field) + " must be 0 or more (got " + value + ")");
        }
    }

    /**
     * A text is given (not blank) because another property is set.
     *
     * @param field the field path
     * @param value the value, or {@code null}
     * @param trigger the full name of the property whose being set requires this one
     */
    public void requiredWhen(String field, String value, String trigger) {
        if (value == null || value.isBlank()) {
            reject(field, "required", property(field) + " is required when " + trigger + " is set");
        }
    }

    /**
     * A secret is given (not empty) because another property is set; the message names the environment variable
     * to bind it from.
     *
     * @param field the field path
     * @param value the value, or {@code null}
     * @param trigger the full name of the property whose being set requires this one
     * @param variable the environment variable the secret binds from
     */
    public void requiredWhen(String field, Secret value, String trigger, String variable) {
        if (value == null || value.reveal().isEmpty()) {
            reject(field, "required", property(field) + " is required when " + trigger + " is set (bind it from "
                    + variable + ")");
        }
    }

    /**
     * Whether a text is an absolute {@code http} or {@code https} URL with a host.
     *
     * @param text the text
     * @return {@code true} when it is
     */
    public static boolean isHttpUrl(String text) {
        try {
            URI uri = new URI(text);
            String scheme = uri.getScheme();
            return uri.isAbsolute() && uri.getHost() != null
                    && ("http".equalsIgnoreCase(scheme) || "https".equalsIgnoreCase(scheme));
        } catch (URISyntaxException e) {
            return false;
        }
    }

    /**
     * A field path in kebab case, the way properties are named.
     *
     * @param field e.g. {@code receive.stopTimeout}
     * @return e.g. {@code receive.stop-timeout}
     */
    public static String kebab(String field) {
        StringBuilder out = new StringBuilder(field.length() + 4);
        for (int i = 0; i < field.length(); i++) {
            char c = field.charAt(i);
            if (Character.isUpperCase(c)) {
                out.append('-').append(Character.toLowerCase(c));
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    /**
     * The environment variable a property binds from in the form Boot's relaxed binding reads.
     *
     * @param property e.g. {@code egov.payment.dvcqg.hash-key}
     * @return e.g. {@code EGOV_PAYMENT_DVCQG_HASH_KEY}
     */
    public static String variable(String property) {
        return property.replace('.', '_').replace('-', '_').toUpperCase(Locale.ROOT);
    }

    private static String join(String section, String field) {
        return section.isEmpty() ? field : section + "." + field;
    }
}
