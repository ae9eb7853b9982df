//! Bigin and CRM record routes (integrations spec §6.3): the route table
//! and the reads — get, list, search, related records, users and org.
//! Writes are in `records_write.rs`.

use crate::criteria::{self, Criteria};
use crate::exchange::{Exchange, invalid_url_pattern, json, no_content, zoho_error};
use crate::records_write as write;
use crate::seed::Record;
use crate::store::{Store, record_id};
use deluge_connect::{HttpResponse, Method, TaskService};
use serde_json::{Value, json};

/// Most records one page holds (also the default page size).
const MAX_PER_PAGE: usize = 200;

/// First segments that are API areas, not modules: a path under them is an
/// unmodelled route, not an unknown module.
const NOT_MODULES: &[&str] = &[
    "settings",
    "functions",
    "bulk",
    "coql",
    "actions",
    "__notifications",
    "__features",
    "composite",
    "files",
    "read",
    "write",
];

pub fn answer(
    store: &mut Store,
    service: TaskService,
    segments: &[String],
    ex: &Exchange,
) -> HttpResponse {
    let seg: Vec<&str> = segments.iter().map(String::as_str).collect();
    match (ex.method, seg.as_slice()) {
        (Method::Get, ["users"]) => users_list(store, service, ex),
        (Method::Get, ["users", "search"]) => users_search(store, service, ex),
        (Method::Get, ["users", id]) => user_by_id(store, service, id, ex),
        (Method::Get, ["org"]) => {
            let org = store.records(service).org(&store.user);
            json(200, json!({"org": [org]}), ex)
        }
        (_, [first, ..]) if NOT_MODULES.iter().any(|n| n.eq_ignore_ascii_case(first)) => {
            invalid_url_pattern(ex)
        }
        (_, [module, rest @ ..]) => {
            let Some(module) = store.records(service).module_name(module) else {
                return invalid_module(ex);
            };
            module_route(store, service, &module, rest, ex)
        }
        _ => invalid_url_pattern(ex),
    }
}

fn module_route(
    store: &mut Store,
    service: TaskService,
    module: &str,
    rest: &[&str],
    ex: &Exchange,
) -> HttpResponse {
    match (ex.method, rest) {
        (Method::Get, []) => list(store, service, module, ex),
        (Method::Post, []) => write::create(store, service, module, ex),
        (Method::Put, []) => write::update(store, service, module, None, ex),
        (Method::Delete, []) => write::delete(store, service, module, None, ex),
        (Method::Get, ["search"]) => search(store, service, module, ex),
        (Method::Get, [id]) => get(store, service, module, id, ex),
        (Method::Put, [id]) => write::update(store, service, module, Some(id), ex),
        (Method::Delete, [id]) => write::delete(store, service, module, Some(id), ex),
        (Method::Post, [id, "actions", "convert"]) if module == "Leads" => {
            crate::convert::convert_lead(store, service, id, ex)
        }
        (Method::Post, [id, attachments]) if attachments.eq_ignore_ascii_case("Attachments") => {
            write::attach(store, service, module, id, ex)
        }
        (Method::Get, [id, relation]) => related(store, service, module, id, relation, ex),
        _ => invalid_url_pattern(ex),
    }
}

pub fn invalid_module(ex: &Exchange) -> HttpResponse {
    zoho_error(
        400,
        "INVALID_MODULE",
        json!({}),
        "the module name given seems to be invalid",
        ex,
    )
}

pub fn invalid_id(ex: &Exchange) -> HttpResponse {
    zoho_error(
        400,
        "INVALID_DATA",
        json!({}),
        "the id given seems to be invalid.",
        ex,
    )
}

fn get(store: &Store, service: TaskService, module: &str, id: &str, ex: &Exchange) -> HttpResponse {
    match store.records(service).find(module, id) {
        Some(record) => {
            let record = project(record, ex.param("fields"));
            json(200, json!({"data": [record]}), ex)
        }
        None => invalid_id(ex),
    }
}

fn list(store: &Store, service: TaskService, module: &str, ex: &Exchange) -> HttpResponse {
    let mut records: Vec<&Record> = store.records(service).module(module).iter().collect();
    if let Some(ids) = ex.param("ids") {
        let wanted: Vec<&str> = ids.split(',').map(str::trim).collect();
        records.retain(|r| record_id(r).is_some_and(|id| wanted.contains(&id)));
    }
    sort(&mut records, ex);
    paged("data", records, ex)
}

fn search(store: &Store, service: TaskService, module: &str, ex: &Exchange) -> HttpResponse {
    let filter = match search_filter(ex) {
        Ok(filter) => filter,
        Err(response) => return response,
    };
    let mut records: Vec<&Record> = store
        .records(service)
        .module(module)
        .iter()
        .filter(|r| filter.matches(r))
        .collect();
    sort(&mut records, ex);
    paged("data", records, ex)
}

/// One way of searching: criteria, email, phone or word.
pub enum SearchFilter {
    Criteria(Criteria),
    Email(String),
    Phone(String),
    Word(String),
}

impl SearchFilter {
    pub fn matches(&self, record: &Record) -> bool {
        let texts = |pred: &dyn Fn(&str) -> bool| {
            record
                .iter()
                .filter(|(k, _)| pred(&k.to_ascii_lowercase()))
                .filter_map(|(_, v)| v.as_str())
                .collect::<Vec<_>>()
        };
        match self {
            SearchFilter::Criteria(c) => c.matches(record),
            SearchFilter::Email(email) => texts(&|k| k.contains("email"))
                .iter()
                .any(|v| v.trim().eq_ignore_ascii_case(email.trim())),
            SearchFilter::Phone(phone) => {
                let wanted = digits(phone);
                !wanted.is_empty()
                    && texts(&|k| k.contains("phone") || k.contains("mobile"))
                        .iter()
                        .any(|v| digits(v) == wanted)
            }
            SearchFilter::Word(word) => {
                let word = word.to_lowercase();
                texts(&|k| k != "id")
                    .iter()
                    .any(|v| v.to_lowercase().contains(&word))
            }
        }
    }
}

fn digits(text: &str) -> String {
    text.chars().filter(char::is_ascii_digit).collect()
}

pub fn search_filter(ex: &Exchange) -> Result<SearchFilter, HttpResponse> {
    if let Some(text) = ex.param("criteria") {
        return criteria::parse(text)
            .map(SearchFilter::Criteria)
            .map_err(|e| invalid_query(&e.0, ex));
    }
    if let Some(email) = ex.param("email") {
        return Ok(SearchFilter::Email(email.to_string()));
    }
    if let Some(phone) = ex.param("phone") {
        return Ok(SearchFilter::Phone(phone.to_string()));
    }
    if let Some(word) = ex.param("word") {
        return Ok(SearchFilter::Word(word.to_string()));
    }
    Err(zoho_error(
        400,
        "REQUIRED_PARAM_MISSING",
        json!({"param": "criteria"}),
        "One of the expected parameter is missing",
        ex,
    ))
}

fn invalid_query(reason: &str, ex: &Exchange) -> HttpResponse {
    zoho_error(
        400,
        "INVALID_QUERY",
        json!({"reason": reason}),
        "invalid query formed",
        ex,
    )
}

fn related(
    store: &Store,
    service: TaskService,
    module: &str,
    id: &str,
    relation: &str,
    ex: &Exchange,
) -> HttpResponse {
    let records = store.records(service);
    if records.find(module, id).is_none() {
        return invalid_id(ex);
    }
    let seeded = records.seed.related.iter().find(|(key, _)| {
        let parts: Vec<&str> = key.split('/').collect();
        matches!(parts.as_slice(), [p, i, r]
            if p.eq_ignore_ascii_case(module) && *i == id && r.eq_ignore_ascii_case(relation))
    });
    let found: Vec<&Record> = if let Some((_, list)) = seeded {
        list.iter().collect()
    } else if relation.eq_ignore_ascii_case("Attachments") {
        records
            .seed
            .attachments
            .iter()
            .filter(|a| points_at(a.get("Parent_Id"), id))
            .collect()
    } else if let Some(target) = records.module_name(relation) {
        records
            .module(&target)
            .iter()
            .filter(|r| refers_to(r, id))
            .collect()
    } else {
        Vec::new()
    };
    paged("data", found, ex)
}

/// Whether a record has a lookup (or a bare parent id) naming `id`.
fn refers_to(record: &Record, id: &str) -> bool {
    record.iter().any(|(field, value)| match value {
        Value::Object(_) => points_at(Some(value), id),
        Value::String(text) => {
            matches!(field.as_str(), "Parent_Id" | "What_Id" | "Who_Id") && text == id
        }
        _ => false,
    })
}

fn points_at(value: Option<&Value>, id: &str) -> bool {
    match value {
        Some(Value::Object(lookup)) => lookup.get("id").and_then(Value::as_str) == Some(id),
        Some(Value::String(text)) => text == id,
        _ => false,
    }
}

fn sort(records: &mut [&Record], ex: &Exchange) {
    let Some(field) = ex.param("sort_by") else {
        return;
    };
    let descending = ex
        .param("sort_order")
        .is_some_and(|o| o.eq_ignore_ascii_case("desc"));
    records.sort_by(|a, b| {
        let ordering = sort_key(a.get(field)).cmp(&sort_key(b.get(field)));
        if descending {
            ordering.reverse()
        } else {
            ordering
        }
    });
}

/// Numbers before text, numbers by value, text case-insensitively.
fn sort_key(value: Option<&Value>) -> (u8, i128, String) {
    match value {
        Some(Value::Number(n)) => (
            0,
            n.as_f64().map_or(0, |f| (f * 1000.0) as i128),
            String::new(),
        ),
        Some(Value::String(s)) => (1, 0, s.to_lowercase()),
        Some(other) => (1, 0, other.to_string()),
        None => (2, 0, String::new()),
    }
}

/// Page `page` (default 1) of `per_page` (default and at most 200),
/// projected to `fields`; no records → 204.
pub fn paged(key: &str, records: Vec<&Record>, ex: &Exchange) -> HttpResponse {
    let (page, per_page) = page_params(ex);
    let start = (page - 1).saturating_mul(per_page);
    let page_records: Vec<Record> = records
        .iter()
        .skip(start)
        .take(per_page)
        .map(|r| project(r, ex.param("fields")))
        .collect();
    if page_records.is_empty() {
        return no_content(ex);
    }
    let more = records.len() > start + page_records.len();
    let info = json!({
        "per_page": per_page,
        "count": page_records.len(),
        "page": page,
        "more_records": more,
    });
    json(200, json!({key: page_records, "info": info}), ex)
}

pub fn page_params(ex: &Exchange) -> (usize, usize) {
    let number = |name: &str| ex.param(name).and_then(|v| v.trim().parse::<usize>().ok());
    let page = number("page").filter(|p| *p >= 1).unwrap_or(1);
    let per_page = number("per_page")
        .filter(|p| *p >= 1)
        .unwrap_or(MAX_PER_PAGE)
        .min(MAX_PER_PAGE);
    (page, per_page)
}

/// The listed fields plus `id`; all fields when `fields` is absent.
fn project(record: &Record, fields: Option<&str>) -> Record {
    let Some(fields) = fields.filter(|f| !f.trim().is_empty()) else {
        return record.clone();
    };
    let wanted: Vec<&str> = fields.split(',').map(str::trim).collect();
    record
        .iter()
        .filter(|(k, _)| k.as_str() == "id" || wanted.iter().any(|w| w.eq_ignore_ascii_case(k)))
        .map(|(k, v)| (k.clone(), v.clone()))
        .collect()
}

fn users_list(store: &Store, service: TaskService, ex: &Exchange) -> HttpResponse {
    let users = store.records(service).users(&store.user);
    let kind = ex.param("type").unwrap_or("AllUsers");
    let active = |u: &Record| u.get("status").and_then(Value::as_str) == Some("active");
    let admin = |u: &Record| {
        u.get("profile")
            .and_then(|p| p.get("name"))
            .and_then(Value::as_str)
            == Some("Administrator")
    };
    let selected: Vec<&Record> = users
        .iter()
        .filter(|u| match kind {
            "ActiveUsers" => active(u),
            "DeactiveUsers" => !active(u),
            "AdminUsers" => admin(u),
            "ActiveConfirmedAdmins" => admin(u) && active(u),
            "CurrentUser" => record_id(u) == Some(store.user.id.as_str()),
            _ => true,
        })
        .collect();
    paged("users", selected, ex)
}

fn users_search(store: &Store, service: TaskService, ex: &Exchange) -> HttpResponse {
    let filter = match search_filter(ex) {
        Ok(filter) => filter,
        Err(response) => return response,
    };
    let users = store.records(service).users(&store.user);
    paged(
        "users",
        users.iter().filter(|u| filter.matches(u)).collect(),
        ex,
    )
}

fn user_by_id(store: &Store, service: TaskService, id: &str, ex: &Exchange) -> HttpResponse {
    let users = store.records(service).users(&store.user);
    match users.iter().find(|u| record_id(u) == Some(id)) {
        Some(user) => json(200, json!({"users": [user]}), ex),
        None => invalid_id(ex),
    }
}
