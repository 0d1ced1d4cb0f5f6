//! The contracts under account names other than the crate names — `coop.op`, `coop.reg`,
//! `coop.soviet`, `coop.wallet` — deployed next to the default ones on the same chain by the
//! code `scripts/deploy` and the localnet run, go the whole registration path: every row in
//! the new accounts' tables, none in the default ones', no trace touching a default account.
//! Nothing names a contract account but `init` (and so the harness's flows, which take
//! them from the chain's `Peers`, run unchanged).
use super::common::chain;
use antelope_test_harness::client::PushOutcome;
use antelope_test_harness::defaults::default_peers;
use antelope_test_harness::deploy::{create_and_deploy, permission_authority};
use antelope_test_harness::fixture::TestChain;
use coop_protocol::operator::{Providers, Requests, CONNECT_PERMISSION};
use coop_protocol::permissions::CONTRACTS_PERMISSION;
use coop_protocol::registrator::{Cards, Coops, Participants, CARD_ACTIVE, PARTICIPANT_ACCEPTED};
use coop_protocol::soviet::{Boards, Decisions};
use coop_protocol::wallet::{Deposits, Ledgers, Wallets};
use coop_runtime::action::level;
use coop_runtime::system::{EOSIO_CODE, OWNER, SYSTEM};
use coop_runtime::{n, Peers};
use eosio::{Name, PermissionLevel};
use std::sync::OnceLock;

/// Where this test deploys the contracts: dotted names only `eosio` (or the suffix's owner)
/// may create, as a network's operator would pick for its own suffix.
fn other_peers() -> Peers {
    Peers { operator: n("coop.op"), registrator: n("coop.reg"), soviet: n("coop.soviet"), wallet: n("coop.wallet") }
}

/// The shared node, seen through the contracts under [`other_peers`]: the accounts created
/// by `eosio` and the contracts deployed, initialised and granted `eosio@connect` by the same
/// code as the localnet's (`create_and_deploy`: `deploy_contracts` with `grant_connect`), once.
/// Its keyring holds the development key (which controls the new accounts) and every key
/// it makes.
fn other_chain() -> &'static TestChain {
    static CHAIN: OnceLock<TestChain> = OnceLock::new();
    CHAIN.get_or_init(|| {
        let other = TestChain::attach(&chain().url(), other_peers()).expect("attach to the shared node");
        create_and_deploy(&other.client, &other.peers, &mut |line| eprintln!("deploy under other names: {line}"))
            .unwrap_or_else(|e| panic!("deploy under other names: {e}"));
        other
    })
}

fn code_levels(accounts: &[Name]) -> Vec<PermissionLevel> {
    let mut levels: Vec<PermissionLevel> = accounts.iter().map(|a| level(*a, EOSIO_CODE)).collect();
    levels.sort_by_key(|l| l.actor.as_u64());
    levels
}

/// The permission levels `account@permission` is satisfied by.
fn authority_levels(chain: &TestChain, account: Name, permission: Name) -> Vec<PermissionLevel> {
    let authority = permission_authority(&chain.client, account, permission).expect("get_account");
    authority.accounts.iter().map(|a| a.permission).collect()
}

/// Every account our contracts' actions ran in or belonged to, over `outcomes`.
fn accounts_touched(outcomes: &[PushOutcome]) -> Vec<String> {
    let mut accounts: Vec<String> =
        outcomes.iter().flat_map(|o| &o.action_traces).flat_map(|t| [t.account.clone(), t.receiver.clone()]).collect();
    accounts.sort();
    accounts.dedup();
    accounts
}

#[test]
fn the_whole_registration_path_runs_under_other_contract_names() {
    let other = other_chain();
    let new = other.peers;
    let old = default_peers();
    let mut outcomes = Vec::new();

    // A provider registered with the new operator, a cooperative requested and connected
    // through it (the harness's own flow: `request`, then `connect` by the operator).
    let provider = other.provider();
    assert!(other.row::<Providers>(new.operator, new.operator, provider.as_u64()).is_some());
    assert!(other.row::<Providers>(old.operator, old.operator, provider.as_u64()).is_none());
    let coop = other.new_cooperative();

    // A person's way in, step by step with the harness's flow helpers.
    let (person, created) = other.new_member_account(&coop, "other", "individual");
    outcomes.push(created);
    outcomes.push(other.apply(&coop, &person, Name::new(0)));
    let fee = other.registration_fee(&coop, n("individual"));
    let (deposit_id, deposited) = other.pay_registration(&coop, &person, fee);
    outcomes.push(deposited);
    outcomes.push(other.confirm_deposit(&coop, deposit_id));
    let decision = other.decision_about(&coop, "joincoop", person.name).expect("the application is on the agenda");
    for voter in coop.council() {
        outcomes.push(other.vote_for(&coop, voter, decision.id));
    }
    outcomes.push(other.authorize(&coop, decision.id));
    outcomes.push(other.exec(&coop, person.name, decision.id));

    // An accepted participant with a wallet, in the new accounts' tables.
    let participant = other.row::<Participants>(new.registrator, coop.name, person.name.as_u64()).expect("participant");
    assert_eq!(participant.status, PARTICIPANT_ACCEPTED);
    let card = other.row::<Cards>(new.registrator, new.registrator, person.name.as_u64()).expect("card");
    assert_eq!((card.coopname, card.status), (coop.name, CARD_ACTIVE));
    let wallet = other.row::<Wallets>(new.wallet, coop.name, person.name.as_u64()).expect("a wallet");
    assert_eq!(wallet.minimum, coop_row_minimum(other, &coop));
    assert!(other.row::<Coops>(new.registrator, new.registrator, coop.name.as_u64()).is_some());
    assert!(other.row::<Boards>(new.soviet, new.soviet, coop.name.as_u64()).is_some());
    let ledger = other.row::<Ledgers>(new.wallet, new.wallet, coop.name.as_u64()).expect("the ledger");
    assert_eq!(ledger.entrance_fund, wallet.initial);
    assert!(other.rows::<Decisions>(new.soviet, coop.name).is_empty(), "the executed decision is erased");
    assert!(other.rows::<Deposits>(new.wallet, coop.name).is_empty(), "the accepted payment is erased");
    let request = other.row::<Requests>(new.operator, new.operator, coop.request_id).expect("the request");
    assert_eq!(request.coopname, coop.name);

    // Nothing of it under the default names.
    assert!(other.row::<Coops>(old.registrator, old.registrator, coop.name.as_u64()).is_none());
    assert!(other.row::<Cards>(old.registrator, old.registrator, person.name.as_u64()).is_none());
    assert!(other.rows::<Participants>(old.registrator, coop.name).is_empty());
    assert!(other.row::<Boards>(old.soviet, old.soviet, coop.name.as_u64()).is_none());
    assert!(other.rows::<Decisions>(old.soviet, coop.name).is_empty());
    assert!(other.row::<Ledgers>(old.wallet, old.wallet, coop.name.as_u64()).is_none());
    assert!(other.rows::<Wallets>(old.wallet, coop.name).is_empty());
    let old_requests = other.rows::<Requests>(old.operator, old.operator);
    assert!(old_requests.iter().all(|r| r.coopname != coop.name), "no request for {} at {}", coop.name, old.operator);
    let touched = accounts_touched(&outcomes);
    for account in [old.operator, old.registrator, old.soviet, old.wallet] {
        assert!(!touched.contains(&account.to_string()), "{account} ran in the path: {touched:?}");
    }
    for account in [new.registrator, new.soviet, new.wallet] {
        assert!(touched.contains(&account.to_string()), "{account} did not run in the path: {touched:?}");
    }

    // The chain's permissions name the new accounts: the cooperative's, the member's.
    let contracts = authority_levels(other, coop.name, CONTRACTS_PERMISSION);
    assert_eq!(contracts, code_levels(&[new.registrator, new.soviet, new.wallet]));
    assert_eq!(authority_levels(other, coop.name, n("accounts")), code_levels(&[new.registrator]));
    assert_eq!(authority_levels(other, person.name, OWNER), code_levels(&[new.registrator]));
}

/// The minimum share of an individual in `coop` (the test cooperatives' fee).
fn coop_row_minimum(chain: &TestChain, coop: &antelope_test_harness::cooperative::TestCoop) -> eosio::Asset {
    chain
        .row::<Coops>(chain.peers.registrator, chain.peers.registrator, coop.name.as_u64())
        .expect("registered")
        .minimum
}

#[test]
fn a_second_operator_is_added_to_eosio_connect_and_the_first_keeps_connecting() {
    let other = other_chain();
    let shared = chain();
    // The deploy code adds the new operator's code to `eosio@connect`, keeping the old one.
    let connect = authority_levels(shared, SYSTEM, CONNECT_PERMISSION);
    assert_eq!(connect, code_levels(&[shared.peers.operator, other.peers.operator]));
    // Deploying again changes nothing (idempotent: no second `linkauth`, no duplicate).
    create_and_deploy(&other.client, &other.peers, &mut |_| {}).unwrap_or_else(|e| panic!("deploy again: {e}"));
    assert_eq!(authority_levels(shared, SYSTEM, CONNECT_PERMISSION), connect);
    // Both operators connect cooperatives, each in its own tables.
    let first = shared.new_cooperative_with(shared.new_provider(), 0);
    let second = other.new_cooperative_with(other.new_provider(), 0);
    assert!(shared.row::<Coops>(shared.peers.registrator, shared.peers.registrator, first.name.as_u64()).is_some());
    assert!(shared.row::<Coops>(other.peers.registrator, other.peers.registrator, first.name.as_u64()).is_none());
    assert!(other.row::<Coops>(other.peers.registrator, other.peers.registrator, second.name.as_u64()).is_some());
    assert!(other.row::<Coops>(shared.peers.registrator, shared.peers.registrator, second.name.as_u64()).is_none());
}
