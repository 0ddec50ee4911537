package org.federation.platform.testing;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

import tools.jackson.databind.json.JsonMapper;

/**
 * Generators (jqwik) of the bad input every endpoint must survive: broken JSON, wrong types,
 * missing, blank, oversized and unknown values, odd identifiers and paging parameters, wrong
 * media types and bodies too large.
 */
public final class BadInputs {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private BadInputs() {
    }

    /** Any text at all, including control characters, quotes and non-Latin scripts. */
    public static Arbitrary<String> anyText(int maxLength) {
        return Arbitraries.strings().all().ofMaxLength(maxLength);
    }

    /** Text that is not a valid JSON document of an object. */
    public static Arbitrary<String> brokenJson(Map<String, Object> valid) {
        // fields in a fixed order: the cuts below are drawn by position, and Map.of's order changes per JVM run
        String good = JSON.writeValueAsString(new java.util.TreeMap<>(valid));
        return Arbitraries.oneOf(
                Arbitraries.integers().between(0, good.length() - 1).map(cut -> good.substring(0, cut)),
                Arbitraries.of("", " ", "null", "[]", "[1,2,3]", "\"text\"", "42", "true", "{", "}", "{\"name\":}",
                        "{'name': 'single quotes'}", "{\"name\": \"unterminated}", "{\"a\":1,}", "\u0000", "<xml/>",
                        "[".repeat(2000) + "]".repeat(2000), "{\"a\":".repeat(1200) + "1" + "}".repeat(1200)),
                anyText(200).filter(text -> !text.trim().startsWith("{")));
    }

    /** Values no field of any request accepts in place of a text, a date or a number. */
    public static Arbitrary<Object> structurallyWrong() {
        return Arbitraries.oneOf(
                Arbitraries.just(Map.of("nested", "object")),
                Arbitraries.just(List.of("an", "array")),
                Arbitraries.just(List.of()),
                Arbitraries.just(Map.of()));
    }

    /**
     * JSON values of the wrong type for a date or a time: numbers (Jackson would read
     * {@code 123} as 4 May 1970 or as seconds since 1970), arrays of numbers and yes/no. A date is
     * ISO text and nothing else.
     */
    public static Arbitrary<Object> notADate() {
        return Arbitraries.oneOf(
                Arbitraries.of(123, 0, -1, 1.5, 1_700_000_000L, 20261031, true).map(v -> (Object) v),
                Arbitraries.just(List.of(2026, 10, 31)),
                Arbitraries.just(List.of(2099, 5, 1, 19, 0)),
                Arbitraries.longs().between(-100_000, 4_000_000_000L).map(v -> (Object) v));
    }

    /**
     * JSON values of the wrong type for an amount in whole fen: fractions, amounts written as
     * text and yes/no, none of which may be read as a number.
     */
    public static Arbitrary<Object> notAnAmount() {
        return Arbitraries.oneOf(
                Arbitraries.of(12.5, 0.01, "1250", "12.50", "", true, false).map(v -> (Object) v),
                Arbitraries.integers().between(1, 1_000_000).map(v -> (Object) String.valueOf(v)),
                Arbitraries.integers().between(1, 1_000_000).map(v -> (Object) (v + 0.5)));
    }

    /** Blank, missing (null) or oversized text. */
    public static Arbitrary<Object> blankOrHuge(int maxLength) {
        return Arbitraries.oneOf(
                Arbitraries.of("", " ", "\t", "\n  "),
                Arbitraries.just(null),
                Arbitraries.strings().alpha().ofMinLength(maxLength + 1).ofMaxLength(maxLength + 2000).map(s -> s));
    }

    /**
     * A valid body with one or more fields made invalid, each from its own generator of invalid
     * values (and the rest untouched), so every generated body must be refused.
     */
    public static Arbitrary<String> withInvalidFields(Map<String, Object> valid, Map<String, Arbitrary<Object>> invalid) {
        // in a fixed order: Map.of iterates in an order that differs between JVM runs, and the seeded draw with it
        List<String> fields = new ArrayList<>(new java.util.TreeSet<>(invalid.keySet()));
        Arbitrary<List<String>> chosen = Arbitraries.of(fields).list().ofMinSize(1).ofMaxSize(fields.size()).uniqueElements();
        return chosen.flatMap(names -> {
            List<Arbitrary<Object>> values = names.stream().map(invalid::get).toList();
            return Combinators.combine(values).as(drawn -> {
                Map<String, Object> body = new LinkedHashMap<>(valid);
                for (int i = 0; i < names.size(); i++) {
                    Object value = drawn.get(i);
                    if (value == Absent.FIELD) {
                        body.remove(names.get(i));
                    } else {
                        body.put(names.get(i), value);
                    }
                }
                return JSON.writeValueAsString(body);
            });
        });
    }

    /** Marks a field left out of the body altogether. */
    public enum Absent { FIELD }

    /** A field left out. */
    public static Arbitrary<Object> absent() {
        return Arbitraries.just(Absent.FIELD);
    }

    /** Paging parameters that are out of range or not numbers at all. */
    public static Arbitrary<String> badPaging() {
        Arbitrary<String> badNumber = Arbitraries.oneOf(
                Arbitraries.integers().lessOrEqual(-1).map(String::valueOf),
                Arbitraries.integers().between(101, Integer.MAX_VALUE).map(String::valueOf),
                Arbitraries.of("", "x", "1.5", "1e3", "99999999999999999999", "0x10", "%00", "null", "NaN", "-0x1"),
                Arbitraries.strings().alpha().ofMinLength(1).ofMaxLength(12));
        return Arbitraries.oneOf(
                badNumber.map(v -> "size=" + encode(v)),
                badNumber.filter(v -> !v.matches("\\d+")).map(v -> "page=" + encode(v)),
                Arbitraries.of("size=0", "size=-1", "page=-1", "size=101", "page=-2147483648"));
    }

    /**
     * Well-formed identifiers that name nothing: unknown or oddly spelled (any script, punctuation,
     * encoded), but with nothing the server refuses in a path, so an endpoint must
     * look them up and answer 404. See {@link #malformedIds()} for the ones refused unread.
     */
    public static Arbitrary<String> unknownIds() {
        return Arbitraries.oneOf(
                Arbitraries.strings().alpha().numeric().withChars('-', '_', '.').ofMinLength(1).ofMaxLength(60)
                        .filter(s -> !s.equals(".") && !s.equals("..")),
                anyText(80).filter(s -> !s.isBlank() && s.chars().noneMatch(BadInputs::refusedInAPath)
                        && !s.startsWith(".")).map(BadInputs::encode));
    }

    /**
     * Identifiers far longer than any the platform gives out (1,000 to 3,000 letters): a service
     * that bounds its ids refuses them (400), one that looks them up finds nothing (404), so each
     * campaign says which its endpoint does.
     */
    public static Arbitrary<String> overlongIds() {
        return Arbitraries.strings().alpha().ofMinLength(1000).ofMaxLength(3000);
    }

    /**
     * Identifiers the server refuses before any endpoint reads them (400): each holds, encoded,
     * a character Tomcat or the security firewall rejects in a path (a NUL, a slash, a backslash,
     * a percent sign, a semicolon, a line break).
     */
    public static Arbitrary<String> malformedIds() {
        return Combinators.combine(anyText(40), Arbitraries.of(REFUSED_IN_A_PATH.chars().mapToObj(c -> (char) c).toList()),
                        Arbitraries.integers().between(0, 40))
                .as((text, refused, at) -> {
                    int cut = Math.min(at, text.length());
                    return encode(text.substring(0, cut) + refused + text.substring(cut));
                });
    }

    /** What Tomcat (NUL, encoded slash) and Spring Security's firewall (the rest) refuse in a decoded path. */
    private static final String REFUSED_IN_A_PATH = "\0/\\%;\n\r";

    private static boolean refusedInAPath(int c) {
        return REFUSED_IN_A_PATH.indexOf(c) >= 0 || Character.isISOControl(c) || c == 0x2028 || c == 0x2029
                || Character.isSurrogate((char) c);
    }

    /** Methods an endpoint does not support, with and without a body (405). */
    public static Arbitrary<HttpCall> unsupportedMethods(String path) {
        return Arbitraries.of("POST", "PUT", "PATCH", "DELETE").flatMap(method -> Arbitraries.oneOf(
                Arbitraries.just(new HttpCall(method, path, null, null)),
                brokenJson(Map.of("a", 1)).map(body -> new HttpCall(method, path, "application/json", body))));
    }

    /** Paths under {@code /api} that no endpoint serves (404). */
    public static Arbitrary<HttpCall> unknownPaths() {
        return Arbitraries.strings().alpha().numeric().ofMinLength(1).ofMaxLength(30).list().ofMinSize(1).ofMaxSize(4)
                .map(segments -> HttpCall.get("/api/no-such-" + String.join("/", segments)));
    }

    /** A body larger than the apps accept (1 MB). */
    public static String oversizedBody() {
        return "{\"name\":\"" + "x".repeat(1_100_000) + "\"}";
    }

    public static String encode(String value) {
        return java.net.URLEncoder.encode(value, java.nio.charset.StandardCharsets.UTF_8);
    }
}
