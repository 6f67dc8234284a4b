package vn.egov.sdk.spring.signing.internal;

import java.util.List;
import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;

/** Conditions on what {@code egov.signing.*} configures (lists bound in any form: comma-separated or indexed). */
public final class SigningConditions {
    private SigningConditions() {
    }

    private static ConditionOutcome anySet(ConditionContext context, String what, String... properties) {
        Binder binder = Binder.get(context.getEnvironment());
        for (String property : properties) {
            boolean set = property.endsWith("[]")
                    ? binder.bind(property.substring(0, property.length() - 2), Bindable.listOf(String.class))
                            .map(List::isEmpty).map(empty -> !empty).orElse(false)
                    : binder.bind(property, String.class).map(v -> !v.isEmpty()).orElse(false);
            if (set) {
                return ConditionOutcome.match(what + ": " + property + " is set");
            }
        }
        return ConditionOutcome.noMatch(what + ": none of " + String.join(", ", properties) + " is set");
    }

    /** A signing key is configured ({@code pkcs12.path}, {@code pem.key}, {@code pkcs11.config} or {@code .library}). */
    public static final class KeyConfigured extends SpringBootCondition {
        /** Created by Spring. */
        public KeyConfigured() {
            // stateless
        }

        @Override
        public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
            return anySet(context, "signing key", "egov.signing.pkcs12.path", "egov.signing.pem.key",
                    "egov.signing.pkcs11.config", "egov.signing.pkcs11.library");
        }
    }

    /** A trust anchor is configured (pinned roots, certificates or a key store). */
    public static final class TrustConfigured extends SpringBootCondition {
        /** Created by Spring. */
        public TrustConfigured() {
            // stateless
        }

        @Override
        public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
            return anySet(context, "trust anchors", "egov.signing.trust.pinned-roots[]",
                    "egov.signing.trust.certificates[]", "egov.signing.trust.keystore.path");
        }
    }
}
