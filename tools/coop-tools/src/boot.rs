//! Boots a fresh chain like a real one: protocol features, `eosio.bios`, the system
//! accounts, `eosio.token` with the core symbol, `eosio.msig`, then `eosio.system`; and
//! creates the accounts our contracts run on. Used by both the localnet and the tests
//! (one implementation of the boot).
use crate::tools::{self, ToolError};
use antelope_client::client::{ChainError, Client};
use antelope_client::keys::{parse_public_key, PrivateKey, DEV_PRIVATE_KEY, DEV_PUBLIC_KEY};
use coop_runtime::action::level;
use coop_runtime::asset_text::parse_asset;
use coop_runtime::system::{
    Activate, Authority, BuyRamBytes, DelegateBw, NewAccount, SetAbi, SetCode, SetPriv, SystemInit, TokenCreate,
    TokenIssue, TokenTransfer, ACTIVE, SYSTEM, TOKEN,
};
use coop_runtime::{n, ActionData, PublicKey};
use eosio::{Action, Asset, Checksum256, Name, Symbol};
use serde_json::{json, Value};
use sha2::Digest;
use std::fmt;

/// The digest of `PREACTIVATE_FEATURE`, scheduled through the producer API.
pub const PREACTIVATE_FEATURE: &str = "0ec7e080177b2c02b278d5088611686b49d739925a92d9bfcacd7fc6b74053bd";

/// The core token's symbol (`4,AXON`, as on the reference platform).
pub const CORE_SYMBOL: Symbol = coop_runtime::sym(4, "AXON");

/// The system accounts a standard chain has.
pub const SYSTEM_ACCOUNTS: &[&str] = &[
    "eosio.bpay",
    "eosio.msig",
    "eosio.names",
    "eosio.ram",
    "eosio.ramfee",
    "eosio.saving",
    "eosio.stake",
    "eosio.token",
    "eosio.vpay",
    "eosio.rex",
    "eosio.powup",
    "eosio.fees",
];

/// Something that went wrong while booting.
#[derive(Debug)]
pub enum BootError {
    /// The chain refused a step.
    Chain { step: String, error: Box<ChainError> },
    /// A tool or file is missing.
    Tool(ToolError),
    /// Anything else, described.
    Other(String),
}

impl fmt::Display for BootError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            BootError::Chain { step, error } => write!(f, "{step}: {error}"),
            BootError::Tool(error) => write!(f, "{error}"),
            BootError::Other(text) => f.write_str(text),
        }
    }
}

impl std::error::Error for BootError {}

impl From<ToolError> for BootError {
    fn from(error: ToolError) -> Self {
        BootError::Tool(error)
    }
}

/// Adds the step's name to a chain error.
pub(crate) trait StepContext<T> {
    fn step(self, step: &str) -> Result<T, BootError>;
}

impl<T> StepContext<T> for Result<T, ChainError> {
    fn step(self, step: &str) -> Result<T, BootError> {
        self.map_err(|error| BootError::Chain { step: step.to_string(), error: Box::new(error) })
    }
}

/// `amount` of the core token, e.g. `core("100.0000")`.
pub fn core(amount: &str) -> Asset {
    parse_asset(&format!("{amount} AXON")).expect("a valid core amount")
}

/// The development public key, as a wire key.
pub fn dev_public_key() -> PublicKey {
    parse_public_key(DEV_PUBLIC_KEY).expect("the development key parses")
}

/// Packs `data` as an action of `contract`, signed by `actor@active`.
pub fn action<A: ActionData>(contract: Name, actor: Name, data: &A) -> Action<Vec<u8>> {
    data.to_action(contract, &[level(actor, ACTIVE)])
}

/// Boots a chain whose only account is `eosio` (a fresh `nodeos -e -p eosio`).
/// Prints one progress line per step through `progress`. Every step is skipped when the
/// chain already shows its result, so a boot that stopped half-way can simply run again.
pub fn boot_chain(client: &Client, progress: &mut dyn FnMut(&str)) -> Result<(), BootError> {
    client.add_key(DEV_PRIVATE_KEY.parse::<PrivateKey>().map_err(|e| BootError::Other(e.to_string()))?);
    let msig = n("eosio.msig");
    if has_system_contract(client)? {
        progress("chain already booted");
        return Ok(());
    }
    if !has_code(client, SYSTEM)? {
        progress("activating protocol features");
        client
            .call(
                "/v1/producer/schedule_protocol_feature_activations",
                &json!({ "protocol_features_to_activate": [PREACTIVATE_FEATURE] }),
            )
            .step("schedule PREACTIVATE_FEATURE")?;
        client.wait_blocks(2).step("wait for PREACTIVATE_FEATURE")?;
        set_contract(client, SYSTEM, "eosio.bios")?;
        let features = supported_features(client)?;
        let activations: Vec<_> =
            features.iter().map(|digest| action(SYSTEM, SYSTEM, &Activate { feature_digest: *digest })).collect();
        client.push_actions(activations).step("activate protocol features")?;
        client.wait_blocks(2).step("wait for the protocol features")?;
    }

    if !client.account_exists("eosio.token") {
        progress("creating system accounts");
        let key = dev_public_key();
        let creations = SYSTEM_ACCOUNTS
            .iter()
            .map(|name| {
                let account = name_of(name);
                let new_account = NewAccount {
                    creator: SYSTEM,
                    name: account,
                    owner: Authority::key(key),
                    active: Authority::key(key),
                };
                action(SYSTEM, SYSTEM, &new_account)
            })
            .collect();
        client.push_actions(creations).step("create system accounts")?;
    }

    if !has_code(client, TOKEN)? {
        progress("deploying eosio.token and issuing the core token (4,AXON)");
        set_contract(client, TOKEN, "eosio.token")?;
        client
            .push_actions(vec![
                action(TOKEN, TOKEN, &TokenCreate { issuer: SYSTEM, maximum_supply: core("10000000000.0000") }),
                action(
                    TOKEN,
                    SYSTEM,
                    &TokenIssue { to: SYSTEM, quantity: core("1000000000.0000"), memo: "boot".into() },
                ),
            ])
            .step("create and issue the core token")?;
    }

    if !has_code(client, msig)? {
        progress("deploying eosio.msig");
        set_contract(client, msig, "eosio.msig")?;
        client
            .push_actions(vec![action(SYSTEM, SYSTEM, &SetPriv { account: msig, is_priv: 1 })])
            .step("setpriv eosio.msig")?;
    }

    progress("deploying eosio.system");
    set_contract(client, SYSTEM, "eosio.system")?;
    client
        .push_actions(vec![action(SYSTEM, SYSTEM, &SystemInit { version: 0usize.into(), core: CORE_SYMBOL })])
        .step("eosio::init")?;
    Ok(())
}

/// Whether `account` has code.
fn has_code(client: &Client, account: Name) -> Result<bool, BootError> {
    let hash = client.get_code_hash(account).step(&format!("code hash of {account}"))?;
    Ok(hash.bytes().any(|b| b != b'0'))
}

/// Whether `eosio` runs the system contract (its ABI has `buyrambytes`).
fn has_system_contract(client: &Client) -> Result<bool, BootError> {
    let abi = client.get_abi(SYSTEM).step("ABI of eosio")?;
    let actions = abi["actions"].as_array().cloned().unwrap_or_default();
    Ok(actions.iter().any(|a| a["name"] == "buyrambytes"))
}

/// The feature digests to activate (all supported but `PREACTIVATE_FEATURE`), each after
/// its dependencies.
fn supported_features(client: &Client) -> Result<Vec<Checksum256>, BootError> {
    let answer = client
        .call("/v1/producer/get_supported_protocol_features", &json!({}))
        .step("get supported protocol features")?;
    let list = answer.as_array().cloned().unwrap_or_default();
    let digest_of = |v: &Value| v["feature_digest"].as_str().unwrap_or_default().to_string();
    let mut ordered: Vec<String> = vec![PREACTIVATE_FEATURE.to_string()];
    let mut pending: Vec<Value> = list.into_iter().filter(|f| digest_of(f) != PREACTIVATE_FEATURE).collect();
    while !pending.is_empty() {
        let before = pending.len();
        pending.retain(|feature| {
            let ready = feature["dependencies"]
                .as_array()
                .map(|deps| deps.iter().all(|d| ordered.iter().any(|o| Some(o.as_str()) == d.as_str())))
                .unwrap_or(true);
            if ready {
                ordered.push(digest_of(feature));
            }
            !ready
        });
        if pending.len() == before {
            return Err(BootError::Other("protocol features with unmet dependencies".into()));
        }
    }
    ordered
        .into_iter()
        .skip(1)
        .map(|hex_digest| {
            let bytes: [u8; 32] = hex::decode(&hex_digest)
                .ok()
                .and_then(|b| b.try_into().ok())
                .ok_or_else(|| BootError::Other(format!("bad feature digest {hex_digest}")))?;
            Ok(Checksum256::from(bytes))
        })
        .collect()
}

/// Deploys one of the system contracts shipped with the node package to `account`.
fn set_contract(client: &Client, account: Name, contract: &str) -> Result<(), BootError> {
    let (wasm_path, abi_path) = tools::system_contract(contract)?;
    let wasm = std::fs::read(&wasm_path).map_err(|e| BootError::Other(format!("{}: {e}", wasm_path.display())))?;
    let abi_text =
        std::fs::read_to_string(&abi_path).map_err(|e| BootError::Other(format!("{}: {e}", abi_path.display())))?;
    let abi = antelope_client::abi_bin::parse_abi_json(&abi_text)
        .map_err(|e| BootError::Other(format!("{}: {e}", abi_path.display())))?;
    let on_chain = client.get_code_hash(account).step(&format!("code hash of {account}"))?;
    if on_chain == hex::encode(sha2::Sha256::digest(&wasm)) {
        return Ok(());
    }
    deploy_code(client, account, wasm, antelope_client::abi_bin::pack_abi(&abi)).step(&format!("deploy {contract}"))
}

/// `setcode` + `setabi` in one transaction, signed by `account@active`.
pub fn deploy_code(client: &Client, account: Name, wasm: Vec<u8>, abi: Vec<u8>) -> Result<(), ChainError> {
    client
        .push_actions(vec![
            action(SYSTEM, account, &SetCode { account, vmtype: 0, vmversion: 0, code: wasm }),
            action(SYSTEM, account, &SetAbi { account, abi }),
        ])
        .map(|_| ())
}

/// What an account created by [`create_account`] gets.
#[derive(Clone, Debug)]
pub struct AccountPlan {
    pub name: Name,
    pub key: PublicKey,
    pub ram_bytes: u32,
    pub net: Asset,
    pub cpu: Asset,
    /// Core tokens transferred to the new account.
    pub funds: Option<Asset>,
}

/// Creates an account paid by `creator` (RAM bought, NET/CPU staked to it), in one
/// transaction; skips it when the account already exists.
pub fn create_account(client: &Client, creator: Name, plan: &AccountPlan) -> Result<bool, ChainError> {
    if client.account_exists(plan.name) {
        return Ok(false);
    }
    let mut actions = vec![
        action(
            SYSTEM,
            creator,
            &NewAccount { creator, name: plan.name, owner: Authority::key(plan.key), active: Authority::key(plan.key) },
        ),
        action(SYSTEM, creator, &BuyRamBytes { payer: creator, receiver: plan.name, bytes: plan.ram_bytes }),
        action(
            SYSTEM,
            creator,
            &DelegateBw {
                from: creator,
                receiver: plan.name,
                stake_net_quantity: plan.net,
                stake_cpu_quantity: plan.cpu,
                transfer: true,
            },
        ),
    ];
    if let Some(funds) = plan.funds {
        actions.push(action(
            TOKEN,
            creator,
            &TokenTransfer { from: creator, to: plan.name, quantity: funds, memo: "funds".into() },
        ));
    }
    client.push_actions(actions).map(|_| true)
}

fn name_of(text: &str) -> Name {
    text.parse().expect("a valid account name")
}
