package org.federation.finance.accounts.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;

import org.federation.finance.contracts.AccountMerged;
import org.federation.finance.contracts.AccountOpened;
import org.federation.finance.contracts.AccountSettled;
import org.federation.finance.contracts.FinanceEventTypes;
import org.federation.finance.accounts.domain.AccountKinds;
import org.federation.platform.domain.Decision;
import org.federation.platform.domain.DomainEvent;
import org.junit.jupiter.api.Test;

/** An account's rules and the events it returns, in plain Java: no application context, no store. */
class AccountTest {

    private static final Instant NOW = Instant.parse("2026-10-01T08:00:00Z");
    private static final String LEADER = "person:2020000001";

    private static DomainEvent onlyEvent(Decision<Account> decision, String type) {
        assertThat(decision.events()).hasSize(1);
        assertThat(decision.events().get(0).type()).isEqualTo(type);
        return decision.events().get(0);
    }

    /** An open club account holding {@code balanceFen} (only the ledger moves a balance). */
    private static Account clubAccount(long balanceFen) {
        Account opened = Account.openForClub("c-1", "Chess Club", LEADER, NOW).state();
        return new Account(opened.id(), opened.owner(), opened.clubId(), opened.name(), opened.kind(), balanceFen,
                opened.state(), opened.openedAt(), null);
    }

    @Test
    void aClubsAccountIdComesFromTheClubSoItCanOnlyBeOpenedOnce() {
        assertThat(Account.clubAccountId("c-1")).isEqualTo("acct-c-1");
    }

    @Test
    void openingAClubsAccountStartsAnEmptyOpenFundAndAnnouncesIt() {
        Decision<Account> opened = Account.openForClub("c-1", "Chess Club", LEADER, NOW);
        Account account = opened.state();
        assertThat(account.id()).isEqualTo("acct-c-1");
        assertThat(account.owner()).isEqualTo(Account.CLUB);
        assertThat(account.kind()).isEqualTo(AccountKinds.FUND);
        assertThat(account.balanceFen()).isZero();
        assertThat(account.isOpen()).isTrue();
        assertThat(account.movedTo()).isNull();
        DomainEvent event = onlyEvent(opened, FinanceEventTypes.ACCOUNT_OPENED);
        assertThat(event.actor()).isEqualTo(LEADER);
        assertThat(((AccountOpened) event.payload()).account()).isEqualTo(account.snapshot());
    }

    @Test
    void theFederationOpensItsOwnAccountsByItselfWithTheirKind() {
        Decision<Account> income = Account.openForFederation(AccountKinds.FEE_INCOME, "Income: fees", NOW);
        assertThat(income.state().owner()).isEqualTo(Account.FEDERATION);
        assertThat(income.state().clubId()).isNull();
        assertThat(income.state().kind()).isEqualTo(AccountKinds.INCOME);
        assertThat(onlyEvent(income, FinanceEventTypes.ACCOUNT_OPENED).actor()).isEqualTo(DomainEvent.SYSTEM);
        assertThat(Account.openForFederation(AccountKinds.GENERAL_FUND, "General", NOW).state().kind())
                .isEqualTo(AccountKinds.FUND);
    }

    @Test
    void settlingADissolvedClubsAccountClosesItAndSendsItsBalanceToTheGeneralFund() {
        Decision<Account> settled = clubAccount(12_345).settle(12_345, LEADER);
        assertThat(settled.state().state()).isEqualTo(Account.SETTLED);
        assertThat(settled.state().isOpen()).isFalse();
        assertThat(settled.state().movedTo()).isEqualTo(AccountKinds.GENERAL_FUND);
        DomainEvent event = onlyEvent(settled, FinanceEventTypes.ACCOUNT_SETTLED);
        assertThat(event.actor()).isEqualTo(LEADER);
        AccountSettled payload = (AccountSettled) event.payload();
        assertThat(payload.clubId()).isEqualTo("c-1");
        assertThat(payload.settledBalanceFen()).isEqualTo(12_345);
        assertThat(payload.movedTo()).isEqualTo(AccountKinds.GENERAL_FUND);
        assertThat(payload.account().state()).isEqualTo(Account.SETTLED);
    }

    @Test
    void mergingAClubsAccountClosesItAndSendsItsBalanceToTheSuccessorsAccount() {
        Decision<Account> merged = clubAccount(500).merge("c-2", 500, "merger-1", LEADER);
        assertThat(merged.state().state()).isEqualTo(Account.MERGED);
        assertThat(merged.state().movedTo()).isEqualTo("acct-c-2");
        AccountMerged payload = (AccountMerged) onlyEvent(merged, FinanceEventTypes.ACCOUNT_MERGED).payload();
        assertThat(payload.successorClubId()).isEqualTo("c-2");
        assertThat(payload.successorAccountId()).isEqualTo("acct-c-2");
        assertThat(payload.movedFen()).isEqualTo(500);
        assertThat(payload.mergerId()).isEqualTo("merger-1");
    }

    @Test
    void aClosedAccountClosesNoFurtherWhenARequestIsRedelivered() {
        Account settled = clubAccount(10).settle(10, LEADER).state();
        assertThat(settled.settle(10, LEADER).changesNothing(settled)).isTrue();
        assertThat(settled.merge("c-2", 10, "m-1", LEADER).changesNothing(settled))
                .as("a settled account is not merged after all").isTrue();

        Account merged = clubAccount(10).merge("c-2", 10, "m-1", LEADER).state();
        assertThat(merged.merge("c-3", 10, "m-2", LEADER).changesNothing(merged)).isTrue();
        assertThat(merged.settle(10, LEADER).changesNothing(merged)).isTrue();
        assertThat(merged.movedTo()).isEqualTo("acct-c-2");
    }
}
