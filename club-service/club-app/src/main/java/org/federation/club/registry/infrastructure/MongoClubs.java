package org.federation.club.registry.infrastructure;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

import org.federation.platform.domain.FederationCalendar;
import org.federation.club.contracts.ClubTopics;
import org.federation.club.registry.domain.AnnualRegistration;
import org.federation.club.registry.domain.Club;
import org.federation.club.registry.domain.ClubCategory;
import org.federation.club.registry.domain.ClubFilter;
import org.federation.club.registry.domain.ClubName;
import org.federation.club.registry.domain.ClubProfile;
import org.federation.club.registry.domain.ClubState;
import org.federation.club.registry.domain.Clubs;
import org.federation.club.registry.domain.ElectionMeeting;
import org.federation.club.registry.domain.Leader;
import org.federation.club.registry.domain.Leadership;
import org.federation.club.registry.domain.Lineage;
import org.federation.club.registry.domain.Memberships;
import org.federation.club.registry.domain.PastTerm;
import org.federation.club.registry.domain.Registrations;
import org.federation.club.registry.domain.Transition;
import org.federation.platform.domain.Decision;
import org.federation.platform.messaging.AggregateRepository;
import org.federation.platform.messaging.AggregateStore;
import org.federation.platform.paging.PageOf;
import org.federation.platform.persistence.MongoIndexes;
import org.federation.platform.problem.StateConflictException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Repository;

/**
 * Clubs in the {@code clubs} collection, each document carrying its own outbox of events for
 * {@code club.events}. A live club's name is unique through a unique index on the normalised
 * name; a club that ended keeps a retired key ({@code name#id}), so its name is free again.
 */
@Repository
public class MongoClubs implements Clubs {

    static final String COLLECTION = "clubs";

    /**
     * The stored form of a club: flat, so documents written before a field existed still read.
     * {@code memberStudentNumbers} is derived from the membership periods when written (the club
     * holds membership once); it is still written for readers of the older shape (an instance not
     * yet upgraded during a rolling deployment), and read only to reconcile a document written
     * when the club held both (see {@link Memberships#fromStored}).
     */
    record StoredClub(String id, String name, String nameKey, String category, String state, LocalDate foundedOn,
                      String registrationYear, List<String> registeredYears, List<Leader> leaders,
                      List<String> memberStudentNumbers, String liaisonOfficer, String contact, String purpose,
                      String facultyAdvisor, LocalDate termStartedOn, LocalDate termEndsOn,
                      ElectionMeeting pendingElection, LocalDate handoverOverdueSince, List<PastTerm> pastTerms,
                      List<AnnualRegistration> registrations, List<String> missedRegistrationYears,
                      String successorId, List<String> predecessorIds, String mergerId, List<Transition> history,
                      Instant enteredAt, String enteredBy, List<Memberships.Period> membershipPeriods) {

        static StoredClub of(Club club) {
            ClubProfile p = club.profile();
            Leadership l = club.leadership();
            boolean holdsName = club.state() != ClubState.DISSOLVED && club.state() != ClubState.MERGED;
            String key = ClubName.key(club.name());
            return new StoredClub(club.id(), club.name(), holdsName ? key : key + "#" + club.id(),
                    club.category().name(), club.state().name(), club.foundedOn(), club.registrationYear(),
                    club.registrations().years().stream().filter(AnnualRegistration::accepted)
                            .map(AnnualRegistration::academicYear).toList(),
                    l.leaders(), club.memberStudentNumbers(), p.liaisonOfficer(), p.contact(), p.purpose(),
                    p.facultyAdvisor(), l.termStartedOn(), l.termEndsOn(), l.pendingElection(), l.overdueSince(),
                    l.pastTerms(), club.registrations().years(), club.registrations().missedYears(),
                    club.lineage().successorId(), club.lineage().predecessorIds(), club.lineage().mergerId(),
                    club.history(), club.enteredAt(), club.enteredBy(), club.memberships().periods());
        }

        Club toClub() {
            LocalDate entered = FederationCalendar.dayOf(enteredAt);
            // documents from before lifecycle tracking: a term from entry, one year long
            Leadership leadership = new Leadership(orEmpty(leaders), termStartedOn == null ? entered : termStartedOn,
                    termEndsOn == null ? entered.plusYears(1) : termEndsOn, pendingElection, handoverOverdueSince,
                    pastTerms);
            return new Club(id, new ClubProfile(name, ClubCategory.valueOf(category), foundedOn, contact, liaisonOfficer,
                    purpose, facultyAdvisor), ClubState.valueOf(state), leadership,
                    Memberships.fromStored(membershipPeriods, orEmpty(memberStudentNumbers), leadership.studentNumbers()),
                    new Registrations(registrations, missedRegistrationYears),
                    new Lineage(successorId, predecessorIds, mergerId), orEmpty(history), enteredAt, enteredBy);
        }

        private static <T> List<T> orEmpty(List<T> list) {
            return list == null ? List.of() : list;
        }
    }

    private final MongoTemplate mongo;
    private final AggregateRepository<Club, StoredClub> clubs;

    public MongoClubs(MongoTemplate mongo, AggregateStore store, MongoIndexes indexes) {
        this.mongo = mongo;
        this.clubs = store.repository(COLLECTION, ClubTopics.CLUB_EVENTS, StoredClub.class, StoredClub::of,
                StoredClub::toClub);
        indexes.ensureUnique(COLLECTION, "nameKey");
        // the directory's filters and sweeps: by state, category, registered year, liaison officer; a name search
        // (case-insensitive pattern) reads the name index rather than the documents
        indexes.ensure(COLLECTION, "state");
        indexes.ensure(COLLECTION, "category", "name");
        indexes.ensure(COLLECTION, "registeredYears");
        indexes.ensure(COLLECTION, "liaisonOfficer");
        indexes.ensure(COLLECTION, "name");
    }

    @Override
    public void add(Decision<Club> established) {
        Club club = established.state();
        try {
            clubs.create(club.id(), established);
        } catch (DuplicateKeyException e) {
            if (find(club.id()).isPresent()) {
                throw new StateConflictException("a club with id " + club.id() + " already exists");
            }
            throw new StateConflictException("a club named '" + club.name() + "' already exists");
        }
    }

    @Override
    public Decision<Club> change(String id, Function<Club, Decision<Club>> decision) {
        try {
            return clubs.change(id, "club", decision);
        } catch (DuplicateKeyException e) {
            // only a new name can collide (the unique index on the name key); deciding again is pure, and names it
            String name = find(id).map(club -> decision.apply(club).state().name()).orElse(id);
            throw new StateConflictException("a club named '" + name + "' already exists");
        }
    }

    @Override
    public Optional<Club> find(String id) {
        return clubs.find(id);
    }

    @Override
    public boolean nameTaken(String name) {
        return mongo.exists(Query.query(Criteria.where("nameKey").is(ClubName.key(name))), COLLECTION);
    }

    @Override
    public PageOf<Club> newestFirst(ClubFilter filter, int page, int size) {
        Query query = Query.query(criteria(filter));
        long total = mongo.count(query, COLLECTION);
        query.with(Sort.by(Sort.Direction.DESC, "enteredAt")).skip((long) page * size).limit(size);
        List<Club> clubs = mongo.find(query, StoredClub.class, COLLECTION).stream().map(StoredClub::toClub).toList();
        return new PageOf<>(clubs, page, size, total);
    }

    @Override
    public java.util.Map<String, List<String>> liaisedBy(java.util.Collection<String> officers) {
        Query query = Query.query(Criteria.where("liaisonOfficer").in(officers)).with(Sort.by("enteredAt"));
        query.fields().include("_id").include("liaisonOfficer");
        java.util.Map<String, List<String>> byOfficer = new java.util.LinkedHashMap<>();
        for (org.bson.Document d : mongo.find(query, org.bson.Document.class, COLLECTION)) {
            byOfficer.computeIfAbsent(d.getString("liaisonOfficer"), k -> new ArrayList<>()).add(d.getString("_id"));
        }
        return byOfficer;
    }

    @Override
    public List<Club> inStates(List<ClubState> states) {
        Query query = Query.query(Criteria.where("state").in(states.stream().map(Enum::name).toList()))
                .with(Sort.by("enteredAt"));
        return mongo.find(query, StoredClub.class, COLLECTION).stream().map(StoredClub::toClub).toList();
    }

    @Override
    public List<String> idsInStates(List<ClubState> states) {
        Query query = Query.query(Criteria.where("state").in(states.stream().map(Enum::name).toList()));
        query.fields().include("_id");
        return mongo.find(query, org.bson.Document.class, COLLECTION).stream().map(d -> d.getString("_id")).toList();
    }

    private static Criteria criteria(ClubFilter filter) {
        List<Criteria> all = new ArrayList<>();
        if (filter.state() != null) {
            all.add(Criteria.where("state").is(filter.state().name()));
        }
        if (filter.category() != null) {
            all.add(Criteria.where("category").is(filter.category().name()));
        }
        if (filter.nameContains() != null) {
            all.add(Criteria.where("name").regex(java.util.regex.Pattern.quote(filter.nameContains()), "i"));
        }
        if (filter.registeredFor() != null) {
            all.add(Criteria.where("registeredYears").is(filter.registeredFor()));
        }
        if (filter.unregisteredFor() != null) {
            all.add(Criteria.where("registeredYears").nin(filter.unregisteredFor()));
            all.add(Criteria.where("state").in(ClubState.ACTIVE.name(), ClubState.UNREGISTERED.name(),
                    ClubState.SUSPENDED.name()));
        }
        return all.isEmpty() ? new Criteria() : new Criteria().andOperator(all);
    }
}
