package io.amcp.shell.internal;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.apache.karaf.shell.support.table.ShellTable;

/** Renders a table as the shell would and splits it back into trimmed cells. */
final class Tables {

    private Tables() {
    }

    static String render(ShellTable table) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        table.print(new PrintStream(bytes, true, StandardCharsets.UTF_8), true);
        return bytes.toString(StandardCharsets.UTF_8);
    }

    /** Header first, then one list of cells per row; the dashed separator line is dropped. */
    static List<List<String>> cells(ShellTable table) {
        return render(table).lines()
                .filter(line -> !line.matches("[-+]+"))
                .map(line -> Arrays.stream(line.split("\\|", -1)).map(String::trim).toList())
                .toList();
    }
}
