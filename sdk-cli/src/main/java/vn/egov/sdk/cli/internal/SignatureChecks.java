package vn.egov.sdk.cli.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import vn.egov.sdk.signing.validation.Indication;
import vn.egov.sdk.signing.validation.RevocationStatus;
import vn.egov.sdk.signing.validation.SubIndication;
import vn.egov.sdk.signing.validation.ValidationReport;

/**
 * The checks a {@link ValidationReport} stands for, each with its status, derived from its verdict: which check a
 * sub-indication names as failed, the revocation result as found, and the checks before the failed one passed.
 */
final class SignatureChecks {
    /** The checks, in the order the SDK's verifiers make them. */
    static final List<String> ORDER = List.of("signature", "algorithms", "chain", "certificate", "revocation");

    private SignatureChecks() {
    }

    /**
     * The check a sub-indication says failed.
     *
     * @param why the sub-indication
     * @return one of {@link #ORDER}
     */
    static String failed(SubIndication why) {
        return switch (why) {
            case SIG_CRYPTO_FAILURE, HASH_FAILURE, FORMAT_FAILURE, SIGNED_DATA_NOT_FOUND -> "signature";
            case CRYPTO_CONSTRAINTS_FAILURE -> "algorithms";
            case NO_CERTIFICATE_CHAIN_FOUND, CHAIN_CONSTRAINTS_FAILURE -> "chain";
            case EXPIRED, NOT_YET_VALID, KEY_USAGE -> "certificate";
            case REVOKED, TRY_LATER, REVOCATION_UNKNOWN -> "revocation";
        };
    }

    /**
     * The check that failed, when the signature is not valid.
     *
     * @param report the report
     * @return the check, or empty for a valid signature
     */
    static Optional<String> failed(ValidationReport report) {
        if (report.isValid()) {
            return Optional.empty();
        }
        return Optional.of(report.subIndication().map(SignatureChecks::failed).orElse("signature"));
    }

    /**
     * Every check with its status: {@code passed}, {@code failed} (INVALID), {@code indeterminate}, {@code
     * not-reached} (after the failed one), and for revocation also {@code not-checked} or {@code unknown}.
     *
     * @param report the report
     * @return the checks in {@link #ORDER}
     */
    static Map<String, String> of(ValidationReport report) {
        Optional<String> failed = failed(report);
        int failedAt = failed.map(ORDER::indexOf).orElse(ORDER.size());
        Map<String, String> checks = new LinkedHashMap<>();
        for (int i = 0; i < ORDER.size(); i++) {
            String check = ORDER.get(i);
            String status;
            if (i == failedAt) {
                status = report.indication() == Indication.INVALID ? "failed" : "indeterminate";
            } else if (i > failedAt) {
                status = "not-reached";
            } else {
                status = "passed";
            }
            if (check.equals("revocation") && i != failedAt && (i < failedAt || report.revocation().status()
                    != RevocationStatus.NOT_CHECKED)) {
                status = switch (report.revocation().status()) {
                    case GOOD -> "passed";
                    case REVOKED -> "revoked-after-signing";
                    case UNKNOWN -> "unknown";
                    case NOT_CHECKED -> "not-checked";
                };
            }
            checks.put(check, status);
        }
        return checks;
    }
}
