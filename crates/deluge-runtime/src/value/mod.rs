//! The Deluge value model (language spec §5).
//!
//! One enum variant per Deluge type. Scalars are immutable and cheap to
//! clone (text is an `Rc<str>`). Lists, maps and collections are shared,
//! mutable objects (`Rc<RefCell<_>>`): assigning one to another variable or
//! passing it to a function aliases it (§5.7).

mod display;
mod equality;
mod key;

pub use display::{json_text, write_display, write_json};
pub use equality::{compare_text, loose_equals, order, same_family_equals};
pub use key::{MapKey, MapKeyRef};

use crate::datetime::DateTime;
use indexmap::IndexMap;
use rustc_hash::FxBuildHasher;
use std::cell::{Ref, RefCell, RefMut};
use std::rc::Rc;

/// The ordered map behind MAP values and key-value collections.
pub type Entries = IndexMap<MapKey, Value, FxBuildHasher>;

#[derive(Clone, Debug, Default)]
pub enum Value {
    #[default]
    Null,
    Bool(bool),
    Number(i64),
    Decimal(f64),
    Text(Rc<str>),
    DateTime(DateTime),
    List(Rc<RefCell<ListObj>>),
    Map(Rc<RefCell<MapObj>>),
    Collection(Rc<RefCell<CollectionObj>>),
    File(Rc<RefCell<FileObj>>),
    /// The value bound by `catch (e)`.
    Error(Rc<CaughtError>),
}

/// Element type of a typed list (`List:String()`, language spec §5.7.1).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ElemType {
    Text,
    Number,
    Decimal,
    DateTime,
    Bool,
}

impl ElemType {
    /// Recognises the type word of `List:<Type>()`, case-insensitively.
    pub fn from_name(name: &str) -> Option<ElemType> {
        Some(match name.to_ascii_lowercase().as_str() {
            "string" | "text" => ElemType::Text,
            "int" | "long" | "number" | "bigint" | "integer" => ElemType::Number,
            "decimal" | "float" | "double" => ElemType::Decimal,
            "date" | "datetime" | "timestamp" => ElemType::DateTime,
            "bool" | "boolean" => ElemType::Bool,
            _ => return None,
        })
    }

    /// The upper-case name used in error messages (`INT`, `STRING`, ...).
    pub fn error_name(self) -> &'static str {
        match self {
            ElemType::Text => "STRING",
            ElemType::Number => "INT",
            ElemType::Decimal => "DECIMAL",
            ElemType::DateTime => "DATE",
            ElemType::Bool => "BOOLEAN",
        }
    }
}

#[derive(Clone, Debug, Default)]
pub struct ListObj {
    pub items: Vec<Value>,
    /// Set for typed lists; every stored element is converted to it.
    pub elem: Option<ElemType>,
    /// Set for lists parsed from JSON: they print with brackets (§5.8.3).
    pub json_origin: bool,
}

#[derive(Clone, Debug, Default)]
pub struct MapObj {
    pub entries: Entries,
}

/// A COLLECTION (§5.9): no kind until the first insertion decides it.
#[derive(Clone, Debug, Default)]
pub enum CollectionObj {
    #[default]
    Empty,
    List(ListObj),
    Map(MapObj),
}

#[derive(Clone, Debug, Default)]
pub struct FileObj {
    pub name: String,
    pub param_name: Option<String>,
    pub content_type: String,
    pub bytes: Vec<u8>,
}

/// A runtime error as seen by a `catch` block.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CaughtError {
    pub line: usize,
    pub message: String,
}

impl CaughtError {
    /// `Error at line number : N : message` (language spec §9.3).
    pub fn text(&self) -> String {
        format!("Error at line number : {} : {}", self.line, self.message)
    }
}

/// What kind of value a receiver is, for built-in dispatch (builtins §0.2).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Kind {
    Null,
    Bool,
    Number,
    Decimal,
    Text,
    DateTime,
    List,
    Map,
    /// An empty COLLECTION that is neither list-like nor key-value yet.
    EmptyCollection,
    File,
    Error,
}

impl Kind {
    /// The user-facing type name (language spec §5.1), as the REPL and
    /// editors show it.
    pub fn label(self) -> &'static str {
        match self {
            Kind::Null => "NULL",
            Kind::Bool => "BOOLEAN",
            Kind::Number => "NUMBER",
            Kind::Decimal => "DECIMAL",
            Kind::Text => "TEXT",
            Kind::DateTime => "DATE-TIME",
            Kind::List => "LIST",
            Kind::Map => "MAP",
            Kind::EmptyCollection => "COLLECTION",
            Kind::File => "FILE",
            Kind::Error => "ERROR",
        }
    }
}

impl Value {
    pub fn text(s: impl AsRef<str>) -> Value {
        Value::Text(Rc::from(s.as_ref()))
    }

    pub fn from_string(s: String) -> Value {
        Value::Text(Rc::from(s))
    }

    pub fn new_list(items: Vec<Value>) -> Value {
        Value::List(Rc::new(RefCell::new(ListObj {
            items,
            ..ListObj::default()
        })))
    }

    pub fn new_json_list(items: Vec<Value>) -> Value {
        Value::List(Rc::new(RefCell::new(ListObj {
            items,
            elem: None,
            json_origin: true,
        })))
    }

    pub fn new_map(entries: Entries) -> Value {
        Value::Map(Rc::new(RefCell::new(MapObj { entries })))
    }

    pub fn empty_map() -> Value {
        Value::new_map(Entries::default())
    }

    pub fn new_collection(obj: CollectionObj) -> Value {
        Value::Collection(Rc::new(RefCell::new(obj)))
    }

    pub fn is_null(&self) -> bool {
        matches!(self, Value::Null)
    }

    /// The dispatch kind; collections report the kind they behave as.
    pub fn kind(&self) -> Kind {
        match self {
            Value::Null => Kind::Null,
            Value::Bool(_) => Kind::Bool,
            Value::Number(_) => Kind::Number,
            Value::Decimal(_) => Kind::Decimal,
            Value::Text(_) => Kind::Text,
            Value::DateTime(_) => Kind::DateTime,
            Value::List(_) => Kind::List,
            Value::Map(_) => Kind::Map,
            Value::Collection(c) => match &*c.borrow() {
                CollectionObj::Empty => Kind::EmptyCollection,
                CollectionObj::List(_) => Kind::List,
                CollectionObj::Map(_) => Kind::Map,
            },
            Value::File(_) => Kind::File,
            Value::Error(_) => Kind::Error,
        }
    }

    /// The internal type name used in error messages (language spec §5.1).
    pub fn type_name(&self) -> &'static str {
        match self {
            Value::Null => "NULL",
            Value::Bool(_) => "BOOLEAN",
            Value::Number(_) => "BIGINT",
            Value::Decimal(_) => "DECIMAL",
            Value::Text(_) => "STRING",
            Value::DateTime(_) => "TIMESTAMP",
            Value::List(_) => "LIST",
            Value::Map(_) => "MAP",
            Value::Collection(_) => "COLLECTION",
            Value::File(_) => "FILE",
            Value::Error(_) => "ERROR",
        }
    }

    /// The text form (§5.8) as a new string.
    pub fn display(&self) -> String {
        let mut out = String::new();
        write_display(self, &mut out);
        out
    }

    /// The text form, without copying when the value already is TEXT.
    pub fn display_rc(&self) -> Rc<str> {
        match self {
            Value::Text(s) => s.clone(),
            other => Rc::from(other.display()),
        }
    }

    pub fn as_text(&self) -> Option<&str> {
        match self {
            Value::Text(s) => Some(s),
            _ => None,
        }
    }

    /// Read access to the elements of a LIST or list-like COLLECTION.
    pub fn list_ref(&self) -> Option<Ref<'_, ListObj>> {
        match self {
            Value::List(l) => Some(l.borrow()),
            Value::Collection(c) => Ref::filter_map(c.borrow(), |c| match c {
                CollectionObj::List(l) => Some(l),
                _ => None,
            })
            .ok(),
            _ => None,
        }
    }

    /// Write access to a LIST or list-like COLLECTION. An empty collection
    /// becomes list-like when `promote` is set (first `add`, §5.9).
    pub fn list_mut(&self, promote: bool) -> Option<RefMut<'_, ListObj>> {
        match self {
            Value::List(l) => Some(l.borrow_mut()),
            Value::Collection(c) => {
                if promote && matches!(&*c.borrow(), CollectionObj::Empty) {
                    *c.borrow_mut() = CollectionObj::List(ListObj::default());
                }
                RefMut::filter_map(c.borrow_mut(), |c| match c {
                    CollectionObj::List(l) => Some(l),
                    _ => None,
                })
                .ok()
            }
            _ => None,
        }
    }

    /// Read access to the entries of a MAP or key-value COLLECTION.
    pub fn map_ref(&self) -> Option<Ref<'_, MapObj>> {
        match self {
            Value::Map(m) => Some(m.borrow()),
            Value::Collection(c) => Ref::filter_map(c.borrow(), |c| match c {
                CollectionObj::Map(m) => Some(m),
                _ => None,
            })
            .ok(),
            _ => None,
        }
    }

    /// Write access to a MAP or key-value COLLECTION; an empty collection
    /// becomes key-value when `promote` is set (first `put`, §5.9).
    pub fn map_mut(&self, promote: bool) -> Option<RefMut<'_, MapObj>> {
        match self {
            Value::Map(m) => Some(m.borrow_mut()),
            Value::Collection(c) => {
                if promote && matches!(&*c.borrow(), CollectionObj::Empty) {
                    *c.borrow_mut() = CollectionObj::Map(MapObj::default());
                }
                RefMut::filter_map(c.borrow_mut(), |c| match c {
                    CollectionObj::Map(m) => Some(m),
                    _ => None,
                })
                .ok()
            }
            _ => None,
        }
    }

    /// True for both shared-object identity and scalars: used to detect a
    /// list or map that contains itself before printing it.
    pub fn same_object(&self, other: &Value) -> bool {
        match (self, other) {
            (Value::List(a), Value::List(b)) => Rc::ptr_eq(a, b),
            (Value::Map(a), Value::Map(b)) => Rc::ptr_eq(a, b),
            (Value::Collection(a), Value::Collection(b)) => Rc::ptr_eq(a, b),
            _ => false,
        }
    }

    /// A shallow copy of a LIST, MAP or COLLECTION (a new object holding the
    /// same element values); scalars are returned as they are.
    pub fn shallow_copy(&self) -> Value {
        match self {
            Value::List(l) => Value::List(Rc::new(RefCell::new(l.borrow().clone()))),
            Value::Map(m) => Value::Map(Rc::new(RefCell::new(m.borrow().clone()))),
            Value::Collection(c) => Value::Collection(Rc::new(RefCell::new(c.borrow().clone()))),
            Value::File(f) => Value::File(Rc::new(RefCell::new(f.borrow().clone()))),
            other => other.clone(),
        }
    }

    /// A deep copy: nested lists and maps are copied too (down to a depth
    /// of 200; a collection that contains itself is shared below that).
    pub fn deep_copy(&self) -> Value {
        self.copy_at(0)
    }

    fn copy_at(&self, depth: usize) -> Value {
        const MAX_DEPTH: usize = 200;
        if depth > MAX_DEPTH {
            return self.clone();
        }
        let copy_list = |l: &ListObj| ListObj {
            items: l.items.iter().map(|v| v.copy_at(depth + 1)).collect(),
            elem: l.elem,
            json_origin: l.json_origin,
        };
        let copy_map = |m: &MapObj| MapObj {
            entries: m
                .entries
                .iter()
                .map(|(k, v)| (k.clone(), v.copy_at(depth + 1)))
                .collect(),
        };
        match self {
            Value::List(l) => Value::List(Rc::new(RefCell::new(copy_list(&l.borrow())))),
            Value::Map(m) => Value::Map(Rc::new(RefCell::new(copy_map(&m.borrow())))),
            Value::Collection(c) => {
                let copied = match &*c.borrow() {
                    CollectionObj::Empty => CollectionObj::Empty,
                    CollectionObj::List(l) => CollectionObj::List(copy_list(l)),
                    CollectionObj::Map(m) => CollectionObj::Map(copy_map(m)),
                };
                Value::new_collection(copied)
            }
            other => other.shallow_copy(),
        }
    }
}

impl From<bool> for Value {
    fn from(b: bool) -> Self {
        Value::Bool(b)
    }
}

impl From<i64> for Value {
    fn from(n: i64) -> Self {
        Value::Number(n)
    }
}

impl From<&str> for Value {
    fn from(s: &str) -> Self {
        Value::text(s)
    }
}

impl From<String> for Value {
    fn from(s: String) -> Self {
        Value::from_string(s)
    }
}
