//! The rule for table layouts (README, "State and RAM", rule 6): rows only gain trailing
//! binary-extension fields and table names never change. [`extension_problems`] compares two
//! ABIs (`eosio::abi/1.2` JSON) by the wire shape of every table's row: each table of the
//! earlier ABI must still exist, under the same name and index type, and its row must start
//! with exactly the earlier fields (same names, same shapes — nested structs, vectors,
//! optionals and aliases compared all the way down), followed only by fields whose type is
//! a binary extension (`T$`). The ABIs of earlier commits come from `git show`.
use serde_json::Value;
use std::path::Path;
use std::process::Command;

/// What breaks the rule between `old` and `new` (empty when `new` only extends `old`).
pub fn extension_problems(contract: &str, old: &Value, new: &Value) -> Vec<String> {
    let mut problems = Vec::new();
    for old_table in array(old, "tables") {
        let name = text(old_table, "name");
        let Some(new_table) = array(new, "tables").iter().find(|t| text(t, "name") == name) else {
            problems.push(format!("{contract}: table `{name}` is gone (renamed or removed)"));
            continue;
        };
        for key in ["index_type", "key_names", "key_types"] {
            if old_table[key] != new_table[key] {
                problems
                    .push(format!("{contract}.{name}: {key} changed from {} to {}", old_table[key], new_table[key]));
            }
        }
        let (old_type, new_type) = (text(old_table, "type"), text(new_table, "type"));
        let old_fields = fields(old, old_type);
        let new_fields = fields(new, new_type);
        let (Some(old_fields), Some(new_fields)) = (old_fields, new_fields) else {
            if shape(old, old_type) != shape(new, new_type) {
                problems.push(format!("{contract}.{name}: row type `{old_type}` became `{new_type}` of another shape"));
            }
            continue;
        };
        for (index, (old_field, new_field)) in old_fields.iter().zip(&new_fields).enumerate() {
            let (old_shape, new_shape) = (shape(old, &old_field.1), shape(new, &new_field.1));
            if old_field.0 != new_field.0 || old_shape != new_shape {
                problems.push(format!(
                    "{contract}.{name}: field {index} was `{}: {}` ({old_shape}), is `{}: {}` ({new_shape})",
                    old_field.0, old_field.1, new_field.0, new_field.1
                ));
            }
        }
        if new_fields.len() < old_fields.len() {
            let gone: Vec<&str> = old_fields[new_fields.len()..].iter().map(|f| f.0.as_str()).collect();
            problems.push(format!("{contract}.{name}: fields {gone:?} are gone"));
        }
        for (field, ty) in new_fields.iter().skip(old_fields.len()) {
            if !ty.ends_with('$') {
                problems
                    .push(format!("{contract}.{name}: new field `{field}: {ty}` is not a binary extension (`{ty}$`)"));
            }
        }
    }
    problems
}

/// The fields of struct `name` in order, its bases' first; `None` when `name` is no struct.
fn fields(abi: &Value, name: &str) -> Option<Vec<(String, String)>> {
    let name = resolve(abi, name);
    let found = array(abi, "structs").iter().find(|s| text(s, "name") == name)?;
    let mut all = match text(found, "base") {
        "" => Vec::new(),
        base => fields(abi, base).unwrap_or_default(),
    };
    all.extend(array(found, "fields").iter().map(|f| (text(f, "name").to_string(), text(f, "type").to_string())));
    Some(all)
}

/// `name` with its aliases (`types`) followed to the end.
fn resolve<'a>(abi: &'a Value, name: &'a str) -> &'a str {
    let mut name = name;
    for _ in 0..32 {
        match array(abi, "types").iter().find(|t| text(t, "new_type_name") == name) {
            Some(alias) => name = text(alias, "type"),
            None => return name,
        }
    }
    panic!("an alias cycle at `{name}`")
}

/// The wire shape of type `ty`, independent of struct and alias names: built-in types by
/// name, `[]`/`?`/`$`/`[N]` around their element, structs as their fields' names and shapes,
/// variants as their alternatives.
pub fn shape(abi: &Value, ty: &str) -> String {
    if let Some(inner) = ty.strip_suffix("[]") {
        return format!("vec<{}>", shape(abi, inner));
    }
    if let Some(inner) = ty.strip_suffix('?') {
        return format!("opt<{}>", shape(abi, inner));
    }
    if let Some(inner) = ty.strip_suffix('$') {
        return format!("ext<{}>", shape(abi, inner));
    }
    if let Some((inner, size)) = ty.strip_suffix(']').and_then(|t| t.rsplit_once('[')) {
        return format!("array<{}; {size}>", shape(abi, inner));
    }
    let ty = resolve(abi, ty);
    if let Some(variant) = array(abi, "variants").iter().find(|v| text(v, "name") == ty) {
        let alternatives: Vec<String> =
            array(variant, "types").iter().map(|t| shape(abi, t.as_str().unwrap_or_default())).collect();
        return format!("variant<{}>", alternatives.join(", "));
    }
    match fields(abi, ty) {
        Some(fields) => {
            let fields: Vec<String> = fields.iter().map(|(name, ty)| format!("{name}: {}", shape(abi, ty))).collect();
            format!("{{{}}}", fields.join(", "))
        }
        None => ty.to_string(),
    }
}

fn array<'a>(value: &'a Value, key: &str) -> &'a [Value] {
    value.get(key).and_then(Value::as_array).map_or(&[], Vec::as_slice)
}

fn text<'a>(value: &'a Value, key: &str) -> &'a str {
    value.get(key).and_then(Value::as_str).unwrap_or_default()
}

/// `git` in the repository at `root`: its standard output, or what went wrong.
pub fn git(root: &Path, args: &[&str]) -> Result<String, String> {
    let output = Command::new("git")
        .arg("-C")
        .arg(root)
        .args(args)
        .output()
        .map_err(|e| format!("git {}: {e}", args.join(" ")))?;
    if !output.status.success() {
        return Err(format!("git {}: {}", args.join(" "), String::from_utf8_lossy(&output.stderr).trim()));
    }
    String::from_utf8(output.stdout).map_err(|e| format!("git {}: {e}", args.join(" ")))
}

/// Fails with a clear message unless `commit` is in this clone's history and an ancestor of
/// `HEAD` (a shallow clone lacks it: `git fetch --unshallow`).
#[track_caller]
pub fn require_commit(root: &Path, commit: &str) {
    if let Err(e) = git(root, &["cat-file", "-e", &format!("{commit}^{{commit}}")]) {
        panic!(
            "commit {commit} (the upgrade tests' fixed earlier release) is not in this clone ({e}); \
             the tests need the repository's history: in a shallow clone run `git fetch --unshallow`"
        );
    }
    if let Err(e) = git(root, &["merge-base", "--is-ancestor", commit, "HEAD"]) {
        panic!("commit {commit} is not an ancestor of HEAD ({e}): the upgrade tests start from an earlier release");
    }
}

/// The committed ABI of `contract` at `commit`.
pub fn abi_at(root: &Path, commit: &str, contract: &str) -> Value {
    let text = git(root, &["show", &format!("{commit}:abi/{contract}.abi")]).unwrap_or_else(|e| panic!("{e}"));
    serde_json::from_str(&text).unwrap_or_else(|e| panic!("abi/{contract}.abi at {commit}: {e}"))
}

/// `commit` and every later commit up to `HEAD` that changed `abi/`, oldest first.
pub fn abi_commits_since(root: &Path, commit: &str) -> Vec<String> {
    let later = git(root, &["rev-list", "--reverse", &format!("{commit}..HEAD"), "--", "abi"])
        .unwrap_or_else(|e| panic!("{e}"));
    std::iter::once(commit.to_string()).chain(later.lines().map(str::to_string)).collect()
}
