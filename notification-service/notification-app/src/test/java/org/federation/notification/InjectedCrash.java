package org.federation.notification;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;

import org.federation.notification.inbox.application.NoticeListener;
import org.federation.notification.inbox.domain.Notice;
import org.springframework.stereotype.Component;

/**
 * A crash injected into the shared test context: armed by a test, the next matching notice's post
 * fails before the notice is stored (listeners are told before the write), once, as if the instance
 * had died between an earlier write and this one. Harmless unless armed.
 */
@Component
public class InjectedCrash implements NoticeListener {

    private final AtomicReference<Predicate<Notice>> armed = new AtomicReference<>();
    private final AtomicInteger fired = new AtomicInteger();

    /** The next post of a notice matching {@code which} fails, once. */
    public void onceBefore(Predicate<Notice> which) {
        fired.set(0);
        armed.set(which);
    }

    /** How often it fired since armed. */
    public int fired() {
        return fired.get();
    }

    @Override
    public void beforePosting(Notice notice) {
        beforePostingAll(List.of(notice));
    }

    @Override
    public void beforePostingAll(List<Notice> notices) {
        Predicate<Notice> which = armed.get();
        if (which != null && notices.stream().anyMatch(which) && armed.compareAndSet(which, null)) {
            fired.incrementAndGet();
            throw new IllegalStateException("injected crash before posting " + notices.size() + " notice(s)");
        }
    }
}
