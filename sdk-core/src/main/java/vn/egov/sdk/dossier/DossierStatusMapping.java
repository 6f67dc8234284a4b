package vn.egov.sdk.dossier;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import vn.egov.sdk.core.ValidationException;

/**
 * Turns a vendor's own dossier status (a String, as the one-stop-shop software stores it) into the national
 * {@link DossierStatus} sent as {@code TrangThaiHoSo} (SPI).
 *
 * <p>Two forms come with the SDK:
 * <ul>
 *   <li>{@link #byKey()}, the documented default: DVCQG's textual status keys, case-insensitive, surrounding white
 *       space ignored: {@code interoperating} 0 (and {@code posting}, mapped to 0 as integrators do), {@code receiving}
 *       1, {@code new} 2, {@code denied} 3, {@code processing} 4, {@code waiting} 5, {@code paying} 6,
 *       {@code cancelled} 7, {@code unresolved} 8, {@code releasing} 9, {@code done} 10; the national codes
 *       themselves ({@code "0"} to {@code "10"}) are accepted too.</li>
 *   <li>{@link #builder()}: a table of the vendor's own codes, for example {@code "DA_TIEP_NHAN" → NEW}, optionally
 *       falling back to another mapping for the statuses the table does not hold.</li>
 * </ul>
 * An unmapped status is a {@link ValidationException} naming it: a status squeezed into a guessed national code
 * would mislead the portal's dashboards.
 */
@FunctionalInterface
public interface DossierStatusMapping {
    /**
     * The national status of a vendor status.
     *
     * @param vendorStatus the vendor's status
     * @return the national status
     * @throws ValidationException when the status is null, blank or not mapped (the message names it)
     */
    DossierStatus map(String vendorStatus);

    /**
     * The default mapping from DVCQG's textual status keys (and the national codes 0 to 10).
     *
     * @return the mapping
     */
    static DossierStatusMapping byKey() {
        return vendorStatus -> {
            String s = require(vendorStatus);
            return DossierStatus.fromKey(s).or(() -> DossierStatus.known().stream()
                    .filter(known -> known.code().equals(s.strip())).findFirst())
                    .orElseThrow(() -> unmapped(s, "one of DVCQG's status keys (new, processing, done, …) or a code 0-10"));
        };
    }

    /**
     * A builder of a table mapping.
     *
     * @return a new builder
     */
    static Builder builder() {
        return new Builder();
    }

    private static String require(String vendorStatus) {
        if (vendorStatus == null || vendorStatus.isBlank()) {
            throw ValidationException.of("dossierStatus.vendor.blank", "vendorStatus", "give the vendor's status");
        }
        return vendorStatus;
    }

    private static ValidationException unmapped(String vendorStatus, String expected) {
        String shown = vendorStatus.length() > 60 ? vendorStatus.substring(0, 60) + "…" : vendorStatus;
        return ValidationException.of("dossierStatus.unmapped", "vendorStatus",
                "the vendor status '" + shown + "' is not mapped to a national TrangThaiHoSo: expected " + expected);
    }

    /** Builds a table {@link DossierStatusMapping}. Not thread-safe; the mapping it builds is. */
    final class Builder {
        private final Map<String, DossierStatus> table = new LinkedHashMap<>();
        private boolean ignoreCase;
        private DossierStatusMapping fallback;

        private Builder() {
        }

        /**
         * Maps one vendor status.
         *
         * @param vendorStatus the vendor's status, non-blank (compared after stripping surrounding white space)
         * @param status the national status
         * @return this builder
         * @throws ValidationException for a blank status, a null national status, or a vendor status mapped twice
         */
        public Builder map(String vendorStatus, DossierStatus status) {
            String key = require(vendorStatus).strip();
            if (status == null) {
                throw ValidationException.of("dossierStatus.national.missing", "status",
                        "give the national status of '" + key + "'");
            }
            if (table.containsKey(key)) {
                throw ValidationException.of("dossierStatus.vendor.duplicate", "vendorStatus",
                        "the vendor status '" + key + "' is mapped twice");
            }
            table.put(key, status);
            return this;
        }

        /**
         * Compares vendor statuses ignoring case (default: exact).
         *
         * @return this builder
         */
        public Builder ignoreCase() {
            this.ignoreCase = true;
            return this;
        }

        /**
         * The mapping asked for statuses the table does not hold (default none: they are refused).
         *
         * @param mapping for example {@link DossierStatusMapping#byKey()}
         * @return this builder
         * @throws ValidationException when {@code mapping} is null
         */
        public Builder fallback(DossierStatusMapping mapping) {
            this.fallback = ValidationException.requireNonNull(mapping, "fallback");
            return this;
        }

        /**
         * Builds the mapping.
         *
         * @return the mapping
         * @throws ValidationException when the table is empty and there is no fallback
         */
        public DossierStatusMapping build() {
            if (table.isEmpty() && fallback == null) {
                throw ValidationException.of("dossierStatus.table.empty", "table", "map at least one vendor status");
            }
            Map<String, DossierStatus> copy = new LinkedHashMap<>();
            table.forEach((k, v) -> copy.put(ignoreCase ? k.toLowerCase(Locale.ROOT) : k, v));
            boolean fold = ignoreCase;
            DossierStatusMapping next = fallback;
            return vendorStatus -> {
                String s = require(vendorStatus).strip();
                DossierStatus found = copy.get(fold ? s.toLowerCase(Locale.ROOT) : s);
                if (found != null) {
                    return found;
                }
                if (next != null) {
                    return next.map(vendorStatus);
                }
                throw unmapped(s, "one of " + copy.keySet());
            };
        }
    }
}
