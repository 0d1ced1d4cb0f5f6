//! The chain as a contract sees it: checks, authority, time, inline actions, documents,
//! tables. Only built for `wasm32`.
use crate::{
    document::{Consent, Document},
    ActionData, PublicKey,
};
use alloc::vec::Vec;
use core::{cell::UnsafeCell, marker::PhantomData};
use eosio::{Action, Name, NumBytes, PermissionLevel, Read, Table, TimePointSec, Write};
use eosio_cdt::sys;

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
    // The chain never returns from a failed assertion; no panic machinery needed here.
    core::arch::wasm32::unreachable()
}

/// Requires `account`'s authority (any of its permissions named in the action).
pub fn require_auth(account: Name) {
    unsafe { sys::require_auth(account.as_u64()) }
}

/// Requires exactly `account@permission` among the action's authorisations (not another
/// permission of `account`, not even its parent).
pub fn require_auth2(account: Name, permission: Name) {
    unsafe { sys::require_auth2(account.as_u64(), permission.as_u64()) }
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

/// Reads the action's data (see [`crate::interface::decode`]), or aborts with
/// `ERR_BAD_ACTION_DATA` or `ERR_BAD_UTF8`.
pub fn read_action<T: Read + crate::AbiType>() -> T {
    let bytes = checked_action_data(T::WIRE);
    let mut pos = 0;
    match T::read(&bytes, &mut pos) {
        Ok(value) if pos == bytes.len() => value,
        _ => fail(crate::interface::ERR_BAD_ACTION_DATA),
    }
}

/// The action's data, checked against `wire` (not generic: one copy for every action).
#[inline(never)]
fn checked_action_data(wire: &coop_abi::Wire) -> Vec<u8> {
    let bytes = action_data();
    if let Err(message) = crate::interface::check_wire(wire, &bytes) {
        fail(message);
    }
    bytes
}

/// The action's data, packed.
fn action_data() -> Vec<u8> {
    let size = unsafe { sys::action_data_size() } as usize;
    let mut bytes = alloc::vec![0u8; size];
    unsafe { sys::read_action_data(bytes.as_mut_ptr().cast(), size as u32) };
    bytes
}

/// Sets the action's return value.
pub fn set_return_value<T: Write + NumBytes>(value: &T) {
    let bytes = crate::packing::packed(value);
    unsafe { set_action_return_value(bytes.as_ptr(), bytes.len() as u32) }
}

/// Sends `data` to `contract` as an inline action authorised by `authorization`.
pub fn send<A: ActionData>(contract: Name, authorization: &[PermissionLevel], data: &A) {
    send_raw(&data.to_action(contract, authorization));
}

/// Sends an already packed inline action.
pub fn send_raw(action: &Action<Vec<u8>>) {
    let bytes = crate::packing::packed(action);
    unsafe { sys::send_inline(bytes.as_ptr() as *mut u8, bytes.len()) }
}

/// Recovers the key that signed `digest`, or `None` when the signature is malformed.
pub fn recover_key(digest: &[u8; 32], signature: &crate::Signature) -> Option<PublicKey> {
    let checksum = sys::capi_checksum256 { hash: *digest };
    let mut sig = [0u8; 1 + crate::Signature::DATA_LEN];
    signature.write(&mut sig, &mut 0).ok()?;
    let mut out = [0u8; 64];
    let size = unsafe { sys::recover_key(&checksum, sig.as_ptr(), sig.len(), out.as_mut_ptr(), out.len()) };
    PublicKey::unpack(out.get(..size as usize)?).ok()
}

/// Whether `key` alone satisfies `account@permission` (the chain's own permission check).
pub fn key_satisfies(account: Name, permission: Name, key: &PublicKey) -> bool {
    // A packed `vector<public_key>` of one key: its length (varuint32), then the key.
    let mut keys = [0u8; 2 + PublicKey::DATA_LEN];
    keys[0] = 1;
    if key.write(&mut keys, &mut 1).is_err() {
        return false;
    }
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

/// Whether the document's signature over [`Consent::digest`] of its hash and `consent`
/// recovers to its `public_key`: the key signed this document for exactly this context.
pub fn signed_for(document: &Document, consent: &Consent) -> bool {
    let digest = consent.digest(&document.hash.to_bytes(), sha256);
    recover_key(&digest, &document.signature) == Some(document.public_key)
}

/// Verifies a document for what it is accepted for: its signature over the consent
/// digest recovers to its `public_key` ([`signed_for`]; else `ERR_BAD_SIGNATURE`), and that
/// key alone satisfies `consent.signer@active` (else `ERR_KEY_NOT_SIGNERS`); the messages
/// are [`crate::document`]'s, the same in every contract.
pub fn verify_document(document: &Document, consent: &Consent) {
    check(signed_for(document, consent), crate::document::ERR_BAD_SIGNATURE);
    check(
        key_satisfies(consent.signer, crate::system::ACTIVE, &document.public_key),
        crate::document::ERR_KEY_NOT_SIGNERS,
    );
}

/// SHA-256 of `bytes`, by the chain.
pub fn sha256(bytes: &[u8]) -> [u8; 32] {
    let mut out = sys::capi_checksum256 { hash: [0u8; 32] };
    unsafe { sys::sha256(bytes.as_ptr(), bytes.len() as u32, &mut out) };
    out.hash
}

/// Where a row was found: the chain's iterator for it and its primary key. Valid for the
/// rest of the action unless the row is erased.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct RowRef {
    itr: i32,
    key: u64,
}

/// The message when a row would be written back under another primary key.
pub const ERR_PRIMARY_KEY_CHANGED: &str = "updater cannot change primary key when modifying an object";
const ERR_WRITE_ROW: &str = "could not write table row";

// The raw database, not generic: one copy per contract, whatever the row types.

/// The last row found by key (`itr < 0`: none), so that a read followed by a write or an
/// erase of the same row (a read-modify-write, even across two `Rows` values) looks the row
/// up once. Rows are only ever erased through [`remove_row`], which forgets it; the chain
/// keeps an iterator valid until its row is erased, and an action runs in its own instance.
struct LastFound(UnsafeCell<Found>);

#[derive(Clone, Copy)]
struct Found {
    code: u64,
    scope: u64,
    table: u64,
    key: u64,
    itr: i32,
}

// One thread per instance: the VM never runs two calls at once.
unsafe impl Sync for LastFound {}

static LAST_FOUND: LastFound = LastFound(UnsafeCell::new(Found { code: 0, scope: 0, table: 0, key: 0, itr: -1 }));

/// The iterator of the row `key` of `code`'s `table` in `scope`; negative when there is none.
#[inline(never)]
fn find_row(code: u64, scope: u64, table: u64, key: u64) -> i32 {
    let last = unsafe { &mut *LAST_FOUND.0.get() };
    if last.itr >= 0 && last.key == key && last.table == table && last.scope == scope && last.code == code {
        return last.itr;
    }
    let itr = unsafe { sys::db_find_i64(code, scope, table, key) };
    if itr >= 0 {
        *last = Found { code, scope, table, key, itr };
    }
    itr
}

/// The packed bytes of the row at `itr`.
fn row_bytes(itr: i32) -> Vec<u8> {
    let size = unsafe { sys::db_get_i64(itr, core::ptr::null(), 0) };
    let mut bytes = alloc::vec![0u8; size as usize];
    unsafe { sys::db_get_i64(itr, bytes.as_mut_ptr().cast(), size as u32) };
    bytes
}

/// Writes `bytes` as the row `key` (replacing it, with `payer` paying, or inserting it);
/// whether it existed. `payer` 0 on an existing row keeps its payer.
fn write_row(code: u64, scope: u64, table: u64, payer: u64, key: u64, bytes: &[u8]) -> bool {
    let itr = find_row(code, scope, table, key);
    if itr >= 0 {
        unsafe { sys::db_update_i64(itr, payer, bytes.as_ptr().cast(), bytes.len() as u32) };
    } else {
        unsafe { sys::db_store_i64(scope, table, payer, key, bytes.as_ptr().cast(), bytes.len() as u32) };
    }
    itr >= 0
}

/// Replaces the row at `itr` with `bytes`, keeping whoever pays for it.
fn update_row(itr: i32, bytes: &[u8]) {
    unsafe { sys::db_update_i64(itr, 0, bytes.as_ptr().cast(), bytes.len() as u32) };
}

/// Erases the row at `itr`.
fn remove_row(itr: i32) {
    unsafe { sys::db_remove_i64(itr) };
    let last = unsafe { &mut *LAST_FOUND.0.get() };
    if last.itr == itr {
        last.itr = -1;
    }
}

/// The row at `itr` (none when `itr` is negative); `None` also when its bytes do not
/// deserialize. Generic over the row type only, so tables sharing a row type share it.
#[inline(never)]
fn read_row<R: Read>(itr: i32) -> Option<R> {
    if itr < 0 {
        return None;
    }
    R::read(&row_bytes(itr), &mut 0).ok()
}

/// As [`read_row`], or abort with `message`.
#[inline(never)]
fn read_row_or_fail<R: Read>(itr: i32, message: &str) -> R {
    match read_row(itr) {
        Some(row) => row,
        None => fail(message),
    }
}

/// A row packed for the database.
#[inline(never)]
fn pack_row<R: Write + NumBytes>(row: &R) -> Vec<u8> {
    let mut bytes = alloc::vec![0u8; row.num_bytes()];
    check(row.write(&mut bytes, &mut 0).is_ok(), ERR_WRITE_ROW);
    bytes
}

/// One table of a contract in one scope: `get`, `save`, `erase` and friends, straight over
/// the chain's `db_*_i64` intrinsics. The methods are thin: the database work is not
/// generic, only the (de)serialisation of each row type is.
pub struct Rows<T: Table> {
    code: u64,
    scope: u64,
    table: PhantomData<T>,
}

impl<T: Table> Rows<T> {
    /// The table `T` of contract `code` in `scope`.
    pub fn new(code: Name, scope: Name) -> Self {
        Self { code: code.as_u64(), scope: scope.as_u64(), table: PhantomData }
    }

    /// The iterator of the row with this primary key; negative when there is none.
    #[inline(always)]
    fn itr(&self, key: u64) -> i32 {
        find_row(self.code, self.scope, T::NAME.as_u64(), key)
    }

    /// The row with this primary key.
    #[inline(always)]
    pub fn get(&self, key: u64) -> Option<T::Row> {
        read_row(self.itr(key))
    }

    /// The row with this primary key, or abort with `message`.
    #[inline(always)]
    pub fn get_or_fail(&self, key: u64, message: &str) -> T::Row {
        read_row_or_fail(self.itr(key), message)
    }

    /// The row with this primary key and where it is, to write it back with
    /// [`update_at`](Self::update_at) or erase it with [`erase_at`](Self::erase_at)
    /// without looking it up again.
    #[inline(always)]
    pub fn get_for_update(&self, key: u64) -> Option<(RowRef, T::Row)> {
        let itr = self.itr(key);
        Some((RowRef { itr, key }, read_row(itr)?))
    }

    /// As [`get_for_update`](Self::get_for_update), or abort with `message`.
    #[inline(always)]
    pub fn get_for_update_or_fail(&self, key: u64, message: &str) -> (RowRef, T::Row) {
        let itr = self.itr(key);
        (RowRef { itr, key }, read_row_or_fail(itr, message))
    }

    /// Whether a row with this primary key exists.
    #[inline(always)]
    pub fn contains(&self, key: u64) -> bool {
        self.itr(key) >= 0
    }

    /// Inserts or replaces the row (by its primary key); `payer` pays its RAM.
    #[inline(always)]
    pub fn save(&self, payer: Name, row: &T::Row) {
        write_row(self.code, self.scope, T::NAME.as_u64(), payer.as_u64(), T::primary_key(row), &pack_row(row));
    }

    /// Replaces an existing row, keeping whoever pays for it. Aborts with `missing` when
    /// there is no row with its primary key.
    #[inline(always)]
    pub fn update(&self, row: &T::Row, missing: &str) {
        let itr = self.itr(T::primary_key(row));
        check(itr >= 0, missing);
        update_row(itr, &pack_row(row));
    }

    /// Replaces the row found at `at` (by [`get_for_update`](Self::get_for_update)), keeping
    /// whoever pays for it. Its primary key must not change.
    #[inline(always)]
    pub fn update_at(&self, at: RowRef, row: &T::Row) {
        check(T::primary_key(row) == at.key, ERR_PRIMARY_KEY_CHANGED);
        update_row(at.itr, &pack_row(row));
    }

    /// Erases the row with this primary key, if any.
    #[inline(always)]
    pub fn erase(&self, key: u64) {
        let itr = self.itr(key);
        if itr >= 0 {
            remove_row(itr);
        }
    }

    /// Erases the row found at `at`.
    #[inline(always)]
    pub fn erase_at(&self, at: RowRef) {
        remove_row(at.itr);
    }

    /// The rows from `lower` upwards, at most `limit` of them.
    pub fn range(&self, lower: u64, limit: usize) -> Vec<T::Row> {
        self.iter_from(lower).take(limit).collect()
    }

    /// The rows from `lower` upwards in key order, read one by one as the iterator advances.
    pub fn iter_from(&self, lower: u64) -> RowsFrom<T> {
        let itr = unsafe { sys::db_lowerbound_i64(self.code, self.scope, T::NAME.as_u64(), lower) };
        RowsFrom { itr, table: PhantomData }
    }
}

/// The rows of a table from a key upwards: see [`Rows::iter_from`].
pub struct RowsFrom<T: Table> {
    itr: i32,
    table: PhantomData<T>,
}

impl<T: Table> Iterator for RowsFrom<T> {
    type Item = T::Row;

    fn next(&mut self) -> Option<T::Row> {
        // A row that does not deserialize is skipped, as the table cursors of `eosio_cdt` do.
        while self.itr >= 0 {
            let itr = self.itr;
            let mut key = 0u64;
            self.itr = unsafe { sys::db_next_i64(itr, &mut key) };
            if let Some(row) = read_row(itr) {
                return Some(row);
            }
        }
        None
    }
}
