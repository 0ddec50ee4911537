package org.federation.notification.routing.application;

import org.federation.notification.routing.domain.NoticeKinds;

import org.federation.notification.wording.domain.Yuan;

import org.federation.notification.directory.domain.Names;

import tools.jackson.databind.JsonNode;

/**
 * What a finance event says to a person: who (clubs by name), what happened and the figure that
 * matters, in yuan (a budget decision with the amount approved, a settlement with the amount moved,
 * a statement with its closing balance). Read from the shapes of finance-service's contracts as JSON,
 * so a field finance-service leaves out makes a shorter sentence, never a failed notice; never an
 * event type, an account, activity or transaction id.
 */
public final class FinanceNoticeText {

    /** A notice's human text. */
    record Text(String title, String body) {
    }

    private FinanceNoticeText() {
    }

    static Text of(String kind, JsonNode payload, Names names) {
        return switch (kind) {
            case "account-opened" -> {
                JsonNode account = payload.path("account");
                String name = text(account, "/name");
                String owner = account.hasNonNull("clubId") ? names.club(account.get("clubId").asString()) : "the federation";
                yield new Text("Account opened: " + (name != null ? name : owner), (name != null ? "The account " + name
                        : "An account of " + owner) + " was opened"
                        + (account.hasNonNull("kind") ? " (" + words(account.get("kind").asString()) + ")" : "") + ".");
            }
            case "account-settled" -> {
                String club = names.club(text(payload, "/clubId", "/account/clubId"));
                String moved = yuan(payload.path("settledBalanceFen"));
                yield new Text("Account settled: " + club, "The account of " + club + " was settled and closed: "
                        + moved + " moved to " + destination(text(payload, "/movedTo")) + ".");
            }
            case "budget-decided" -> {
                JsonNode budget = payload.path("budget");
                String title = budgetTitle(budget);
                String decision = text(payload, "/decision");
                String requested = yuan(budget.path("requestedFen"));
                String approved = yuan(budget.path("approvedFen"));
                String outcome = switch (decision == null ? "" : decision) {
                    case "approved" -> "approved in full: " + approved;
                    case "partly-approved" -> "partly approved: " + approved + " of the " + requested + " requested";
                    case "rejected" -> "rejected (" + requested + " had been requested)";
                    default -> "decided: " + approved + " approved of the " + requested + " requested";
                };
                String verb = decision == null ? "Budget decided" : switch (decision) {
                    case "approved" -> "Budget approved";
                    case "partly-approved" -> "Budget partly approved";
                    case "rejected" -> "Budget rejected";
                    default -> "Budget decided";
                };
                yield new Text(verb + ": " + title, "The budget of " + title + organiser(budget, names) + " was " + outcome
                        + reason(payload) + ".");
            }
            case "budget-closed" -> {
                JsonNode budget = payload.path("budget");
                String title = budgetTitle(budget);
                String cause = switch (String.valueOf(text(payload, "/cause"))) {
                    case "claim-window-passed" -> "its claim window passed";
                    case "activity-cancelled" -> "the activity was cancelled";
                    case "closed-by-finance" -> "the Finance Department closed it";
                    default -> "it was closed";
                };
                yield new Text("Budget closed: " + title, "The budget of " + title + organiser(budget, names) + " is closed ("
                        + cause + "): " + yuan(budget.path("spentFen")) + " spent, " + yuan(payload.path("releasedFen"))
                        + " released" + reason(payload) + ".");
            }
            case "statement-published" -> {
                String account = text(payload, "/accountName");
                String owner = account != null ? account : payload.hasNonNull("clubId")
                        ? "the account of " + names.club(payload.get("clubId").asString()) : "an account";
                String period = text(payload, "/period");
                yield new Text("Statement published: " + owner + (period == null ? "" : " (" + period + ")"),
                        "The statement of " + owner + (period == null ? "" : " for " + period) + " is published: opening "
                                + yuan(payload.path("openingFen")) + ", income " + yuan(payload.path("incomeFen")) + ", spending "
                                + yuan(payload.path("spendingFen")) + ", closing " + yuan(payload.path("closingFen")) + ".");
            }
            case "transaction-posted" -> {
                JsonNode t = payload.path("transaction");
                String what = transaction(t);
                yield new Text("Transaction posted: " + what, "A transaction of " + yuan(t.path("totalFen")) + " was posted to the ledger"
                        + (t.hasNonNull("bookedOn") ? " on " + t.get("bookedOn").asString() : "") + ": " + what + ".");
            }
            case "transaction-reversed" -> {
                JsonNode t = payload.path("reversal");
                String what = transaction(t);
                yield new Text("Transaction reversed: " + what, "A ledger transaction of " + yuan(t.path("totalFen"))
                        + " was reversed: " + what + ".");
            }
            case "fee-payment-recorded" -> {
                String club = names.club(text(payload, "/clubId"));
                int payments = payload.path("payments").isArray() ? payload.get("payments").size() : 0;
                String year = text(payload, "/academicYear");
                yield new Text("Membership fees recorded: " + club, club + " recorded " + yuan(payload.path("totalFen"))
                        + " of membership fees" + (year == null ? "" : " for " + year)
                        + (payments > 0 ? " (" + payments + (payments == 1 ? " payment" : " payments") + ")" : "")
                        + ", booked to its account.");
            }
            case "sponsorship-receipt-recorded" -> {
                String club = names.club(text(payload, "/clubId"));
                String sponsor = orElse(text(payload, "/sponsor"), "a sponsor");
                yield new Text("Sponsorship received: " + club, club + " received " + yuan(payload.path("amountFen"))
                        + " from " + sponsor + (payload.hasNonNull("promisedFen") ? " (of " + yuan(payload.get("promisedFen"))
                        + " promised)" : "") + ".");
            }
            default -> {
                // a kind listed without its own wording yet: its description, never the raw event
                String description = NoticeKinds.of(kind).map(NoticeKinds.Kind::description).orElse("something happened");
                String sentence = Character.toUpperCase(description.charAt(0)) + description.substring(1);
                yield new Text(sentence, sentence + ".");
            }
        };
    }

    private static String budgetTitle(JsonNode budget) {
        String title = text(budget, "/title");
        return title == null ? "an activity" : title;
    }

    private static String organiser(JsonNode budget, Names names) {
        if (budget.hasNonNull("clubId")) {
            return " (" + names.club(budget.get("clubId").asString()) + ")";
        }
        if (budget.hasNonNull("department")) {
            return " (the " + words(budget.get("department").asString()) + " department)";
        }
        return "";
    }

    /** Where a settlement's money went: the federation's accounts read as words, any other as "another account". */
    private static String destination(String accountId) {
        if (accountId != null && accountId.startsWith("federation-")) {
            return "the federation's " + words(accountId.substring("federation-".length())) + " account";
        }
        return "another account";
    }

    private static String transaction(JsonNode t) {
        String description = text(t, "/description");
        if (description != null) {
            return description;
        }
        String category = text(t, "/category");
        return category != null ? words(category) : orElse(text(t, "/kind"), "a transaction").replace('-', ' ');
    }

    private static String reason(JsonNode payload) {
        String reason = text(payload, "/reason");
        return reason == null ? "" : " (" + reason + ")";
    }

    /** An amount in fen as yuan ("1,234.50 yuan"); "an amount" if missing. */
    static String yuan(JsonNode fen) {
        if (fen == null || !fen.isNumber()) {
            return "an amount";
        }
        return Yuan.of(fen.asLong());
    }


    private static String text(JsonNode node, String... pointers) {
        for (String pointer : pointers) {
            JsonNode value = node.at(pointer);
            if (value.isString() && !value.asString().isBlank()) {
                return value.asString();
            }
        }
        return null;
    }

    private static String words(String value) {
        return value.replace('-', ' ');
    }

    private static String orElse(String value, String fallback) {
        return value == null ? fallback : value;
    }
}
