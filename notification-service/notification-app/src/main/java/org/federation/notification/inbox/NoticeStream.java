package org.federation.notification.inbox;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import java.util.function.Consumer;

import org.federation.notification.contracts.NoticePosted;
import org.federation.notification.contracts.NotificationEventTypes;
import org.federation.notification.inbox.domain.Notice;
import org.federation.platform.messaging.EventEnvelope;
import org.federation.platform.messaging.InboundEvents;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Lazy;
import org.springframework.http.MediaType;
import org.springframework.messaging.Message;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * Server-sent events for the portal: a connected inbox gets each new notice at once (event
 * {@code notice}), after an {@code unread} event with its count on connecting. Every instance reads
 * {@code notification.events} with a consumer of its own (no group, from the latest offset), so a
 * portal connected to any instance sees notices whichever instance posted them.
 */
@Component
public class NoticeStream {

    private static final Logger log = LoggerFactory.getLogger(NoticeStream.class);

    private final Map<String, List<SseEmitter>> open = new ConcurrentHashMap<>();
    private final Inboxes inboxes;

    NoticeStream(@Lazy Inboxes inboxes) {
        this.inboxes = inboxes;
    }

    @Configuration(proxyBeanMethods = false)
    static class Feed {
        /** Every instance's own view of notification.events: pushes each posted notice to its open streams. */
        @Bean
        Consumer<Message<byte[]>> liveNotices(InboundEvents inbound, NoticeStream stream) {
            return message -> {
                try {
                    EventEnvelope event = inbound.envelope(message);
                    if (NotificationEventTypes.NOTICE_POSTED.equals(event.type())) {
                        NoticePosted posted = inbound.payload(event, NoticePosted.class);
                        stream.push(posted.recipient(), posted.noticeId());
                    }
                } catch (RuntimeException e) {
                    // a live view only: nothing is lost by skipping a message (the inbox has the notice)
                    log.debug("Skipped a message on notification.events for the live stream: {}", e.getMessage());
                }
            };
        }
    }

    SseEmitter connect(String recipient, long timeoutMillis, long unread) {
        SseEmitter emitter = new SseEmitter(timeoutMillis);
        List<SseEmitter> emitters = open.computeIfAbsent(recipient, r -> new CopyOnWriteArrayList<>());
        emitters.add(emitter);
        Runnable remove = () -> emitters.remove(emitter);
        emitter.onCompletion(remove);
        emitter.onTimeout(() -> {
            remove.run();
            emitter.complete();
        });
        emitter.onError(e -> remove.run());
        try {
            emitter.send(SseEmitter.event().name("unread").data(Map.of("recipient", recipient, "unread", unread),
                    MediaType.APPLICATION_JSON));
        } catch (IOException | IllegalStateException e) {
            remove.run();
        }
        return emitter;
    }

    void push(String recipient, String noticeId) {
        List<SseEmitter> emitters = open.get(recipient);
        if (emitters == null || emitters.isEmpty()) {
            return;
        }
        Notice notice = inboxes.find(noticeId).orElse(null);
        if (notice == null) {
            return;
        }
        for (SseEmitter emitter : emitters) {
            try {
                emitter.send(SseEmitter.event().id(notice.id()).name("notice").data(notice, MediaType.APPLICATION_JSON));
            } catch (IOException | IllegalStateException gone) {
                emitters.remove(emitter);
            }
        }
    }

    /** How many streams are open (for tests and health). */
    public int openStreams() {
        return open.values().stream().mapToInt(List::size).sum();
    }
}
