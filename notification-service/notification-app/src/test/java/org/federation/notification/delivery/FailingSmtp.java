package org.federation.notification.delivery;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An SMTP server that fails the way real ones do, speaking the protocol over a real socket: it either
 * answers every connection with {@code 421} (busy, try later) or accepts the session and refuses the
 * recipient with {@code 550} (no such mailbox). GreenMail accepts everything, so it cannot stand for these.
 */
final class FailingSmtp implements AutoCloseable {

    private final ServerSocket socket;
    private final boolean refuseRecipient;
    final AtomicInteger sessions = new AtomicInteger();

    private FailingSmtp(boolean refuseRecipient) throws IOException {
        this.refuseRecipient = refuseRecipient;
        this.socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread acceptor = new Thread(this::serve, "failing-smtp");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    /** Every session is turned away at once: {@code 421 Service not available}. */
    static FailingSmtp busy() throws IOException {
        return new FailingSmtp(false);
    }

    /** Sessions go on until the recipient, which is refused: {@code 550 5.1.1 No such mailbox}. */
    static FailingSmtp refusingRecipients() throws IOException {
        return new FailingSmtp(true);
    }

    int port() {
        return socket.getLocalPort();
    }

    /** A port with nothing listening on it (connection refused), as an SMTP server that is down. */
    static int closedPort() throws IOException {
        try (ServerSocket gone = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return gone.getLocalPort();
        }
    }

    private void serve() {
        while (!socket.isClosed()) {
            try (Socket client = socket.accept()) {
                sessions.incrementAndGet();
                converse(client);
            } catch (IOException closed) {
                // the server was closed, or the client hung up: next session
            }
        }
    }

    private void converse(Socket client) throws IOException {
        BufferedReader in = new BufferedReader(new InputStreamReader(client.getInputStream(), StandardCharsets.US_ASCII));
        PrintWriter out = new PrintWriter(client.getOutputStream(), true, StandardCharsets.US_ASCII);
        if (!refuseRecipient) {
            reply(out, "421 4.3.2 Service not available, try again later");
            return;
        }
        reply(out, "220 failing-smtp ESMTP");
        String line;
        while ((line = in.readLine()) != null) {
            String command = line.length() >= 4 ? line.substring(0, 4).toUpperCase() : line.toUpperCase();
            switch (command) {
                case "EHLO", "HELO" -> reply(out, "250 failing-smtp");
                case "MAIL", "RSET", "NOOP" -> reply(out, "250 2.0.0 OK");
                case "RCPT" -> reply(out, "550 5.1.1 No such mailbox");
                case "QUIT" -> {
                    reply(out, "221 2.0.0 Bye");
                    return;
                }
                default -> reply(out, "503 5.5.1 Bad sequence of commands");
            }
        }
    }

    private static void reply(PrintWriter out, String line) {
        out.print(line + "\r\n");
        out.flush();
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
