package org.federation.notification.directory.domain;

/** How a recipient is named: {@code person:<student number>} or {@code department:<name>}. */
public final class RecipientIds {

    public static final String PERSON = "person:";
    public static final String DEPARTMENT = "department:";

    private RecipientIds() {
    }

    public static String person(String number) {
        return PERSON + number;
    }

    public static String department(String name) {
        return DEPARTMENT + name;
    }
}
