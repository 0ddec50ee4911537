package org.federation.faults;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import org.bson.Document;
import org.federation.faults.Ledger.Outcome;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;

import tools.jackson.databind.JsonNode;

/**
 * What must hold once the platform is at rest, checked from the services' own APIs and the
 * topics (and, for the owners' last sequences, their documents): every accepted command took effect
 * exactly once in its owner and in every read model downstream; balances are the sum of their
 * entries and debits equal credits; no event lost or doubled on any topic; dead-letter topics hold
 * exactly the injected poison.
 */
final class Invariants {

    /** One invariant: how many things it looked at, how many were lost and doubled, and what differed. */
    static final class Check {
        final String name;
        long checked;
        long lost;
        long doubled;
        final List<String> problems = new ArrayList<>();

        Check(String name) {
            this.name = name;
        }

        void lost(String what) {
            lost++;
            problem("lost: " + what);
        }

        void doubled(String what) {
            doubled++;
            problem("doubled: " + what);
        }

        void problem(String what) {
            if (problems.size() < 20) {
                problems.add(what);
            }
        }

        boolean holds() {
            return lost == 0 && doubled == 0 && problems.isEmpty();
        }
    }

    private final Platform platform;
    private final People people;
    private final Ledger ledger;
    private final Topics topics;
    private final Faults faults;
    private final Quiescence quiescence;

    Invariants(Platform platform, People people, Ledger ledger, Topics topics, Faults faults, Quiescence quiescence) {
        this.platform = platform;
        this.people = people;
        this.ledger = ledger;
        this.topics = topics;
        this.faults = faults;
        this.quiescence = quiescence;
    }

    /** Direct notices in each person's inbox, read once per check (leaders and members of the clubs notices went to). */
    private Map<String, Map<String, JsonNode>> inboxes = Map.of();

    List<Check> check() throws Exception {
        Set<String> persons = new TreeSet<>();
        ledger.notices.forEach(n -> persons.addAll(peopleOf(n.clubId())));
        inboxes = directInboxes(persons);
        List<Check> checks = new ArrayList<>();
        checks.add(clubsAtTheOwner());
        checks.add(clubsInEveryDirectory());
        checks.add(clubAccounts());
        checks.add(clubNotices());
        checks.add(members());
        checks.add(postings());
        checks.add(balances());
        checks.add(directNotices());
        checks.add(acknowledgements());
        checks.add(sequences());
        checks.add(deadLetters());
        return checks;
    }

    // ---- clubs

    private Check clubsAtTheOwner() {
        Check check = new Check("clubs at club-service (each accepted once, each uncertain at most once)");
        Map<String, List<String>> idsByName = new HashMap<>();
        for (JsonNode club : pages("club-service", "/api/clubs?")) {
            idsByName.computeIfAbsent(club.get("name").asString(), n -> new ArrayList<>()).add(club.get("id").asString());
        }
        for (Ledger.Club club : ledger.clubs) {
            check.checked++;
            List<String> ids = idsByName.getOrDefault(club.name(), List.of());
            if (ids.isEmpty()) {
                check.lost("club " + club.id() + " (" + club.name() + ")");
            } else if (ids.size() > 1) {
                check.doubled("club " + club.name() + " as " + ids);
            } else if (!ids.get(0).equals(club.id())) {
                check.problem("club " + club.name() + " answered as " + club.id() + " but stored as " + ids.get(0));
            }
        }
        for (String name : ledger.uncertainClubNames) {
            check.checked++;
            if (idsByName.getOrDefault(name, List.of()).size() > 1) {
                check.doubled("club " + name + " (uncertain command) as " + idsByName.get(name));
            }
        }
        Set<String> known = new HashSet<>(ledger.uncertainClubNames);
        ledger.clubs.forEach(c -> known.add(c.name()));
        idsByName.keySet().stream().filter(n -> !known.contains(n))
                .forEach(n -> check.problem("club " + n + " exists but was never asked for"));
        return check;
    }

    private List<String> ownerClubIds() {
        return pages("club-service", "/api/clubs?").stream().map(c -> c.get("id").asString()).toList();
    }

    private Check clubsInEveryDirectory() {
        Check check = new Check("clubs in event-service's and finance-service's directories (each once)");
        List<String> owner = ownerClubIds();
        for (String service : List.of("event-service", "finance-service")) {
            Map<String, Integer> copies = new HashMap<>();
            for (JsonNode club : pages(service, "/api/clubs?")) {
                copies.merge(club.get("id").asString(), 1, Integer::sum);
            }
            for (String id : owner) {
                check.checked++;
                int n = copies.getOrDefault(id, 0);
                if (n == 0) {
                    check.lost("club " + id + " in " + service);
                } else if (n > 1) {
                    check.doubled("club " + id + " " + n + " times in " + service);
                }
            }
            copies.keySet().stream().filter(id -> !owner.contains(id))
                    .forEach(id -> check.problem(service + " has club " + id + " that club-service does not"));
        }
        return check;
    }

    private Check clubAccounts() {
        Check check = new Check("a finance account per club (exactly one)");
        for (String id : ownerClubIds()) {
            check.checked++;
            Http.Answer accounts = Http.get(platform.any("finance-service").baseUri() + "/api/accounts?clubId=" + id,
                    people.presidium());
            int n = accounts.ok() ? accounts.json().size() : 0;
            if (n == 0) {
                check.lost("account of club " + id + " (" + accounts.status() + ")");
            } else if (n > 1) {
                check.doubled("club " + id + " has " + n + " accounts");
            }
        }
        return check;
    }

    private Check clubNotices() {
        Check check = new Check("club-established notice in the Organization Department's inbox (each once)");
        Map<String, Integer> notices = new HashMap<>();
        for (JsonNode notice : pages("notification-service",
                "/api/inbox?recipient=department:organization&kind=club-established&")) {
            notices.merge(notice.get("subjectRef").asString(), 1, Integer::sum);
        }
        for (String id : ownerClubIds()) {
            check.checked++;
            int n = notices.getOrDefault("club:" + id, 0);
            if (n == 0) {
                check.lost("notice of club " + id);
            } else if (n > 1) {
                check.doubled("notice of club " + id + " " + n + " times");
            }
        }
        return check;
    }

    // ---- memberships

    private Check members() {
        Check check = new Check("approved members at event-service (each once in its club's copy)");
        Map<String, List<String>> byClub = new HashMap<>();
        ledger.members.forEach(m -> byClub.computeIfAbsent(m.clubId(), c -> new ArrayList<>()).add(m.studentNumber()));
        for (Map.Entry<String, List<String>> club : byClub.entrySet()) {
            Http.Answer copy = Http.get(platform.any("event-service").baseUri() + "/api/clubs/" + club.getKey(),
                    people.presidium());
            Map<String, Integer> numbers = new HashMap<>();
            if (copy.ok() && copy.json().get("memberStudentNumbers") != null) {
                copy.json().get("memberStudentNumbers").valueStream().forEach(n -> numbers.merge(n.asString(), 1, Integer::sum));
            }
            for (String member : club.getValue()) {
                check.checked++;
                int n = numbers.getOrDefault(member, 0);
                if (n == 0) {
                    check.lost("member " + member + " of club " + club.getKey());
                } else if (n > 1) {
                    check.doubled("member " + member + " of club " + club.getKey() + " " + n + " times");
                }
            }
        }
        return check;
    }

    // ---- money

    /** Every transaction on a club's account, by the Idempotency-Key its description carries. */
    private Map<String, List<JsonNode>> transactionsByKey(Set<String> clubIds) {
        Map<String, List<JsonNode>> byKey = new HashMap<>();
        for (String club : clubIds) {
            for (JsonNode tx : pages("finance-service", "/api/accounts/acct-" + club + "/transactions?")) {
                String description = tx.get("description").asString();
                if (description.startsWith("fault posting ")) {
                    byKey.computeIfAbsent(description.substring("fault posting ".length()), k -> new ArrayList<>()).add(tx);
                }
            }
        }
        return byKey;
    }

    private Check postings() {
        Check check = new Check("ledger postings (accepted once, refused never, uncertain at most once)");
        Set<String> clubs = new TreeSet<>();
        ledger.postings.forEach(p -> clubs.add(p.clubId()));
        Map<String, List<JsonNode>> byKey = transactionsByKey(clubs);
        for (Ledger.Posting posting : ledger.postings) {
            check.checked++;
            int n = byKey.getOrDefault(posting.key(), List.of()).size();
            if (posting.outcome() == Outcome.ACCEPTED && n == 0) {
                check.lost("posting " + posting.transactionId() + " (" + posting.amountFen() + " fen to club "
                        + posting.clubId() + ")");
            } else if (n > 1) {
                check.doubled("posting with key " + posting.key() + " booked " + n + " times");
            } else if (posting.outcome() == Outcome.REFUSED && n > 0) {
                check.problem("a refused posting (key " + posting.key() + ") was booked");
            }
        }
        return check;
    }

    private Check balances() {
        Check check = new Check("balances = sum of entries = accepted postings; debits = credits");
        Set<String> clubs = new TreeSet<>();
        ledger.postings.forEach(p -> clubs.add(p.clubId()));
        long clubTotal = 0;
        for (String club : clubs) {
            check.checked++;
            Http.Answer account = Http.get(platform.any("finance-service").baseUri() + "/api/accounts/acct-" + club,
                    people.presidium());
            if (!account.ok()) {
                check.lost("account acct-" + club + " (" + account + ")");
                continue;
            }
            long balance = account.json().get("balanceFen").asLong();
            long entries = 0;
            for (JsonNode tx : pages("finance-service", "/api/accounts/acct-" + club + "/transactions?")) {
                long debits = 0;
                long credits = 0;
                for (JsonNode line : tx.get("lines")) {
                    long amount = line.get("amountFen").asLong();
                    if ("debit".equals(line.get("side").asString())) {
                        debits += amount;
                    } else {
                        credits += amount;
                    }
                    if (line.get("accountId").asString().equals("acct-" + club)) {
                        entries += "debit".equals(line.get("side").asString()) ? amount : -amount;
                    }
                }
                if (debits != credits) {
                    check.problem("transaction " + tx.get("id").asString() + " debits " + debits + " != credits " + credits);
                }
            }
            Map<String, List<JsonNode>> booked = transactionsByKey(Set.of(club));
            long implied = ledger.postings.stream().filter(p -> p.clubId().equals(club))
                    .filter(p -> p.outcome() == Outcome.ACCEPTED || booked.containsKey(p.key()))
                    .mapToLong(Ledger.Posting::amountFen).sum();
            if (balance != entries) {
                check.problem("acct-" + club + " balance " + balance + " != sum of its entries " + entries);
            }
            if (balance < implied) {
                check.lost("acct-" + club + " balance " + balance + " < accepted postings " + implied);
            } else if (balance > implied) {
                check.doubled("acct-" + club + " balance " + balance + " > accepted postings " + implied);
            }
            clubTotal += balance;
        }
        check.checked++;
        Http.Answer income = Http.get(platform.any("finance-service").baseUri() + "/api/accounts/federation-income-other",
                people.presidium());
        long incomeBalance = income.ok() ? income.json().get("balanceFen").asLong() : Long.MIN_VALUE;
        if (incomeBalance != clubTotal) {
            check.problem("debits != credits: the clubs' accounts hold " + clubTotal + " fen but income (other) "
                    + incomeBalance);
        }
        return check;
    }

    // ---- notices

    private Map<String, Map<String, JsonNode>> directInboxes(Set<String> people) {
        Map<String, Map<String, JsonNode>> byPerson = new HashMap<>();
        for (String person : people) {
            Map<String, JsonNode> notices = new HashMap<>();
            for (JsonNode notice : pages("notification-service", "/api/inbox?recipient=person:" + person + "&kind=direct&")) {
                String id = notice.get("directNoticeId").asString();
                if (notices.put(id, notice) != null) {
                    notices.put(id + "#doubled", notice);
                }
            }
            byPerson.put(person, notices);
        }
        return byPerson;
    }

    private Set<String> peopleOf(String clubId) {
        Set<String> people = new TreeSet<>();
        ledger.clubs.stream().filter(c -> c.id().equals(clubId)).forEach(c -> people.add(c.leader()));
        ledger.members.stream().filter(m -> m.clubId().equals(clubId)).forEach(m -> people.add(m.studentNumber()));
        return people;
    }

    private Check directNotices() {
        Check check = new Check("direct notices (sent; once in each recipient's inbox)");
        for (Ledger.Notice notice : ledger.notices) {
            check.checked++;
            Http.Answer sent = Http.get(platform.any("notification-service").baseUri() + "/api/direct-notices/"
                    + notice.id(), people.presidium());
            if (!sent.ok()) {
                check.lost("direct notice " + notice.id() + " (" + sent + ")");
                continue;
            }
            if (!"sent".equals(sent.json().get("state").asString())) {
                check.problem("direct notice " + notice.id() + " is " + sent.json().get("state").asString());
                continue;
            }
            int recipients = sent.json().get("recipients").asInt();
            int found = 0;
            for (String person : peopleOf(notice.clubId())) {
                Map.Entry<String, Map<String, JsonNode>> inbox = Map.entry(person, inboxes.getOrDefault(person, Map.of()));
                if (inbox.getValue().containsKey(notice.id() + "#doubled")) {
                    check.doubled("notice " + notice.id() + " in the inbox of " + inbox.getKey());
                }
                if (inbox.getValue().containsKey(notice.id())) {
                    found++;
                }
            }
            if (found < recipients) {
                check.lost("direct notice " + notice.id() + ": " + recipients + " recipients, found in " + found + " inboxes");
            } else if (found > recipients) {
                check.doubled("direct notice " + notice.id() + ": " + recipients + " recipients, found in " + found + " inboxes");
            }
        }
        return check;
    }

    private Check acknowledgements() {
        Check check = new Check("acknowledgements (recorded on the recipient's notice)");
        for (Ledger.Acknowledgement ack : ledger.acknowledgements) {
            check.checked++;
            JsonNode notice = inboxes.getOrDefault(ack.person(), Map.of()).get(ack.directNoticeId());
            if (notice == null || notice.get("acknowledgedAt") == null || notice.get("acknowledgedAt").isNull()) {
                check.lost("acknowledgement of " + ack.directNoticeId() + " by " + ack.person());
            }
        }
        return check;
    }

    // ---- topics

    /**
     * Per topic and aggregate (record key): the sequences are 1..n with no gap and no two events
     * with the same sequence, and n is the owner's last sequence for that aggregate (its
     * document's {@code lastSequence}).
     */
    private Check sequences() throws Exception {
        Check check = new Check("events on every topic: per aggregate 1..n, no gap, n = owner's last sequence");
        Map<String, Map<String, String>> outboxes = quiescence.outboxes();
        Map<String, Map<String, Map<Long, Set<String>>>> byTopic = new TreeMap<>();
        long redelivered = 0;
        for (String topic : topics.ownerTopics()) {
            Map<String, Map<Long, Set<String>>> byKey = new HashMap<>();
            for (Topics.Seen seen : topics.readAll(topic)) {
                if (seen.key() == null || seen.key().startsWith("poison-")) {
                    continue;
                }
                String sequence = seen.header("ce_sequence") != null ? seen.header("ce_sequence") : seen.header("sequence");
                if (sequence == null) {
                    check.problem(topic + " record " + seen.partition() + ":" + seen.offset() + " has no sequence");
                    continue;
                }
                Set<String> ids = byKey.computeIfAbsent(seen.key(), k -> new TreeMap<>())
                        .computeIfAbsent(Long.parseLong(sequence), s -> new TreeSet<>());
                if (!ids.add(seen.header("ce_id"))) {
                    redelivered++;
                }
            }
            byTopic.put(topic, byKey);
            for (Map.Entry<String, Map<Long, Set<String>>> aggregate : byKey.entrySet()) {
                check.checked++;
                Map<Long, Set<String>> sequences = aggregate.getValue();
                long max = sequences.keySet().stream().mapToLong(Long::longValue).max().orElse(0);
                for (long s = 1; s <= max; s++) {
                    if (!sequences.containsKey(s)) {
                        check.lost(topic + " " + aggregate.getKey() + " has no event " + s + " of " + max);
                    } else if (sequences.get(s).size() > 1) {
                        check.doubled(topic + " " + aggregate.getKey() + " event " + s + " as " + sequences.get(s));
                    }
                }
            }
        }
        try (MongoClient mongo = MongoClients.create(platform.mongoUri())) {
            for (Platform.Service service : Platform.SERVICES) {
                MongoDatabase database = mongo.getDatabase(service.database());
                for (Map.Entry<String, String> outbox : outboxes.getOrDefault(service.name(), Map.of()).entrySet()) {
                    Map<String, Map<Long, Set<String>>> onTopic = byTopic.getOrDefault(outbox.getValue(), Map.of());
                    for (Document document : database.getCollection(outbox.getKey())
                            .find(new Document("lastSequence", new Document("$gt", 0)))) {
                        check.checked++;
                        String id = String.valueOf(document.get("_id"));
                        long last = ((Number) document.get("lastSequence")).longValue();
                        long max = onTopic.getOrDefault(id, Map.of()).keySet().stream().mapToLong(Long::longValue).max()
                                .orElse(0);
                        List<?> pending = document.getList("pendingEvents", Object.class, List.of());
                        if (!pending.isEmpty()) {
                            check.problem(service.name() + " " + outbox.getKey() + "/" + id + " still holds "
                                    + pending.size() + " pending events");
                        }
                        if (max < last) {
                            check.lost(outbox.getValue() + " " + id + ": owner's last sequence " + last + ", topic has " + max);
                        } else if (max > last) {
                            check.doubled(outbox.getValue() + " " + id + ": owner's last sequence " + last + ", topic has " + max);
                        }
                    }
                }
            }
        }
        System.out.println("[invariants] records delivered more than once on the topics (same event id, harmless): " + redelivered);
        return check;
    }

    private Check deadLetters() throws Exception {
        Check check = new Check("dead-letter topics hold exactly the injected poison");
        Map<String, Set<String>> byGroup = topics.topicsByGroup();
        Set<String> dlqs = new TreeSet<>();
        topics.topics().stream().filter(t -> t.endsWith(".dlq")).forEach(dlqs::add);
        for (Map.Entry<String, Set<String>> group : byGroup.entrySet()) {
            for (String topic : group.getValue()) {
                String dlq = topic + "." + group.getKey() + ".dlq";
                Set<String> expected = faults.poison.getOrDefault(topic, Set.of());
                Set<String> found = new TreeSet<>();
                if (dlqs.contains(dlq)) {
                    topics.readAll(dlq).forEach(seen -> found.add(seen.header("ce_id")));
                }
                for (String id : expected) {
                    check.checked++;
                    if (!found.contains(id)) {
                        check.lost("poison " + id + " is not in " + dlq);
                    }
                }
                found.stream().filter(id -> !expected.contains(id))
                        .forEach(id -> check.problem(dlq + " holds " + id + ", which is no injected poison"));
            }
        }
        return check;
    }

    // ---- paging

    /** Every item of a paged query, page by page (size 100), from a random instance each time. */
    private List<JsonNode> pages(String service, String pathWithQuery) {
        List<JsonNode> all = new ArrayList<>();
        for (int page = 0; page < 1000; page++) {
            Http.Answer answer = Http.get(platform.any(service).baseUri() + pathWithQuery + "size=100&page=" + page,
                    people.presidium());
            if (!answer.ok()) {
                throw new IllegalStateException(service + " " + pathWithQuery + " answered " + answer);
            }
            JsonNode items = answer.json().get("items");
            if (items == null || items.isEmpty()) {
                return all;
            }
            items.forEach(all::add);
            if (items.size() < 100) {
                return all;
            }
        }
        return all;
    }

}
