package org.federation.platform.messaging;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.UUID;

import org.bson.Document;
import org.springframework.data.mongodb.core.BulkOperations;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

/**
 * The relay's side of the store: claims a batch of outbox documents and releases it, each in one
 * round trip (an unordered bulk write of single-document conditional updates), however many
 * documents the batch holds.
 *
 * <p>Every update in those bulk writes is a compare-and-set on one document: {@code _id} plus the
 * lease token the writer expects there (none, a lapsed lease's, or its own). MongoDB applies each
 * update of a bulk write atomically on its document, as it does a single update, so two relays
 * claiming overlapping batches each win a disjoint part of it. The filter is an equality on exactly
 * the outbox's unique {@code (_id, relayLease.token)} index, which even the embedded store answers
 * by index (it scans for any other filter, an {@code _id $in} together with a token among them).
 */
final class OutboxLeases {

    private final MongoTemplate mongo;
    private final String owner;
    private final Duration lease;

    OutboxLeases(MongoTemplate mongo, String owner, Duration lease) {
        this.mongo = mongo;
        this.owner = owner;
        this.lease = lease;
    }

    /**
     * Leases whichever of {@code ids} have no live lease and reads their pending events under the
     * lease: a bulk write that claims every unleased one, one read of the batch by {@code _id} that
     * tells which were won (our token is there) and their events as they are now, and only if the
     * read found a lapsed lease, one more bulk write and read for those.
     *
     * <p>The events are read <em>after</em> the claim: read before it, they could include events
     * another relay sent and pulled between that read and our claim (its lease gone again, the
     * compare-and-set on "no lease" would still match), and those would go out twice.
     *
     * @return the claims with pending events; documents won with none pending are released at once
     */
    List<OutboxRelay.Claim> claim(String collection, List<String> ids, Instant now) {
        Taken taken = take(now);
        String token = taken.token();
        Document ours = taken.document();
        List<OutboxRelay.Claim> claims = new ArrayList<>();
        List<OutboxRelay.Claim> empty = new ArrayList<>();
        List<String> unleased = ids.stream().map(id -> (String) null).toList();
        List<String> round = ids;
        List<String> expected = unleased;
        for (int attempt = 0; attempt < 2 && !round.isEmpty(); attempt++) {
            BulkOperations bulk = mongo.bulkOps(BulkOperations.BulkMode.UNORDERED, collection);
            for (int i = 0; i < round.size(); i++) {
                bulk.updateOne(holding(round.get(i), expected.get(i)), new Update().set(OutboxFields.LEASE, ours));
            }
            bulk.execute();
            List<String> lapsed = new ArrayList<>();
            List<String> lapsedTokens = new ArrayList<>();
            Query batch = query(where(OutboxFields.ID).in(round));
            batch.fields().include(OutboxFields.LEASE).include(OutboxFields.PENDING);
            for (Document document : mongo.find(batch, Document.class, collection)) {
                String id = document.get(OutboxFields.ID).toString();
                Document lease = document.get(OutboxFields.LEASE, Document.class);
                List<Document> pending = document.getList(OutboxFields.PENDING, Document.class, List.of());
                if (lease != null && token.equals(lease.getString("token"))) {
                    (pending.isEmpty() ? empty : claims).add(new OutboxRelay.Claim(new OutboxRelay.Target(collection, id), token,
                            pending.stream().map(PendingEventCodec::fromDocument).toList()));
                } else if (lease != null && !pending.isEmpty() && lease.get("expiresAt", Date.class).toInstant().isBefore(now)) {
                    // a lapsed lease (its relay died or gave up): taken over by its token, so only one relay does
                    lapsed.add(id);
                    lapsedTokens.add(lease.getString("token"));
                }
            }
            round = lapsed;
            expected = lapsedTokens;
        }
        if (!empty.isEmpty()) {
            release(collection, empty, new int[empty.size()]);
        }
        return claims;
    }

    /**
     * A lease this relay takes: its token, until when it holds, and the document that marks an outbox
     * document as held ({@code relayLease}).
     */
    record Taken(String token, Instant expiresAt, Document document) {
    }

    /**
     * A new lease of this relay from {@code now}: what {@link #claim} compare-and-sets onto existing
     * documents, and what a writer puts into documents it creates ({@link OutboxRelay#leaseNew}).
     */
    Taken take(Instant now) {
        String token = UUID.randomUUID().toString();
        Instant expiresAt = now.plus(lease);
        return new Taken(token, expiresAt, new Document("owner", owner).append("token", token)
                .append("expiresAt", Date.from(expiresAt)));
    }

    /**
     * Pulls each claim's first {@code acknowledged[i]} events (exactly those, by id: newer ones may
     * have been pushed meanwhile) and drops its lease, where our lease still holds: one bulk write.
     */
    void release(String collection, List<OutboxRelay.Claim> claims, int[] acknowledged) {
        if (claims.isEmpty()) {
            return;
        }
        BulkOperations bulk = mongo.bulkOps(BulkOperations.BulkMode.UNORDERED, collection);
        for (int i = 0; i < claims.size(); i++) {
            OutboxRelay.Claim claim = claims.get(i);
            Update update = new Update().unset(OutboxFields.LEASE);
            if (acknowledged[i] > 0) {
                List<String> sent = claim.events().subList(0, acknowledged[i]).stream().map(EventEnvelope::id).toList();
                update.pull(OutboxFields.PENDING, new Document("id", new Document("$in", sent)));
            }
            bulk.updateOne(holding(claim.target().id(), claim.token()), update);
        }
        bulk.execute();
    }

    /** The document {@code id} while the lease with {@code token} (null: no lease) is on it. */
    private static Query holding(String id, String token) {
        return query(where(OutboxFields.ID).is(id).and(OutboxFields.LEASE_TOKEN).is(token));
    }
}
