package vn.egov.sdk.spring.lgsp;

import java.nio.file.Path;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.AnyNestedCondition;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import vn.egov.sdk.axis.FileCheckpointStore;
import vn.egov.sdk.axis.LgspAxisClient;
import vn.egov.sdk.axis.PackageHandler;
import vn.egov.sdk.axis.StatusEventListener;
import vn.egov.sdk.core.ValidationException;
import vn.egov.sdk.spring.EgovPackageHandlerDecorator;
import vn.egov.sdk.spring.EgovReceiveAutoConfiguration;
import vn.egov.sdk.spring.ReceiveLoopLifecycle;
import vn.egov.sdk.spring.internal.ReceiveLoops;

/**
 * Auto-configures the provincial receive loop when {@code egov.lgsp.receive.enabled=true}, an
 * {@link LgspAxisClient} bean exists and the application gives a handler: a {@link ReceiveLoopLifecycle} bean named
 * {@code egovLgspReceiveLoop} that polls the provincial axis, started with the context and stopped (draining its
 * poll) with it, beside the national loop ({@code egovReceiveLoop}, on the {@code VdxpAxisClient}).
 *
 * <p>The packages go to the application's {@link LgspPackageHandler} bean, or, without one, to its
 * {@link PackageHandler} bean (the national loop's). The checkpoints go to an {@link LgspCheckpoints} bean of the
 * application's, or else to a {@link FileCheckpointStore} at {@code egov.lgsp.receive.checkpoint-file} (never the
 * national loop's store); quarantined packages are kept beside that journal. A {@link StatusEventListener} bean, if
 * any, receives the status packages of both loops.
 */
@AutoConfiguration(after = {EgovLgspAutoConfiguration.class, EgovReceiveAutoConfiguration.class})
@ConditionalOnProperty(prefix = "egov.lgsp.receive", name = "enabled", havingValue = "true")
@ConditionalOnBean(LgspAxisClient.class)
@Conditional(EgovLgspReceiveAutoConfiguration.HandlerGiven.class)
public class EgovLgspReceiveAutoConfiguration {
    /** Created by Spring. */
    public EgovLgspReceiveAutoConfiguration() {
        // configuration class
    }

    /**
     * The provincial loop's file checkpoint store, when the application gives no {@link LgspCheckpoints} bean.
     *
     * @param properties the bound properties
     * @return the store's holder; Spring closes it (and the store) with the context
     * @throws ValidationException naming {@code egov.lgsp.receive.checkpoint-file} when it is not set
     */
    @Bean(destroyMethod = "close")
    @ConditionalOnMissingBean(LgspCheckpoints.class)
    public LgspCheckpoints egovLgspCheckpoints(EgovLgspProperties properties) {
        Path file = properties.getReceive().getCheckpointFile();
        if (file == null) {
            throw ValidationException.of("required", "egov.lgsp.receive.checkpoint-file",
                    "egov.lgsp.receive.checkpoint-file is required when egov.lgsp.receive.enabled=true and no "
                            + "LgspCheckpoints bean is defined");
        }
        return LgspCheckpoints.opened(FileCheckpointStore.open(file));
    }

    /**
     * The provincial receive loop, run with the context.
     *
     * @param properties the bound properties
     * @param client the provincial axis client
     * @param checkpoints the provincial loop's checkpoint store
     * @param lgspHandler the application's provincial handler, if any
     * @param handler the application's handler, used when it has no provincial one
     * @param statusListener the application's status listener, if any
     * @param decorators wrap the handler (metrics, audit), in their order, told the client is the LGSP one
     * @return the lifecycle
     */
    @Bean
    @ConditionalOnMissingBean(name = "egovLgspReceiveLoop")
    public ReceiveLoopLifecycle egovLgspReceiveLoop(EgovLgspProperties properties, LgspAxisClient client,
            LgspCheckpoints checkpoints, ObjectProvider<LgspPackageHandler> lgspHandler,
            ObjectProvider<PackageHandler> handler, ObjectProvider<StatusEventListener> statusListener,
            ObjectProvider<EgovPackageHandlerDecorator> decorators) {
        EgovLgspProperties.Receive receive = properties.getReceive();
        LgspPackageHandler provincial = lgspHandler.getIfAvailable();
        PackageHandler chosen = provincial != null ? provincial::handle : handler.getObject();
        return new ReceiveLoopLifecycle(() -> ReceiveLoops.builder(client, checkpoints.store(), chosen, receive,
                decorators, statusListener).build());
    }

    /** An {@link LgspPackageHandler} or a {@link PackageHandler} bean exists. */
    static final class HandlerGiven extends AnyNestedCondition {
        HandlerGiven() {
            super(ConfigurationPhase.REGISTER_BEAN);
        }

        @ConditionalOnBean(LgspPackageHandler.class)
        static final class Provincial {
        }

        @ConditionalOnBean(PackageHandler.class)
        static final class National {
        }
    }
}
