package org.federation.notification.wording.domain;

import java.math.BigDecimal;
import java.util.Locale;

/**
 * Amounts as people read them in notices and work items ("1,234.50 yuan"): money travels in fen in
 * every event; shared by the finance notices and the work queue, which depend on nothing else here.
 */
public final class Yuan {

    private Yuan() {
    }

    /** An amount in fen as yuan: "1,234.50 yuan". */
    public static String of(long fen) {
        return String.format(Locale.ROOT, "%,.2f yuan", BigDecimal.valueOf(fen, 2));
    }
}
