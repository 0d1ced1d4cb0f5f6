//! Free decisions of a test cooperative's council carried through their whole cycle:
//! proposed, approved by every council member, authorised by the chairman, executed.
use crate::client::{ChainError, PushOutcome};
use crate::cooperative::TestCoop;
use crate::fixture::TestChain;
use coop_protocol::soviet::{CouncilAction, Exec, Freedecision};

impl TestChain {
    /// A free decision of `coop` carrying `actions`: proposed (by the first council member,
    /// or the chairman when there is none), approved by the whole council and authorised by
    /// the chairman over exactly those actions. Returns its id.
    pub fn council_authorizes(&self, coop: &TestCoop, actions: Vec<CouncilAction>) -> u64 {
        let proposer = coop.members.first().unwrap_or(&coop.chairman);
        let proposal = Freedecision {
            coopname: coop.name,
            proposer: proposer.name,
            statement: Default::default(),
            actions: actions.clone(),
        };
        let proposal = proposer.signs(&self.peers, "Proposal to the council", proposal);
        let id: u64 = self.ok(self.peers.soviet, &[proposer.name], &proposal).return_value();
        for voter in coop.council() {
            self.vote_for(coop, voter, id);
        }
        let text = format!("Decision {id} of the council");
        let authorization = coop.chairman.authorization(&self.peers, coop.name, id, &actions, &text);
        self.ok(self.peers.soviet, &[coop.chairman.name], &authorization);
        id
    }

    /// As [`TestChain::council_authorizes`], then `exec` by the chairman: the chain's answer.
    pub fn council_decides(&self, coop: &TestCoop, actions: Vec<CouncilAction>) -> Result<PushOutcome, ChainError> {
        let id = self.council_authorizes(coop, actions);
        let executer = coop.chairman.name;
        self.push(self.peers.soviet, &[executer], &Exec { executer, coopname: coop.name, decision_id: id })
    }
}
