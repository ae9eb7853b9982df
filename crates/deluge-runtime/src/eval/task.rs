//! `invokeurl` and `sendmail` blocks (language spec §7.10, §7.11): the
//! values are evaluated in source order, checked for what every host needs
//! (a URL, a method, the required mail fields, FILE attachments) and handed
//! to the host as one request.

use super::{Frame, Interpreter};
use crate::error::{RtError, RtResult};
use crate::host::TaskRequest;
use crate::ir::{Task, TaskValue};
use crate::value::Value;
use deluge_syntax::ast::TaskKind;
use deluge_syntax::codes;

const METHODS: &[&str] = &["GET", "POST", "PUT", "PATCH", "DELETE"];

/// Keys `sendmail` cannot do without (our choice, §7.11).
const MAIL_REQUIRED: &[&str] = &["from", "to", "subject", "message"];

impl Interpreter<'_, '_> {
    /// Runs a task block; it counts as one statement (already counted).
    pub(crate) fn task(&mut self, frame: &Frame, task: &Task, line: usize) -> RtResult<Value> {
        let mut params = Vec::with_capacity(task.params.len());
        for p in &task.params {
            let v = match &p.value {
                TaskValue::Expr(e) => self.eval(frame, e)?,
                TaskValue::Attachments(items) => {
                    let mut files = Vec::with_capacity(items.len());
                    for e in items {
                        files.push(self.eval(frame, e)?);
                    }
                    Value::new_list(files)
                }
            };
            params.push((p.key.clone(), v));
        }
        let mut request = TaskRequest {
            kind: task.kind,
            params,
            line,
        };
        let result = match task.kind {
            TaskKind::InvokeUrl => {
                check_invokeurl(&mut request)?;
                self.host.invoke_url(&request)
            }
            TaskKind::SendMail => {
                check_sendmail(&request)?;
                self.host.send_mail(&request).map(|()| Value::Null)
            }
        };
        result.map_err(|e| RtError::new(e.code(), e.message))
    }
}

fn bad_value(message: String) -> RtError {
    RtError::new(codes::BAD_TASK_VALUE, message)
}

/// `url` is required TEXT; `type` (default GET) must name a method, in any
/// letter case, and reaches the host upper-cased.
fn check_invokeurl(request: &mut TaskRequest) -> RtResult<()> {
    match request.get("url") {
        Some(Value::Text(_)) => {}
        Some(other) => {
            return Err(bad_value(format!(
                "invokeurl: url must be TEXT, not {}",
                other.type_name()
            )));
        }
        None => return Err(bad_value("invokeurl: the url key is required".into())),
    }
    if let Some((_, method)) = request.params.iter_mut().find(|(k, _)| k == "type") {
        let upper = method.as_text().map(str::to_ascii_uppercase);
        match upper {
            Some(m) if METHODS.contains(&m.as_str()) => *method = Value::from(m),
            _ => {
                return Err(bad_value(format!(
                    "invokeurl: type must be GET, POST, PUT, PATCH or DELETE, not '{}'",
                    method.display()
                )));
            }
        }
    }
    Ok(())
}

/// The required keys are present and attachments are FILE values.
fn check_sendmail(request: &TaskRequest) -> RtResult<()> {
    for key in MAIL_REQUIRED {
        if request.get(key).is_none() {
            return Err(bad_value(format!("sendmail: the {key} key is required")));
        }
    }
    if let Some(files) = request.get("attachments").and_then(|v| v.list_ref()) {
        let all_files = files.items.iter().all(|f| match f {
            Value::File(_) => true,
            other => other
                .list_ref()
                .is_some_and(|l| l.items.iter().all(|x| matches!(x, Value::File(_)))),
        });
        if !all_files {
            return Err(RtError::invalid_args("sendmail"));
        }
    }
    Ok(())
}
