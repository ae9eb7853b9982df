//! Task blocks, as Zoho's editor writes them: the keyword, then the
//! brackets on lines of their own and one parameter per line, without
//! commas (tabs shown as spaces).
//!
//! ```text
//! resp = invokeurl
//! [
//!     url :"https://example.com/api"
//!     type :GET
//!     parameters:query
//!     connection:"books_link"
//! ];
//! ```
//!
//! Zoho puts a space before the colon after `url` and `type` in
//! `invokeurl`, and after every key in `sendmail`.

use super::Formatter;
use super::lines::Spacing;
use crate::doc::{Doc, Docs, indent};
use deluge_syntax::ast::{TaskBlock, TaskKey, TaskKind, TaskParam, TaskValue};

impl Formatter<'_> {
    pub(super) fn task(&mut self, task: &TaskBlock) -> Doc {
        let keyword = match task.kind {
            TaskKind::InvokeUrl => "invokeurl",
            TaskKind::SendMail => "sendmail",
        };
        let close = task.span.end.saturating_sub(1);
        let params = self.lines(&task.params, close, Spacing::AsWritten, |f, p, _| {
            f.task_param(task.kind, p)
        });
        let mut d = Docs::new();
        d.text(keyword).push(Doc::HardLine).text("[");
        if !matches!(params, Doc::Nil) {
            d.push(indent(Docs::from_iter([Doc::HardLine, params]).build()));
        }
        d.push(Doc::HardLine).text("]");
        d.build()
    }

    fn task_param(&mut self, kind: TaskKind, param: &TaskParam) -> Doc {
        let colon = match (kind, param.key.name.as_str()) {
            (TaskKind::SendMail, _) | (TaskKind::InvokeUrl, "url" | "type") => " :",
            (TaskKind::InvokeUrl, _) => ":",
        };
        let mut d = Docs::new();
        d.text(format!("{}{colon}", self.key_as_written(&param.key)));
        match &param.value {
            TaskValue::Expr(value) => {
                d.push(self.expr(value));
            }
            TaskValue::Attachments(files) => {
                for (i, file) in files.iter().enumerate() {
                    if i > 0 {
                        d.text(", ");
                    }
                    d.text("file:").push(self.expr(file));
                }
            }
        }
        d.build()
    }

    /// The key in its normal form (`content type`, `reply to`) with the
    /// letter case the author used (`Attachments`, `Content-Type`).
    fn key_as_written(&self, key: &TaskKey) -> String {
        let is_letter = |c: &char| c.is_ascii_alphanumeric() || *c == '_';
        let written: Vec<char> = self.src.slice(key.span).chars().filter(is_letter).collect();
        let normal: Vec<char> = key.name.chars().filter(is_letter).collect();
        let same_word = written.len() == normal.len()
            && written
                .iter()
                .zip(&normal)
                .all(|(w, n)| w.eq_ignore_ascii_case(n));
        if !same_word {
            return key.name.clone();
        }
        let mut letters = written.into_iter();
        key.name
            .chars()
            .map(|c| {
                if is_letter(&c) {
                    letters.next().unwrap_or(c)
                } else {
                    c
                }
            })
            .collect()
    }
}
