//! The registrator's action handlers (built for the chain only).
mod accounts;
mod agreements;
mod applications;
mod branches;
mod cooperatives;
mod leaving;
mod members;
mod model;
mod setup;

use coop_protocol::registrator::{errors::*, *};
use coop_runtime::chain;

/// The registrator contract.
pub struct Contract;

impl Registrator for Contract {
    fn init(data: Init) {
        setup::init(data);
    }
    fn regcoop(data: Regcoop) {
        cooperatives::regcoop(data);
    }
    fn setstatus(data: Setstatus) {
        cooperatives::setstatus(data);
    }
    fn newaccount(data: Newaccount) {
        accounts::newaccount(data);
    }
    fn joincoop(data: Joincoop) {
        applications::joincoop(data);
    }
    fn createbranch(data: Createbranch) {
        branches::createbranch(data);
    }
    fn deletebranch(data: Deletebranch) {
        branches::deletebranch(data);
    }
    fn selectbranch(data: Selectbranch) {
        branches::selectbranch(data);
    }
    fn paidjoin(data: Paidjoin) {
        applications::paidjoin(data);
    }
    fn acceptjoin(data: Acceptjoin) {
        applications::acceptjoin(data);
    }
    fn declinejoin(data: Declinejoin) {
        applications::declinejoin(data);
    }
    fn leavecoop(data: Leavecoop) {
        leaving::leavecoop(data);
    }
    fn acceptleave(data: Acceptleave) {
        leaving::acceptleave(data);
    }
    fn declineleave(data: Declineleave) {
        leaving::declineleave(data);
    }
    fn setfees(data: Setfees) {
        cooperatives::setfees(data);
    }
    fn cancelapp(data: Cancelapp) {
        applications::cancelapp(data);
    }
    fn adduser(data: Adduser) {
        members::adduser(data);
    }
    fn changekey(data: Changekey) {
        accounts::changekey(data);
    }
    fn setagreement(data: Setagreement) {
        agreements::setagreement(data);
    }
    fn rmagreement(data: Rmagreement) {
        agreements::rmagreement(data);
    }
    fn agree(data: Agree) {
        agreements::agree(data);
    }
}

/// The table `T` of this contract in `scope`.
fn rows<T: eosio::Table>(scope: eosio::Name) -> chain::Rows<T> {
    chain::Rows::new(chain::current_receiver(), scope)
}

/// The table `T` of this contract in its own scope.
fn own_rows<T: eosio::Table>() -> chain::Rows<T> {
    let me = chain::current_receiver();
    chain::Rows::new(me, me)
}

/// Checks a document with the registrator's messages: bounded meta, signed by a key of
/// `consent.signer@active` for exactly `consent` (the action's own context, from
/// `coop_protocol::consent`).
fn verify_statement(document: &coop_runtime::Document, consent: coop_protocol::consent::Consent) {
    chain::check(document.meta.len() <= coop_protocol::soviet::MAX_DOCUMENT_META, ERR_META_TOO_LONG);
    chain::verify_document(document, &consent);
}

/// The context of `data`'s document when this contract accepts it.
fn consent_of<A: coop_protocol::consent::Consented>(data: &A) -> coop_protocol::consent::Consent {
    data.consent(chain::current_receiver(), chain::sha256)
}

/// Who signs for `username` in `coopname`: the person themselves, or the cooperative that
/// created their account (a statement alone is public and could be replayed, so another
/// cooperative cannot act for the person). Returns the signer, who pays for new rows.
fn signer_for(coopname: eosio::Name, username: eosio::Name) -> eosio::Name {
    if chain::has_auth(username) {
        return username;
    }
    let card = own_rows::<Cards>().get(username.as_u64());
    chain::check(chain::has_auth(coopname) && card.is_some_and(|card| card.coopname == coopname), ERR_NOT_AUTHORIZED);
    coopname
}
