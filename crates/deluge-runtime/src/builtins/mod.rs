//! Built-in functions, as plain tables per receiver type (builtins spec).
//!
//! Each table is a slice of [`MethodDef`] (names, arity, function). At start
//! the tables are folded into one [`Registry`]: every spelling gets a
//! numeric [`MethodId`] (names are case-insensitive), and each type gets a
//! dense array from id to definition, so dispatch in the hot loop is two
//! array look-ups. Dispatch on the receiver's runtime type follows
//! builtins §0.2 (`dispatch.rs`).

mod aes;
pub mod args;
pub mod catalog;
mod collection;
mod common;
pub mod context;
mod datetime;
mod dispatch;
mod encoding;
mod file;
mod global;
mod list;
mod list_order;
mod map;
mod number;
mod text;
mod text_convert;
mod text_dates;
mod text_regex;
mod text_search;
mod typed;

#[cfg(test)]
pub(crate) mod test_support;

pub use collection::{collection_of_entries, insert_entries};
pub use context::Ctx;
pub use dispatch::{DispatchCache, call_global, call_method, call_method_cached};
pub use typed::convert_element;

use crate::error::RtResult;
use crate::value::Value;
use rustc_hash::FxHashMap;
use std::sync::OnceLock;

/// A built-in called with a receiver: `recv.name(args)` or `name(recv, args)`.
pub type MethodFn = fn(&mut Ctx<'_>, &Value, &[Value]) -> RtResult<Value>;

/// A built-in without a receiver: `Map()`, `randomNumber(1, 6)`.
pub type GlobalFn = fn(&mut Ctx<'_>, &[Value]) -> RtResult<Value>;

pub struct MethodDef {
    /// Every accepted spelling; the first is the canonical one used in
    /// messages and docs. Matching ignores letter case.
    pub names: &'static [&'static str],
    pub min_args: u8,
    pub max_args: u8,
    pub f: MethodFn,
    /// One line for `docs/builtins.md`: the signature, then what it does.
    pub doc: &'static str,
}

pub struct GlobalDef {
    pub names: &'static [&'static str],
    pub min_args: u8,
    pub max_args: u8,
    pub f: GlobalFn,
    /// One line for `docs/builtins.md`: the signature, then what it does.
    pub doc: &'static str,
}

/// Interned method name (any table).
pub type MethodId = u16;
/// Index of a global function.
pub type GlobalId = u16;

/// The receiver tables, in dispatch order of importance.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Table {
    Text,
    Number,
    List,
    Map,
    Collection,
    DateTime,
    File,
    /// Functions for any receiver, some of them null-tolerant.
    Common,
}

impl Table {
    const COUNT: usize = 8;
}

/// Every receiver table: the receiver type it serves, its section (the
/// heading in `docs/builtins.md` and the folder of its conformance files
/// under `tests/conformance/`) and its definitions.
const TABLES: &[(Table, &str, &[MethodDef])] = &[
    (Table::Text, "text", text::TABLE),
    (Table::Text, "text", text_search::TABLE),
    (Table::Text, "text", text_regex::TABLE),
    (Table::Text, "text", text_convert::TABLE),
    (Table::Text, "encoding", encoding::TABLE),
    (Table::Text, "datetime", text_dates::TABLE),
    (Table::Text, "file", file::TEXT_TABLE),
    (Table::Number, "number", number::TABLE),
    (Table::List, "list", list::TABLE),
    (Table::List, "list", list_order::TABLE),
    (Table::Map, "map", map::TABLE),
    (Table::Collection, "collection", collection::TABLE),
    (Table::DateTime, "datetime", datetime::TABLE),
    (Table::File, "file", file::TABLE),
    (Table::Common, "common", common::TABLE),
    (Table::Common, "datetime", text_dates::COMMON),
];

/// Every table with its section, for documentation and tests.
pub fn tables() -> impl Iterator<Item = (Table, &'static str, &'static [MethodDef])> {
    TABLES.iter().copied()
}

/// The global function tables: builtins §1 and the `zoho.encryption.*`
/// functions (§8), named by their full dotted names.
/// The global functions by section, in id order.
const GLOBALS: [(&str, &[GlobalDef]); 3] = [
    ("global", global::TABLE),
    ("encoding", encoding::ENCRYPTION),
    ("encoding", aes::TABLE),
];

/// The global functions, in id order.
pub fn globals() -> impl Iterator<Item = &'static GlobalDef> {
    GLOBALS.into_iter().flat_map(|(_, defs)| defs)
}

/// The global functions with their sections, for documentation and tests.
pub fn global_sections() -> impl Iterator<Item = (&'static str, &'static [GlobalDef])> {
    GLOBALS.into_iter()
}

pub struct Registry {
    method_ids: FxHashMap<String, MethodId>,
    method_names: Vec<&'static str>,
    by_table: Vec<Vec<Option<&'static MethodDef>>>,
    global_ids: FxHashMap<String, GlobalId>,
    globals: Vec<&'static GlobalDef>,
}

impl Registry {
    fn build() -> Registry {
        let mut reg = Registry {
            method_ids: FxHashMap::default(),
            method_names: Vec::new(),
            by_table: vec![Vec::new(); Table::COUNT],
            global_ids: FxHashMap::default(),
            globals: globals().collect(),
        };
        for &(table, _, defs) in TABLES {
            for def in defs {
                for name in def.names {
                    let id = reg.intern(name);
                    let slots = &mut reg.by_table[table as usize];
                    if slots.len() <= id as usize {
                        slots.resize(id as usize + 1, None);
                    }
                    slots[id as usize].get_or_insert(def);
                }
            }
        }
        for (index, def) in reg.globals.iter().enumerate() {
            for name in def.names {
                reg.global_ids
                    .entry(name.to_ascii_lowercase())
                    .or_insert(index as GlobalId);
            }
        }
        reg
    }

    fn intern(&mut self, name: &'static str) -> MethodId {
        let key = name.to_ascii_lowercase();
        if let Some(id) = self.method_ids.get(&key) {
            return *id;
        }
        let id = self.method_names.len() as MethodId;
        self.method_names.push(name);
        self.method_ids.insert(key, id);
        id
    }

    /// The id of a method name written in any letter case.
    pub fn method_id(&self, name: &str) -> Option<MethodId> {
        self.method_ids.get(&name.to_ascii_lowercase()).copied()
    }

    pub fn global_id(&self, name: &str) -> Option<GlobalId> {
        self.global_ids.get(&name.to_ascii_lowercase()).copied()
    }

    pub fn global(&self, id: GlobalId) -> &'static GlobalDef {
        self.globals[id as usize]
    }

    /// The canonical spelling of a method name (for messages).
    pub fn method_name(&self, id: MethodId) -> &'static str {
        self.method_names[id as usize]
    }

    pub fn lookup(&self, table: Table, id: MethodId) -> Option<&'static MethodDef> {
        self.by_table[table as usize]
            .get(id as usize)
            .copied()
            .flatten()
    }

    /// Every known function name (methods and globals), for suggestions and
    /// completion.
    pub fn all_names(&self) -> impl Iterator<Item = &'static str> + '_ {
        self.method_names
            .iter()
            .copied()
            .chain(self.globals.iter().flat_map(|g| g.names.iter().copied()))
    }
}

/// True for a name whose every call fails (a feature out of scope, such as
/// `executeXPath`): completion does not offer it.
pub fn always_fails(name: &str) -> bool {
    common::UNSUPPORTED
        .iter()
        .any(|n| n.eq_ignore_ascii_case(name))
}

/// The registry, built on first use.
pub fn registry() -> &'static Registry {
    static REGISTRY: OnceLock<Registry> = OnceLock::new();
    REGISTRY.get_or_init(Registry::build)
}
