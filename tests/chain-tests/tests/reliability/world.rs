//! The cooperative the reliability tests act on, set up once per binary: a cooperative
//! `a` with something in every state an action needs (an application of each kind,
//! deposits, withdrawals, decisions, a branch, a pending connection request), a second
//! cooperative `b` with its own provider, a stranger, and a contract that is not one of our
//! peers ([`forwarder_wasm`] under an account of its own); and the flows that build them.
use super::common::chain;
use antelope_test_harness::abi_bin::pack_abi;
use antelope_test_harness::boot::deploy_code;
use antelope_test_harness::cooperative::{rub, Person, TestCoop};
use antelope_test_harness::deploy::add_code_permission;
use antelope_test_harness::fixture::TestChain;
use coop_protocol::registrator::{self, TYPE_INDIVIDUAL};
use coop_protocol::wallet::{self, KIND_SHARE};
use coop_protocol::{operator, soviet};
use coop_runtime::{n, Document};
use eosio::Name;
use std::sync::OnceLock;

/// Everything the actions' data refers to.
pub struct World {
    /// The cooperative the actions are about, and the provider that requested it.
    pub a: TestCoop,
    pub a_provider: Person,
    /// Another cooperative, with its own provider.
    pub b: TestCoop,
    pub b_provider: Person,
    /// An account that belongs to nothing.
    pub stranger: Person,
    /// An account with [`forwarder_wasm`]'s code, which sends any action inline: a contract
    /// that is not one of our peers.
    pub fake: Person,
    /// A member of `a` with no role in any action.
    pub bystander: Person,
    /// A card of `a`, no agreement signed.
    pub signer: Person,
    /// A card of `a`, every agreement signed, no application.
    pub joiner: Person,
    /// An open application to `a`, unpaid, no deposit.
    pub opener: Person,
    /// An open application with a pending registration deposit.
    pub payer: Person,
    pub payer_deposit: u64,
    /// A paid application before the council: its deposit (confirmed) and decision.
    pub applicant: Person,
    pub applicant_deposit: u64,
    pub join_decision: u64,
    /// A registration deposit due back to a declined applicant.
    pub refund_deposit: u64,
    /// A member with 10 RUB available, no withdrawal, and a pending share deposit.
    pub saver: Person,
    pub pending_deposit: u64,
    /// A member who may leave.
    pub quitter: Person,
    /// A member who is leaving, and the decision about it.
    pub leaver: Person,
    pub leave_decision: u64,
    /// The chairman's pending withdrawal and its decision.
    pub pending_withdrawal: u64,
    pub withdraw_decision: u64,
    /// The first council member's authorised withdrawal.
    pub authorized_withdrawal: u64,
    /// Free decisions: open with the chairman's vote, approved, authorised.
    pub free_decision: u64,
    pub approved_decision: u64,
    pub authorized_decision: u64,
    /// A branch of `a`, led by the chairman.
    pub branch: Name,
    /// A pending connection request of `a`'s provider.
    pub pending_request: u64,
}

/// The world of this binary, set up on first use.
pub fn world() -> &'static World {
    static WORLD: OnceLock<World> = OnceLock::new();
    WORLD.get_or_init(build_world)
}

/// A provider with a key of its own, registered with the operator.
pub fn provider_with_key(chain: &TestChain) -> Person {
    let provider = outsider(chain, "prov");
    let data = operator::Addprovider { provider: provider.name, title: "Provider".into() };
    chain.ok(chain.peers.operator, &[chain.peers.operator], &data);
    provider
}

/// A person with an account of `eosio`'s making (no cooperative's).
pub fn outsider(chain: &TestChain, prefix: &str) -> Person {
    let person = Person::new(chain, prefix);
    chain.create_account(person.name, person.key.public_key(), None);
    person
}

/// `person` announces a share deposit of `amount`; returns its id.
pub fn share_deposit(chain: &TestChain, coop: &TestCoop, person: &Person, amount: &str) -> u64 {
    let data = wallet::Deposit {
        coopname: coop.name,
        username: person.name,
        kind: KIND_SHARE,
        quantity: rub(amount),
        memo: "share".into(),
    };
    chain.ok(chain.peers.wallet, &[person.name], &data).return_value()
}

/// A confirmed share deposit of `amount`.
pub fn add_share(chain: &TestChain, coop: &TestCoop, person: &Person, amount: &str) {
    let deposit_id = share_deposit(chain, coop, person, amount);
    chain.confirm_deposit(coop, deposit_id);
}

/// `person`'s withdrawal of `amount`, signed; returns its id.
pub fn withdraw(chain: &TestChain, coop: &TestCoop, person: &Person, amount: &str) -> u64 {
    let data = wallet::Withdraw {
        coopname: coop.name,
        username: person.name,
        quantity: rub(amount),
        statement: Document::default(),
    };
    let data = person.signs(&chain.peers, "Withdrawal", data);
    chain.ok(chain.peers.wallet, &[person.name], &data).return_value()
}

/// A free decision of `coop` proposed by `proposer`, without actions; returns its id.
pub fn free_question(chain: &TestChain, coop: &TestCoop, proposer: &Person) -> u64 {
    let data = soviet::Freedecision {
        coopname: coop.name,
        proposer: proposer.name,
        statement: Document::default(),
        actions: vec![],
    };
    let data = proposer.signs(&chain.peers, "A question", data);
    chain.ok(chain.peers.soviet, &[proposer.name], &data).return_value()
}

/// An application of a new person to `coop`, paid and confirmed: `(person, deposit, decision)`.
pub fn paid_application(chain: &TestChain, coop: &TestCoop, prefix: &str) -> (Person, u64, u64) {
    let (person, _) = chain.new_member_account(coop, prefix, "individual");
    chain.apply(coop, &person, Name::new(0));
    let (deposit, _) = chain.pay_registration(coop, &person, chain.registration_fee(coop, TYPE_INDIVIDUAL));
    chain.confirm_deposit(coop, deposit);
    let decision = chain.decision_about(coop, "joincoop", person.name).expect("on the agenda").id;
    (person, deposit, decision)
}

fn build_world() -> World {
    let chain = chain();
    let a_provider = provider_with_key(chain);
    let b_provider = provider_with_key(chain);
    let a = chain.new_cooperative_with(a_provider.name, 2);
    let b = chain.new_cooperative_with(b_provider.name, 1);
    let stranger = outsider(chain, "strngr");
    let fake = outsider(chain, "fake");
    let empty_abi = coop_abi::Abi { version: coop_abi::ABI_VERSION.into(), ..Default::default() };
    deploy_code(&chain.client, fake.name, forwarder_wasm(), pack_abi(&empty_abi)).expect("the forwarder deploys");
    add_code_permission(&chain.client, fake.name, fake.name).expect("fake@eosio.code");

    let (chairman, first) = (&a.chairman, &a.members[0]);
    let bystander = chain.import_member(&a, "bystnd");
    let (signer, _) = chain.new_member_account(&a, "signer", "individual");
    let (joiner, _) = chain.new_member_account(&a, "joiner", "individual");
    chain.sign_agreements(&a, &joiner);
    let (opener, _) = chain.new_member_account(&a, "opener", "individual");
    chain.apply(&a, &opener, Name::new(0));
    let (payer, _) = chain.new_member_account(&a, "payer", "individual");
    chain.apply(&a, &payer, Name::new(0));
    let (payer_deposit, _) = chain.pay_registration(&a, &payer, chain.registration_fee(&a, TYPE_INDIVIDUAL));
    let (applicant, applicant_deposit, join_decision) = paid_application(chain, &a, "appl");
    let (_, refund_deposit, refused) = paid_application(chain, &a, "refund");
    for voter in [chairman, first] {
        let data = soviet::Voteagainst { coopname: a.name, member: voter.name, decision_id: refused };
        chain.ok(chain.peers.soviet, &[voter.name], &data);
    }

    let saver = chain.import_member(&a, "saver");
    add_share(chain, &a, &saver, "10.0000");
    let pending_deposit = share_deposit(chain, &a, &saver, "1.0000");
    let quitter = chain.import_member(&a, "quit");
    let leaver = chain.import_member(&a, "leaver");
    let leave = registrator::Leavecoop { coopname: a.name, username: leaver.name, statement: Document::default() };
    let leave = leaver.signs(&chain.peers, "I leave", leave);
    chain.ok(chain.peers.registrator, &[leaver.name], &leave);
    let leave_decision = chain.decision_about(&a, "leave", leaver.name).expect("on the agenda").id;

    add_share(chain, &a, chairman, "10.0000");
    let pending_withdrawal = withdraw(chain, &a, chairman, "1.0000");
    let withdraw_decision = chain.decision_about(&a, "withdraw", chairman.name).expect("on the agenda").id;
    add_share(chain, &a, first, "10.0000");
    let authorized_withdrawal = withdraw(chain, &a, first, "5.0000");
    let decision = chain.decision_about(&a, "withdraw", first.name).expect("on the agenda").id;
    for voter in a.council() {
        chain.vote_for(&a, voter, decision);
    }
    chain.authorize(&a, decision);
    chain.exec(&a, chairman.name, decision);

    let free_decision = free_question(chain, &a, chairman);
    chain.vote_for(&a, chairman, free_decision);
    let approved_decision = free_question(chain, &a, first);
    for voter in a.council() {
        chain.vote_for(&a, voter, approved_decision);
    }
    let authorized_decision = chain.council_authorizes(&a, vec![]);

    let branch = n("branch");
    let create =
        registrator::Createbranch { coopname: a.name, braname: branch, trustee: chairman.name, title: "Branch".into() };
    chain.ok(chain.peers.registrator, &[a.name], &create);
    let (request, ..) = chain.coop_request(a_provider.name, 0);
    let pending_request = chain.ok(chain.peers.operator, &[a_provider.name], &request).return_value();

    World {
        a,
        a_provider,
        b,
        b_provider,
        stranger,
        fake,
        bystander,
        signer,
        joiner,
        opener,
        payer,
        payer_deposit,
        applicant,
        applicant_deposit,
        join_decision,
        refund_deposit,
        saver,
        pending_deposit,
        quitter,
        leaver,
        leave_decision,
        pending_withdrawal,
        withdraw_decision,
        authorized_withdrawal,
        free_decision,
        approved_decision,
        authorized_decision,
        branch,
        pending_request,
    }
}

/// A contract that is not one of ours, 146 bytes of WebAssembly written out here: its
/// `apply` sends its action data, a packed action, inline (`send_inline`), whatever the
/// action's name. Deployed to an account whose `active` holds its own `eosio.code`, it is
/// a contract that sends our contracts any action it is given, authorised by itself.
pub fn forwarder_wasm() -> Vec<u8> {
    let mut wasm = b"\0asm\x01\0\0\0".to_vec();
    // Types: 0 `() -> i32`, 1 `(i32, i32) -> i32`, 2 `(i32, i32)`, 3 `(i64, i64, i64)`.
    let types =
        [4, 0x60, 0, 1, 0x7f, 0x60, 2, 0x7f, 0x7f, 1, 0x7f, 0x60, 2, 0x7f, 0x7f, 0, 0x60, 3, 0x7e, 0x7e, 0x7e, 0];
    section(&mut wasm, 1, &types);
    let mut imports = vec![3];
    for (name, type_index) in [("action_data_size", 0), ("read_action_data", 1), ("send_inline", 2)] {
        imports.extend_from_slice(&[3, b'e', b'n', b'v', name.len() as u8]);
        imports.extend_from_slice(name.as_bytes());
        imports.extend_from_slice(&[0, type_index]);
    }
    section(&mut wasm, 2, &imports);
    // One function, of type 3; one memory of one page; the export `apply`, function 3.
    section(&mut wasm, 3, &[1, 3]);
    section(&mut wasm, 5, &[1, 0, 1]);
    section(&mut wasm, 7, &[1, 5, b'a', b'p', b'p', b'l', b'y', 0, 3]);
    // apply(receiver, code, action): size = action_data_size(); read_action_data(1024, size);
    // send_inline(1024, size). Locals 0-2 are the parameters, 3 is `size`.
    let body = [
        1, 1, 0x7f, // one local i32: size
        0x10, 0, 0x21, 3, // call action_data_size; local.set 3
        0x41, 0x80, 0x08, 0x20, 3, 0x10, 1, 0x1a, // i32.const 1024; local.get 3; call read_action_data; drop
        0x41, 0x80, 0x08, 0x20, 3, 0x10, 2,    // i32.const 1024; local.get 3; call send_inline
        0x0b, // end
    ];
    let mut code = vec![1, body.len() as u8];
    code.extend_from_slice(&body);
    section(&mut wasm, 10, &code);
    wasm
}

/// Appends a WebAssembly section (all of ours are shorter than 128 bytes).
fn section(wasm: &mut Vec<u8>, id: u8, content: &[u8]) {
    assert!(content.len() < 128);
    wasm.extend_from_slice(&[id, content.len() as u8]);
    wasm.extend_from_slice(content);
}
