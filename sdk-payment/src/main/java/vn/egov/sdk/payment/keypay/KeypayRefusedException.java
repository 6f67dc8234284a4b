package vn.egov.sdk.payment.keypay;

import vn.egov.sdk.core.ErrorDetails;
import vn.egov.sdk.core.Fault;
import vn.egov.sdk.core.PlatformException;

/**
 * Keypay answered a create or detail query with an {@code error} other than {@code "0"}, or with a body that is not
 * its format, or reported a status this client does not know. The fault is the platform's: the request was well
 * formed as far as the SDK can tell; {@link #platformErrorCode()} carries Keypay's own code when it sent one.
 */
public class KeypayRefusedException extends PlatformException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message what Keypay said, in words a vendor can act on
     * @param errorCode Keypay's {@code error} value, or {@code null} when it sent none
     */
    public KeypayRefusedException(String message, String errorCode) {
        super(message, errorCode == null ? ErrorDetails.of(Fault.PLATFORM, false)
                : ErrorDetails.of(Fault.PLATFORM, false).withPlatformErrorCode(errorCode), null);
    }
}
