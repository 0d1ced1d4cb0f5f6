//! What the test believes the chain holds, and what each action must do to it.
//!
//! [`Model::apply`] follows each handler's checks in the handler's order and returns the
//! exact refusal the chain must give, or changes the model as the action changes the
//! chain and returns what the action must return. Amounts are plain `i64` (ten-thousandths
//! of a rouble) added up independently of the contracts' ledger module; only the asset
//! validity check (`ledger::check_positive`) is shared, to name the expected message.
use antelope_test_harness::cooperative::RUB;
use antelope_test_harness::keys::PrivateKey;
use coop_protocol::registrator::errors as reg;
use coop_protocol::soviet::errors as sov;
use coop_protocol::soviet::tally::{OUTCOME_APPROVED, OUTCOME_DECLINED, OUTCOME_PENDING};
use coop_protocol::soviet::{VoteResult, KIND_JOINCOOP, KIND_LEAVE, KIND_WITHDRAW, REASON_DECLINED};
use coop_protocol::wallet::errors as wal;
use coop_protocol::wallet::{ledger, KIND_REGISTRATION, KIND_SHARE};
use coop_runtime::asset_text::asset_to_string;
use eosio::{Asset, Name};
use std::collections::BTreeMap;
use std::fmt::Write as _;

pub use coop_protocol::wallet::{
    DEPOSIT_CONFIRMED, DEPOSIT_PENDING, DEPOSIT_REFUND, WITHDRAWAL_AUTHORIZED, WITHDRAWAL_PENDING,
};

/// Who signs an action: the cooperative's account, or one of the model's people.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Signer {
    Coop,
    Person(usize),
}

/// A council member's choice.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Vote {
    For,
    Against,
    Cancel,
}

/// One action pushed to the chain, in the model's terms (people by index, ids as the
/// contracts give them out).
#[derive(Clone, Debug)]
pub enum Op {
    /// `registrator::newaccount`, signed by the cooperative (or `signer`).
    NewAccount { person: usize, signer: Signer },
    /// `registrator::agree` of the `kind`-th agreement kind of the cooperative.
    Agree { person: usize, kind: usize, signer: Signer },
    /// `registrator::joincoop` without a branch.
    Joincoop { person: usize, signer: Signer },
    /// `registrator::cancelapp`.
    Cancelapp { person: usize, signer: Signer },
    /// `wallet::deposit`.
    Deposit { person: usize, kind: Name, quantity: Asset, signer: Signer },
    /// `wallet::confirm`.
    Confirm { deposit: u64, signer: Signer },
    /// `wallet::cancel`.
    Cancel { deposit: u64, signer: Signer },
    /// `wallet::payrefund`.
    Payrefund { deposit: u64, signer: Signer },
    /// `soviet::votefor`, `voteagainst` or `cancelvote` by `voter` (who signs).
    Vote { voter: usize, decision: u64, vote: Vote },
    /// `soviet::authorize` by `chairman` (who signs; not necessarily the chairman).
    Authorize { chairman: usize, decision: u64 },
    /// `soviet::exec` by `executer`.
    Exec { executer: usize, decision: u64 },
    /// `soviet::close` by `executer`.
    Close { executer: usize, decision: u64 },
    /// `wallet::withdraw` with a statement signed by `statement_by`'s key.
    Withdraw { person: usize, quantity: Asset, signer: Signer, statement_by: usize },
    /// `wallet::payout`.
    Payout { withdrawal: u64, signer: Signer },
    /// `wallet::failwithdr`.
    Failwithdr { withdrawal: u64, signer: Signer },
    /// `registrator::leavecoop` with a statement signed by `statement_by`'s key.
    Leave { person: usize, signer: Signer, statement_by: usize },
}

/// Why the chain must refuse an action.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Refusal {
    /// A contract's `check` with exactly this message.
    Assert(String),
    /// The chain's `missing_auth_exception` (`require_auth` of someone who did not sign).
    MissingAuth,
}

/// What an accepted action must return.
#[derive(Clone, Debug, PartialEq)]
pub enum Returns {
    Nothing,
    /// A new deposit or withdrawal id.
    Id(u64),
    /// A vote's tally.
    Vote(VoteResult),
    /// Why `close` ended a decision.
    Reason(Name),
}

pub type Outcome = Result<Returns, Refusal>;

fn refuse<T>(message: &str) -> Result<T, Refusal> {
    Err(Refusal::Assert(message.to_string()))
}

/// A person's application to the cooperative.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Application {
    /// `paid` (on the council's agenda) or `open` (waiting for payment).
    pub paid: bool,
    /// The confirmed registration deposit (0 while open).
    pub deposit_id: u64,
}

/// A member's wallet, in ten-thousandths of a rouble.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Wallet {
    pub available: i64,
    pub blocked: i64,
    pub minimum: i64,
    pub initial: i64,
}

/// A registration deposit in progress (`regdeposits`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct RegDeposit {
    pub deposit_id: u64,
    pub initial: i64,
    pub minimum: i64,
}

/// Someone the sequence acts for: a founder (on the council, a participant from the
/// connection, with no wallet until a first share deposit) or a newcomer (no account).
#[derive(Clone, Debug)]
pub struct Person {
    /// `F0` (the chairman), `F1`…, `N0`…: how the sequence names them.
    pub label: String,
    pub name: Name,
    pub key: PrivateKey,
    /// The card's type.
    pub kind: Name,
    pub voting: bool,
    pub chairman: bool,
    /// Has an account and a card made by this cooperative.
    pub card: bool,
    /// Which of the cooperative's agreement kinds they signed.
    pub agreed: Vec<bool>,
    pub application: Option<Application>,
    /// A participant (accepted, or leaving).
    pub participant: bool,
    /// Has asked to leave; the council decides.
    pub leaving: bool,
    pub wallet: Option<Wallet>,
    pub regdeposit: Option<RegDeposit>,
}

/// A deposit row.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Deposit {
    pub person: usize,
    pub kind: Name,
    pub quantity: i64,
    /// `pending`, `confirmed` or `refund`.
    pub status: Name,
}

/// A withdrawal row.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Withdrawal {
    pub person: usize,
    pub quantity: i64,
    /// `pending` or `authorized`.
    pub status: Name,
    pub decision_id: u64,
    /// Made by an exit (`leftcoop`), not asked for with `withdraw`.
    pub exit: bool,
}

/// A decision on the council's agenda. The vote lists are as the row keeps them: a vote
/// of someone who has left the council stays until the next vote on the decision drops
/// it, and does not count.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Decision {
    pub kind: Name,
    pub person: usize,
    pub ref_id: u64,
    pub votes_for: Vec<usize>,
    pub votes_against: Vec<usize>,
    pub authorized: bool,
}

/// A decision's votes counted against the current council.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Tally {
    pub votes_for: u32,
    pub votes_against: u32,
    pub members: u32,
}

impl Tally {
    pub fn approved(&self) -> bool {
        self.votes_for * 2 > self.members
    }

    pub fn declined(&self) -> bool {
        (self.members - self.votes_against) * 2 <= self.members
    }
}

/// The cooperative's ledger row, in ten-thousandths of a rouble.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Books {
    pub share_fund: i64,
    pub entrance_fund: i64,
    pub reg_received: i64,
    pub refunds_due: i64,
    pub paid_out: i64,
    pub refunded: i64,
}

/// The cooperative's fees for a type of card: (entrance fee, minimum share).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Fees {
    pub individual: (i64, i64),
    pub organization: (i64, i64),
}

/// Everything the test expects of the cooperative.
#[derive(Clone, Debug)]
pub struct Model {
    pub coopname: Name,
    pub people: Vec<Person>,
    /// The agreement kinds and their versions, in the table's order.
    pub agreement_kinds: Vec<(Name, u32)>,
    pub fees: Fees,
    pub deposits: BTreeMap<u64, Deposit>,
    pub withdrawals: BTreeMap<u64, Withdrawal>,
    pub decisions: BTreeMap<u64, Decision>,
    pub last_deposit: u64,
    pub last_withdrawal: u64,
    pub last_decision: u64,
    pub books: Books,
    /// Everything the cooperative has received (ledger conservation), in i128.
    pub received: i128,
}

/// `amount` ten-thousandths of a rouble.
pub fn rub(amount: i64) -> Asset {
    Asset { amount, symbol: RUB }
}

/// An asset as text (`12.3456 RUB`; any symbol).
pub fn show(asset: &Asset) -> String {
    asset_to_string(asset)
}

impl Model {
    pub fn new(
        coopname: Name,
        people: Vec<Person>,
        agreement_kinds: Vec<(Name, u32)>,
        fees: Fees,
        last_decision: u64,
    ) -> Self {
        Model {
            coopname,
            people,
            agreement_kinds,
            fees,
            deposits: BTreeMap::new(),
            withdrawals: BTreeMap::new(),
            decisions: BTreeMap::new(),
            last_deposit: 0,
            last_withdrawal: 0,
            last_decision,
            books: Books::default(),
            received: 0,
        }
    }

    /// The account behind `signer`.
    pub fn signer_name(&self, signer: Signer) -> Name {
        match signer {
            Signer::Coop => self.coopname,
            Signer::Person(p) => self.people[p].name,
        }
    }

    fn signed_by(&self, signer: Signer, person: usize) -> bool {
        signer == Signer::Person(person)
    }

    /// The council's voting members (the founders who have not left).
    pub fn council(&self) -> Vec<usize> {
        (0..self.people.len()).filter(|&p| self.people[p].voting).collect()
    }

    /// `decision`'s votes against the current council.
    pub fn tally(&self, decision: &Decision) -> Tally {
        let council = self.council();
        let count = |votes: &[usize]| votes.iter().filter(|v| council.contains(v)).count() as u32;
        Tally {
            votes_for: count(&decision.votes_for),
            votes_against: count(&decision.votes_against),
            members: council.len() as u32,
        }
    }

    /// The wallet's `check_participant`: an accepted participant, not leaving.
    fn check_participant(&self, person: usize) -> Result<(), Refusal> {
        let p = &self.people[person];
        if p.leaving {
            return refuse(wal::ERR_MEMBER_LEAVING);
        }
        if !p.participant {
            return refuse(wal::ERR_NOT_PARTICIPANT);
        }
        Ok(())
    }

    pub fn chairman(&self) -> usize {
        self.people.iter().position(|p| p.chairman).expect("the cooperative has a chairman")
    }

    /// The registration fee of `person`'s card type: (entrance fee, minimum share).
    pub fn fees_of(&self, person: usize) -> (i64, i64) {
        if self.people[person].kind == coop_protocol::registrator::TYPE_ORGANIZATION {
            self.fees.organization
        } else {
            self.fees.individual
        }
    }

    /// The pending deposits of `person`.
    pub fn pending_of(&self, person: usize) -> usize {
        self.deposits.values().filter(|d| d.person == person && d.status == DEPOSIT_PENDING).count()
    }

    /// Whether the decision with this id was given out (and may have ended since).
    fn decision_error(&self, id: u64) -> Refusal {
        let message =
            if id >= 1 && id <= self.last_decision { sov::ERR_DECISION_ENDED } else { sov::ERR_DECISION_NOT_FOUND };
        Refusal::Assert(message.to_string())
    }

    /// The chain's `signer_for(coopname, username)` of the registrator.
    fn registrator_signer(&self, signer: Signer, person: usize) -> Result<(), Refusal> {
        if self.signed_by(signer, person) || (signer == Signer::Coop && self.people[person].card) {
            Ok(())
        } else {
            refuse(reg::ERR_NOT_AUTHORIZED)
        }
    }

    /// Applies `op` to the model and returns what the chain must answer; a refused
    /// action leaves the model as it was.
    pub fn apply(&mut self, op: &Op) -> Outcome {
        let mut next = self.clone();
        let outcome = next.apply_in_place(op);
        if outcome.is_ok() {
            *self = next;
        }
        outcome
    }

    fn apply_in_place(&mut self, op: &Op) -> Outcome {
        match *op {
            Op::NewAccount { person, signer } => self.newaccount(person, signer),
            Op::Agree { person, kind, signer } => self.agree(person, kind, signer),
            Op::Joincoop { person, signer } => self.joincoop(person, signer),
            Op::Cancelapp { person, signer } => self.cancelapp(person, signer),
            Op::Deposit { person, kind, quantity, signer } => self.deposit(person, kind, quantity, signer),
            Op::Confirm { deposit, signer } => self.confirm(deposit, signer),
            Op::Cancel { deposit, signer } => self.cancel(deposit, signer),
            Op::Payrefund { deposit, signer } => self.payrefund(deposit, signer),
            Op::Vote { voter, decision, vote } => self.vote(voter, decision, vote),
            Op::Authorize { chairman, decision } => self.authorize(chairman, decision),
            Op::Exec { executer: _, decision } => self.exec(decision),
            Op::Close { executer: _, decision } => self.close(decision),
            Op::Withdraw { person, quantity, signer, statement_by } => {
                self.withdraw(person, quantity, signer, statement_by)
            }
            Op::Payout { withdrawal, signer } => self.payout(withdrawal, signer),
            Op::Failwithdr { withdrawal, signer } => self.failwithdr(withdrawal, signer),
            Op::Leave { person, signer, statement_by } => self.leave(person, signer, statement_by),
        }
    }

    fn newaccount(&mut self, person: usize, signer: Signer) -> Outcome {
        if signer != Signer::Coop {
            return Err(Refusal::MissingAuth);
        }
        // Founders' cards were written at the connection.
        if self.people[person].card {
            return refuse(reg::ERR_CARD_EXISTS);
        }
        self.people[person].card = true;
        Ok(Returns::Nothing)
    }

    fn agree(&mut self, person: usize, kind: usize, signer: Signer) -> Outcome {
        self.registrator_signer(signer, person)?;
        if !self.people[person].card {
            return refuse(reg::ERR_CARD_NOT_FOUND);
        }
        if self.people[person].agreed[kind] {
            return refuse(reg::ERR_ALREADY_SIGNED);
        }
        self.people[person].agreed[kind] = true;
        Ok(Returns::Nothing)
    }

    fn joincoop(&mut self, person: usize, signer: Signer) -> Outcome {
        self.registrator_signer(signer, person)?;
        let p = &self.people[person];
        if !p.card {
            return refuse(reg::ERR_CARD_NOT_FOUND);
        }
        if p.participant {
            return refuse(reg::ERR_ALREADY_PARTICIPANT);
        }
        if p.application.is_some() {
            return refuse(reg::ERR_APPLICATION_EXISTS);
        }
        if let Some(missing) = p.agreed.iter().position(|signed| !signed) {
            return refuse(&format!("{}{}", reg::ERR_AGREEMENT_MISSING, self.agreement_kinds[missing].0));
        }
        self.people[person].application = Some(Application { paid: false, deposit_id: 0 });
        Ok(Returns::Nothing)
    }

    fn cancelapp(&mut self, person: usize, signer: Signer) -> Outcome {
        if !(self.signed_by(signer, person) || signer == Signer::Coop) {
            return refuse(reg::ERR_CANCEL_AUTH);
        }
        let p = &self.people[person];
        match p.application {
            None => return refuse(reg::ERR_APPLICATION_NOT_FOUND),
            Some(application) if application.paid => return refuse(reg::ERR_APPLICATION_NOT_OPEN),
            Some(_) => {}
        }
        if p.regdeposit.is_some() {
            return refuse(reg::ERR_APPLICATION_HAS_DEPOSIT);
        }
        self.people[person].application = None;
        Ok(Returns::Nothing)
    }

    fn deposit(&mut self, person: usize, kind: Name, quantity: Asset, signer: Signer) -> Outcome {
        if !(signer == Signer::Coop || self.signed_by(signer, person)) {
            return refuse(wal::ERR_DEPOSIT_AUTH);
        }
        if kind != KIND_REGISTRATION && kind != KIND_SHARE {
            return refuse(wal::ERR_BAD_KIND);
        }
        ledger::check_positive(&quantity, RUB).map_err(|m| Refusal::Assert(m.to_string()))?;
        let p = &self.people[person];
        let mut fees = None;
        if kind == KIND_REGISTRATION {
            if !matches!(p.application, Some(Application { paid: false, .. })) {
                return refuse(wal::ERR_NO_OPEN_APPLICATION);
            }
            if p.regdeposit.is_some() {
                return refuse(wal::ERR_REGISTRATION_IN_PROGRESS);
            }
            let (initial, minimum) = self.fees_of(person);
            if quantity.amount != initial + minimum {
                return refuse(wal::ERR_WRONG_REGISTRATION_AMOUNT);
            }
            fees = Some((initial, minimum));
        } else {
            self.check_participant(person)?;
        }
        self.last_deposit += 1;
        let id = self.last_deposit;
        self.deposits.insert(id, Deposit { person, kind, quantity: quantity.amount, status: DEPOSIT_PENDING });
        if let Some((initial, minimum)) = fees {
            self.people[person].regdeposit = Some(RegDeposit { deposit_id: id, initial, minimum });
        }
        Ok(Returns::Id(id))
    }

    fn pending_deposit(&self, id: u64) -> Result<Deposit, Refusal> {
        let deposit = *self.deposits.get(&id).ok_or_else(|| Refusal::Assert(wal::ERR_DEPOSIT_NOT_FOUND.into()))?;
        if deposit.status != DEPOSIT_PENDING {
            return refuse(wal::ERR_DEPOSIT_NOT_PENDING);
        }
        Ok(deposit)
    }

    fn confirm(&mut self, id: u64, signer: Signer) -> Outcome {
        if signer != Signer::Coop {
            return Err(Refusal::MissingAuth);
        }
        let deposit = self.pending_deposit(id)?;
        let person = deposit.person;
        if deposit.kind == KIND_SHARE {
            // The person may have left (or be leaving) since they announced the payment.
            self.check_participant(person)?;
            // A founder's first share deposit opens the wallet.
            let wallet = self.people[person].wallet.get_or_insert_with(Wallet::default);
            wallet.available += deposit.quantity;
            self.books.share_fund += deposit.quantity;
            self.received += i128::from(deposit.quantity);
            self.deposits.remove(&id);
        } else {
            // The application is open: it cannot end while a registration deposit is pending.
            self.books.reg_received += deposit.quantity;
            self.received += i128::from(deposit.quantity);
            self.deposits.get_mut(&id).expect("pending").status = DEPOSIT_CONFIRMED;
            self.people[person].application = Some(Application { paid: true, deposit_id: id });
            self.new_decision(KIND_JOINCOOP, person, id);
        }
        Ok(Returns::Nothing)
    }

    fn new_decision(&mut self, kind: Name, person: usize, ref_id: u64) {
        self.last_decision += 1;
        self.decisions.insert(
            self.last_decision,
            Decision { kind, person, ref_id, votes_for: Vec::new(), votes_against: Vec::new(), authorized: false },
        );
    }

    fn cancel(&mut self, id: u64, signer: Signer) -> Outcome {
        if signer != Signer::Coop {
            return Err(Refusal::MissingAuth);
        }
        let deposit = self.pending_deposit(id)?;
        self.deposits.remove(&id);
        if deposit.kind == KIND_REGISTRATION {
            self.people[deposit.person].regdeposit = None;
        }
        Ok(Returns::Nothing)
    }

    fn payrefund(&mut self, id: u64, signer: Signer) -> Outcome {
        if signer != Signer::Coop {
            return Err(Refusal::MissingAuth);
        }
        let deposit = *self.deposits.get(&id).ok_or_else(|| Refusal::Assert(wal::ERR_DEPOSIT_NOT_FOUND.into()))?;
        if deposit.status != DEPOSIT_REFUND {
            return refuse(wal::ERR_DEPOSIT_NOT_REFUND);
        }
        self.books.refunds_due -= deposit.quantity;
        self.books.refunded += deposit.quantity;
        self.deposits.remove(&id);
        Ok(Returns::Nothing)
    }

    fn vote(&mut self, voter: usize, id: u64, vote: Vote) -> Outcome {
        if !self.people[voter].voting {
            return refuse(sov::ERR_NOT_VOTING_MEMBER);
        }
        let Some(decision) = self.decisions.get(&id) else { return Err(self.decision_error(id)) };
        if decision.authorized {
            return refuse(sov::ERR_DECISION_AUTHORIZED);
        }
        let mut decision = decision.clone();
        let (is_for, is_against) = (decision.votes_for.contains(&voter), decision.votes_against.contains(&voter));
        match vote {
            Vote::For if is_for => return refuse(sov::ERR_ALREADY_VOTED_FOR),
            Vote::Against if is_against => return refuse(sov::ERR_ALREADY_VOTED_AGAINST),
            Vote::Cancel if !is_for && !is_against => return refuse(sov::ERR_NO_VOTE),
            _ => {}
        }
        // Recording a vote drops the votes of people no longer on the council.
        let council = self.council();
        decision.votes_for.retain(|v| *v != voter && council.contains(v));
        decision.votes_against.retain(|v| *v != voter && council.contains(v));
        match vote {
            Vote::For => decision.votes_for.push(voter),
            Vote::Against => decision.votes_against.push(voter),
            Vote::Cancel => {}
        }
        let tally = self.tally(&decision);
        let outcome = if tally.approved() {
            OUTCOME_APPROVED
        } else if tally.declined() {
            OUTCOME_DECLINED
        } else {
            OUTCOME_PENDING
        };
        let (votes_for, votes_against, members) = (tally.votes_for, tally.votes_against, tally.members);
        if outcome == OUTCOME_DECLINED {
            // Sealed: the vote ends the decision and runs the owner's declined path.
            self.decisions.remove(&id);
            self.declined(&decision);
        } else {
            self.decisions.insert(id, decision);
        }
        Ok(Returns::Vote(VoteResult { votes_for, votes_against, voting_members: members, outcome }))
    }

    /// The owner's path for a declined decision.
    fn declined(&mut self, decision: &Decision) {
        let person = decision.person;
        if decision.kind == KIND_JOINCOOP {
            // registrator::declinejoin → wallet::refundreg.
            self.people[person].application = None;
            let deposit = self.deposits.get_mut(&decision.ref_id).expect("the confirmed registration deposit");
            deposit.status = DEPOSIT_REFUND;
            self.books.reg_received -= deposit.quantity;
            self.books.refunds_due += deposit.quantity;
            self.people[person].regdeposit = None;
        } else if decision.kind == KIND_WITHDRAW {
            // wallet::declwithdr: the amount goes back to `available`.
            let withdrawal = self.withdrawals.remove(&decision.ref_id).expect("the pending withdrawal");
            let wallet = self.people[person].wallet.as_mut().expect("a withdrawing member has a wallet");
            wallet.blocked -= withdrawal.quantity;
            wallet.available += withdrawal.quantity;
        } else if decision.kind == KIND_LEAVE {
            // registrator::declineleave: an accepted participant again.
            self.people[person].leaving = false;
        } else {
            panic!("the model has no decisions of kind {}", decision.kind);
        }
    }

    fn authorize(&mut self, chairman: usize, id: u64) -> Outcome {
        if !self.people[chairman].chairman {
            return refuse(sov::ERR_NOT_CHAIRMAN);
        }
        let Some(decision) = self.decisions.get(&id) else { return Err(self.decision_error(id)) };
        if decision.authorized {
            return refuse(sov::ERR_DECISION_AUTHORIZED);
        }
        if !self.tally(decision).approved() {
            return refuse(sov::ERR_NOT_APPROVED);
        }
        self.decisions.get_mut(&id).expect("found").authorized = true;
        Ok(Returns::Nothing)
    }

    fn exec(&mut self, id: u64) -> Outcome {
        let Some(decision) = self.decisions.get(&id) else { return Err(self.decision_error(id)) };
        if !decision.authorized {
            return refuse(sov::ERR_NOT_AUTHORIZED);
        }
        let decision = self.decisions.remove(&id).expect("found");
        let person = decision.person;
        if decision.kind == KIND_JOINCOOP {
            // registrator::acceptjoin → wallet::addmember with the registration deposit.
            let paid = self.people[person].regdeposit.take().expect("a paid applicant has a registration deposit");
            let p = &mut self.people[person];
            p.application = None;
            p.participant = true;
            let wallet = p.wallet.get_or_insert_with(Wallet::default);
            wallet.initial += paid.initial;
            wallet.minimum += paid.minimum;
            self.books.entrance_fund += paid.initial;
            self.books.share_fund += paid.minimum;
            self.books.reg_received -= paid.initial + paid.minimum;
            self.deposits.remove(&paid.deposit_id);
        } else if decision.kind == KIND_WITHDRAW {
            // wallet::allowwithdr.
            let withdrawal = self.withdrawals.get_mut(&decision.ref_id).expect("the pending withdrawal");
            withdrawal.status = WITHDRAWAL_AUTHORIZED;
            withdrawal.decision_id = id;
        } else if decision.kind == KIND_LEAVE {
            // The soviet takes them off the council; registrator::acceptleave; then
            // wallet::leftcoop: the whole share (available and minimum) becomes an
            // authorised withdrawal paid by the cooperative, if there is anything.
            let p = &mut self.people[person];
            p.voting = false;
            p.participant = false;
            p.leaving = false;
            if let Some(wallet) = p.wallet.as_mut() {
                let due = wallet.available + wallet.minimum;
                if due > 0 {
                    wallet.blocked += due;
                    wallet.available = 0;
                    wallet.minimum = 0;
                    self.last_withdrawal += 1;
                    self.withdrawals.insert(
                        self.last_withdrawal,
                        Withdrawal {
                            person,
                            quantity: due,
                            status: WITHDRAWAL_AUTHORIZED,
                            decision_id: id,
                            exit: true,
                        },
                    );
                }
            }
        } else {
            panic!("the model has no decisions of kind {}", decision.kind);
        }
        Ok(Returns::Nothing)
    }

    fn close(&mut self, id: u64) -> Outcome {
        let Some(decision) = self.decisions.get(&id) else { return Err(self.decision_error(id)) };
        // Nothing expires within a run, and a vote that declines ends the decision at
        // once: only a change of the council (a member who left) declines an open one.
        if decision.authorized || !self.tally(decision).declined() {
            return refuse(sov::ERR_CANNOT_CLOSE);
        }
        let decision = self.decisions.remove(&id).expect("found");
        self.declined(&decision);
        Ok(Returns::Reason(REASON_DECLINED))
    }

    fn leave(&mut self, person: usize, signer: Signer, statement_by: usize) -> Outcome {
        if !self.signed_by(signer, person) {
            return Err(Refusal::MissingAuth);
        }
        let p = &self.people[person];
        if !p.participant {
            return refuse(reg::ERR_NOT_PARTICIPANT);
        }
        if p.leaving {
            return refuse(reg::ERR_ALREADY_LEAVING);
        }
        if p.chairman {
            return refuse(reg::ERR_CHAIRMAN_CANNOT_LEAVE);
        }
        if p.wallet.is_some_and(|w| w.blocked != 0) {
            return refuse(reg::ERR_LEAVE_WITH_WITHDRAWAL);
        }
        if statement_by != person {
            return refuse(reg::ERR_KEY_NOT_SIGNERS);
        }
        self.people[person].leaving = true;
        self.new_decision(KIND_LEAVE, person, 0);
        Ok(Returns::Nothing)
    }

    fn withdraw(&mut self, person: usize, quantity: Asset, signer: Signer, statement_by: usize) -> Outcome {
        if !self.signed_by(signer, person) {
            return Err(Refusal::MissingAuth);
        }
        self.check_participant(person)?;
        let Some(wallet) = self.people[person].wallet else { return refuse(wal::ERR_WALLET_NOT_FOUND) };
        if wallet.blocked != 0 {
            return refuse(wal::ERR_WITHDRAWAL_OPEN);
        }
        ledger::check_positive(&quantity, RUB).map_err(|m| Refusal::Assert(m.to_string()))?;
        if quantity.amount > wallet.available {
            return refuse(wal::ERR_INSUFFICIENT_AVAILABLE);
        }
        if statement_by != person {
            return refuse(wal::ERR_KEY_NOT_SIGNERS);
        }
        self.last_withdrawal += 1;
        let id = self.last_withdrawal;
        let wallet = self.people[person].wallet.as_mut().expect("checked");
        wallet.available -= quantity.amount;
        wallet.blocked += quantity.amount;
        self.withdrawals.insert(
            id,
            Withdrawal { person, quantity: quantity.amount, status: WITHDRAWAL_PENDING, decision_id: 0, exit: false },
        );
        self.new_decision(KIND_WITHDRAW, person, id);
        Ok(Returns::Id(id))
    }

    fn authorized_withdrawal(&self, id: u64) -> Result<Withdrawal, Refusal> {
        let withdrawal =
            *self.withdrawals.get(&id).ok_or_else(|| Refusal::Assert(wal::ERR_WITHDRAWAL_NOT_FOUND.into()))?;
        if withdrawal.status != WITHDRAWAL_AUTHORIZED {
            return refuse(wal::ERR_WITHDRAWAL_NOT_AUTHORIZED);
        }
        Ok(withdrawal)
    }

    fn payout(&mut self, id: u64, signer: Signer) -> Outcome {
        if signer != Signer::Coop {
            return Err(Refusal::MissingAuth);
        }
        let withdrawal = self.authorized_withdrawal(id)?;
        let wallet = self.people[withdrawal.person].wallet.as_mut().expect("a withdrawing member has a wallet");
        wallet.blocked -= withdrawal.quantity;
        self.books.share_fund -= withdrawal.quantity;
        self.books.paid_out += withdrawal.quantity;
        self.withdrawals.remove(&id);
        Ok(Returns::Nothing)
    }

    fn failwithdr(&mut self, id: u64, signer: Signer) -> Outcome {
        if signer != Signer::Coop {
            return Err(Refusal::MissingAuth);
        }
        let withdrawal = self.authorized_withdrawal(id)?;
        // A leaver's payout must be paid: back in their wallet nobody could ask for it.
        if !self.people[withdrawal.person].participant {
            return refuse(wal::ERR_LEAVER_PAYOUT_CANNOT_FAIL);
        }
        let wallet = self.people[withdrawal.person].wallet.as_mut().expect("a withdrawing member has a wallet");
        wallet.blocked -= withdrawal.quantity;
        wallet.available += withdrawal.quantity;
        self.withdrawals.remove(&id);
        Ok(Returns::Nothing)
    }

    /// `op` in words, with the people's labels.
    pub fn describe(&self, op: &Op) -> String {
        let who = |p: usize| self.people[p].label.clone();
        let by = |s: Signer| match s {
            Signer::Coop => "coop".to_string(),
            Signer::Person(p) => who(p),
        };
        let mut text = String::new();
        let _ = match *op {
            Op::NewAccount { person, signer } => {
                write!(text, "registrator::newaccount({}) by {}", who(person), by(signer))
            }
            Op::Agree { person, kind, signer } => {
                write!(text, "registrator::agree({}, {}) by {}", who(person), self.agreement_kinds[kind].0, by(signer))
            }
            Op::Joincoop { person, signer } => write!(text, "registrator::joincoop({}) by {}", who(person), by(signer)),
            Op::Cancelapp { person, signer } => {
                write!(text, "registrator::cancelapp({}) by {}", who(person), by(signer))
            }
            Op::Deposit { person, kind, quantity, signer } => {
                write!(text, "wallet::deposit({}, {kind}, {}) by {}", who(person), show(&quantity), by(signer))
            }
            Op::Confirm { deposit, signer } => write!(text, "wallet::confirm(deposit {deposit}) by {}", by(signer)),
            Op::Cancel { deposit, signer } => write!(text, "wallet::cancel(deposit {deposit}) by {}", by(signer)),
            Op::Payrefund { deposit, signer } => write!(text, "wallet::payrefund(deposit {deposit}) by {}", by(signer)),
            Op::Vote { voter, decision, vote } => {
                let action = match vote {
                    Vote::For => "votefor",
                    Vote::Against => "voteagainst",
                    Vote::Cancel => "cancelvote",
                };
                write!(text, "soviet::{action}(decision {decision}) by {}", who(voter))
            }
            Op::Authorize { chairman, decision } => {
                write!(text, "soviet::authorize(decision {decision}) by {}", who(chairman))
            }
            Op::Exec { executer, decision } => write!(text, "soviet::exec(decision {decision}) by {}", who(executer)),
            Op::Close { executer, decision } => write!(text, "soviet::close(decision {decision}) by {}", who(executer)),
            Op::Withdraw { person, quantity, signer, statement_by } => write!(
                text,
                "wallet::withdraw({}, {}, statement of {}) by {}",
                who(person),
                show(&quantity),
                who(statement_by),
                by(signer)
            ),
            Op::Payout { withdrawal, signer } => {
                write!(text, "wallet::payout(withdrawal {withdrawal}) by {}", by(signer))
            }
            Op::Failwithdr { withdrawal, signer } => {
                write!(text, "wallet::failwithdr(withdrawal {withdrawal}) by {}", by(signer))
            }
            Op::Leave { person, signer, statement_by } => write!(
                text,
                "registrator::leavecoop({}, statement of {}) by {}",
                who(person),
                who(statement_by),
                by(signer)
            ),
        };
        text
    }
}

/// An outcome in words.
pub fn describe_outcome(outcome: &Outcome) -> String {
    match outcome {
        Ok(Returns::Nothing) => "ok".into(),
        Ok(Returns::Id(id)) => format!("ok → {id}"),
        Ok(Returns::Vote(v)) => {
            format!("ok → {}/{} of {}, {}", v.votes_for, v.votes_against, v.voting_members, v.outcome)
        }
        Ok(Returns::Reason(reason)) => format!("ok → {reason}"),
        Err(Refusal::Assert(message)) => format!("refused: {message}"),
        Err(Refusal::MissingAuth) => "refused: missing_auth_exception".into(),
    }
}
