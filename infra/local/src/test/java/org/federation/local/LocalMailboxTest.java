package org.federation.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Properties;

import org.federation.platform.testing.HttpProbe;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import tools.jackson.databind.JsonNode;

/** The local platform's mail server on its own: it catches what is sent over SMTP and lists it on its page. */
class LocalMailboxTest {

    LocalMailbox mailbox;

    @BeforeEach
    void start() throws Exception {
        mailbox = LocalMailbox.start(0, 0);
    }

    @AfterEach
    void stop() {
        mailbox.close();
    }

    private void send(String to, String subject, String text) throws Exception {
        Properties properties = new Properties();
        properties.put("mail.smtp.host", mailbox.smtpHost());
        properties.put("mail.smtp.port", String.valueOf(mailbox.smtpPort()));
        MimeMessage message = new MimeMessage(Session.getInstance(properties));
        message.setFrom(new InternetAddress("notifications@federation.example.edu"));
        message.setRecipient(Message.RecipientType.TO, new InternetAddress(to));
        message.setSubject(subject, "UTF-8");
        message.setText(text, "UTF-8");
        Transport.send(message);
    }

    @Test
    void itCatchesEveryMailAndShowsThemNewestFirstWithoutLettingTheirTextBecomeMarkup() throws Exception {
        HttpProbe page = new HttpProbe("http://localhost:" + mailbox.page().split(":")[2].replace("/", ""));
        assertThat(page.get("/").body()).contains("No e-mail yet");

        send("2023020002@stu.example.edu", "[Federation] Activity published: 摄影分享会", "摄影分享会 (training) on Friday.");
        long sent = System.currentTimeMillis();
        // the page orders by the time received (milliseconds): the second mail arrives at a later one
        org.awaitility.Awaitility.await().pollInterval(java.time.Duration.ofMillis(1)).until(() -> System.currentTimeMillis() > sent);
        send("2023020003@stu.example.edu", "[Federation] <b>bold</b>", "<script>alert(1)</script>");

        assertThat(mailbox.mails()).extracting(LocalMailbox.Mail::subject)
                .containsExactly("[Federation] <b>bold</b>", "[Federation] Activity published: 摄影分享会");
        LocalMailbox.Mail first = mailbox.mails().get(1);
        assertThat(first.to()).containsExactly("2023020002@stu.example.edu");
        assertThat(first.from()).isEqualTo("notifications@federation.example.edu");
        assertThat(first.text()).isEqualTo("摄影分享会 (training) on Friday.");

        HttpProbe.Response html = page.get("/");
        assertThat(html.status()).isEqualTo(200);
        assertThat(html.header("Content-Type")).startsWith("text/html");
        assertThat(html.body()).contains("Activity published: 摄影分享会", "2023020002@stu.example.edu",
                "&lt;script&gt;alert(1)&lt;/script&gt;", "&lt;b&gt;bold&lt;/b&gt;").doesNotContain("<script>", "<b>bold");

        JsonNode mails = page.get("/mails").json().get("mails");
        assertThat(mails.size()).isEqualTo(2);
        assertThat(mails.get(1).get("to").get(0).asString()).isEqualTo("2023020002@stu.example.edu");
        assertThat(mails.get(1).get("text").asString()).isEqualTo("摄影分享会 (training) on Friday.");
        assertThat(mails.get(1).get("receivedAt").asString()).isNotBlank();
        assertThat(page.get("/nothing-here").status()).isEqualTo(404);
    }
}
