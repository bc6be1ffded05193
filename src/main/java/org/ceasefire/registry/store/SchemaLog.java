package org.ceasefire.registry.store;

/**
 * Where {@link RegistryService} writes its changes. An implementation applies each entry to the
 * {@link RegistryState} in log order, so that every reader of the same log ends with the same state.
 */
public interface SchemaLog {

    /** Appends an entry and returns once it has been applied to the local state. */
    void append(LogEntry entry);

    /** Returns once every entry written before this call, by anyone, has been applied locally. */
    void catchUp();
}
