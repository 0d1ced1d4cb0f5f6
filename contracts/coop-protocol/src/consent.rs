//! What a signed document is accepted for. A document's signature covers its hash *and* the
//! context of the action that carries it ([`Consent`]), so a document accepted for one thing
//! is refused for anything else: another contract or action, another cooperative, another
//! person, another branch, agreement kind or version, decision, amount or set of actions.
//!
//! The signer signs [`Consent::digest`]:
//!
//! ```text
//! SHA-256( document.hash                 32 bytes
//!        ‖ contract   (name, u64 LE)      8   the account of the contract that accepts it
//!        ‖ action     (name, u64 LE)      8
//!        ‖ coopname   (name, u64 LE)      8
//!        ‖ signer     (name, u64 LE)      8   whose key signs
//!        ‖ subject    (name, u64 LE)      8   zero when the action has none
//!        ‖ number     (u64 LE)            8   zero when the action has none
//!        ‖ terms      (checksum256)      32   zeros when the action has none )
//! ```
//!
//! | action | signer | subject | number | terms |
//! |---|---|---|---|---|
//! | `registrator::joincoop` | `username` | `braname` | 0 | 0 |
//! | `registrator::selectbranch` | `username` | `braname` | 0 | 0 |
//! | `registrator::leavecoop` | `username` | 0 | 0 | 0 |
//! | `registrator::agree` | `username` | `kind` | `version` | 0 |
//! | `soviet::freedecision` | `proposer` | 0 | 0 | [`actions_terms`] of `actions` |
//! | `soviet::authorize` | `chairman` | 0 | `decision_id` | [`actions_terms`] of the decision's actions |
//! | `wallet::withdraw` | `username` | `quantity.symbol` (its u64) | `quantity.amount` | 0 |
//! | `operator::request` | `chairman.username` | `provider` | 0 | [`request_terms`] |
//!
//! `coopname` is always the action's `coopname` (for `request`, the cooperative asked for)
//! and `action` the action's name. Each action builds its context with [`Consented::consent`]
//! (for `authorize`, [`Authorize::consent`], which also needs the decision's actions); the
//! contracts check documents with these very functions. Pure: host-tested.
use crate::operator::Request;
use crate::registrator::{Agree, Joincoop, Leavecoop, Selectbranch};
use crate::soviet::{Authorize, CouncilAction, Freedecision};
use crate::wallet::Withdraw;
use alloc::vec::Vec;
use coop_runtime::{ActionData, Document, Peers};
use eosio::{Checksum256, Name, NumBytes, Write};

pub use coop_runtime::document::{consent_digest, Consent};

/// An action that carries a document signed for the action's own fields.
pub trait Consented {
    /// The contract among `peers` that accepts the action.
    fn contract(peers: &Peers) -> Name;

    /// The context the action's document must be signed for when `contract` accepts it.
    /// `sha256` is the chain's intrinsic in a contract and a library function in clients.
    fn consent(&self, contract: Name, sha256: impl Fn(&[u8]) -> [u8; 32]) -> Consent;

    /// The document the action carries.
    fn document_mut(&mut self) -> &mut Document;
}

/// The `terms` of a set of council actions: SHA-256 of the packed `council_action[]` (the
/// ABI encoding: a varuint32 count, then each action), zeros when there are none.
pub fn actions_terms(actions: &[CouncilAction], sha256: impl Fn(&[u8]) -> [u8; 32]) -> Checksum256 {
    if actions.is_empty() {
        return Checksum256::default();
    }
    Checksum256::from(sha256(&packed(&actions.to_vec())))
}

/// The `terms` of a connection request: SHA-256 of its `coop_key`, `params`, `chairman` and
/// `members` packed one after the other — the action's data between `coopname` and
/// `statement` — so the chairman's statement covers the cooperative's key, its parameters
/// and its founders.
pub fn request_terms(request: &Request, sha256: impl Fn(&[u8]) -> [u8; 32]) -> Checksum256 {
    let mut bytes = packed(&request.coop_key);
    bytes.extend_from_slice(&packed(&request.params));
    bytes.extend_from_slice(&packed(&request.chairman));
    bytes.extend_from_slice(&packed(&request.members));
    Checksum256::from(sha256(&bytes))
}

/// `value` packed; our action types always pack.
fn packed<T: Write + NumBytes>(value: &T) -> Vec<u8> {
    coop_runtime::packing::packed(value)
}

/// A context with no subject, number or terms.
fn plain(contract: Name, action: Name, coopname: Name, signer: Name) -> Consent {
    Consent { contract, action, coopname, signer, ..Consent::default() }
}

impl Consented for Joincoop {
    fn contract(peers: &Peers) -> Name {
        peers.registrator
    }

    /// The applicant's statement, for this cooperative and this branch (none: zero).
    fn consent(&self, contract: Name, _sha256: impl Fn(&[u8]) -> [u8; 32]) -> Consent {
        Consent { subject: self.braname, ..plain(contract, Self::NAME, self.coopname, self.username) }
    }

    fn document_mut(&mut self) -> &mut Document {
        &mut self.statement
    }
}

impl Consented for Selectbranch {
    fn contract(peers: &Peers) -> Name {
        peers.registrator
    }

    /// The member's statement, for this branch.
    fn consent(&self, contract: Name, _sha256: impl Fn(&[u8]) -> [u8; 32]) -> Consent {
        Consent { subject: self.braname, ..plain(contract, Self::NAME, self.coopname, self.username) }
    }

    fn document_mut(&mut self) -> &mut Document {
        &mut self.statement
    }
}

impl Consented for Leavecoop {
    fn contract(peers: &Peers) -> Name {
        peers.registrator
    }

    /// The member's statement that they leave this cooperative.
    fn consent(&self, contract: Name, _sha256: impl Fn(&[u8]) -> [u8; 32]) -> Consent {
        plain(contract, Self::NAME, self.coopname, self.username)
    }

    fn document_mut(&mut self) -> &mut Document {
        &mut self.statement
    }
}

impl Consented for Agree {
    fn contract(peers: &Peers) -> Name {
        peers.registrator
    }

    /// The person's signature of this agreement kind at this version.
    fn consent(&self, contract: Name, _sha256: impl Fn(&[u8]) -> [u8; 32]) -> Consent {
        Consent {
            subject: self.kind,
            number: u64::from(self.version),
            ..plain(contract, Self::NAME, self.coopname, self.username)
        }
    }

    fn document_mut(&mut self) -> &mut Document {
        &mut self.document
    }
}

impl Consented for Freedecision {
    fn contract(peers: &Peers) -> Name {
        peers.soviet
    }

    /// The proposer's question, with exactly the actions the decision carries.
    fn consent(&self, contract: Name, sha256: impl Fn(&[u8]) -> [u8; 32]) -> Consent {
        Consent {
            terms: actions_terms(&self.actions, sha256),
            ..plain(contract, Self::NAME, self.coopname, self.proposer)
        }
    }

    fn document_mut(&mut self) -> &mut Document {
        &mut self.statement
    }
}

impl Consented for Withdraw {
    fn contract(peers: &Peers) -> Name {
        peers.wallet
    }

    /// The member's statement, for this amount: `number` is the amount in the symbol's
    /// smallest unit, `subject` the symbol's `u64` (precision in the low byte, the code
    /// above it: the symbol's 8 bytes as an asset packs them).
    fn consent(&self, contract: Name, _sha256: impl Fn(&[u8]) -> [u8; 32]) -> Consent {
        Consent {
            subject: Name::new(self.quantity.symbol.as_u64()),
            number: self.quantity.amount as u64,
            ..plain(contract, Self::NAME, self.coopname, self.username)
        }
    }

    fn document_mut(&mut self) -> &mut Document {
        &mut self.statement
    }
}

impl Consented for Request {
    fn contract(peers: &Peers) -> Name {
        peers.operator
    }

    /// The chairman's statement, for this cooperative name, this provider and this
    /// cooperative's key, parameters and founders ([`request_terms`]).
    fn consent(&self, contract: Name, sha256: impl Fn(&[u8]) -> [u8; 32]) -> Consent {
        Consent {
            subject: self.provider,
            terms: request_terms(self, sha256),
            ..plain(contract, Self::NAME, self.coopname, self.chairman.username)
        }
    }

    fn document_mut(&mut self) -> &mut Document {
        &mut self.statement
    }
}

impl Authorize {
    /// The chairman's authorisation of this decision, with exactly the `actions` it
    /// carries (the decision's, not the action's: `authorize` does not repeat them).
    pub fn consent(&self, contract: Name, actions: &[CouncilAction], sha256: impl Fn(&[u8]) -> [u8; 32]) -> Consent {
        Consent {
            number: self.decision_id,
            terms: actions_terms(actions, sha256),
            ..plain(contract, Self::NAME, self.coopname, self.chairman)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::operator::Founder;
    use crate::registrator::{CoopParams, Setfees};
    use alloc::vec;
    use coop_runtime::{n, sym};
    use eosio::{Asset, Read};

    fn sha256(bytes: &[u8]) -> [u8; 32] {
        use sha2::Digest;
        sha2::Sha256::digest(bytes).into()
    }

    fn fees(coopname: Name) -> CouncilAction {
        let rub = Asset { amount: 1, symbol: sym(4, "RUB") };
        let data = Setfees { coopname, initial: rub, minimum: rub, org_initial: rub, org_minimum: rub };
        CouncilAction { account: n("registrator"), name: Setfees::NAME, data: data.pack().unwrap() }
    }

    fn example() -> Consent {
        Consent {
            contract: n("registrator"),
            action: n("agree"),
            coopname: n("voskhod"),
            signer: n("alice"),
            subject: n("privacy"),
            number: 1,
            terms: Checksum256::default(),
        }
    }

    #[test]
    fn the_context_packs_as_the_chain_packs_it() {
        let consent = example();
        let bytes = consent.to_bytes();
        assert_eq!(bytes.len(), Consent::PACKED_LEN);
        assert_eq!(bytes.to_vec(), consent.pack().unwrap(), "the eosio encoding of the struct");
        assert_eq!(bytes[..8], n("registrator").as_u64().to_le_bytes());
        assert_eq!(bytes[40..48], 1u64.to_le_bytes());
        assert_eq!(Consent::read(&bytes, &mut 0).unwrap(), consent);
    }

    #[test]
    fn the_digest_is_the_documented_recipe() {
        let hash = [7u8; 32];
        let consent = Consent { terms: Checksum256::from([9u8; 32]), ..example() };
        let mut bytes = hash.to_vec();
        bytes.extend_from_slice(&consent.pack().unwrap());
        assert_eq!(bytes.len(), 112);
        assert_eq!(consent_digest(&hash, &consent, sha256), sha256(&bytes));
    }

    /// A fixed example for client implementations (also in the README).
    #[test]
    fn the_digest_of_the_readme_example() {
        let hash = sha256(b"Privacy policy, version 1");
        let digest = consent_digest(&hash, &example(), sha256);
        assert_eq!(
            hex(&example().to_bytes()),
            "002ecde666ec98ba0000000000a52e3300000020d10631dd0000000000855c34000000c023b3ddad\
             01000000000000000000000000000000000000000000000000000000000000000000000000000000"
        );
        assert_eq!(hex(&hash), "3fe192d1d5ad8f7f8d94a0387f708195695d3d2c11c8ceb16161bc5cac561272");
        assert_eq!(hex(&digest), "13b6ca8d06df8f1a60cb27f76efa2fb77a2f7f9b08471f24426b4443675b32b6");
    }

    /// The README's examples of `terms` and of a withdrawal's context, computed there with
    /// `@wharfkit/antelope` and the soviet's ABI.
    #[test]
    fn the_terms_and_withdrawal_of_the_readme_examples() {
        let setttl = crate::soviet::Setttl { coopname: n("voskhod"), seconds: 3600 };
        let actions = vec![CouncilAction { account: n("soviet"), name: n("setttl"), data: setttl.pack().unwrap() }];
        assert_eq!(
            hex(&actions_terms(&actions, sha256).to_bytes()),
            "c4275506bfb22db4b070df05d08a23df6e03c3bf51175b7c9b7e45101ddd72fb"
        );
        let withdraw = Withdraw {
            coopname: n("voskhod"),
            username: n("alice"),
            quantity: Asset { amount: 4_000_000, symbol: sym(4, "RUB") },
            statement: Document::default(),
        };
        let hash = sha256(b"Privacy policy, version 1");
        assert_eq!(
            hex(&withdraw.consent(n("wallet"), sha256).digest(&hash, sha256)),
            "c6a434e4c1efe4cee2fc918eb2e82c570743479ebcf23d92a20964947f56ce53"
        );
    }

    fn hex(bytes: &[u8]) -> alloc::string::String {
        bytes.iter().map(|b| alloc::format!("{b:02x}")).collect()
    }

    #[test]
    fn every_field_changes_the_digest() {
        let hash = [1u8; 32];
        let base = example();
        let variants = [
            Consent { contract: n("soviet"), ..base },
            Consent { action: n("joincoop"), ..base },
            Consent { coopname: n("other"), ..base },
            Consent { signer: n("bob"), ..base },
            Consent { subject: n("user"), ..base },
            Consent { number: 2, ..base },
            Consent { terms: Checksum256::from([1u8; 32]), ..base },
        ];
        let digest = base.digest(&hash, sha256);
        assert_ne!(digest, hash, "never the bare hash");
        for variant in variants {
            assert_ne!(variant.digest(&hash, sha256), digest, "{variant:?}");
        }
        assert_ne!(base.digest(&[2u8; 32], sha256), digest);
    }

    #[test]
    fn an_agreement_is_bound_to_its_kind_version_person_and_cooperative() {
        let agree = Agree {
            coopname: n("voskhod"),
            username: n("alice"),
            kind: n("privacy"),
            version: 1,
            document: Document::default(),
        };
        assert_eq!(agree.consent(n("registrator"), sha256), example());
        let v2 = Agree { version: 2, ..agree.clone() };
        let other_kind = Agree { kind: n("user"), ..agree.clone() };
        let other_person = Agree { username: n("bob"), ..agree.clone() };
        let other_coop = Agree { coopname: n("other"), ..agree.clone() };
        for other in [v2, other_kind, other_person, other_coop] {
            assert_ne!(other.consent(n("registrator"), sha256), example());
        }
    }

    #[test]
    fn registrator_statements_carry_their_person_cooperative_and_branch() {
        let join = Joincoop {
            coopname: n("voskhod"),
            braname: n("north"),
            username: n("alice"),
            statement: Document::default(),
        };
        let consent = join.consent(n("registrator"), sha256);
        assert_eq!(
            consent,
            Consent {
                contract: n("registrator"),
                action: n("joincoop"),
                coopname: n("voskhod"),
                signer: n("alice"),
                subject: n("north"),
                ..Consent::default()
            }
        );
        let select = Selectbranch {
            coopname: n("voskhod"),
            username: n("alice"),
            braname: n("north"),
            statement: Document::default(),
        };
        assert_eq!(select.consent(n("registrator"), sha256), Consent { action: n("selectbranch"), ..consent });
        let leave = Leavecoop { coopname: n("voskhod"), username: n("alice"), statement: Document::default() };
        assert_eq!(
            leave.consent(n("registrator"), sha256),
            Consent { action: n("leavecoop"), subject: Name::new(0), ..consent }
        );
        let peers = Peers { operator: n("op"), registrator: n("reg"), soviet: n("sov"), wallet: n("wal") };
        assert_eq!(Joincoop::contract(&peers), n("reg"));
        assert_eq!(Agree::contract(&peers), n("reg"));
        assert_eq!(Freedecision::contract(&peers), n("sov"));
        assert_eq!(Withdraw::contract(&peers), n("wal"));
        assert_eq!(Request::contract(&peers), n("op"));
    }

    #[test]
    fn a_free_decision_and_its_authorisation_cover_the_actions() {
        let actions = vec![fees(n("voskhod"))];
        assert_eq!(actions_terms(&[], sha256), Checksum256::default());
        let terms = actions_terms(&actions, sha256);
        assert_eq!(terms.to_bytes(), sha256(&actions.pack().unwrap()), "SHA-256 of the packed council_action[]");
        assert_ne!(terms, actions_terms(&[fees(n("other"))], sha256));

        let free = Freedecision {
            coopname: n("voskhod"),
            proposer: n("chair"),
            statement: Document::default(),
            actions: actions.clone(),
        };
        let proposed = free.consent(n("soviet"), sha256);
        assert_eq!((proposed.action, proposed.signer, proposed.terms), (n("freedecision"), n("chair"), terms));

        let authorize =
            Authorize { coopname: n("voskhod"), chairman: n("chair"), decision_id: 3, document: Document::default() };
        let authorized = authorize.consent(n("soviet"), &actions, sha256);
        assert_eq!((authorized.action, authorized.number, authorized.terms), (n("authorize"), 3, terms));
        assert_ne!(authorized, proposed, "a question is not its authorisation");
        let other_decision = Authorize { decision_id: 4, ..authorize.clone() };
        assert_ne!(other_decision.consent(n("soviet"), &actions, sha256), authorized);
        assert_ne!(authorize.consent(n("soviet"), &[], sha256), authorized, "other actions");
    }

    #[test]
    fn a_withdrawal_is_bound_to_its_amount_and_symbol() {
        let rub = sym(4, "RUB");
        let withdraw = Withdraw {
            coopname: n("voskhod"),
            username: n("alice"),
            quantity: Asset { amount: 4_000_000, symbol: rub },
            statement: Document::default(),
        };
        let consent = withdraw.consent(n("wallet"), sha256);
        assert_eq!(consent.number, 4_000_000);
        assert_eq!(consent.subject.as_u64().to_le_bytes().to_vec(), rub.pack().unwrap());
        let more = Withdraw { quantity: Asset { amount: 4_000_001, symbol: rub }, ..withdraw.clone() };
        assert_ne!(more.consent(n("wallet"), sha256), consent);
    }

    #[test]
    fn a_connection_request_is_bound_to_its_name_provider_key_and_founders() {
        let founder = Founder { username: n("chairman1111"), public_key: Default::default() };
        let request = Request {
            provider: n("provider"),
            coopname: n("voskhod"),
            coop_key: Default::default(),
            params: CoopParams::default(),
            chairman: founder.clone(),
            members: vec![Founder { username: n("member111111"), ..founder.clone() }],
            statement: Document::default(),
        };
        let consent = request.consent(n("operator"), sha256);
        assert_eq!(
            (consent.coopname, consent.signer, consent.subject),
            (n("voskhod"), founder.username, n("provider"))
        );
        let packed = request.pack().unwrap();
        let statement_len = request.statement.num_bytes();
        assert_eq!(
            consent.terms.to_bytes(),
            sha256(&packed[16..packed.len() - statement_len]),
            "the action data between coopname and statement"
        );
        let renamed = Request { coopname: n("voskhod2"), ..request.clone() };
        assert_ne!(renamed.consent(n("operator"), sha256), consent);
        let fewer = Request { members: vec![], ..request.clone() };
        assert_ne!(fewer.consent(n("operator"), sha256), consent);
    }
}
