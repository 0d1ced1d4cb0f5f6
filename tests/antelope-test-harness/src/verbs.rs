//! Short verbs for tests: an action knows its contract (`ActionData::CONTRACT`), so a test
//! names only who signs and what:
//!
//! ```text
//! chain.by(coop.name).ok(&setfees);                 // must succeed
//! assert_eq!(chain.by(person.name).fails(&data), ERR_…); // must fail with a listed message
//! chain.denied(stranger.name, &data);               // must be refused: missing authority
//! ```
use crate::client::{ChainError, PushOutcome};
use crate::fixture::TestChain;
use coop_runtime::ActionData;
use eosio::Name;

/// The chain's error name for a `require_auth` of an account that did not sign.
pub const MISSING_AUTH: &str = "missing_auth_exception";

impl TestChain {
    /// The account of the contract `A` belongs to, among this chain's peers.
    #[track_caller]
    pub fn contract_of<A: ActionData>(&self) -> Name {
        match A::CONTRACT {
            Some("Operator") => self.peers.operator,
            Some("Registrator") => self.peers.registrator,
            Some("Soviet") => self.peers.soviet,
            Some("Wallet") => self.peers.wallet,
            other => panic!("{} is not an action of our four contracts ({other:?}): name its contract", A::NAME),
        }
    }

    /// Actions signed by `signer` (its `active`), each sent to its own contract.
    pub fn by(&self, signer: Name) -> Signer<'_> {
        Signer { chain: self, signer }
    }

    /// `data` pushed by `signer` must be refused for a missing authority (`require_auth` of
    /// someone else); returns the chain's error.
    #[track_caller]
    pub fn denied<A: ActionData>(&self, signer: Name, data: &A) -> ChainError {
        let error = match self.by(signer).push(data) {
            Ok(_) => panic!("{}::{} by {signer} succeeded but must be denied", self.contract_of::<A>(), A::NAME),
            Err(error) => error,
        };
        assert_eq!(error.name(), Some(MISSING_AUTH), "{}::{} by {signer}: {error}", self.contract_of::<A>(), A::NAME);
        error
    }
}

/// A signer bound to a chain: see [`TestChain::by`].
#[derive(Clone, Copy)]
pub struct Signer<'a> {
    chain: &'a TestChain,
    signer: Name,
}

impl Signer<'_> {
    /// Pushes `data` to its contract; the chain's answer.
    pub fn push<A: ActionData>(&self, data: &A) -> Result<PushOutcome, ChainError> {
        self.chain.push(self.chain.contract_of::<A>(), &[self.signer], data)
    }

    /// Pushes `data`, which must succeed.
    #[track_caller]
    pub fn ok<A: ActionData>(&self, data: &A) -> PushOutcome {
        self.chain.ok(self.chain.contract_of::<A>(), &[self.signer], data)
    }

    /// Pushes `data`, which must fail with one of the messages its action lists; the message.
    #[track_caller]
    pub fn fails<A: ActionData>(&self, data: &A) -> String {
        self.chain.fails(self.chain.contract_of::<A>(), &[self.signer], data)
    }
}
