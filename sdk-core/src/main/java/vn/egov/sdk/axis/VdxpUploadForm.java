package vn.egov.sdk.axis;

/** How {@link VdxpAxisClient} carries the package in {@code sendEdoc}. */
public enum VdxpUploadForm {
    /**
     * The official client's form (the default): the raw edXML file followed by CRLF, {@code Content-Type:
     * application/octet-stream}. The real axis is known to accept it: it is what agencies' systems send today.
     */
    RAW,
    /**
     * {@code multipart/form-data} with the file in part {@value VdxpAxisClient#FILE_PART}, as this SDK sent
     * before. Whether the real axis accepts it is not known; use it only against an axis known to.
     */
    MULTIPART
}
