//! What a hostile review found around key recovery and leaving, refused: the cooperative's
//! own key cannot change a member's key (not even through a rewritten `coop@council`); a
//! recovered person removes what a key thief added; a leaver's payout cannot be failed
//! back into a wallet nobody can draw on.
use super::common::{chain, push_as};
use antelope_test_harness::cooperative::council_action;
use antelope_test_harness::deploy::permission_authority;
use coop_protocol::registrator::{errors as reg, Changekey, Leavecoop};
use coop_protocol::soviet::council::COUNCIL_PERMISSION;
use coop_protocol::soviet::{Freedecision, Setttl, Voteagainst};
use coop_protocol::wallet::{errors as wal, Failwithdr, Payout, Wallets, Withdrawals};
use coop_runtime::action::level;
use coop_runtime::system::{Authority, DeleteAuth, LinkAuth, UnlinkAuth, UpdateAuth, ACTIVE, EOSIO_CODE, SYSTEM};
use coop_runtime::ActionData;
use eosio::Name;

#[test]
fn the_cooperatives_own_key_cannot_change_a_key_even_through_a_rewritten_council_permission() {
    let chain = chain();
    let r = chain.peers.registrator;
    let coop = chain.new_cooperative();
    // `coop@council` is a child of `coop@active`: the cooperative's key may rewrite it,
    // keeping the soviet's code in it so that nothing else looks different.
    let stealth = UpdateAuth {
        account: coop.name,
        permission: COUNCIL_PERMISSION,
        parent: ACTIVE,
        auth: Authority::key_and_accounts(coop.key.public_key(), &[level(chain.peers.soviet, EOSIO_CODE)]),
    };
    push_as(SYSTEM, coop.name, ACTIVE, &stealth, &coop.key).expect("its own permission");
    let taken = chain.new_key();
    let takeover = Changekey { coopname: coop.name, username: coop.chairman.name, public_key: taken.public_key() };
    let error = push_as(r, coop.name, COUNCIL_PERMISSION, &takeover, &coop.key).unwrap_err();
    assert_eq!(error.assertion_message(), Some(reg::ERR_KEY_CHANGE_NOT_BY_COUNCIL));
    let active = permission_authority(&chain.client, coop.chairman.name, ACTIVE).unwrap();
    assert_eq!(active, Authority::key(coop.chairman.key.public_key()), "the chairman's key is theirs");
}

#[test]
fn after_recovery_the_person_removes_what_a_key_thief_added() {
    let chain = chain();
    let (r, soviet) = (chain.peers.registrator, chain.peers.soviet);
    let coop = chain.new_cooperative();
    let victim = &coop.members[1];
    // The thief, with the stolen key, hides a permission of its own under `active` and
    // links the council votes to it.
    let thief = chain.new_key();
    let hideout = coop_runtime::n("helper");
    let child = UpdateAuth {
        account: victim.name,
        permission: hideout,
        parent: ACTIVE,
        auth: Authority::key(thief.public_key()),
    };
    push_as(SYSTEM, victim.name, ACTIVE, &child, &victim.key).unwrap();
    let link = LinkAuth { account: victim.name, code: soviet, type_: Voteagainst::NAME, requirement: hideout };
    push_as(SYSTEM, victim.name, ACTIVE, &link, &victim.key).unwrap();

    // The council gives the person a new key: `active` only (documented).
    let fresh = chain.new_key();
    let change = Changekey { coopname: coop.name, username: victim.name, public_key: fresh.public_key() };
    chain.council_decides(&coop, vec![council_action(r, &change)]).unwrap();
    let proposer = &coop.members[0];
    let proposal = Freedecision {
        coopname: coop.name,
        proposer: proposer.name,
        statement: Default::default(),
        actions: vec![council_action(soviet, &Setttl { coopname: coop.name, seconds: 3600 })],
    };
    let proposal = proposer.signs(&chain.peers, "Proposal", proposal);
    let id: u64 = chain.ok(soviet, &[proposer.name], &proposal).return_value();
    let vote = Voteagainst { coopname: coop.name, member: victim.name, decision_id: id };

    // With `active` back, the person removes the thief's link and permission (README,
    // "Key recovery"); from then on the thief's key is worth nothing.
    let unlink = UnlinkAuth { account: victim.name, code: soviet, type_: Voteagainst::NAME };
    push_as(SYSTEM, victim.name, ACTIVE, &unlink, &fresh).unwrap();
    push_as(SYSTEM, victim.name, ACTIVE, &DeleteAuth { account: victim.name, permission: hideout }, &fresh).unwrap();
    let error = push_as(soviet, victim.name, hideout, &vote, &thief).unwrap_err();
    assert_eq!(error.name(), Some("transaction_exception"), "the permission is gone: {error}");
    push_as(soviet, victim.name, ACTIVE, &vote, &fresh).expect("the person votes with the new key");
}

#[test]
fn a_leavers_payout_cannot_fail_back_into_a_wallet_nobody_can_draw_on() {
    let chain = chain();
    let (r, w) = (chain.peers.registrator, chain.peers.wallet);
    let coop = chain.new_cooperative();
    let person = chain.admit(&coop, "leaver", Name::new(0));
    let leave = Leavecoop { coopname: coop.name, username: person.name, statement: Default::default() };
    let leave = person.signs(&chain.peers, "I leave", leave);
    chain.ok(r, &[person.name], &leave);
    let decision = chain.decision_about(&coop, "leave", person.name).expect("a leave decision");
    for voter in coop.council() {
        chain.vote_for(&coop, voter, decision.id);
    }
    chain.authorize(&coop, decision.id);
    let executed = chain.exec(&coop, coop.chairman.name, decision.id);
    let withdraw_id: u64 = executed.inline_actions(w, "leftcoop")[0].decode_return_value().unwrap();
    let before = (chain.rows::<Withdrawals>(w, coop.name), chain.rows::<Wallets>(w, coop.name));

    let failed = Failwithdr { coopname: coop.name, withdraw_id, reason: "bank returned it".into() };
    assert_eq!(chain.fails(w, &[coop.name], &failed), wal::ERR_LEAVER_PAYOUT_CANNOT_FAIL);
    assert_eq!((chain.rows::<Withdrawals>(w, coop.name), chain.rows::<Wallets>(w, coop.name)), before);
    chain.ok(w, &[coop.name], &Payout { coopname: coop.name, withdraw_id, memo: "paid".into() });
    assert!(chain.row::<Withdrawals>(w, coop.name, withdraw_id).is_none());
}
