//! The contracts of a fixed earlier commit: built from `git archive` of that commit (cached
//! under `target/upgrade-from/<commit>/`), deployed to a fresh node, and driven as clients
//! of that release drove them. Its action data has the layouts of today's, so today's Rust
//! types pack it; only what a document's signature covers differs: the release checked a
//! signature over the document's hash alone, and the chairman's authorisation of a decision
//! carrying actions over `sha256(hash ‖ sha256(packed actions))` (its
//! `council::authorization_digest`). The functions here sign that way.
use super::layouts::{git, require_commit};
use antelope_test_harness::abi_bin::{pack_abi, parse_abi_json};
use antelope_test_harness::boot::{action, boot_chain, core, create_account, deploy_code, dev_public_key, AccountPlan};
use antelope_test_harness::boot::{BootError, BootError::Chain as StepFailed};
use antelope_test_harness::client::{ChainError, Client};
use antelope_test_harness::cooperative::{sha256, Person, TestCoop};
use antelope_test_harness::defaults::{
    default_account_resources, default_connect_resources, default_peers, CONTRACT_RAM_BYTES,
};
use antelope_test_harness::deploy::{add_code_permission, contract_accounts, grant_connect};
use antelope_test_harness::fixture::TestChain;
use antelope_test_harness::localnet::with_retries;
use antelope_test_harness::node::TempNode;
use antelope_test_harness::tools::workspace_root;
use coop_protocol::operator::{Connect, Request};
use coop_protocol::registrator::{Agree, AgreementKinds, Agreements, Joincoop, Leavecoop, Selectbranch};
use coop_protocol::soviet::{Authorize, CouncilAction, Freedecision};
use coop_protocol::wallet::Withdraw;
use coop_runtime::system::SYSTEM;
use coop_runtime::{Document, Peers};
use eosio::{Asset, Checksum256, Name, Write};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::OnceLock;
use std::time::Instant;

/// The earlier release the upgrade starts from: "Doc comments: who pays for the peers and
/// applications rows" (29 Nov 2026), the last commit before the security work of issue 15.
/// Its tables are the RAM-economy layouts (the last layout change before it, `d784e44`,
/// added `retiredkinds`); after it came the `connections` table, `setupprov`, a return
/// value for `rmprovider` and signatures bound to their context, so an upgrade from it
/// crosses every change since the layouts were frozen.
pub const FROM_COMMIT: &str = "1f8be9617684ae5e223ad9b517e28022f7326c40";

/// The contracts, in deployment order.
pub const CONTRACTS: [&str; 4] = ["registrator", "soviet", "wallet", "operator"];

/// The release's WASM and committed ABIs: `<dir>/<contract>.wasm` and `.abi`.
pub struct Release {
    pub dir: PathBuf,
}

impl Release {
    pub fn wasm(&self, contract: &str) -> Vec<u8> {
        let path = self.dir.join(format!("{contract}.wasm"));
        std::fs::read(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
    }

    pub fn abi(&self, contract: &str) -> String {
        let path = self.dir.join(format!("{contract}.abi"));
        std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
    }
}

/// The release of [`FROM_COMMIT`], built on first use (about half a minute on two cores)
/// and kept in `target/upgrade-from/<commit>/` for later runs.
pub fn release() -> &'static Release {
    static RELEASE: OnceLock<Release> = OnceLock::new();
    RELEASE.get_or_init(|| {
        let root = workspace_root();
        require_commit(&root, FROM_COMMIT);
        let dir = root.join("target/upgrade-from").join(FROM_COMMIT);
        if !dir.join(COMPLETE).exists() {
            let started = Instant::now();
            build(&root, FROM_COMMIT, &dir);
            eprintln!("built the contracts of {FROM_COMMIT} in {:.0?}", started.elapsed());
        }
        Release { dir }
    })
}

/// The file written last into a finished build folder.
const COMPLETE: &str = "complete";

/// `git archive` of `commit` into a scratch folder, each contract built there as
/// `scripts/build` builds it (a `cdylib` alone, profile `contract`, `wasm-opt -Oz` when
/// installed), the results and the commit's `abi/*.abi` moved into `dest` at once.
fn build(root: &Path, commit: &str, dest: &Path) {
    let scratch = dest.with_extension(format!("building-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&scratch);
    let (source, target, out) = (scratch.join("source"), scratch.join("target"), scratch.join("out"));
    for dir in [&source, &out] {
        std::fs::create_dir_all(dir).unwrap_or_else(|e| panic!("{}: {e}", dir.display()));
    }
    let mut archive = Command::new("git")
        .arg("-C")
        .arg(root)
        .args(["archive", "--format=tar", commit])
        .stdout(Stdio::piped())
        .spawn()
        .expect("git archive");
    let unpacked = Command::new("tar")
        .arg("-x")
        .arg("-C")
        .arg(&source)
        .stdin(archive.stdout.take().expect("piped"))
        .status()
        .expect("tar");
    assert!(archive.wait().expect("git archive").success() && unpacked.success(), "git archive {commit} failed");
    let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".into());
    let wasm_opt = Command::new("wasm-opt").arg("--version").output().is_ok_and(|o| o.status.success());
    for contract in CONTRACTS {
        let status = Command::new(&cargo)
            .current_dir(&source)
            .env("CARGO_TARGET_DIR", &target)
            .env_remove("RUSTFLAGS")
            .args(["rustc", "--locked", "-q", "-p", contract, "--lib", "--crate-type", "cdylib"])
            .args(["--target", "wasm32v1-none", "--profile", "contract"])
            .status()
            .expect("cargo");
        assert!(status.success(), "building {contract} at {commit} failed");
        let built = target.join(format!("wasm32v1-none/contract/{contract}.wasm"));
        let wasm = out.join(format!("{contract}.wasm"));
        if wasm_opt {
            let status = Command::new("wasm-opt")
                .args(["-Oz", "--converge", "--mvp-features"])
                .arg(&built)
                .arg("-o")
                .arg(&wasm)
                .status()
                .expect("wasm-opt");
            assert!(status.success(), "wasm-opt of {contract} failed");
        } else {
            std::fs::copy(&built, &wasm).unwrap_or_else(|e| panic!("{}: {e}", built.display()));
        }
        let abi = git(root, &["show", &format!("{commit}:abi/{contract}.abi")]).unwrap_or_else(|e| panic!("{e}"));
        std::fs::write(out.join(format!("{contract}.abi")), abi).expect("write the ABI");
    }
    std::fs::write(out.join(COMPLETE), commit).expect("write the marker");
    let _ = std::fs::remove_dir_all(dest);
    std::fs::rename(&out, dest).unwrap_or_else(|e| panic!("{} → {}: {e}", out.display(), dest.display()));
    let _ = std::fs::remove_dir_all(&scratch);
}

/// A fresh node of its own, booted like the test chains, with `release` deployed under the
/// default accounts as that release's `scripts/deploy` did (code and ABI, `eosio.code`,
/// every `init`, `eosio@connect`).
pub fn start_chain(release: &Release) -> TestChain {
    let node = TempNode::start().unwrap_or_else(|e| panic!("start nodeos: {e}"));
    let client = Client::new(node.http_url());
    let peers = default_peers();
    let mut quiet = |_: &str| {};
    with_retries(&mut quiet, std::time::Duration::from_millis(500), |progress| {
        boot_chain(&client, progress)?;
        deploy(&client, &peers, release)
    })
    .unwrap_or_else(|e| panic!("deploying the release of {FROM_COMMIT}: {e}"));
    TestChain { node: Some(node), client, peers }
}

fn deploy(client: &Client, peers: &Peers, release: &Release) -> Result<(), BootError> {
    let step = |what: String| move |error: ChainError| StepFailed { step: what, error: Box::new(error) };
    for (contract, account) in contract_accounts(peers) {
        let plan = AccountPlan {
            name: account,
            key: dev_public_key(),
            ram_bytes: CONTRACT_RAM_BYTES,
            net: core("1000.0000"),
            cpu: core("1000.0000"),
            funds: (account == peers.operator).then(|| core("1000000.0000")),
        };
        create_account(client, SYSTEM, &plan).map_err(step(format!("create {account}")))?;
        let wasm = release.wasm(contract);
        let on_chain = client.get_code_hash(account).map_err(step(format!("code hash of {account}")))?;
        if on_chain != hex::encode(sha256(&wasm)) {
            let abi = parse_abi_json(&release.abi(contract)).map_err(|e| BootError::Other(e.to_string()))?;
            deploy_code(client, account, wasm, pack_abi(&abi)).map_err(step(format!("deploy {contract}")))?;
        }
        add_code_permission(client, account, account).map_err(step(format!("eosio.code of {account}")))?;
    }
    let actions = vec![
        action(
            peers.registrator,
            peers.registrator,
            &coop_protocol::registrator::Init { peers: *peers, resources: default_account_resources() },
        ),
        action(peers.soviet, peers.soviet, &coop_protocol::soviet::Init { peers: *peers }),
        action(peers.wallet, peers.wallet, &coop_protocol::wallet::Init { peers: *peers }),
        action(
            peers.operator,
            peers.operator,
            &coop_protocol::operator::Init { peers: *peers, resources: default_connect_resources() },
        ),
    ];
    client.push_actions(actions).map_err(step("init".into()))?;
    grant_connect(client, peers.operator).map_err(step("grant eosio@connect".into()))
}

/// A document whose hash is SHA-256 of `text`, signed over that hash alone (the release's
/// rule).
pub fn document(person: &Person, text: &str) -> Document {
    let hash = sha256(text.as_bytes());
    Document {
        hash: Checksum256::from(hash),
        public_key: person.key.public_key(),
        signature: person.key.sign_digest(&hash),
        meta: format!("{{\"title\":\"{text}\"}}"),
    }
}

/// The release's `council::authorization_digest`: the document's hash when the decision
/// carries no actions, else `sha256(hash ‖ sha256(packed actions))`.
pub fn authorization_digest(hash: &[u8; 32], actions: &[CouncilAction]) -> [u8; 32] {
    if actions.is_empty() {
        return *hash;
    }
    let packed = actions.to_vec().pack().expect("actions pack");
    let mut both = hash.to_vec();
    both.extend_from_slice(&sha256(&packed));
    sha256(&both)
}

/// The chairman's `soviet::authorize` of decision `id` as the release checked it.
pub fn authorize(chain: &TestChain, coop: &TestCoop, id: u64) {
    let actions = chain
        .row::<coop_protocol::soviet::Decisions>(chain.peers.soviet, coop.name, id)
        .map(|d| d.actions)
        .unwrap_or_default();
    let mut doc = document(&coop.chairman, &format!("Decision {id} of the council of {}", coop.name));
    doc.signature = coop.chairman.key.sign_digest(&authorization_digest(&doc.hash.to_bytes(), &actions));
    let data = Authorize { coopname: coop.name, chairman: coop.chairman.name, decision_id: id, document: doc };
    chain.ok(chain.peers.soviet, &[coop.chairman.name], &data);
}

/// Every council member votes for decision `id`, then the chairman authorises it.
pub fn approve(chain: &TestChain, coop: &TestCoop, id: u64) {
    for voter in coop.council() {
        chain.vote_for(coop, voter, id);
    }
    authorize(chain, coop, id);
}

/// A connection request of `provider` for a new cooperative with a chairman and `members`
/// council members, its statement signed the release's way (not pushed).
pub fn request(chain: &TestChain, provider: Name, members: usize) -> (Request, TestCoop) {
    let (mut request, key, chairman, members) = chain.coop_request(provider, members);
    request.statement = document(&chairman, "Application to connect the cooperative");
    let coop = TestCoop { name: request.coopname, key, provider, chairman, members, request_id: 0 };
    (request, coop)
}

/// A cooperative requested by `provider` and connected by the operator.
pub fn cooperative(chain: &TestChain, provider: Name) -> TestCoop {
    let (request, mut coop) = self::request(chain, provider, 2);
    coop.request_id = chain.ok(chain.peers.operator, &[provider], &request).return_value();
    chain.ok(chain.peers.operator, &[chain.peers.operator], &Connect { request_id: coop.request_id });
    coop
}

/// `person` signs every current agreement of `coop`, then applies (`joincoop`) with
/// `braname`.
pub fn apply(chain: &TestChain, coop: &TestCoop, person: &Person, braname: Name) {
    let r = chain.peers.registrator;
    let signed = chain.row::<Agreements>(r, coop.name, person.name.as_u64()).unwrap_or_default();
    for kind in chain.rows::<AgreementKinds>(r, coop.name) {
        if signed.version_of(kind.kind) == Some(kind.version) {
            continue;
        }
        let text = format!("{} agreement, version {}", kind.title, kind.version);
        let data = Agree {
            coopname: coop.name,
            username: person.name,
            kind: kind.kind,
            version: kind.version,
            document: document(person, &text),
        };
        chain.ok(r, &[person.name], &data);
    }
    let statement = document(person, &format!("Statement: {} applies to join {}", person.name, coop.name));
    chain.ok(r, &[person.name], &Joincoop { coopname: coop.name, braname, username: person.name, statement });
}

/// The registration payment of `person`, confirmed by the cooperative: the application is
/// on the agenda. Returns the decision's id.
pub fn pay(chain: &TestChain, coop: &TestCoop, person: &Person) -> u64 {
    let fee = chain.registration_fee(coop, coop_runtime::n("individual"));
    let (deposit_id, _) = chain.pay_registration(coop, person, fee);
    chain.confirm_deposit(coop, deposit_id);
    chain.decision_about(coop, "joincoop", person.name).expect("the application is on the agenda").id
}

/// The whole way in for a new individual, the release's way; returns them.
pub fn admit(chain: &TestChain, coop: &TestCoop, prefix: &str, braname: Name) -> Person {
    let (person, _) = chain.new_member_account(coop, prefix, "individual");
    apply(chain, coop, &person, braname);
    let id = pay(chain, coop, &person);
    approve(chain, coop, id);
    chain.exec(coop, person.name, id);
    person
}

/// `wallet::withdraw` of `quantity` by `person`; returns the withdrawal's id.
pub fn withdraw(chain: &TestChain, coop: &TestCoop, person: &Person, quantity: Asset) -> u64 {
    let statement = document(person, &format!("I withdraw {quantity:?}"));
    let data = Withdraw { coopname: coop.name, username: person.name, quantity, statement };
    chain.ok(chain.peers.wallet, &[person.name], &data).return_value()
}

/// `registrator::leavecoop` by `person`.
pub fn leave(chain: &TestChain, coop: &TestCoop, person: &Person) {
    let statement = document(person, &format!("{} leaves {}", person.name, coop.name));
    chain.ok(
        chain.peers.registrator,
        &[person.name],
        &Leavecoop { coopname: coop.name, username: person.name, statement },
    );
}

/// `registrator::selectbranch` by `person`.
pub fn select_branch(chain: &TestChain, coop: &TestCoop, person: &Person, braname: Name) {
    let statement = document(person, &format!("{} chooses branch {braname}", person.name));
    chain.ok(
        chain.peers.registrator,
        &[person.name],
        &Selectbranch { coopname: coop.name, username: person.name, braname, statement },
    );
}

/// A free decision of `proposer` carrying `actions`; returns its id.
pub fn propose(chain: &TestChain, coop: &TestCoop, proposer: &Person, actions: Vec<CouncilAction>) -> u64 {
    let statement = document(proposer, "Proposal to the council");
    let data = Freedecision { coopname: coop.name, proposer: proposer.name, statement, actions };
    chain.ok(chain.peers.soviet, &[proposer.name], &data).return_value()
}
