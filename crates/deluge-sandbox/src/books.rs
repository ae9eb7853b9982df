//! Books v3 routes (integrations spec §3.4, §6.3), the same on
//! `www.zohoapis.<dc>/books/v3` and `books.zoho.<dc>/api/v3`: organizations,
//! and list/get/create/update/delete for every module of the table in
//! `deluge_connect::tasks::books_modules`. Every route but `organizations`
//! needs an existing `organization_id`.

use crate::books_write;
use crate::exchange::{Exchange, books_error, json, with_hint};
use crate::seed::Record;
use crate::store::{BooksOrg, Store};
use deluge_connect::tasks::books_modules::{self, Kind, KnownModule};
use deluge_connect::{HttpResponse, Method};
use serde_json::{Value, json};

/// Query parameters that are not field filters.
const NOT_FILTERS: &[&str] = &[
    "organization_id",
    "page",
    "per_page",
    "sort_column",
    "sort_order",
    "filter_by",
    "search_text",
    "JSONString",
    "response_option",
];
const MAX_PER_PAGE: usize = 200;

/// A comparison of a field's text with a filter value.
type TextTest = fn(&str, &str) -> bool;

pub fn answer(store: &mut Store, segments: &[String], ex: &Exchange) -> HttpResponse {
    let seg: Vec<&str> = segments.iter().map(String::as_str).collect();
    if let (Method::Get, ["organizations"]) = (ex.method, seg.as_slice()) {
        return organizations(store, ex);
    }
    let (module, rest) = match seg.split_first() {
        Some((path, rest)) => match books_modules::by_path(path) {
            Some(module) => (module, rest),
            None => return invalid_url(ex),
        },
        None => return invalid_url(ex),
    };
    let org_id = match ex.param("organization_id").map(str::trim) {
        Some(id) if store.books.contains_key(id) => id.to_string(),
        other => return unknown_org(other.unwrap_or_default(), ex),
    };
    // Borrow the organization and the id counter apart.
    let Store { books, next_id, .. } = store;
    let Some(org) = books.get_mut(&org_id) else {
        return unknown_org(&org_id, ex);
    };
    let mut ids = Ids(next_id);
    match (ex.method, rest) {
        (Method::Get, []) => list(org, module, ex),
        (Method::Get, ["templates"]) => json(
            200,
            json!({"code": 0, "message": "success", "templates": []}),
            ex,
        ),
        (Method::Get, [id]) => get(org, module, id, ex),
        (Method::Post, []) => books_write::create(org, module, &mut ids, ex),
        (Method::Put, [id]) => books_write::update(org, module, id, &mut ids, ex),
        (Method::Delete, [id]) => books_write::delete(org, module, id, ex),
        _ => invalid_url(ex),
    }
}

/// Hands out new ids from the store's counter.
pub struct Ids<'a>(&'a mut u64);

impl Ids<'_> {
    pub fn next(&mut self) -> String {
        let id = *self.0;
        *self.0 += 1;
        id.to_string()
    }
}

/// Books' answer for a path it has no route for, with the log hint.
pub fn invalid_url(ex: &Exchange) -> HttpResponse {
    with_hint(books_error(404, 5, "Invalid URL Passed", ex), ex)
}

pub fn unauthorized(ex: &Exchange) -> HttpResponse {
    books_error(
        401,
        57,
        "You are not authorized to perform this operation",
        ex,
    )
}

fn unknown_org(id: &str, ex: &Exchange) -> HttpResponse {
    books_error(
        400,
        6041,
        &format!("This user is not associated with the CompanyID/CompanyName:{id}."),
        ex,
    )
}

pub fn not_found(module: &KnownModule, ex: &Exchange) -> HttpResponse {
    books_error(
        404,
        1002,
        &format!("{} does not exist.", capitalized(module.noun)),
        ex,
    )
}

pub fn capitalized(noun: &str) -> String {
    let mut chars = noun.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

fn organizations(store: &Store, ex: &Exchange) -> HttpResponse {
    let list: Vec<Value> = store
        .books
        .iter()
        .map(|(id, org)| json!({"organization_id": id, "name": org.name}))
        .collect();
    json(
        200,
        json!({"code": 0, "message": "success", "organizations": list}),
        ex,
    )
}

fn get(org: &BooksOrg, module: &KnownModule, id: &str, ex: &Exchange) -> HttpResponse {
    let id_field = module.id_field();
    let found = org.collections.get(module.path).and_then(|records| {
        records
            .iter()
            .find(|r| r.get(&id_field).and_then(Value::as_str) == Some(id))
    });
    match found {
        Some(record) => json(
            200,
            json!({"code": 0, "message": "success", module.singular: record}),
            ex,
        ),
        None => not_found(module, ex),
    }
}

fn list(org: &BooksOrg, module: &KnownModule, ex: &Exchange) -> HttpResponse {
    let status = match ex.param("filter_by") {
        None => None,
        Some(filter) => match filter.split_once('.') {
            Some((_, "All")) => None,
            Some((_, value)) => Some(value.to_lowercase()),
            None => return books_error(400, 2, "Invalid value passed for filter_by", ex),
        },
    };
    let empty = Vec::new();
    let records = org.collections.get(module.path).unwrap_or(&empty);
    let mut selected: Vec<&Record> = records
        .iter()
        .filter(|r| {
            status
                .as_ref()
                .is_none_or(|s| field_text(r, "status").is_some_and(|v| v.eq_ignore_ascii_case(s)))
        })
        .filter(|r| {
            ex.param("search_text")
                .is_none_or(|t| search_text(r, module, t))
        })
        .filter(|r| {
            ex.query
                .iter()
                .filter(|(k, _)| !NOT_FILTERS.contains(&k.as_str()))
                .all(|(k, v)| filter_matches(r, k, v))
        })
        .collect();
    sort(&mut selected, ex);
    let number = |name: &str| {
        ex.param(name)
            .and_then(|v| v.trim().parse::<usize>().ok())
            .filter(|n| *n >= 1)
    };
    let page = number("page").unwrap_or(1);
    let per_page = number("per_page").unwrap_or(MAX_PER_PAGE).min(MAX_PER_PAGE);
    let start = (page - 1).saturating_mul(per_page);
    let page_records: Vec<&Record> = selected
        .iter()
        .skip(start)
        .take(per_page)
        .copied()
        .collect();
    let context = json!({
        "page": page,
        "per_page": per_page,
        "has_more_page": selected.len() > start + page_records.len(),
        "sort_column": ex.param("sort_column").unwrap_or("created_time"),
        "sort_order": ex.param("sort_order").unwrap_or("A"),
    });
    json(
        200,
        json!({"code": 0, "message": "success", module.path: page_records, "page_context": context}),
        ex,
    )
}

/// `field=value` (case-insensitive text), or with a `_contains`,
/// `_startswith`, `_greater_than` or `_less_than` suffix. A contact's
/// `email` also matches its contact persons' addresses.
fn filter_matches(record: &Record, key: &str, wanted: &str) -> bool {
    if !record.contains_key(key) {
        let suffixed: [(&str, TextTest); 4] = [
            ("_contains", |v, w| {
                v.to_lowercase().contains(&w.to_lowercase())
            }),
            ("_startswith", |v, w| {
                v.to_lowercase().starts_with(&w.to_lowercase())
            }),
            ("_greater_than", |v, w| {
                numbers(v, w).is_some_and(|(a, b)| a > b)
            }),
            ("_less_than", |v, w| {
                numbers(v, w).is_some_and(|(a, b)| a < b)
            }),
        ];
        for (suffix, test) in suffixed {
            if let Some(field) = key.strip_suffix(suffix) {
                return field_text(record, field).is_some_and(|v| test(&v, wanted));
            }
        }
    }
    let equal = |v: &str| v.trim().eq_ignore_ascii_case(wanted.trim());
    if field_text(record, key).is_some_and(|v| equal(&v)) {
        return true;
    }
    key == "email"
        && record
            .get("contact_persons")
            .and_then(Value::as_array)
            .is_some_and(|persons| {
                persons
                    .iter()
                    .any(|p| p.get("email").and_then(Value::as_str).is_some_and(equal))
            })
}

fn numbers(a: &str, b: &str) -> Option<(f64, f64)> {
    Some((a.trim().parse().ok()?, b.trim().parse().ok()?))
}

fn search_text(record: &Record, module: &KnownModule, text: &str) -> bool {
    let text = text.to_lowercase();
    let number_field = module.number_field();
    let fields = [
        "contact_name",
        "company_name",
        "customer_name",
        "vendor_name",
        "name",
        "first_name",
        "last_name",
        "email",
        "sku",
        "reference_number",
        "project_name",
        number_field.as_str(),
    ];
    fields
        .iter()
        .any(|f| field_text(record, f).is_some_and(|v| v.to_lowercase().contains(&text)))
}

fn field_text(record: &Record, field: &str) -> Option<String> {
    match record.get(field)? {
        Value::String(s) => Some(s.clone()),
        Value::Number(n) => Some(n.to_string()),
        Value::Bool(b) => Some(b.to_string()),
        _ => None,
    }
}

fn sort(records: &mut [&Record], ex: &Exchange) {
    let Some(column) = ex.param("sort_column") else {
        return;
    };
    let descending = ex
        .param("sort_order")
        .is_some_and(|o| o.eq_ignore_ascii_case("D") || o.eq_ignore_ascii_case("desc"));
    records.sort_by(|a, b| {
        let key = |r: &Record| field_text(r, column).unwrap_or_default().to_lowercase();
        let ordering = match numbers(&key(a), &key(b)) {
            Some((x, y)) => x.partial_cmp(&y).unwrap_or(std::cmp::Ordering::Equal),
            None => key(a).cmp(&key(b)),
        };
        if descending {
            ordering.reverse()
        } else {
            ordering
        }
    });
}

/// The kind's default status.
pub fn default_status(module: &KnownModule) -> Option<&'static str> {
    match module.kind {
        Kind::Master => Some("active"),
        Kind::Transaction => Some("draft"),
        Kind::Other => None,
    }
}
