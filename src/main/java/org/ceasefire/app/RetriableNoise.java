package org.ceasefire.app;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.core.Appender;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.FileAppender;
import ch.qos.logback.core.filter.Filter;
import ch.qos.logback.core.spi.FilterReply;
import org.apache.kafka.common.errors.OutOfOrderSequenceException;
import org.apache.kafka.common.errors.RetriableException;
import org.apache.kafka.common.protocol.Errors;
import org.slf4j.LoggerFactory;

/**
 * Moves the warnings and errors that Kafka's broker and clients log about errors they retry by
 * themselves (CONCURRENT_TRANSACTIONS while a transaction's markers are written, the first-sequence
 * check of transactions v2, a leader that moved) off the console into a file, and counts them.
 * They are normal on a busy broker and change nothing in the results, but in the embedded demo
 * they land between the user's own output. Anything else Kafka logs stays on the console.
 */
public final class RetriableNoise implements AutoCloseable {
    private static final Pattern ERROR_CODE = Pattern.compile("\\b[A-Z][A-Z_]{4,}\\b");
    /** The broker's answer to a non-zero first sequence under transactions v2 (KAFKA-18202): the producer retries it. */
    private static final String TRANSACTIONS_V2_FIRST_SEQUENCE = "transactions v2";

    private final Path file;
    private final FileAppender<ILoggingEvent> fileAppender;
    private final List<ConsoleAppender<ILoggingEvent>> consoles;
    private final NoiseFilter filter;

    private RetriableNoise(Path file, FileAppender<ILoggingEvent> fileAppender, List<ConsoleAppender<ILoggingEvent>> consoles,
                           NoiseFilter filter) {
        this.file = file;
        this.fileAppender = fileAppender;
        this.consoles = consoles;
        this.filter = filter;
    }

    /** From now until {@link #close()}, retriable Kafka noise goes to {@code file} (appended) instead of the console. */
    public static RetriableNoise divertTo(Path file) {
        if (!(LoggerFactory.getILoggerFactory() instanceof LoggerContext context)) {
            return new RetriableNoise(file, null, List.of(), new NoiseFilter(null));
        }
        PatternLayoutEncoder encoder = new PatternLayoutEncoder();
        encoder.setContext(context);
        encoder.setPattern("%d{yyyy-MM-dd HH:mm:ss.SSS} %-5level %logger - %msg%n%ex{short}");
        encoder.start();
        FileAppender<ILoggingEvent> fileAppender = new FileAppender<>();
        fileAppender.setContext(context);
        fileAppender.setName("retriable-kafka-noise");
        fileAppender.setFile(file.toString());
        fileAppender.setAppend(true);
        fileAppender.setEncoder(encoder);
        fileAppender.start();
        NoiseFilter filter = new NoiseFilter(fileAppender);
        filter.start();
        List<ConsoleAppender<ILoggingEvent>> consoles = new ArrayList<>();
        Logger root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        for (Iterator<Appender<ILoggingEvent>> it = root.iteratorForAppenders(); it.hasNext(); ) {
            if (it.next() instanceof ConsoleAppender<ILoggingEvent> console) {
                console.addFilter(filter);
                consoles.add(console);
            }
        }
        return new RetriableNoise(file, fileAppender, consoles, filter);
    }

    /** How many log events went to the file instead of the console. */
    public long count() {
        return filter.diverted.get();
    }

    public Path file() {
        return file;
    }

    /** One line for a summary: how many retried errors Kafka logged and where. */
    public String summary() {
        return count() == 0 ? "Kafka logged no retried errors."
                : "Kafka logged " + count() + " errors it retried by itself (not shown above): " + file;
    }

    /** Whether an event is Kafka logging an error that it retries by itself. */
    static boolean isRetriableNoise(ILoggingEvent event) {
        String logger = event.getLoggerName();
        if (!(logger.startsWith("org.apache.kafka") || logger.startsWith("kafka") || logger.equals("state.change.logger"))
                || !event.getLevel().isGreaterOrEqual(Level.WARN)) {
            return false;
        }
        for (IThrowableProxy cause = event.getThrowableProxy(); cause != null; cause = cause.getCause()) {
            if (isRetriable(cause.getClassName(), cause.getMessage())) {
                return true;
            }
        }
        return namesOnlyRetriableErrors(event.getFormattedMessage());
    }

    private static boolean isRetriable(String className, String message) {
        try {
            Class<?> type = Class.forName(className, false, RetriableNoise.class.getClassLoader());
            if (RetriableException.class.isAssignableFrom(type)) {
                return true;
            }
            return OutOfOrderSequenceException.class.equals(type) && message != null && message.contains(TRANSACTIONS_V2_FIRST_SEQUENCE);
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }

    /** Client warnings name the broker's error code ("Error: CONCURRENT_TRANSACTIONS"); noise when every code named is retriable. */
    private static boolean namesOnlyRetriableErrors(String message) {
        if (message == null) {
            return false;
        }
        if (message.contains(OutOfOrderSequenceException.class.getSimpleName()) && message.contains(TRANSACTIONS_V2_FIRST_SEQUENCE)) {
            return true;
        }
        boolean named = false;
        Matcher codes = ERROR_CODE.matcher(message);
        while (codes.find()) {
            Errors error = errorNamed(codes.group());
            if (error == null || error == Errors.NONE) {
                continue;
            }
            if (!(error.exception() instanceof RetriableException)) {
                return false;
            }
            named = true;
        }
        return named;
    }

    private static Errors errorNamed(String code) {
        try {
            return Errors.valueOf(code);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** Restores the console and closes the file. */
    @Override
    public void close() {
        for (ConsoleAppender<ILoggingEvent> console : consoles) {
            List<Filter<ILoggingEvent>> others = new ArrayList<>(console.getCopyOfAttachedFiltersList());
            others.remove(filter);
            console.clearAllFilters();
            others.forEach(console::addFilter);
        }
        if (fileAppender != null) {
            fileAppender.stop();
        }
    }

    /** Denies noise on the console after writing it to the file. */
    private static final class NoiseFilter extends Filter<ILoggingEvent> {
        private final FileAppender<ILoggingEvent> file;
        private final AtomicLong diverted = new AtomicLong();

        NoiseFilter(FileAppender<ILoggingEvent> file) {
            this.file = file;
        }

        @Override
        public FilterReply decide(ILoggingEvent event) {
            if (!isRetriableNoise(event)) {
                return FilterReply.NEUTRAL;
            }
            diverted.incrementAndGet();
            if (file != null) {
                file.doAppend(event);
            }
            return FilterReply.DENY;
        }
    }
}
