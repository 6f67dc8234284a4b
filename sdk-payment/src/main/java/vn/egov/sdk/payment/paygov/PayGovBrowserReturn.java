package vn.egov.sdk.payment.paygov;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import vn.egov.sdk.core.ValidationException;

/**
 * The query parameters PayGov appends to the {@code returnUrl} when it sends the payer's browser back. They are
 * <strong>for display only</strong>: anyone can type them into a browser, so they change nothing. The payment's
 * state changes only through a verified result callback (or, on the Đồng Tháp LGSP, a return URL the LGSP's
 * {@code CheckSumUrlReturn} call confirmed, see {@link PayGovClient#checkReturnUrl(Map)}).
 *
 * @param orderId the {@code orderId}, if present
 * @param requestCode the {@code requestCode}, if present
 * @param errorCode the {@code errorCode}, if present ({@code "00"} claims success)
 * @param parameters every parameter as received
 */
public record PayGovBrowserReturn(Optional<String> orderId, Optional<String> requestCode, Optional<String> errorCode,
        Map<String, String> parameters) {

    /**
     * Validates and copies the components.
     *
     * @param orderId the order id, if present
     * @param requestCode the request code, if present
     * @param errorCode the error code, if present
     * @param parameters every parameter
     */
    public PayGovBrowserReturn {
        ValidationException.requireNonNull(orderId, "PayGovBrowserReturn.orderId");
        ValidationException.requireNonNull(requestCode, "PayGovBrowserReturn.requestCode");
        ValidationException.requireNonNull(errorCode, "PayGovBrowserReturn.errorCode");
        parameters = Collections.unmodifiableMap(new LinkedHashMap<>(
                ValidationException.requireNonNull(parameters, "PayGovBrowserReturn.parameters")));
    }

    /**
     * Reads the return parameters, for display.
     *
     * @param query the decoded query parameters
     * @return the parsed return
     * @throws ValidationException when the map is null
     */
    public static PayGovBrowserReturn parse(Map<String, String> query) {
        ValidationException.requireNonNull(query, "PayGovBrowserReturn.query");
        return new PayGovBrowserReturn(text(query, "orderId"), text(query, "requestCode"),
                text(query, "errorCode"), query);
    }

    private static Optional<String> text(Map<String, String> query, String name) {
        return Optional.ofNullable(query.get(name)).filter(v -> !v.isEmpty());
    }

    /**
     * What the page may tell the payer while the callback is awaited: whether PayGov's browser return claims
     * success. Never act on it.
     *
     * @return {@code true} when {@code errorCode} is {@code "00"}
     */
    public boolean claimsSuccess() {
        return errorCode.filter("00"::equals).isPresent();
    }
}
