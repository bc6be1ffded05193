package org.ceasefire.ingest;

import java.io.BufferedReader;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.ceasefire.contract.Violation;

/**
 * Reads statements from CSV whose header row names the contract's fields (any order, any subset).
 * Each row becomes the same fields a JSON object would have, so both formats are checked by the
 * same parser; see {@link CsvRowConverter} for how cells are read.
 */
public final class CsvReader implements RecordReader {
    private final BufferedReader in;
    private final CsvRecords records;
    private final String source;
    private final CsvRowConverter converter = new CsvRowConverter();
    private List<String> header;

    public CsvReader(BufferedReader in, String source) {
        this.in = in;
        this.records = new CsvRecords(in);
        this.source = source;
    }

    @Override
    public RawRecord next() throws IOException {
        if (header == null) {
            CsvRecords.Row headerRow = records.next();
            if (headerRow == null) {
                return null;
            }
            header = headerRow.cells().stream().map(String::trim).toList();
        }
        CsvRecords.Row row = records.next();
        if (row == null) {
            return null;
        }
        List<Violation> problems = new ArrayList<>();
        if (row.unterminatedQuote()) {
            problems.add(new Violation(JsonLinesReader.RECORD, "a quoted cell is not closed before the end of the input"));
        }
        if (row.cells().size() != header.size()) {
            problems.add(new Violation(JsonLinesReader.RECORD,
                    "has " + row.cells().size() + " cells, the header has " + header.size()));
            return new RawRecord(source, row.line(), row.original(), null, problems);
        }
        ObjectNode fields = converter.convert(header, row.cells(), problems);
        return new RawRecord(source, row.line(), row.original(), fields, problems);
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
