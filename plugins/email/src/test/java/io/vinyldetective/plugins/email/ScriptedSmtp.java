package io.vinyldetective.plugins.email;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A loopback SMTP server (RFC 5321) that answers each command as scripted, for the refusals GreenMail
 * does not make: an unknown mailbox at RCPT, a busy one, a message refused at the end of DATA, a server
 * without STARTTLS. It offers no TLS and no AUTH; every command it reads is recorded.
 */
final class ScriptedSmtp implements AutoCloseable {

    private final ServerSocket socket;
    private final Map<String, String> answers = new ConcurrentHashMap<>();
    final List<String> commands = new CopyOnWriteArrayList<>();
    private final Thread thread;

    ScriptedSmtp() throws IOException {
        socket = new ServerSocket(0, 5, InetAddress.getLoopbackAddress());
        thread = new Thread(this::serve, "scripted-smtp");
        thread.setDaemon(true);
        thread.start();
    }

    int port() {
        return socket.getLocalPort();
    }

    /** The answer to a command verb ({@code RCPT}, {@code MAIL}, {@code DATA-END} for the end of the message). */
    ScriptedSmtp answer(String verb, String reply) {
        answers.put(verb, reply);
        return this;
    }

    private void serve() {
        while (!socket.isClosed()) {
            try (Socket client = socket.accept()) {
                talk(client);
            } catch (IOException e) {
                // closed, or the client went away
            }
        }
    }

    private void talk(Socket client) throws IOException {
        BufferedReader in = new BufferedReader(new InputStreamReader(client.getInputStream(), StandardCharsets.US_ASCII));
        OutputStream out = client.getOutputStream();
        send(out, "220 scripted.example ESMTP ready");
        String line;
        while ((line = in.readLine()) != null) {
            commands.add(line);
            String verb = line.split(" ", 2)[0].toUpperCase(Locale.ROOT);
            switch (verb) {
                case "EHLO":
                    send(out, "250-scripted.example\r\n250-8BITMIME\r\n250 SIZE 10240000");
                    break;
                case "DATA":
                    send(out, "354 go ahead");
                    String data;
                    while ((data = in.readLine()) != null && !data.equals(".")) {
                        // the message
                    }
                    send(out, answers.getOrDefault("DATA-END", "250 2.0.0 queued"));
                    break;
                case "QUIT":
                    send(out, "221 bye");
                    return;
                default:
                    send(out, answers.getOrDefault(verb, "250 ok"));
            }
        }
    }

    private static void send(OutputStream out, String reply) throws IOException {
        out.write((reply + "\r\n").getBytes(StandardCharsets.US_ASCII));
        out.flush();
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
