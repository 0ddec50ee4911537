package org.federation.notification.delivery.application;

import java.time.Clock;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.federation.notification.delivery.domain.ContactPreferences;
import org.federation.notification.delivery.domain.ContactRecords;
import org.federation.notification.delivery.domain.WebhookGuard;
import org.federation.notification.directory.application.Recipients;
import org.federation.notification.directory.domain.KnownPeople;
import org.federation.notification.directory.domain.Person;
import org.federation.notification.directory.domain.RecipientAccess;
import org.federation.platform.problem.RuleViolationException;
import org.federation.platform.security.Caller;
import org.springframework.stereotype.Service;

/**
 * Contact preferences: as changed through the API; until then a person's are their token's e-mail
 * (recorded when they first signed in) and a department has none ({@link ContactPreferences#defaults}).
 * A change registers webhooks only at public addresses ({@link WebhookGuard}) and gives each new one
 * its signing secret.
 */
@Service
public class Contacts {

    /** The preferences as changed, with the signing secret of each webhook the change registered (shown this once). */
    public record Changed(ContactPreferences preferences, Map<String, String> newWebhookSecrets) {
    }

    private final ContactRecords records;
    private final KnownPeople people;
    private final WebhookGuard guard;
    private final SigningSecrets secrets;
    private final Clock clock;

    Contacts(ContactRecords records, KnownPeople people, WebhookGuard guard, SigningSecrets secrets, Clock clock) {
        this.records = records;
        this.people = people;
        this.guard = guard;
        this.secrets = secrets;
        this.clock = clock;
    }

    public ContactPreferences of(String recipient) {
        return records.find(recipient).orElseGet(() -> ContactPreferences.defaults(recipient,
                recipient.startsWith(Recipients.PERSON)
                        ? people.find(recipient.substring(Recipients.PERSON.length())).map(Person::email).orElse(null) : null));
    }

    /** The recipient's preferences, for its owner and the presidium. */
    public ContactPreferences of(String recipient, Caller caller) {
        RecipientAccess.requireRead(caller, recipient, "the contact preferences");
        return of(recipient);
    }

    /** Contact preferences of many recipients at once (two queries), for a fan-out. */
    public Map<String, ContactPreferences> ofAll(Collection<String> recipients) {
        Map<String, ContactPreferences> all = new HashMap<>();
        records.findAll(recipients).forEach(c -> all.put(c.id(), c));
        List<String> unchanged = recipients.stream().filter(r -> !all.containsKey(r) && r.startsWith(Recipients.PERSON))
                .map(r -> r.substring(Recipients.PERSON.length())).toList();
        Map<String, Person> known = unchanged.isEmpty() ? Map.of() : people.findAll(unchanged);
        for (String recipient : recipients) {
            all.computeIfAbsent(recipient, r -> {
                Person person = r.startsWith(Recipients.PERSON) ? known.get(r.substring(Recipients.PERSON.length())) : null;
                return ContactPreferences.defaults(r, person == null ? null : person.email());
            });
        }
        return all;
    }

    /** Stores the preferences as given (no checks: {@link #change(String, String, boolean, List, Caller)} makes them). */
    public ContactPreferences change(String recipient, String email, boolean emailEnabled, List<String> webhooks, String by) {
        records.save(recipient, email, emailEnabled, webhooks, by, clock.instant());
        return of(recipient);
    }

    /**
     * Changes the preferences for whoever manages the recipient's: e-mail delivery needs an address, every
     * webhook must pass the {@link WebhookGuard} (422 otherwise); a blank address counts as none and a
     * webhook named twice once. Webhooks no longer listed lose their secrets, new ones get theirs.
     */
    public Changed change(String recipient, String email, boolean emailEnabled, List<String> webhooks, Caller caller) {
        RecipientAccess.requireManage(caller, recipient, "the contact preferences");
        if (emailEnabled && (email == null || email.isBlank())) {
            throw new RuleViolationException("email", "e-mail delivery needs an address");
        }
        for (String url : webhooks) {
            try {
                guard.check(url);
            } catch (WebhookGuard.Refused refused) {
                throw new RuleViolationException("webhooks", refused.getMessage());
            }
        }
        List<String> distinct = webhooks.stream().distinct().toList();
        ContactPreferences changed = change(recipient, email == null || email.isBlank() ? null : email, emailEnabled,
                distinct, caller.subject());
        return new Changed(changed, secrets.keepOnly(recipient, distinct));
    }

    /**
     * Replaces the signing secret of one of the recipient's registered webhooks (a leaked secret, or a
     * webhook registered before deliveries were signed); 422 if the URL is not registered.
     */
    public String rotateSecret(String recipient, String webhook, Caller caller) {
        RecipientAccess.requireManage(caller, recipient, "the contact preferences");
        if (!of(recipient).webhooks().contains(webhook)) {
            throw new RuleViolationException("webhook", webhook + " is not one of " + recipient
                    + "'s webhooks; register it with PUT /api/contacts/" + recipient);
        }
        return secrets.rotate(recipient, webhook);
    }
}
