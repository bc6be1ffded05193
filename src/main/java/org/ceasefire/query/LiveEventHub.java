package org.ceasefire.query;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Fans published events out to every current subscriber; a failing subscriber never stops the others. */
public final class LiveEventHub implements LiveEventFeed {
    private static final Logger LOG = LoggerFactory.getLogger(LiveEventHub.class);

    private final List<Consumer<LiveEvent>> listeners = new CopyOnWriteArrayList<>();

    @Override
    public Subscription subscribe(Consumer<LiveEvent> listener) {
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }

    public void publish(LiveEvent event) {
        for (Consumer<LiveEvent> listener : listeners) {
            try {
                listener.accept(event);
            } catch (RuntimeException e) {
                LOG.debug("Dropping a live-event listener that failed: {}", e.toString());
                listeners.remove(listener);
            }
        }
    }

    public int subscriberCount() {
        return listeners.size();
    }
}
