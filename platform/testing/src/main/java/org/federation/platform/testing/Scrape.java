package org.federation.platform.testing;

import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One Prometheus scrape (text exposition format) of a service's {@code /actuator/prometheus}: the
 * metric names it holds and the values of its series.
 */
public final class Scrape {

    private static final Pattern SAMPLE = Pattern.compile("^([a-zA-Z_:][a-zA-Z0-9_:]*)(\\{[^}]*})?\\s+(\\S+)");

    private final Map<String, Double> series = new TreeMap<>();
    private final Set<String> names = new TreeSet<>();
    private final String text;

    public Scrape(String text) {
        this.text = text;
        for (String line : text.split("\n")) {
            Matcher sample = SAMPLE.matcher(line);
            if (line.startsWith("#") || !sample.find()) {
                continue;
            }
            names.add(sample.group(1));
            series.put(sample.group(1) + (sample.group(2) == null ? "" : sample.group(2)), parse(sample.group(3)));
        }
    }

    /** Scrapes a service's management port. */
    public static Scrape of(HttpProbe management) {
        HttpProbe.Response response = management.get("/actuator/prometheus");
        if (response.status() != 200) {
            throw new AssertionError("/actuator/prometheus answered " + response.status() + ": " + response.body());
        }
        return new Scrape(response.body());
    }

    /** Every metric name (as Prometheus names it: {@code federation_outbox_pending}, {@code _total} for counters). */
    public Set<String> names() {
        return names;
    }

    /** The sum of the series of {@code name} whose labels contain every one of {@code labels} (e.g. {@code topic="club.events"}). */
    public double sum(String name, String... labels) {
        double sum = 0;
        for (Map.Entry<String, Double> s : series.entrySet()) {
            String key = s.getKey();
            String metric = key.contains("{") ? key.substring(0, key.indexOf('{')) : key;
            if (!metric.equals(name)) {
                continue;
            }
            boolean all = true;
            for (String label : labels) {
                all &= key.contains(label);
            }
            if (all && !s.getValue().isNaN()) {
                sum += s.getValue();
            }
        }
        return sum;
    }

    public String text() {
        return text;
    }

    private static double parse(String value) {
        try {
            return Double.parseDouble(value);
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }
}
