package io.amcp.ops.internal.alerts;

import io.amcp.ops.Alert;
import java.io.IOException;
import java.time.ZoneId;
import java.util.List;

/** Sends each alert as a plain-text e-mail through an SMTP relay. */
final class EmailChannel implements AlertChannel {

    private final SmtpClient smtp;
    private final String from;
    private final List<String> to;
    private final String node;
    private final ZoneId zone;

    EmailChannel(SmtpClient smtp, String from, List<String> to, String node, ZoneId zone) {
        if (from == null || !from.contains("@")) {
            throw new IllegalArgumentException("smtpFrom: expected an e-mail address, was '" + from + "'");
        }
        for (String rcpt : to) {
            if (!rcpt.contains("@")) {
                throw new IllegalArgumentException("smtpTo: expected e-mail addresses, got '" + rcpt + "'");
            }
        }
        if (to.isEmpty()) {
            throw new IllegalArgumentException("smtpTo: at least one recipient is needed");
        }
        this.smtp = smtp;
        this.from = from;
        this.to = List.copyOf(to);
        this.node = node;
        this.zone = zone;
    }

    @Override
    public String name() {
        return "email";
    }

    static String subject(Alert alert, String node) {
        return "[AMCP " + alert.severity() + "] " + node + " " + alert.source() + ": " + alert.key();
    }

    static String body(Alert alert, String node) {
        return alert.message() + "\n\n"
                + "severity: " + alert.severity() + "\n"
                + "source:   " + alert.source() + "\n"
                + "key:      " + alert.key() + "\n"
                + "node:     " + node + "\n"
                + "time:     " + alert.time() + "\n"
                + "runbook:  docs/runbooks.md in bundles/io.amcp.ops\n";
    }

    @Override
    public void send(Alert alert) throws IOException {
        smtp.send(from, to, subject(alert, node), body(alert, node), alert.time().atZone(zone));
    }
}
