package org.federation.notification.routing.application;

import org.federation.notification.routing.domain.Routed;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.federation.club.contracts.ClubElectionRecorded;
import org.federation.club.contracts.ClubEstablished;
import org.federation.club.contracts.ClubEventTypes;
import org.federation.club.contracts.ClubHandoverOverdue;
import org.federation.club.contracts.ClubLeader;
import org.federation.club.contracts.ClubLeadershipChanged;
import org.federation.club.contracts.ClubMerged;
import org.federation.club.contracts.ClubRegistrationConfirmed;
import org.federation.club.contracts.ClubSnapshot;
import org.federation.club.contracts.ClubStateChanged;
import org.federation.club.contracts.CredentialIssued;
import org.federation.club.contracts.HearingBallotCast;
import org.federation.club.contracts.LateRegistrationSubmitted;
import org.federation.club.contracts.FoundingAnnouncement;
import org.federation.club.contracts.FoundingApplicationChanged;
import org.federation.club.contracts.FoundingApplicationSummary;
import org.federation.club.contracts.RegistrationOpened;
import org.federation.notification.directory.domain.Names;
import org.federation.platform.messaging.EventEnvelope;
import org.federation.platform.messaging.InboundEvents;

/** What each club event that matters says as a notice: its kind, title, body and who it concerns. */
public final class ClubEventNotices {

    private ClubEventNotices() {
    }

    public static Optional<Routed> of(EventEnvelope event, InboundEvents inbound, Names names) {
        String id = event.id();
        return Optional.ofNullable(switch (event.type()) {
            case ClubEventTypes.ESTABLISHED -> {
                ClubEstablished e = inbound.payload(event, ClubEstablished.class);
                ClubSnapshot club = e.club();
                String how = ClubEstablished.FOUNDED.equals(e.origin()) ? "was founded after its defense hearing"
                        : ClubEstablished.MERGER.equals(e.origin()) ? "was formed by a merger" : "was brought onto the platform";
                yield about(id, "club-established", "Club established: " + club.name(),
                        club.name() + " (" + club.category() + ", founded " + club.foundedOn() + ") " + how + ".", club);
            }
            case ClubEventTypes.REGISTRATION_OPENED -> {
                RegistrationOpened e = inbound.payload(event, RegistrationOpened.class);
                InboundEvents.require(e.academicYear() != null, event, "academicYear is required");
                yield new Routed(id, "registration-opened", "Annual registration opened: " + e.academicYear(),
                        "Every club registers again for " + e.academicYear() + " by " + Moments.at(e.deadline()) + ".",
                        "registration:" + e.academicYear(), List.of(), List.of(), true);
            }
            case ClubEventTypes.REGISTRATION_CONFIRMED -> {
                ClubRegistrationConfirmed e = inbound.payload(event, ClubRegistrationConfirmed.class);
                yield about(id, "registration-confirmed", "Registration confirmed: " + e.club().name() + " (" + e.academicYear() + ")",
                        e.club().name() + " registered for " + e.academicYear() + (e.late() ? ", late and accepted." : "."), e.club());
            }
            case ClubEventTypes.REGISTRATION_MISSED -> state(event, inbound, "registration-missed", "Registration missed");
            case ClubEventTypes.SUSPENDED -> state(event, inbound, "club-suspended", "Club suspended");
            case ClubEventTypes.REINSTATED -> state(event, inbound, "club-reinstated", "Club reinstated");
            case ClubEventTypes.DISSOLUTION_REQUESTED -> state(event, inbound, "dissolution-requested", "Dissolution requested");
            case ClubEventTypes.DISSOLVED -> state(event, inbound, "club-dissolved", "Club dissolved");
            case ClubEventTypes.ELECTION_RECORDED -> {
                ClubElectionRecorded e = inbound.payload(event, ClubElectionRecorded.class);
                yield about(id, "election-recorded", "Election recorded: " + e.club().name(),
                        e.club().name() + " held its leader election meeting on " + e.heldOn() + " (" + e.membersPresent()
                                + " members present" + (e.quorumReached() ? ", quorate" : ", NOT quorate")
                                + "); it awaits confirmation.", e.club());
            }
            case ClubEventTypes.LEADERSHIP_CHANGED -> {
                ClubLeadershipChanged e = inbound.payload(event, ClubLeadershipChanged.class);
                Routed routed = about(id, "leadership-changed", "Leadership changed: " + e.club().name(),
                        e.club().name() + " has new leaders (" + names(e.club().leaders()) + ") until " + e.termEndsOn() + ".", e.club());
                yield new Routed(id, routed.kind(), routed.title(), routed.body(), routed.subjectRef(), routed.clubIds(),
                        numbers(e.previousLeaders()));
            }
            case ClubEventTypes.HANDOVER_OVERDUE -> {
                ClubHandoverOverdue e = inbound.payload(event, ClubHandoverOverdue.class);
                yield about(id, "handover-overdue", "Handover overdue: " + e.club().name(),
                        "The leadership term of " + e.club().name() + " ended on " + e.termEndedOn() + " without a confirmed "
                                + (e.electionRecorded() ? "election (one is recorded and awaits confirmation)." : "election."), e.club());
            }
            case ClubEventTypes.MERGED -> {
                ClubMerged e = inbound.payload(event, ClubMerged.class);
                InboundEvents.require(e.successor() != null && e.mergerId() != null, event, "successor and mergerId are required");
                // one merger is told by one event per club: every recipient hears of it once, under the merger's id
                yield new Routed("merger:" + e.mergerId(), "club-merged", "Clubs merged into " + e.successor().name(),
                        names.clubs(e.mergedAwayIds()) + (e.mergedAwayIds() != null && e.mergedAwayIds().size() == 1 ? " was" : " were")
                                + " merged into " + e.successor().name() + ".", "club:" + e.successor().id(),
                        List.of(e.club().id()), List.of());
            }
            case ClubEventTypes.FOUNDING_SUBMITTED -> founding(event, inbound, "founding-submitted", "Founding application submitted");
            case ClubEventTypes.FOUNDING_QUALIFIED -> founding(event, inbound, "founding-qualified", "Founding application qualified");
            case ClubEventTypes.FOUNDING_RETURNED -> founding(event, inbound, "founding-returned", "Founding application returned");
            case ClubEventTypes.FOUNDING_WITHDRAWN -> founding(event, inbound, "founding-withdrawn", "Founding application withdrawn");
            case ClubEventTypes.HEARING_SCHEDULED -> founding(event, inbound, "hearing-scheduled", "Hearing scheduled");
            case ClubEventTypes.HEARING_INCONCLUSIVE -> founding(event, inbound, "hearing-inconclusive", "Hearing inconclusive");
            case ClubEventTypes.FOUNDING_REJECTED -> founding(event, inbound, "founding-rejected", "Founding application rejected");
            case ClubEventTypes.FOUNDING_ANNOUNCED -> {
                FoundingAnnouncement e = inbound.payload(event, FoundingAnnouncement.class);
                InboundEvents.require(e.name() != null && e.clubId() != null, event, "name and clubId are required");
                yield new Routed(id, "founding-announced", "New club approved: " + e.name(),
                        e.name() + " (" + e.category() + ") was approved at its defense hearing on " + e.approvedOn() + " ("
                                + e.approvals() + " for, " + e.rejections() + " against, " + e.abstentions() + " abstaining). "
                                + (e.purpose() == null ? "" : "Purpose: " + e.purpose()),
                        "club:" + e.clubId(), List.of(), numbers(e.leaders()));
            }
            // facts for the departments' work queues (issue 19): only the kind's subscribers hear of them,
            // not the club's leaders (who did it) nor its members
            case ClubEventTypes.LATE_REGISTRATION_SUBMITTED -> {
                LateRegistrationSubmitted e = inbound.payload(event, LateRegistrationSubmitted.class);
                InboundEvents.require(e.club() != null && e.academicYear() != null, event, "club and academicYear are required");
                yield new Routed(id, "late-registration-submitted", "Late registration: " + e.club().name() + " ("
                        + e.academicYear() + ")", e.club().name() + " registered for " + e.academicYear()
                        + " after the deadline; it counts once the Organization Department accepts it.",
                        "club:" + e.club().id(), List.of(), List.of());
            }
            case ClubEventTypes.HEARING_BALLOT_CAST -> {
                HearingBallotCast e = inbound.payload(event, HearingBallotCast.class);
                InboundEvents.require(e.application() != null && e.application().id() != null && e.panelMember() != null,
                        event, "application with id and panelMember are required");
                yield new Routed(id, "hearing-ballot-cast", "Ballot cast: " + e.application().proposedName(),
                        "A panel member voted on the founding application for " + e.application().proposedName() + " ("
                                + e.ballotsCast() + " of " + e.panelSize() + " ballots cast).",
                        "founding-application:" + e.application().id(), List.of(), List.of());
            }
            case ClubEventTypes.CREDENTIAL_ISSUED -> {
                CredentialIssued e = inbound.payload(event, CredentialIssued.class);
                InboundEvents.require(e.clubId() != null && e.holder() != null, event, "clubId and holder are required");
                String club = names.club(e.clubId());
                yield new Routed(id, "credential-issued", "Member credential issued: " + club,
                        names.person(e.holder()) + " received a " + (e.role() == null ? "member" : e.role()) + " credential of "
                                + club + ", valid until " + Moments.at(e.validUntil()) + ".",
                        "club:" + e.clubId(), List.of(), List.of());
            }
            default -> null;
        });
    }

    private static Routed about(String cause, String kind, String title, String body, ClubSnapshot club) {
        return new Routed(cause, kind, title, body, "club:" + club.id(), List.of(club.id()), List.of());
    }

    private static Routed state(EventEnvelope event, InboundEvents inbound, String kind, String what) {
        ClubStateChanged e = inbound.payload(event, ClubStateChanged.class);
        return about(event.id(), kind, what + ": " + e.club().name(), e.club().name() + " is now " + e.club().state()
                + " (was " + e.previousState() + ")" + (e.reason() == null ? "." : ": " + e.reason()), e.club());
    }

    private static Routed founding(EventEnvelope event, InboundEvents inbound, String kind, String what) {
        FoundingApplicationChanged e = inbound.payload(event, FoundingApplicationChanged.class);
        FoundingApplicationSummary application = e.application();
        InboundEvents.require(application != null && application.id() != null, event, "application with id is required");
        List<String> persons = new ArrayList<>(application.initiators() == null ? List.of() : application.initiators());
        StringBuilder body = new StringBuilder("The founding application for " + application.proposedName() + " ("
                + application.category() + ") is now " + application.state() + ".");
        if (application.hearing() != null && "hearing-scheduled".equals(kind)) {
            body.append(" Hearing: ").append(Moments.at(application.hearing().scheduledAt())).append(", ").append(application.hearing().place());
            if (application.hearing().panel() != null) {
                persons.addAll(application.hearing().panel());
            }
        }
        if (e.reasons() != null && !e.reasons().isEmpty()) {
            body.append(" Reasons: ").append(String.join("; ", e.reasons()));
        }
        return new Routed(event.id(), kind, what + ": " + application.proposedName(), body.toString(),
                "founding-application:" + application.id(), List.of(), persons);
    }

    private static List<String> numbers(List<ClubLeader> leaders) {
        return leaders == null ? List.of() : leaders.stream().map(ClubLeader::studentNumber).toList();
    }

    private static String names(List<ClubLeader> leaders) {
        return leaders == null ? "" : String.join(", ", leaders.stream().map(l -> l.name() + " (" + l.role() + ")").toList());
    }
}
