package org.federation.platform.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

import net.jqwik.api.Arbitrary;

/**
 * Throws generated malformed and boundary requests at an app's endpoints and checks each
 * answer: never a 5xx; an error is a problem-details body with the exact status its group
 * expects; and the stored data is exactly as before. Prints how many cases each endpoint was
 * tried with and which statuses it answered.
 */
public final class BadInputCampaign {

    /** The statuses a refused request may get. */
    public static final Set<Integer> PRECISE_REFUSALS = Set.of(400, 404, 405, 409, 413, 415, 422);

    private final HttpProbe caller;
    private final Supplier<?> storedData;
    private final Map<String, Integer> cases = new LinkedHashMap<>();
    private final Map<String, java.util.SortedMap<Integer, String>> answered = new LinkedHashMap<>();
    private final List<String> failures = new ArrayList<>();

    /**
     * @param caller     the app, called as someone allowed to use every endpoint (so input, not
     *                   rights, is what is tested)
     * @param storedData reads everything the app stores (see {@link StoredData})
     */
    public BadInputCampaign(HttpProbe caller, Supplier<?> storedData) {
        this.caller = caller;
        this.storedData = storedData;
    }

    /**
     * Requests that must all be refused with exactly {@code status}: a group holds one kind of
     * mistake, so "some 4xx" would let a wrong answer (a 404 for an invalid body, a 409 for a
     * malformed one) pass unnoticed.
     */
    public BadInputCampaign refuses(String endpoint, int status, Arbitrary<HttpCall> calls, int count) {
        return attack(endpoint, calls, count, false, Set.of(status));
    }

    /**
     * Identifiers in an endpoint's path, two groups: well-formed ones that name nothing must get
     * 404 (the endpoint looked and found nothing), malformed ones 400 (refused before any endpoint
     * reads them); see {@link BadInputs#unknownIds()} and {@link BadInputs#malformedIds()}.
     *
     * @param endpoint what the calls reach, without the kind of id
     * @param calls    the calls made with the given identifiers
     */
    public BadInputCampaign refusesIds(String endpoint, java.util.function.Function<Arbitrary<String>, Arbitrary<HttpCall>> calls,
            int count) {
        return refusesIds(endpoint, calls, count, 404);
    }

    /**
     * As {@link #refusesIds(String, java.util.function.Function, int)}, with the status an endpoint
     * answers for an id far longer than any given out ({@link BadInputs#overlongIds()}): 404 where
     * the endpoint looks it up, 400 where it bounds its ids.
     */
    public BadInputCampaign refusesIds(String endpoint, java.util.function.Function<Arbitrary<String>, Arbitrary<HttpCall>> calls,
            int count, int overlongStatus) {
        refuses(endpoint + " (unknown ids)", 404, calls.apply(BadInputs.unknownIds()), count);
        refuses(endpoint + " (over-long ids)", overlongStatus, calls.apply(BadInputs.overlongIds()), Math.max(3, count / 10));
        return refuses(endpoint + " (malformed ids)", 400, calls.apply(BadInputs.malformedIds()), Math.max(5, count / 3));
    }

    /**
     * Queries that are refused (with some precise 4xx) or, when they happen to be valid, answered;
     * never a 5xx. Not for bad paging, which is always a 400.
     */
    public BadInputCampaign survives(String endpoint, Arbitrary<HttpCall> calls, int count) {
        return attack(endpoint, calls, count, true, PRECISE_REFUSALS);
    }

    /** The cases' seed unless {@code -DbadInputs.seed} says otherwise. */
    static final long SEED = 20261206L;

    private BadInputCampaign attack(String endpoint, Arbitrary<HttpCall> calls, int count, boolean mayAnswer,
            Set<Integer> expected) {
        Object before = storedData.get();
        // -DbadInputs.scale=0.2 sends a fifth of the cases: a quick look while splitting groups, never the suite's setting
        count = Math.max(1, (int) Math.round(count * Double.parseDouble(System.getProperty("badInputs.scale", "1"))));
        // the same cases on every run (a group that fails, fails again); -DbadInputs.seed=<n> draws others
        // (jqwik's sampling draws from this thread's source of randomness, which create() seeds)
        net.jqwik.engine.SourceOfRandomness.create(Long.toString(Long.getLong("badInputs.seed", SEED) * 31 + endpoint.hashCode()));
        calls.sampleStream().limit(count).forEach(call -> check(endpoint, call, mayAnswer, expected));
        cases.merge(endpoint, count, Integer::sum);
        Object after = storedData.get();
        if (!before.equals(after)) {
            failures.add(endpoint + ": the stored data changed during " + count + " refused requests" + changed(before, after));
        }
        return this;
    }

    /** Which collections changed, and their first differing document, so a failure says what moved. */
    private static String changed(Object before, Object after) {
        if (!(before instanceof java.util.Map<?, ?> was) || !(after instanceof java.util.Map<?, ?> is)) {
            return "";
        }
        StringBuilder what = new StringBuilder();
        java.util.Set<Object> names = new java.util.TreeSet<>(java.util.Comparator.comparing(String::valueOf));
        names.addAll(was.keySet());
        names.addAll(is.keySet());
        for (Object name : names) {
            Object a = was.get(name);
            Object b = is.get(name);
            if (!java.util.Objects.equals(a, b)) {
                String detail = "";
                if (a instanceof java.util.List<?> la && b instanceof java.util.List<?> lb) {
                    java.util.List<Object> added = new java.util.ArrayList<>(lb);
                    added.removeAll(la);
                    java.util.List<Object> gone = new java.util.ArrayList<>(la);
                    gone.removeAll(lb);
                    detail = " (now " + added.stream().limit(1).toList() + ", was " + gone.stream().limit(1).toList() + ")";
                }
                what.append("; ").append(name).append(detail);
            }
        }
        return what.toString();
    }

    private void check(String endpoint, HttpCall call, boolean mayAnswer, Set<Integer> expected) {
        HttpProbe.Response response = caller.send(call);
        int status = response.status();
        answered.computeIfAbsent(endpoint, e -> new java.util.TreeMap<>()).putIfAbsent(status, call.toString());
        dump(endpoint, status, call);
        String seen = endpoint + ": " + call + " -> " + status + " " + abbreviate(response.body());
        if (status >= 200 && status < 300) {
            if (!mayAnswer) {
                failures.add(seen + " (accepted, but it must be refused)");
            }
            return;
        }
        if (!expected.contains(status)) {
            failures.add(seen + " (expected " + (expected.size() == 1 ? expected.iterator().next() : "one of " + new java.util.TreeSet<>(expected)) + ")");
            return;
        }
        if (!response.contentType().startsWith("application/problem+json")
                || !response.body().contains("\"status\":" + status) || !response.body().contains("\"detail\"")) {
            failures.add(seen + " (not a problem-details body)");
        }
    }

    /**
     * With {@code -DbadInputs.dump=<file>}, every case and the status it got, one a line (group, status,
     * call): what to read when a group's cases turn out to get different statuses and must be split.
     */
    private static void dump(String endpoint, int status, HttpCall call) {
        String file = System.getProperty("badInputs.dump");
        if (file == null) {
            return;
        }
        String line = endpoint + "\t" + status + "\t" + call.toString().replace('\n', ' ').replace('\r', ' ') + "\n";
        try {
            // getBytes replaces what UTF-8 cannot hold (a lone surrogate of generated text) instead of failing
            java.nio.file.Files.write(java.nio.file.Path.of(file), line.getBytes(java.nio.charset.StandardCharsets.UTF_8),
                    java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** Asserts every case held, prints the count per endpoint, and returns the total. */
    public int verify() {
        int total = cases.values().stream().mapToInt(Integer::intValue).sum();
        StringBuilder report = new StringBuilder("Bad-input cases (" + total + " in all):\n");
        cases.forEach((endpoint, n) -> report.append("  ").append(n).append("  ").append(endpoint)
                .append("  -> ").append(answered.getOrDefault(endpoint, new java.util.TreeMap<>()).keySet()).append('\n'));
        if (Boolean.getBoolean("badInputs.examples")) {
            answered.forEach((endpoint, seen) -> seen.forEach((status, call) ->
                    report.append("    ").append(status).append(" e.g. ").append(abbreviate(call)).append("  [").append(endpoint).append("]\n")));
        }
        System.out.println(report);
        assertThat(failures).as("bad input answered wrongly (cases drawn with -DbadInputs.seed=" + Long.getLong("badInputs.seed", SEED) + ")").isEmpty();
        return total;
    }

    private static String abbreviate(String body) {
        return body.length() > 300 ? body.substring(0, 300) + "…" : body;
    }
}
