package org.federation.notification.escalation.application;

import org.federation.notification.escalation.domain.EscalationRecords;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;

import org.federation.notification.directory.domain.Names;
import org.federation.notification.directory.application.Recipients;
import org.federation.notification.escalation.domain.Escalation;
import org.federation.notification.inbox.application.Inboxes;
import org.federation.notification.inbox.application.NoticeListener;
import org.federation.notification.inbox.domain.AcknowledgementGroups;
import org.federation.notification.inbox.domain.Notice;
import org.federation.notification.scheduling.application.Timers;
import org.federation.platform.domain.BusinessClock;
import org.federation.platform.domain.Decision;
import org.federation.platform.domain.DomainEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Takes the escalation steps that are due, on a timer (a thread of its own) on every instance. For each due escalation:
 * claim it (conditional update), check the notices themselves for an acknowledgement, post the
 * step's notices (ids derived from the escalation and the step, so a retry posts nothing twice),
 * then record the step with its event in one version-checked write. A crash anywhere leaves the
 * escalation due, and the lease lapses: the next sweep finishes it; nothing is forgotten.
 */
@Component
public class EscalationSweep implements NoticeListener {

    private static final Logger log = LoggerFactory.getLogger(EscalationSweep.class);

    private final EscalationRecords escalations;
    private final Inboxes inboxes;
    private final Recipients recipients;
    private final Names names;
    private final Clock clock;
    private final BusinessClock business;
    private final EscalationDefaults defaults;
    private final Duration lease;

    EscalationSweep(EscalationRecords escalations, Inboxes inboxes, Recipients recipients, Names names, Clock clock,
                    BusinessClock business, EscalationDefaults defaults, Timers timers, @Value("${federation.notifications.escalation.lease:PT2M}") Duration lease,
                    @Value("${federation.notifications.escalation.sweep:PT30S}") Duration every) {
        this.escalations = escalations;
        this.inboxes = inboxes;
        this.recipients = recipients;
        this.names = names;
        this.clock = clock;
        this.business = business;
        this.defaults = defaults;
        this.lease = lease;
        // a thread of its own: deliveries (webhooks that hang) and the other sweeps never hold it up
        timers.every("escalation-sweep", every, every, this::onTimer);
    }

    /** Business time moved (the local platform): steps that fell due are taken now, not at the next tick. */
    @EventListener(BusinessClock.Moved.class)
    void onTimer() {
        try {
            sweep(business.instant());
        } catch (RuntimeException e) {
            log.warn("Escalation sweep failed; it runs again at the next tick", e);
        }
    }

    /**
     * Takes every step due by {@code now} (business time); returns how many steps were taken. The claim's
     * lease runs on the real clock, so moving business time never frees an escalation another instance holds.
     */
    public int sweep(Instant now) {
        int taken = 0;
        for (String id : escalations.dueIds(now, 500)) {
            if (!escalations.claim(id, now, clock.instant(), lease)) {
                continue;
            }
            try {
                if (step(id, now)) {
                    taken++;
                }
            } finally {
                escalations.release(id);
            }
        }
        return taken;
    }

    private boolean step(String id, Instant now) {
        Escalation escalation = escalations.find(id).orElse(null);
        if (escalation == null || !escalation.isDue(now)) {
            return false;
        }
        if (AcknowledgementGroups.acknowledged(inboxes.acknowledgementsInGroup(escalation.directNoticeId(),
                escalation.group()))) {
            escalations.change(id, e -> e.acknowledge(now));
            return false;
        }
        String liaison = escalation.clubId() == null ? null : recipients.liaisonOf(escalation.clubId()).orElse(null);
        Set<String> heads = recipients.headsOf(escalation.department());
        Escalation.Step step = escalation.escalate(now, liaison, heads, defaults.timing()).state().lastStep();
        // the step's notices first: a crash before the step is recorded leaves it due, and the retry posts nothing twice
        for (String to : step.to()) {
            inboxes.post(escalation.noticeOf(step, to, now, names), DomainEvent.SYSTEM);
        }
        boolean done = escalations.change(id, current -> current.status().equals(escalation.status()) && current.isDue(now)
                        ? current.escalate(now, liaison, heads, defaults.timing())
                        : Decision.quietly(current)) // taken meanwhile
                .map(d -> !d.events().isEmpty()).orElse(false);
        if (done) {
            log.info("Notice {} unacknowledged by {}: escalated to {} {}", escalation.directNoticeId(), escalation.group(),
                    step.step(), step.to());
        }
        return done;
    }

    /** An acknowledgement stops its groups' escalations at once (the sweep also checks the notices). */
    @Override
    public void acknowledged(Notice notice) {
        if (notice.directNoticeId() == null) {
            return;
        }
        for (String group : AcknowledgementGroups.groupsOf(notice)) {
            escalations.change(Escalation.idOf(notice.directNoticeId(), group), e -> e.acknowledge(notice.acknowledgedAt()));
        }
    }
}
