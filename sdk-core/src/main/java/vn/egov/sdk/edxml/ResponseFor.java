package vn.egov.sdk.edxml;

import java.time.LocalDate;
import java.util.Optional;
import vn.egov.sdk.edxml.internal.Values;

/**
 * The document a package answers ({@code ResponseFor}): in a document package when replying, in a status package
 * always.
 *
 * @param organId the original sender ({@code OrganId})
 * @param code số/ký hiệu of the original ({@code Code}, {@code 7816/VPCP-TTĐT})
 * @param promulgationDate its promulgation date ({@code PromulgationDate})
 * @param documentId its {@code DocumentId}
 */
public record ResponseFor(OrganId organId, String code, Optional<LocalDate> promulgationDate, DocumentId documentId) {
    /**
     * Normalises nulls.
     *
     * @param organId the original sender ({@code OrganId})
     * @param code số/ký hiệu of the original ({@code Code}, {@code 7816/VPCP-TTĐT})
     * @param promulgationDate its promulgation date ({@code PromulgationDate})
     * @param documentId its {@code DocumentId}
     */
    public ResponseFor {
        organId = organId == null ? OrganId.of("") : organId;
        code = Values.text(code);
        promulgationDate = Values.opt(promulgationDate);
        documentId = documentId == null ? DocumentId.of("") : documentId;
    }
}
