package org.ceasefire.registry;

import java.util.List;

import org.apache.avro.Schema;
import org.ceasefire.registry.store.InMemorySchemaLog;
import org.ceasefire.registry.store.RegistryService;
import org.ceasefire.registry.store.RegistryState;

/**
 * A registry that lives in this process only, with the same rules and error codes as the
 * embedded server (they share {@link RegistryService}). Behind {@code mock://} URLs; see
 * {@link MockSchemaRegistry}.
 */
public final class InMemorySchemaRegistry implements SchemaRegistry {

    private final RegistryService service;

    public InMemorySchemaRegistry() {
        RegistryState state = new RegistryState();
        this.service = new RegistryService(state, new InMemorySchemaLog(state));
    }

    @Override
    public int register(String subject, Schema schema) {
        return service.register(subject, schema.toString());
    }

    @Override
    public RegisteredSchema lookup(String subject, Schema schema) {
        return service.lookup(subject, schema.toString());
    }

    @Override
    public Schema schemaById(int id) {
        return service.parsedSchemaById(id);
    }

    @Override
    public RegisteredSchema version(String subject, int version) {
        return service.version(subject, Integer.toString(version));
    }

    @Override
    public RegisteredSchema latest(String subject) {
        return service.version(subject, "latest");
    }

    @Override
    public boolean isCompatible(String subject, Schema schema) {
        return service.checkCompatibility(subject, null, schema.toString()).isEmpty();
    }

    @Override
    public CompatibilityLevel compatibility() {
        return service.globalCompatibility();
    }

    @Override
    public CompatibilityLevel compatibility(String subject) {
        return service.effectiveCompatibility(subject);
    }

    @Override
    public void setCompatibility(CompatibilityLevel level) {
        service.setCompatibility(null, level.name());
    }

    @Override
    public void setCompatibility(String subject, CompatibilityLevel level) {
        service.setCompatibility(subject, level.name());
    }

    @Override
    public List<String> subjects() {
        return service.subjects();
    }

    @Override
    public List<Integer> versions(String subject) {
        return service.versions(subject);
    }

    @Override
    public List<Integer> deleteSubject(String subject) {
        return service.deleteSubject(subject, false);
    }

    @Override
    public int deleteVersion(String subject, int version) {
        return service.deleteVersion(subject, Integer.toString(version), false);
    }
}
