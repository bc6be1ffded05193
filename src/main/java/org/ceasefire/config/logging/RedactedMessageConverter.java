package org.ceasefire.config.logging;

import ch.qos.logback.classic.pattern.MessageConverter;
import ch.qos.logback.classic.spi.ILoggingEvent;
import org.ceasefire.config.Secrets;

/** {@code %redactedMsg}: the log message with {@link Secrets}' rule applied, whichever library logged it. */
public final class RedactedMessageConverter extends MessageConverter {
    @Override
    public String convert(ILoggingEvent event) {
        return Secrets.redactText(super.convert(event));
    }
}
