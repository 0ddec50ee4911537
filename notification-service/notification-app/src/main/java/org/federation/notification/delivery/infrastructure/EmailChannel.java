package org.federation.notification.delivery.infrastructure;

import org.federation.notification.delivery.application.Channel;
import org.federation.notification.delivery.domain.PermanentDeliveryFailure;
import org.federation.notification.delivery.domain.ContactPreferences;
import org.federation.notification.delivery.domain.Delivery;

import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.Set;

import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.mail.MailException;
import org.springframework.mail.MailSendException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

/**
 * E-mail over SMTP ({@code spring.mail.host}, …); without an SMTP server configured, no e-mail is planned.
 * A server that cannot be reached, or answers 4xx (busy, try later), fails the attempt and it is retried; a
 * 5xx refusal of the recipient's address (no such mailbox, 550/553) is permanent: no retry can deliver it.
 * Any other 5xx (authentication, the sender refused) is the server's configuration, which an operator can
 * fix, so it is retried too.
 */
@Component
public class EmailChannel implements Channel {

    private final ObjectProvider<JavaMailSender> mail;
    private final String from;

    public EmailChannel(ObjectProvider<JavaMailSender> mail,
                 @Value("${federation.notifications.mail-from:notifications@federation.example.edu}") String from) {
        this.mail = mail;
        this.from = from;
    }

    @Override
    public boolean available() {
        return mail.getIfAvailable() != null;
    }

    @Override
    public String name() {
        return ContactPreferences.EMAIL;
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
        try {
            sender.send(message);
        } catch (MailException e) {
            SMTPAddressFailedException refused = refusedAddress(e);
            if (refused != null && refused.getReturnCode() >= 500) {
                throw new PermanentDeliveryFailure("refused by the SMTP server: " + refused.getReturnCode() + " "
                        + refused.getMessage().strip() + " (" + delivery.target() + ")");
            }
            throw e;
        }
    }

    /** The SMTP server's refusal of a recipient's address, wherever Spring and Jakarta Mail wrapped it. */
    private static SMTPAddressFailedException refusedAddress(MailException failure) {
        Deque<Throwable> open = new ArrayDeque<>();
        Set<Throwable> seen = new HashSet<>();
        open.add(failure);
        if (failure instanceof MailSendException send) {
            open.addAll(java.util.List.of(send.getMessageExceptions()));
        }
        while (!open.isEmpty()) {
            Throwable next = open.poll();
            if (!seen.add(next)) {
                continue;
            }
            if (next instanceof SMTPAddressFailedException refused) {
                return refused;
            }
            if (next.getCause() != null) {
                open.add(next.getCause());
            }
            if (next instanceof MessagingException messaging && messaging.getNextException() != null) {
                open.add(messaging.getNextException());
            }
        }
        return null;
    }
}
