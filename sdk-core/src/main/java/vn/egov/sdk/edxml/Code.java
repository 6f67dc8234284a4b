package vn.egov.sdk.edxml;

import vn.egov.sdk.edxml.internal.Values;

/**
 * Số và ký hiệu văn bản ({@code Code}).
 *
 * @param codeNumber số ({@code CodeNumber}), for example {@code 7816}
 * @param codeNotation ký hiệu ({@code CodeNotation}), for example {@code VPCP-TTĐT}
 */
public record Code(String codeNumber, String codeNotation) {
    /**
     * Normalises nulls.
     *
     * @param codeNumber số ({@code CodeNumber}), for example {@code 7816}
     * @param codeNotation ký hiệu ({@code CodeNotation}), for example {@code VPCP-TTĐT}
     */
    public Code {
        codeNumber = Values.text(codeNumber);
        codeNotation = Values.text(codeNotation);
    }

    /**
     * {@code number/notation}, as document ids and status packages write it.
     *
     * @return the number and notation joined by {@code /}
     */
    public String asText() {
        return codeNumber + "/" + codeNotation;
    }
}
