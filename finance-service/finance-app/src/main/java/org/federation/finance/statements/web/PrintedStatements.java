package org.federation.finance.statements.web;

import java.util.LinkedHashMap;
import java.util.Map;

import org.federation.finance.statements.domain.Statement;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Printed statements, each printed once per instance: a published statement never changes, so its
 * PDF is kept in memory (the most recently asked {@code federation.finance.statements.printed-cache},
 * 32 by default, a PDF being some tens of kilobytes) and served again byte for byte.
 * <p>
 * Keyed by the statement's id and the hash of the content as it is stored now (recomputed on each
 * request, which is cheap next to printing): a stored statement that was changed after publication
 * gets a new key, so a PDF never shows anything but what the store holds. In memory rather than in
 * MongoDB: nothing to keep consistent between instances (each prints at most once per statement),
 * and the statement document stays what it was when inserted (finance never updates it).
 * {@code finance.statements.printed} counts the printings.
 */
@Component
class PrintedStatements {

    private final Counter printed;
    private final Map<String, byte[]> recent;

    PrintedStatements(MeterRegistry meters,
                      @Value("${federation.finance.statements.printed-cache:32}") int capacity) {
        this.printed = Counter.builder("finance.statements.printed")
                .description("statement PDFs printed (each is kept and served again)").register(meters);
        this.recent = new LinkedHashMap<>(capacity, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, byte[]> eldest) {
                return size() > capacity;
            }
        };
    }

    /** The statement's PDF, printed now only if this instance has not kept it. */
    byte[] pdf(Statement statement) {
        String key = key(statement);
        synchronized (recent) {
            byte[] kept = recent.get(key);
            if (kept != null) {
                return kept;
            }
        }
        // printed outside the lock: two first requests may both print, the second result replaces an equal one
        byte[] pdf = StatementPdf.of(statement);
        printed.increment();
        synchronized (recent) {
            recent.put(key, pdf);
        }
        return pdf;
    }

    /**
     * The validator of the printed statement: what it is printed from. Weak, as two instances may
     * print the same statement into PDFs that differ in bytes but not in what they say.
     */
    static String etag(Statement statement) {
        return "W/\"" + key(statement) + "\"";
    }

    private static String key(Statement statement) {
        return statement.id() + "-" + statement.computeHash();
    }
}
