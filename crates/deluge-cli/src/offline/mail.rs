//! `sendmail` as data: the evaluated task block turned into the mail the
//! simulator's outbox keeps (language spec §7.11).

use deluge_runtime::{HostError, TaskRequest, Value};
use deluge_sandbox::Mail;

/// What an online run says: nothing is sent without a mail connection,
/// and a mail is never dropped silently.
pub const NEEDS_CONNECTION: &str = "sendmail needs a mail connection, and this version has none to send with; run with --offline to capture the mail in the simulator's outbox";

pub fn from_task(request: &TaskRequest) -> Result<Mail, HostError> {
    let text = |key: &str| request.get(key).map(Value::display).unwrap_or_default();
    Ok(Mail {
        from: text("from"),
        to: addresses(request.get("to")),
        cc: addresses(request.get("cc")),
        bcc: addresses(request.get("bcc")),
        subject: text("subject"),
        message: text("message"),
        attachments: attachment_names(request.get("attachments")),
    })
}

/// A TEXT of comma-separated addresses or a LIST of them.
fn addresses(value: Option<&Value>) -> Vec<String> {
    let Some(value) = value else {
        return Vec::new();
    };
    let items: Vec<String> = match value.list_ref() {
        Some(list) => list.items.iter().map(Value::display).collect(),
        None => vec![value.display()],
    };
    items
        .iter()
        .flat_map(|item| item.split(','))
        .map(|a| a.trim().to_string())
        .filter(|a| !a.is_empty())
        .collect()
}

/// The names of the FILE values (items may be lists of files).
fn attachment_names(value: Option<&Value>) -> Vec<String> {
    let mut names = Vec::new();
    if let Some(list) = value.and_then(Value::list_ref) {
        for item in &list.items {
            collect_files(item, &mut names);
        }
    }
    names
}

fn collect_files(value: &Value, names: &mut Vec<String>) {
    match value {
        Value::File(file) => names.push(file.borrow().name.clone()),
        other => {
            if let Some(list) = other.list_ref() {
                for item in &list.items {
                    collect_files(item, names);
                }
            }
        }
    }
}

/// The request log's line for a captured mail.
pub fn log_line(mail: &Mail) -> String {
    format!(
        "sendmail to {}: \"{}\" kept in the simulator's outbox",
        mail.to.join(", "),
        mail.subject
    )
}
