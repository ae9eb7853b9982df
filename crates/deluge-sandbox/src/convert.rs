//! `POST /crm/vN/Leads/{id}/actions/convert` (`zoho.crm.convertLead`):
//! the lead becomes a Contact, an Account from its `Company` (an existing
//! account of that name is reused) and, when the body gives `Deals`, a
//! Deal; the lead is deleted.

use crate::exchange::{Exchange, json, zoho_error};
use crate::records::invalid_id;
use crate::records_write::{create_one, delete_one};
use crate::seed::Record;
use crate::store::{Store, record_id};
use deluge_connect::{HttpResponse, TaskService};
use serde_json::{Value, json};

/// Lead fields that do not carry over to the contact.
const LEAD_ONLY: &[&str] = &[
    "id",
    "Company",
    "Lead_Status",
    "Created_Time",
    "Modified_Time",
    "Created_By",
    "Modified_By",
    "Full_Name",
];

pub fn convert_lead(
    store: &mut Store,
    service: TaskService,
    id: &str,
    ex: &Exchange,
) -> HttpResponse {
    let Some(lead) = store.records(service).find("Leads", id).cloned() else {
        return invalid_id(ex);
    };
    let options = ex
        .json_body()
        .and_then(|body| body.get("data").and_then(|d| d.get(0)).cloned())
        .unwrap_or(Value::Null);
    let account = match given_id(options.get("Accounts")) {
        Some(account) => Some(account),
        None => match account_for(store, service, &lead, ex) {
            Ok(account) => account,
            Err(item) => return failed(item, ex),
        },
    };
    let contact = match given_id(options.get("Contacts")) {
        Some(contact) => contact,
        None => match contact_from(store, service, &lead, account.as_deref(), ex) {
            Ok(contact) => contact,
            Err(item) => return failed(item, ex),
        },
    };
    let deal = match options.get("Deals").filter(|d| d.is_object()) {
        Some(deal) => {
            let mut fields = deal.clone();
            if let Some(account) = &account {
                fields["Account_Name"] = Value::String(account.clone());
            }
            fields["Contact_Name"] = Value::String(contact.clone());
            match create_one(store, service, "Deals", &fields, ex) {
                Ok(record) => record_id(&record).map(str::to_string),
                Err(item) => return failed(item, ex),
            }
        }
        None => None,
    };
    if let Err(item) = delete_one(store, service, "Leads", id) {
        return failed(item, ex);
    }
    json(
        200,
        json!({"data": [{"Contacts": contact, "Deals": deal, "Accounts": account}]}),
        ex,
    )
}

fn account_for(
    store: &mut Store,
    service: TaskService,
    lead: &Record,
    ex: &Exchange,
) -> Result<Option<String>, Value> {
    let Some(company) = lead
        .get("Company")
        .and_then(Value::as_str)
        .map(str::trim)
        .filter(|c| !c.is_empty())
    else {
        return Ok(None);
    };
    let existing = store
        .records(service)
        .module("Accounts")
        .iter()
        .find(|a| {
            a.get("Account_Name")
                .and_then(Value::as_str)
                .is_some_and(|n| n.eq_ignore_ascii_case(company))
        })
        .and_then(record_id)
        .map(str::to_string);
    if existing.is_some() {
        return Ok(existing);
    }
    let account = create_one(
        store,
        service,
        "Accounts",
        &json!({"Account_Name": company}),
        ex,
    )?;
    Ok(record_id(&account).map(str::to_string))
}

fn contact_from(
    store: &mut Store,
    service: TaskService,
    lead: &Record,
    account: Option<&str>,
    ex: &Exchange,
) -> Result<String, Value> {
    let mut fields: Record = lead
        .iter()
        .filter(|(k, _)| !LEAD_ONLY.contains(&k.as_str()))
        .map(|(k, v)| (k.clone(), v.clone()))
        .collect();
    if let Some(account) = account {
        fields.insert("Account_Name".into(), Value::String(account.to_string()));
    }
    let contact = create_one(store, service, "Contacts", &Value::Object(fields), ex)?;
    Ok(record_id(&contact).unwrap_or_default().to_string())
}

fn given_id(value: Option<&Value>) -> Option<String> {
    match value? {
        Value::String(s) if !s.is_empty() => Some(s.clone()),
        Value::Number(n) => Some(n.to_string()),
        Value::Object(map) => map.get("id").and_then(|v| given_id(Some(v))),
        _ => None,
    }
}

/// A conversion step failed: the whole request fails (and is undone).
fn failed(item: Value, ex: &Exchange) -> HttpResponse {
    let code = item
        .get("code")
        .and_then(Value::as_str)
        .unwrap_or("INVALID_DATA")
        .to_string();
    let details = item.get("details").cloned().unwrap_or(json!({}));
    let message = item
        .get("message")
        .and_then(Value::as_str)
        .unwrap_or("invalid data")
        .to_string();
    zoho_error(400, &code, details, &message, ex)
}
