//! The positional-argument rules of the `zoho.*` tasks (integrations spec
//! §3.1).
//!
//! Every task takes its required arguments first, then optional ones, then
//! an optional connection (a link name). Scripts leave trailing optional
//! arguments out, pass `null` to skip one in the middle, and write "no
//! options" as `Map()`, `{"":""}` or a blank TEXT. A TEXT left in the last
//! position of an optional map or page is the connection, and a
//! `connection` key inside the options map names the link when no
//! connection argument is given. [`parse`] applies all of this once, so the
//! tasks only read normalised values.

use deluge_runtime::value::CollectionObj;
use deluge_runtime::{HostError, Value};

/// What one positional argument of a task holds.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub enum Slot {
    /// An argument the task cannot do without, named for error messages
    /// (`module`, `record id`).
    Required(&'static str),
    /// An optional page or per-page NUMBER.
    Number(&'static str),
    /// An optional map of extra values: query parameters or options.
    Options,
    /// Books' optional search: a map of filters or a query string.
    Search,
}

/// The arguments of one call, normalised: one value per slot (`Null` when
/// left out or "none"), and the link name if one was given.
#[derive(Debug)]
pub struct Args {
    task: String,
    values: Vec<Value>,
    connection: Option<String>,
}

/// Reads `args` against the task's `slots` (required slots first).
pub fn parse(task: &str, slots: &[Slot], args: &[Value]) -> Result<Args, HostError> {
    let required = slots
        .iter()
        .filter(|s| matches!(s, Slot::Required(_)))
        .count();
    if args.len() > slots.len() + 1 {
        return Err(invalid(
            task,
            format!(
                "it takes at most {} arguments, {} were given",
                slots.len() + 1,
                args.len()
            ),
        ));
    }
    let (given, connection) = split_connection(task, slots, required, args)?;
    if given.len() < required {
        return Err(invalid(task, missing_message(slots, given.len())));
    }
    let values = slots
        .iter()
        .enumerate()
        .map(|(i, slot)| normalise(task, *slot, given.get(i).cloned().unwrap_or_default()))
        .collect::<Result<Vec<_>, _>>()?;
    let mut parsed = Args {
        task: task.to_string(),
        values,
        connection,
    };
    parsed.take_connection_from_options(slots);
    Ok(parsed)
}

/// Separates the connection from the slot values: an argument after the
/// last slot, or a trailing TEXT that its optional slot cannot hold.
fn split_connection<'a>(
    task: &str,
    slots: &[Slot],
    required: usize,
    args: &'a [Value],
) -> Result<(&'a [Value], Option<String>), HostError> {
    if let Some(explicit) = args.get(slots.len()) {
        return Ok((&args[..slots.len()], link_name(task, explicit)?));
    }
    if let Some((last, rest)) = args.split_last()
        && args.len() > required
        && is_trailing_connection(slots[args.len() - 1], last)
    {
        return Ok((rest, last.as_text().map(|t| t.trim().to_string())));
    }
    Ok((args, None))
}

impl Args {
    /// The link name the script gave, if any.
    pub fn connection(&self) -> Option<&str> {
        self.connection.as_deref()
    }

    /// The value in slot `i` (`Null` when absent).
    pub fn value(&self, i: usize) -> &Value {
        &self.values[i]
    }

    /// A required TEXT (a module name, a criteria string); NUMBERs are
    /// taken as their text.
    pub fn text(&self, i: usize, what: &str) -> Result<String, HostError> {
        match &self.values[i] {
            Value::Text(t) if !t.trim().is_empty() => Ok(t.trim().to_string()),
            Value::Number(n) => Ok(n.to_string()),
            Value::Null => Err(self.error(format!("the {what} is null"))),
            Value::Text(_) => Err(self.error(format!("the {what} is empty"))),
            other => Err(self.error(format!(
                "the {what} must be TEXT, not {}",
                other.type_name()
            ))),
        }
    }

    /// A record or organization id: a NUMBER becomes its decimal text, a
    /// TEXT is used as is (integrations spec §3.1).
    pub fn id(&self, i: usize, what: &str) -> Result<String, HostError> {
        match &self.values[i] {
            Value::Decimal(d) if d.fract() == 0.0 && d.abs() < 1e18 => Ok(format!("{}", *d as i64)),
            _ => self.text(i, what),
        }
    }

    /// A required map (the record to create or update).
    pub fn map(&self, i: usize, what: &str) -> Result<Value, HostError> {
        match &self.values[i] {
            v if is_map_like(v) => Ok(v.clone()),
            Value::Null => Err(self.error(format!("the {what} is null"))),
            other => Err(self.error(format!(
                "the {what} must be a map, not {}",
                other.type_name()
            ))),
        }
    }

    /// A required LIST (the records of a bulk task).
    pub fn list(&self, i: usize, what: &str) -> Result<Vec<Value>, HostError> {
        match self.values[i].list_ref() {
            Some(list) => Ok(list.items.clone()),
            None => Err(self.error(format!(
                "the {what} must be a list, not {}",
                self.values[i].type_name()
            ))),
        }
    }

    /// An optional page or per-page number.
    pub fn number(&self, i: usize) -> Option<i64> {
        match self.values[i] {
            Value::Number(n) => Some(n),
            _ => None,
        }
    }

    /// The entries of an optional map slot, in order; empty when none.
    /// Entries with an empty key and the `connection` key are dropped.
    pub fn options(&self, i: usize) -> Vec<(String, Value)> {
        let Some(map) = self.values[i].map_ref() else {
            return Vec::new();
        };
        map.entries
            .iter()
            .map(|(k, v)| (k.0.display(), v.clone()))
            .filter(|(k, _)| !k.is_empty() && !k.eq_ignore_ascii_case("connection"))
            .collect()
    }

    /// An error about this call's arguments.
    pub fn error(&self, detail: String) -> HostError {
        invalid(&self.task, detail)
    }

    /// A `connection` key inside an options map names the link when no
    /// connection argument was given (observed once in real scripts).
    fn take_connection_from_options(&mut self, slots: &[Slot]) {
        if self.connection.is_some() {
            return;
        }
        for (slot, value) in slots.iter().zip(&self.values) {
            if !matches!(slot, Slot::Options | Slot::Search) {
                continue;
            }
            let Some(map) = value.map_ref() else { continue };
            let link = map
                .entries
                .iter()
                .find(|(k, _)| k.0.display().eq_ignore_ascii_case("connection"))
                .and_then(|(_, v)| v.as_text().map(|t| t.trim().to_string()))
                .filter(|t| !t.is_empty());
            if link.is_some() {
                self.connection = link;
                return;
            }
        }
    }
}

/// A MAP, a key-value COLLECTION, or a COLLECTION still empty.
fn is_map_like(value: &Value) -> bool {
    match value {
        Value::Collection(c) => !matches!(&*c.borrow(), CollectionObj::List(_)),
        other => other.map_ref().is_some(),
    }
}

/// `Invalid arguments for <task>: <detail>`.
pub fn invalid(task: &str, detail: String) -> HostError {
    HostError::new(format!("Invalid arguments for {task}: {detail}"))
}

fn missing_message(slots: &[Slot], given: usize) -> String {
    let names: Vec<&str> = slots
        .iter()
        .filter_map(|s| match s {
            Slot::Required(name) => Some(*name),
            _ => None,
        })
        .collect();
    format!(
        "it needs {} ({}), {} given",
        names.len(),
        names.join(", "),
        given
    )
}

/// The explicit connection argument: a link name, or `null`/blank for none.
fn link_name(task: &str, value: &Value) -> Result<Option<String>, HostError> {
    match value {
        Value::Null => Ok(None),
        Value::Text(t) if t.trim().is_empty() => Ok(None),
        Value::Text(t) => Ok(Some(t.trim().to_string())),
        other => Err(invalid(
            task,
            format!(
                "the connection must be a TEXT link name, not {}",
                other.type_name()
            ),
        )),
    }
}

/// Whether the last argument, sitting in an optional `slot`, is really the
/// connection: a non-blank TEXT that the slot cannot take as its own value.
/// A Books search string always holds `=` (`sku=W-1`); a link name never
/// does.
fn is_trailing_connection(slot: Slot, last: &Value) -> bool {
    let Some(text) = last.as_text().map(str::trim) else {
        return false;
    };
    if text.is_empty() {
        return false;
    }
    match slot {
        Slot::Required(_) => false,
        Slot::Number(_) => text.parse::<i64>().is_err(),
        Slot::Options => true,
        Slot::Search => !text.contains('=') && !text.contains('&'),
    }
}

/// Brings one argument to the form its slot reads: "none" forms become
/// `Null`, numeric text in a page slot becomes a NUMBER.
fn normalise(task: &str, slot: Slot, value: Value) -> Result<Value, HostError> {
    let blank = match &value {
        Value::Null => true,
        Value::Text(t) => t.trim().is_empty(),
        _ => false,
    };
    if blank && slot_is_optional(slot) {
        return Ok(Value::Null);
    }
    let refused =
        |expected: &str| invalid(task, format!("the {expected}, not {}", describe(&value)));
    match slot {
        Slot::Required(_) => Ok(value),
        Slot::Number(what) => {
            page_number(&value).ok_or_else(|| refused(&format!("{what} must be a NUMBER")))
        }
        Slot::Options if is_map_like(&value) => Ok(value),
        Slot::Options => Err(refused("optional values must be a map")),
        Slot::Search if is_map_like(&value) || value.as_text().is_some() => Ok(value),
        Slot::Search => Err(refused("search must be a map or a query TEXT")),
    }
}

fn slot_is_optional(slot: Slot) -> bool {
    !matches!(slot, Slot::Required(_))
}

/// A page number given as a NUMBER, numeric TEXT or whole DECIMAL.
fn page_number(value: &Value) -> Option<Value> {
    match value {
        Value::Number(_) => Some(value.clone()),
        Value::Text(t) => t.trim().parse::<i64>().ok().map(Value::Number),
        Value::Decimal(d) if d.fract() == 0.0 => Some(Value::Number(*d as i64)),
        _ => None,
    }
}

/// A value in an error message: TEXT quoted, others by type.
fn describe(value: &Value) -> String {
    match value {
        Value::Text(t) => format!("'{t}'"),
        other => other.type_name().to_string(),
    }
}

/// The text a value takes in a query parameter or form field
/// (integrations spec §2.4.1): maps and lists as JSON, null as "".
pub fn wire_text(value: &Value) -> String {
    match value {
        Value::Null => String::new(),
        Value::Text(t) => t.to_string(),
        Value::List(_) | Value::Map(_) | Value::Collection(_) => {
            deluge_runtime::value::json_text(value)
        }
        other => other.display(),
    }
}
