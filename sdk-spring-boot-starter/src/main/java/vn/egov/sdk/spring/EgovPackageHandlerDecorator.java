package vn.egov.sdk.spring;

import vn.egov.sdk.axis.DocumentAxisClient;
import vn.egov.sdk.axis.PackageHandler;

/**
 * Wraps the vendor's {@link PackageHandler} before the starter's receive loop uses it: to count, time or audit
 * the packages handed over without changing the vendor's bean. Define one or more as beans; they apply in their
 * {@link org.springframework.core.annotation.Order}, the first one outermost. The starter's metrics define one
 * (counting {@code egov.documents.received}).
 */
@FunctionalInterface
public interface EgovPackageHandlerDecorator {
    /**
     * Wraps a handler.
     *
     * @param client the axis the loop receives from (a {@code VdxpAxisClient} or {@code LgspAxisClient})
     * @param handler the handler to wrap (the vendor's, or an earlier decorator's)
     * @return the handler the loop uses; it must call {@code handler} and let what it throws propagate
     */
    PackageHandler decorate(DocumentAxisClient client, PackageHandler handler);
}
