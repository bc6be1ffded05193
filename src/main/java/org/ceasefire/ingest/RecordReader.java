package org.ceasefire.ingest;

import java.io.Closeable;
import java.io.IOException;

/** Reads the records of one input one at a time, so that inputs of any size are streamed. */
public interface RecordReader extends Closeable {
    /** The next record, or null at the end of the input. */
    RawRecord next() throws IOException;
}
