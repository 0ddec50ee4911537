package org.federation.club.contracts;

/**
 * {@code org.federation.club.established.v1}: a club enters the platform. Every consumer's club
 * directory, finance's account opening and the Organization Department's notice start from it.
 *
 * @param club   the club's snapshot at establishment
 * @param origin {@code imported} (an existing club brought onto the platform) or {@code founded}
 *               (approved at a founding defense hearing) or {@code merger} (a new club formed by merging
 *               clubs; its {@code merged} event follows)
 */
public record ClubEstablished(ClubSnapshot club, String origin) {

    public static final String IMPORTED = "imported";
    public static final String FOUNDED = "founded";
    public static final String MERGER = "merger";
}
