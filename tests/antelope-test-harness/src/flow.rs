//! The steps of a person's way into a cooperative (spec 3.2), as a provider drives them:
//! account, application, payment, confirmation, the council's decision, execution. Shared
//! by the chain tests and the demo; each step returns the chain's outcome.
use crate::client::PushOutcome;
use crate::cooperative::{import_of, Person, TestCoop};
use crate::fixture::TestChain;
use coop_protocol::registrator::{
    Agree, AgreementKinds, Agreements, Cooperative, Coops, Joincoop, Newaccount, Participant, Participants,
    TYPE_ORGANIZATION,
};
use coop_protocol::soviet::{Authorize, Decision, Decisions, Exec, Votefor};
use coop_protocol::wallet::{Confirm, Deposit, KIND_REGISTRATION};
use coop_runtime::{asset_math, n};
use eosio::{Asset, Name};

impl TestChain {
    /// The cooperative's registry row.
    pub fn coop_row(&self, coop: &TestCoop) -> Cooperative {
        self.row::<Coops>(self.peers.registrator, self.peers.registrator, coop.name.as_u64())
            .unwrap_or_else(|| panic!("{} is not registered", coop.name))
    }

    /// `registrator::newaccount` of a new person of `kind`, signed by the cooperative.
    pub fn new_member_account(&self, coop: &TestCoop, prefix: &str, kind: &str) -> (Person, PushOutcome) {
        let person = Person::new(self, prefix);
        let data = Newaccount {
            coopname: coop.name,
            username: person.name,
            r#type: n(kind),
            public_key: person.key.public_key(),
            referer: Name::new(0),
            meta: "{}".into(),
        };
        let outcome = self.ok(self.peers.registrator, &[coop.name], &data);
        (person, outcome)
    }

    /// `registrator::agree` by `person` for every current agreement of the cooperative
    /// they have not signed at its current version yet.
    pub fn sign_agreements(&self, coop: &TestCoop, person: &Person) -> Vec<PushOutcome> {
        let signed =
            self.row::<Agreements>(self.peers.registrator, coop.name, person.name.as_u64()).unwrap_or_default();
        self.rows::<AgreementKinds>(self.peers.registrator, coop.name)
            .into_iter()
            .filter(|kind| signed.version_of(kind.kind) != Some(kind.version))
            .map(|kind| {
                let data = Agree {
                    coopname: coop.name,
                    username: person.name,
                    kind: kind.kind,
                    version: kind.version,
                    document: Default::default(),
                };
                let text = format!("{} agreement, version {}", kind.title, kind.version);
                let data = person.signs(&self.peers, &text, data);
                self.ok(self.peers.registrator, &[person.name], &data)
            })
            .collect()
    }

    /// As a provider applies for a person: every current agreement, then
    /// `registrator::joincoop` with a statement the person signed.
    pub fn apply(&self, coop: &TestCoop, person: &Person, braname: Name) -> PushOutcome {
        self.sign_agreements(coop, person);
        let data = Joincoop { coopname: coop.name, braname, username: person.name, statement: Default::default() };
        let data =
            person.signs(&self.peers, &format!("Statement: {} applies to join {}", person.name, coop.name), data);
        self.ok(self.peers.registrator, &[person.name], &data)
    }

    /// What the registration payment of a person of `kind` must be.
    pub fn registration_fee(&self, coop: &TestCoop, kind: Name) -> Asset {
        let row = self.coop_row(coop);
        let (initial, minimum) =
            if kind == TYPE_ORGANIZATION { (row.org_initial, row.org_minimum) } else { (row.initial, row.minimum) };
        asset_math::add(initial, minimum).expect("fees add up")
    }

    /// `wallet::deposit` of the registration payment, signed by the person; returns the
    /// deposit id and the outcome.
    pub fn pay_registration(&self, coop: &TestCoop, person: &Person, quantity: Asset) -> (u64, PushOutcome) {
        let data = Deposit {
            coopname: coop.name,
            username: person.name,
            kind: KIND_REGISTRATION,
            quantity,
            memo: "registration payment".into(),
        };
        let outcome = self.ok(self.peers.wallet, &[person.name], &data);
        (outcome.return_value(), outcome)
    }

    /// A new member of `coop` imported on paper (`registrator::adduser` of [`import_of`]:
    /// account, card, participant, wallet).
    pub fn import_member(&self, coop: &TestCoop, prefix: &str) -> Person {
        let person = Person::new(self, prefix);
        self.ok(self.peers.registrator, &[coop.name], &import_of(coop, &person));
        person
    }

    /// `wallet::confirm`, signed by the cooperative (its payment staff).
    pub fn confirm_deposit(&self, coop: &TestCoop, deposit_id: u64) -> PushOutcome {
        let data = Confirm { coopname: coop.name, deposit_id, memo: "money received".into() };
        self.ok(self.peers.wallet, &[coop.name], &data)
    }

    /// The latest decision of `kind` about `username`.
    pub fn decision_about(&self, coop: &TestCoop, kind: &str, username: Name) -> Option<Decision> {
        self.rows::<Decisions>(self.peers.soviet, coop.name)
            .into_iter()
            .filter(|d| d.kind == n(kind) && d.username == username)
            .max_by_key(|d| d.id)
    }

    /// `soviet::votefor` by `voter`.
    pub fn vote_for(&self, coop: &TestCoop, voter: &Person, decision_id: u64) -> PushOutcome {
        self.ok(self.peers.soviet, &[voter.name], &Votefor { coopname: coop.name, member: voter.name, decision_id })
    }

    /// `soviet::authorize` by the chairman with the decision document, signed for that
    /// decision and the actions it carries (read from its row).
    pub fn authorize(&self, coop: &TestCoop, decision_id: u64) -> PushOutcome {
        let data = self.authorization(coop, decision_id);
        self.ok(self.peers.soviet, &[coop.chairman.name], &data)
    }

    /// The chairman's `soviet::authorize` of decision `decision_id`, signed for it and the
    /// actions it carries (none when the decision is not on the chain).
    pub fn authorization(&self, coop: &TestCoop, decision_id: u64) -> Authorize {
        let actions = self
            .row::<Decisions>(self.peers.soviet, coop.name, decision_id)
            .map(|decision| decision.actions)
            .unwrap_or_default();
        let text = format!("Decision {decision_id} of the council of {}", coop.name);
        coop.chairman.authorization(&self.peers, coop.name, decision_id, &actions, &text)
    }

    /// `soviet::exec` by `executer`.
    pub fn exec(&self, coop: &TestCoop, executer: Name, decision_id: u64) -> PushOutcome {
        self.ok(self.peers.soviet, &[executer], &Exec { executer, coopname: coop.name, decision_id })
    }

    /// The whole way in for an individual: account, application (with `braname`),
    /// payment, confirmation, every council member's vote, authorisation, execution.
    pub fn admit(&self, coop: &TestCoop, prefix: &str, braname: Name) -> Person {
        let (person, _) = self.new_member_account(coop, prefix, "individual");
        self.admit_as(coop, &person, braname);
        person
    }

    /// The way in for an individual who already has an account (e.g. someone who left and
    /// applies again), without a branch; returns their participant row.
    pub fn admit_existing(&self, coop: &TestCoop, person: &Person) -> Participant {
        self.admit_as(coop, person, Name::new(0));
        self.row::<Participants>(self.peers.registrator, coop.name, person.name.as_u64())
            .expect("accepted as a participant")
    }

    fn admit_as(&self, coop: &TestCoop, person: &Person, braname: Name) {
        self.apply(coop, person, braname);
        let fee = self.registration_fee(coop, n("individual"));
        let (deposit_id, _) = self.pay_registration(coop, person, fee);
        self.confirm_deposit(coop, deposit_id);
        let decision = self.decision_about(coop, "joincoop", person.name).expect("the application is on the agenda");
        for voter in coop.council() {
            self.vote_for(coop, voter, decision.id);
        }
        self.authorize(coop, decision.id);
        self.exec(coop, person.name, decision.id);
    }
}
