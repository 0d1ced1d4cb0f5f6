//! `branches` (scope = cooperative): cooperative branches (кооперативные участки).
use alloc::string::String;
use coop_runtime::AbiType;
use eosio::{Name, NumBytes, Read, TimePointSec, Write};

/// A cooperative with at least this many branches is branched: every application
/// must name one of its branches.
pub const BRANCHED_FROM: u32 = 3;

/// Whether a cooperative with `count` branches is branched.
pub const fn is_branched(count: u32) -> bool {
    count >= BRANCHED_FROM
}

/// A branch.
#[derive(Clone, Debug, Default, PartialEq, Read, Write, NumBytes, AbiType)]
pub struct Branch {
    pub braname: Name,
    /// An accepted individual participant who leads the branch.
    pub trustee: Name,
    pub title: String,
    /// Participants whose branch this is (a branch with members cannot be deleted).
    pub members: u32,
    pub created_at: TimePointSec,
    /// Open or paid applications that name this branch (they count as members).
    pub applications: u32,
}

coop_runtime::table!(
    /// Branches by name, scope = cooperative. RAM: paid by the cooperative (it signs
    /// `createbranch`); freed by `deletebranch`; as many as the cooperative pays for.
    Branches, "branches", Branch, |row| row.braname.as_u64()
);
