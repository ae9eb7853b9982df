use super::*;

fn frame(body: &str) -> String {
    format!("Content-Length: {}\r\n\r\n{body}", body.len())
}

fn read(input: &str) -> Vec<Incoming> {
    let (tx, rx) = unbounded();
    read_all(&mut input.as_bytes(), &tx);
    drop(tx);
    rx.into_iter().collect()
}

fn invalid(item: &Incoming) -> &Invalid {
    match item {
        Incoming::Invalid(invalid) => invalid,
        other => panic!("expected an invalid frame, got {other:?}"),
    }
}

#[test]
fn requests_and_notifications_are_read_in_order() {
    let input = frame(r#"{"jsonrpc":"2.0","id":1,"method":"shutdown"}"#)
        + &frame(r#"{"jsonrpc":"2.0","method":"exit"}"#)
        + &frame(r#"{"jsonrpc":"2.0","id":2,"method":"after exit"}"#);
    let items = read(&input);
    assert_eq!(items.len(), 2, "reading stops after exit: {items:?}");
    assert!(matches!(&items[0], Incoming::Message(Message::Request(r)) if r.method == "shutdown"));
}

#[test]
fn invalid_json_is_a_parse_error_and_reading_goes_on() {
    let input = frame("{not json") + &frame(r#"{"jsonrpc":"2.0","id":7,"method":"m"}"#);
    let items = read(&input);
    assert_eq!(items.len(), 2);
    let bad = invalid(&items[0]);
    assert_eq!(bad.code as i32, -32700);
    assert!(bad.id.is_none());
    assert!(matches!(&items[1], Incoming::Message(Message::Request(_))));
}

#[test]
fn json_that_is_not_a_message_is_an_invalid_request_with_its_id() {
    let items = read(&frame(r#"{"jsonrpc":"2.0","id":3,"params":{}}"#));
    let bad = invalid(&items[0]);
    assert_eq!(bad.code as i32, -32600);
    assert_eq!(bad.id, Some(RequestId::from(3)));
}

#[test]
fn a_body_that_is_not_utf8_is_a_parse_error() {
    let mut input = b"Content-Length: 2\r\n\r\n".to_vec();
    input.extend([0xff, 0xfe]);
    let (tx, rx) = unbounded();
    read_all(&mut input.as_slice(), &tx);
    drop(tx);
    let items: Vec<_> = rx.into_iter().collect();
    assert_eq!(invalid(&items[0]).code as i32, -32700);
}

#[test]
fn garbage_between_frames_is_reported_and_skipped() {
    let input = "hello there\r\n".to_string()
        + &frame(r#"{"jsonrpc":"2.0","id":1,"method":"a"}"#)
        + "junk"
        + &frame(r#"{"jsonrpc":"2.0","id":2,"method":"b"}"#);
    let items = read(&input);
    let kinds: Vec<&str> = items
        .iter()
        .map(|i| match i {
            Incoming::Invalid(_) => "invalid",
            Incoming::Message(_) => "message",
        })
        .collect();
    assert_eq!(kinds, ["invalid", "message", "invalid", "message"]);
}

#[test]
fn lf_only_headers_and_other_headers_are_accepted() {
    let body = r#"{"jsonrpc":"2.0","method":"initialized","params":{}}"#;
    let input = format!(
        "Content-Type: application/vscode-jsonrpc; charset=utf-8\nContent-Length: {}\n\n{body}",
        body.len()
    );
    let items = read(&input);
    assert!(matches!(
        &items[..],
        [Incoming::Message(Message::Notification(_))]
    ));
}

#[test]
fn errors_without_an_id_are_written_with_a_null_id() {
    let mut out = Vec::new();
    let error = ResponseError {
        code: ErrorCode::ParseError as i32,
        message: "invalid JSON".into(),
        data: None,
    };
    write(&mut out, &Outgoing::ErrorWithoutId(error)).expect("written");
    let text = String::from_utf8(out).expect("utf-8");
    let (header, body) = text.split_once("\r\n\r\n").expect("framed");
    assert_eq!(header, format!("Content-Length: {}", body.len()));
    let value: serde_json::Value = serde_json::from_str(body).expect("json");
    assert_eq!(value["id"], serde_json::Value::Null);
    assert_eq!(value["error"]["code"], -32700);
}

#[test]
fn a_body_too_large_to_hold_is_skipped_and_reported() {
    let huge = MAX_BODY + 1;
    let mut input = format!("Content-Length: {huge}\r\n\r\n").into_bytes();
    input.resize(input.len() + huge, b' ');
    input.extend(frame(r#"{"jsonrpc":"2.0","id":1,"method":"after"}"#).into_bytes());
    let (tx, rx) = unbounded();
    read_all(&mut input.as_slice(), &tx);
    drop(tx);
    let items: Vec<_> = rx.into_iter().collect();
    assert_eq!(items.len(), 2, "{items:?}");
    assert!(invalid(&items[0]).message.contains("too large"));
    assert!(matches!(&items[1], Incoming::Message(Message::Request(r)) if r.method == "after"));
}
