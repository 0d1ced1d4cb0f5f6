//! Deploys our contracts to any Antelope network: code and ABI, the `eosio.code`
//! permission each contract needs to send inline actions, and each contract's `init`.
//! `scripts/deploy` is a thin command over [`deploy_contracts`]; the localnet calls it too.
use crate::boot::{action, core, create_account, deploy_code, dev_public_key, AccountPlan, BootError, StepContext};
use crate::defaults::{default_account_resources, default_connect_resources, CONTRACT_RAM_BYTES};
use crate::tools;
use antelope_client::abi_bin::{pack_abi, parse_abi_json};
use antelope_client::client::{ChainError, Client};
use antelope_client::keys::parse_public_key;
use coop_protocol::operator::{ConnectResources, CONNECT_PERMISSION};
use coop_protocol::registrator::AccountResources;
use coop_runtime::action::level;
use coop_runtime::system::{
    Authority, KeyWeight, PermissionLevelWeight, UpdateAuth, WaitWeight, ACTIVE, EOSIO_CODE, OWNER, SYSTEM,
};
use coop_runtime::system::{LinkAuth, NewAccount};
use coop_runtime::ActionData;
use coop_runtime::Peers;
use eosio::{Name, PermissionLevel};
use serde_json::Value;
use sha2::{Digest, Sha256};

/// The contracts, in the order they are deployed, with their account in `peers`.
pub fn contract_accounts(peers: &Peers) -> [(&'static str, Name); 4] {
    [
        ("registrator", peers.registrator),
        ("soviet", peers.soviet),
        ("wallet", peers.wallet),
        ("operator", peers.operator),
    ]
}

/// What to deploy where.
#[derive(Clone, Debug)]
pub struct DeployPlan {
    /// The accounts the contracts go to (they must exist, with RAM for the code).
    pub peers: Peers,
    /// What a member's account costs its cooperative (`registrator::init`).
    pub account_resources: AccountResources,
    /// What connecting a cooperative costs the operator (`operator::init`).
    pub connect_resources: ConnectResources,
    /// Also give the operator's code `eosio@connect` (linked to `eosio::newaccount`), so it
    /// can create cooperative accounts with short names. Needs `eosio`'s key: on a public
    /// network the chain's owner does this step (see README).
    pub grant_connect: bool,
}

/// Creates the contract accounts at `peers` (the development key, [`CONTRACT_RAM_BYTES`] of
/// RAM, stake, and core tokens for the operator, which pays for cooperatives' accounts), then
/// deploys the contracts with the default resources and `grant_connect`: the localnet's and the
/// test chains' deployment. Idempotent.
pub fn create_and_deploy(client: &Client, peers: &Peers, progress: &mut dyn FnMut(&str)) -> Result<(), BootError> {
    for (contract, account) in contract_accounts(peers) {
        let plan = AccountPlan {
            name: account,
            key: dev_public_key(),
            ram_bytes: CONTRACT_RAM_BYTES,
            net: core("1000.0000"),
            cpu: core("1000.0000"),
            funds: (account == peers.operator).then(|| core("1000000.0000")),
        };
        if create_account(client, SYSTEM, &plan)
            .map_err(|error| BootError::Chain { step: format!("create {contract} account"), error: Box::new(error) })?
        {
            progress(&format!("created account {account} for {contract}"));
        }
    }
    deploy_contracts(
        client,
        &DeployPlan {
            peers: *peers,
            account_resources: default_account_resources(),
            connect_resources: default_connect_resources(),
            grant_connect: true,
        },
        progress,
    )
}

/// Deploys every contract (skipping code that is already there), gives each account's
/// `active` its own `eosio.code`, and runs every `init`. Idempotent.
pub fn deploy_contracts(client: &Client, plan: &DeployPlan, progress: &mut dyn FnMut(&str)) -> Result<(), BootError> {
    for (contract, account) in contract_accounts(&plan.peers) {
        let wasm_path = tools::contract_wasm(contract);
        let wasm = std::fs::read(&wasm_path)
            .map_err(|e| BootError::Other(format!("{}: {e} (run scripts/build first)", wasm_path.display())))?;
        let abi_path = tools::contract_abi(contract);
        let abi_text =
            std::fs::read_to_string(&abi_path).map_err(|e| BootError::Other(format!("{}: {e}", abi_path.display())))?;
        let abi = parse_abi_json(&abi_text).map_err(|e| BootError::Other(format!("{}: {e}", abi_path.display())))?;
        let hash = hex::encode(Sha256::digest(&wasm));
        let on_chain = client.get_code_hash(account).step(&format!("code hash of {account}"))?;
        if on_chain == hash {
            progress(&format!("{contract}: code on {account} is current ({} bytes)", wasm.len()));
            // The ABI may still have changed without the code.
            client
                .push_actions(vec![action(
                    SYSTEM,
                    account,
                    &coop_runtime::system::SetAbi { account, abi: pack_abi(&abi) },
                )])
                .step(&format!("setabi {contract}"))?;
        } else {
            progress(&format!("{contract}: deploying {} bytes to {account}", wasm.len()));
            deploy_code(client, account, wasm, pack_abi(&abi)).step(&format!("deploy {contract}"))?;
        }
        add_code_permission(client, account, account).step(&format!("eosio.code permission of {account}"))?;
    }
    progress("initialising the contracts");
    let peers = plan.peers;
    client
        .push_actions(vec![
            action(
                peers.registrator,
                peers.registrator,
                &coop_protocol::registrator::Init { peers, resources: plan.account_resources.clone() },
            ),
            action(peers.soviet, peers.soviet, &coop_protocol::soviet::Init { peers }),
            action(peers.wallet, peers.wallet, &coop_protocol::wallet::Init { peers }),
            action(
                peers.operator,
                peers.operator,
                &coop_protocol::operator::Init { peers, resources: plan.connect_resources.clone() },
            ),
        ])
        .step("init")?;
    if plan.grant_connect {
        progress("granting eosio@connect to the operator's code");
        grant_connect(client, peers.operator).step("grant eosio@connect")?;
    }
    Ok(())
}

/// Gives `operator@eosio.code` the permission `eosio@connect`, linked to
/// `eosio::newaccount` only. Idempotent. Signed by `eosio`.
///
/// Adds the operator to what `eosio@connect` already holds, never replaces it: a second
/// deployment under other account names (another operator on the same chain, or a move to
/// a new operator account) leaves the first one working. Taking a former operator's code
/// out is a deliberate `eosio::updateauth` of `eosio@connect` by the chain's owner.
pub fn grant_connect(client: &Client, operator: Name) -> Result<(), ChainError> {
    let code = level(operator, EOSIO_CODE);
    let account = client.get_account(SYSTEM)?;
    let permission = account["permissions"]
        .as_array()
        .and_then(|perms| perms.iter().find(|p| p["perm_name"] == CONNECT_PERMISSION.to_string().as_str()))
        .cloned();
    let mut authority = match &permission {
        Some(p) => authority_from_json(&p["required_auth"]),
        None => Authority::accounts(&[]),
    };
    if authority.accounts.iter().any(|a| a.permission == code) {
        return Ok(());
    }
    authority
        .accounts
        .push(PermissionLevelWeight { permission: code, weight: authority.threshold.min(u16::MAX as u32) as u16 });
    authority.accounts.sort_by_key(|a| (a.permission.actor.as_u64(), a.permission.permission.as_u64()));
    let mut actions = vec![action(
        SYSTEM,
        SYSTEM,
        &UpdateAuth { account: SYSTEM, permission: CONNECT_PERMISSION, parent: ACTIVE, auth: authority },
    )];
    // `linkauth` to the permission a link already names is refused by the chain.
    let linked = permission.as_ref().and_then(|p| p["linked_actions"].as_array()).is_some_and(|links| {
        links.iter().any(|l| l["account"] == SYSTEM.to_string().as_str() && l["action"] == "newaccount")
    });
    if !linked {
        actions.push(action(
            SYSTEM,
            SYSTEM,
            &LinkAuth { account: SYSTEM, code: SYSTEM, type_: NewAccount::NAME, requirement: CONNECT_PERMISSION },
        ));
    }
    client.push_actions(actions).map(|_| ())
}

/// Adds `code@eosio.code` to `account@active` (keeping everything already there), so the
/// contract on `code` can send inline actions as `account`. Does nothing if present.
pub fn add_code_permission(client: &Client, account: Name, code: Name) -> Result<(), ChainError> {
    let code_level = level(code, EOSIO_CODE);
    let mut authority = permission_authority(client, account, ACTIVE)?;
    if authority.accounts.iter().any(|a| a.permission == code_level) {
        return Ok(());
    }
    authority.accounts.push(PermissionLevelWeight {
        permission: code_level,
        weight: authority.threshold.min(u16::MAX as u32) as u16,
    });
    authority.accounts.sort_by_key(|a| (a.permission.actor.as_u64(), a.permission.permission.as_u64()));
    client
        .push_actions(vec![action(
            SYSTEM,
            account,
            &UpdateAuth { account, permission: ACTIVE, parent: OWNER, auth: authority },
        )])
        .map(|_| ())
}

/// The authority of `account@permission` as the chain reports it.
pub fn permission_authority(client: &Client, account: Name, permission: Name) -> Result<Authority, ChainError> {
    let info = client.get_account(account)?;
    let wanted = permission.to_string();
    let perm = info["permissions"]
        .as_array()
        .and_then(|perms| perms.iter().find(|p| p["perm_name"] == wanted.as_str()))
        .cloned()
        .unwrap_or_default();
    Ok(authority_from_json(&perm["required_auth"]))
}

/// An authority from `get_account`'s JSON.
pub fn authority_from_json(json: &Value) -> Authority {
    let list = |key: &str| json[key].as_array().cloned().unwrap_or_default();
    Authority {
        threshold: json["threshold"].as_u64().unwrap_or(1) as u32,
        keys: list("keys")
            .iter()
            .filter_map(|k| {
                Some(KeyWeight {
                    key: parse_public_key(k["key"].as_str()?).ok()?,
                    weight: k["weight"].as_u64()? as u16,
                })
            })
            .collect(),
        accounts: list("accounts")
            .iter()
            .filter_map(|a| {
                Some(PermissionLevelWeight {
                    permission: PermissionLevel {
                        actor: a["permission"]["actor"].as_str()?.parse().ok()?,
                        permission: a["permission"]["permission"].as_str()?.parse().ok()?,
                    },
                    weight: a["weight"].as_u64()? as u16,
                })
            })
            .collect(),
        waits: list("waits")
            .iter()
            .filter_map(|w| {
                Some(WaitWeight { wait_sec: w["wait_sec"].as_u64()? as u32, weight: w["weight"].as_u64()? as u16 })
            })
            .collect(),
    }
}
