//! Checks that a contract's WASM is something nodeos will accept, before deploying it.
//!
//! Antelope's VM takes WebAssembly 1.0 (MVP) only, requires data segments inside the first 64 KiB
//! of memory, and calls the exported `apply(receiver, code, action)`.

use wasmparser::{DataKind, ExternalKind, Operator, Parser, Payload, Validator, WasmFeatures};

/// The end of the memory region where nodeos allows data segments.
pub const DATA_LIMIT: u32 = 64 * 1024;

/// Facts about a contract module that passed [`check_contract_wasm`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct WasmReport {
    /// Size of the module in bytes.
    pub size: usize,
    /// Highest end offset of any data segment (0 without data).
    pub data_end: u32,
    /// Number of functions defined in the module (imports not counted).
    pub functions: u32,
}

/// The features a module may use: the MVP only (floats allowed), no post-MVP proposal at all —
/// no mutable-global import/export, sign-extension, saturating float-to-int, multi-value, bulk
/// memory, reference types, SIMD, threads, tail calls, exceptions, memory64, ….
pub fn mvp_features() -> WasmFeatures {
    WasmFeatures::MVP
}

/// Validates a contract module: WebAssembly 1.0 MVP only, every active data segment at a constant
/// offset and ending at or below 64 KiB, and an exported function `apply`.
pub fn check_contract_wasm(bytes: &[u8]) -> Result<WasmReport, String> {
    Validator::new_with_features(mvp_features())
        .validate_all(bytes)
        .map_err(|e| format!("not WebAssembly 1.0 (MVP): {e}"))?;

    let mut report = WasmReport { size: bytes.len(), data_end: 0, functions: 0 };
    let mut has_apply = false;
    for payload in Parser::new(0).parse_all(bytes) {
        match payload.map_err(|e| e.to_string())? {
            Payload::FunctionSection(s) => report.functions = s.count(),
            Payload::ExportSection(s) => {
                for export in s {
                    let export = export.map_err(|e| e.to_string())?;
                    has_apply |= export.name == "apply" && export.kind == ExternalKind::Func;
                }
            }
            Payload::DataSection(s) => {
                for (i, data) in s.into_iter().enumerate() {
                    let data = data.map_err(|e| e.to_string())?;
                    let DataKind::Active { offset_expr, .. } = data.kind else {
                        continue;
                    };
                    let offset = match offset_expr.get_operators_reader().read().map_err(|e| e.to_string())? {
                        Operator::I32Const { value } => value as u32,
                        other => return Err(format!("data segment {i} has a non-constant offset ({other:?})")),
                    };
                    let end = u64::from(offset) + data.data.len() as u64;
                    if end > u64::from(DATA_LIMIT) {
                        return Err(format!(
                            "data segment {i} ends at {end} (offset {offset}, {} bytes): Smart contract data \
                             segments must lie in first 64KiB",
                            data.data.len()
                        ));
                    }
                    report.data_end = report.data_end.max(end as u32);
                }
            }
            _ => {}
        }
    }
    if !has_apply {
        return Err("no exported function `apply`".into());
    }
    Ok(report)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn module(body: &str, data: &str) -> Vec<u8> {
        wat::parse_str(format!(
            r#"(module
                 (import "env" "eosio_assert" (func $assert (param i32 i32)))
                 (memory (export "memory") 1)
                 {data}
                 (func (export "apply") (param i64 i64 i64) {body}))"#
        ))
        .unwrap()
    }

    #[test]
    fn an_mvp_module_passes() {
        let wasm = module("(drop (f64.add (f64.const 1) (f64.const 2)))", r#"(data (i32.const 1024) "hello")"#);
        let report = check_contract_wasm(&wasm).unwrap();
        assert_eq!(report, WasmReport { size: wasm.len(), data_end: 1029, functions: 1 });
    }

    #[test]
    fn sign_extension_fails() {
        let wasm = module("(drop (i32.extend8_s (i32.const 1)))", "");
        let err = check_contract_wasm(&wasm).unwrap_err();
        assert!(err.contains("sign extension"), "{err}");
    }

    #[test]
    fn bulk_memory_fails() {
        let wasm = module("(memory.copy (i32.const 0) (i32.const 8) (i32.const 8))", "");
        assert!(check_contract_wasm(&wasm).unwrap_err().contains("bulk memory"));
    }

    #[test]
    fn data_beyond_64k_fails() {
        let wasm = module("", r#"(data (i32.const 70000) "x")"#);
        let err = check_contract_wasm(&wasm).unwrap_err();
        assert!(err.contains("first 64KiB"), "{err}");
        // Ending exactly at 64 KiB is fine.
        let wasm = module("", r#"(data (i32.const 65535) "x")"#);
        assert_eq!(check_contract_wasm(&wasm).unwrap().data_end, 65536);
    }

    #[test]
    fn apply_must_be_exported() {
        let wasm = wat::parse_str("(module (func (export \"main\")))").unwrap();
        assert!(check_contract_wasm(&wasm).unwrap_err().contains("apply"));
    }

    #[test]
    fn garbage_fails() {
        assert!(check_contract_wasm(b"not wasm").is_err());
    }
}
