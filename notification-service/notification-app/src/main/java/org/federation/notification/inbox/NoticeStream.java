package org.federation.notification.inbox;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * Server-sent events for the portal: a connected inbox gets each new notice at once (event
 * {@code notice}), after an {@code unread} event with its count on connecting. Notices posted by
 * this instance are pushed; see docs for several instances.
 */
@Component
public class NoticeStream implements NoticeListener {

    private final Map<String, List<SseEmitter>> open = new ConcurrentHashMap<>();

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

    @Override
    public void posted(Notice notice) {
        List<SseEmitter> emitters = open.get(notice.recipient());
        if (emitters == null) {
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
