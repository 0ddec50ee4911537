package org.federation.notification.inbox.web;

import org.federation.notification.inbox.application.Inboxes;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;


import org.federation.notification.inbox.domain.Notice;
import org.federation.notification.scheduling.application.Timers;
import org.federation.platform.problem.TooManyRequestsException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.annotation.Lazy;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * Server-sent events for the portal: a connected inbox gets each new notice at once (event
 * {@code notice}), after an {@code unread} event with its count on connecting. Every instance reads
 * {@code notification.events} with a consumer of its own (no group, from the latest offset), so a
 * portal connected to any instance sees notices whichever instance posted them.
 * <p>
 * A person holds at most {@code federation.notifications.streams.per-person} streams at once on
 * an instance (each holds a connection and an async request slot, so an unbounded number is a
 * cheap way to exhaust the instance); one more is refused with 429 and {@code Retry-After}. A
 * stream that completes, times out or fails frees its slot. The count is per instance: a stream
 * lives on the one instance that accepted it, so there is nothing to share. The servlet container
 * learns that a client went away only when it writes to it, so every open stream gets a comment
 * line every {@code federation.notifications.streams.heartbeat} (15 s): a write to a closed
 * connection fails and frees the slot (the heartbeat also keeps proxies from cutting an idle stream).
 * <p>
 * On shutdown every open stream is ended first, each telling its client to reconnect in a second (which
 * the load balancer sends to another instance): an open stream is an open request, and the web server's
 * graceful shutdown waited for each one until its own timeout (30 s) on every SIGTERM, then cut them.
 */
@Component
public class NoticeStream implements SmartLifecycle {

    /** Above the web server's graceful shutdown ({@code DEFAULT_PHASE - 1024}): Spring stops higher phases first. */
    static final int PHASE = SmartLifecycle.DEFAULT_PHASE;
    /** How soon a client whose stream was ended by a shutdown reconnects. */
    static final long RECONNECT_MILLIS = 1_000;

    private static final Logger log = LoggerFactory.getLogger(NoticeStream.class);

    private final Map<String, List<SseEmitter>> open = new ConcurrentHashMap<>();
    /** Streams held per person (token subject), whichever inbox they watch. */
    private final Map<String, Integer> held = new ConcurrentHashMap<>();
    /** How each open stream is let go: off its inbox's list, its holder's slot given back (once). */
    private final Map<SseEmitter, Runnable> closers = new ConcurrentHashMap<>();
    private final Inboxes inboxes;
    private final int perPerson;
    private final Duration retryAfter;
    private volatile boolean running;
    /** Stopped (shutting down), as opposed to not started yet: the web server takes requests before this starts. */
    private volatile boolean stopped;

    NoticeStream(@Lazy Inboxes inboxes, Timers timers,
                 @Value("${federation.notifications.streams.per-person:3}") int perPerson,
                 @Value("${federation.notifications.streams.retry-after:PT30S}") Duration retryAfter,
                 @Value("${federation.notifications.streams.heartbeat:PT15S}") Duration heartbeat) {
        if (perPerson < 1) {
            throw new IllegalArgumentException("federation.notifications.streams.per-person must be at least 1");
        }
        this.inboxes = inboxes;
        this.perPerson = perPerson;
        this.retryAfter = retryAfter;
        timers.every("stream-heartbeat", heartbeat, heartbeat, this::heartbeat);
    }

    /**
     * Opens a stream of {@code recipient}'s inbox held by {@code holder} (the caller's subject).
     *
     * @throws TooManyRequestsException if the holder has {@code per-person} streams open already
     */
    public SseEmitter connect(String holder, String recipient, long timeoutMillis, long unread) {
        reserve(holder);
        SseEmitter emitter = new SseEmitter(timeoutMillis);
        List<SseEmitter> emitters = open.computeIfAbsent(recipient, r -> new CopyOnWriteArrayList<>());
        emitters.add(emitter);
        // completion, timeout and error may each fire for one stream: its slot is given back once
        AtomicBoolean released = new AtomicBoolean();
        Runnable remove = () -> {
            emitters.remove(emitter);
            closers.remove(emitter);
            if (released.compareAndSet(false, true)) {
                release(holder);
            }
        };
        closers.put(emitter, remove);
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
        if (stopped) {
            end(emitter); // connected while this instance shuts down: come back to another one
        }
        return emitter;
    }

    @Override
    public void start() {
        stopped = false;
        running = true;
    }

    /** Ends every open stream, each told to reconnect (to another instance) in {@value #RECONNECT_MILLIS} ms. */
    @Override
    public void stop() {
        stopped = true;
        running = false;
        int ended = 0;
        for (SseEmitter emitter : List.copyOf(closers.keySet())) {
            end(emitter);
            ended++;
        }
        if (ended > 0) {
            log.info("Ended {} live inbox stream(s) for shutdown; their portals reconnect to another instance", ended);
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public int getPhase() {
        return PHASE;
    }

    private void end(SseEmitter emitter) {
        try {
            emitter.send(SseEmitter.event().comment("this instance is shutting down").reconnectTime(RECONNECT_MILLIS));
        } catch (IOException | IllegalStateException gone) {
            // the client went away already: nothing to tell it
        }
        gone(emitter);
    }

    /** A comment line to every open stream; a stream whose client has gone fails the write and is closed. */
    public void heartbeat() {
        for (List<SseEmitter> emitters : open.values()) {
            for (SseEmitter emitter : emitters) {
                try {
                    emitter.send(SseEmitter.event().comment("heartbeat"));
                } catch (IOException | IllegalStateException gone) {
                    // the container may not call back for a stream whose client is gone: let it go here
                    gone(emitter);
                }
            }
        }
    }

    private void gone(SseEmitter emitter) {
        Runnable closer = closers.get(emitter);
        if (closer != null) {
            closer.run();
        }
        try {
            emitter.complete();
        } catch (RuntimeException alreadyDone) {
            // the response is over already: nothing more to end
        }
    }

    private void reserve(String holder) {
        boolean[] refused = {false};
        held.compute(holder, (h, count) -> {
            int now = count == null ? 0 : count;
            if (now >= perPerson) {
                refused[0] = true;
                return count;
            }
            return now + 1;
        });
        if (refused[0]) {
            throw new TooManyRequestsException(holder + " has " + perPerson + " live streams open already, the most one"
                    + " person may hold; close one (or let it time out) before opening another", retryAfter);
        }
    }

    private void release(String holder) {
        held.computeIfPresent(holder, (h, count) -> count <= 1 ? null : count - 1);
    }

    /** Sends the notice to every stream open on its recipient's inbox here (told by the live feed, {@code LiveNoticeFeed}). */
    public void push(String recipient, String noticeId) {
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
                gone(emitter);
            }
        }
    }

    /** Whether any stream is open here: without one the live feed has nobody to tell. */
    public boolean anyOpen() {
        return open.values().stream().anyMatch(emitters -> !emitters.isEmpty());
    }

    /** How many streams are open (for tests and health). */
    public int openStreams() {
        return open.values().stream().mapToInt(List::size).sum();
    }

    /** How many streams this person holds on this instance. */
    public int heldBy(String holder) {
        return held.getOrDefault(holder, 0);
    }
}
