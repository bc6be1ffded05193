package org.ceasefire.registry.store;

/** A log that lives only in this process: entries are applied as they are appended. */
public final class InMemorySchemaLog implements SchemaLog {

    private final RegistryState state;

    public InMemorySchemaLog(RegistryState state) {
        this.state = state;
    }

    @Override
    public void append(LogEntry entry) {
        state.apply(entry);
    }

    @Override
    public void catchUp() {
        // nothing is written anywhere else
    }
}
