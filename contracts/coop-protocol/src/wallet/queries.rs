//! Deposits and withdrawals, read-only: what `deposits` and `withdrawals` take and return,
//! and the pure rules they run — which rows a query matches and where a page ends.
//! Host-tested here; the handlers only feed them the rows.
//!
//! A client calls them in a read-only transaction (`/v1/chain/send_read_only_transaction`,
//! `cleos push action … --read`): no signature, nothing written, the page is the action's
//! return value. Only live rows are listed: a deposit or withdrawal that has ended (a
//! confirmed `share` deposit, a cancelled deposit, an accepted or refunded registration
//! deposit; a withdrawal paid out, declined or failed) is erased from its table, and its
//! history is in the actions that changed it. One call reads at most [`QUERY_SCAN_LIMIT`]
//! rows, so its work is bounded however many rows the cooperative has; a page may therefore
//! hold fewer than `limit` rows (even none) while `next_id` is not 0: the client calls
//! again from `next_id`.
use super::errors::*;
use super::tables::{
    DepositRow, Withdrawal, DEPOSIT_CONFIRMED, DEPOSIT_PENDING, DEPOSIT_REFUND, WITHDRAWAL_AUTHORIZED,
    WITHDRAWAL_PENDING,
};
use alloc::vec::Vec;
use coop_runtime::AbiType;
use eosio::{Name, NumBytes, Read, Write};

/// Every deposit state a query may ask for (or the empty name: all of them): the row's
/// `status`.
pub const DEPOSIT_STATES: [Name; 3] = [DEPOSIT_PENDING, DEPOSIT_CONFIRMED, DEPOSIT_REFUND];
/// Every withdrawal state a query may ask for (or the empty name: all of them): the row's
/// `status`.
pub const WITHDRAWAL_STATES: [Name; 2] = [WITHDRAWAL_PENDING, WITHDRAWAL_AUTHORIZED];

/// The most rows one page may ask for.
pub const MAX_QUERY_LIMIT: u32 = coop_runtime::paging::MAX_PAGE_LIMIT;
/// The most rows one call reads (matching or not): the bound on its work. A call that
/// stops here returns what it found and `next_id`, the first row it did not read.
pub const QUERY_SCAN_LIMIT: usize = coop_runtime::paging::SCAN_LIMIT;

/// `deposits(coopname, username, state, from_id, limit)`: one page of the cooperative's
/// deposits in progress.
#[derive(Clone, Debug, Default, PartialEq, Read, Write, NumBytes, AbiType)]
#[abi(name = "deposits")]
pub struct DepositsQuery {
    pub coopname: Name,
    /// Only this member's deposits; empty for everyone's.
    pub username: Name,
    /// `pending`, `confirmed`, `refund`, or empty for every state.
    pub state: Name,
    /// The first deposit id to consider (0 or 1 for the start; a page's `next_id` after).
    pub from_id: u64,
    /// The most deposits to return: 1 to [`MAX_QUERY_LIMIT`].
    pub limit: u32,
}

/// What `deposits` returns.
#[derive(Clone, Debug, Default, PartialEq, Read, Write, NumBytes, AbiType)]
pub struct DepositPage {
    /// The matching deposits, by id, as stored.
    pub items: Vec<DepositRow>,
    /// The `from_id` of the next call; 0 when every deposit from `from_id` on was read.
    pub next_id: u64,
}

/// `withdrawals(coopname, username, state, from_id, limit)`: one page of the cooperative's
/// open withdrawals.
#[derive(Clone, Debug, Default, PartialEq, Read, Write, NumBytes, AbiType)]
#[abi(name = "withdrawals")]
pub struct WithdrawalsQuery {
    pub coopname: Name,
    /// Only this member's withdrawals; empty for everyone's.
    pub username: Name,
    /// `pending`, `authorized`, or empty for every state.
    pub state: Name,
    /// The first withdrawal id to consider (0 or 1 for the start; a page's `next_id` after).
    pub from_id: u64,
    /// The most withdrawals to return: 1 to [`MAX_QUERY_LIMIT`].
    pub limit: u32,
}

/// What `withdrawals` returns.
#[derive(Clone, Debug, Default, PartialEq, Read, Write, NumBytes, AbiType)]
pub struct WithdrawalPage {
    /// The matching withdrawals, by id, as stored.
    pub items: Vec<Withdrawal>,
    /// The `from_id` of the next call; 0 when every withdrawal from `from_id` on was read.
    pub next_id: u64,
}

/// Whether a row of `username` in `status` matches a query for `who` (empty: anyone) in
/// `state` (empty: any).
fn matches(who: Name, state: Name, username: Name, status: Name) -> bool {
    (who.as_u64() == 0 || username == who) && (state.as_u64() == 0 || status == state)
}

impl DepositsQuery {
    /// Checks the query: `limit` from 1 to [`MAX_QUERY_LIMIT`], `state` empty or one of
    /// [`DEPOSIT_STATES`].
    /// Errors: `ERR_LIMIT_ZERO`, `ERR_LIMIT_TOO_LARGE`, `ERR_BAD_DEPOSIT_STATE`.
    pub fn check(&self) -> Result<(), &'static str> {
        coop_runtime::paging::check(self.limit, self.state, &DEPOSIT_STATES, ERR_BAD_DEPOSIT_STATE)
    }

    /// One page from `rows`, the cooperative's deposits from `from_id` upwards in id order,
    /// read lazily: at most [`QUERY_SCAN_LIMIT`] of them, plus one more to learn `next_id`
    /// when the page ends before the rows do. The query must have passed
    /// [`DepositsQuery::check`].
    pub fn page(&self, rows: impl IntoIterator<Item = DepositRow>) -> DepositPage {
        let pick = |row: DepositRow| matches(self.username, self.state, row.username, row.status).then_some(row);
        let (items, next_id) = coop_runtime::paging::page(rows, self.limit, |row| row.id, pick);
        DepositPage { items, next_id }
    }
}

impl WithdrawalsQuery {
    /// Checks the query: `limit` from 1 to [`MAX_QUERY_LIMIT`], `state` empty or one of
    /// [`WITHDRAWAL_STATES`].
    /// Errors: `ERR_LIMIT_ZERO`, `ERR_LIMIT_TOO_LARGE`, `ERR_BAD_WITHDRAWAL_STATE`.
    pub fn check(&self) -> Result<(), &'static str> {
        coop_runtime::paging::check(self.limit, self.state, &WITHDRAWAL_STATES, ERR_BAD_WITHDRAWAL_STATE)
    }

    /// One page from `rows`, the cooperative's withdrawals from `from_id` upwards in id
    /// order, read lazily, as [`DepositsQuery::page`]. The query must have passed
    /// [`WithdrawalsQuery::check`].
    pub fn page(&self, rows: impl IntoIterator<Item = Withdrawal>) -> WithdrawalPage {
        let pick = |row: Withdrawal| matches(self.username, self.state, row.username, row.status).then_some(row);
        let (items, next_id) = coop_runtime::paging::page(rows, self.limit, |row| row.id, pick);
        WithdrawalPage { items, next_id }
    }
}

#[cfg(test)]
mod tests {
    use super::super::tables::{KIND_REGISTRATION, KIND_SHARE};
    use super::*;
    use alloc::vec;
    use coop_runtime::n;

    const ALL: Name = Name::new(0);

    fn deposit(id: u64, username: u64, status: Name) -> DepositRow {
        DepositRow { id, username: Name::new(username), kind: KIND_SHARE, status, ..DepositRow::default() }
    }

    fn withdrawal(id: u64, username: u64, status: Name) -> Withdrawal {
        Withdrawal { id, username: Name::new(username), status, ..Withdrawal::default() }
    }

    fn deposits(username: u64, state: Name, limit: u32) -> DepositsQuery {
        DepositsQuery { coopname: n("coop"), username: Name::new(username), state, from_id: 0, limit }
    }

    fn withdrawals(username: u64, state: Name, limit: u32) -> WithdrawalsQuery {
        WithdrawalsQuery { coopname: n("coop"), username: Name::new(username), state, from_id: 0, limit }
    }

    trait Id {
        fn id(&self) -> u64;
    }
    impl Id for DepositRow {
        fn id(&self) -> u64 {
            self.id
        }
    }
    impl Id for Withdrawal {
        fn id(&self) -> u64 {
            self.id
        }
    }

    fn ids<R: Id>(items: &[R]) -> Vec<u64> {
        items.iter().map(Id::id).collect()
    }

    #[test]
    fn limits_and_states_are_checked() {
        assert_eq!(deposits(0, ALL, 0).check(), Err(ERR_LIMIT_ZERO));
        assert_eq!(deposits(0, ALL, MAX_QUERY_LIMIT + 1).check(), Err(ERR_LIMIT_TOO_LARGE));
        assert_eq!(deposits(0, ALL, u32::MAX).check(), Err(ERR_LIMIT_TOO_LARGE));
        assert_eq!(deposits(0, ALL, 1).check(), Ok(()));
        assert_eq!(deposits(0, ALL, MAX_QUERY_LIMIT).check(), Ok(()));
        for state in DEPOSIT_STATES {
            assert_eq!(deposits(0, state, 10).check(), Ok(()));
        }
        assert_eq!(deposits(0, WITHDRAWAL_AUTHORIZED, 10).check(), Err(ERR_BAD_DEPOSIT_STATE));
        // The limit is checked first.
        assert_eq!(deposits(0, n("open"), 0).check(), Err(ERR_LIMIT_ZERO));

        assert_eq!(withdrawals(0, ALL, 0).check(), Err(ERR_LIMIT_ZERO));
        assert_eq!(withdrawals(0, ALL, MAX_QUERY_LIMIT + 1).check(), Err(ERR_LIMIT_TOO_LARGE));
        assert_eq!(withdrawals(0, ALL, MAX_QUERY_LIMIT).check(), Ok(()));
        for state in WITHDRAWAL_STATES {
            assert_eq!(withdrawals(0, state, 10).check(), Ok(()));
        }
        assert_eq!(withdrawals(0, DEPOSIT_CONFIRMED, 10).check(), Err(ERR_BAD_WITHDRAWAL_STATE));
        assert_eq!(withdrawals(0, DEPOSIT_REFUND, 10).check(), Err(ERR_BAD_WITHDRAWAL_STATE));
        // The message names the bound.
        assert!(ERR_LIMIT_TOO_LARGE.ends_with(&alloc::format!(" {MAX_QUERY_LIMIT}")));
    }

    #[test]
    fn a_page_filters_by_member_and_state() {
        let rows = vec![
            deposit(1, 7, DEPOSIT_PENDING),
            DepositRow { kind: KIND_REGISTRATION, ..deposit(2, 8, DEPOSIT_CONFIRMED) },
            deposit(3, 7, DEPOSIT_PENDING),
            DepositRow { kind: KIND_REGISTRATION, ..deposit(5, 9, DEPOSIT_REFUND) },
            DepositRow { kind: KIND_REGISTRATION, ..deposit(6, 7, DEPOSIT_CONFIRMED) },
        ];
        let all = deposits(0, ALL, 10).page(rows.clone());
        assert_eq!((ids(&all.items), all.next_id), (vec![1, 2, 3, 5, 6], 0));
        assert_eq!(all.items, rows, "the rows as stored");
        assert_eq!(ids(&deposits(7, ALL, 10).page(rows.clone()).items), vec![1, 3, 6]);
        assert_eq!(ids(&deposits(0, DEPOSIT_PENDING, 10).page(rows.clone()).items), vec![1, 3]);
        assert_eq!(ids(&deposits(0, DEPOSIT_CONFIRMED, 10).page(rows.clone()).items), vec![2, 6]);
        assert_eq!(ids(&deposits(0, DEPOSIT_REFUND, 10).page(rows.clone()).items), vec![5]);
        assert_eq!(ids(&deposits(7, DEPOSIT_CONFIRMED, 10).page(rows.clone()).items), vec![6]);
        assert!(deposits(8, DEPOSIT_PENDING, 10).page(rows.clone()).items.is_empty());
        assert!(deposits(4, ALL, 10).page(rows).items.is_empty());

        let rows = vec![
            withdrawal(1, 7, WITHDRAWAL_AUTHORIZED),
            withdrawal(4, 8, WITHDRAWAL_PENDING),
            withdrawal(9, 9, WITHDRAWAL_PENDING),
        ];
        assert_eq!(ids(&withdrawals(0, ALL, 10).page(rows.clone()).items), vec![1, 4, 9]);
        assert_eq!(ids(&withdrawals(0, WITHDRAWAL_PENDING, 10).page(rows.clone()).items), vec![4, 9]);
        assert_eq!(ids(&withdrawals(0, WITHDRAWAL_AUTHORIZED, 10).page(rows.clone()).items), vec![1]);
        assert_eq!(ids(&withdrawals(8, ALL, 10).page(rows.clone()).items), vec![4]);
        assert!(withdrawals(7, WITHDRAWAL_PENDING, 10).page(rows).items.is_empty());
    }

    #[test]
    fn a_full_page_points_at_the_next_row() {
        let rows: Vec<DepositRow> = [3, 5, 8, 13].iter().map(|id| deposit(*id, 1, DEPOSIT_PENDING)).collect();
        let first = deposits(0, ALL, 2).page(rows.clone());
        assert_eq!((ids(&first.items), first.next_id), (vec![3, 5], 8));
        let exact = deposits(0, ALL, 4).page(rows.clone());
        assert_eq!((ids(&exact.items), exact.next_id), (vec![3, 5, 8, 13], 0));
        // Member 1's pending deposits, one a page: the next id is the next row read.
        let one = deposits(1, DEPOSIT_PENDING, 1).page(rows);
        assert_eq!((ids(&one.items), one.next_id), (vec![3], 5));
        assert_eq!(deposits(0, ALL, 2).page(Vec::new()), DepositPage::default());

        let rows: Vec<Withdrawal> = (1..=5).map(|id| withdrawal(id, id, WITHDRAWAL_PENDING)).collect();
        let first = withdrawals(0, ALL, 3).page(rows.clone());
        assert_eq!((ids(&first.items), first.next_id), (vec![1, 2, 3], 4));
        assert_eq!(withdrawals(0, ALL, 3).page(Vec::new()), WithdrawalPage::default());
    }

    #[test]
    fn one_call_reads_at_most_the_scan_limit() {
        let total = QUERY_SCAN_LIMIT as u64 * 2 + 10;
        let mut read = 0;
        let rows = (1..=total).map(|id| {
            read += 1;
            deposit(id, 1, DEPOSIT_PENDING)
        });
        // Nothing is member 2's: the call stops after the scan limit, with no rows.
        let page = deposits(2, ALL, MAX_QUERY_LIMIT).page(rows);
        assert_eq!((page.items.len(), page.next_id), (0, QUERY_SCAN_LIMIT as u64 + 1));
        assert_eq!(read, QUERY_SCAN_LIMIT + 1);
        // A match at the end of the window is still returned.
        let mut rows: Vec<Withdrawal> = (1..=total).map(|id| withdrawal(id, 1, WITHDRAWAL_PENDING)).collect();
        rows[QUERY_SCAN_LIMIT - 1].status = WITHDRAWAL_AUTHORIZED;
        let page = withdrawals(0, WITHDRAWAL_AUTHORIZED, 1).page(rows);
        assert_eq!((ids(&page.items), page.next_id), (vec![QUERY_SCAN_LIMIT as u64], QUERY_SCAN_LIMIT as u64 + 1));
        // A full page stops before the scan limit.
        let rows = (1..=total).map(|id| deposit(id, 1, DEPOSIT_PENDING));
        let page = deposits(0, ALL, MAX_QUERY_LIMIT).page(rows);
        assert_eq!((page.items.len(), page.next_id), (MAX_QUERY_LIMIT as usize, MAX_QUERY_LIMIT as u64 + 1));
    }
}
