//! Branches: the `braname` rule every application follows, and the counts on each branch.
use crate::handlers::{own_rows, rows};
use coop_protocol::registrator::{errors::*, *};
use coop_runtime::chain;
use eosio::Name;

/// The `braname` rule: a branched cooperative requires one of its branches; otherwise an
/// empty name is fine and a non-empty one must be a branch of this cooperative.
pub fn check_branch_choice(coop: &Cooperative, braname: Name) {
    if braname.as_u64() == 0 {
        chain::check(!coop.is_branched, ERR_BRANCH_REQUIRED);
    } else {
        chain::check(rows::<Branches>(coop.username).contains(braname.as_u64()), ERR_BRANCH_NOT_FOUND);
    }
}

/// Adds `delta` (+1 or -1) to a branch's member count.
pub fn join_branch(coopname: Name, braname: Name, delta: i32) {
    let branches = rows::<Branches>(coopname);
    let mut branch = branches.get_or_fail(braname.as_u64(), ERR_BRANCH_NOT_FOUND);
    branch.members = branch.members.saturating_add_signed(delta);
    branches.update(&branch, ERR_BRANCH_NOT_FOUND);
}

/// Adds `delta` (+1 or -1) to the number of applications naming a branch.
pub fn count_application(coopname: Name, braname: Name, delta: i32) {
    let branches = rows::<Branches>(coopname);
    let mut branch = branches.get_or_fail(braname.as_u64(), ERR_BRANCH_NOT_FOUND);
    branch.applications = branch.applications.saturating_add_signed(delta);
    branches.update(&branch, ERR_BRANCH_NOT_FOUND);
}

/// Sets the branch count and keeps `is_branched` equal to `count >= 3`.
pub fn set_branch_count(mut coop: Cooperative, count: u32) {
    coop.branch_count = count;
    coop.is_branched = is_branched(count);
    own_rows::<Coops>().update(&coop, ERR_COOP_NOT_FOUND);
}
