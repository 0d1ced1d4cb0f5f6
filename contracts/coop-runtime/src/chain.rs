//! The chain as a contract sees it: checks, authority, time, inline actions, documents,
//! tables. Only built for `wasm32`.
use crate::{document::Document, ActionData, PublicKey};
use alloc::vec::Vec;
use eosio::{Action, Name, NumBytes, PermissionLevel, Read, Table, TimePointSec, Write};
use eosio_cdt::{sys, Payer, PrimaryTableIndexExt, TableCursor, TableIndex};

extern "C" {
    fn set_action_return_value(data: *const u8, size: u32);
}

/// Aborts the action with `message` (reaching the client as
/// `assertion failure with message: <message>`) unless `condition` holds.
#[inline]
pub fn check(condition: bool, message: &str) {
    if !condition {
        fail(message);
    }
}

/// Aborts the action with `message`.
pub fn fail(message: &str) -> ! {
    unsafe { sys::eosio_assert_message(0, message.as_ptr(), message.len() as u32) };
    unreachable!()
}

/// Requires `account`'s authority (any of its permissions named in the action).
pub fn require_auth(account: Name) {
    unsafe { sys::require_auth(account.as_u64()) }
}

/// Whether `account` authorised the action.
pub fn has_auth(account: Name) -> bool {
    unsafe { sys::has_auth(account.as_u64()) }
}

/// Whether `account` exists on the chain.
pub fn is_account(account: Name) -> bool {
    unsafe { sys::is_account(account.as_u64()) }
}

/// The account this contract runs as.
pub fn current_receiver() -> Name {
    Name::new(unsafe { sys::current_receiver() })
}

/// For an inline action: the contract that sent it; otherwise the empty name.
pub fn sender() -> Name {
    Name::new(unsafe { sys::get_sender() })
}

/// The current block time, in seconds.
pub fn now() -> TimePointSec {
    let micros = unsafe { sys::current_time() };
    TimePointSec::from((micros / 1_000_000) as u32)
}

/// Reads the action's data, or aborts with `message`.
pub fn read_action<T: Read>(message: &str) -> T {
    let size = unsafe { sys::action_data_size() } as usize;
    let mut bytes = alloc::vec![0u8; size];
    unsafe { sys::read_action_data(bytes.as_mut_ptr().cast(), size as u32) };
    let mut pos = 0;
    match T::read(&bytes, &mut pos) {
        Ok(value) if pos == bytes.len() => value,
        _ => fail(message),
    }
}

/// Sets the action's return value.
pub fn set_return_value<T: Write + NumBytes>(value: &T) {
    let bytes = value.pack().unwrap_or_default();
    unsafe { set_action_return_value(bytes.as_ptr(), bytes.len() as u32) }
}

/// Sends `data` to `contract` as an inline action authorised by `authorization`.
pub fn send<A: ActionData>(contract: Name, authorization: &[PermissionLevel], data: &A) {
    send_raw(&data.to_action(contract, authorization));
}

/// Sends an already packed inline action.
pub fn send_raw(action: &Action<Vec<u8>>) {
    let bytes = action.pack().unwrap_or_default();
    unsafe { sys::send_inline(bytes.as_ptr() as *mut u8, bytes.len()) }
}

/// Recovers the key that signed `digest`, or `None` when the signature is malformed.
pub fn recover_key(digest: &[u8; 32], signature: &crate::Signature) -> Option<PublicKey> {
    let checksum = sys::capi_checksum256 { hash: *digest };
    let sig = signature.pack().ok()?;
    let mut out = [0u8; 64];
    let size = unsafe { sys::recover_key(&checksum, sig.as_ptr(), sig.len(), out.as_mut_ptr(), out.len()) };
    PublicKey::unpack(out.get(..size as usize)?).ok()
}

/// Whether `key` alone satisfies `account@permission` (the chain's own permission check).
pub fn key_satisfies(account: Name, permission: Name, key: &PublicKey) -> bool {
    let keys = alloc::vec![*key].pack().unwrap_or_default();
    let no_permissions = [0u8];
    let result = unsafe {
        sys::check_permission_authorization(
            account.as_u64(),
            permission.as_u64(),
            keys.as_ptr(),
            keys.len() as u32,
            no_permissions.as_ptr(),
            1,
            0,
        )
    };
    result == 1
}

/// Messages for the document checks; each contract passes its own constants.
pub struct DocumentErrors<'a> {
    /// The signature does not recover to the document's `public_key`.
    pub bad_signature: &'a str,
    /// The document's key does not satisfy the signer's `active` permission.
    pub key_not_signers: &'a str,
}

/// Verifies a document: its signature over `hash` recovers to its `public_key`, and that
/// key alone satisfies `signer@active`.
pub fn verify_document(document: &Document, signer: Name, errors: &DocumentErrors) {
    verify_signed_digest(&document.hash.to_bytes(), document, signer, errors);
}

/// As [`verify_document`], with the signature over `digest` (a hash that covers the
/// document's hash and more) instead of the document's hash.
pub fn verify_signed_digest(digest: &[u8; 32], document: &Document, signer: Name, errors: &DocumentErrors) {
    let recovered = recover_key(digest, &document.signature);
    check(recovered == Some(document.public_key), errors.bad_signature);
    check(key_satisfies(signer, crate::n("active"), &document.public_key), errors.key_not_signers);
}

/// SHA-256 of `bytes`, by the chain.
pub fn sha256(bytes: &[u8]) -> [u8; 32] {
    let mut out = sys::capi_checksum256 { hash: [0u8; 32] };
    unsafe { sys::sha256(bytes.as_ptr(), bytes.len() as u32, &mut out) };
    out.hash
}

/// One table of this contract in one scope: `get`, `save`, `erase` and friends.
pub struct Rows<T: Table> {
    index: eosio::PrimaryTableIndex<T>,
}

impl<T: Table> Rows<T> {
    /// The table `T` of contract `code` in `scope`.
    pub fn new(code: Name, scope: Name) -> Self {
        Self { index: eosio::PrimaryTableIndex::new(code, scope) }
    }

    /// The row with this primary key.
    pub fn get(&self, key: u64) -> Option<T::Row> {
        self.index.find(key).and_then(|cursor| cursor.get().ok())
    }

    /// The row with this primary key, or abort with `message`.
    pub fn get_or_fail(&self, key: u64, message: &str) -> T::Row {
        match self.get(key) {
            Some(row) => row,
            None => fail(message),
        }
    }

    /// Whether a row with this primary key exists.
    pub fn contains(&self, key: u64) -> bool {
        self.index.find(key).is_some()
    }

    /// Inserts or replaces the row (by its primary key); `payer` pays its RAM.
    pub fn save(&self, payer: Name, row: &T::Row) {
        let key = T::primary_key(row);
        let written = match self.index.find(key) {
            Some(cursor) => cursor.modify(Payer::New(payer.into()), row).map(|_| ()),
            None => self.index.emplace(payer.into(), row),
        };
        check(written.is_ok(), "could not write table row");
    }

    /// Replaces an existing row, keeping whoever pays for it. Aborts with `missing` when
    /// there is no row with its primary key.
    pub fn update(&self, row: &T::Row, missing: &str) {
        match self.index.find(T::primary_key(row)) {
            Some(cursor) => check(cursor.modify(Payer::Same, row).is_ok(), "could not write table row"),
            None => fail(missing),
        }
    }

    /// Erases the row with this primary key, if any.
    pub fn erase(&self, key: u64) {
        if let Some(cursor) = self.index.find(key) {
            check(cursor.erase().is_ok(), "could not erase table row");
        }
    }

    /// The next free primary key (one past the largest; 1 for an empty table).
    pub fn next_key(&self) -> u64 {
        match self.index.available_primary_key() {
            Some(0) => 1,
            Some(key) => key,
            None => fail("no primary key left in the table"),
        }
    }

    /// The rows from `lower` upwards, at most `limit` of them.
    pub fn range(&self, lower: u64, limit: usize) -> Vec<T::Row> {
        match self.index.lower_bound(lower) {
            Some(cursor) => cursor.into_iter().take(limit).filter_map(|c| c.get().ok()).collect(),
            None => Vec::new(),
        }
    }
}

fn index_table<T: Table>(index: usize) -> u64 {
    (T::NAME.as_u64() & 0xFFFF_FFFF_FFFF_FFF0) | (index as u64 & 0x0F)
}

impl<T: crate::index::Indexed> Rows<T> {
    /// Inserts or replaces a row and keeps its secondary indexes in step; `payer` pays.
    pub fn save_indexed(&self, payer: Name, row: &T::Row) {
        let key = T::primary_key(row);
        let existed = self.contains(key);
        self.save(payer, row);
        let (code, scope) = (self.index.code.as_u64(), self.index.scope.as_u64());
        for (i, secondary) in T::index_keys(row).into_iter().enumerate() {
            let table = index_table::<T>(i);
            let mut value = secondary;
            if existed {
                let mut old = 0u128;
                let itr = unsafe { sys::db_idx128_find_primary(code, scope, table, &mut old, key) };
                if itr >= 0 {
                    unsafe { sys::db_idx128_update(itr, payer.as_u64(), &value) };
                    continue;
                }
            }
            unsafe { sys::db_idx128_store(scope, table, payer.as_u64(), key, &mut value) };
        }
    }

    /// Erases a row and its secondary index entries.
    pub fn erase_indexed(&self, key: u64) {
        let Some(row) = self.get(key) else { return };
        let (code, scope) = (self.index.code.as_u64(), self.index.scope.as_u64());
        for i in 0..T::index_keys(&row).len() {
            let mut old = 0u128;
            let itr = unsafe { sys::db_idx128_find_primary(code, scope, index_table::<T>(i), &mut old, key) };
            if itr >= 0 {
                unsafe { sys::db_idx128_remove(itr) };
            }
        }
        self.erase(key);
    }

    /// The row whose key in `index` is `value`.
    pub fn find_by(&self, index: usize, value: u128) -> Option<T::Row> {
        let (code, scope) = (self.index.code.as_u64(), self.index.scope.as_u64());
        let mut primary = 0u64;
        let itr = unsafe { sys::db_idx128_find_secondary(code, scope, index_table::<T>(index), &value, &mut primary) };
        if itr < 0 {
            return None;
        }
        self.get(primary)
    }
}
