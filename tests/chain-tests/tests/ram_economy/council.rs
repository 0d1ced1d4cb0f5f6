//! The council's agenda costs its members nothing: a cooperative fresh from `connect`
//! (the localnet's default resources) runs many registrations; voting and authorising
//! never change a council member's RAM; finished decisions are erased.
use antelope_test_harness::fixture::TestChain;
use coop_protocol::soviet::Decisions;
use eosio::Name;

/// The number of full registrations the first test runs (the bar).
const REGISTRATIONS: usize = 30;

#[test]
fn a_fresh_cooperative_runs_thirty_registrations_and_its_council_pays_nothing() {
    let _serial = super::common::one_at_a_time();
    let chain = TestChain::shared();
    let coop = chain.new_cooperative();
    let council_ram = || coop.council().iter().map(|p| (p.name, chain.ram_usage(p.name))).collect::<Vec<_>>();

    let fresh = chain.ram(coop.name);
    chain.admit(&coop, "first", Name::new(0));
    let council_after_first = council_ram();
    let contracts_after_first = chain.contracts_ram_usage();
    for i in 1..REGISTRATIONS {
        let person = chain.admit(&coop, "member", Name::new(0));
        assert!(
            chain
                .row::<coop_protocol::registrator::Participants>(
                    chain.peers.registrator,
                    coop.name,
                    person.name.as_u64()
                )
                .is_some(),
            "registration {} accepted",
            i + 1
        );
    }

    assert_eq!(council_ram(), council_after_first, "council members' RAM after 1 and after {REGISTRATIONS}");
    let now = chain.ram(coop.name);
    eprintln!(
        "cooperative RAM: quota {}, used {} fresh from connect, {} after {REGISTRATIONS} members",
        now.quota, fresh.usage, now.usage
    );
    assert!(now.usage < now.quota, "the cooperative still has RAM");
    assert_eq!(chain.contracts_ram_usage(), contracts_after_first, "our contracts' RAM");
    assert!(chain.rows::<Decisions>(chain.peers.soviet, coop.name).is_empty(), "executed decisions are erased");
}

#[test]
fn votes_and_authorisation_leave_every_signers_ram_unchanged() {
    let _serial = super::common::one_at_a_time();
    let chain = TestChain::shared();
    let coop = chain.new_cooperative();
    let (person, _) = chain.new_member_account(&coop, "voted", "individual");
    chain.apply(&coop, &person, Name::new(0));
    let fee = chain.registration_fee(&coop, coop_protocol::registrator::TYPE_INDIVIDUAL);
    let (deposit_id, _) = chain.pay_registration(&coop, &person, fee);
    let confirmed = chain.confirm_deposit(&coop, deposit_id);
    assert!(confirmed.ram_delta(coop.name) > 0, "the cooperative pays the decision: {:?}", confirmed.ram_deltas);
    let decision = chain.decision_about(&coop, "joincoop", person.name).expect("on the agenda");

    for voter in coop.council() {
        let outcome = chain.vote_for(&coop, voter, decision.id);
        assert!(outcome.ram_deltas.is_empty(), "a vote changes no one's RAM: {:?}", outcome.ram_deltas);
    }
    let authorized = chain.authorize(&coop, decision.id);
    assert!(authorized.ram_deltas.is_empty(), "authorising changes no one's RAM: {:?}", authorized.ram_deltas);

    let executed = chain.exec(&coop, person.name, decision.id);
    assert!(chain.row::<Decisions>(chain.peers.soviet, coop.name, decision.id).is_none(), "erased on exec");
    let p = chain.peers;
    for contract in [p.operator, p.registrator, p.soviet, p.wallet] {
        assert_eq!(executed.ram_delta(contract), 0, "{contract} pays nothing: {:?}", executed.ram_deltas);
    }
}
