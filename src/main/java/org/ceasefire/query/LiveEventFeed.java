package org.ceasefire.query;

import java.util.function.Consumer;

/** Where live events come from: the SSE endpoint subscribes one listener per connected browser. */
public interface LiveEventFeed {

    /** Delivers every event published from now on to {@code listener} until the subscription is closed. */
    Subscription subscribe(Consumer<LiveEvent> listener);

    interface Subscription extends AutoCloseable {
        @Override
        void close();
    }
}
