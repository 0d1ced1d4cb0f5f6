//! Branches (кооперативные участки): `createbranch`, `deletebranch`, `selectbranch`, and
//! the `braname` rule every application follows.
use super::{consent_of, cooperatives::active_coop, own_rows, rows, signer_for, verify_statement};
use coop_protocol::registrator::{errors::*, *};
use coop_runtime::chain;
use eosio::Name;

/// Longest branch title, in bytes.
pub const MAX_TITLE: usize = 256;

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
fn set_branch_count(mut coop: Cooperative, count: u32) {
    coop.branch_count = count;
    coop.is_branched = is_branched(count);
    own_rows::<Coops>().update(&coop, ERR_COOP_NOT_FOUND);
}

/// See [`Registrator::createbranch`].
pub fn createbranch(data: Createbranch) {
    chain::require_auth(data.coopname);
    let coop = active_coop(data.coopname);
    let branches = rows::<Branches>(data.coopname);
    chain::check(data.braname.as_u64() != 0, ERR_BAD_BRANCH_NAME);
    chain::check(!branches.contains(data.braname.as_u64()), ERR_BRANCH_EXISTS);
    let trustee = rows::<Participants>(data.coopname).get(data.trustee.as_u64());
    chain::check(trustee.is_some_and(|p| p.is_accepted_individual()), ERR_TRUSTEE_NOT_INDIVIDUAL);
    chain::check(data.title.len() <= MAX_TITLE, ERR_TEXT_TOO_LONG);

    branches.save(
        data.coopname,
        &Branch {
            braname: data.braname,
            trustee: data.trustee,
            title: data.title,
            members: 0,
            created_at: chain::now(),
            applications: 0,
        },
    );
    let count = coop.branch_count + 1;
    set_branch_count(coop, count);
}

/// See [`Registrator::deletebranch`].
pub fn deletebranch(data: Deletebranch) {
    chain::require_auth(data.coopname);
    let coop = active_coop(data.coopname);
    let branches = rows::<Branches>(data.coopname);
    let branch = branches.get_or_fail(data.braname.as_u64(), ERR_BRANCH_NOT_FOUND);
    chain::check(branch.members == 0 && branch.applications == 0, ERR_BRANCH_HAS_MEMBERS);

    branches.erase(data.braname.as_u64());
    let count = coop.branch_count.saturating_sub(1);
    set_branch_count(coop, count);
}

/// See [`Registrator::selectbranch`].
pub fn selectbranch(data: Selectbranch) {
    signer_for(data.coopname, data.username);
    active_coop(data.coopname);
    let participants = rows::<Participants>(data.coopname);
    let mut member = participants.get_or_fail(data.username.as_u64(), ERR_NOT_PARTICIPANT);
    chain::check(rows::<Branches>(data.coopname).contains(data.braname.as_u64()), ERR_BRANCH_NOT_FOUND);
    chain::check(member.braname != data.braname, ERR_SAME_BRANCH);
    verify_statement(&data.statement, consent_of(&data));

    if member.braname.as_u64() != 0 {
        join_branch(data.coopname, member.braname, -1);
    }
    join_branch(data.coopname, data.braname, 1);
    member.braname = data.braname;
    participants.update(&member, ERR_NOT_PARTICIPANT);
}
