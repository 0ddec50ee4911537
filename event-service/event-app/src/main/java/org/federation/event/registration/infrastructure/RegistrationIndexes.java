package org.federation.event.registration.infrastructure;

import org.federation.platform.persistence.MongoIndexes;
import org.springframework.stereotype.Component;

/**
 * The indexes of the registrations the registration desk and the check-in desk read: an
 * activity's registrations, by status (the waitlist, the seat count, the roster).
 */
@Component
class RegistrationIndexes {

    static final String REGISTRATIONS = "registrations";

    RegistrationIndexes(MongoIndexes indexes) {
        indexes.ensure(REGISTRATIONS, "activityId", "status");
    }
}
