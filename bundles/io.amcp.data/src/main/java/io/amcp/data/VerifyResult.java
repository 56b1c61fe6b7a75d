package io.amcp.data;

import java.util.List;

/**
 * The outcome of {@link BarStore#verify()}: files checked and every problem found (a missing file,
 * a size or checksum that differs from the catalog, a partition file the catalog does not know).
 *
 * @param filesChecked partition files listed in the catalog and checked
 * @param problems     one line per problem, naming the file
 */
public record VerifyResult(int filesChecked, List<String> problems) {

    public VerifyResult {
        problems = List.copyOf(problems);
    }

    /** Whether every file matches the catalog and no unknown file lies in the store. */
    public boolean ok() {
        return problems.isEmpty();
    }
}
