package org.federation.club.contracts;

import java.time.Instant;

/**
 * An open leader position of a club (社团负责人公开招聘) was posted, filled or cancelled (key = the
 * position id; carries no {@code club}: a filled position also changes the club's leaders, which
 * {@code leadership-changed} carries).
 *
 * @param positionId the position
 * @param clubId     the club
 * @param role       e.g. {@code vice-president}, {@code treasurer}
 * @param state      {@code open}, {@code filled}, {@code cancelled}
 * @param closesAt   when applications close
 * @param applicants how many applied
 * @param appointed  who was appointed, or null
 */
public record LeaderPositionChanged(String positionId, String clubId, String role, String state, Instant closesAt,
                                    int applicants, String appointed) {
}
