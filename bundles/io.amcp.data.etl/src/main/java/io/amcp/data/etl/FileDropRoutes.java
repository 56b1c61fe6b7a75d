package io.amcp.data.etl;

import io.amcp.data.BarStore;
import io.amcp.data.IngestResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The file-drop ingest route: CSV files (Yahoo or Alpaca layout) and saved Alpaca bars responses
 * ({@code .json}) dropped into the inbox are validated and stored by {@link BarStore#ingestFiles},
 * one atomic ingest per file. Rows that fail validation go to the store's quarantine with their
 * reason; the data-quality report of each file is written to the reports directory and the file
 * moves to {@code .done/}. A file the store refuses as a whole (unknown layout, unreadable JSON)
 * moves to {@code .failed/} beside a {@code <file>.failed.txt} report naming the file, line and
 * field; nothing of it is stored.
 *
 * <p>A file is picked up once its size has stopped changing ({@code readLock=changed}), so writers
 * may copy slowly; writing to a hidden name and renaming is faster.
 */
public final class FileDropRoutes extends RouteBuilder {

    /** Header set on the exchange: the ingest id of the file's batch. */
    public static final String INGEST_ID = "AmcpIngestId";

    /** A long ingest logs its progress every this many rows. */
    private static final long PROGRESS_ROWS = 1_000_000;

    private static final Logger LOG = LoggerFactory.getLogger(FileDropRoutes.class);

    private final BarStore store;
    private final FileDropSettings settings;

    public FileDropRoutes(BarStore store, FileDropSettings settings) {
        this.store = Objects.requireNonNull(store, "store");
        this.settings = Objects.requireNonNull(settings, "settings");
    }

    /** The route id, {@code amcp-file-drop-<dataset>}. */
    public String routeId() {
        return "amcp-file-drop-" + settings.dataset();
    }

    @Override
    public void configure() {
        String uri = "file:" + settings.inbox().toAbsolutePath()
                + "?include=.*\\.(csv|json|CSV|JSON)"
                + "&readLock=changed&readLockCheckInterval=" + Math.max(100, settings.pollMillis() / 2)
                + "&readLockMinAge=" + settings.pollMillis()
                + "&delay=" + settings.pollMillis()
                + "&move=.done&moveFailed=.failed";
        // a refused file is already logged and reported by ingest(); Camel need not log it again with a stack trace
        onException(RuntimeException.class).logExhausted(false).logStackTrace(false);
        from(uri).routeId(routeId()).process(this::ingest);
    }

    private void ingest(Exchange exchange) throws IOException {
        Path file = Path.of(exchange.getIn().getHeader(Exchange.FILE_PATH, String.class));
        String name = file.getFileName().toString();
        Files.createDirectories(settings.reports());
        try {
            long[] logged = {0};
            IngestResult result = store.ingestFiles(settings.dataset(), List.of(file), settings.barSize(), rows -> {
                if (rows - logged[0] >= PROGRESS_ROWS) {
                    logged[0] = rows;
                    LOG.info("{}: {} rows validated", name, rows);
                }
            });
            Path report = result.report().writeTo(settings.reports(), name + ".");
            exchange.getIn().setHeader(INGEST_ID, result.ingestId());
            LOG.info("{}: {} rows stored, {} quarantined into {} (report {})", name, result.report().rowsStored(),
                    result.report().rowsQuarantined(), settings.dataset(), report);
        } catch (RuntimeException e) {
            Files.writeString(settings.reports().resolve(name + ".failed.txt"), "file " + name + " refused, nothing stored: "
                    + e.getMessage() + System.lineSeparator());
            LOG.warn("{}: refused: {}", name, e.getMessage());
            throw e;
        }
    }
}
