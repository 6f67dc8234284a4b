package vn.egov.sdk.edxml;

import java.util.List;
import vn.egov.sdk.edxml.internal.Values;

/**
 * A document a replacement supersedes ({@code ReplacementInfoList/ReplacementInfo}).
 *
 * @param documentId the replaced document ({@code DocumentId})
 * @param organIds the receivers concerned ({@code OrganIdList/OrganId})
 */
public record ReplacementInfo(DocumentId documentId, List<OrganId> organIds) {
    /**
     * Normalises nulls.
     *
     * @param documentId the replaced document ({@code DocumentId})
     * @param organIds the receivers concerned ({@code OrganIdList/OrganId})
     */
    public ReplacementInfo {
        documentId = documentId == null ? DocumentId.of("") : documentId;
        organIds = Values.list(organIds);
    }
}
