package com.example.vendor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.Banner;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import vn.egov.sdk.axis.CheckpointStore;
import vn.egov.sdk.axis.InMemoryCheckpointStore;
import vn.egov.sdk.axis.LgspAxisClient;
import vn.egov.sdk.axis.PackageHandler;
import vn.egov.sdk.axis.VdxpAxisClient;
import vn.egov.sdk.dossier.DossierSync;
import vn.egov.sdk.dossier.DvcqgAdapterClient;
import vn.egov.sdk.dossier.FileDossierOutbox;
import vn.egov.sdk.spring.ReceiveLoopLifecycle;
import vn.egov.sdk.spring.dossier.DossierSyncLifecycle;
import vn.egov.sdk.spring.lgsp.LgspPackageHandler;

/** The provincial axis (two receive loops beside the national one) and the dossier sync, on Boot 4.0. */
class ProvincialAxisAndDossiersOnBoot4Test {
    @Configuration(proxyBeanMethods = false)
    @EnableAutoConfiguration
    static class App {
        @Bean
        PackageHandler nationalHandler() {
            return pkg -> { };
        }

        @Bean
        LgspPackageHandler provincialHandler() {
            return pkg -> { };
        }

        @Bean
        CheckpointStore checkpoints() {
            return new InMemoryCheckpointStore();
        }
    }

    private static ConfigurableApplicationContext run(String... properties) {
        return new SpringApplicationBuilder(App.class).web(WebApplicationType.NONE).bannerMode(Banner.Mode.OFF)
                .properties(properties).run();
    }

    @Test
    void bothAxesLoopAndTheDossierDrainStartAndStopWithTheContext(@TempDir Path dir) {
        ReceiveLoopLifecycle national;
        ReceiveLoopLifecycle provincial;
        DossierSyncLifecycle drain;
        try (ConfigurableApplicationContext context = run("egov.axis.url=http://127.0.0.1:9",
                "egov.axis.system-id=vendor.system", "egov.axis.secret=vendor-secret",
                "egov.axis.receive.enabled=true", "egov.axis.receive.interval=1h",
                "egov.lgsp.url=http://127.0.0.1:9", "egov.lgsp.username=u", "egov.lgsp.password=p",
                "egov.lgsp.application-code=QLVB", "egov.lgsp.system-id=s", "egov.lgsp.secret-key=k",
                "egov.lgsp.receive.enabled=true", "egov.lgsp.receive.interval=1h",
                "egov.lgsp.receive.checkpoint-file=" + dir.resolve("lgsp.log"),
                "egov.dossier.url=http://127.0.0.1:9", "egov.dossier.username=u", "egov.dossier.password=p",
                "egov.dossier.madonvi=H99", "egov.dossier.dstcode=d",
                "egov.dossier.outbox.file=" + dir.resolve("outbox.log"))) {
            assertEquals(1, context.getBeanNamesForType(VdxpAxisClient.class).length);
            assertEquals(1, context.getBeanNamesForType(LgspAxisClient.class).length);
            national = context.getBean("egovReceiveLoop", ReceiveLoopLifecycle.class);
            provincial = context.getBean("egovLgspReceiveLoop", ReceiveLoopLifecycle.class);
            assertTrue(national.isRunning() && provincial.isRunning());
            assertEquals(1, context.getBeanNamesForType(DvcqgAdapterClient.class).length);
            assertTrue(context.getBean(DossierSync.class).outbox() instanceof FileDossierOutbox);
            drain = context.getBean(DossierSyncLifecycle.class);
            assertTrue(drain.isRunning());
        }
        assertFalse(national.isRunning() || provincial.isRunning() || drain.isRunning());
    }

    @Test
    void aBrokenPropertyStopsStartUpNamingIt() {
        Exception e = assertThrows(Exception.class, () -> run("egov.dossier.url=http://127.0.0.1:9"));
        StringBuilder messages = new StringBuilder();
        for (Throwable t = e; t != null; t = t.getCause()) {
            messages.append(t.getMessage()).append('\n');
        }
        assertTrue(messages.toString().contains("egov.dossier.dstcode is required when egov.dossier.url is set"),
                messages.toString());
    }
}
