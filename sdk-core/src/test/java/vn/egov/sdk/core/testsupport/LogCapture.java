package vn.egov.sdk.core.testsupport;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.util.List;
import java.util.stream.Collectors;
import org.slf4j.LoggerFactory;

/** Captures every log event of the SDK's loggers at TRACE, for asserting what was (not) logged. */
public final class LogCapture implements AutoCloseable {
    private final Logger logger;
    private final Level previous;
    private final boolean previousAdditive;
    private final ListAppender<ILoggingEvent> appender = new ListAppender<>();

    public LogCapture() {
        logger = (Logger) LoggerFactory.getLogger("vn.egov.sdk");
        previous = logger.getLevel();
        previousAdditive = logger.isAdditive();
        logger.setLevel(Level.TRACE);
        logger.setAdditive(false); // captured, not also printed
        appender.start();
        logger.addAppender(appender);
    }

    /** Every captured line, formatted, with exception messages of attached throwables. */
    public List<String> lines() {
        return appender.list.stream().map(e -> e.getFormattedMessage()
                + (e.getThrowableProxy() == null ? "" : " " + e.getThrowableProxy().getMessage()))
                .collect(Collectors.toList());
    }

    public String all() {
        return String.join("\n", lines());
    }

    @Override
    public void close() {
        logger.detachAppender(appender);
        logger.setLevel(previous);
        logger.setAdditive(previousAdditive);
    }
}
