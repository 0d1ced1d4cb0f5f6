//! Malformed action data, pushed as raw bytes: every action of every contract checks its data
//! against the action's wire shape before reading it, so that
//! - a length prefix larger than the bytes that remain (`ffffffff0f` asks for 4 GiB, which
//!   used to abort the contract with "memory allocation of … bytes failed"), missing bytes
//!   and trailing bytes are refused with `ERR_BAD_ACTION_DATA`;
//! - a string that is not UTF-8 anywhere in the data (it used to be stored with replacement
//!   characters) is refused with `ERR_BAD_UTF8`;
//!
//! before the handler runs, so nothing is written.
use super::common::chain;
use antelope_test_harness::abi_files::contract_abis;
use antelope_test_harness::client::{ChainError, PushOutcome};
use antelope_test_harness::cooperative::{rub, test_params, Person};
use antelope_test_harness::deploy::contract_accounts;
use antelope_test_harness::fixture::{expect_assertion, TestChain};
use coop_abi::Abi;
use coop_protocol::operator::{Addprovider, Coopnames, Providers, Request, Requests};
use coop_protocol::registrator::{Cards, Coops, Newaccount, Participants, TYPE_INDIVIDUAL};
use coop_protocol::soviet::{Boards, CouncilAction, Decisions, Freedecision, Setttl, Updateboard};
use coop_protocol::wallet::{Deposit, Deposits, Ledgers, Wallets, KIND_SHARE};
use coop_runtime::action::level;
use coop_runtime::interface::{ERR_BAD_ACTION_DATA, ERR_BAD_UTF8};
use coop_runtime::system::ACTIVE;
use coop_runtime::{ActionData, Document};
use eosio::{Action, Name, Write};

/// The largest varuint32, 4 294 967 295, as a length prefix.
const HUGE: &[u8] = &[0xff, 0xff, 0xff, 0xff, 0x0f];
/// Four bytes that are not UTF-8: `c3` must be followed by a continuation byte, `ff` never
/// appears in UTF-8.
const NOT_UTF8: &[u8] = &[0xc3, 0x28, 0xff, 0x00];

/// Pushes `data` as the data of action `A` of `contract`, authorised by `signer`.
fn push_raw<A: ActionData>(contract: Name, signer: Name, data: Vec<u8>) -> Result<PushOutcome, ChainError> {
    push_named(contract, A::NAME, signer, data)
}

fn push_named(contract: Name, action: Name, signer: Name, data: Vec<u8>) -> Result<PushOutcome, ChainError> {
    let action =
        Action { account: contract.into(), name: action.into(), authorization: vec![level(signer, ACTIVE)], data };
    chain().client.push_action(action)
}

/// Pushes raw data that must be refused: the assertion's exact message.
#[track_caller]
fn refused<A: ActionData>(contract: Name, signer: Name, data: Vec<u8>) -> String {
    expect_assertion(push_raw::<A>(contract, signer, data), contract, A::NAME)
}

/// A string field as packed: its length (one byte here) and its bytes.
fn packed_string(text: &str) -> Vec<u8> {
    assert!(text.len() < 128);
    [&[text.len() as u8][..], text.as_bytes()].concat()
}

/// `bytes` with the only occurrence of `marker` replaced by `replacement`.
#[track_caller]
fn splice(bytes: &[u8], marker: &[u8], replacement: &[u8]) -> Vec<u8> {
    let at = bytes.windows(marker.len()).position(|w| w == marker).expect("the marker is in the data");
    assert!(bytes[at + 1..].windows(marker.len()).all(|w| w != marker), "the marker is unique");
    [&bytes[..at], replacement, &bytes[at + marker.len()..]].concat()
}

/// The string `text` of `data` with a length prefix of 4 GiB, and with bytes that are not
/// UTF-8 (its length prefix kept).
fn with_bad_string<A: ActionData>(data: &A, text: &str) -> (Vec<u8>, Vec<u8>) {
    let packed = data.pack().unwrap();
    let marker = packed_string(text);
    let huge = splice(&packed, &marker, &[HUGE, text.as_bytes()].concat());
    let not_utf8 = splice(&packed, &marker, &[&[NOT_UTF8.len() as u8][..], NOT_UTF8].concat());
    (huge, not_utf8)
}

/// Every row our contracts keep about `coop`, for comparison.
fn coop_rows(chain: &TestChain, coop: Name) -> Vec<String> {
    let (o, r, s, w) = (chain.peers.operator, chain.peers.registrator, chain.peers.soviet, chain.peers.wallet);
    vec![
        format!("{:?}", chain.row::<Coopnames>(o, o, coop.as_u64())),
        format!("{:?}", chain.row::<Coops>(r, r, coop.as_u64())),
        format!("{:?}", chain.rows::<Participants>(r, coop)),
        format!("{:?}", chain.row::<Boards>(s, s, coop.as_u64())),
        format!("{:?}", chain.rows::<Decisions>(s, coop)),
        format!("{:?}", chain.row::<Ledgers>(w, w, coop.as_u64())),
        format!("{:?}", chain.rows::<Wallets>(w, coop)),
        format!("{:?}", chain.rows::<Deposits>(w, coop)),
    ]
}

#[test]
fn wallet_deposit_with_a_bad_memo_or_bad_length_is_refused_and_nothing_is_written() {
    let chain = chain();
    let coop = chain.new_cooperative();
    let person = chain.import_member(&coop, "member");
    let deposit = Deposit {
        coopname: coop.name,
        username: person.name,
        kind: KIND_SHARE,
        quantity: rub("10.0000"),
        memo: "bank transfer 42".into(),
    };
    let (huge, not_utf8) = with_bad_string(&deposit, &deposit.memo);
    let packed = deposit.pack().unwrap();
    let before = coop_rows(chain, coop.name);

    let wallet = chain.peers.wallet;
    assert_eq!(refused::<Deposit>(wallet, person.name, not_utf8), ERR_BAD_UTF8);
    assert_eq!(refused::<Deposit>(wallet, person.name, huge), ERR_BAD_ACTION_DATA);
    assert_eq!(refused::<Deposit>(wallet, person.name, packed[..packed.len() - 1].to_vec()), ERR_BAD_ACTION_DATA);
    assert_eq!(refused::<Deposit>(wallet, person.name, [&packed[..], &[0]].concat()), ERR_BAD_ACTION_DATA);
    assert_eq!(coop_rows(chain, coop.name), before);

    // The same bytes, well formed, are a deposit.
    let id: u64 = push_raw::<Deposit>(wallet, person.name, packed).unwrap().return_value();
    let row = chain.row::<Deposits>(wallet, coop.name, id).expect("the deposit is recorded");
    assert_eq!(row.memo, deposit.memo);
}

#[test]
fn registrator_newaccount_with_a_bad_meta_is_refused_and_no_card_is_written() {
    let chain = chain();
    let coop = chain.new_cooperative();
    let person = Person::new(chain, "newacc");
    let data = Newaccount {
        coopname: coop.name,
        username: person.name,
        r#type: TYPE_INDIVIDUAL,
        public_key: person.key.public_key(),
        referer: Name::new(0),
        meta: "{\"name\":\"meta\"}".into(),
    };
    let (huge, not_utf8) = with_bad_string(&data, &data.meta);
    let packed = data.pack().unwrap();
    let before = coop_rows(chain, coop.name);

    let registrator = chain.peers.registrator;
    assert_eq!(refused::<Newaccount>(registrator, coop.name, not_utf8), ERR_BAD_UTF8);
    assert_eq!(refused::<Newaccount>(registrator, coop.name, huge), ERR_BAD_ACTION_DATA);
    assert_eq!(refused::<Newaccount>(registrator, coop.name, packed[..40].to_vec()), ERR_BAD_ACTION_DATA);
    assert_eq!(refused::<Newaccount>(registrator, coop.name, [&packed[..], b"x"].concat()), ERR_BAD_ACTION_DATA);
    assert_eq!(coop_rows(chain, coop.name), before);
    assert_eq!(chain.row::<Cards>(registrator, registrator, person.name.as_u64()), None);
    assert!(!chain.client.account_exists(person.name));
}

#[test]
fn soviet_free_decision_with_bad_vectors_or_meta_is_refused_and_nothing_is_written() {
    let chain = chain();
    let coop = chain.new_cooperative();
    let setttl = Setttl { coopname: coop.name, seconds: 86_400 };
    let action = CouncilAction { account: chain.peers.soviet, name: Setttl::NAME, data: setttl.pack().unwrap() };
    let statement = Document { meta: "{\"title\":\"free decision\"}".into(), ..Document::default() };
    let data = Freedecision { coopname: coop.name, proposer: coop.chairman.name, statement, actions: vec![action] };
    let packed = data.pack().unwrap();
    // The vector of actions: one action, of our soviet.
    let actions = [&[1][..], &chain.peers.soviet.as_u64().to_le_bytes()].concat();
    let huge_actions = splice(&packed, &actions, &[HUGE, &actions[1..]].concat());
    // The action's data (bytes): 12 bytes, then the cooperative's name.
    let bytes = [&[12][..], &coop.name.as_u64().to_le_bytes()].concat();
    let huge_bytes = splice(&packed, &bytes, &[HUGE, &bytes[1..]].concat());
    let (huge_meta, not_utf8) = with_bad_string(&data, &data.statement.meta);
    let before = coop_rows(chain, coop.name);

    let (soviet, chairman) = (chain.peers.soviet, coop.chairman.name);
    assert_eq!(refused::<Freedecision>(soviet, chairman, huge_actions), ERR_BAD_ACTION_DATA);
    assert_eq!(refused::<Freedecision>(soviet, chairman, huge_bytes), ERR_BAD_ACTION_DATA);
    assert_eq!(refused::<Freedecision>(soviet, chairman, huge_meta), ERR_BAD_ACTION_DATA);
    assert_eq!(refused::<Freedecision>(soviet, chairman, not_utf8), ERR_BAD_UTF8);
    assert_eq!(refused::<Freedecision>(soviet, chairman, packed[..packed.len() - 3].to_vec()), ERR_BAD_ACTION_DATA);
    assert_eq!(refused::<Freedecision>(soviet, chairman, [&packed[..], &[0, 0]].concat()), ERR_BAD_ACTION_DATA);
    assert_eq!(coop_rows(chain, coop.name), before);
}

#[test]
fn soviet_updateboard_with_a_huge_member_count_is_refused() {
    let chain = chain();
    let coop = chain.new_cooperative();
    let data = Updateboard { coopname: coop.name, members: Vec::new() };
    let packed = data.pack().unwrap();
    assert_eq!(packed[8..], [0], "the empty vector of members ends the data");
    let before = coop_rows(chain, coop.name);
    let huge = [&packed[..8], HUGE].concat();
    assert_eq!(refused::<Updateboard>(chain.peers.soviet, coop.name, huge), ERR_BAD_ACTION_DATA);
    assert_eq!(coop_rows(chain, coop.name), before);
}

#[test]
fn operator_request_with_bad_founders_or_strings_is_refused_and_nothing_is_claimed() {
    let chain = chain();
    let provider = chain.provider();
    let chairman = Person::new(chain, "chair");
    let member = Person::new(chain, "board");
    let coopname = chain.unique_name("coop");
    let statement = Document { meta: "{\"title\":\"statement\"}".into(), ..Document::default() };
    let params = test_params();
    let request = Request {
        provider,
        coopname,
        coop_key: chain.new_key().public_key(),
        params,
        chairman: chairman.founder(),
        members: vec![member.founder()],
        statement,
    };
    let packed = request.pack().unwrap();
    let members = [&[1][..], &member.name.as_u64().to_le_bytes()].concat();
    let huge_members = splice(&packed, &members, &[HUGE, &members[1..]].concat());
    let (_, announce_not_utf8) = with_bad_string(&request, &request.params.announce);
    let (huge_meta, meta_not_utf8) = with_bad_string(&request, &request.statement.meta);
    let requests = |chain: &TestChain| {
        let operator = chain.peers.operator;
        chain.rows::<Requests>(operator, operator).into_iter().filter(|r| r.coopname == coopname).count()
    };
    let before = coop_rows(chain, coopname);

    let operator = chain.peers.operator;
    assert_eq!(refused::<Request>(operator, provider, huge_members), ERR_BAD_ACTION_DATA);
    assert_eq!(refused::<Request>(operator, provider, huge_meta), ERR_BAD_ACTION_DATA);
    assert_eq!(refused::<Request>(operator, provider, announce_not_utf8), ERR_BAD_UTF8);
    assert_eq!(refused::<Request>(operator, provider, meta_not_utf8), ERR_BAD_UTF8);
    assert_eq!(refused::<Request>(operator, provider, packed[..100].to_vec()), ERR_BAD_ACTION_DATA);
    assert_eq!(refused::<Request>(operator, provider, [&packed[..], &[1]].concat()), ERR_BAD_ACTION_DATA);
    assert_eq!(coop_rows(chain, coopname), before);
    assert_eq!(requests(chain), 0);
}

#[test]
fn operator_addprovider_with_a_bad_title_is_refused() {
    let chain = chain();
    let provider = chain.unique_name("prov");
    let data = Addprovider { provider, title: "Hostile provider".into() };
    let (huge, not_utf8) = with_bad_string(&data, &data.title);
    let operator = chain.peers.operator;
    assert_eq!(refused::<Addprovider>(operator, operator, not_utf8), ERR_BAD_UTF8);
    assert_eq!(refused::<Addprovider>(operator, operator, huge), ERR_BAD_ACTION_DATA);
    assert_eq!(chain.row::<Providers>(operator, operator, provider.as_u64()), None);
}

/// Which variable-length field (string or vector, in the order they are packed) of an
/// action's data to spoil, and how.
#[derive(Clone, Copy, Debug)]
enum Spoil {
    Nothing,
    /// Its length prefix is 4 GiB.
    Huge(usize),
    /// It is a string of four bytes that are not UTF-8.
    NotUtf8(usize),
}

/// The smallest data of ABI type `type_name` (zeros, empty strings and vectors, K1 keys),
/// with one variable-length field spoiled; `fields` counts the variable-length fields.
fn smallest(abi: &Abi, type_name: &str, spoil: Spoil, fields: &mut usize, out: &mut Vec<u8>) {
    let variable = type_name == "string" || type_name == "bytes" || type_name.ends_with("[]");
    if variable {
        let index = *fields;
        *fields += 1;
        match spoil {
            Spoil::Huge(i) if i == index => out.extend_from_slice(HUGE),
            Spoil::NotUtf8(i) if i == index && type_name == "string" => {
                out.push(NOT_UTF8.len() as u8);
                out.extend_from_slice(NOT_UTF8);
            }
            _ => out.push(0),
        }
        return;
    }
    let zeros = match type_name {
        "bool" | "uint8" | "int8" => 1,
        "uint16" | "int16" => 2,
        "uint32" | "int32" | "time_point_sec" => 4,
        "uint64" | "int64" | "name" | "symbol" | "symbol_code" | "time_point" => 8,
        "asset" | "uint128" | "int128" => 16,
        "checksum256" => 32,
        "public_key" => 34,
        "signature" => 66,
        _ => {
            let def = abi.structs.iter().find(|s| s.name == type_name).unwrap_or_else(|| panic!("type {type_name}"));
            for field in &def.fields {
                smallest(abi, &field.type_, spoil, fields, out);
            }
            return;
        }
    };
    out.resize(out.len() + zeros, 0);
}

/// The smallest data of action `action` of `abi`, spoiled, and how many variable-length
/// fields it has.
fn smallest_action(abi: &Abi, action: &str, spoil: Spoil) -> (Vec<u8>, usize) {
    let type_name = &abi.actions.iter().find(|a| a.name == action).expect("the action is in the ABI").type_;
    let (mut out, mut fields) = (Vec::new(), 0);
    smallest(abi, type_name, spoil, &mut fields, &mut out);
    (out, fields)
}

#[test]
fn every_action_of_every_contract_refuses_malformed_data_with_the_decoding_messages() {
    let chain = chain();
    let stranger = Person::new(chain, "strngr");
    chain.create_account(stranger.name, stranger.key.public_key(), None);
    let accounts = contract_accounts(&chain.peers);
    let mut checked = 0;
    for (contract, abi) in contract_abis() {
        let account = accounts.iter().find(|(name, _)| *name == contract).expect("a contract account").1;
        for action in &abi.actions {
            let name: Name = action.name.parse().expect("an action name");
            let refused = |data: Vec<u8>, what: &str| {
                let message = expect_assertion(push_named(account, name, stranger.name, data), account, name);
                format!("{contract}::{name} {what}: {message}")
            };
            let (smallest, fields) = smallest_action(&abi, &action.name, Spoil::Nothing);
            let expected = |what: &str, message: &str| format!("{contract}::{name} {what}: {message}");
            assert!(!smallest.is_empty(), "{contract}::{name} has data");
            assert_eq!(
                refused(smallest[..smallest.len() - 1].to_vec(), "truncated"),
                expected("truncated", ERR_BAD_ACTION_DATA)
            );
            assert_eq!(
                refused([&smallest[..], &[0]].concat(), "with a trailing byte"),
                expected("with a trailing byte", ERR_BAD_ACTION_DATA)
            );
            for field in 0..fields {
                let (huge, _) = smallest_action(&abi, &action.name, Spoil::Huge(field));
                let what = format!("with a 4 GiB length in field {field}");
                assert_eq!(refused(huge, &what), expected(&what, ERR_BAD_ACTION_DATA));
                let (not_utf8, _) = smallest_action(&abi, &action.name, Spoil::NotUtf8(field));
                if not_utf8.len() > smallest.len() {
                    let what = format!("with a string that is not UTF-8 in field {field}");
                    assert_eq!(refused(not_utf8, &what), expected(&what, ERR_BAD_UTF8));
                }
            }
            checked += 1;
        }
    }
    assert!(checked >= 50, "{checked} actions checked");
}

#[test]
fn a_free_decision_carrying_malformed_action_data_is_refused_before_any_allocation() {
    let chain = chain();
    let coop = chain.new_cooperative();
    // `registrator::setagreement(coopname, kind, version, title)` whose title claims 4 GiB.
    let inner = [
        &coop.name.as_u64().to_le_bytes()[..],
        &coop_runtime::n("wallet").as_u64().to_le_bytes(),
        &2u32.to_le_bytes(),
        HUGE,
        b"T",
    ]
    .concat();
    let action = CouncilAction { account: chain.peers.registrator, name: coop_runtime::n("setagreement"), data: inner };
    let chairman = coop.chairman.name;
    let data =
        Freedecision { coopname: coop.name, proposer: chairman, statement: Document::default(), actions: vec![action] };
    let before = coop_rows(chain, coop.name);
    let error = refused::<Freedecision>(chain.peers.soviet, chairman, data.pack().unwrap());
    assert_eq!(error, coop_protocol::soviet::errors::ERR_ACTION_DATA);
    assert_eq!(coop_rows(chain, coop.name), before);
}
