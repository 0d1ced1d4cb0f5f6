//! RAM of our tables per accepted participant, per open decision and per branch, by who
//! pays it: the RAM deltas of the action traces whose code is one of our contracts (rows
//! of our tables; the system contract's own rows, e.g. a new account's, are left out).
use antelope_client::client::PushOutcome;
use antelope_test_harness::fixture::TestChain;
use serde::Serialize;
use std::collections::BTreeMap;

/// The most RAM of our tables one accepted participant may take, all payers together.
pub const PARTICIPANT_RAM_BUDGET: i64 = 1024;

/// Who an account is, for naming payers: (account, role) pairs; other accounts are
/// "other", our contract accounts "our contract accounts".
pub type Roles = Vec<(String, &'static str)>;

/// RAM of our tables by payer role, summed over items (e.g. participants).
#[derive(Clone, Debug, Default)]
pub struct RamByPayer {
    roles: BTreeMap<&'static str, i64>,
    items: usize,
}

impl RamByPayer {
    /// Adds the deltas of our contracts' actions in `outcome`, naming each account by
    /// `roles`.
    pub fn add(&mut self, chain: &TestChain, outcome: &PushOutcome, roles: &Roles) {
        let p = chain.peers;
        let ours = [p.operator, p.registrator, p.soviet, p.wallet].map(|n| n.to_string());
        for (account, delta) in outcome.ram_deltas_in(&ours) {
            let role = if ours.contains(&account) {
                "our contract accounts"
            } else {
                roles.iter().find(|(a, _)| *a == account).map_or("other", |(_, role)| *role)
            };
            *self.roles.entry(role).or_default() += delta;
        }
    }

    /// One more item (participant, decision, branch) is complete.
    pub fn item_done(&mut self) {
        self.items += 1;
    }

    /// The mean per item, by payer.
    pub fn per_item(&self) -> RamShare {
        let items = self.items.max(1) as i64;
        let by_payer: BTreeMap<String, i64> =
            self.roles.iter().filter(|(_, b)| **b != 0).map(|(r, b)| (r.to_string(), b / items)).collect();
        RamShare { bytes: by_payer.values().sum(), by_payer, items: self.items }
    }
}

/// RAM of one item, by payer.
#[derive(Clone, Debug, Default, Serialize)]
pub struct RamShare {
    /// All payers together.
    pub bytes: i64,
    /// Bytes each payer role pays.
    pub by_payer: BTreeMap<String, i64>,
    /// How many items the mean is over.
    pub items: usize,
}

impl RamShare {
    /// E.g. "cooperative 495, person 297".
    pub fn payers(&self) -> String {
        if self.by_payer.is_empty() {
            return "nobody".into();
        }
        self.by_payer.iter().map(|(role, bytes)| format!("{role} {bytes}")).collect::<Vec<_>>().join(", ")
    }
}

/// What the CPU rounds measured of RAM.
#[derive(Clone, Debug, Default)]
pub struct RamTally {
    /// A whole registration, `newaccount` to `exec`.
    pub participant: RamByPayer,
    /// The joincoop decision `confirm` puts on the agenda (freed on `exec`).
    pub decision: RamByPayer,
    /// A free decision of a proposer with none open (with the proposer's counter row).
    pub first_free_decision: RamByPayer,
    /// A further free decision of a proposer who has one open.
    pub further_free_decision: RamByPayer,
    /// `createbranch`.
    pub branch: RamByPayer,
}

/// The RAM part of the report.
#[derive(Clone, Debug, Default, Serialize)]
pub struct RamReport {
    pub participant: RamShare,
    pub decision: RamShare,
    pub first_free_decision: RamShare,
    pub further_free_decision: RamShare,
    pub branch: RamShare,
    /// [`PARTICIPANT_RAM_BUDGET`].
    pub participant_budget: i64,
}

impl RamTally {
    /// The means per item.
    pub fn report(&self) -> RamReport {
        RamReport {
            participant: self.participant.per_item(),
            decision: self.decision.per_item(),
            first_free_decision: self.first_free_decision.per_item(),
            further_free_decision: self.further_free_decision.per_item(),
            branch: self.branch.per_item(),
            participant_budget: PARTICIPANT_RAM_BUDGET,
        }
    }
}
