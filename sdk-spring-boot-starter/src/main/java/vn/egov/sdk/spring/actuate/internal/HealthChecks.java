package vn.egov.sdk.spring.actuate.internal;

import java.time.Clock;
import org.springframework.beans.factory.ListableBeanFactory;
import vn.egov.sdk.axis.DocumentAxisClient;
import javax.sql.DataSource;
import vn.egov.sdk.dossier.DossierOutbox;
import vn.egov.sdk.jdbc.JdbcSendOutbox;
import vn.egov.sdk.signing.SignatureSource;
import vn.egov.sdk.spring.actuate.EgovHealthProperties;

/** Makes the health checks of the beans an application has, for either Boot version's adapter. */
public final class HealthChecks {
    private HealthChecks() {
    }

    /**
     * Checks every {@link DocumentAxisClient} bean.
     *
     * @param beans the application's beans
     * @return the check
     */
    public static HealthCheck axis(ListableBeanFactory beans) {
        return new AxisHealthCheck(beans.getBeansOfType(DocumentAxisClient.class));
    }

    /**
     * Checks the certificate of every signing key bean (sdk-signing's {@link SignatureSource}: a {@code SigningKey}
     * or a remote signer).
     *
     * @param beans the application's beans
     * @param properties the thresholds
     * @return the check
     */
    public static HealthCheck certificates(ListableBeanFactory beans, EgovHealthProperties properties) {
        return new CertificateExpiryCheck(beans.getBeansOfType(SignatureSource.class),
                properties.getCertificateExpiryWarning(), Clock.systemUTC());
    }

    /**
     * Checks the backlog of every {@link DossierOutbox} bean.
     *
     * @param beans the application's beans
     * @param properties the thresholds
     * @return the check
     */
    public static HealthCheck outboxes(ListableBeanFactory beans, EgovHealthProperties properties) {
        return new OutboxBacklogCheck(beans.getBeansOfType(DossierOutbox.class),
                properties.getOutbox().getMaxBacklog(), properties.getOutbox().getMaxAge(), Clock.systemUTC());
    }

    /**
     * Checks the backlog of sdk-jdbc's send outbox.
     *
     * @param beans the application's beans (one {@link JdbcSendOutbox} and one {@link DataSource})
     * @param properties the thresholds
     * @return the check
     */
    public static HealthCheck sendOutbox(ListableBeanFactory beans, EgovHealthProperties properties) {
        return new SendOutboxBacklogCheck(beans.getBean(JdbcSendOutbox.class), beans.getBean(DataSource.class),
                properties.getOutbox().getMaxBacklog(), properties.getOutbox().getMaxAge(), Clock.systemUTC());
    }
}
