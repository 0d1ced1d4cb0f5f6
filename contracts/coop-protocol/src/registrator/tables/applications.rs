//! `applications` (scope = cooperative): open applications to join.
use coop_runtime::{n, AbiType};
use eosio::{Checksum256, Name, NumBytes, Read, TimePointSec, Write};

/// Application status: waiting for the registration payment.
pub const APPLICATION_OPEN: Name = n("open");
/// Application status: payment confirmed, on the council's agenda.
pub const APPLICATION_PAID: Name = n("paid");

/// An application to join.
///
/// RAM: paid by whoever signed `joincoop` (the person, or the cooperative that created
/// their account); freed when the person is accepted or the council declines (or the
/// decision expires and is closed); one per person and cooperative.
#[derive(Clone, Debug, Default, PartialEq, Read, Write, NumBytes, AbiType)]
pub struct Application {
    pub username: Name,
    /// The chosen branch, or empty when the cooperative is not branched.
    pub braname: Name,
    /// SHA-256 of the signed statement (заявление); the document is in `joincoop`.
    pub statement_hash: Checksum256,
    /// `open` or `paid`.
    pub status: Name,
    /// The confirmed registration deposit (0 until paid).
    pub deposit_id: u64,
    pub created_at: TimePointSec,
}

coop_runtime::table!(
    /// Applications by username, scope = cooperative. See [`Application`] for who pays, when
    /// the row is freed and how many one party can create.
    Applications, "applications", Application, |row| row.username.as_u64()
);
