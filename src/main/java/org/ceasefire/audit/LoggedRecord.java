package org.ceasefire.audit;

/** One record of the statements log as stored: raw bytes, position and log append time. */
public record LoggedRecord(byte[] key, byte[] value, int partition, long offset, long timestamp) {
}
