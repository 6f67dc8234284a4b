package vn.egov.sdk.spring.lgsp;

import vn.egov.sdk.axis.ReceivedPackage;

/**
 * The application's handler of the packages received from the provincial axis (LGSP), when it must differ from the
 * national axis's {@link vn.egov.sdk.axis.PackageHandler}. Define one as a bean: the provincial receive loop hands
 * its packages to it, and the national loop keeps the {@code PackageHandler} bean. Without an
 * {@code LgspPackageHandler} bean, the provincial loop uses the application's {@code PackageHandler} too.
 *
 * <p>Not a {@code PackageHandler} itself, so the two beans never compete for the national loop. The contract is
 * {@code PackageHandler}'s: at least once, deduplicate on {@code docId} and {@code attempt}; throwing counts a
 * failed attempt and the package is handed over again.
 */
@FunctionalInterface
public interface LgspPackageHandler {
    /**
     * Handles one package received from the provincial axis.
     *
     * @param pkg the package, with its docId, attempt number and signature check
     * @throws Exception to count a failed attempt (the package is handed over again, or quarantined)
     */
    void handle(ReceivedPackage pkg) throws Exception;
}
