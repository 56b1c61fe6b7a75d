package io.amcp.ops.internal.alerts;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.List;

/**
 * A minimal SMTP client (RFC 5321) for a trusted relay: EHLO, MAIL FROM, RCPT TO, DATA with
 * dot-stuffing, QUIT. No TLS and no AUTH: point it at a local relay (postfix, an MTA sidecar).
 */
final class SmtpClient {

    private final String host;
    private final int port;
    private final String heloName;
    private final Duration timeout;

    SmtpClient(String host, int port, String heloName, Duration timeout) {
        if (host == null || host.isBlank()) {
            throw new IllegalArgumentException("smtpHost: must not be blank");
        }
        if (port <= 0 || port > 65535) {
            throw new IllegalArgumentException("smtpPort: expected 1-65535, was " + port);
        }
        this.host = host.trim();
        this.port = port;
        this.heloName = heloName;
        this.timeout = timeout;
    }

    /** Sends one plain-text UTF-8 message; throws with the server's reply when it refuses a step. */
    void send(String from, List<String> to, String subject, String body, ZonedDateTime date) throws IOException {
        if (to.isEmpty()) {
            throw new IllegalArgumentException("smtpTo: no recipients");
        }
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(host, port), (int) timeout.toMillis());
            socket.setSoTimeout((int) timeout.toMillis());
            BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII));
            OutputStream out = socket.getOutputStream();
            expect(in, 220, "greeting");
            command(out, "EHLO " + heloName);
            expect(in, 250, "EHLO");
            command(out, "MAIL FROM:<" + from + ">");
            expect(in, 250, "MAIL FROM");
            for (String rcpt : to) {
                command(out, "RCPT TO:<" + rcpt + ">");
                expect(in, 250, "RCPT TO " + rcpt);
            }
            command(out, "DATA");
            expect(in, 354, "DATA");
            out.write(message(from, to, subject, body, date).getBytes(StandardCharsets.UTF_8));
            out.write(".\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            expect(in, 250, "end of DATA");
            command(out, "QUIT");
            expect(in, 221, "QUIT");
        }
    }

    /** The message with headers, CRLF line ends and dot-stuffed lines (RFC 5321 section 4.5.2). */
    static String message(String from, List<String> to, String subject, String body, ZonedDateTime date) {
        StringBuilder m = new StringBuilder();
        m.append("From: ").append(from).append("\r\n");
        m.append("To: ").append(String.join(", ", to)).append("\r\n");
        m.append("Subject: ").append(encodeHeader(subject)).append("\r\n");
        m.append("Date: ").append(DateTimeFormatter.RFC_1123_DATE_TIME.format(date)).append("\r\n");
        m.append("MIME-Version: 1.0\r\n");
        m.append("Content-Type: text/plain; charset=UTF-8\r\n");
        m.append("Content-Transfer-Encoding: 8bit\r\n\r\n");
        for (String line : body.split("\r\n|\r|\n", -1)) {
            if (line.startsWith(".")) {
                m.append('.');
            }
            m.append(line).append("\r\n");
        }
        return m.toString();
    }

    /** RFC 2047 encoded-word when the header is not plain ASCII. */
    static String encodeHeader(String text) {
        String oneLine = text.replaceAll("[\r\n]+", " ");
        if (oneLine.chars().allMatch(c -> c >= 0x20 && c < 0x7f)) {
            return oneLine;
        }
        return "=?UTF-8?B?" + Base64.getEncoder().encodeToString(oneLine.getBytes(StandardCharsets.UTF_8)) + "?=";
    }

    private static void command(OutputStream out, String line) throws IOException {
        out.write((line + "\r\n").getBytes(StandardCharsets.US_ASCII));
        out.flush();
    }

    /** Reads one (possibly multi-line) reply and checks its code. */
    private static void expect(BufferedReader in, int code, String step) throws IOException {
        String line;
        StringBuilder reply = new StringBuilder();
        do {
            line = in.readLine();
            if (line == null) {
                throw new IOException("SMTP server closed the connection at " + step);
            }
            reply.append(line).append(' ');
        } while (line.length() > 3 && line.charAt(3) == '-');
        int got;
        try {
            got = Integer.parseInt(line.substring(0, Math.min(3, line.length())));
        } catch (NumberFormatException e) {
            throw new IOException("SMTP server sent a malformed reply at " + step + ": " + line, e);
        }
        if (got != code) {
            throw new IOException("SMTP " + step + " refused: " + reply.toString().trim());
        }
    }
}
