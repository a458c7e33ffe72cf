package io.vinyldetective.e2e;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A loopback SMTP server (RFC 5321 with AUTH PLAIN, RFC 4954) that takes every mail for any mailbox
 * after a login with the one user and password it knows, and keeps each message as received. No TLS:
 * the daemon under test runs with SMTP_STARTTLS=false.
 */
public final class FakeSmtp implements AutoCloseable {

    /** One mail: the envelope and the message as sent (headers and MIME body). */
    public record Mail(String from, List<String> to, String data) {
    }

    private final String user;
    private final String password;
    private final ServerSocket socket;
    private final List<Mail> mails = new CopyOnWriteArrayList<>();
    private final List<String> refusedLogins = new CopyOnWriteArrayList<>();

    public FakeSmtp(String user, String password) {
        this.user = user;
        this.password = password;
        try {
            socket = new ServerSocket(0, 10, InetAddress.getLoopbackAddress());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        Thread t = new Thread(this::serve, "fake-smtp");
        t.setDaemon(true);
        t.start();
    }

    public int port() {
        return socket.getLocalPort();
    }

    public List<Mail> mails() {
        return List.copyOf(mails);
    }

    public List<String> refusedLogins() {
        return List.copyOf(refusedLogins);
    }

    private void serve() {
        while (!socket.isClosed()) {
            try (Socket client = socket.accept()) {
                client.setSoTimeout(10_000);
                session(client);
            } catch (IOException e) {
                // closed, or the client went away
            }
        }
    }

    private void session(Socket client) throws IOException {
        BufferedReader in = new BufferedReader(new InputStreamReader(client.getInputStream(), StandardCharsets.UTF_8));
        OutputStream out = client.getOutputStream();
        reply(out, "220 fake-smtp.example ESMTP");
        boolean authed = false;
        String from = null;
        List<String> to = new ArrayList<>();
        String line;
        while ((line = in.readLine()) != null) {
            String verb = line.split(" ", 2)[0].toUpperCase(Locale.ROOT);
            switch (verb) {
                case "EHLO" -> reply(out, "250-fake-smtp.example\r\n250-8BITMIME\r\n250 AUTH PLAIN");
                case "AUTH" -> {
                    String[] parts = line.split(" ");
                    String response = parts.length > 2 ? parts[2] : null;
                    if (response == null) {
                        reply(out, "334 ");
                        response = in.readLine();
                    }
                    String[] fields = new String(Base64.getDecoder().decode(response.strip()), StandardCharsets.UTF_8).split("\0");
                    authed = fields.length == 3 && fields[1].equals(user) && fields[2].equals(password);
                    if (!authed) {
                        refusedLogins.add(fields.length > 1 ? fields[1] : "?");
                    }
                    reply(out, authed ? "235 2.7.0 Authentication successful" : "535 5.7.8 Authentication credentials invalid");
                }
                case "MAIL" -> {
                    if (!authed) {
                        reply(out, "530 5.7.0 Authentication required");
                    } else {
                        from = line.substring(line.indexOf(':') + 1).strip();
                        to.clear();
                        reply(out, "250 2.1.0 Ok");
                    }
                }
                case "RCPT" -> {
                    to.add(line.substring(line.indexOf(':') + 1).strip());
                    reply(out, "250 2.1.5 Ok");
                }
                case "DATA" -> {
                    reply(out, "354 End data with <CR><LF>.<CR><LF>");
                    StringBuilder data = new StringBuilder();
                    String d;
                    while ((d = in.readLine()) != null && !d.equals(".")) {
                        data.append(d.startsWith("..") ? d.substring(1) : d).append('\n');
                    }
                    mails.add(new Mail(from, List.copyOf(to), data.toString()));
                    reply(out, "250 2.0.0 Ok: queued");
                }
                case "QUIT" -> {
                    reply(out, "221 2.0.0 Bye");
                    return;
                }
                default -> reply(out, "250 2.0.0 Ok");
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
