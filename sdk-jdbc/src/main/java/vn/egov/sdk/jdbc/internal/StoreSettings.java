package vn.egov.sdk.jdbc.internal;

import java.time.Duration;
import vn.egov.sdk.core.ValidationException;

/** The checks the sdk-jdbc builders share. */
public final class StoreSettings {
    private StoreSettings() {
    }

    /**
     * A duration that must be positive: a retention window, a lease, a poll interval.
     *
     * @param value the duration
     * @param rule the error's code
     * @param path the builder setting's name
     * @return {@code value}
     * @throws ValidationException naming {@code path} when it is null, zero or negative
     */
    public static Duration positive(Duration value, String rule, String path) {
        if (value == null || value.isNegative() || value.isZero()) {
            throw ValidationException.of(rule, path, path + " must be a positive duration, was " + value);
        }
        return value;
    }
}
