//! Property tests of the wallet's postings (`coop_protocol::wallet::ledger`): random
//! sequences of deposits, registrations, acceptances, refunds, founders' bookings and
//! withdrawals, with valid and invalid amounts, keep the invariants of spec 3.4 after
//! every step.
use coop_protocol::wallet::{errors::*, ledger, Ledger, MemberWallet};
use coop_runtime::asset_math::MAX_AMOUNT;
use coop_runtime::{n, sym};
use eosio::{Asset, Symbol, TimePointSec};
use proptest::prelude::*;

const RUB: Symbol = sym(4, "RUB");
const MEMBERS: usize = 4;

fn rub(amount: i64) -> Asset {
    Asset { amount, symbol: RUB }
}

/// One thing that can happen to a cooperative's books.
#[derive(Clone, Debug)]
enum Op {
    /// A confirmed share deposit.
    Share { member: usize, amount: Asset },
    /// A confirmed registration payment of `initial + minimum`.
    Register { member: usize, initial: i64, minimum: i64 },
    /// The council accepts the `pick`-th registration waiting.
    Accept { pick: usize },
    /// The council declines the `pick`-th registration waiting.
    Decline { pick: usize },
    /// The `pick`-th refund due is paid back.
    PayRefund { pick: usize },
    /// A founder or imported member is booked without a deposit.
    Found { member: usize, initial: Asset, minimum: Asset },
    /// A withdrawal is requested.
    Withdraw { member: usize, amount: Asset },
    /// The `pick`-th open withdrawal is declined (or fails).
    Unblock { pick: usize },
    /// The `pick`-th open withdrawal is paid out.
    PayOut { pick: usize },
}

/// Amounts that are usually fine, sometimes zero, negative, of another symbol, huge or
/// out of range.
fn amount() -> impl Strategy<Value = Asset> {
    prop_oneof![
        6 => (1i64..1_000_000).prop_map(rub),
        1 => Just(rub(0)),
        1 => (-1_000i64..0).prop_map(rub),
        1 => (MAX_AMOUNT - 1_000..=MAX_AMOUNT).prop_map(rub),
        1 => (MAX_AMOUNT + 1..i64::MAX).prop_map(rub),
        1 => (1i64..1_000).prop_map(|amount| Asset { amount, symbol: sym(2, "RUB") }),
        1 => (1i64..1_000).prop_map(|amount| Asset { amount, symbol: sym(4, "USD") }),
    ]
}

fn op() -> impl Strategy<Value = Op> {
    let member = 0..MEMBERS;
    let pick = 0usize..8;
    prop_oneof![
        (member.clone(), amount()).prop_map(|(member, amount)| Op::Share { member, amount }),
        (member.clone(), 0i64..10_000, 0i64..10_000)
            .prop_map(|(member, initial, minimum)| { Op::Register { member, initial, minimum } }),
        pick.clone().prop_map(|pick| Op::Accept { pick }),
        pick.clone().prop_map(|pick| Op::Decline { pick }),
        pick.clone().prop_map(|pick| Op::PayRefund { pick }),
        (member.clone(), amount(), amount()).prop_map(|(member, initial, minimum)| Op::Found {
            member,
            initial,
            minimum
        }),
        (member.clone(), amount()).prop_map(|(member, amount)| Op::Withdraw { member, amount }),
        pick.clone().prop_map(|pick| Op::Unblock { pick }),
        pick.prop_map(|pick| Op::PayOut { pick }),
    ]
}

/// The books and what the model expects of them.
struct Books {
    ledger: Ledger,
    wallets: Vec<MemberWallet>,
    /// Confirmed registrations waiting for the council: (member, initial, minimum).
    waiting: Vec<(usize, i64, i64)>,
    /// Refunds due.
    refunds: Vec<Asset>,
    /// Open withdrawals: (member, amount).
    withdrawals: Vec<(usize, Asset)>,
    /// Everything the cooperative received, in i128 so it cannot overflow.
    received: i128,
}

impl Books {
    fn new() -> Self {
        let at = TimePointSec::from(0);
        Books {
            ledger: ledger::open(n("coop"), RUB, at),
            wallets: (0..MEMBERS).map(|i| ledger::new_wallet(n(["ann", "bob", "cid", "dan"][i]), RUB, at)).collect(),
            waiting: Vec::new(),
            refunds: Vec::new(),
            withdrawals: Vec::new(),
            received: 0,
        }
    }

    /// Applies `op`; a refused posting must give one of the known messages and change
    /// nothing (postings are pure: on error nothing is replaced).
    fn apply(&mut self, op: &Op) {
        let result = match *op {
            Op::Share { member, amount } => {
                ledger::credit_share(&self.ledger, &self.wallets[member], amount).map(|(ledger, wallet)| {
                    self.ledger = ledger;
                    self.wallets[member] = wallet;
                    self.received += i128::from(amount.amount);
                })
            }
            Op::Register { member, initial, minimum } => {
                ledger::receive_registration(&self.ledger, rub(initial + minimum)).map(|ledger| {
                    self.ledger = ledger;
                    self.waiting.push((member, initial, minimum));
                    self.received += i128::from(initial + minimum);
                })
            }
            Op::Accept { pick } if pick < self.waiting.len() => {
                let (member, initial, minimum) = self.waiting[pick];
                ledger::book_member(&self.ledger, &self.wallets[member], rub(initial), rub(minimum), true).map(
                    |(ledger, wallet)| {
                        self.ledger = ledger;
                        self.wallets[member] = wallet;
                        self.waiting.remove(pick);
                    },
                )
            }
            Op::Decline { pick } if pick < self.waiting.len() => {
                let (_, initial, minimum) = self.waiting[pick];
                let amount = rub(initial + minimum);
                ledger::refund_registration(&self.ledger, amount).map(|ledger| {
                    self.ledger = ledger;
                    self.waiting.remove(pick);
                    self.refunds.push(amount);
                })
            }
            Op::PayRefund { pick } if pick < self.refunds.len() => ledger::pay_refund(&self.ledger, self.refunds[pick])
                .map(|ledger| {
                    self.ledger = ledger;
                    self.refunds.remove(pick);
                }),
            Op::Found { member, initial, minimum } => {
                ledger::book_member(&self.ledger, &self.wallets[member], initial, minimum, false).map(
                    |(ledger, wallet)| {
                        self.ledger = ledger;
                        self.wallets[member] = wallet;
                        self.received += i128::from(initial.amount) + i128::from(minimum.amount);
                    },
                )
            }
            Op::Withdraw { member, amount } => {
                ledger::block(&self.ledger, &self.wallets[member], amount).map(|wallet| {
                    self.wallets[member] = wallet;
                    self.withdrawals.push((member, amount));
                })
            }
            Op::Unblock { pick } if pick < self.withdrawals.len() => {
                let (member, amount) = self.withdrawals[pick];
                ledger::unblock(&self.ledger, &self.wallets[member], amount).map(|wallet| {
                    self.wallets[member] = wallet;
                    self.withdrawals.remove(pick);
                })
            }
            Op::PayOut { pick } if pick < self.withdrawals.len() => {
                let (member, amount) = self.withdrawals[pick];
                ledger::pay_out(&self.ledger, &self.wallets[member], amount).map(|(ledger, wallet)| {
                    self.ledger = ledger;
                    self.wallets[member] = wallet;
                    self.withdrawals.remove(pick);
                })
            }
            // Nothing to pick from.
            _ => Ok(()),
        };
        if let Err(message) = result {
            assert!(
                [
                    ERR_AMOUNT_INVALID,
                    ERR_WRONG_SYMBOL,
                    ERR_NOT_POSITIVE,
                    ERR_NEGATIVE_AMOUNT,
                    ERR_OVERFLOW,
                    ERR_INSUFFICIENT_AVAILABLE,
                ]
                .contains(&message),
                "{op:?} refused with an unexpected message: {message}"
            );
        }
    }

    /// Every invariant of spec 3.4, and the model's bookkeeping of each bucket.
    fn check(&self) {
        assert_eq!(ledger::check_invariants(&self.ledger, &self.wallets), Ok(()));
        let l = &self.ledger;
        let buckets = [l.share_fund, l.entrance_fund, l.reg_received, l.refunds_due, l.paid_out, l.refunded];
        let total: i128 = buckets.iter().map(|a| i128::from(a.amount)).sum();
        assert_eq!(total, self.received, "money is conserved");
        let waiting: i64 = self.waiting.iter().map(|(_, i, m)| i + m).sum();
        assert_eq!(l.reg_received, rub(waiting));
        let refunds: i64 = self.refunds.iter().map(|a| a.amount).sum();
        assert_eq!(l.refunds_due, rub(refunds));
        for (member, wallet) in self.wallets.iter().enumerate() {
            let blocked: i64 = self.withdrawals.iter().filter(|(m, _)| *m == member).map(|(_, a)| a.amount).sum();
            assert_eq!(wallet.blocked, rub(blocked), "blocked = open withdrawals");
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn invariants_hold_after_every_posting(ops in prop::collection::vec(op(), 1..60)) {
        let mut books = Books::new();
        books.check();
        for op in &ops {
            books.apply(op);
            books.check();
        }
    }

    #[test]
    fn a_refused_posting_changes_nothing(ops in prop::collection::vec(op(), 1..30), bad in amount()) {
        let mut books = Books::new();
        for op in &ops {
            books.apply(op);
        }
        prop_assume!(ledger::check_positive(&bad, RUB).is_err());
        let before = (books.ledger.clone(), books.wallets.clone());
        for member in 0..MEMBERS {
            prop_assert!(ledger::credit_share(&books.ledger, &books.wallets[member], bad).is_err());
            prop_assert!(ledger::block(&books.ledger, &books.wallets[member], bad).is_err());
            prop_assert!(ledger::unblock(&books.ledger, &books.wallets[member], bad).is_err());
            prop_assert!(ledger::pay_out(&books.ledger, &books.wallets[member], bad).is_err());
        }
        prop_assert!(ledger::receive_registration(&books.ledger, bad).is_err());
        prop_assert!(ledger::refund_registration(&books.ledger, bad).is_err());
        prop_assert!(ledger::pay_refund(&books.ledger, bad).is_err());
        prop_assert_eq!(before, (books.ledger.clone(), books.wallets.clone()));
    }

    #[test]
    fn withdrawing_everything_available_then_paying_out_empties_the_wallet(
        deposits in prop::collection::vec(1i64..1_000_000, 1..10),
    ) {
        let mut books = Books::new();
        for amount in &deposits {
            books.apply(&Op::Share { member: 0, amount: rub(*amount) });
        }
        let available = books.wallets[0].available;
        prop_assert_eq!(
            ledger::block(&books.ledger, &books.wallets[0], rub(available.amount + 1)),
            Err(ERR_INSUFFICIENT_AVAILABLE)
        );
        books.apply(&Op::Withdraw { member: 0, amount: available });
        books.apply(&Op::PayOut { pick: 0 });
        books.check();
        prop_assert_eq!(books.wallets[0].available, rub(0));
        prop_assert_eq!(books.ledger.share_fund, rub(0));
        prop_assert_eq!(books.ledger.paid_out, available);
    }
}
