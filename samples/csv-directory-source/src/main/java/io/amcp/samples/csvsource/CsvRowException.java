package io.amcp.samples.csvsource;

/** A CSV file was refused; names the file, the row (the header is row 1) and the field at fault. */
public final class CsvRowException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    private final String file;
    private final int row;
    private final String field;

    public CsvRowException(String file, int row, String field, String problem) {
        super(file + ": row " + row + ", field " + field + ": " + problem);
        this.file = file;
        this.row = row;
        this.field = field;
    }

    public String file() {
        return file;
    }

    /** Row number in the file, the header being row 1. */
    public int row() {
        return row;
    }

    public String field() {
        return field;
    }
}
