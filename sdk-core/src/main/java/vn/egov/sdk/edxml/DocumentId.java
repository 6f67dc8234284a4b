package vn.egov.sdk.edxml;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Objects;
import java.util.Optional;
import vn.egov.sdk.core.ValidationException;
import vn.egov.sdk.edxml.internal.EdXmlDates;

/**
 * A document's identity on the axis ({@code DocumentId}): {@code <sender OrganId>,<yyyy/MM/dd>,<number>/<notation>},
 * for example {@code 000.00.00.G22,2015/09/30,7816/VPCP-TTĐT}. Lenient: any text is kept, and the parts are
 * available only when it is well formed ({@link #isWellFormed()}). Equality is by the exact value.
 */
public final class DocumentId {
    private final String value;

    private DocumentId(String value) {
        this.value = value;
    }

    /**
     * A document id as written (white space around it removed).
     *
     * @param value the id; empty when a package names none
     * @return the id
     * @throws ValidationException if {@code value} is {@code null}
     */
    public static DocumentId of(String value) {
        return new DocumentId(ValidationException.requireNonNull(value, "DocumentId.value").strip());
    }

    /**
     * The id built from its parts, as the QCVN writes it.
     *
     * @param sender the sending agency's organ id
     * @param promulgationDate the promulgation date
     * @param codeNumber số ({@code CodeNumber})
     * @param codeNotation ký hiệu ({@code CodeNotation})
     * @return {@code <sender>,<yyyy/MM/dd>,<number>/<notation>}
     * @throws ValidationException if a part is {@code null}
     */
    public static DocumentId of(OrganId sender, LocalDate promulgationDate, String codeNumber, String codeNotation) {
        ValidationException.requireNonNull(sender, "DocumentId.sender");
        ValidationException.requireNonNull(promulgationDate, "DocumentId.promulgationDate");
        ValidationException.requireNonNull(codeNumber, "DocumentId.codeNumber");
        ValidationException.requireNonNull(codeNotation, "DocumentId.codeNotation");
        return new DocumentId(sender.value() + "," + EdXmlDates.formatDate(promulgationDate) + "," + codeNumber + "/"
                + codeNotation);
    }

    /**
     * The id as written.
     *
     * @return the id text, trimmed
     */
    public String value() {
        return value;
    }

    /**
     * Whether the id is empty.
     *
     * @return {@code true} if the id text is empty
     */
    public boolean isEmpty() {
        return value.isEmpty();
    }

    /**
     * Whether the id has three comma-separated parts with a valid date in the middle.
     *
     * @return {@code true} for three parts with a valid {@code yyyy/MM/dd} date in the middle
     */
    public boolean isWellFormed() {
        return promulgationDate().isPresent() && value.split(",", -1).length == 3 && value.indexOf('/') > 0;
    }

    /**
     * The sender part, if the id has three parts.
     *
     * @return the organ id before the first comma, or empty
     */
    public Optional<OrganId> sender() {
        String[] p = value.split(",", -1);
        return p.length == 3 ? Optional.of(OrganId.of(p[0])) : Optional.empty();
    }

    /**
     * The date part, if the id has three parts and the date is valid.
     *
     * @return the middle part as a date, or empty when it is missing or not a valid date
     */
    public Optional<LocalDate> promulgationDate() {
        String[] p = value.split(",", -1);
        if (p.length != 3) {
            return Optional.empty();
        }
        try {
            return Optional.of(EdXmlDates.parseDate(p[1]));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    /**
     * The {@code number/notation} part, if the id has three parts.
     *
     * @return the last part, or empty
     */
    public Optional<String> code() {
        String[] p = value.split(",", -1);
        return p.length == 3 ? Optional.of(p[2]) : Optional.empty();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof DocumentId other && value.equals(other.value);
    }

    @Override
    public int hashCode() {
        return Objects.hash(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
