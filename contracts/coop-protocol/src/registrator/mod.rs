//! The registrator: account cards, the cooperatives registry, account creation.
//!
//! Tables (scope = the contract): `peers`, `config`, `cards`, `coops`;
//! (scope = the cooperative): `participants`, `branches`, `applications`, `agreetypes`,
//! `agreements`. Each table's doc comment says who pays for its rows, when they are freed
//! and how many one party can create; the registrator account pays only for `init`.
//!
//! History: every document is in the action that carries it (`joincoop`, `agree`,
//! `selectbranch`); the tables keep hashes only.
//! Every action is documented on the [`Registrator`] trait; its messages are in [`errors`].
mod actions;
pub mod errors;
#[cfg(target_arch = "wasm32")]
pub mod readers;
pub mod rules;
mod tables;

use crate::{soviet, wallet};
use errors::*;

pub use actions::*;
pub use tables::*;

coop_runtime::contract_interface! {
    /// The registrator's actions.
    pub trait Registrator {
        /// Sets the peer contracts and what a new account costs its cooperative.
        /// Signed by the registrator account; may be repeated to change the settings.
        init(Init) errors [ERR_BAD_RESOURCES];
        /// Registers a cooperative (status active, not branched) with its founders, who
        /// become accepted individual participants with active cards. Signed by the
        /// operator (`peers.operator`), which pays the rows' RAM.
        regcoop(Regcoop)
            errors [
                ERR_NOT_INITIALIZED, ERR_COOP_ACCOUNT_MISSING, ERR_COOP_EXISTS, ERR_BAD_SYMBOL, ERR_BAD_FEES,
                ERR_TEXT_TOO_LONG, ERR_NO_FOUNDERS, ERR_TOO_MANY_MEMBERS, ERR_DUPLICATE_MEMBER, ERR_FOUNDER_MISSING,
                ERR_CARD_EXISTS,
            ];
        /// Sets a cooperative's status (`active` or `blocked`). Signed by the operator.
        setstatus(Setstatus) errors [ERR_NOT_INITIALIZED, ERR_BAD_STATUS, ERR_COOP_NOT_FOUND];
        /// Creates a person's blockchain account and their card, paid by the cooperative:
        /// `active` = `public_key`, `owner` = the registrator's code (so `changekey` can
        /// restore access), RAM/NET/CPU bought and staked by the cooperative (amounts from
        /// `init`) through its `accounts` permission. Signed by `coopname` (any of its
        /// permissions linked to this action).
        newaccount(Newaccount)
            errors [
                ERR_COOP_NOT_FOUND, ERR_COOP_NOT_ACTIVE, ERR_BAD_USERNAME, ERR_CARD_EXISTS, ERR_ACCOUNT_EXISTS,
                ERR_BAD_TYPE, ERR_REFERER_NOT_FOUND, ERR_TEXT_TOO_LONG, ERR_NOT_INITIALIZED, ERR_COOP_CANNOT_PAY,
            ];
        /// Applies to join a cooperative. Signed by `username` or `coopname`. The statement
        /// must be signed by a key that satisfies `username@active`, for this cooperative
        /// and this `braname` (`consent`: `subject` = `braname`). A branched cooperative
        /// requires `braname`, one of its branches; otherwise an empty `braname` is fine and
        /// a non-empty one must exist. One open application per person and cooperative.
        /// `ERR_AGREEMENT_MISSING` is followed by the first kind not signed at its current
        /// version.
        joincoop(Joincoop)
            errors [
                ERR_NOT_AUTHORIZED, ERR_COOP_NOT_FOUND, ERR_COOP_NOT_ACTIVE, ERR_CARD_NOT_FOUND,
                ERR_ALREADY_PARTICIPANT, ERR_APPLICATION_EXISTS, ERR_BRANCH_REQUIRED, ERR_BRANCH_NOT_FOUND,
                ERR_META_TOO_LONG, ERR_BAD_SIGNATURE, ERR_KEY_NOT_SIGNERS, ERR_AGREEMENT_MISSING,
            ];
        /// Creates a branch led by `trustee`, an accepted individual participant. The
        /// cooperative becomes branched at its third branch. Signed by `coopname`.
        createbranch(Createbranch)
            errors [
                ERR_COOP_NOT_FOUND, ERR_COOP_NOT_ACTIVE, ERR_BAD_BRANCH_NAME, ERR_BRANCH_EXISTS,
                ERR_TRUSTEE_NOT_INDIVIDUAL, ERR_TEXT_TOO_LONG,
            ];
        /// Deletes a branch without members; below three branches the cooperative is no
        /// longer branched. Signed by `coopname`.
        deletebranch(Deletebranch)
            errors [ERR_COOP_NOT_FOUND, ERR_COOP_NOT_ACTIVE, ERR_BRANCH_NOT_FOUND, ERR_BRANCH_HAS_MEMBERS];
        /// An accepted participant chooses or changes their branch. Signed by `username` or
        /// `coopname`; the statement must be signed by the member's key, for this
        /// cooperative and this branch (`consent`: `subject` = `braname`).
        selectbranch(Selectbranch)
            errors [
                ERR_NOT_AUTHORIZED, ERR_COOP_NOT_FOUND, ERR_COOP_NOT_ACTIVE, ERR_NOT_PARTICIPANT,
                ERR_BRANCH_NOT_FOUND, ERR_SAME_BRANCH, ERR_META_TOO_LONG, ERR_BAD_SIGNATURE, ERR_KEY_NOT_SIGNERS,
            ];
        /// The registration payment of an open application was confirmed: the application
        /// goes on the council's agenda (`soviet::propose`, kind `joincoop`). Sent by the
        /// wallet contract only.
        paidjoin(Paidjoin)
            errors [
                ERR_NOT_INITIALIZED, ERR_COOP_NOT_FOUND, ERR_COOP_NOT_ACTIVE, ERR_APPLICATION_NOT_FOUND,
                ERR_APPLICATION_NOT_OPEN,
            ]
            calls [soviet::Propose];
        /// The council's decision was executed: the applicant becomes an accepted
        /// participant with their branch, their card becomes active, the application is
        /// erased, and the wallet books the fees (`wallet::addmember`). Sent by the soviet
        /// contract only, with the cooperative's `contracts` permission: the cooperative
        /// pays the participant's and the wallet's rows.
        acceptjoin(Acceptjoin)
            errors [
                ERR_NOT_INITIALIZED, ERR_APPLICATION_NOT_FOUND, ERR_APPLICATION_NOT_PAID, ERR_COOP_NOT_FOUND,
                ERR_COOP_NOT_ACTIVE, ERR_CARD_NOT_FOUND, ERR_BRANCH_NOT_FOUND,
            ]
            calls [wallet::Addmember];
        /// The council declined (or the decision expired): the application is erased and
        /// the payment marked for refund (`wallet::refundreg`). Sent by the soviet only.
        declinejoin(Declinejoin)
            errors [ERR_NOT_INITIALIZED, ERR_APPLICATION_NOT_FOUND, ERR_APPLICATION_NOT_PAID, ERR_BRANCH_NOT_FOUND]
            calls [wallet::Refundreg];
        /// A member asks to leave: they become `leaving` and a `leave` decision goes on the
        /// council's agenda (`soviet::propose`, paid by the cooperative). While it is open
        /// they cannot deposit or withdraw. Signed by `username`; the statement must be
        /// signed by a key of `username@active` for leaving this cooperative (`consent`).
        /// The chairman cannot leave (the council
        /// must have another chairman first), nor a member with an open withdrawal.
        leavecoop(Leavecoop)
            errors [
                ERR_NOT_INITIALIZED, ERR_COOP_NOT_FOUND, ERR_COOP_NOT_ACTIVE, ERR_NOT_PARTICIPANT,
                ERR_ALREADY_LEAVING, ERR_CHAIRMAN_CANNOT_LEAVE, ERR_LEAVE_WITH_WITHDRAWAL, ERR_META_TOO_LONG,
                ERR_BAD_SIGNATURE, ERR_KEY_NOT_SIGNERS,
            ]
            calls [soviet::Propose];
        /// The council's `leave` decision was executed: the person is no longer a
        /// participant (their row is erased, their branch counts one less, their card is
        /// `pending` again, so they may apply again later), and the wallet makes their whole
        /// share a withdrawal due (`wallet::leftcoop`). Sent by the soviet only.
        acceptleave(Acceptleave)
            errors [
                ERR_NOT_INITIALIZED, ERR_NOT_PARTICIPANT, ERR_NOT_LEAVING, ERR_COOP_NOT_FOUND, ERR_COOP_NOT_ACTIVE,
                ERR_BRANCH_NOT_FOUND,
            ]
            calls [wallet::Leftcoop];
        /// The council's `leave` decision was declined or expired: the person is an
        /// accepted participant again. Sent by the soviet only.
        declineleave(Declineleave) errors [ERR_NOT_INITIALIZED, ERR_NOT_PARTICIPANT, ERR_NOT_LEAVING];
        /// Sets the cooperative's entrance fees and minimum share contributions. Applicants
        /// who already paid are booked with what they paid (kept with their registration
        /// deposit). Signed by `coopname` — in practice through its `council` permission,
        /// by an executed council decision.
        setfees(Setfees) errors [ERR_COOP_NOT_FOUND, ERR_COOP_NOT_ACTIVE, ERR_BAD_FEES];
        /// Withdraws an open application that nobody has paid for: the application is erased
        /// (its RAM goes back to whoever paid it) and its branch no longer counts it. Signed
        /// by `username`, or by `coopname` (the cooperative applied to may drop an unpaid
        /// application, so a stranger's abandoned application cannot keep a branch from
        /// being deleted). A pending registration deposit must be cancelled first
        /// (`wallet::cancel`); a paid application is for the council to decide.
        cancelapp(Cancelapp)
            errors [
                ERR_CANCEL_AUTH, ERR_APPLICATION_NOT_FOUND, ERR_APPLICATION_NOT_OPEN, ERR_NOT_INITIALIZED,
                ERR_APPLICATION_HAS_DEPOSIT, ERR_BRANCH_NOT_FOUND,
            ];
        /// Imports a person who is already a member on paper: account (key `public_key`),
        /// card, accepted participant and wallet entries, in one go. Signed by `coopname`.
        adduser(Adduser)
            errors [
                ERR_ALREADY_PARTICIPANT, ERR_COOP_NOT_FOUND, ERR_COOP_NOT_ACTIVE, ERR_BAD_USERNAME, ERR_CARD_EXISTS,
                ERR_ACCOUNT_EXISTS, ERR_BAD_TYPE, ERR_TEXT_TOO_LONG, ERR_NOT_INITIALIZED, ERR_COOP_CANNOT_PAY,
                ERR_JOINED_IN_FUTURE, ERR_BAD_FEES, ERR_BRANCH_REQUIRED, ERR_BRANCH_NOT_FOUND,
            ]
            calls [wallet::Addmember];
        /// Replaces a member's active key (key recovery after a lost key). Only through an
        /// executed free decision of the council of the cooperative that created the account:
        /// signed exactly `coopname@council` and sent by the soviet (on `exec`), so neither
        /// the provider nor the cooperative's own key can change a key — not even by
        /// rewriting `coop@council`. The proposal (`soviet::freedecision`
        /// carrying this action) announces the change on chain at once, and it shows in the
        /// agenda until it is executed or ends.
        changekey(Changekey)
            errors [
                ERR_KEY_CHANGE_NOT_BY_COUNCIL, ERR_COOP_NOT_FOUND, ERR_COOP_NOT_ACTIVE, ERR_NOT_PARTICIPANT,
                ERR_CARD_NOT_FOUND, ERR_NOT_COOPS_CARD,
            ];
        /// Sets an agreement kind's current template version (a new kind, or a raised
        /// version: earlier signatures of that kind become outdated and must be renewed
        /// before the next application; nothing already done is undone). A kind that was
        /// removed comes back only above the version it had. Signed by
        /// `coopname`.
        setagreement(Setagreement)
            errors [
                ERR_COOP_NOT_FOUND, ERR_COOP_NOT_ACTIVE, ERR_BAD_AGREEMENT_KIND, ERR_VERSION_NOT_GREATER,
                ERR_TOO_MANY_AGREEMENTS, ERR_TEXT_TOO_LONG,
            ];
        /// Removes an agreement kind (signatures stay as history); its version is kept in
        /// `retiredkinds`, so the kind can only come back at a higher version (versions only
        /// grow). Signed by `coopname`.
        rmagreement(Rmagreement) errors [ERR_COOP_NOT_FOUND, ERR_COOP_NOT_ACTIVE, ERR_UNKNOWN_AGREEMENT];
        /// A person signs the current version of an agreement; a newer version replaces
        /// their older signature of that kind (the table keeps the document's hash; the
        /// signer pays the person's agreements row). Signed by `username` or `coopname`; the
        /// document must be signed by a key that satisfies `username@active`, for this
        /// cooperative, kind and version (`consent`: `subject` = `kind`, `number` =
        /// `version`): a signature of another version or kind is refused.
        agree(Agree)
            errors [
                ERR_NOT_AUTHORIZED, ERR_COOP_NOT_FOUND, ERR_COOP_NOT_ACTIVE, ERR_CARD_NOT_FOUND,
                ERR_UNKNOWN_AGREEMENT, ERR_WRONG_VERSION, ERR_ALREADY_SIGNED, ERR_META_TOO_LONG, ERR_BAD_SIGNATURE,
                ERR_KEY_NOT_SIGNERS,
            ];
    }
    tables {
        coop_runtime::peers::PeersTable, Config, Cards, Coops, Participants, Branches, Applications,
        AgreementKinds, RetiredKinds, Agreements,
    }
}
