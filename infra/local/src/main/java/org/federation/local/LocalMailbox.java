package org.federation.local;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.icegreen.greenmail.store.StoredMessage;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import jakarta.mail.Address;
import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;
import tools.jackson.databind.json.JsonMapper;

/**
 * The local platform's mail server: a real SMTP server (GreenMail) that catches every e-mail
 * notification-service sends, whatever the address, and a small web page listing them (newest first:
 * when, from, to, subject, text), with the same as JSON at {@code /mails}. Development only: nothing
 * leaves the machine, and the mails live in memory until the platform stops.
 */
public final class LocalMailbox implements AutoCloseable {

    /** The default SMTP port (GreenMail's usual test port) and the web page's port. */
    public static final int SMTP_PORT = 3025;
    public static final int WEB_PORT = 8025;
    private static final String HOST = "127.0.0.1";

    /** One caught e-mail. */
    public record Mail(Instant receivedAt, String from, List<String> to, String subject, String text) {
    }

    private final GreenMail smtp;
    private final HttpServer web;
    private final JsonMapper json = JsonMapper.builder().build();

    private LocalMailbox(GreenMail smtp, HttpServer web) {
        this.smtp = smtp;
        this.web = web;
    }

    /** Starts the SMTP server and the web page on the loopback address; port 0 picks a free one. */
    public static LocalMailbox start(int smtpPort, int webPort) throws IOException {
        GreenMail smtp = new GreenMail(new ServerSetup(smtpPort, HOST, ServerSetup.PROTOCOL_SMTP));
        smtp.start();
        HttpServer web;
        try {
            web = HttpServer.create(new InetSocketAddress(HOST, webPort), 0);
        } catch (IOException e) {
            smtp.stop();
            throw e;
        }
        LocalMailbox mailbox = new LocalMailbox(smtp, web);
        web.createContext("/mails", mailbox::answerJson);
        web.createContext("/", mailbox::answerPage);
        web.start();
        return mailbox;
    }

    public String smtpHost() {
        return HOST;
    }

    public int smtpPort() {
        return smtp.getSmtp().getPort();
    }

    /** Where a person looks at the caught mails. */
    public String page() {
        return "http://localhost:" + web.getAddress().getPort() + "/";
    }

    /** What points notification-service at this server (the other services send no e-mail). */
    public List<String> notificationServiceArguments() {
        return List.of("--spring.mail.host=" + smtpHost(), "--spring.mail.port=" + smtpPort());
    }

    /** Every mail caught so far, newest first. */
    public List<Mail> mails() {
        List<Mail> mails = new ArrayList<>();
        for (StoredMessage stored : smtp.getManagers().getImapHostManager().getAllMessages()) {
            mails.add(read(stored));
        }
        mails.sort(Comparator.comparing(Mail::receivedAt).reversed());
        return mails;
    }

    private static Mail read(StoredMessage stored) {
        MimeMessage message = stored.getMimeMessage();
        try {
            List<String> to = new ArrayList<>();
            Address[] recipients = message.getAllRecipients();
            if (recipients != null) {
                for (Address address : recipients) {
                    to.add(address.toString());
                }
            }
            Address[] from = message.getFrom();
            return new Mail(stored.getReceivedDate().toInstant(), from == null || from.length == 0 ? "" : from[0].toString(),
                    to, message.getSubject(), text(message.getContent()));
        } catch (MessagingException | IOException e) {
            return new Mail(stored.getReceivedDate().toInstant(), "", List.of(), "(unreadable)", e.toString());
        }
    }

    /** The text of a plain or multipart body (the first text part). */
    private static String text(Object content) throws MessagingException, IOException {
        if (content instanceof String text) {
            return text;
        }
        if (content instanceof Multipart parts) {
            for (int i = 0; i < parts.getCount(); i++) {
                BodyPart part = parts.getBodyPart(i);
                if (part.isMimeType("text/*") || part.getContent() instanceof Multipart) {
                    return text(part.getContent());
                }
            }
        }
        return "";
    }

    private void answerJson(HttpExchange exchange) throws IOException {
        List<Map<String, Object>> body = new ArrayList<>();
        for (Mail mail : mails()) {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("receivedAt", mail.receivedAt().toString());
            entry.put("from", mail.from());
            entry.put("to", mail.to());
            entry.put("subject", mail.subject());
            entry.put("text", mail.text());
            body.add(entry);
        }
        answer(exchange, "application/json", json.writeValueAsString(Map.of("mails", body)));
    }

    private void answerPage(HttpExchange exchange) throws IOException {
        if (!"/".equals(exchange.getRequestURI().getPath())) {
            answer(exchange, 404, "text/plain; charset=utf-8", "Not found: the caught mails are at / and /mails");
            return;
        }
        StringBuilder page = new StringBuilder("""
                <!doctype html><html><head><meta charset="utf-8"><meta http-equiv="refresh" content="5">
                <title>Federation: caught e-mail</title><style>
                body{font-family:sans-serif;margin:2em} table{border-collapse:collapse;width:100%}
                td,th{border:1px solid #ccc;padding:.4em;vertical-align:top;text-align:left} pre{white-space:pre-wrap;margin:0}
                </style></head><body><h1>E-mail caught by the local platform</h1>
                <p>Every e-mail notification-service sent, newest first (refreshed every 5 s; as JSON at
                <a href="/mails">/mails</a>). Nothing leaves this machine.</p>
                """);
        List<Mail> mails = mails();
        if (mails.isEmpty()) {
            page.append("<p>No e-mail yet. A notice reaches a person by e-mail once notification-service knows their"
                    + " address: from their token when they first call it, or from <code>PUT /api/contacts/{recipient}</code>.</p>");
        } else {
            page.append("<table><tr><th>received</th><th>from</th><th>to</th><th>subject</th><th>text</th></tr>");
            for (Mail mail : mails) {
                page.append("<tr><td>").append(escape(mail.receivedAt().toString())).append("</td><td>")
                        .append(escape(mail.from())).append("</td><td>").append(escape(String.join(", ", mail.to())))
                        .append("</td><td>").append(escape(mail.subject())).append("</td><td><pre>")
                        .append(escape(mail.text())).append("</pre></td></tr>");
            }
            page.append("</table>");
        }
        answer(exchange, "text/html; charset=utf-8", page.append("</body></html>").toString());
    }

    private static void answer(HttpExchange exchange, String type, String body) throws IOException {
        answer(exchange, 200, type, body);
    }

    private static void answer(HttpExchange exchange, int status, String type, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", type);
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    /** Mails carry whatever people wrote into notices: never markup on this page. */
    static String escape(String text) {
        if (text == null) {
            return "";
        }
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;").replace("'", "&#39;");
    }

    @Override
    public void close() {
        web.stop(0);
        smtp.stop();
    }
}
