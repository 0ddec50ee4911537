package org.federation.club.profile.application;

import org.federation.platform.domain.FederationCalendar;
import org.federation.platform.domain.BusinessClock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.federation.club.contracts.ClubProfileUpdated;
import org.federation.club.contracts.InformationRequested;
import org.federation.club.profile.domain.ClubProfileFacts;
import org.federation.club.profile.domain.InformationRequest;
import org.federation.club.profile.domain.ProfileField;
import org.federation.club.profile.domain.ProfileStore;
import org.federation.club.registry.domain.AnnualRegistration;
import org.federation.club.registry.domain.Club;
import org.federation.club.registry.domain.ClubCategory;
import org.federation.club.registry.domain.ClubState;
import org.federation.club.registry.domain.Clubs;
import org.federation.club.registry.domain.Leader;
import org.federation.club.registry.domain.RegistrationChanges;
import org.federation.platform.domain.Decision;
import org.federation.platform.paging.PageOf;
import org.federation.platform.problem.ForbiddenException;
import org.federation.platform.problem.ResourceNotFoundException;
import org.federation.platform.problem.RuleViolationException;
import org.federation.platform.security.Caller;
import org.federation.platform.security.FederationRole;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * The shared club profile and departments' information requests: "collect once, share". What a
 * club's record already says (its registration, its members, its leaders) and what clubs supplied
 * before counts as known, with who set it, when and from where; a request asks a club only for
 * what is missing or older than the request allows, and the answers become known for everyone.
 */
@Service
public class SharedProfile {

    private static final Logger log = LoggerFactory.getLogger(SharedProfile.class);

    private final ProfileStore store;
    private final Clubs clubs;
    private final BusinessClock clock;

    public SharedProfile(ProfileStore store, Clubs clubs, BusinessClock clock) {
        this.store = store;
        this.clubs = clubs;
        this.clock = clock;
    }

    /** Everything known of a club now, field by field, each with its provenance. */
    public Map<String, ClubProfileUpdated.Fact> known(Club club) {
        Map<String, ClubProfileUpdated.Fact> known = new LinkedHashMap<>(fromClubRecord(club));
        ClubProfileFacts supplied = store.facts(club.id());
        for (ProfileField field : ProfileField.values()) {
            supplied.current(field.value()).ifPresent(fact -> {
                ClubProfileUpdated.Fact recorded = known.get(field.value());
                if (recorded == null || !fact.setAt().isBefore(recorded.setAt())) {
                    known.put(field.value(), fact);
                }
            });
        }
        return known;
    }

    public ClubProfileFacts history(String clubId) {
        return store.facts(clubId);
    }

    public InformationRequest open(String department, String title, List<String> fields, Duration maxAge,
                                   Instant deadline, List<String> clubIds, Caller caller) {
        if (!FederationRole.DEPARTMENTS.contains(department)) {
            throw new RuleViolationException("department", "'" + department + "' is not a federation department");
        }
        if (!caller.actsFor(department)) {
            throw new ForbiddenException("only the " + department + " department (or the presidium) asks in its name");
        }
        List<Club> targets = clubIds == null || clubIds.isEmpty()
                ? clubs.inStates(List.of(ClubState.ACTIVE, ClubState.UNREGISTERED))
                // a club the body names that does not exist is a bad body (422), not a missing resource (404)
                : clubIds.stream().map(id -> clubs.find(id).orElseThrow(() -> new RuleViolationException("clubIds",
                        "no club has the id '" + id + "'"))).toList();
        Map<String, String> names = new LinkedHashMap<>();
        Map<String, Club> byId = new LinkedHashMap<>();
        targets.forEach(c -> {
            names.put(c.id(), c.name());
            byId.put(c.id(), c);
        });
        Decision<InformationRequest> opened = InformationRequest.open(UUID.randomUUID().toString(), department, title,
                fields, maxAge, deadline, names, id -> known(byId.get(id)), caller.subject(), clock.instant());
        store.add(opened);
        var event = (InformationRequested) opened.events().get(0).payload();
        log.info("Information request {} by {} ({}): {} fields answered from the profile, {} clubs asked", opened
                .state().id(), department, title, event.answeredFromProfile(), event.asked().size());
        return opened.state();
    }

    /**
     * A leader of the club answers what it was asked. The answers go into the profile first (and
     * into the club's record for what its snapshot carries), then into the request.
     */
    public InformationRequest answer(String requestId, String clubId, Map<String, String> values, Caller caller) {
        InformationRequest request = request(requestId);
        Club club = clubs.find(clubId).orElseThrow(() -> new ResourceNotFoundException("club", clubId));
        if (!club.isLedBy(caller.subject())) {
            throw new ForbiddenException("only club " + clubId + "'s leaders answer for it");
        }
        if (values.isEmpty()) {
            throw new RuleViolationException("answers", "supply at least one field");
        }
        Instant now = clock.instant();
        InformationRequest.Answer answer = request.answer(clubId, values, caller.subject(), now);
        amendClubRecord(club, values, caller, requestId, now);
        store.changeFacts(clubId, facts -> facts.set(answer.facts(), caller.subject()));
        InformationRequest answered = store.changeRequest(requestId,
                current -> current.answer(clubId, values, caller.subject(), now).request());
        learned(clubId, answer.facts(), requestId, now);
        return answered;
    }

    /**
     * A command other than an answer (founding, annual registration, …) set facts of a club: they join the
     * profile's as-of history with who, when and from which source (a repeat of the current value from the same
     * source changes nothing), and the club's pending requests that still ask for them are answered from the
     * profile at once, so the club is asked only what is still missing.
     */
    public void learn(String clubId, List<ClubProfileUpdated.Fact> facts, String actor) {
        learn(null, clubId, facts, actor);
    }

    /**
     * As {@link #learn(String, List, String)}, for a command that changed {@code before} (the club as it was): a field
     * whose history is still empty first gets the value the club's record held until now, with that record's
     * provenance, so "what did the profile say before the change" has an answer too.
     */
    public void learn(Club before, String clubId, List<ClubProfileUpdated.Fact> facts, String actor) {
        if (facts.isEmpty()) {
            return;
        }
        Map<String, ClubProfileUpdated.Fact> recorded = before == null ? Map.of() : fromClubRecord(before);
        store.changeFacts(clubId, current -> {
            List<ClubProfileUpdated.Fact> all = new java.util.ArrayList<>();
            for (ClubProfileUpdated.Fact fact : facts) {
                ClubProfileUpdated.Fact earlier = recorded.get(fact.field());
                if (current.historyOf(fact.field()).isEmpty() && earlier != null && earlier.setAt().isBefore(fact.setAt())
                        && !ProfileField.fromValue(fact.field()).map(ProfileField::live).orElse(true)) {
                    all.add(earlier);
                }
                all.add(fact);
            }
            return current.set(all, actor);
        });
        learned(clubId, facts, null, clock.instant());
    }

    /**
     * The profile learned facts of a club: the club's other open requests that still ask for them
     * are answered from the profile now, so the club does not enter them twice. Each request is
     * changed on its own (version-checked); a request that asks none of them is not written.
     */
    private void learned(String clubId, List<ClubProfileUpdated.Fact> facts, String answeredRequest, Instant now) {
        for (String id : store.openRequestIds(clubId, now)) {
            if (id.equals(answeredRequest)) {
                continue;
            }
            boolean asks = store.request(id).flatMap(r -> r.learned(clubId, facts, now)).isPresent();
            if (asks) {
                store.changeRequest(id, current -> current.learned(clubId, facts, now).orElse(current));
                log.info("Information request {} answered {} of club {} from the profile", id,
                        facts.stream().map(ClubProfileUpdated.Fact::field).toList(), clubId);
            }
        }
    }

    public InformationRequest request(String id) {
        return store.request(id).orElseThrow(() -> new ResourceNotFoundException("information request", id));
    }

    public PageOf<InformationRequest> requests(String clubId, int page, int size) {
        return store.requests(clubId, page, size);
    }

    private void amendClubRecord(Club club, Map<String, String> values, Caller caller, String requestId, Instant now) {
        ClubCategory category = values.containsKey("category") ? ClubCategory.fromValue(values.get("category"))
                .orElseThrow(() -> new RuleViolationException("category", "'" + values.get("category")
                        + "' is not a category; allowed: " + ClubCategory.allowedValues())) : null;
        RegistrationChanges changes = new RegistrationChanges(values.get("contact"), category,
                values.get("facultyAdvisor"), null);
        clubs.change(club.id(), c -> c.amendProfile(changes, caller.subject(), now,
                "answered information request " + requestId));
    }

    /** What the club's own record says, dated by when it was last set or confirmed. */
    private Map<String, ClubProfileUpdated.Fact> fromClubRecord(Club club) {
        Map<String, ClubProfileUpdated.Fact> facts = new LinkedHashMap<>();
        AnnualRegistration lastRegistration = club.registrations().years().stream().filter(AnnualRegistration::accepted)
                .max(java.util.Comparator.comparing(AnnualRegistration::submittedAt)).orElse(null);
        Instant confirmedAt = lastRegistration != null ? lastRegistration.submittedAt() : club.enteredAt();
        String confirmedBy = lastRegistration != null ? lastRegistration.submittedBy() : club.enteredBy();
        String source = lastRegistration != null ? "registration " + lastRegistration.academicYear() : "club record";
        put(facts, "contact", club.contact(), confirmedBy, confirmedAt, source);
        put(facts, "category", club.category().value(), confirmedBy, confirmedAt, source);
        put(facts, "facultyAdvisor", club.profile().facultyAdvisor(), confirmedBy, confirmedAt, source);
        put(facts, "purpose", club.profile().purpose(), confirmedBy, confirmedAt, source);
        Instant now = clock.instant();
        put(facts, "memberCount", String.valueOf(club.memberStudentNumbers().size()), "club-service", now, "memberships");
        club.leaders().stream().filter(l -> Leader.PRESIDENT.equals(l.role())).findFirst().ifPresent(p ->
                put(facts, "president", p.name() + " (" + p.studentNumber() + ")", "club-service",
                        FederationCalendar.startOf(club.leadership().termStartedOn()), "leadership record"));
        // a president is kept current by elections, so the fact is as fresh as the record
        facts.computeIfPresent("president", (k, f) -> new ClubProfileUpdated.Fact(k, f.value(), f.setBy(), now, f.source()));
        return facts;
    }

    private static void put(Map<String, ClubProfileUpdated.Fact> facts, String field, String value, String by,
                            Instant at, String source) {
        if (value != null && !value.isBlank()) {
            facts.put(field, new ClubProfileUpdated.Fact(field, value, by, at, source));
        }
    }
}
