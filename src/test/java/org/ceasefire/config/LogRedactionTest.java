package org.ceasefire.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URL;
import java.nio.charset.StandardCharsets;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.joran.JoranConfigurator;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.LoggingEvent;
import ch.qos.logback.core.OutputStreamAppender;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The product's own logback.xml, loaded as at start-up, keeps secrets out of messages and stack traces. */
class LogRedactionTest {
    @Test
    @DisplayName("a logged message and stack trace show no URL user info and no JAAS password")
    void logsAreRedacted() throws Exception {
        LoggerContext context = new LoggerContext();
        try {
            JoranConfigurator configurator = new JoranConfigurator();
            configurator.setContext(context);
            URL config = getClass().getClassLoader().getResource("logback.xml");
            assertThat(config).isNotNull();
            configurator.doConfigure(config);
            Logger log = context.getLogger("org.ceasefire.test");
            @SuppressWarnings("unchecked")
            OutputStreamAppender<ILoggingEvent> console = (OutputStreamAppender<ILoggingEvent>) context.getLogger(Logger.ROOT_LOGGER_NAME).getAppender("STDERR");
            assertThat(console).isNotNull();
            LoggingEvent message = new LoggingEvent(getClass().getName(), log, Level.WARN, "Registry at {} refused", null,
                    new Object[] {"http://alice:s3cret@registry:8081"});
            LoggingEvent failure = new LoggingEvent(getClass().getName(), log, Level.ERROR, "Start-up failed",
                    new IllegalStateException("bad sasl.jaas.config: password=\"hunter2\"",
                            new java.io.IOException("GET https://bob:pa55@host/subjects failed")), null);
            String logged = new String(console.getEncoder().encode(message), StandardCharsets.UTF_8)
                    + new String(console.getEncoder().encode(failure), StandardCharsets.UTF_8);

            assertThat(logged).contains("Registry at http://[hidden]@registry:8081 refused", "IllegalStateException",
                    "\tat org.ceasefire.config.LogRedactionTest", "GET https://[hidden]@host/subjects failed", "password=[hidden]");
            assertThat(logged).doesNotContain("s3cret", "hunter2", "pa55", "alice", "bob");
        } finally {
            context.stop();
        }
    }
}
