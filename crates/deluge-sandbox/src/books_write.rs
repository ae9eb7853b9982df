//! Books writes: create (ids, times, status, the number series, contact
//! persons, duplicate names), update (a shallow merge) and delete. The body
//! is the record JSON, as a JSON body of any content type or a `JSONString`
//! form, multipart or query field.

use crate::books::{Ids, capitalized, default_status, not_found};
use crate::exchange::{Exchange, books_error, json};
use crate::seed::Record;
use crate::store::BooksOrg;
use deluge_connect::HttpResponse;
use deluge_connect::tasks::books_modules::{Kind, KnownModule};
use serde_json::{Value, json};

pub fn create(
    org: &mut BooksOrg,
    module: &KnownModule,
    ids: &mut Ids,
    ex: &Exchange,
) -> HttpResponse {
    let input = match body(ex) {
        Ok(input) => input,
        Err(response) => return response,
    };
    for field in module.mandatory {
        if is_blank(input.get(*field)) {
            return books_error(400, 11, &format!("The parameter {field} is mandatory."), ex);
        }
    }
    if let Err(response) = check_unique(org, module, &input, None, ex) {
        return response;
    }
    let id_field = module.id_field();
    let mut record = Record::new();
    record.insert(id_field.clone(), Value::String(ids.next()));
    for (key, value) in input {
        if key != id_field {
            record.insert(key, value);
        }
    }
    record.insert("created_time".into(), Value::String(ex.now_books.clone()));
    record.insert(
        "last_modified_time".into(),
        Value::String(ex.now_books.clone()),
    );
    if let Some(status) = default_status(module) {
        record
            .entry("status")
            .or_insert_with(|| Value::String(status.into()));
    }
    if module.kind == Kind::Transaction {
        let number_field = module.number_field();
        if is_blank(record.get(&number_field)) {
            let number = next_number(org, module);
            record.insert(number_field, Value::String(number));
        }
        fill_customer_name(org, &mut record);
    }
    if module.path == "contacts" {
        fill_contact_persons(&mut record, ids);
    }
    org.collections
        .entry(module.path.to_string())
        .or_default()
        .push(record.clone());
    let message = match module.path {
        "contacts" | "items" => format!("The {} has been added.", module.noun),
        _ => format!("The {} has been created.", module.noun),
    };
    json(
        201,
        json!({"code": 0, "message": message, module.singular: record}),
        ex,
    )
}

pub fn update(
    org: &mut BooksOrg,
    module: &KnownModule,
    id: &str,
    ids: &mut Ids,
    ex: &Exchange,
) -> HttpResponse {
    let id_field = module.id_field();
    if find(org, module, id).is_none() {
        return not_found(module, ex);
    }
    let input = match body(ex) {
        Ok(input) => input,
        Err(response) => return response,
    };
    for field in module.mandatory {
        if input.contains_key(*field) && is_blank(input.get(*field)) {
            return books_error(400, 11, &format!("The parameter {field} is mandatory."), ex);
        }
    }
    if let Err(response) = check_unique(org, module, &input, Some(id), ex) {
        return response;
    }
    let Some(record) = org.collections.get_mut(module.path).and_then(|records| {
        records
            .iter_mut()
            .find(|r| text(r.get(&id_field)) == Some(id.to_string()))
    }) else {
        return not_found(module, ex);
    };
    for (key, value) in input {
        if key != id_field {
            record.insert(key, value);
        }
    }
    record.insert(
        "last_modified_time".into(),
        Value::String(ex.now_books.clone()),
    );
    if module.path == "contacts" {
        fill_contact_persons(record, ids);
    }
    let record = record.clone();
    let message = match module.path {
        "contacts" => "Contact information has been saved.".to_string(),
        "items" => "The item details have been updated.".to_string(),
        _ => format!("{} information has been updated.", capitalized(module.noun)),
    };
    json(
        200,
        json!({"code": 0, "message": message, module.singular: record}),
        ex,
    )
}

pub fn delete(org: &mut BooksOrg, module: &KnownModule, id: &str, ex: &Exchange) -> HttpResponse {
    let id_field = module.id_field();
    let Some(records) = org.collections.get_mut(module.path) else {
        return not_found(module, ex);
    };
    let Some(position) = records
        .iter()
        .position(|r| text(r.get(&id_field)) == Some(id.to_string()))
    else {
        return not_found(module, ex);
    };
    records.remove(position);
    let message = format!("The {} has been deleted.", module.noun);
    json(200, json!({"code": 0, "message": message}), ex)
}

fn body(ex: &Exchange) -> Result<Record, HttpResponse> {
    match ex.json_body() {
        Some(Value::Object(map)) => Ok(map),
        _ => Err(books_error(
            400,
            11,
            "The parameter JSONString is mandatory.",
            ex,
        )),
    }
}

fn find<'o>(org: &'o BooksOrg, module: &KnownModule, id: &str) -> Option<&'o Record> {
    let id_field = module.id_field();
    org.collections
        .get(module.path)?
        .iter()
        .find(|r| text(r.get(&id_field)).as_deref() == Some(id))
}

/// Contacts' `contact_name` and items' `name` must be unique.
fn check_unique(
    org: &BooksOrg,
    module: &KnownModule,
    input: &Record,
    own_id: Option<&str>,
    ex: &Exchange,
) -> Result<(), HttpResponse> {
    let Some((field, code)) = module.unique else {
        return Ok(());
    };
    let Some(wanted) = text(input.get(field)) else {
        return Ok(());
    };
    let id_field = module.id_field();
    let taken = org.collections.get(module.path).is_some_and(|records| {
        records.iter().any(|r| {
            text(r.get(&id_field)).as_deref() != own_id
                && text(r.get(field)).is_some_and(|t| t.trim().eq_ignore_ascii_case(wanted.trim()))
        })
    });
    if !taken {
        return Ok(());
    }
    let message = match module.path {
        "contacts" => {
            format!("The customer \"{wanted}\" already exists. Please specify a different name.")
        }
        _ => format!("{} \"{wanted}\" already exists.", capitalized(module.noun)),
    };
    Err(books_error(400, code, &message, ex))
}

/// `INV-000001`, one more than the highest number of the series in use.
fn next_number(org: &BooksOrg, module: &KnownModule) -> String {
    let field = module.number_field();
    let highest = org
        .collections
        .get(module.path)
        .map(|records| {
            records
                .iter()
                .filter_map(|r| text(r.get(&field)))
                .filter_map(|n| {
                    n.strip_prefix(module.number_prefix)
                        .and_then(|d| d.parse::<u64>().ok())
                })
                .max()
                .unwrap_or(0)
        })
        .unwrap_or(0);
    format!("{}{:06}", module.number_prefix, highest + 1)
}

/// A transaction for a known customer carries the customer's name.
fn fill_customer_name(org: &BooksOrg, record: &mut Record) {
    if record.contains_key("customer_name") {
        return;
    }
    let Some(customer) = text(record.get("customer_id")) else {
        return;
    };
    let name = org.collections.get("contacts").and_then(|contacts| {
        contacts
            .iter()
            .find(|c| text(c.get("contact_id")).as_deref() == Some(customer.as_str()))
            .and_then(|c| c.get("contact_name").cloned())
    });
    if let Some(name) = name {
        record.insert("customer_name".into(), name);
    }
}

/// Every contact person gets an id; the primary one (or the first) gives
/// `primary_contact_id` and, when the contact has none, its `email`.
fn fill_contact_persons(record: &mut Record, ids: &mut Ids) {
    let mut persons = match record.remove("contact_persons") {
        Some(Value::Array(list)) => list,
        _ => Vec::new(),
    };
    for person in persons.iter_mut() {
        if let Some(map) = person.as_object_mut()
            && is_blank(map.get("contact_person_id"))
        {
            map.insert("contact_person_id".into(), Value::String(ids.next()));
        }
    }
    let primary = persons
        .iter()
        .find(|p| p.get("is_primary_contact") == Some(&Value::Bool(true)))
        .or_else(|| persons.first())
        .cloned();
    let primary_id = primary
        .as_ref()
        .and_then(|p| text(p.get("contact_person_id")))
        .unwrap_or_default();
    record.insert("contact_persons".into(), Value::Array(persons));
    record.insert("primary_contact_id".into(), Value::String(primary_id));
    if is_blank(record.get("email"))
        && let Some(email) = primary
            .as_ref()
            .and_then(|p| p.get("email"))
            .filter(|e| !is_blank(Some(e)))
    {
        record.insert("email".into(), email.clone());
    }
}

fn text(value: Option<&Value>) -> Option<String> {
    match value? {
        Value::String(s) => Some(s.clone()),
        Value::Number(n) => Some(n.to_string()),
        _ => None,
    }
}

fn is_blank(value: Option<&Value>) -> bool {
    match value {
        None | Some(Value::Null) => true,
        Some(Value::String(s)) => s.trim().is_empty(),
        _ => false,
    }
}
