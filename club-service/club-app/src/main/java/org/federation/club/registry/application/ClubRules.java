package org.federation.club.registry.application;

import java.time.Duration;
import java.time.Period;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The federation's lifecycle rules that are configuration, not code.
 *
 * @param leadershipTerm how long a leadership term lasts (a handover is due at its end)
 * @param deadlineSweep  how often overdue handovers and missed registrations are looked for
 */
@ConfigurationProperties("federation.clubs")
public record ClubRules(Period leadershipTerm, Duration deadlineSweep) {

    public ClubRules {
        leadershipTerm = leadershipTerm == null ? Period.ofYears(1) : leadershipTerm;
        deadlineSweep = deadlineSweep == null ? Duration.ofMinutes(1) : deadlineSweep;
    }
}
