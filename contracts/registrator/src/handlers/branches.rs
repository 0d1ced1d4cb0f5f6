//! Branches (кооперативные участки): `createbranch`, `deletebranch`, `selectbranch`, and
//! the `braname` rule every application follows.
use super::model::{
    branches::{join_branch, set_branch_count},
    cooperatives::active_coop,
};
use super::{consent_of, rows, signer_for, verify_statement};
use coop_protocol::registrator::{errors::*, *};
use coop_runtime::chain;

/// Longest branch title, in bytes.
pub const MAX_TITLE: usize = 256;

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
