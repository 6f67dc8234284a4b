package vn.egov.sdk.identity;

import java.time.Duration;
import vn.egov.sdk.core.ValidationException;

/** The checks the pending-login stores' builders share. */
final class StoreSettings {
    private StoreSettings() {
    }

    static Duration ttl(Duration ttl, String path) {
        ValidationException.requireNonNull(ttl, path);
        if (ttl.compareTo(Duration.ofSeconds(1)) < 0 || ttl.compareTo(Duration.ofHours(1)) > 0) {
            throw ValidationException.of("range", path, path + " must be 1 second to 1 hour, was " + ttl);
        }
        return ttl;
    }

    static int bound(int value, String path) {
        if (value < 1 || value > 10_000_000) {
            throw ValidationException.of("range", path, path + " must be 1 to 10,000,000, was " + value);
        }
        return value;
    }
}
