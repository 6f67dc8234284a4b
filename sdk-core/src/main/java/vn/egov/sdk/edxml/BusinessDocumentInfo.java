package vn.egov.sdk.edxml;

import java.util.List;
import java.util.OptionalInt;
import vn.egov.sdk.edxml.internal.Values;

/**
 * What an update changes ({@code BussinessDocumentInfo}).
 *
 * @param documentInfo {@code DocumentInfo}: 1 if the document's information changed
 * @param documentReceiver {@code DocumentReceiver}: 1 if its receivers changed
 * @param receivers {@code ReceiverList/Receiver}
 */
public record BusinessDocumentInfo(OptionalInt documentInfo, OptionalInt documentReceiver, List<Receiver> receivers) {
    /**
     * Normalises nulls.
     *
     * @param documentInfo {@code DocumentInfo}: 1 if the document's information changed
     * @param documentReceiver {@code DocumentReceiver}: 1 if its receivers changed
     * @param receivers {@code ReceiverList/Receiver}
     */
    public BusinessDocumentInfo {
        documentInfo = Values.optInt(documentInfo);
        documentReceiver = Values.optInt(documentReceiver);
        receivers = Values.list(receivers);
    }
}
