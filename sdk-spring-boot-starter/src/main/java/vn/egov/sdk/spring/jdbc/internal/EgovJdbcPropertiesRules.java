package vn.egov.sdk.spring.jdbc.internal;

import java.time.Duration;
import org.springframework.validation.Errors;
import vn.egov.sdk.core.ValidationException;
import vn.egov.sdk.jdbc.JdbcTables;
import vn.egov.sdk.spring.internal.PropertyRules;
import vn.egov.sdk.spring.jdbc.EgovJdbcProperties;

/** The rules of {@link EgovJdbcProperties}, each error naming the full property and the rule. */
public final class EgovJdbcPropertiesRules {
    private EgovJdbcPropertiesRules() {
    }

    /**
     * Checks the properties.
     *
     * @param p the bound properties
     * @param errors where broken rules go (field paths relative to {@code egov.jdbc})
     */
    public static void check(EgovJdbcProperties p, Errors errors) {
        PropertyRules rules = PropertyRules.of(errors, "egov.jdbc.");
        String prefix = p.getTablePrefix();
        if (prefix == null) {
            reject(errors, "tablePrefix", "required", "egov.jdbc.table-prefix is required (default egov_)");
        } else {
            try {
                new JdbcTables(prefix);
            } catch (ValidationException e) {
                reject(errors, "tablePrefix", "pattern", "egov.jdbc.table-prefix must be lower-case letters, digits"
                        + " and _, starting with a letter, at most 30 characters, optionally schema-qualified"
                        + " (vendor.egov_) (got '" + prefix + "')");
            }
        }
        String node = p.getNodeId();
        if (node != null && (node.isBlank() || node.length() > 200)) {
            reject(errors, "nodeId", "length", "egov.jdbc.node-id must be 1 to 200 characters, not blank");
        }
        rules.required("checkpointRetention", p.getCheckpointRetention());
        rules.required("dossierRetention", p.getDossierRetention());
        atLeast(errors, "receive.lease", "egov.jdbc.receive.lease", p.getReceive().getLease(), Duration.ofSeconds(1),
                "1s");
        atLeast(errors, "receive.retention", "egov.jdbc.receive.retention", p.getReceive().getRetention(),
                Duration.ofHours(1), "1h");
        EgovJdbcProperties.Relay relay = p.getRelay();
        rules.required("relay.pollInterval", relay.getPollInterval());
        rules.required("relay.lease", relay.getLease());
        rules.required("relay.retention", relay.getRetention());
        if (relay.getBatchSize() < 1 || relay.getBatchSize() > 1000) {
            reject(errors, "relay.batchSize", "range",
                    "egov.jdbc.relay.batch-size must be 1 to 1000 (got " + relay.getBatchSize() + ")");
        }
        if (relay.getMaxAttempts() < 1 || relay.getMaxAttempts() > 20) {
            reject(errors, "relay.maxAttempts", "range",
                    "egov.jdbc.relay.max-attempts must be 1 to 20 (got " + relay.getMaxAttempts() + ")");
        }
    }

    private static void atLeast(Errors errors, String field, String property, Duration value, Duration min,
            String minText) {
        if (value == null) {
            reject(errors, field, "required", property + " is required");
        } else if (value.compareTo(min) < 0) {
            reject(errors, field, "range", property + " must be at least " + minText + " (got " + value + ")");
        }
    }

    private static void reject(Errors errors, String field, String code, String message) {
        errors.rejectValue(field, "egov." + code, message);
    }
}
