//! `contract_interface!`: a contract lists its actions and tables once.
//!
//! From one list the macro makes
//! - a trait with one function per action, which the contract implements (so the compiler
//!   sees that every action is handled);
//! - an [`ActionData`](crate::ActionData) impl for each action's data struct (its name,
//!   return type and [`Errors`](crate::action::Errors)), used by tests and clients to build
//!   actions, decode results and check failures; each action's doc comment ends with its
//!   errors, written from the same list;
//! - `ACTION_ERRORS`, every action's [`Errors`](crate::action::Errors), for host tests;
//! - `abi()`, the contract's ABI, generated from the same types;
//! - on `wasm32`, `dispatch::<C>()`, which the contract's exported `apply` calls; it checks
//!   and reads each action's data as [`decode`] does.
use crate::AbiType;
use alloc::string::String;
use coop_abi::{Wire, WireError};
use eosio::{NumBytes, Read, ReadError, Write, WriteError};

/// The return type of an action that returns nothing.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Nothing;

impl NumBytes for Nothing {
    fn num_bytes(&self) -> usize {
        0
    }
}

impl Read for Nothing {
    fn read(_bytes: &[u8], _pos: &mut usize) -> Result<Self, ReadError> {
        Ok(Self)
    }
}

impl Write for Nothing {
    fn write(&self, _bytes: &mut [u8], _pos: &mut usize) -> Result<(), WriteError> {
        Ok(())
    }
}

impl AbiType for Nothing {
    fn abi_name() -> String {
        String::new()
    }
    const WIRE: &'static Wire = &Wire::Fixed(0);
}

/// The message for action data that does not deserialize: too short, too long, a length
/// prefix larger than the bytes that remain, a `bool` other than 0 or 1, …
pub const ERR_BAD_ACTION_DATA: &str = "action data does not match the action's ABI";
/// The message for action data with a string (anywhere in it) that is not valid UTF-8.
pub const ERR_BAD_UTF8: &str = "action data holds a string that is not valid UTF-8";
/// The message for an action the contract does not have.
pub const ERR_UNKNOWN_ACTION: &str = "unknown action";

/// Decodes packed action data as `T`. The bytes are first checked against `T`'s wire shape
/// ([`AbiType::WIRE`]), which allocates nothing, so that a length prefix larger than the
/// data is refused before `Read` would allocate it; then they are read, all of them.
/// Errors: [`ERR_BAD_UTF8`] for a string that is not UTF-8, [`ERR_BAD_ACTION_DATA`] for
/// anything else malformed (missing or trailing bytes included).
pub fn decode<T: Read + AbiType>(bytes: &[u8]) -> Result<T, &'static str> {
    check_wire(T::WIRE, bytes)?;
    let mut pos = 0;
    match T::read(bytes, &mut pos) {
        Ok(value) if pos == bytes.len() => Ok(value),
        _ => Err(ERR_BAD_ACTION_DATA),
    }
}

/// The shape check of [`decode`], with its messages.
pub(crate) fn check_wire(wire: &Wire, bytes: &[u8]) -> Result<(), &'static str> {
    coop_abi::wire::check(wire, bytes).map_err(|error| match error {
        WireError::Malformed => ERR_BAD_ACTION_DATA,
        WireError::BadUtf8 => ERR_BAD_UTF8,
    })
}

/// Declares a contract's actions and tables; see the module documentation.
///
/// Each action lists the messages it can abort with, `errors [...]` (the names of `&str`
/// constants in scope, usually through `use errors::*`; `errors []` for none), and, when it
/// sends actions of these contracts inline, `calls [...]` (their data types): the rule is
/// on [`Errors`](crate::action::Errors). A return type is one name (`-> u64`,
/// `-> VoteResult`).
///
/// ```text
/// coop_runtime::contract_interface! {
///     /// The registrator's actions.
///     pub trait Registrator {
///         /// Sets the peer contracts. Signed by the contract account.
///         init(Init) errors [ERR_BAD_RESOURCES];
///         /// Marks an application paid and puts it before the council.
///         paidjoin(Paidjoin) errors [ERR_NOT_INITIALIZED, ERR_APPLICATION_NOT_FOUND] calls [soviet::Propose];
///         /// Returns the new id.
///         request(Request) -> u64 errors [];
///     }
///     tables { Cards, Coops }
/// }
/// ```
#[macro_export]
macro_rules! contract_interface {
    (
        $(#[$trait_meta:meta])*
        $vis:vis trait $trait:ident {
            $(
                $(#[$meta:meta])*
                $action:ident ( $data:ty ) $(-> $ret:ident)?
                errors [ $($err:ident),* $(,)? ]
                $(calls [ $($call:ty),+ $(,)? ])? ;
            )*
        }
        tables { $($table:ty),* $(,)? }
    ) => {
        $(#[$trait_meta])*
        $vis trait $trait {
            $(
                $(#[$meta])*
                #[doc = ""]
                #[doc = $crate::__errors_doc!([$($err),*] [$($($call),+)?])]
                fn $action(data: $data) $(-> $ret)?;
            )*
        }

        $(
            impl $crate::ActionData for $data {
                const NAME: $crate::__private::eosio::Name = $crate::n(stringify!($action));
                type Return = $crate::__return_type!($($ret)?);
                const CONTRACT: Option<&'static str> = Some(stringify!($trait));
                const ERRORS: Option<&'static $crate::action::Errors> = Some(&$crate::action::Errors {
                    action: stringify!($action),
                    names: &[$(stringify!($err)),*],
                    messages: &[$($err),*],
                    calls: &[$($($crate::action::listed(<$call as $crate::ActionData>::ERRORS)),+)?],
                });
            }
        )*

        /// What each action can abort with, in the order of the trait (host tests check the
        /// lists against the `errors` module).
        pub const ACTION_ERRORS: &[&$crate::action::Errors] =
            &[$($crate::action::listed(<$data as $crate::ActionData>::ERRORS)),*];

        /// The contract's ABI, generated from its action and row types.
        pub fn abi() -> $crate::__private::coop_abi::Abi {
            use $crate::__private::eosio::Table as _;
            let mut builder = $crate::AbiBuilder::new();
            $( builder.action::<$data, $crate::__return_type!($($ret)?)>(stringify!($action)); )*
            $( builder.table::<<$table as $crate::__private::eosio::Table>::Row>(
                &alloc::string::ToString::to_string(&$crate::__private::eosio::Name::new(<$table>::NAME.as_u64()))
            ); )*
            builder.build()
        }

        /// Runs the action named `action` of contract `C`: reads its data, calls the
        /// handler, sets the return value. Notifications from other contracts are ignored.
        #[cfg(target_arch = "wasm32")]
        pub fn dispatch<C: $trait>(receiver: u64, code: u64, action: u64) {
            if receiver != code {
                return;
            }
            $(
                // The action's name, computed at compile time.
                if action == const { $crate::name::name_value(stringify!($action)) } {
                    let data: $data = $crate::chain::read_action();
                    $crate::__dispatch_arm!(C::$action(data) $(, $ret)?);
                    return;
                }
            )*
            $crate::chain::fail($crate::interface::ERR_UNKNOWN_ACTION);
        }
    };
}

/// The doc line of an action's errors: its own and the actions it sends inline, linked.
#[doc(hidden)]
#[macro_export]
macro_rules! __errors_doc {
    ([] []) => {
        "Errors: none."
    };
    ([$first:ident $(, $rest:ident)*] []) => {
        concat!(
            "Errors: [`", stringify!($first), "`]",
            $(", [`", stringify!($rest), "`]",)*
            "."
        )
    };
    ([] [$call:ty $(, $calls:ty)*]) => {
        concat!(
            "Errors: those of the actions it sends: [`", stringify!($call), "`]",
            $(", [`", stringify!($calls), "`]",)*
            "."
        )
    };
    ([$first:ident $(, $rest:ident)*] [$call:ty $(, $calls:ty)*]) => {
        concat!(
            "Errors: [`", stringify!($first), "`]",
            $(", [`", stringify!($rest), "`]",)*
            "; and those of the actions it sends: [`", stringify!($call), "`]",
            $(", [`", stringify!($calls), "`]",)*
            "."
        )
    };
}

/// Declares a contract's messages, one constant each, and the lists the host tests check
/// the actions' `errors [...]` against: `ALL`, `(name, message)` of every message some
/// action can abort with, and `UNREACHABLE`, those of guards that the contracts'
/// invariants never trip (no action lists them). `use path { … }` re-exports messages
/// shared with other contracts (their one home is elsewhere); `unreachable { … }` holds
/// the guards.
///
/// ```text
/// coop_runtime::error_messages! {
///     use crate::common_errors { ERR_COOP_NOT_FOUND, ERR_TEXT_TOO_LONG }
///     pub const ERR_NOT_INITIALIZED: &str = "wallet is not initialized";
///     unreachable {
///         /// The ledger's sums disagree.
///         pub const ERR_FUND_MISMATCH: &str = "fund mismatch";
///     }
/// }
/// ```
#[macro_export]
macro_rules! error_messages {
    (
        $(use $($from:ident)::+ { $($shared:ident),* $(,)? })*
        $( $(#[$meta:meta])* pub const $name:ident : &str = $text:expr ; )*
        $(unreachable {
            $(use $($ufrom:ident)::+ { $($ushared:ident),* $(,)? })*
            $( $(#[$umeta:meta])* pub const $uname:ident : &str = $utext:expr ; )*
        })?
    ) => {
        $( pub use $($from)::+::{$($shared),*}; )*
        $( $(#[$meta])* pub const $name: &str = $text; )*
        $(
            $( pub use $($ufrom)::+::{$($ushared),*}; )*
            $( $(#[$umeta])* pub const $uname: &str = $utext; )*
        )?

        /// `(name, message)` of every message above that some action can abort with, the
        /// shared ones first.
        pub const ALL: &[(&str, &str)] =
            &[$($((stringify!($shared), $shared),)*)* $((stringify!($name), $name),)*];

        /// `(name, message)` of the guards no action can trip (the contracts' invariants
        /// keep them from it): no action lists them.
        pub const UNREACHABLE: &[(&str, &str)] =
            &[$($($((stringify!($ushared), $ushared),)*)* $((stringify!($uname), $uname),)*)?];
    };
}

#[doc(hidden)]
#[macro_export]
macro_rules! __return_type {
    () => {
        $crate::interface::Nothing
    };
    ($ret:ty) => {
        $ret
    };
}

#[doc(hidden)]
#[macro_export]
macro_rules! __dispatch_arm {
    ($call:expr) => {
        $call
    };
    ($call:expr, $ret:ty) => {{
        let result: $ret = $call;
        $crate::chain::set_return_value(&result);
    }};
}

#[cfg(test)]
mod tests {
    extern crate std;

    use super::*;
    use crate::{n, sym, PublicKey};
    use alloc::{string::ToString, vec, vec::Vec};
    use core::cell::Cell;
    use eosio::{Asset, BinaryExtension, Name};
    use proptest::prelude::*;
    use std::alloc::{GlobalAlloc, Layout, System};

    /// Remembers the largest allocation each thread asks for, so that the tests can show
    /// that malformed data allocates nothing.
    struct Largest;

    std::thread_local! {
        static LARGEST: Cell<usize> = const { Cell::new(0) };
    }

    unsafe impl GlobalAlloc for Largest {
        unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
            LARGEST.with(|largest| largest.set(largest.get().max(layout.size())));
            System.alloc(layout)
        }
        unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
            System.dealloc(ptr, layout)
        }
    }

    #[global_allocator]
    static ALLOCATOR: Largest = Largest;

    /// `decode::<T>(bytes)` and the largest allocation it made.
    fn decode_measured<T: Read + AbiType>(bytes: &[u8]) -> (Result<T, &'static str>, usize) {
        LARGEST.with(|largest| largest.set(0));
        let result = decode::<T>(bytes);
        (result, LARGEST.with(Cell::get))
    }

    #[derive(Clone, Debug, Default, PartialEq, Read, Write, NumBytes, AbiType)]
    struct Item {
        account: Name,
        memo: String,
        flag: bool,
        key: PublicKey,
    }

    /// Every kind of field action data has: fixed-size values, strings, vectors of bytes, of
    /// fixed-size values and of structs with strings, optional strings.
    #[derive(Clone, Debug, Default, PartialEq, Read, Write, NumBytes, AbiType)]
    struct Payload {
        coopname: Name,
        quantity: Asset,
        memo: String,
        items: Vec<Item>,
        data: Vec<u8>,
        names: Vec<Name>,
        note: Option<String>,
    }

    /// A struct that ends with a binary extension.
    #[derive(Clone, Debug, Default, Read, Write, NumBytes, AbiType)]
    struct Extended {
        coopname: Name,
        extra: BinaryExtension<Vec<Item>>,
    }

    const HUGE: [u8; 5] = [0xff, 0xff, 0xff, 0xff, 0x0f];
    const NOT_UTF8: [u8; 4] = [0xc3, 0x28, 0xff, 0x00];

    fn item(memo: &str) -> Item {
        Item { account: n("alice"), memo: memo.to_string(), flag: true, key: PublicKey::k1([2; 33]) }
    }

    fn payload() -> Payload {
        Payload {
            coopname: n("voskhod"),
            quantity: Asset { amount: 10_000, symbol: sym(4, "RUB") },
            memo: "abcd".into(),
            items: vec![item("wxyz")],
            data: vec![1, 2, 3],
            names: vec![n("bob")],
            note: Some("note".into()),
        }
    }

    /// `payload()` packed, with `bytes` in place of the first occurrence of `marker`.
    fn splice(marker: &[u8], bytes: &[u8]) -> Vec<u8> {
        let packed = payload().pack().unwrap();
        let at = packed.windows(marker.len()).position(|w| w == marker).expect("marker present");
        [&packed[..at], bytes, &packed[at + marker.len()..]].concat()
    }

    #[test]
    fn valid_data_round_trips() {
        let packed = payload().pack().unwrap();
        let (result, largest) = decode_measured::<Payload>(&packed);
        assert_eq!(result, Ok(payload()));
        // The measure works: decoding valid data allocates.
        assert!(largest > 0);
    }

    #[test]
    fn huge_length_prefixes_are_refused_before_any_allocation() {
        // The prefix of the memo, of the vector of structs, of a nested string, of the
        // bytes, of the vector of names, of the optional string.
        let items = [&[1][..], &n("alice").pack().unwrap()].concat();
        let names = [&[1][..], &n("bob").pack().unwrap()].concat();
        for marker in [&b"\x04abcd"[..], &items, b"\x04wxyz", &[3, 1, 2, 3], &names, b"\x04note"] {
            let (result, largest) = decode_measured::<Payload>(&splice(marker, &HUGE));
            assert_eq!(result, Err(ERR_BAD_ACTION_DATA), "prefix at {marker:?}");
            assert_eq!(largest, 0, "prefix at {marker:?}");
        }
    }

    #[test]
    fn a_length_one_byte_too_long_is_refused() {
        let (result, largest) = decode_measured::<Payload>(&splice(b"\x04note", b"\x05note"));
        assert_eq!((result, largest), (Err(ERR_BAD_ACTION_DATA), 0));
    }

    #[test]
    fn strings_that_are_not_utf8_are_refused_wherever_they_are() {
        for marker in [&b"abcd"[..], b"wxyz", b"note"] {
            let (result, largest) = decode_measured::<Payload>(&splice(marker, &NOT_UTF8));
            assert_eq!(result, Err(ERR_BAD_UTF8), "string {marker:?}");
            assert_eq!(largest, 0);
        }
        let extended = Extended { coopname: n("voskhod"), extra: BinaryExtension::new(Some(vec![item("wxyz")])) };
        let packed = extended.pack().unwrap();
        let at = packed.windows(4).position(|w| w == b"wxyz").unwrap();
        let bad = [&packed[..at], &NOT_UTF8[..], &packed[at + 4..]].concat();
        assert_eq!(decode::<Extended>(&bad).err(), Some(ERR_BAD_UTF8));
    }

    #[test]
    fn trailing_and_missing_bytes_are_refused() {
        let mut packed = payload().pack().unwrap();
        packed.push(0);
        assert_eq!(decode::<Payload>(&packed), Err(ERR_BAD_ACTION_DATA));
        packed.truncate(packed.len() - 2);
        assert_eq!(decode::<Payload>(&packed), Err(ERR_BAD_ACTION_DATA));
        assert_eq!(decode::<Payload>(&[]), Err(ERR_BAD_ACTION_DATA));
    }

    #[test]
    fn bools_and_presence_bytes_other_than_zero_or_one_are_refused() {
        // The item's `flag` (1) comes right before its key's curve (0).
        assert_eq!(decode::<Payload>(&splice(b"wxyz\x01\x00", b"wxyz\x02\x00")), Err(ERR_BAD_ACTION_DATA));
        assert_eq!(decode::<Payload>(&splice(b"\x01\x04note", b"\x02\x04note")), Err(ERR_BAD_ACTION_DATA));
    }

    #[test]
    fn a_binary_extension_is_read_when_bytes_remain() {
        let none = Extended { coopname: n("voskhod"), extra: BinaryExtension::new(None) };
        let decoded = decode::<Extended>(&none.pack().unwrap()).unwrap();
        assert!(decoded.extra.as_value().is_none());
        let some = Extended { coopname: n("voskhod"), extra: BinaryExtension::new(Some(vec![item("x")])) };
        let decoded = decode::<Extended>(&some.pack().unwrap()).unwrap();
        assert_eq!(decoded.extra.as_value(), Some(&vec![item("x")]));
        let mut packed = none.pack().unwrap();
        packed.extend_from_slice(&HUGE);
        let (result, largest) = decode_measured::<Extended>(&packed);
        assert_eq!((result.err(), largest), (Some(ERR_BAD_ACTION_DATA), 0));
    }

    fn any_item() -> impl Strategy<Value = Item> {
        (any::<u64>(), ".{0,8}", any::<bool>(), any::<[u8; 32]>(), any::<u8>()).prop_map(
            |(account, memo, flag, key, last)| {
                let mut data = [last; 33];
                data[..32].copy_from_slice(&key);
                Item { account: Name::new(account), memo, flag, key: PublicKey::k1(data) }
            },
        )
    }

    fn any_payload() -> impl Strategy<Value = Payload> {
        (
            any::<u64>(),
            any::<i64>(),
            ".{0,20}",
            proptest::collection::vec(any_item(), 0..4),
            proptest::collection::vec(any::<u8>(), 0..40),
            proptest::collection::vec(any::<u64>().prop_map(Name::new), 0..4),
            proptest::option::of(".{0,8}"),
        )
            .prop_map(|(coopname, amount, memo, items, data, names, note)| Payload {
                coopname: Name::new(coopname),
                quantity: Asset { amount, symbol: sym(4, "RUB") },
                memo,
                items,
                data,
                names,
                note,
            })
    }

    proptest! {
        #[test]
        fn any_payload_round_trips(payload in any_payload()) {
            let packed = payload.pack().unwrap();
            prop_assert_eq!(decode::<Payload>(&packed), Ok(payload));
        }

        #[test]
        fn every_strict_prefix_is_refused_without_allocating(payload in any_payload()) {
            let packed = payload.pack().unwrap();
            for len in 0..packed.len() {
                prop_assert_eq!(decode_measured::<Payload>(&packed[..len]), (Err(ERR_BAD_ACTION_DATA), 0));
            }
            let mut longer = packed.clone();
            longer.push(0);
            prop_assert_eq!(decode_measured::<Payload>(&longer), (Err(ERR_BAD_ACTION_DATA), 0));
        }

        /// Random bytes never panic; they are refused without allocating, or (rarely) they
        /// are a payload, which then allocates no more than a small multiple of their size.
        #[test]
        fn random_bytes_are_refused_or_decoded_within_their_size(
            bytes in proptest::collection::vec(any::<u8>(), 0..200),
        ) {
            let (result, largest) = decode_measured::<Payload>(&bytes);
            match result {
                Ok(_) => prop_assert!(largest <= 64 * bytes.len()),
                Err(message) => {
                    prop_assert!(message == ERR_BAD_ACTION_DATA || message == ERR_BAD_UTF8);
                    prop_assert_eq!(largest, 0);
                }
            }
        }

        /// A random mutation of a valid payload: refused without allocating, or decoded.
        #[test]
        fn mutated_payloads_never_panic(payload in any_payload(), at in any::<usize>(), byte in any::<u8>()) {
            let mut packed = payload.pack().unwrap();
            let at = at % packed.len();
            packed[at] = byte;
            let (result, largest) = decode_measured::<Payload>(&packed);
            if result.is_err() {
                prop_assert_eq!(largest, 0);
            }
        }

        /// A memo of any bytes: accepted exactly when they are UTF-8.
        #[test]
        fn a_memo_is_accepted_exactly_when_it_is_utf8(memo in proptest::collection::vec(any::<u8>(), 0..100)) {
            let mut packed = n("voskhod").pack().unwrap();
            packed.extend_from_slice(&Asset::default().pack().unwrap());
            packed.push(memo.len() as u8);
            packed.extend_from_slice(&memo);
            packed.extend_from_slice(&[0, 0, 0, 0]);
            let decoded = decode::<Payload>(&packed);
            match core::str::from_utf8(&memo) {
                Ok(text) => prop_assert_eq!(decoded.map(|p| p.memo), Ok(text.to_string())),
                Err(_) => prop_assert_eq!(decoded, Err(ERR_BAD_UTF8)),
            }
        }
    }
}
