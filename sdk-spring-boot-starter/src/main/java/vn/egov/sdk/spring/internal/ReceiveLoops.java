package vn.egov.sdk.spring.internal;

import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import vn.egov.sdk.axis.CheckpointStore;
import vn.egov.sdk.axis.DocumentAxisClient;
import vn.egov.sdk.axis.PackageHandler;
import vn.egov.sdk.axis.ReceiveLoop;
import vn.egov.sdk.axis.StatusEventListener;
import vn.egov.sdk.spring.EgovPackageHandlerDecorator;
import vn.egov.sdk.spring.EgovReceiveLoopProperties;

/**
 * Builds a receive loop from a loop's settings, the same way for the national and the provincial axis: the
 * application's handler wrapped by the {@link EgovPackageHandlerDecorator} beans (the first in order outermost), the
 * pace, attempt budget, stop timeout and quarantine directory, and the status listener if there is one.
 */
public final class ReceiveLoops {
    private ReceiveLoops() {
    }

    /**
     * The loop's builder, for the caller to add what only its axis has (a coordinator) and build.
     *
     * @param client the axis client the loop polls
     * @param store the loop's checkpoint store
     * @param handler the application's handler
     * @param receive the loop's settings
     * @param decorators the decorators, applied in their order
     * @param statusListener the application's status listener, if any
     * @return the builder
     */
    public static ReceiveLoop.Builder builder(DocumentAxisClient client, CheckpointStore store, PackageHandler handler,
            EgovReceiveLoopProperties receive, ObjectProvider<EgovPackageHandlerDecorator> decorators,
            ObjectProvider<StatusEventListener> statusListener) {
        ReceiveLoop.Builder b = ReceiveLoop.builder(client, store, decorated(client, handler, decorators))
                .interval(receive.getInterval())
                .maxAttempts(receive.getMaxAttempts())
                .closeTimeout(receive.getStopTimeout());
        if (receive.getQuarantineDirectory() != null) {
            b.quarantineDirectory(receive.getQuarantineDirectory());
        }
        statusListener.ifAvailable(b::statusListener);
        return b;
    }

    private static PackageHandler decorated(DocumentAxisClient client, PackageHandler handler,
            ObjectProvider<EgovPackageHandlerDecorator> decorators) {
        List<EgovPackageHandlerDecorator> ordered = decorators.orderedStream().toList();
        PackageHandler h = handler;
        for (int i = ordered.size() - 1; i >= 0; i--) {
            h = ordered.get(i).decorate(client, h);
        }
        return h;
    }
}
