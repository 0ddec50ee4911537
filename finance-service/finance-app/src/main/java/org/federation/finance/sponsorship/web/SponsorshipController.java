package org.federation.finance.sponsorship.web;

import org.federation.finance.FinanceResources;
import org.federation.platform.security.Remit;
import java.net.URI;
import java.time.LocalDate;

import org.federation.finance.clubs.application.ClubRights;
import org.federation.finance.sponsorship.application.SponsorshipDesk;
import org.federation.finance.sponsorship.application.SponsorshipRights;
import org.federation.finance.sponsorship.domain.Sponsorship;
import org.federation.finance.sponsorship.domain.Sponsorships;
import org.federation.platform.paging.PageOf;
import org.federation.platform.idempotency.IdempotencyKey;
import org.federation.platform.security.Caller;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

/**
 * Sponsorship (外联经费): the External Relations Department, the Finance Department or a club's
 * leaders (for their club) record an agreement; the Finance Department books the money received.
 */
@RestController
@RequestMapping("/api/sponsorships")
@Validated
class SponsorshipController {

    record Agreement(@NotBlank @Size(max = 200) String sponsor, @NotBlank @Size(max = 200) String agreement,
                     @NotBlank @Size(max = 500) String purpose, @Size(min = 1, max = 200) String clubId,
                     @NotNull @Positive @Max(1_000_000_000L) Long promisedFen, @NotNull LocalDate signedOn) {
    }

    record ReceiptRequest(@NotNull @Positive @Max(1_000_000_000L) Long amountFen, @NotNull LocalDate receivedOn,
                          @Size(max = 200) String note) {
    }

    record Received(Sponsorship.Receipt receipt, Sponsorship sponsorship) {
    }

    private final SponsorshipDesk desk;
    private final Sponsorships sponsorships;
    private final ClubRights rights;
    private final SponsorshipRights sponsorshipRights;

    SponsorshipController(SponsorshipDesk desk, Sponsorships sponsorships, ClubRights rights,
                          SponsorshipRights sponsorshipRights) {
        this.desk = desk;
        this.sponsorships = sponsorships;
        this.rights = rights;
        this.sponsorshipRights = sponsorshipRights;
    }

    /** Records a sponsorship agreement: 201. */
    @PostMapping
    ResponseEntity<Sponsorship> record(@Valid @RequestBody Agreement agreement, Caller caller) {
        sponsorshipRights.requireRecorder(caller, agreement.clubId());
        Sponsorship sponsorship = desk.record(agreement.sponsor().strip(), agreement.agreement().strip(),
                agreement.purpose().strip(), agreement.clubId(), agreement.promisedFen(), agreement.signedOn(),
                caller.subject());
        return ResponseEntity.created(URI.create("/api/sponsorships/" + sponsorship.id())).body(sponsorship);
    }

    /** Sponsorships newest first: a club's ({@code clubId}) for its people and the staff, all for the staff. */
    @GetMapping
    PageOf<Sponsorship> list(@RequestParam(required = false) @Size(min = 1, max = 200) String clubId,
                             @RequestParam(defaultValue = "0") @Min(0) int page,
                             @RequestParam(defaultValue = "20") @Min(1) @Max(PageOf.MAX_SIZE) int size, Caller caller) {
        if (clubId == null) {
            Remit.requireReads(caller, FinanceResources.SPONSORSHIPS, "every sponsorship");
        } else {
            rights.requireInsight(caller, clubId, FinanceResources.SPONSORSHIPS, "club " + clubId + "'s sponsorships");
        }
        return sponsorships.page(clubId, page, size);
    }

    @GetMapping("/{id}")
    Sponsorship get(@PathVariable String id, Caller caller) {
        Sponsorship sponsorship = desk.get(id);
        sponsorshipRights.requireReader(caller, sponsorship);
        return sponsorship;
    }

    /** Books money received under the agreement (Finance Department): 201; 409 beyond the promise. */
    @PostMapping("/{id}/receipts")
    ResponseEntity<Received> receive(IdempotencyKey key, @PathVariable String id, @Valid @RequestBody ReceiptRequest request, Caller caller) {
        rights.requireFinance(caller, "booking sponsorship money");
        Sponsorship.Receipt receipt = desk.receive(id, request.amountFen(), request.receivedOn(),
                request.note() == null ? null : request.note().strip(), caller.subject(), key.derivedId("receipt"));
        return ResponseEntity.created(URI.create("/api/sponsorships/" + id)).body(new Received(receipt, desk.get(id)));
    }

    /** Withdraws a receipt booked by mistake (Finance Department): its ledger transaction is reversed. */
    @PostMapping("/{id}/receipts/{receiptId}/withdrawal")
    Received withdraw(IdempotencyKey key, @PathVariable String id, @PathVariable String receiptId, @Valid @RequestBody Withdrawing request,
                      Caller caller) {
        rights.requireFinance(caller, "withdrawing a sponsorship receipt");
        Sponsorship.Receipt receipt = desk.withdraw(id, receiptId, request.reason().strip(), caller.subject(),
                key.derivedId("withdrawal"));
        return new Received(receipt, desk.get(id));
    }

    record Withdrawing(@NotBlank @Size(max = 500) String reason) {
    }
}
