//! The soviet's action handlers (built for the chain only). Each reads: authorise →
//! validate every input → write → send the inline calls, return the result.
mod agenda;
mod boards;
mod decisions;
mod setup;
mod votes;

use coop_protocol::soviet::{tally::Choice, *};

/// The soviet contract.
pub struct Contract;

impl Soviet for Contract {
    fn init(data: Init) {
        coop_runtime::peers::save(data.peers);
    }
    fn createboard(data: Createboard) {
        boards::createboard(data);
    }
    fn updateboard(data: Updateboard) {
        boards::updateboard(data);
    }
    fn setttl(data: Setttl) {
        setup::setttl(data);
    }
    fn propose(data: Propose) -> u64 {
        decisions::propose(data)
    }
    fn freedecision(data: Freedecision) -> u64 {
        decisions::freedecision(data)
    }
    fn votefor(data: Votefor) -> VoteResult {
        votes::vote(data.coopname, data.member, data.decision_id, Some(Choice::For))
    }
    fn voteagainst(data: Voteagainst) -> VoteResult {
        votes::vote(data.coopname, data.member, data.decision_id, Some(Choice::Against))
    }
    fn cancelvote(data: Cancelvote) -> VoteResult {
        votes::vote(data.coopname, data.member, data.decision_id, None)
    }
    fn authorize(data: Authorize) {
        decisions::authorize(data);
    }
    fn exec(data: Exec) {
        decisions::exec(data);
    }
    fn close(data: Close) -> eosio::Name {
        decisions::close(data)
    }
    fn agenda(data: Agenda) -> AgendaPage {
        agenda::agenda(data)
    }
}
