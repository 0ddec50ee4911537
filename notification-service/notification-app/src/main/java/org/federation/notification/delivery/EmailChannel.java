package org.federation.notification.delivery;

import java.nio.charset.StandardCharsets;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;

import jakarta.mail.internet.MimeMessage;

/** E-mail over SMTP ({@code spring.mail.host}, …); without an SMTP server configured, no e-mail is planned. */
@Component
public class EmailChannel implements Channel {

    private final ObjectProvider<JavaMailSender> mail;
    private final String from;

    EmailChannel(ObjectProvider<JavaMailSender> mail,
                 @Value("${federation.notifications.mail-from:notifications@federation.example.edu}") String from) {
        this.mail = mail;
        this.from = from;
    }

    public boolean available() {
        return mail.getIfAvailable() != null;
    }

    @Override
    public String name() {
        return "email";
    }

    @Override
    public void send(Delivery delivery) throws Exception {
        JavaMailSender sender = mail.getIfAvailable();
        if (sender == null) {
            throw new IllegalStateException("no SMTP server is configured (spring.mail.host)");
        }
        MimeMessage message = sender.createMimeMessage();
        MimeMessageHelper helper = new MimeMessageHelper(message, false, StandardCharsets.UTF_8.name());
        helper.setFrom(from);
        helper.setTo(delivery.target());
        helper.setSubject(delivery.subject());
        helper.setText(delivery.text());
        message.setHeader("X-Federation-Notice-Id", delivery.noticeId());
        sender.send(message);
    }
}
