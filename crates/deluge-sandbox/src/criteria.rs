//! Search criteria of Bigin and CRM (integrations spec §3.5):
//! `((Last_Name:equals:Smith)and(Email:starts_with:john))`, also the forms
//! real scripts send — a bare condition, groups joined at the top level
//! without outer parentheses, any whitespace around the joiners.
//!
//! Matching is exact and case-insensitive; Zoho's word-based `equals`
//! (`ABC` matching `ABC Inc`) is deliberately not imitated.

use crate::seed::Record;
use serde_json::Value;
use std::cmp::Ordering;

#[derive(Clone, Debug, PartialEq)]
pub enum Criteria {
    Condition(Condition),
    And(Box<Criteria>, Box<Criteria>),
    Or(Box<Criteria>, Box<Criteria>),
}

#[derive(Clone, Debug, PartialEq)]
pub struct Condition {
    pub field: String,
    pub op: Op,
    /// The value split at unescaped commas (one element for most
    /// operators), escapes removed.
    pub values: Vec<String>,
}

#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub enum Op {
    Equals,
    NotEqual,
    StartsWith,
    EndsWith,
    In,
    NotIn,
    GreaterThan,
    GreaterEqual,
    LessThan,
    LessEqual,
    Between,
}

impl Op {
    fn parse(name: &str) -> Option<Op> {
        Some(match name.trim().to_ascii_lowercase().as_str() {
            "equals" => Op::Equals,
            "not_equal" => Op::NotEqual,
            "starts_with" => Op::StartsWith,
            "ends_with" => Op::EndsWith,
            "in" => Op::In,
            "not_in" => Op::NotIn,
            "greater_than" => Op::GreaterThan,
            "greater_equal" => Op::GreaterEqual,
            "less_than" => Op::LessThan,
            "less_equal" => Op::LessEqual,
            "between" => Op::Between,
            _ => return None,
        })
    }
}

/// Why a criteria string is malformed: the `reason` of INVALID_QUERY.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CriteriaError(pub String);

pub fn parse(text: &str) -> Result<Criteria, CriteriaError> {
    let mut parser = Parser { text, pos: 0 };
    parser.skip_ws();
    if parser.at_end() {
        return Err(CriteriaError("the criteria is empty".into()));
    }
    // A whole string without a leading parenthesis is one bare condition
    // whose value runs to the end.
    if !parser.peek_is('(') {
        return condition(text.trim()).map(Criteria::Condition);
    }
    let criteria = parser.expr()?;
    parser.skip_ws();
    if !parser.at_end() {
        return Err(CriteriaError(format!(
            "unexpected `{}` at position {}",
            &text[parser.pos..],
            parser.pos + 1
        )));
    }
    Ok(criteria)
}

struct Parser<'a> {
    text: &'a str,
    pos: usize,
}

impl Parser<'_> {
    fn rest(&self) -> &str {
        &self.text[self.pos..]
    }

    fn at_end(&self) -> bool {
        self.pos >= self.text.len()
    }

    fn peek_is(&self, c: char) -> bool {
        self.rest().starts_with(c)
    }

    fn skip_ws(&mut self) {
        let trimmed = self.rest().trim_start();
        self.pos = self.text.len() - trimmed.len();
    }

    /// term (joiner term)*, folded left to right.
    fn expr(&mut self) -> Result<Criteria, CriteriaError> {
        let mut left = self.term()?;
        loop {
            self.skip_ws();
            if self.at_end() || self.peek_is(')') {
                return Ok(left);
            }
            let joiner = self.joiner()?;
            self.skip_ws();
            let right = self.term()?;
            left = if joiner {
                Criteria::And(Box::new(left), Box::new(right))
            } else {
                Criteria::Or(Box::new(left), Box::new(right))
            };
        }
    }

    /// `and` → true, `or` → false, case-insensitive.
    fn joiner(&mut self) -> Result<bool, CriteriaError> {
        let rest = self.rest();
        for (word, is_and) in [("and", true), ("or", false)] {
            if rest.len() >= word.len() && rest[..word.len()].eq_ignore_ascii_case(word) {
                self.pos += word.len();
                return Ok(is_and);
            }
        }
        Err(CriteriaError(format!(
            "expected `and` or `or` at position {}",
            self.pos + 1
        )))
    }

    fn term(&mut self) -> Result<Criteria, CriteriaError> {
        self.skip_ws();
        if !self.peek_is('(') {
            return Err(CriteriaError(format!(
                "expected `(` at position {}",
                self.pos + 1
            )));
        }
        self.pos += 1;
        self.skip_ws();
        if self.peek_is('(') {
            let inner = self.expr()?;
            self.close()?;
            return Ok(inner);
        }
        let end = unescaped_close(self.rest()).ok_or_else(|| {
            CriteriaError("unbalanced parentheses: a condition is not closed".into())
        })?;
        let body = &self.rest()[..end];
        let parsed = condition(body)?;
        self.pos += end + 1;
        Ok(Criteria::Condition(parsed))
    }

    fn close(&mut self) -> Result<(), CriteriaError> {
        self.skip_ws();
        if self.peek_is(')') {
            self.pos += 1;
            Ok(())
        } else {
            Err(CriteriaError(
                "unbalanced parentheses: a group is not closed".into(),
            ))
        }
    }
}

/// Offset of the first `)` not escaped with a backslash.
fn unescaped_close(text: &str) -> Option<usize> {
    let mut escaped = false;
    for (i, c) in text.char_indices() {
        match c {
            _ if escaped => escaped = false,
            '\\' => escaped = true,
            ')' => return Some(i),
            _ => {}
        }
    }
    None
}

/// `Field:operator:value`; the value is everything after the second `:`.
fn condition(body: &str) -> Result<Condition, CriteriaError> {
    let mut parts = body.splitn(3, ':');
    let field = parts.next().unwrap_or_default().trim();
    let (Some(op), Some(value)) = (parts.next(), parts.next()) else {
        return Err(CriteriaError(format!(
            "`{body}` is not of the form Field:operator:value"
        )));
    };
    if field.is_empty() || field.contains(char::is_whitespace) {
        return Err(CriteriaError(format!("`{field}` is not a field API name")));
    }
    let op = Op::parse(op).ok_or_else(|| CriteriaError(format!("unknown operator `{op}`")))?;
    let values = match op {
        Op::In | Op::NotIn | Op::Between => split_unescaped(value),
        _ => vec![unescape(value)],
    };
    if op == Op::Between && values.len() != 2 {
        return Err(CriteriaError(
            "`between` needs two comma-separated values".into(),
        ));
    }
    Ok(Condition {
        field: field.to_string(),
        op,
        values,
    })
}

fn split_unescaped(value: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut current = String::new();
    let mut escaped = false;
    for c in value.chars() {
        match c {
            _ if escaped => {
                current.push(c);
                escaped = false;
            }
            '\\' => escaped = true,
            ',' => out.push(std::mem::take(&mut current)),
            _ => current.push(c),
        }
    }
    out.push(current);
    out
}

fn unescape(value: &str) -> String {
    let mut out = String::with_capacity(value.len());
    let mut escaped = false;
    for c in value.chars() {
        if !escaped && c == '\\' {
            escaped = true;
            continue;
        }
        escaped = false;
        out.push(c);
    }
    out
}

impl Criteria {
    pub fn matches(&self, record: &Record) -> bool {
        match self {
            Criteria::Condition(c) => c.matches(record),
            Criteria::And(a, b) => a.matches(record) && b.matches(record),
            Criteria::Or(a, b) => a.matches(record) || b.matches(record),
        }
    }
}

impl Condition {
    pub fn matches(&self, record: &Record) -> bool {
        let field = self.field_value(record);
        let value = &self.values[0];
        match self.op {
            Op::Equals if value.eq_ignore_ascii_case("null") => is_empty(field),
            Op::NotEqual if value.eq_ignore_ascii_case("null") => !is_empty(field),
            Op::Equals => any_element(field, |v| equals(v, value)),
            Op::NotEqual => !any_element(field, |v| equals(v, value)),
            Op::In => self
                .values
                .iter()
                .any(|x| any_element(field, |v| equals(v, x))),
            Op::NotIn => !self
                .values
                .iter()
                .any(|x| any_element(field, |v| equals(v, x))),
            Op::StartsWith => any_element(field, |v| text_of(v).is_some_and(|t| starts(&t, value))),
            Op::EndsWith => any_element(field, |v| text_of(v).is_some_and(|t| ends(&t, value))),
            Op::GreaterThan => compared(field, value, |o| o == Ordering::Greater),
            Op::GreaterEqual => compared(field, value, |o| o != Ordering::Less),
            Op::LessThan => compared(field, value, |o| o == Ordering::Less),
            Op::LessEqual => compared(field, value, |o| o != Ordering::Greater),
            Op::Between => {
                compared(field, value, |o| o != Ordering::Less)
                    && compared(field, &self.values[1], |o| o != Ordering::Greater)
            }
        }
    }

    /// The record's value for the field: exact name first, then any case;
    /// `Field.id` / `Field.name` select a part of a lookup.
    fn field_value<'r>(&self, record: &'r Record) -> Option<&'r Value> {
        let get = |name: &str| {
            record.get(name).or_else(|| {
                record
                    .iter()
                    .find(|(k, _)| k.eq_ignore_ascii_case(name))
                    .map(|(_, v)| v)
            })
        };
        if let Some(found) = get(&self.field) {
            return Some(found);
        }
        let (base, part) = self.field.split_once('.')?;
        get(base)?.as_object()?.get(part)
    }
}

fn is_empty(value: Option<&Value>) -> bool {
    match value {
        None | Some(Value::Null) => true,
        Some(Value::String(s)) => s.is_empty(),
        Some(Value::Array(a)) => a.is_empty(),
        Some(_) => false,
    }
}

/// A multi-select (LIST) matches when any element does.
fn any_element(value: Option<&Value>, test: impl Fn(&Value) -> bool) -> bool {
    match value {
        None => false,
        Some(Value::Array(items)) => items.iter().any(test),
        Some(v) => test(v),
    }
}

/// Lookups match on their id, or on their name when the value is no id.
fn equals(field: &Value, value: &str) -> bool {
    match field {
        Value::Object(lookup) => {
            let id = lookup.get("id").and_then(text_of);
            let name = lookup.get("name").and_then(text_of);
            id.is_some_and(|id| id == value.trim())
                || name.is_some_and(|n| n.eq_ignore_ascii_case(value))
        }
        Value::Bool(b) => value
            .trim()
            .eq_ignore_ascii_case(if *b { "true" } else { "false" }),
        Value::Null => false,
        other => text_of(other).is_some_and(|t| {
            t.eq_ignore_ascii_case(value)
                || matches!((number(&t), number(value)), (Some(a), Some(b)) if a == b)
        }),
    }
}

fn compared(field: Option<&Value>, value: &str, test: impl Fn(Ordering) -> bool) -> bool {
    let Some(text) = field.and_then(text_of) else {
        return false;
    };
    let ordering = match (number(&text), number(value)) {
        (Some(a), Some(b)) => a.partial_cmp(&b),
        // ISO dates and date-times compare chronologically as text.
        _ => Some(
            text.to_lowercase()
                .as_str()
                .cmp(value.trim().to_lowercase().as_str()),
        ),
    };
    ordering.is_some_and(test)
}

fn text_of(value: &Value) -> Option<String> {
    match value {
        Value::String(s) => Some(s.clone()),
        Value::Number(n) => Some(n.to_string()),
        Value::Bool(b) => Some(b.to_string()),
        _ => None,
    }
}

fn number(text: &str) -> Option<f64> {
    let t = text.trim();
    if t.is_empty() {
        return None;
    }
    t.parse::<f64>().ok()
}

fn starts(text: &str, prefix: &str) -> bool {
    text.to_lowercase().starts_with(&prefix.to_lowercase())
}

fn ends(text: &str, suffix: &str) -> bool {
    text.to_lowercase().ends_with(&suffix.to_lowercase())
}

#[cfg(test)]
#[path = "criteria_tests.rs"]
mod tests;
