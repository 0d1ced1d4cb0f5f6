//! Malformed action data: for every action of every ABI, cases generated from its valid data
//! (`actions.rs`) and its ABI type, pushed by the party the action allows:
//!
//! - **not the type's shape**: no data, truncations at every field, trailing bytes, length
//!   prefixes of 4 GiB, one past the bytes left, varuints of 6 bytes and over 32 bits, key
//!   and signature types other than K1 and R1 (WebAuthn, unknown, a varuint type), a bool
//!   of 2, random bytes, flips, insertions and deletions — refused with exactly
//!   `ERR_BAD_ACTION_DATA`;
//! - **strings that are not UTF-8** (a lone `ff`, a cut sequence, a surrogate, an over-long
//!   encoding, a code point past U+10FFFF) — refused with exactly `ERR_BAD_UTF8`;
//! - **well formed, invalid values**: over-long strings (4 KiB) and vectors (200 items),
//!   invalid symbols (precision 19, no code, lower case, a gap) and amounts (over 2^62, -1),
//!   garbage K1 and R1 keys and signatures in documents — refused with a message the action
//!   lists (`contract_interface!`'s `errors [...]` and those of what it calls) or for a
//!   missing authority;
//! - **well formed, any value** (names 0, `zzzzzzzzzzzzj`, dotted; numbers at their maximum;
//!   random changes that keep the shape): accepted, or refused as above — never a message
//!   the action does not list (a panic, running out of memory, the VM's or a system
//!   contract's error).
//!
//! The shape each case has is decided here, independently of the contracts, by walking the
//! bytes as the ABI describes them ([`walk`]): the contracts must agree with it exactly.
//! A case that may be accepted is pushed with `actions::marker` behind it, so nothing is
//! ever written; our tables are compared before and after each action's cases all the same.
//!
//! At least [`DEFAULT_CASES`] cases per action (every systematic case, then random ones up
//! to the count); `RELIABILITY_CASES` sets the count, `RELIABILITY_SEED` the random part's
//! seed (decimal or `0x` hex).
use super::actions::{push, right_party, specs, Rule, Spec, MARKER_MESSAGE};
use super::common::{chain, env_u64, serial, snapshot, Outcome, Rng};
use super::world::world;
use antelope_test_harness::abi_files::contract_abis;
use coop_abi::Abi;
use coop_runtime::interface::{ERR_BAD_ACTION_DATA, ERR_BAD_UTF8};

/// Cases per action by default (at least: every systematic case is always pushed).
pub const DEFAULT_CASES: u64 = 50;
/// The default seed of the random cases.
pub const DEFAULT_SEED: u64 = 11;

/// What bytes are for an ABI type.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Shape {
    WellFormed,
    /// Not the type's shape: [`ERR_BAD_ACTION_DATA`].
    Malformed,
    /// A string that is not UTF-8: [`ERR_BAD_UTF8`].
    BadUtf8,
}

/// A field of valid data: where it is, its type, and where its length prefix ends.
#[derive(Clone, Debug)]
struct Field {
    path: String,
    ty: String,
    start: usize,
    /// After the length prefix (strings, bytes, vectors), the key or signature type byte;
    /// `start` for the others.
    body: usize,
    end: usize,
    /// Inside a signed document.
    in_document: bool,
}

/// Walks `bytes` from `*pos` as ABI type `ty`: the shape check the contracts run, written
/// from the ABI (a varuint has at most 5 bytes; a length or count is at most the bytes
/// left; keys and signatures are K1 or R1; bools and option flags are 0 or 1; the first
/// problem met decides). Records the fields it passes in `fields`.
fn walk(abi: &Abi, ty: &str, bytes: &[u8], pos: &mut usize, path: &str, doc: bool, fields: &mut Vec<Field>) -> Shape {
    let start = *pos;
    let field = |body: usize, end: usize| Field {
        path: path.to_string(),
        ty: ty.to_string(),
        start,
        body,
        end,
        in_document: doc,
    };
    let fixed = |pos: &mut usize, size: usize| {
        if bytes.len() - *pos < size {
            return false;
        }
        *pos += size;
        true
    };
    if let Some(element) = ty.strip_suffix("[]").or((ty == "bytes").then_some("uint8")) {
        let Some(count) = length(bytes, pos) else { return Shape::Malformed };
        let body = *pos;
        for index in 0..count {
            let shape = walk(abi, element, bytes, pos, &format!("{path}[{index}]"), doc, fields);
            if shape != Shape::WellFormed {
                return shape;
            }
        }
        fields.push(field(body, *pos));
        return Shape::WellFormed;
    }
    if let Some(inner) = ty.strip_suffix('?') {
        return match bytes.get(*pos) {
            Some(0) => {
                *pos += 1;
                Shape::WellFormed
            }
            Some(1) => {
                *pos += 1;
                walk(abi, inner, bytes, pos, path, doc, fields)
            }
            _ => Shape::Malformed,
        };
    }
    if let Some(inner) = ty.strip_suffix('$') {
        return if *pos == bytes.len() { Shape::WellFormed } else { walk(abi, inner, bytes, pos, path, doc, fields) };
    }
    let size = match ty {
        "string" => {
            let Some(len) = length(bytes, pos) else { return Shape::Malformed };
            let body = *pos;
            *pos += len;
            if std::str::from_utf8(&bytes[body..*pos]).is_err() {
                return Shape::BadUtf8;
            }
            fields.push(field(body, *pos));
            return Shape::WellFormed;
        }
        "bool" => {
            if !matches!(bytes.get(*pos), Some(0 | 1)) {
                return Shape::Malformed;
            }
            *pos += 1;
            fields.push(field(start, *pos));
            return Shape::WellFormed;
        }
        "public_key" | "signature" => {
            let curve = varuint(bytes, pos);
            let data = if ty == "public_key" { 33 } else { 65 };
            if !matches!(curve, Some(0 | 1)) || !fixed(pos, data) {
                return Shape::Malformed;
            }
            fields.push(field(start, *pos));
            return Shape::WellFormed;
        }
        _ => match fixed_size(ty) {
            Some(size) => size,
            None => {
                let def = abi.structs.iter().find(|s| s.name == ty).unwrap_or_else(|| panic!("no ABI type {ty}"));
                assert!(def.base.is_empty(), "{ty} has a base");
                let doc = doc || ty == "document";
                for field in &def.fields {
                    let inner = if path.is_empty() { field.name.clone() } else { format!("{path}.{}", field.name) };
                    let shape = walk(abi, &field.type_, bytes, pos, &inner, doc, fields);
                    if shape != Shape::WellFormed {
                        return shape;
                    }
                }
                return Shape::WellFormed;
            }
        },
    };
    if !fixed(pos, size) {
        return Shape::Malformed;
    }
    fields.push(field(start, *pos));
    Shape::WellFormed
}

/// The size of a fixed-size ABI type, or `None` (a struct, or not fixed).
fn fixed_size(ty: &str) -> Option<usize> {
    Some(match ty {
        "int8" | "uint8" => 1,
        "int16" | "uint16" => 2,
        "int32" | "uint32" | "time_point_sec" => 4,
        "int64" | "uint64" | "name" | "symbol" | "symbol_code" | "time_point" => 8,
        "int128" | "uint128" | "asset" => 16,
        "checksum256" => 32,
        _ => return None,
    })
}

/// A varuint32 of at most 5 bytes (its value may reach 35 bits), or `None`.
fn varuint(bytes: &[u8], pos: &mut usize) -> Option<u64> {
    let mut value = 0u64;
    for index in 0..5 {
        let byte = *bytes.get(*pos + index)?;
        value |= u64::from(byte & 0x7f) << (7 * index);
        if byte & 0x80 == 0 {
            *pos += index + 1;
            return Some(value);
        }
    }
    None
}

/// A length or count prefix: at most the bytes left.
fn length(bytes: &[u8], pos: &mut usize) -> Option<usize> {
    let len = varuint(bytes, pos)?;
    (len <= (bytes.len() - *pos) as u64).then_some(len as usize)
}

/// The shape of `bytes` as the whole data of ABI type `ty`: nothing may be left over.
fn shape_of(abi: &Abi, ty: &str, bytes: &[u8]) -> (Shape, Vec<Field>) {
    let (mut pos, mut fields) = (0, Vec::new());
    let shape = walk(abi, ty, bytes, &mut pos, "", false, &mut fields);
    match shape {
        Shape::WellFormed if pos != bytes.len() => (Shape::Malformed, fields),
        shape => (shape, fields),
    }
}

/// `value` as a varuint32.
fn encode_varuint(mut value: u64) -> Vec<u8> {
    let mut out = Vec::new();
    loop {
        let byte = (value & 0x7f) as u8;
        value >>= 7;
        if value == 0 {
            out.push(byte);
            return out;
        }
        out.push(byte | 0x80);
    }
}

/// The smallest valid value of ABI type `ty`.
fn smallest(abi: &Abi, ty: &str) -> Vec<u8> {
    if ty.ends_with("[]") || ty.ends_with('?') || matches!(ty, "bytes" | "string" | "bool") {
        return vec![0];
    }
    let size = match ty {
        "public_key" => 34,
        "signature" => 66,
        _ => match fixed_size(ty) {
            Some(size) => size,
            None => {
                let def = abi.structs.iter().find(|s| s.name == ty).unwrap_or_else(|| panic!("no ABI type {ty}"));
                return def.fields.iter().flat_map(|f| smallest(abi, &f.type_)).collect();
            }
        },
    };
    vec![0; size]
}

/// One push of spoiled data.
#[derive(Clone, Debug)]
struct Case {
    what: String,
    data: Vec<u8>,
    /// A well-formed value that the action must refuse (its validation's business).
    must_refuse: bool,
}

/// `base` with `start..end` replaced by `with`.
fn splice(base: &[u8], start: usize, end: usize, with: &[u8]) -> Vec<u8> {
    [&base[..start], with, &base[end..]].concat()
}

/// A name's value from its text.
fn name(text: &str) -> [u8; 8] {
    text.parse::<eosio::Name>().expect("a name").as_u64().to_le_bytes()
}

/// A symbol: its precision byte, then its code's letters (at most 7).
fn symbol(precision: u8, code: &[u8]) -> [u8; 8] {
    let mut bytes = [0; 8];
    bytes[0] = precision;
    bytes[1..1 + code.len()].copy_from_slice(code);
    bytes
}

/// Strings that are not UTF-8.
const NOT_UTF8: [(&str, &[u8]); 6] = [
    ("a lone ff", &[0xff]),
    ("a cut two-byte sequence", &[b'a', 0xc3]),
    ("a bad continuation", &[0xc3, 0x28]),
    ("a surrogate", &[0xed, 0xa0, 0x80]),
    ("an over-long NUL", &[0xc0, 0x80]),
    ("a code point past U+10FFFF", &[0xf4, 0x90, 0x80, 0x80]),
];

/// The systematic cases of an action whose valid data is `base` with `fields`.
fn systematic(abi: &Abi, base: &[u8], fields: &[Field]) -> Vec<Case> {
    let malformed = |what: String, data: Vec<u8>| Case { what, data, must_refuse: true };
    let refused = |what: String, data: Vec<u8>| Case { what, data, must_refuse: true };
    let any = |what: String, data: Vec<u8>| Case { what, data, must_refuse: false };
    let mut cases = vec![malformed("no data".into(), vec![])];
    cases.push(malformed("a trailing zero".into(), [base, &[0]].concat()));
    cases.push(malformed("8 trailing bytes".into(), [base, &[0xff; 8]].concat()));
    for field in fields {
        let (path, start, body, end) = (&field.path, field.start, field.body, field.end);
        for cut in [start, start + (end - start) / 2, end.saturating_sub(1)] {
            if cut > 0 && cut < base.len() {
                cases.push(malformed(format!("cut at byte {cut}, in {path}"), base[..cut].to_vec()));
            }
        }
        let variable = field.ty == "string" || field.ty == "bytes" || field.ty.ends_with("[]");
        if variable {
            let rest = (base.len() - body) as u64;
            for (what, prefix) in [
                ("a 4 GiB length", vec![0xff, 0xff, 0xff, 0xff, 0x0f]),
                ("a length one past the bytes left", encode_varuint(rest + 1)),
                ("a 6-byte varuint length", vec![0x80, 0x80, 0x80, 0x80, 0x80, 0x00]),
                ("a varuint length over 32 bits", vec![0xff, 0xff, 0xff, 0xff, 0x7f]),
            ] {
                cases.push(malformed(format!("{path}: {what}"), splice(base, start, body, &prefix)));
            }
            if body - start == 1 && base[start] < 0x80 {
                // The same length over two bytes: over-long but in range, as the chain accepts.
                let prefix = [base[start] | 0x80, 0x00];
                cases.push(any(format!("{path}: its length as a 2-byte varuint"), splice(base, start, body, &prefix)));
            }
        }
        match field.ty.as_str() {
            "string" => {
                for (what, bad) in NOT_UTF8 {
                    let data = [encode_varuint(bad.len() as u64), bad.to_vec()].concat();
                    cases.push(malformed(format!("{path}: {what}"), splice(base, start, end, &data)));
                }
                let long = "я".repeat(2048);
                let data = [encode_varuint(long.len() as u64), long.into_bytes()].concat();
                cases.push(refused(format!("{path}: 4 KiB of text"), splice(base, start, end, &data)));
            }
            "bytes" => {
                let data = [encode_varuint(4096), vec![0; 4096]].concat();
                cases.push(refused(format!("{path}: 4 KiB of bytes"), splice(base, start, end, &data)));
            }
            "public_key" | "signature" => {
                let size = end - start;
                for (what, curve) in
                    [("WebAuthn", vec![2]), ("an unknown type", vec![3]), ("type 128", vec![0x80, 0x01])]
                {
                    let data = [curve, vec![0x11; size - 1]].concat();
                    cases.push(malformed(format!("{path}: {what}"), splice(base, start, end, &data)));
                }
                for (what, curve, fill) in [("K1", 0, 0xff), ("R1", 1, 0xff), ("K1 zeros", 0, 0), ("R1 zeros", 1, 0)] {
                    let data = [vec![curve], vec![fill; size - 1]].concat();
                    let case = format!("{path}: a garbage {what} {}", field.ty.replace('_', " "));
                    let data = splice(base, start, end, &data);
                    cases.push(if field.in_document { refused(case, data) } else { any(case, data) });
                }
            }
            "asset" => {
                let symbol_bytes = &base[start + 8..end];
                for (what, amount) in [("over 2^62", i64::MAX), ("-1", -1)] {
                    let data = [&amount.to_le_bytes()[..], symbol_bytes].concat();
                    cases.push(refused(format!("{path}: an amount of {what}"), splice(base, start, end, &data)));
                }
                for (what, bad) in invalid_symbols() {
                    let data = [&base[start..start + 8], &bad[..]].concat();
                    cases.push(refused(format!("{path}: {what}"), splice(base, start, end, &data)));
                }
            }
            "symbol" => {
                for (what, bad) in invalid_symbols() {
                    cases.push(refused(format!("{path}: {what}"), splice(base, start, end, &bad)));
                }
            }
            "name" => {
                for (what, value) in
                    [("the empty name", [0; 8]), ("zzzzzzzzzzzzj", [0xff; 8]), ("a dotted name", name("a.b"))]
                {
                    cases.push(any(format!("{path}: {what}"), splice(base, start, end, &value)));
                }
            }
            "bool" => {
                cases.push(malformed(format!("{path}: a bool of 2"), splice(base, start, end, &[2])));
            }
            "uint8" | "uint32" | "uint64" | "time_point_sec" | "checksum256" => {
                cases.push(any(
                    format!("{path}: its largest value"),
                    splice(base, start, end, &vec![0xff; end - start]),
                ));
            }
            ty if ty.ends_with("[]") => {
                let element = smallest(abi, ty.trim_end_matches("[]"));
                let data = [encode_varuint(200), element.repeat(200)].concat();
                cases.push(refused(format!("{path}: 200 items"), splice(base, start, end, &data)));
            }
            _ => {}
        }
    }
    cases
}

/// Symbols no amount may have.
fn invalid_symbols() -> [(&'static str, [u8; 8]); 4] {
    [
        ("precision 19", symbol(19, b"RUB")),
        ("a symbol without a code", symbol(4, b"")),
        ("a lower-case code", symbol(4, b"rub")),
        ("a code with a gap", symbol(4, b"R\0B")),
    ]
}

/// A random case from `base`.
fn random_case(rng: &mut Rng, base: &[u8]) -> Case {
    let len = base.len();
    let (what, data) = match rng.below(6) {
        0 => {
            let cut = rng.below(len);
            (format!("cut at byte {cut}"), base[..cut].to_vec())
        }
        1 => {
            let extra = 1 + rng.below(16);
            (format!("{extra} random trailing bytes"), [base, &rng.bytes(extra)].concat())
        }
        2 => {
            let size = rng.below(2 * len + 8);
            (format!("{size} random bytes"), rng.bytes(size))
        }
        3 => {
            let mut data = base.to_vec();
            let flips = 1 + rng.below(3);
            for _ in 0..flips {
                let at = rng.below(len);
                data[at] ^= 1 << rng.below(8);
            }
            (format!("{flips} random bit flips"), data)
        }
        4 => {
            let at = rng.below(len + 1);
            (format!("a random byte inserted at {at}"), splice(base, at, at, &rng.bytes(1)))
        }
        _ => {
            let at = rng.below(len);
            (format!("byte {at} deleted"), splice(base, at, at + 1, &[]))
        }
    };
    Case { what, data, must_refuse: false }
}

/// Whether `outcome` is right for `case` of `spec`, whose shape is `shape`.
fn judge(spec: &Spec, case: &Case, shape: Shape, outcome: &Outcome) -> bool {
    match shape {
        Shape::Malformed => *outcome == Outcome::Assert(ERR_BAD_ACTION_DATA.into()),
        Shape::BadUtf8 => *outcome == Outcome::Assert(ERR_BAD_UTF8.into()),
        Shape::WellFormed => match outcome {
            Outcome::Assert(message) if message == MARKER_MESSAGE && spec.rule != Rule::ReadOnly => !case.must_refuse,
            Outcome::Accepted => spec.rule == Rule::ReadOnly && !case.must_refuse,
            Outcome::Assert(message) => spec.errors.lists(message),
            refused => refused.is_authority_error(),
        },
    }
}

/// What an action did with a case, as [`KNOWN`] writes it: `accepted` (the marker's
/// refusal) or the outcome as shown.
fn shown(outcome: &Outcome) -> String {
    match outcome {
        Outcome::Assert(message) if message == MARKER_MESSAGE => "accepted".into(),
        other => other.to_string(),
    }
}

/// A departure from the rules above that this suite found and reported (issue 11): the
/// action (`*`: any), the case (part of its description; empty: any) and what happens
/// instead (the start of it). Kept so that the default run passes while it stands;
/// `RELIABILITY_STRICT=1` fails on them too.
struct Known {
    action: &'static str,
    case: &'static str,
    outcomes: &'static [&'static str],
    why: &'static str,
}

const KNOWN: [Known; 1] = [Known {
    action: "*",
    case: "",
    outcomes: &[
        "exception: unable to reconstruct public key from signature",
        "assert_exception: secp256k1_ecdsa_recover(",
    ],
    why: "a document whose signature is well formed (K1 or R1) but no valid signature: the \
              chain's key recovery aborts the action before the contract can refuse the document \
              with its bad-signature message",
}];

/// The [`KNOWN`] departure `outcome` of `case` is, if any.
fn known(spec: &Spec, case: &Case, outcome: &Outcome) -> Option<&'static Known> {
    let shown = shown(outcome);
    KNOWN.iter().find(|k| {
        (k.action == "*" || k.action == spec.label())
            && case.what.contains(k.case)
            && k.outcomes.iter().any(|start| shown.starts_with(start))
    })
}

/// Pushes every case of every action of `contract`; our tables compared around each
/// action's cases. Returns the number of cases.
fn run(contract: &str) -> usize {
    let _serial = serial();
    let chain = chain();
    let w = world();
    let count = env_u64("RELIABILITY_CASES", DEFAULT_CASES) as usize;
    let seed = env_u64("RELIABILITY_SEED", DEFAULT_SEED);
    let abi = contract_abis().into_iter().find(|(name, _)| *name == contract).expect("a contract").1;
    let strict = env_u64("RELIABILITY_STRICT", 0) != 0;
    let (mut failures, mut departures) = (Vec::new(), Vec::new());
    let (mut total, mut accepted, mut shapes) = (0, 0, [0; 3]);
    for spec in specs().iter().filter(|s| s.contract_name == contract) {
        let ty = &abi.actions.iter().find(|a| a.name == spec.action.to_string()).expect("in the ABI").type_;
        let base = spec.right_data(w);
        let (shape, fields) = shape_of(&abi, ty, &base);
        assert_eq!(shape, Shape::WellFormed, "{}: the valid data is not its type's shape", spec.label());
        let mut cases = systematic(&abi, &base, &fields);
        let mut rng = Rng::new(seed ^ spec.action.as_u64());
        while cases.len() < count {
            cases.push(random_case(&mut rng, &base));
        }
        let party = right_party(spec, w);
        let before = snapshot(chain);
        for case in &cases {
            let (shape, _) = shape_of(&abi, ty, &case.data);
            shapes[shape as usize] += 1;
            let with_marker = spec.rule != Rule::ReadOnly;
            let outcome = push(w, &party, spec.contract, spec.action, case.data.clone(), with_marker);
            accepted += usize::from(outcome == Outcome::Assert(MARKER_MESSAGE.into()) || outcome == Outcome::Accepted);
            if judge(spec, case, shape, &outcome) {
                continue;
            }
            let line = format!("{} {} ({shape:?}): {}", spec.label(), case.what, shown(&outcome));
            match known(spec, case, &outcome) {
                Some(known) if !strict => departures.push((known.why, line)),
                _ => failures.push(line),
            }
        }
        let differences = before.differences(&snapshot(chain));
        if !differences.is_empty() {
            failures.push(format!("{} changed our tables: {}", spec.label(), differences.join("; ")));
        }
        assert!(cases.len() >= DEFAULT_CASES as usize, "{}: {} cases", spec.label(), cases.len());
        total += cases.len();
    }
    assert!(
        failures.is_empty(),
        "{} malformed-data cases failed (RELIABILITY_SEED={seed}, RELIABILITY_CASES={count}):\n  {}",
        failures.len(),
        failures.join("\n  ")
    );
    let [well_formed, malformed, not_utf8] = shapes;
    println!(
        "{contract}: {total} cases: {malformed} not the type's shape, {not_utf8} not UTF-8, {well_formed} well \
         formed ({accepted} of them accepted and undone)"
    );
    for known in &KNOWN {
        let cases: Vec<&str> =
            departures.iter().filter(|(why, _)| *why == known.why).map(|(_, l)| l.as_str()).collect();
        if !cases.is_empty() {
            println!("{contract}: {} known departures — {}:\n  {}", cases.len(), known.why, cases.join("\n  "));
        }
    }
    total
}

#[test]
fn registrator_actions_refuse_malformed_data_with_their_messages() {
    run("registrator");
}

#[test]
fn soviet_actions_refuse_malformed_data_with_their_messages() {
    run("soviet");
}

#[test]
fn wallet_actions_refuse_malformed_data_with_their_messages() {
    run("wallet");
}

#[test]
fn operator_actions_refuse_malformed_data_with_their_messages() {
    run("operator");
}
