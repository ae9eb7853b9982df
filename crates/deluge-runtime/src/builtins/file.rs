//! FILE functions (builtins §11), and `toFile`, which is a TEXT function
//! that makes a FILE.

use super::{Ctx, MethodDef, args};
use crate::error::{RtError, RtResult};
use crate::value::{FileObj, Value};
use std::cell::RefCell;
use std::rc::Rc;

/// Registered under the TEXT table.
pub const TEXT_TABLE: &[MethodDef] = &[MethodDef {
    names: &["toFile"],
    min_args: 1,
    max_args: 1,
    f: to_file,
    doc: "s.toFile(name) — a new FILE named name holding s in UTF-8",
}];

pub const TABLE: &[MethodDef] = &[
    MethodDef {
        names: &["getFileName"],
        min_args: 0,
        max_args: 0,
        f: get_file_name,
        doc: "f.getFileName() — the file name",
    },
    MethodDef {
        names: &["setFileName"],
        min_args: 1,
        max_args: 1,
        f: set_file_name,
        doc: "f.setFileName(name) — rename the file in place",
    },
    MethodDef {
        names: &["getFileType"],
        min_args: 0,
        max_args: 0,
        f: get_file_type,
        doc: "f.getFileType() — the content type",
    },
    MethodDef {
        names: &["setParamName"],
        min_args: 1,
        max_args: 1,
        f: set_param_name,
        doc: "f.setParamName(name) — the form-field name used when the file is sent",
    },
    MethodDef {
        names: &["getParamName"],
        min_args: 0,
        max_args: 0,
        f: get_param_name,
        doc: "f.getParamName() — the form-field name, null until set",
    },
    MethodDef {
        names: &["getFileContent"],
        min_args: 0,
        max_args: 0,
        f: get_file_content,
        doc: "f.getFileContent() — the bytes decoded as UTF-8",
    },
];

/// Content type from the file name's extension (builtins §11).
pub fn content_type(name: &str) -> &'static str {
    let ext = name.rsplit_once('.').map_or("", |(_, e)| e);
    match ext.to_ascii_lowercase().as_str() {
        "csv" => "text/csv",
        "txt" => "text/plain",
        "json" => "application/json",
        "html" => "text/html",
        "xml" => "application/xml",
        _ => "application/octet-stream",
    }
}

fn to_file(_: &mut Ctx<'_>, recv: &Value, a: &[Value]) -> RtResult<Value> {
    let text = args::receiver_text(recv, "toFile")?;
    let name = args::text(&a[0], "toFile")?;
    Ok(Value::File(Rc::new(RefCell::new(FileObj {
        content_type: content_type(&name).to_string(),
        name: name.into_owned(),
        param_name: None,
        bytes: text.as_bytes().to_vec(),
    }))))
}

fn file<'v>(recv: &'v Value, name: &str) -> RtResult<&'v RefCell<FileObj>> {
    match recv {
        Value::File(f) => Ok(f),
        _ => Err(RtError::invalid_args(name)),
    }
}

fn get_file_name(_: &mut Ctx<'_>, recv: &Value, _: &[Value]) -> RtResult<Value> {
    Ok(Value::text(&file(recv, "getFileName")?.borrow().name))
}

fn set_file_name(_: &mut Ctx<'_>, recv: &Value, a: &[Value]) -> RtResult<Value> {
    let name = args::text(&a[0], "setFileName")?;
    file(recv, "setFileName")?.borrow_mut().name = name.into_owned();
    Ok(Value::Null)
}

fn get_file_type(_: &mut Ctx<'_>, recv: &Value, _: &[Value]) -> RtResult<Value> {
    Ok(Value::text(
        &file(recv, "getFileType")?.borrow().content_type,
    ))
}

fn set_param_name(_: &mut Ctx<'_>, recv: &Value, a: &[Value]) -> RtResult<Value> {
    let name = args::text(&a[0], "setParamName")?;
    file(recv, "setParamName")?.borrow_mut().param_name = Some(name.into_owned());
    Ok(Value::Null)
}

fn get_param_name(_: &mut Ctx<'_>, recv: &Value, _: &[Value]) -> RtResult<Value> {
    Ok(file(recv, "getParamName")?
        .borrow()
        .param_name
        .as_deref()
        .map_or(Value::Null, Value::text))
}

fn get_file_content(_: &mut Ctx<'_>, recv: &Value, _: &[Value]) -> RtResult<Value> {
    let f = file(recv, "getFileContent")?.borrow();
    Ok(Value::from_string(
        String::from_utf8_lossy(&f.bytes).into_owned(),
    ))
}

#[cfg(test)]
#[path = "file_tests.rs"]
mod tests;
