package org.ceasefire.registry.confluent;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.Arrays;

/**
 * Confluent's classes, from the jar Failsafe puts on the integration tests' class path (never on
 * the compile path: the jar cannot be a Maven dependency). Loaded by name and called by
 * reflection; a {@code RestClientException} becomes a {@link ConfluentError} with its status
 * and error code.
 */
final class ConfluentClasses {

    private ConfluentClasses() {
    }

    static Class<?> load(String name) {
        try {
            return Class.forName(name, true, ConfluentClasses.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(name + " is not on the class path: the integration tests need Confluent's "
                    + "jar (" + System.getProperty("confluent.serde.jar") + "), which Maven fetches before them", e);
        }
    }

    static Object create(String className, Object... args) {
        Class<?> type = load(className);
        for (Constructor<?> constructor : type.getConstructors()) {
            if (accepts(constructor.getParameterTypes(), args)) {
                try {
                    return constructor.newInstance(args);
                } catch (InvocationTargetException e) {
                    throw rethrow(e.getCause());
                } catch (ReflectiveOperationException e) {
                    throw new IllegalStateException(e);
                }
            }
        }
        throw new IllegalArgumentException("no constructor of " + className + " takes " + Arrays.toString(args));
    }

    /** Calls the public method of that name whose parameters accept the arguments. */
    static Object call(Object target, String method, Object... args) {
        for (Method candidate : target.getClass().getMethods()) {
            if (candidate.getName().equals(method) && accepts(candidate.getParameterTypes(), args)) {
                try {
                    return candidate.invoke(target, args);
                } catch (InvocationTargetException e) {
                    throw rethrow(e.getCause());
                } catch (IllegalAccessException e) {
                    throw new IllegalStateException(e);
                }
            }
        }
        throw new IllegalArgumentException("no method " + method + " of " + target.getClass().getName() + " takes "
                + Arrays.toString(args));
    }

    private static boolean accepts(Class<?>[] parameters, Object[] args) {
        if (parameters.length != args.length) {
            return false;
        }
        for (int i = 0; i < args.length; i++) {
            Class<?> type = boxed(parameters[i]);
            if (args[i] != null && !type.isInstance(args[i])) {
                return false;
            }
        }
        return true;
    }

    private static Class<?> boxed(Class<?> type) {
        if (type == int.class) {
            return Integer.class;
        }
        if (type == boolean.class) {
            return Boolean.class;
        }
        return type;
    }

    private static RuntimeException rethrow(Throwable cause) {
        if ("io.confluent.kafka.schemaregistry.client.rest.exceptions.RestClientException"
                .equals(cause.getClass().getName())) {
            return new ConfluentError((int) call(cause, "getStatus"), (int) call(cause, "getErrorCode"),
                    cause.getMessage(), cause);
        }
        return cause instanceof RuntimeException runtime ? runtime : new IllegalStateException(cause);
    }

    /** What Confluent's client reported for an answer that was an error. */
    static final class ConfluentError extends RuntimeException {
        private final int status;
        private final int errorCode;

        ConfluentError(int status, int errorCode, String message, Throwable cause) {
            super(message, cause);
            this.status = status;
            this.errorCode = errorCode;
        }

        int status() {
            return status;
        }

        int errorCode() {
            return errorCode;
        }
    }
}
