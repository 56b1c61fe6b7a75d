package io.amcp.datasource.file;

/**
 * Malformed market-data input. The message names the source (a file name), the 1-based line and
 * the field at fault, e.g. {@code aapl.csv line 17, field 'close': not a decimal number: 'n/a'}.
 */
public final class DatasetFormatException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    private final String source;
    private final long line;
    private final String field;

    public DatasetFormatException(String source, long line, String field, String problem) {
        super(source + " line " + line + (field.isEmpty() ? "" : ", field '" + field + "'") + ": " + problem);
        this.source = source;
        this.line = line;
        this.field = field;
    }

    /** The file or resource the input came from. */
    public String source() {
        return source;
    }

    /** The 1-based line number of the bad input. */
    public long line() {
        return line;
    }

    /** The column or JSON field at fault; empty when the whole line is. */
    public String field() {
        return field;
    }
}
