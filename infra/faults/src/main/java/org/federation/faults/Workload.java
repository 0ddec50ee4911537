package org.federation.faults;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import org.federation.faults.Ledger.Outcome;

import tools.jackson.databind.JsonNode;

/**
 * Concurrent clients that act as a portal would, through HTTP only: every command with an
 * {@code Idempotency-Key}, sent to either instance at random, retried with the same key while no
 * answer comes or a 5xx comes (or the key's first request is still running), for up to three
 * minutes. The commands: clubs brought in (club-service), membership applications and their
 * approval (club-service), manual ledger postings (finance-service), direct notices to a club's
 * members (notification-service) and their acknowledgement by the club's leader.
 */
final class Workload {

    private static final Duration GIVE_UP_AFTER = Duration.ofMinutes(3);

    private final Platform platform;
    private final People people;
    private final Ledger ledger;
    private final int clients;
    private final String run = UUID.randomUUID().toString().substring(0, 6);
    private final AtomicInteger students = new AtomicInteger();
    private final AtomicBoolean stopping = new AtomicBoolean();
    private ExecutorService pool;

    Workload(Platform platform, People people, Ledger ledger, int clients) {
        this.platform = platform;
        this.people = people;
        this.ledger = ledger;
        this.clients = clients;
    }

    void start() {
        pool = Executors.newFixedThreadPool(clients);
        for (int i = 0; i < clients; i++) {
            pool.execute(this::client);
        }
    }

    /** Stops taking new commands and waits for the ones under way (their retries included). */
    void stop() throws InterruptedException {
        stopping.set(true);
        pool.shutdown();
        if (!pool.awaitTermination(GIVE_UP_AFTER.toSeconds() + 60, TimeUnit.SECONDS)) {
            throw new IllegalStateException("the workload's clients did not finish");
        }
    }

    private void client() {
        while (!stopping.get()) {
            try {
                // a person's pace, not a load test: enough commands to meet every fault, few enough to check them all
                Waits.pause(Duration.ofMillis(100 + ThreadLocalRandom.current().nextInt(300)));
                step();
            } catch (RuntimeException e) {
                System.out.println("[workload] " + e);
                Waits.pause(Duration.ofMillis(500));
            }
        }
    }

    private void step() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        if (ledger.clubs.size() < 3) {
            bringInClub();
            return;
        }
        int dice = random.nextInt(100);
        if (dice < 15) {
            bringInClub();
        } else if (dice < 45) {
            joinClub(anyClub());
        } else if (dice < 75) {
            post(anyClub());
        } else if (dice < 90) {
            sendNotice(anyClub());
        } else {
            acknowledgeOne();
        }
    }

    private Ledger.Club anyClub() {
        List<Ledger.Club> clubs = ledger.clubs;
        return clubs.get(ThreadLocalRandom.current().nextInt(clubs.size()));
    }

    private String newStudent() {
        return String.format("2099%06d", students.incrementAndGet());
    }

    private void bringInClub() {
        String leader = newStudent();
        String name = "Fault Club " + run + "-" + leader.substring(4);
        Result result = command("club brought in", "club-service", "POST", "/api/clubs", people::organizationMember, """
                {"name":"%s","category":"academic-technology","foundedOn":"2020-01-01","leaderName":"Leader %s",
                 "leaderStudentNumber":"%s","contact":"c%s@example.edu"}""".formatted(name, leader, leader, leader));
        if (result.outcome() == Outcome.ACCEPTED) {
            ledger.clubs.add(new Ledger.Club(result.json().get("id").asString(), name, leader));
        } else if (result.outcome() == Outcome.UNCERTAIN) {
            ledger.uncertainClubNames.add(name);
        }
    }

    private void joinClub(Ledger.Club club) {
        String student = newStudent();
        Result applied = command("membership applied", "club-service", "POST",
                "/api/clubs/" + club.id() + "/membership-applications", () -> people.student(student),
                "{\"motivation\":\"fault suite\"}");
        if (applied.outcome() != Outcome.ACCEPTED) {
            return;
        }
        String application = applied.json().get("id").asString();
        Result approved = command("membership approved", "club-service", "POST",
                "/api/clubs/" + club.id() + "/membership-applications/" + application + "/approval",
                () -> people.student(club.leader()), null);
        if (approved.outcome() == Outcome.ACCEPTED) {
            ledger.members.add(new Ledger.Member(club.id(), student));
        }
    }

    private void post(Ledger.Club club) {
        long amount = ThreadLocalRandom.current().nextLong(1, 10_000);
        String key = UUID.randomUUID().toString();
        String bookedOn = LocalDate.now(ZoneOffset.UTC).minusDays(1).toString();
        Result result = command("ledger posting", "finance-service", "POST", "/api/ledger/transactions",
                people::financeHead, key, """
                {"category":"other","description":"fault posting %s","bookedOn":"%s","lines":[
                 {"accountId":"acct-%s","side":"debit","amountFen":%d,"memo":"fault suite"},
                 {"accountId":"federation-income-other","side":"credit","amountFen":%d,"memo":"fault suite"}]}"""
                        .formatted(key, bookedOn, club.id(), amount, amount));
        ledger.postings.add(new Ledger.Posting(key, club.id(), amount, result.outcome(),
                result.outcome() == Outcome.ACCEPTED ? result.json().get("id").asString() : null));
    }

    private void sendNotice(Ledger.Club club) {
        Result result = command("direct notice", "notification-service", "POST", "/api/direct-notices",
                people::organizationMember, """
                {"department":"organization","title":"Fault notice %s","body":"Please confirm.","audience":"clubs",
                 "clubIds":["%s"],"reach":"members","acknowledgeBy":"%s"}"""
                        .formatted(UUID.randomUUID(), club.id(), Instant.now().plus(Duration.ofDays(30))));
        if (result.outcome() == Outcome.ACCEPTED) {
            Ledger.Notice notice = new Ledger.Notice(result.json().get("id").asString(), club.id(), 0);
            ledger.notices.add(notice);
            ledger.toAcknowledge.add(notice);
        }
    }

    /** The club's leader acknowledges a notice sent earlier (its inbox notice id is derived from the notice and the person). */
    private void acknowledgeOne() {
        Ledger.Notice notice = ledger.toAcknowledge.poll();
        if (notice == null) {
            return;
        }
        String leader = ledger.clubs.stream().filter(c -> c.id().equals(notice.clubId())).findFirst().orElseThrow().leader();
        // the inbox notice's id is derived from its cause (the direct notice) and the recipient
        String inboxNotice = org.federation.notification.inbox.domain.Notice.idFor("direct:" + notice.id(), "person:" + leader);
        Result result = command("notice acknowledged", "notification-service", "POST",
                "/api/inbox/" + inboxNotice + "/acknowledgement", () -> people.student(leader), null);
        if (result.outcome() == Outcome.ACCEPTED) {
            ledger.acknowledgements.add(new Ledger.Acknowledgement(notice.id(), leader));
        } else if (result.outcome() == Outcome.REFUSED && result.status() == 404 && notice.attempts() < 3) {
            // fanned out after the command returned (202): not in the leader's inbox yet; later
            ledger.toAcknowledge.add(new Ledger.Notice(notice.id(), notice.clubId(), notice.attempts() + 1));
        }
    }

    record Result(Outcome outcome, JsonNode json, int status) {
    }

    private Result command(String kind, String service, String method, String path, Supplier<String> token, String body) {
        return command(kind, service, method, path, token, UUID.randomUUID().toString(), body);
    }

    /**
     * Sends one command until it is answered (2xx or a 4xx), with the same Idempotency-Key every time,
     * to a random instance each time.
     */
    private Result command(String kind, String service, String method, String path, Supplier<String> token,
                           String key, String body) {
        ledger.count(kind + ": sent");
        long deadline = System.nanoTime() + GIVE_UP_AFTER.toNanos();
        boolean uncertain = false;
        int attempt = 0;
        while (true) {
            Instance instance = platform.any(service);
            Http.Answer answer = Http.send(method, instance.baseUri() + path, token.get(), key, body);
            attempt++;
            if (answer.ok()) {
                ledger.count(kind + ": accepted");
                if (attempt > 1) {
                    ledger.count(kind + ": retried");
                }
                return new Result(Outcome.ACCEPTED, answer.json(), answer.status());
            }
            boolean inProgress = answer.status() == 409 && answer.problemType().contains("idempotency-key-in-progress");
            if (!answer.uncertain() && !inProgress && answer.status() != 429) {
                ledger.count(kind + (uncertain ? ": refused after an uncertain attempt" : ": refused " + answer.status()));
                if (attempt > 1) {
                    ledger.count(kind + ": retried");
                }
                if (!uncertain && answer.status() != 409 && answer.status() != 422 && answer.status() != 404) {
                    System.out.println("[workload] " + kind + " " + method + " " + path + " -> " + answer);
                }
                return new Result(uncertain ? Outcome.UNCERTAIN : Outcome.REFUSED, answer.json(), answer.status());
            }
            uncertain |= answer.uncertain();
            if (System.nanoTime() > deadline) {
                ledger.count(kind + ": gave up");
                return new Result(Outcome.UNCERTAIN, null, 0);
            }
            long backoff = Math.min(4000, 250L << Math.min(4, attempt - 1));
            Waits.pause(Duration.ofMillis(backoff / 2 + ThreadLocalRandom.current().nextLong(backoff / 2 + 1)));
        }
    }

    List<String> describe() {
        return new ArrayList<>(List.of("run " + run));
    }
}
