//! What the council tests share: a free decision through its whole cycle, rows to read.
use antelope_test_harness::client::PushOutcome;
use antelope_test_harness::cooperative::{Person, TestCoop};
use antelope_test_harness::fixture::TestChain;
use coop_protocol::registrator::{Cooperative, Coops};
use coop_protocol::soviet::{Authorize, CouncilAction, Freedecision};

/// `freedecision` by `proposer` carrying `actions`.
pub fn propose(chain: &TestChain, coop: &TestCoop, proposer: &Person, actions: Vec<CouncilAction>) -> PushOutcome {
    let data = Freedecision { coopname: coop.name, proposer: proposer.name, statement: Default::default(), actions };
    let data = proposer.signs(&chain.peers, "Proposal to the council", data);
    chain.push(chain.peers.soviet, &[proposer.name], &data).unwrap_or_else(|e| panic!("freedecision: {e}"))
}

/// The chairman's authorisation of decision `id`, signed for it and the actions it carries.
pub fn authorization(chain: &TestChain, coop: &TestCoop, id: u64, actions: &[CouncilAction]) -> Authorize {
    coop.chairman.authorization(&chain.peers, coop.name, id, actions, &format!("Decision {id} of the council"))
}

/// A free decision carrying `actions`, proposed, approved by the whole council and
/// authorised; returns its id.
pub fn authorized(chain: &TestChain, coop: &TestCoop, actions: Vec<CouncilAction>) -> u64 {
    let id: u64 = propose(chain, coop, &coop.members[0], actions.clone()).return_value();
    for voter in coop.council() {
        chain.vote_for(coop, voter, id);
    }
    chain.ok(chain.peers.soviet, &[coop.chairman.name], &authorization(chain, coop, id, &actions));
    id
}

/// The cooperative's registry row.
pub fn coop_row(chain: &TestChain, coop: &TestCoop) -> Cooperative {
    chain.row::<Coops>(chain.peers.registrator, chain.peers.registrator, coop.name.as_u64()).expect("registered")
}
