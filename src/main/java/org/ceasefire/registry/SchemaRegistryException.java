package org.ceasefire.registry;

/**
 * A Schema Registry error, carrying the HTTP status and Confluent's {@code error_code} so that
 * callers (and the embedded server) can tell "subject not found" from "incompatible schema".
 */
public class SchemaRegistryException extends RuntimeException {

    public static final int SUBJECT_NOT_FOUND = 40401;
    public static final int VERSION_NOT_FOUND = 40402;
    public static final int SCHEMA_NOT_FOUND = 40403;
    public static final int SUBJECT_SOFT_DELETED = 40404;
    public static final int SUBJECT_NOT_SOFT_DELETED = 40405;
    public static final int VERSION_SOFT_DELETED = 40406;
    public static final int VERSION_NOT_SOFT_DELETED = 40407;
    public static final int SUBJECT_LEVEL_COMPATIBILITY_NOT_CONFIGURED = 40408;
    public static final int INCOMPATIBLE_SCHEMA = 409;
    public static final int INCOMPATIBLE_SCHEMA_CODE = 40901;
    public static final int INVALID_SCHEMA = 42201;
    public static final int INVALID_VERSION = 42202;
    public static final int INVALID_COMPATIBILITY_LEVEL = 42203;
    public static final int REFERENCE_EXISTS = 42206;
    public static final int STORE_ERROR = 50001;
    public static final int OPERATION_TIMEOUT = 50002;

    private final int status;
    private final int errorCode;

    public SchemaRegistryException(int status, int errorCode, String message) {
        super(message);
        this.status = status;
        this.errorCode = errorCode;
    }

    public SchemaRegistryException(int status, int errorCode, String message, Throwable cause) {
        super(message, cause);
        this.status = status;
        this.errorCode = errorCode;
    }

    /** HTTP status code, e.g. 404; 0 when no registry answered at all (connection failure). */
    public int status() {
        return status;
    }

    /** Confluent's {@code error_code}, e.g. 40401; equals {@link #status()} for generic errors. */
    public int errorCode() {
        return errorCode;
    }

    public static SchemaRegistryException subjectNotFound(String subject) {
        return new SchemaRegistryException(404, SUBJECT_NOT_FOUND, "Subject '" + subject + "' not found.");
    }

    public static SchemaRegistryException versionNotFound(String subject, Object version) {
        return new SchemaRegistryException(404, VERSION_NOT_FOUND,
                "Version " + version + " not found for subject '" + subject + "'.");
    }

    public static SchemaRegistryException schemaNotFound(String what) {
        return new SchemaRegistryException(404, SCHEMA_NOT_FOUND, "Schema " + what + " not found.");
    }

    public static SchemaRegistryException invalidSchema(String why) {
        return new SchemaRegistryException(422, INVALID_SCHEMA, "Invalid schema: " + why);
    }

    public static SchemaRegistryException invalidVersion(String version) {
        return new SchemaRegistryException(422, INVALID_VERSION,
                "The specified version '" + version + "' is not a valid version id. "
                        + "Allowed values are between [1, 2^31-1] and the string \"latest\"");
    }

    public static SchemaRegistryException invalidCompatibility(String level) {
        return new SchemaRegistryException(422, INVALID_COMPATIBILITY_LEVEL,
                "Invalid compatibility level '" + level + "'. Valid values are none, backward, forward, full, "
                        + "backward_transitive, forward_transitive, and full_transitive");
    }

    public static SchemaRegistryException storeError(String why, Throwable cause) {
        return new SchemaRegistryException(500, STORE_ERROR, "Error in the backend data store: " + why, cause);
    }
}
