package org.ceasefire.query;

/** Whether the instance can answer queries now; {@code /ready} reports it to load balancers and orchestrators. */
@FunctionalInterface
public interface ReadinessCheck {
    boolean isReady();
}
