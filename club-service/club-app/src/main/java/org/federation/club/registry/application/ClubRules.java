package org.federation.club.registry.application;

import java.time.Duration;
import java.time.Period;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The federation's lifecycle rules that are configuration, not code.
 *
 * @param leadershipTerm how long a leadership term lasts (a handover is due at its end)
 * @param deadlineSweep  how often overdue handovers and missed registrations are looked for
 * @param settlementDeadline how long the dissolution saga waits for finance-service's settlement
 *                           before it asks again (and shows the step as overdue)
 * @param mergerDeadline     how long a merger may stay unfinished before it shows as overdue
 */
@ConfigurationProperties("federation.clubs")
public record ClubRules(Period leadershipTerm, Duration deadlineSweep, Duration settlementDeadline,
                        Duration mergerDeadline) {

    public ClubRules {
        settlementDeadline = settlementDeadline == null ? Duration.ofHours(1) : settlementDeadline;
        mergerDeadline = mergerDeadline == null ? Duration.ofMinutes(10) : mergerDeadline;
        leadershipTerm = leadershipTerm == null ? Period.ofYears(1) : leadershipTerm;
        deadlineSweep = deadlineSweep == null ? Duration.ofMinutes(1) : deadlineSweep;
    }
}
