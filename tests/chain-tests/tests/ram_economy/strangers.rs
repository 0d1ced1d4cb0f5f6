//! No lever for a stranger or a member: everything they may push — agreements, an
//! application and its withdrawal, deposits, free decisions up to their limit, a
//! withdrawal, leaving, the read-only queries, a provider's `operator::act` — is paid by
//! them or by their cooperative, never by our contract accounts.
use super::common::{add_share, one_at_a_time};
use antelope_test_harness::cooperative::rub;
use antelope_test_harness::fixture::TestChain;
use coop_protocol::operator::{errors::ERR_PROVIDER_NOT_FOUND, Act, ProviderAction};
use coop_protocol::registrator::{Cancelapp, Joincoop, Leavecoop, TYPE_INDIVIDUAL};
use coop_protocol::soviet::{errors::ERR_TOO_MANY_FREE_DECISIONS, Freedecision, MAX_OPEN_FREE_DECISIONS};
use coop_protocol::wallet::{Deposit, Withdraw, KIND_REGISTRATION, KIND_SHARE};
use eosio::Name;

#[test]
fn what_strangers_and_members_may_push_never_grows_our_contracts_ram() {
    let _serial = one_at_a_time();
    let chain = TestChain::shared();
    let coop = chain.new_cooperative();
    let elsewhere = chain.new_cooperative();
    let (r, s, w) = (chain.peers.registrator, chain.peers.soviet, chain.peers.wallet);
    // A stranger: an account of another cooperative. (Its creation is the other
    // cooperative's first token payment, which moves that cooperative's token balance row,
    // paid by the operator at connection, to the cooperative: done before measuring.)
    let (stranger, _) = chain.new_member_account(&elsewhere, "strngr", "individual");
    let before = chain.contracts_ram_usage();

    // The stranger signs the agreements, applies, announces a registration payment, then
    // withdraws the application.
    chain.sign_agreements(&coop, &stranger);
    let apply =
        Joincoop { coopname: coop.name, braname: Name::new(0), username: stranger.name, statement: Default::default() };
    let apply = stranger.signs(&chain.peers, "I apply", apply);
    chain.ok(r, &[stranger.name], &apply);
    let fee = chain.registration_fee(&coop, TYPE_INDIVIDUAL);
    let pay = Deposit {
        coopname: coop.name,
        username: stranger.name,
        kind: KIND_REGISTRATION,
        quantity: fee,
        memo: "x".into(),
    };
    let deposit_id: u64 = chain.ok(w, &[stranger.name], &pay).return_value();
    let cancel = coop_protocol::wallet::Cancel { coopname: coop.name, deposit_id, reason: String::new() };
    chain.ok(w, &[coop.name], &cancel);
    chain.ok(r, &[stranger.name], &Cancelapp { coopname: coop.name, username: stranger.name });

    // A member: share deposits, free decisions up to the limit, a withdrawal, leaving.
    let member = &coop.members[0];
    add_share(chain, &coop, member, "3.0000");
    for i in 0..MAX_OPEN_FREE_DECISIONS {
        let question =
            Freedecision { coopname: coop.name, proposer: member.name, statement: Default::default(), actions: vec![] };
        let question = member.signs(&chain.peers, &format!("Question {i}"), question);
        chain.ok(s, &[member.name], &question);
    }
    let one_more =
        Freedecision { coopname: coop.name, proposer: member.name, statement: Default::default(), actions: vec![] };
    let one_more = member.signs(&chain.peers, "More", one_more);
    assert_eq!(chain.fails(s, &[member.name], &one_more), ERR_TOO_MANY_FREE_DECISIONS);
    let other = &coop.members[1];
    let share = Deposit {
        coopname: coop.name,
        username: other.name,
        kind: KIND_SHARE,
        quantity: rub("1.0000"),
        memo: "".into(),
    };
    chain.ok(w, &[other.name], &share);
    add_share(chain, &coop, other, "2.0000");
    let withdraw =
        Withdraw { coopname: coop.name, username: other.name, quantity: rub("1.0000"), statement: Default::default() };
    let withdraw = other.signs(&chain.peers, "w", withdraw);
    chain.ok(w, &[other.name], &withdraw);
    let leave = Leavecoop { coopname: coop.name, username: member.name, statement: Default::default() };
    let leave = member.signs(&chain.peers, "I leave", leave);
    chain.ok(r, &[member.name], &leave);
    // The provider's software, through `operator::act`: the forwarded rows are paid as when
    // the cooperative pushes them (`act` itself writes nothing); a stranger naming a
    // cooperative in `act` is refused before anything is forwarded.
    let via_provider = Deposit {
        coopname: coop.name,
        username: other.name,
        kind: KIND_SHARE,
        quantity: rub("1.0000"),
        memo: "via the provider".into(),
    };
    let forwarded: u64 = chain
        .provider_act(&coop, w, &via_provider)
        .expect("the provider forwards a deposit")
        .inline_actions(w, "deposit")[0]
        .decode_return_value()
        .expect("the deposit id");
    let cancel = coop_protocol::wallet::Cancel { coopname: coop.name, deposit_id: forwarded, reason: String::new() };
    chain.provider_act(&coop, w, &cancel).expect("the provider cancels it");
    let act =
        Act { provider: stranger.name, coopname: coop.name, actions: vec![ProviderAction::new(w, &via_provider)] };
    assert_eq!(chain.fails(chain.peers.operator, &[stranger.name], &act), ERR_PROVIDER_NOT_FOUND);
    // Read-only queries write nothing at all.
    chain.agenda(coop.name, Name::new(0), Name::new(0), 0, 100).expect("the agenda");
    chain.deposits_of(coop.name, Name::new(0), Name::new(0), 0, 100).expect("the deposits");

    assert_eq!(chain.contracts_ram_usage(), before, "our contract accounts paid for nothing");
}
