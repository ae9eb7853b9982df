//! Functions a host adds to the language for one program.
//!
//! `deluge test` gives test files assertions (`assertEquals(...)`) and a
//! `test.` namespace (`test.run(...)`); `deluge run` and `deluge check` must
//! not see them. So the names are not built-ins: a host registers them in
//! the [`Program`](crate::Program) before loading sources, lowering turns a
//! call of a registered name into [`ExprKind::HostCall`](crate::ir::ExprKind)
//! with its numeric id, and the evaluator hands the evaluated arguments to
//! [`Host::host_function`](crate::Host::host_function). A program that
//! registers nothing lowers and runs exactly as before.

use rustc_hash::FxHashMap;

/// Index of a registered host function.
pub type HostFnId = u32;

#[derive(Debug, Default, Clone)]
pub struct HostFunctions {
    /// Lower-case name → id.
    ids: FxHashMap<String, HostFnId>,
    /// Names as registered, by id.
    names: Vec<String>,
}

impl HostFunctions {
    /// Registers a name (`assertEquals`, `test.run`) and returns its id;
    /// registering a name again returns the id it already has. Names match
    /// case-insensitively, like the rest of Deluge's function names.
    pub fn register(&mut self, name: &str) -> HostFnId {
        let key = name.to_ascii_lowercase();
        if let Some(id) = self.ids.get(&key) {
            return *id;
        }
        let id = self.names.len() as HostFnId;
        self.names.push(name.to_string());
        self.ids.insert(key, id);
        id
    }

    pub fn resolve(&self, name: &str) -> Option<HostFnId> {
        if self.ids.is_empty() {
            return None;
        }
        self.ids.get(&name.to_ascii_lowercase()).copied()
    }

    /// The name as registered.
    pub fn name(&self, id: HostFnId) -> &str {
        self.names.get(id as usize).map_or("", String::as_str)
    }

    pub fn is_empty(&self) -> bool {
        self.names.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_resolve_case_insensitively_to_stable_ids() {
        let mut fns = HostFunctions::default();
        let a = fns.register("assertEquals");
        let b = fns.register("test.run");
        assert_ne!(a, b);
        assert_eq!(fns.register("ASSERTEQUALS"), a);
        assert_eq!(fns.resolve("assertequals"), Some(a));
        assert_eq!(fns.resolve("Test.Run"), Some(b));
        assert_eq!(fns.resolve("assertTrue"), None);
        assert_eq!(fns.name(b), "test.run");
    }
}
