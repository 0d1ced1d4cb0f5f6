//! The soviet contract: councils (boards), decisions and votes.
//!
//! Tables (scope = the contract): `peers`, `boards`, `settings`, `counters`;
//! (scope = the cooperative): `decisions`, `proposers`.
//! Every action is documented on the [`Soviet`] trait; its messages are in [`errors`];
//! the approval rule is [`tally`].
//!
//! The decision cycle: `propose` (the registrator or the wallet) or `freedecision` (a
//! participant) → `votefor` / `voteagainst` / `cancelvote` (voting members of the current
//! council) → `authorize` (the chairman, once approved) → `exec` (anyone) runs the effect.
//! A decision that expires, or that the council declines, is ended by `close` (anyone),
//! which sends the owning contract's "declined" action. Statuses only move forward:
//! `open` → `authorized`; `exec` and `close` erase the decision.
//!
//! RAM (see each table's doc comment): the operator pays a cooperative's council and
//! counter at connection; the cooperative pays its agenda (decisions of its contracts,
//! written through its `contracts` permission), its council changes and settings; a
//! participant pays their own free decisions (at most `MAX_OPEN_FREE_DECISIONS` open). A
//! decision row never changes size, so voting and authorizing cost the signer no RAM, and
//! `exec` and `close` erase it, giving the RAM back. The soviet account itself pays for
//! nothing but `init`.
//!
//! History: the documents are in the actions that carry them (`freedecision`,
//! `authorize`, and `joincoop`/`withdraw` for the contracts' questions); the tables keep
//! their hashes only. Votes return the tally, `close` returns its reason.
mod actions;
mod agenda;
pub mod council;
pub mod errors;
mod tables;
pub mod tally;

use crate::{registrator, wallet};
use eosio::Name;
use errors::*;

pub use actions::*;
pub use agenda::*;
pub use tables::*;

coop_runtime::contract_interface! {
    /// The soviet's actions.
    pub trait Soviet {
        /// Sets the peer contracts. Signed by the soviet account; may be repeated.
        init(Init) errors [];
        /// Creates a cooperative's first council: `chairman` (position `chairman`) and
        /// `members` (position `member`), all voting, all accepted individual participants
        /// of the cooperative, at most `MAX_BOARD_MEMBERS` people. Signed by the operator
        /// (`peers.operator`, which sends it while connecting a cooperative); it pays the RAM.
        createboard(Createboard)
            errors [
                ERR_NOT_INITIALIZED, ERR_COOP_NOT_FOUND, ERR_COOP_NOT_ACTIVE, ERR_BOARD_EXISTS, ERR_TOO_MANY_MEMBERS,
                ERR_DUPLICATE_MEMBER, ERR_MEMBER_NOT_INDIVIDUAL,
            ];
        /// Replaces the council with `members` (`{username, position, is_voting}`): exactly
        /// one `chairman`, who votes; the others `member`; each an accepted individual
        /// participant; at most `MAX_BOARD_MEMBERS`. Votes already cast count only for
        /// people who are voting members of the new council. Signed by `coopname`, which
        /// pays the RAM.
        updateboard(Updateboard)
            errors [
                ERR_NOT_INITIALIZED, ERR_COOP_NOT_FOUND, ERR_COOP_NOT_ACTIVE, ERR_BOARD_NOT_FOUND, ERR_BOARD_EMPTY,
                ERR_TOO_MANY_MEMBERS, ERR_BAD_POSITION, ERR_DUPLICATE_MEMBER, ERR_ONE_CHAIRMAN,
                ERR_CHAIRMAN_MUST_VOTE, ERR_MEMBER_NOT_INDIVIDUAL,
            ];
        /// Sets how long the cooperative's new decisions stay open (default
        /// `DEFAULT_DECISION_TTL`, 30 days; from `MIN_DECISION_TTL` to `MAX_DECISION_TTL`
        /// seconds). Existing decisions keep their expiry. Signed by `coopname`, which pays.
        setttl(Setttl) errors [ERR_NOT_INITIALIZED, ERR_COOP_NOT_FOUND, ERR_COOP_NOT_ACTIVE, ERR_BAD_TTL];
        /// Puts a contract's question on the agenda and returns the decision id. Kind
        /// `joincoop` must be signed by the registrator, `withdraw` by the wallet (each
        /// sends it inline and verifies the statement itself), and by the cooperative's
        /// `contracts` permission: the cooperative pays the decision's RAM.
        /// The decision expires after the cooperative's decision lifetime.
        propose(Propose) -> u64
            errors [
                ERR_NOT_INITIALIZED, ERR_BAD_KIND, ERR_COOP_NOT_FOUND, ERR_COOP_NOT_ACTIVE, ERR_BOARD_NOT_FOUND,
                ERR_ACCOUNT_NOT_FOUND,
            ];
        /// A participant's question to the council (kind `free`); returns the decision id.
        /// `actions` (at most `MAX_DECISION_ACTIONS`, possibly none) are governance actions
        /// on the cooperative's own account from the allow-list `council::ALLOWED`
        /// (`registrator::setfees`, `createbranch`, `deletebranch`, `setagreement`,
        /// `rmagreement`, `changekey`; `soviet::setttl`, `updateboard`); they run on `exec`
        /// through the cooperative's `council` permission. Signed by `proposer`, an accepted
        /// participant of the cooperative, who pays the RAM until the decision is executed or
        /// closed; the statement must be signed by the proposer's key for this cooperative and
        /// exactly these actions (`consent`: `terms` = SHA-256 of the packed `actions`). At
        /// most `MAX_OPEN_FREE_DECISIONS` open free decisions per proposer and cooperative.
        freedecision(Freedecision) -> u64
            errors [
                ERR_NOT_INITIALIZED, ERR_COOP_NOT_FOUND, ERR_COOP_NOT_ACTIVE, ERR_BOARD_NOT_FOUND, ERR_NOT_PARTICIPANT,
                ERR_TOO_MANY_FREE_DECISIONS, ERR_TOO_MANY_ACTIONS, ERR_ACTION_NOT_ALLOWED, ERR_ACTION_DATA,
                ERR_ACTION_OTHER_COOP, ERR_META_TOO_LONG, ERR_BAD_SIGNATURE, ERR_KEY_NOT_SIGNERS,
            ];
        /// Votes for an open, unexpired decision (or moves the member's vote from
        /// against) and returns the tally. Signed by `member`, a voting member of the
        /// current council; costs the member no RAM (the vote fills a slot the decision
        /// was created with). A vote that makes approval impossible (see `voteagainst`)
        /// ends the decision at once. `ERR_DECISION_ENDED`: executed, declined or closed.
        votefor(Votefor) -> VoteResult
            errors [
                ERR_NOT_INITIALIZED, ERR_COOP_NOT_FOUND, ERR_COOP_NOT_ACTIVE, ERR_BOARD_NOT_FOUND,
                ERR_NOT_VOTING_MEMBER, ERR_DECISION_ENDED, ERR_DECISION_NOT_FOUND, ERR_DECISION_AUTHORIZED,
                ERR_DECISION_EXPIRED, ERR_ALREADY_VOTED_FOR, ERR_BAD_KIND,
            ]
            calls [registrator::Declinejoin, wallet::Declwithdr, registrator::Declineleave];
        /// Votes against; as `votefor`. The vote that makes approval impossible seals the
        /// decline: the decision is erased in the same transaction and the owner's declined
        /// path runs (`joincoop` → `registrator::declinejoin`, the payment becomes a refund
        /// due; `withdraw` → `wallet::declwithdr`, the amount is unblocked); the returned
        /// outcome is `declined`.
        voteagainst(Voteagainst) -> VoteResult
            errors [
                ERR_NOT_INITIALIZED, ERR_COOP_NOT_FOUND, ERR_COOP_NOT_ACTIVE, ERR_BOARD_NOT_FOUND,
                ERR_NOT_VOTING_MEMBER, ERR_DECISION_ENDED, ERR_DECISION_NOT_FOUND, ERR_DECISION_AUTHORIZED,
                ERR_DECISION_EXPIRED, ERR_ALREADY_VOTED_AGAINST, ERR_BAD_KIND,
            ]
            calls [registrator::Declinejoin, wallet::Declwithdr, registrator::Declineleave];
        /// Withdraws the member's vote; as `votefor`.
        cancelvote(Cancelvote) -> VoteResult
            errors [
                ERR_NOT_INITIALIZED, ERR_COOP_NOT_FOUND, ERR_COOP_NOT_ACTIVE, ERR_BOARD_NOT_FOUND,
                ERR_NOT_VOTING_MEMBER, ERR_DECISION_ENDED, ERR_DECISION_NOT_FOUND, ERR_DECISION_AUTHORIZED,
                ERR_DECISION_EXPIRED, ERR_NO_VOTE, ERR_BAD_KIND,
            ]
            calls [registrator::Declinejoin, wallet::Declwithdr, registrator::Declineleave];
        /// The chairman signs an approved decision: `document` must be signed by a key of
        /// `chairman@active` for this decision of this cooperative and exactly the actions
        /// it carries (`consent`: `number` = `decision_id`, `terms` = SHA-256 of the
        /// decision's packed `council_action[]`, zeros when none). Once only: the decision becomes `authorized` and votes are
        /// closed. Signed by `chairman`, the council's chairman; costs no RAM (the table
        /// keeps the document's hash in a field the decision was created with).
        authorize(Authorize)
            errors [
                ERR_NOT_INITIALIZED, ERR_COOP_NOT_FOUND, ERR_COOP_NOT_ACTIVE, ERR_BOARD_NOT_FOUND, ERR_NOT_CHAIRMAN,
                ERR_DECISION_ENDED, ERR_DECISION_NOT_FOUND, ERR_DECISION_AUTHORIZED, ERR_DECISION_EXPIRED,
                ERR_NOT_APPROVED, ERR_META_TOO_LONG, ERR_BAD_SIGNATURE, ERR_KEY_NOT_SIGNERS,
            ];
        /// Executes an authorized, unexpired decision: `joincoop` →
        /// `registrator::acceptjoin`, `withdraw` → `wallet::allowwithdr`, `leave` →
        /// `registrator::acceptleave` (the member leaves the council too; the chairman
        /// cannot), `free` → its actions, in order, each sent with the cooperative's `council`
        /// permission (a failing action fails the whole `exec`); then the decision is erased
        /// (its RAM goes back to its payer). Signed by `executer` (anyone).
        exec(Exec)
            errors [
                ERR_NOT_INITIALIZED, ERR_COOP_NOT_FOUND, ERR_COOP_NOT_ACTIVE, ERR_DECISION_ENDED,
                ERR_DECISION_NOT_FOUND, ERR_NOT_AUTHORIZED, ERR_DECISION_EXPIRED, ERR_BOARD_NOT_FOUND,
                ERR_CHAIRMAN_CANNOT_LEAVE, ERR_BAD_KIND,
            ]
            calls [
                registrator::Acceptjoin, wallet::Allowwithdr, registrator::Acceptleave, registrator::Setfees,
                registrator::Createbranch, registrator::Deletebranch, registrator::Setagreement,
                registrator::Rmagreement, registrator::Changekey, Setttl, Updateboard,
            ];
        /// Closes a decision that has expired (and was not executed) or that the council
        /// has declined: `joincoop` → `registrator::declinejoin`, `withdraw` →
        /// `wallet::declwithdr`, `leave` → `registrator::declineleave`, `free` → nothing;
        /// then the decision is erased. Returns the reason: `expired` or `declined` (a
        /// decline a board change brought about: a vote that declines ends the decision
        /// itself). Signed by `executer` (anyone).
        close(Close) -> Name
            errors [
                ERR_NOT_INITIALIZED, ERR_DECISION_ENDED, ERR_DECISION_NOT_FOUND, ERR_BOARD_NOT_FOUND, ERR_CANNOT_CLOSE,
                ERR_BAD_KIND,
            ]
            calls [registrator::Declinejoin, wallet::Declwithdr, registrator::Declineleave];
        /// The agenda, read-only: lists `coopname`'s decisions in `state` (`open`,
        /// `approved`, `authorized`, `declined`, `expired`; empty = every state) whose
        /// `username` or `proposer` is `person` (empty = anyone), from decision id `from_id`
        /// upwards, at most `limit` (1 to `MAX_AGENDA_LIMIT`), each with its tally against the
        /// current council. Reads at most `AGENDA_SCAN_LIMIT` decisions per call; `next_id`
        /// is the `from_id` of the next call (0: nothing left). Signed by nobody: send it as a
        /// read-only transaction (`/v1/chain/send_read_only_transaction`, `cleos push action
        /// … --read`), which has no authorizations and writes nothing.
        agenda(Agenda) -> AgendaPage
            errors [ERR_LIMIT_ZERO, ERR_LIMIT_TOO_LARGE, ERR_BAD_AGENDA_STATE, ERR_BOARD_NOT_FOUND];
    }
    tables { coop_runtime::peers::PeersTable, Boards, Settings, Counters, Decisions, Proposers }
}
