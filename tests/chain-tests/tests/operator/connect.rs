//! `connect`: the whole cooperative after one transaction; `connect` through cleos.
use antelope_test_harness::cooperative::test_params;
use antelope_test_harness::deploy::permission_authority;
use antelope_test_harness::fixture::TestChain;
use antelope_test_harness::keys::public_key_to_legacy;
use coop_protocol::operator::{errors::*, *};
use coop_protocol::permissions::CONTRACTS_PERMISSION;
use coop_protocol::registrator::{Coops, Participants, Regcoop, COOP_ACTIVE};
use coop_protocol::soviet::Boards;
use coop_protocol::wallet::Ledgers;
use coop_runtime::action::level;
use coop_runtime::n;
use coop_runtime::system::{Authority, PermissionLevelWeight, ACTIVE, EOSIO_CODE, OWNER};
use eosio::Name;

/// The actions linked to `account@permission`, as `(contract, action)`, from
/// `/v1/chain/get_account`.
fn linked_actions(chain: &TestChain, account: Name, permission: Name) -> Vec<(String, String)> {
    let info = chain.client.get_account(account).unwrap();
    let permission = permission.to_string();
    let entry = info["permissions"]
        .as_array()
        .and_then(|perms| perms.iter().find(|p| p["perm_name"] == permission.as_str()))
        .unwrap_or_else(|| panic!("{account} has no permission {permission}: {info}"));
    entry["linked_actions"]
        .as_array()
        .unwrap_or_else(|| panic!("no linked_actions in {entry}"))
        .iter()
        .map(|l| (l["account"].as_str().unwrap().to_string(), l["action"].as_str().unwrap().to_string()))
        .collect()
}

/// The parent of `account@contracts`.
fn contracts_parent(chain: &TestChain, account: Name) -> String {
    parent_of(chain, account, CONTRACTS_PERMISSION)
}

/// The parent of `account@permission`.
fn parent_of(chain: &TestChain, account: Name, permission: Name) -> String {
    let info = chain.client.get_account(account).unwrap();
    let wanted = permission.to_string();
    let perms = info["permissions"].as_array().unwrap();
    let entry = perms.iter().find(|p| p["perm_name"] == wanted.as_str()).unwrap();
    entry["parent"].as_str().unwrap().to_string()
}

#[test]
fn connect_brings_the_whole_cooperative_to_life() {
    let chain = TestChain::shared();
    let p = chain.peers;
    let (request, coop_key, chairman, members) = chain.coop_request(chain.provider(), 2);
    let request_id: u64 = chain.ok(p.operator, &[request.provider], &request).return_value();
    let outcome = chain.ok(p.operator, &[p.operator], &Connect { request_id });
    let coop = request.coopname;

    // Accounts and permissions.
    let key_of = |auth: &coop_runtime::system::Authority| public_key_to_legacy(&auth.keys[0].key);
    let coop_key_text = public_key_to_legacy(&coop_key.public_key());
    let owner = permission_authority(&chain.client, coop, OWNER).unwrap();
    let active = permission_authority(&chain.client, coop, ACTIVE).unwrap();
    assert_eq!(
        (key_of(&owner), owner.accounts.len()),
        (coop_key_text.clone(), 0),
        "owner is the cooperative's key only"
    );
    assert_eq!((key_of(&active), active.accounts.len()), (coop_key_text, 0), "active is the cooperative's key only");
    let accounts = permission_authority(&chain.client, coop, n("accounts")).unwrap();
    assert_eq!(accounts.accounts[0].permission, level(p.registrator, EOSIO_CODE));
    // The provider holds no permission of the cooperative: `provider` is the operator's
    // code, which forwards the provider's allowed actions (`operator::act`).
    let provider = permission_authority(&chain.client, coop, PROVIDER_PERMISSION).unwrap();
    assert_eq!(provider, Authority::accounts(&[level(p.operator, EOSIO_CODE)]));
    assert_eq!(parent_of(chain, coop, PROVIDER_PERMISSION), "active");
    let mut provider_links = linked_actions(chain, coop, PROVIDER_PERMISSION);
    provider_links.sort();
    let expected_links: Vec<(String, String)> = [
        (p.registrator, "agree"),
        (p.registrator, "cancelapp"),
        (p.registrator, "joincoop"),
        (p.registrator, "newaccount"),
        (p.registrator, "selectbranch"),
        (p.registrator, "adduser"),
        (p.wallet, "cancel"),
        (p.wallet, "confirm"),
        (p.wallet, "deposit"),
        (p.wallet, "failwithdr"),
        (p.wallet, "payout"),
        (p.wallet, "payrefund"),
    ]
    .iter()
    .map(|(account, action)| (account.to_string(), action.to_string()))
    .collect::<std::collections::BTreeSet<_>>()
    .into_iter()
    .collect();
    assert_eq!(provider_links, expected_links, "no key change, no governance");
    let connection = chain.row::<Connections>(p.operator, request.provider, coop.as_u64());
    assert_eq!(connection, Some(Connection { coopname: coop }), "the provider's connection record");
    // `contracts`: the code of the three contracts, for the actions whose rows the
    // cooperative pays for.
    let contracts = permission_authority(&chain.client, coop, CONTRACTS_PERMISSION).unwrap();
    let code = |account| PermissionLevelWeight { permission: level(account, EOSIO_CODE), weight: 1 };
    assert_eq!(
        contracts,
        Authority {
            threshold: 1,
            keys: vec![],
            accounts: vec![code(p.registrator), code(p.soviet), code(p.wallet)],
            waits: vec![]
        }
    );
    let mut linked = linked_actions(chain, coop, CONTRACTS_PERMISSION);
    linked.sort();
    let mut expected = vec![
        (p.registrator.to_string(), "acceptjoin".to_string()),
        (p.soviet.to_string(), "propose".to_string()),
        (p.wallet.to_string(), "addmember".to_string()),
        (p.wallet.to_string(), "leftcoop".to_string()),
    ];
    expected.sort();
    assert_eq!(linked, expected);
    assert_eq!(contracts_parent(chain, coop), "active");
    for person in std::iter::once(&chairman).chain(members.iter()) {
        let active = permission_authority(&chain.client, person.name, ACTIVE).unwrap();
        assert_eq!(key_of(&active), public_key_to_legacy(&person.key.public_key()));
        let owner = permission_authority(&chain.client, person.name, OWNER).unwrap();
        assert_eq!(owner.accounts[0].permission, level(p.registrator, EOSIO_CODE));
    }
    let balance = chain.client.get_currency_balance("eosio.token", coop, "AXON").unwrap();
    assert_eq!(balance, vec!["10.0000 AXON".to_string()]);

    // Registry, participants, council, ledger, request.
    let row = chain.row::<Coops>(p.registrator, p.registrator, coop.as_u64()).unwrap();
    assert_eq!((row.status, row.is_branched, row.minimum), (COOP_ACTIVE, false, test_params().minimum));
    let participants = chain.rows::<Participants>(p.registrator, coop);
    assert_eq!(participants.len(), 3);
    assert!(participants.iter().all(|member| member.is_accepted_individual()));
    let board = chain.row::<Boards>(p.soviet, p.soviet, coop.as_u64()).unwrap();
    assert_eq!(board.chairman(), Some(chairman.name));
    assert_eq!(board.members.len(), 3);
    assert!(board.members.iter().all(|m| m.is_voting));
    let ledger = chain.row::<Ledgers>(p.wallet, p.wallet, coop.as_u64()).unwrap();
    assert_eq!(ledger.share_fund.amount, 0);
    assert_eq!(ledger.share_fund.symbol, test_params().symbol);
    assert_eq!(chain.row::<Requests>(p.operator, p.operator, request_id).unwrap().status, REQUEST_CONNECTED);
    // The history: the operator's own setup step for this request, and the registration
    // of the cooperative with its three founders.
    let setup = outcome.inline_actions(p.operator, "setupcoop");
    assert_eq!(setup.len(), 1);
    assert_eq!(setup[0].decode_data::<Setupcoop>().unwrap(), Setupcoop { request_id });
    let registered = outcome.inline_actions(p.registrator, "regcoop");
    assert_eq!(registered.len(), 1);
    let regcoop = registered[0].decode_data::<Regcoop>().unwrap();
    assert_eq!(regcoop.coopname, coop);
    let founders: Vec<Name> = std::iter::once(&chairman).chain(members.iter()).map(|f| f.name).collect();
    assert_eq!(regcoop.founders, founders);
    let mut accepted: Vec<Name> = participants.iter().map(|m| m.username).collect();
    let mut expected = founders.clone();
    accepted.sort_by_key(|n| n.as_u64());
    expected.sort_by_key(|n| n.as_u64());
    assert_eq!(accepted, expected);

    assert_eq!(chain.fails(p.operator, &[p.operator], &Connect { request_id }), ERR_REQUEST_NOT_PENDING);
}

#[test]
fn connect_refuses_when_a_name_was_taken_after_the_request() {
    let chain = TestChain::shared();
    let p = chain.peers;
    let (request, _, _, members) = chain.coop_request(chain.provider(), 1);
    let request_id: u64 = chain.ok(p.operator, &[request.provider], &request).return_value();
    chain.create_account(members[0].name, members[0].key.public_key(), None);
    assert_eq!(chain.fails(p.operator, &[p.operator], &Connect { request_id }), ERR_FOUNDER_EXISTS);
    assert!(!chain.client.account_exists(request.coopname));
}

#[test]
fn setupcoop_is_only_an_internal_step() {
    let chain = TestChain::shared();
    let p = chain.peers;
    let (request, ..) = chain.coop_request(chain.provider(), 1);
    let request_id: u64 = chain.ok(p.operator, &[request.provider], &request).return_value();
    assert_eq!(chain.fails(p.operator, &[p.operator], &Setupcoop { request_id }), ERR_INTERNAL_STEP);
}

#[test]
fn request_and_connect_through_cleos_with_json() {
    use antelope_test_harness::cleos::{Cleos, Wallet};
    use antelope_test_harness::keys::{signature_to_string, DEV_PRIVATE_KEY};
    let chain = TestChain::shared();
    let p = chain.peers;
    let (request, ..) = chain.coop_request(chain.provider(), 1);
    let wallet = Wallet::start().unwrap();
    wallet.import(DEV_PRIVATE_KEY).unwrap();
    let cleos = Cleos::new(chain.url(), &wallet);
    let founder = |f: &Founder| serde_json::json!({ "username": f.username.to_string(), "public_key": public_key_to_legacy(&f.public_key) });
    let asset = |a: &eosio::Asset| coop_runtime::asset_text::asset_to_string(a);
    let json = serde_json::json!({
        "provider": request.provider.to_string(),
        "coopname": request.coopname.to_string(),
        "coop_key": public_key_to_legacy(&request.coop_key),
        "params": {
            "symbol": "4,RUB",
            "initial": asset(&request.params.initial),
            "minimum": asset(&request.params.minimum),
            "org_initial": asset(&request.params.org_initial),
            "org_minimum": asset(&request.params.org_minimum),
            "announce": request.params.announce,
            "description": request.params.description,
        },
        "chairman": founder(&request.chairman),
        "members": request.members.iter().map(founder).collect::<Vec<_>>(),
        "statement": {
            "hash": hex::encode(request.statement.hash.to_bytes()),
            "public_key": public_key_to_legacy(&request.statement.public_key),
            "signature": signature_to_string(&request.statement.signature),
            "meta": request.statement.meta,
        },
    });
    let operator = p.operator.to_string();
    cleos
        .push_action(&operator, "request", &json, &format!("{}@active", request.provider))
        .unwrap_or_else(|e| panic!("cleos request failed: {}", e.reason()));
    let claim = chain.row::<Coopnames>(p.operator, p.operator, request.coopname.as_u64()).unwrap();
    let connect = serde_json::json!({ "request_id": claim.request_id });
    cleos
        .push_action(&operator, "connect", &connect, &format!("{operator}@active"))
        .unwrap_or_else(|e| panic!("cleos connect failed: {}", e.reason()));
    assert!(chain.row::<Coops>(p.registrator, p.registrator, request.coopname.as_u64()).is_some());
}
