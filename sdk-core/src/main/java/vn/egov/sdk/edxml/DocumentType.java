package vn.egov.sdk.edxml;

import java.util.OptionalInt;
import vn.egov.sdk.edxml.internal.Values;

/**
 * Loại văn bản ({@code DocumentType}).
 *
 * @param type {@code Type}: 1 văn bản hành chính, 2 văn bản quy phạm pháp luật (meanings inferred)
 * @param typeDetail {@code TypeDetail}: the QCVN annex catalogue code
 * @param typeName {@code TypeName}, for example {@code Công văn}
 */
public record DocumentType(OptionalInt type, OptionalInt typeDetail, String typeName) {
    /**
     * Normalises nulls.
     *
     * @param type {@code Type}: 1 văn bản hành chính, 2 văn bản quy phạm pháp luật (meanings inferred)
     * @param typeDetail {@code TypeDetail}: the QCVN annex catalogue code
     * @param typeName {@code TypeName}, for example {@code Công văn}
     */
    public DocumentType {
        type = Values.optInt(type);
        typeDetail = Values.optInt(typeDetail);
        typeName = Values.text(typeName);
    }

    /**
     * A type with all three values.
     *
     * @param type loại văn bản code ({@code Type})
     * @param typeDetail detailed type code ({@code TypeDetail})
     * @param typeName the type's name ({@code TypeName}), for example {@code Công văn}
     * @return the document type
     */
    public static DocumentType of(int type, int typeDetail, String typeName) {
        return new DocumentType(OptionalInt.of(type), OptionalInt.of(typeDetail), typeName);
    }
}
