package org.ceasefire.ingest;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.ceasefire.contract.Violation;

/**
 * Reads statements from CSV whose header row names the contract's fields (any order, any subset).
 * Each row becomes the same fields a JSON object would have, so both formats are checked by the
 * same parser; see {@link CsvRowConverter} for how cells are read. A header column that is not a
 * field of the contract is named in the rejection of every row, even where its cell is empty, so a
 * misspelt header is seen at once rather than only as fields that are missing.
 */
public final class CsvReader implements RecordReader {
    private final CsvRecords records;
    private final String source;
    private final CsvRowConverter converter = new CsvRowConverter();
    private List<String> header;
    private List<Violation> headerProblems;
    /** Why the header could not be read, which makes every row unreadable too; null when it was read. */
    private String unreadableHeader;

    public CsvReader(InputLines in, String source) {
        this.records = new CsvRecords(in);
        this.source = source;
    }

    @Override
    public RawRecord next() throws IOException {
        if (header == null && unreadableHeader == null) {
            CsvRecords.Row headerRow = records.next();
            if (headerRow == null) {
                return null;
            }
            if (headerRow.cells() == null) {
                unreadableHeader = "the header (line " + headerRow.line() + ") cannot be read, so no row can: " + headerRow.problem();
                return record(headerRow, null, List.of(new Violation(JsonLinesReader.RECORD, headerRow.problem())));
            }
            readHeader(headerRow);
        }
        CsvRecords.Row row = records.next();
        if (row == null) {
            return null;
        }
        List<Violation> problems = new ArrayList<>();
        if (unreadableHeader != null) {
            problems.add(new Violation(JsonLinesReader.RECORD, unreadableHeader));
            return record(row, null, problems);
        }
        if (row.problem() != null) {
            problems.add(new Violation(JsonLinesReader.RECORD, row.problem()));
        }
        if (row.cells() == null) {
            return record(row, null, problems);
        }
        if (row.cells().size() != header.size()) {
            problems.add(new Violation(JsonLinesReader.RECORD,
                    "has " + row.cells().size() + " cells, the header has " + header.size()));
            return record(row, null, problems);
        }
        problems.addAll(headerProblems);
        ObjectNode fields = converter.convert(header, row.cells(), problems);
        return record(row, fields, problems);
    }

    private void readHeader(CsvRecords.Row headerRow) {
        header = headerRow.cells().stream().map(String::trim).toList();
        headerProblems = new ArrayList<>();
        for (String column : header) {
            if (!StatementParser.FIELDS.contains(column)) {
                headerProblems.add(new Violation(TerminalText.safe(JsonTypes.abbreviate(column)),
                        "unknown column in the header (line " + headerRow.line() + "); the columns are the contract's fields: "
                                + String.join(", ", StatementParser.FIELDS)));
            }
        }
    }

    private RawRecord record(CsvRecords.Row row, ObjectNode fields, List<Violation> problems) {
        return new RawRecord(source, row.line(), row.from(), row.to(), row.original(), row.complete(), fields, problems);
    }

    @Override
    public void close() {
        // The input stream belongs to the caller, which closes it.
    }
}
