package vn.egov.sdk.spring.dossier.internal;

import org.springframework.validation.Errors;
import vn.egov.sdk.spring.dossier.EgovDossierProperties;
import vn.egov.sdk.spring.internal.PropertyRules;

/**
 * The rules of {@link EgovDossierProperties}, each error naming the full {@code egov.dossier.*} property and the
 * rule.
 */
public final class EgovDossierPropertiesRules {
    private static final String URL = "egov.dossier.url";

    private EgovDossierPropertiesRules() {
    }

    /**
     * Checks the properties.
     *
     * @param p the bound properties
     * @param errors where broken rules go (field paths relative to {@code egov.dossier})
     */
    public static void check(EgovDossierProperties p, Errors errors) {
        PropertyRules rules = PropertyRules.of(errors, "egov.dossier.");
        rules.client("", p);
        if (p.getUrl() != null) {
            rules.requiredWhen("username", p.getUsername(), URL);
            rules.requiredWhen("password", p.getPassword(), URL, "EGOV_DOSSIER_PASSWORD");
            rules.requiredWhen("madonvi", p.getMadonvi(), URL);
            rules.requiredWhen("dstcode", p.getDstcode(), URL);
        }
        if (p.getDstcode() != null && !p.getDstcode().chars().allMatch(ch -> ch > 0x20 && ch < 0x7f)) {
            rules.reject("dstcode", "ascii",
                    "egov.dossier.dstcode must be visible ASCII characters (it is sent as a header)");
        }
        rules.required("sessionLifetime", p.getSessionLifetime());
        EgovDossierProperties.Outbox outbox = p.getOutbox();
        if (outbox.getFile() == null || outbox.getFile().toString().isBlank()) {
            rules.reject("outbox.file", "required", "egov.dossier.outbox.file must not be empty");
        }
        rules.required("outbox.retention", outbox.getRetention());
        EgovDossierProperties.Sync sync = p.getSync();
        rules.required("sync.interval", sync.getInterval());
        rules.required("sync.maxBackoff", sync.getMaxBackoff());
        if (sync.getBatchSize() < 1 || sync.getBatchSize() > 1000) {
            rules.reject("sync.batchSize", "range",
                    "egov.dossier.sync.batch-size must be 1 to 1000 (got " + sync.getBatchSize() + ")");
        }
        rules.notNegative("sync.maxAttempts", sync.getMaxAttempts());
        rules.notNegative("sync.stopTimeout", sync.getStopTimeout());
        rules.positive("catalogue.refreshInterval", p.getCatalogue().getRefreshInterval());
    }
}
