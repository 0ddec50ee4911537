package org.federation.club.contracts;

import java.time.LocalDate;
import java.util.List;

/**
 * A club's full current public state, carried by every event about the club, so a consumer keeps
 * the newest snapshot (by {@code sequence}) and never depends on seeing every change.
 *
 * @param id                    the club id (also the event's key and {@code ce_subject})
 * @param name                  the club's name, unique among active clubs
 * @param category              one of {@code academic-technology}, {@code arts-culture}, {@code sports},
 *                              {@code volunteering}, {@code entrepreneurship}, {@code other}
 * @param state                 lifecycle state, e.g. {@code active}
 * @param foundedOn             the date the club was founded (for imported clubs, the original date)
 * @param registrationYear      the academic year of the club's last confirmed registration, or null
 * @param leaders               current leaders with their student numbers
 * @param memberStudentNumbers  current members' student numbers
 * @param liaisonOfficer        the assigned liaison officer's staff or student number, or null
 * @param successorId           the successor club after a merger, or null
 * @param contact               how to reach the club (e-mail, phone or account)
 */
public record ClubSnapshot(String id, String name, String category, String state, LocalDate foundedOn,
                           String registrationYear, List<ClubLeader> leaders, List<String> memberStudentNumbers,
                           String liaisonOfficer, String successorId, String contact) {
}
