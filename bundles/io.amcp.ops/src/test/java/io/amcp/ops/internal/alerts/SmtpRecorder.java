package io.amcp.ops.internal.alerts;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A tiny SMTP server for tests on 127.0.0.1 and a free port: answers the RFC 5321 replies a relay
 * gives (220, 250 multi-line EHLO, 354, 221) and records each message's envelope and its DATA
 * with the dot-stuffing undone, as a real server delivers it.
 */
final class SmtpRecorder implements AutoCloseable {

    record Mail(String from, List<String> to, String data) {
    }

    final List<Mail> mails = new CopyOnWriteArrayList<>();
    private final ServerSocket socket;
    private final Thread thread;

    SmtpRecorder() throws IOException {
        socket = new ServerSocket(0, 10, InetAddress.getLoopbackAddress());
        thread = new Thread(this::serve, "smtp-recorder");
        thread.setDaemon(true);
        thread.start();
    }

    int port() {
        return socket.getLocalPort();
    }

    private void serve() {
        while (!socket.isClosed()) {
            try (Socket s = socket.accept()) {
                session(s);
            } catch (IOException e) {
                return;
            }
        }
    }

    private void session(Socket s) throws IOException {
        BufferedReader in = new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.UTF_8));
        OutputStream out = s.getOutputStream();
        reply(out, "220 localhost ESMTP recorder");
        String from = null;
        List<String> to = new CopyOnWriteArrayList<>();
        String line;
        while ((line = in.readLine()) != null) {
            String upper = line.toUpperCase();
            if (upper.startsWith("EHLO")) {
                reply(out, "250-localhost\r\n250-8BITMIME\r\n250 SIZE 1000000");
            } else if (upper.startsWith("MAIL FROM:")) {
                from = line.substring(line.indexOf('<') + 1, line.indexOf('>'));
                reply(out, "250 OK");
            } else if (upper.startsWith("RCPT TO:")) {
                to.add(line.substring(line.indexOf('<') + 1, line.indexOf('>')));
                reply(out, "250 OK");
            } else if (upper.equals("DATA")) {
                reply(out, "354 End data with <CR><LF>.<CR><LF>");
                StringBuilder data = new StringBuilder();
                String d;
                while (!(d = in.readLine()).equals(".")) {
                    data.append(d.startsWith("..") ? d.substring(1) : d).append("\n");
                }
                mails.add(new Mail(from, List.copyOf(to), data.toString()));
                reply(out, "250 OK queued");
            } else if (upper.equals("QUIT")) {
                reply(out, "221 Bye");
                return;
            } else {
                reply(out, "502 Command not implemented");
            }
        }
    }

    private static void reply(OutputStream out, String text) throws IOException {
        out.write((text + "\r\n").getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
