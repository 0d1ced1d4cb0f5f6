//! Applications to join: `joincoop`, and the steps other contracts drive: `paidjoin`
//! (wallet), `acceptjoin` and `declinejoin` (soviet).
use super::model::{
    agreements::check_all_signed,
    branches::{check_branch_choice, count_application},
    cooperatives::active_coop,
    members::{add_participant, book_fees},
};
use super::{consent_of, own_rows, rows, setup::peers, signer_for, verify_statement};
use coop_protocol::permissions::paid_by_coop;
use coop_protocol::registrator::{errors::*, *};
use coop_protocol::soviet::Propose;
use coop_protocol::soviet::KIND_JOINCOOP;
use coop_protocol::wallet::{Refundreg, RegDeposits};
use coop_runtime::{action::level, chain, system::ACTIVE, Peers};

/// See [`Registrator::joincoop`].
pub fn joincoop(data: Joincoop) {
    let payer = signer_for(data.coopname, data.username);
    let coop = active_coop(data.coopname);
    chain::check(own_rows::<Cards>().contains(data.username.as_u64()), ERR_CARD_NOT_FOUND);
    chain::check(!rows::<Participants>(data.coopname).contains(data.username.as_u64()), ERR_ALREADY_PARTICIPANT);
    let applications = rows::<Applications>(data.coopname);
    chain::check(!applications.contains(data.username.as_u64()), ERR_APPLICATION_EXISTS);
    check_branch_choice(&coop, data.braname);
    verify_statement(&data.statement, consent_of(&data));
    check_all_signed(data.coopname, data.username);

    if data.braname.as_u64() != 0 {
        count_application(data.coopname, data.braname, 1);
    }
    applications.save(
        payer,
        &Application {
            username: data.username,
            braname: data.braname,
            statement_hash: data.statement.hash,
            status: APPLICATION_OPEN,
            deposit_id: 0,
            created_at: chain::now(),
        },
    );
}

/// See [`Registrator::cancelapp`].
pub fn cancelapp(data: Cancelapp) {
    chain::check(chain::has_auth(data.username) || chain::has_auth(data.coopname), ERR_CANCEL_AUTH);
    let applications = rows::<Applications>(data.coopname);
    let application = applications.get_or_fail(data.username.as_u64(), ERR_APPLICATION_NOT_FOUND);
    chain::check(application.status == APPLICATION_OPEN, ERR_APPLICATION_NOT_OPEN);
    let deposits = chain::Rows::<RegDeposits>::new(peers().wallet, data.coopname);
    chain::check(!deposits.contains(data.username.as_u64()), ERR_APPLICATION_HAS_DEPOSIT);

    applications.erase(data.username.as_u64());
    if application.braname.as_u64() != 0 {
        count_application(data.coopname, application.braname, -1);
    }
}

/// See [`Registrator::paidjoin`].
pub fn paidjoin(data: Paidjoin) {
    let peers = peers();
    chain::require_auth(peers.wallet);
    active_coop(data.coopname);
    let applications = rows::<Applications>(data.coopname);
    let mut application = applications.get_or_fail(data.username.as_u64(), ERR_APPLICATION_NOT_FOUND);
    chain::check(application.status == APPLICATION_OPEN, ERR_APPLICATION_NOT_OPEN);

    application.status = APPLICATION_PAID;
    application.deposit_id = data.deposit_id;
    applications.update(&application, ERR_APPLICATION_NOT_FOUND);
    let me = chain::current_receiver();
    chain::send(
        peers.soviet,
        &paid_by_coop(me, data.coopname),
        &Propose {
            coopname: data.coopname,
            kind: KIND_JOINCOOP,
            username: data.username,
            ref_id: data.deposit_id,
            statement_hash: application.statement_hash,
        },
    );
}

/// The paid application of `username`, checked to be sent by the soviet.
fn paid_application(peers: &Peers, coopname: eosio::Name, username: eosio::Name) -> Application {
    chain::require_auth(peers.soviet);
    let application = rows::<Applications>(coopname).get_or_fail(username.as_u64(), ERR_APPLICATION_NOT_FOUND);
    chain::check(application.status == APPLICATION_PAID, ERR_APPLICATION_NOT_PAID);
    application
}

/// See [`Registrator::acceptjoin`].
pub fn acceptjoin(data: Acceptjoin) {
    let peers = peers();
    let application = paid_application(&peers, data.coopname, data.username);
    chain::require_auth(data.coopname);
    active_coop(data.coopname);
    let cards = own_rows::<Cards>();
    let mut card = cards.get_or_fail(data.username.as_u64(), ERR_CARD_NOT_FOUND);
    // Booked with the fees the person paid (kept with their registration deposit), even
    // if the cooperative has changed its fees since.
    let paid = chain::Rows::<RegDeposits>::new(peers.wallet, data.coopname)
        .get_or_fail(data.username.as_u64(), ERR_APPLICATION_NOT_PAID);
    let (initial, minimum) = (paid.initial, paid.minimum);

    rows::<Applications>(data.coopname).erase(data.username.as_u64());
    if application.braname.as_u64() != 0 {
        count_application(data.coopname, application.braname, -1);
    }
    card.status = CARD_ACTIVE;
    cards.update(&card, ERR_CARD_NOT_FOUND);
    add_participant(data.coopname, data.username, card.r#type, application.braname, chain::now(), data.coopname);
    book_fees(data.coopname, data.username, application.deposit_id, initial, minimum);
}

/// See [`Registrator::declinejoin`].
pub fn declinejoin(data: Declinejoin) {
    let peers = peers();
    let application = paid_application(&peers, data.coopname, data.username);
    rows::<Applications>(data.coopname).erase(data.username.as_u64());
    if application.braname.as_u64() != 0 {
        count_application(data.coopname, application.braname, -1);
    }
    let me = chain::current_receiver();
    chain::send(
        peers.wallet,
        &[level(me, ACTIVE)],
        &Refundreg { coopname: data.coopname, username: data.username, deposit_id: application.deposit_id },
    );
}
