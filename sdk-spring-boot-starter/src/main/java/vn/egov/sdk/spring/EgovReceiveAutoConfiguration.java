package vn.egov.sdk.spring;

import java.nio.file.Path;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import vn.egov.sdk.axis.CheckpointStore;
import vn.egov.sdk.axis.FileCheckpointStore;
import vn.egov.sdk.axis.PackageHandler;
import vn.egov.sdk.axis.ReceiveCoordinator;
import vn.egov.sdk.axis.ReceiveLoop;
import vn.egov.sdk.axis.StatusEventListener;
import vn.egov.sdk.axis.VdxpAxisClient;
import vn.egov.sdk.core.ValidationException;
import vn.egov.sdk.spring.internal.ReceiveLoops;

/**
 * Auto-configures the receive loop when {@code egov.axis.receive.enabled=true}, the vendor defines a
 * {@link PackageHandler} bean and a national axis client ({@link VdxpAxisClient}) exists: a
 * {@link ReceiveLoopLifecycle} that starts the loop with the context and stops it (draining its poll) with it. The
 * national loop polls the {@code VdxpAxisClient} only: with the provincial axis configured too, the
 * {@code LgspAxisClient} has its own loop ({@code vn.egov.sdk.spring.lgsp.EgovLgspReceiveAutoConfiguration}). The
 * checkpoints go to the vendor's {@link CheckpointStore} bean, or else to a {@link FileCheckpointStore} at
 * {@code egov.axis.receive.checkpoint-file}. A vendor's {@link StatusEventListener} bean, if any, receives status
 * packages. A {@link ReceiveCoordinator} bean (sdk-jdbc's {@code JdbcReceiveCoordinator}, made by
 * {@code EgovJdbcAutoConfiguration} when a {@code DataSource} exists) shares the loop with the application's other
 * nodes.
 */
@AutoConfiguration(after = EgovAxisAutoConfiguration.class)
@ConditionalOnProperty(prefix = "egov.axis.receive", name = "enabled", havingValue = "true")
@ConditionalOnBean({PackageHandler.class, VdxpAxisClient.class})
public class EgovReceiveAutoConfiguration {
    /** Created by Spring. */
    public EgovReceiveAutoConfiguration() {
        // configuration class
    }

    /**
     * The file checkpoint store, when the vendor gives no {@link CheckpointStore} bean.
     *
     * @param properties the bound properties
     * @return the store; Spring closes it with the context
     * @throws ValidationException naming {@code egov.axis.receive.checkpoint-file} when it is not set
     */
    @Bean(destroyMethod = "close")
    @ConditionalOnMissingBean(CheckpointStore.class)
    public FileCheckpointStore egovCheckpointStore(EgovProperties properties) {
        Path file = properties.getAxis().getReceive().getCheckpointFile();
        if (file == null) {
            throw ValidationException.of("required", "egov.axis.receive.checkpoint-file",
                    "egov.axis.receive.checkpoint-file is required when egov.axis.receive.enabled=true and no "
                            + "CheckpointStore bean is defined");
        }
        return FileCheckpointStore.open(file);
    }

    /**
     * The receive loop, run with the context.
     *
     * @param properties the bound properties
     * @param client the national axis client
     * @param store the checkpoint store
     * @param handler the vendor's handler
     * @param statusListener the vendor's status listener, if any
     * @param coordinator the coordinator shared with the other nodes, if any
     * @param decorators wrap the handler (metrics, audit), in their order
     * @return the lifecycle
     */
    @Bean
    @ConditionalOnMissingBean
    public ReceiveLoopLifecycle egovReceiveLoop(EgovProperties properties, VdxpAxisClient client,
            CheckpointStore store, PackageHandler handler, ObjectProvider<StatusEventListener> statusListener,
            ObjectProvider<ReceiveCoordinator> coordinator,
            ObjectProvider<EgovPackageHandlerDecorator> decorators) {
        EgovProperties.Receive receive = properties.getAxis().getReceive();
        return new ReceiveLoopLifecycle(() -> {
            ReceiveLoop.Builder b = ReceiveLoops.builder(client, store, handler, receive, decorators, statusListener);
            coordinator.ifUnique(b::coordinator);
            return b.build();
        });
    }
}
