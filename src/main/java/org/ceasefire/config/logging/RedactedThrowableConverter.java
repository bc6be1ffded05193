package org.ceasefire.config.logging;

import ch.qos.logback.classic.pattern.ThrowableProxyConverter;
import ch.qos.logback.classic.spi.ILoggingEvent;
import org.ceasefire.config.Secrets;

/** {@code %redactedEx}: a logged stack trace with {@link Secrets}' rule applied to every message in it. */
public final class RedactedThrowableConverter extends ThrowableProxyConverter {
    @Override
    public String convert(ILoggingEvent event) {
        return Secrets.redactText(super.convert(event));
    }
}
