//! The agenda, queryable: `soviet::agenda` in a read-only transaction (no signature,
//! nothing written), through our client and through cleos, by state, by person, by page.
use super::*;
use antelope_test_harness::agenda::cleos_agenda;
use antelope_test_harness::cleos::{Cleos, Wallet};
use antelope_test_harness::fixture::expect_assertion;
use antelope_test_harness::transaction::format_time;
use coop_protocol::soviet::errors::*;
use coop_runtime::system::BuyRamBytes;
use eosio::Checksum256;
use serde_json::{json, Value};

/// The empty name: every state, or everyone.
const ALL: Name = Name::new(0);

/// One page of `council`'s agenda through our client.
#[track_caller]
fn page(council: &Council, state: Name, person: Name, from_id: u64, limit: u32) -> AgendaPage {
    chain().agenda(council.coop, state, person, from_id, limit).unwrap_or_else(|e| panic!("agenda: {e}"))
}

/// The ids of the decisions of `council` in `state`, all pages.
#[track_caller]
fn ids_in(council: &Council, state: Name) -> Vec<u64> {
    let (items, _) = chain().agenda_all(council.coop, state, ALL, MAX_AGENDA_LIMIT).unwrap();
    items.iter().map(|d| d.id).collect()
}

fn ids(page: &AgendaPage) -> Vec<u64> {
    page.decisions.iter().map(|d| d.id).collect()
}

/// The item of decision `id` on the whole agenda.
#[track_caller]
fn item(council: &Council, id: u64) -> AgendaItem {
    let (items, _) = chain().agenda_all(council.coop, ALL, ALL, MAX_AGENDA_LIMIT).unwrap();
    items.into_iter().find(|d| d.id == id).unwrap_or_else(|| panic!("decision {id} is not on the agenda"))
}

/// The message a read-only `agenda` call fails with.
#[track_caller]
fn agenda_fails(query: &Agenda) -> String {
    expect_assertion(chain().read_only(soviet(), query), soviet(), Agenda::NAME)
}

/// `count` `joincoop` questions about `username` put on `council`'s agenda by the
/// registrator (in transactions of 40); returns their ids. The cooperative pays.
fn propose_many(council: &Council, username: Name, count: u64) -> Vec<u64> {
    let chain = chain();
    let levels = [level(chain.peers.registrator, ACTIVE), level(council.coop, ACTIVE)];
    let mut ids = Vec::new();
    for start in (0..count).step_by(40) {
        let actions = (start..count.min(start + 40))
            .map(|i| {
                let mut hash = [0u8; 32];
                hash[..8].copy_from_slice(&i.to_le_bytes());
                Propose {
                    coopname: council.coop,
                    kind: KIND_JOINCOOP,
                    username,
                    ref_id: i + 1,
                    statement_hash: Checksum256::from(hash),
                }
                .to_action(soviet(), &levels)
            })
            .collect();
        let outcome = chain.client.push_actions(actions).unwrap_or_else(|e| panic!("propose: {e}"));
        let soviet = soviet().to_string();
        ids.extend(
            outcome
                .action_traces
                .iter()
                .filter(|t| t.receiver == soviet && t.name == "propose")
                .map(|t| t.decode_return_value::<u64>().unwrap()),
        );
    }
    ids
}

/// More RAM for the cooperative (bought by `eosio`), for a long agenda.
fn give_ram(coop: Name, bytes: u32) {
    chain().ok(SYSTEM, &[SYSTEM], &BuyRamBytes { payer: SYSTEM, receiver: coop, bytes });
}

#[test]
fn votes_move_a_decision_from_open_to_approved() {
    let council = Council::new(2, 0);
    let (first, second) = (council.free_decision(), council.free_decision());
    assert_eq!(ids_in(&council, STATE_OPEN), vec![first, second]);
    assert!(ids_in(&council, STATE_APPROVED).is_empty());

    council.vote_for(&council.chairman, first);
    let one = item(&council, first);
    assert_eq!((one.state, one.votes_for, one.votes_against, one.voting_members), (STATE_OPEN, 1, 0, 3));
    council.vote_for(&council.members[0], first);
    council.vote_against(&council.members[1], second);

    assert_eq!(ids_in(&council, STATE_OPEN), vec![second]);
    assert_eq!(ids_in(&council, STATE_APPROVED), vec![first]);
    let approved = item(&council, first);
    assert_eq!((approved.state, approved.votes_for, approved.voting_members), (STATE_APPROVED, 2, 3));
    let open = item(&council, second);
    assert_eq!((open.state, open.votes_for, open.votes_against), (STATE_OPEN, 0, 1));
    // The item is the row's facts.
    let row = council.decision(first);
    assert_eq!(
        (approved.kind, approved.username, approved.ref_id, approved.proposer, approved.statement_hash),
        (row.kind, row.username, row.ref_id, row.proposer, row.statement_hash)
    );
    assert_eq!(
        (approved.created_at, approved.expires_at, approved.authorized_by),
        (row.created_at, row.expires_at, ALL)
    );
}

#[test]
fn a_council_change_reopens_or_declines_approved_decisions() {
    let chain = chain();
    // Four voting members: approval needs three.
    let council = Council::new(3, 1);
    let [m0, m1, m2] = [&council.members[0], &council.members[1], &council.members[2]];
    let reopened = council.free_decision();
    let declined = council.free_decision();
    let authorized = council.free_decision();
    for member in [m0, m1, m2] {
        council.vote_for(member, reopened);
        council.vote_for(member, declined);
    }
    council.vote_against(&council.chairman, declined);
    council.approve(authorized);
    chain.ok(soviet(), &[council.chairman.name], &council.authorization(authorized));
    assert_eq!(ids_in(&council, STATE_APPROVED), vec![reopened, declined]);
    assert_eq!(ids_in(&council, STATE_AUTHORIZED), vec![authorized]);

    // The new council: the chairman and a newcomer. The three who approved have left.
    let newcomer = &council.others[0];
    let members = vec![
        BoardMember::voting(council.chairman.name, POSITION_CHAIRMAN),
        BoardMember::voting(newcomer.name, POSITION_MEMBER),
    ];
    chain.ok(soviet(), &[council.coop], &Updateboard { coopname: council.coop, members });

    assert!(ids_in(&council, STATE_APPROVED).is_empty());
    assert_eq!(ids_in(&council, STATE_OPEN), vec![reopened]);
    assert_eq!(ids_in(&council, STATE_DECLINED), vec![declined]);
    assert_eq!(ids_in(&council, STATE_AUTHORIZED), vec![authorized]);
    let open = item(&council, reopened);
    assert_eq!((open.votes_for, open.votes_against, open.voting_members), (0, 0, 2));
    let no = item(&council, declined);
    assert_eq!((no.votes_for, no.votes_against, no.voting_members), (0, 1, 2));
    // The agenda says what `close` will do: the declined one closes as declined.
    let closed = chain.ok(
        soviet(),
        &[newcomer.name],
        &Close { executer: newcomer.name, coopname: council.coop, decision_id: declined },
    );
    assert_eq!(closed.return_value::<Name>(), REASON_DECLINED);
    assert!(ids_in(&council, STATE_DECLINED).is_empty());
}

#[test]
fn authorization_and_execution_move_a_decision_along_and_off_the_agenda() {
    let chain = chain();
    let council = Council::new(2, 0);
    let id = council.free_decision();
    council.approve(id);
    assert_eq!(ids_in(&council, STATE_APPROVED), vec![id]);
    chain.ok(soviet(), &[council.chairman.name], &council.authorization(id));

    assert!(ids_in(&council, STATE_APPROVED).is_empty());
    assert_eq!(ids_in(&council, STATE_AUTHORIZED), vec![id]);
    let authorized = item(&council, id);
    assert_eq!((authorized.state, authorized.authorized_by), (STATE_AUTHORIZED, council.chairman.name));

    let executer = council.members[0].name;
    chain.ok(soviet(), &[executer], &Exec { executer, coopname: council.coop, decision_id: id });
    assert_eq!(page(&council, ALL, ALL, 0, 10), AgendaPage::default());
}

#[test]
fn an_expired_decision_waits_for_close_as_expired() {
    let council = Council::new(1, 0);
    let id = council.expired_decision();
    assert_eq!(ids_in(&council, STATE_EXPIRED), vec![id]);
    assert!(ids_in(&council, STATE_OPEN).is_empty());
}

#[test]
fn a_person_sees_the_decisions_about_them_or_proposed_by_them() {
    let chain = chain();
    let council = Council::new(1, 2);
    let [a, b] = [&council.others[0], &council.others[1]];
    let by_a: u64 = council.free_decision_by(a).return_value();
    let by_chairman = council.free_decision();
    let about_b = propose_many(&council, b.name, 1)[0];
    let by_b: u64 = council.free_decision_by(b).return_value();

    let of = |person: Name, state: Name| {
        let (items, _) = chain.agenda_all(council.coop, state, person, MAX_AGENDA_LIMIT).unwrap();
        items.iter().map(|d| d.id).collect::<Vec<_>>()
    };
    assert_eq!(of(a.name, ALL), vec![by_a]);
    assert_eq!(of(b.name, ALL), vec![about_b, by_b]);
    assert_eq!(of(council.chairman.name, ALL), vec![by_chairman]);
    // The registrator proposed the `joincoop` question about b.
    assert_eq!(of(chain.peers.registrator, ALL), vec![about_b]);
    assert!(of(council.members[0].name, ALL).is_empty());

    council.approve(by_b);
    assert_eq!(of(b.name, STATE_OPEN), vec![about_b]);
    assert_eq!(of(b.name, STATE_APPROVED), vec![by_b]);
    assert!(of(a.name, STATE_APPROVED).is_empty());
}

#[test]
fn pages_follow_next_id_through_our_client_and_cleos() {
    let council = Council::new(1, 1);
    let other = &council.others[0];
    let all = propose_many(&council, other.name, 7);
    assert_eq!(all.len(), 7);
    council.approve(all[1]);
    council.approve(all[5]);

    let first = page(&council, ALL, ALL, 0, 3);
    assert_eq!((ids(&first), first.next_id), (all[..3].to_vec(), all[3]));
    let second = page(&council, ALL, ALL, first.next_id, 3);
    assert_eq!((ids(&second), second.next_id), (all[3..6].to_vec(), all[6]));
    let third = page(&council, ALL, ALL, second.next_id, 3);
    assert_eq!((ids(&third), third.next_id), (all[6..].to_vec(), 0));
    // Exactly full: the rows ended, so there is no next page.
    let whole = page(&council, ALL, ALL, 0, 7);
    assert_eq!((ids(&whole).len(), whole.next_id), (7, 0));
    // By state: two approved, found across pages of one.
    let approved = page(&council, STATE_APPROVED, ALL, 0, 1);
    assert_eq!((ids(&approved), approved.next_id), (vec![all[1]], all[2]));
    let approved = page(&council, STATE_APPROVED, ALL, approved.next_id, 1);
    assert_eq!((ids(&approved), approved.next_id), (vec![all[5]], all[6]));
    let approved = page(&council, STATE_APPROVED, ALL, approved.next_id, 1);
    assert_eq!((ids(&approved), approved.next_id), (vec![], 0));
    let (open, calls) = chain().agenda_all(council.coop, STATE_OPEN, other.name, 2).unwrap();
    assert_eq!(open.iter().map(|d| d.id).collect::<Vec<_>>(), [0, 2, 3, 4, 6].map(|i| all[i]).to_vec());
    assert_eq!(calls, 3);

    // The same pages through cleos, as JSON decoded with the soviet's ABI.
    let wallet = Wallet::start().unwrap();
    let cleos = Cleos::new(chain().url(), &wallet);
    let json_page = |state: &str, from_id: u64, limit: u32| {
        cleos_agenda(&cleos, soviet(), council.coop, state, "", from_id, limit).unwrap_or_else(|e| panic!("cleos: {e}"))
    };
    let number = |v: &Value| v.as_u64().or_else(|| v.as_str().and_then(|s| s.parse().ok())).unwrap();
    let mut from_id = 0;
    for expected in [&first, &second, &third] {
        let got = json_page("", from_id, 3);
        assert_eq!(got, page_json(expected), "cleos page from {from_id}");
        from_id = number(&got["next_id"]);
    }
    assert_eq!(from_id, 0);
    let approved = json_page("approved", 0, 10);
    let first_approved = &approved["decisions"][0];
    assert_eq!(number(&first_approved["id"]), all[1]);
    assert_eq!(first_approved["state"], "approved");
    assert_eq!(first_approved["kind"], "joincoop");
    assert_eq!(first_approved["username"], other.name.to_string());
    assert_eq!((first_approved["votes_for"].clone(), first_approved["voting_members"].clone()), (json!(2), json!(2)));
    eprintln!("cleos agenda page: {}", serde_json::to_string_pretty(&approved).unwrap());
}

/// A page as nodeos shows it in JSON.
fn page_json(page: &AgendaPage) -> Value {
    let name = |n: Name| if n.as_u64() == 0 { String::new() } else { n.to_string() };
    let items: Vec<Value> = page
        .decisions
        .iter()
        .map(|d| {
            json!({
                "id": d.id,
                "kind": name(d.kind),
                "username": name(d.username),
                "ref_id": d.ref_id,
                "proposer": name(d.proposer),
                "statement_hash": hex::encode(d.statement_hash.to_bytes()),
                "state": name(d.state),
                "votes_for": d.votes_for,
                "votes_against": d.votes_against,
                "voting_members": d.voting_members,
                "created_at": format_time(d.created_at.as_secs()),
                "expires_at": format_time(d.expires_at.as_secs()),
                "authorized_by": name(d.authorized_by),
                "actions": d.actions.iter().map(|a| json!({
                    "account": name(a.account),
                    "name": name(a.name),
                    "data": hex::encode(&a.data),
                })).collect::<Vec<_>>(),
            })
        })
        .collect();
    json!({ "decisions": items, "next_id": page.next_id })
}

#[test]
fn one_call_reads_a_bounded_number_of_decisions() {
    let council = Council::new(1, 1);
    let total = AGENDA_SCAN_LIMIT as u64 + 20;
    give_ram(council.coop, 600 * total as u32);
    let all = propose_many(&council, council.others[0].name, total);
    assert_eq!(all.len() as u64, total);

    // Nothing is authorized: the first call reads the scan limit and says where to go on.
    let outcome = chain()
        .read_only(
            soviet(),
            &Agenda {
                coopname: council.coop,
                state: STATE_AUTHORIZED,
                person: ALL,
                from_id: 0,
                limit: MAX_AGENDA_LIMIT,
            },
        )
        .unwrap();
    let first: AgendaPage = outcome.return_value();
    assert_eq!((first.decisions.len(), first.next_id), (0, all[AGENDA_SCAN_LIMIT]));
    let elapsed = outcome.raw["processed"]["action_traces"][0]["elapsed"].as_u64().unwrap_or(0);
    eprintln!("agenda: {AGENDA_SCAN_LIMIT} decisions read in {elapsed} µs");
    let rest = page(&council, STATE_AUTHORIZED, ALL, first.next_id, MAX_AGENDA_LIMIT);
    assert_eq!((rest.decisions.len(), rest.next_id), (0, 0));

    // A full page of the largest size, and the whole agenda in pages.
    let full = page(&council, STATE_OPEN, ALL, 0, MAX_AGENDA_LIMIT);
    assert_eq!((ids(&full), full.next_id), (all[..100].to_vec(), all[100]));
    let (open, calls) = chain().agenda_all(council.coop, STATE_OPEN, ALL, MAX_AGENDA_LIMIT).unwrap();
    assert_eq!((open.iter().map(|d| d.id).collect::<Vec<_>>(), calls), (all.clone(), 3));
}

#[test]
fn bad_queries_are_refused_with_their_messages() {
    let council = Council::new(1, 0);
    let query = |state: Name, limit: u32| Agenda { coopname: council.coop, state, person: ALL, from_id: 0, limit };
    assert_eq!(agenda_fails(&query(ALL, 0)), ERR_LIMIT_ZERO);
    assert_eq!(agenda_fails(&query(ALL, MAX_AGENDA_LIMIT + 1)), ERR_LIMIT_TOO_LARGE);
    assert_eq!(agenda_fails(&query(ALL, u32::MAX)), ERR_LIMIT_TOO_LARGE);
    assert_eq!(agenda_fails(&query(tally::OUTCOME_PENDING, 10)), ERR_BAD_AGENDA_STATE);
    let stranger = Agenda { coopname: chain().unique_name("nocoop"), ..query(ALL, 10) };
    assert_eq!(agenda_fails(&stranger), ERR_BOARD_NOT_FOUND);
    // The bounds themselves are fine.
    assert_eq!(page(&council, ALL, ALL, 0, 1), AgendaPage::default());
    assert_eq!(page(&council, ALL, ALL, 0, MAX_AGENDA_LIMIT), AgendaPage::default());

    // cleos reports the same messages.
    let wallet = Wallet::start().unwrap();
    let cleos = Cleos::new(chain().url(), &wallet);
    let cleos_fails = |state: &str, limit: u32| match cleos_agenda(&cleos, soviet(), council.coop, state, "", 0, limit)
    {
        Ok(page) => panic!("agenda {state:?} {limit} succeeded: {page}"),
        Err(e) => e.assertion().unwrap_or_else(|| panic!("no assertion: {e}")).to_string(),
    };
    assert_eq!(cleos_fails("", 0), ERR_LIMIT_ZERO);
    assert_eq!(cleos_fails("", 101), ERR_LIMIT_TOO_LARGE);
    assert_eq!(cleos_fails("pending", 10), ERR_BAD_AGENDA_STATE);
}

#[test]
fn the_agenda_needs_no_signature_and_writes_nothing() {
    let chain = chain();
    let council = Council::new(2, 1);
    let approved = council.free_decision();
    council.approve(approved);
    let authorized = council.authorized_decision();
    let open: u64 = council.free_decision_by(&council.others[0]).return_value();
    council.vote_against(&council.members[1], open);

    let people: Vec<Name> = std::iter::once(council.coop)
        .chain(council.voters().iter().map(|p| p.name))
        .chain(council.others.iter().map(|p| p.name))
        .collect();
    let ram = || -> Vec<i64> { people.iter().map(|p| ram_usage(*p)).collect() };
    // The contract accounts but the operator, which pays for the councils that tests
    // running alongside create.
    let contracts = || [chain.peers.registrator, soviet(), chain.peers.wallet].map(ram_usage);
    let tables = || {
        let raw = |scope: Name, table: &str, lower: Option<u64>, limit: u32| {
            chain.client.get_table_rows_raw(soviet(), scope, table, lower, limit).unwrap().rows
        };
        let coop = council.coop.as_u64();
        (
            chain.client.rows_raw(soviet(), council.coop, "decisions").unwrap(),
            chain.client.rows_raw(soviet(), council.coop, "proposers").unwrap(),
            raw(soviet(), "boards", Some(coop), 1),
            raw(soviet(), "counters", Some(coop), 1),
        )
    };
    let (ram_before, contracts_before, tables_before) = (ram(), contracts(), tables());
    let first_block = chain.client.get_info().unwrap().head_block_num;
    let mut read_only_ids = Vec::new();
    assert_eq!(tables_before.0.len(), 3);

    for state in [ALL, STATE_OPEN, STATE_APPROVED, STATE_AUTHORIZED, STATE_DECLINED, STATE_EXPIRED] {
        for person in [ALL, council.others[0].name, council.chairman.name] {
            let query = Agenda { coopname: council.coop, state, person, from_id: 0, limit: 2 };
            // No authorization on the action, no signature on the transaction.
            let action = query.to_action(soviet(), &[]);
            assert!(action.authorization.is_empty());
            let outcome = chain.client.read_only(vec![action]).unwrap();
            assert!(outcome.ram_deltas.is_empty(), "{:?}", outcome.ram_deltas);
            assert_eq!(outcome.cpu_usage_us, 0, "nobody is billed");
            read_only_ids.push(outcome.transaction_id.clone());
            let _: AgendaPage = outcome.return_value();
        }
    }
    let all = page(&council, ALL, ALL, 0, 10);
    assert_eq!(
        all.decisions.iter().map(|d| (d.id, d.state)).collect::<Vec<_>>(),
        vec![(approved, STATE_APPROVED), (authorized, STATE_AUTHORIZED), (open, STATE_OPEN)]
    );

    // The same action in an ordinary transaction (signed by `eosio`, which is billed for
    // it) also writes nothing, but lands in a block; the read-only ones never do.
    let query = Agenda { coopname: council.coop, state: ALL, person: ALL, from_id: 0, limit: 1 };
    let ordinary = chain.ok(soviet(), &[SYSTEM], &query);
    assert!(ordinary.cpu_usage_us > 0);
    assert_eq!(ids(&ordinary.return_value::<AgendaPage>()), vec![approved]);
    let last_block = chain.client.wait_blocks(2).unwrap().head_block_num;
    let mut in_blocks = Vec::new();
    for num in first_block..=last_block {
        let block = chain.client.call("/v1/chain/get_block", &json!({ "block_num_or_id": num })).unwrap();
        for trx in block["transactions"].as_array().into_iter().flatten() {
            in_blocks.push(trx["trx"]["id"].as_str().unwrap_or_default().to_string());
        }
    }
    assert!(in_blocks.contains(&ordinary.transaction_id));
    assert!(read_only_ids.iter().all(|id| !in_blocks.contains(id)), "a read-only transaction is in a block");
    assert_eq!(ram(), ram_before, "nobody's RAM changed");
    assert_eq!(contracts(), contracts_before, "the contracts' RAM did not change");
    assert_eq!(tables(), tables_before, "the tables are byte-identical");
}
