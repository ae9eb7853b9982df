//! A small reader of `multipart/form-data` bodies, so files uploaded to
//! `deluge sandbox serve` (CRM attachments) reach the simulator as parts.

use deluge_connect::MultipartPart;

/// The parts of a body with the given boundary; `None` when the body is
/// not multipart in that boundary.
pub fn parse(body: &[u8], boundary: &str) -> Option<Vec<MultipartPart>> {
    let delimiter = format!("--{boundary}");
    let mut parts = Vec::new();
    let mut rest = body;
    let start = find(rest, delimiter.as_bytes())?;
    rest = &rest[start + delimiter.len()..];
    loop {
        if rest.starts_with(b"--") {
            return Some(parts);
        }
        rest = rest.strip_prefix(b"\r\n")?;
        let end = find(rest, format!("\r\n{delimiter}").as_bytes())?;
        parts.push(part(&rest[..end])?);
        rest = &rest[end + 2 + delimiter.len()..];
    }
}

fn part(raw: &[u8]) -> Option<MultipartPart> {
    let split = find(raw, b"\r\n\r\n")?;
    let head = String::from_utf8_lossy(&raw[..split]);
    let data = raw[split + 4..].to_vec();
    let mut name = String::new();
    let mut file_name = None;
    let mut content_type = "application/octet-stream".to_string();
    for line in head.lines() {
        let (key, value) = line.split_once(':')?;
        if key.trim().eq_ignore_ascii_case("content-disposition") {
            name = attribute(value, "name").unwrap_or_default();
            file_name = attribute(value, "filename");
        } else if key.trim().eq_ignore_ascii_case("content-type") {
            content_type = value.trim().to_string();
        }
    }
    Some(match file_name {
        Some(file_name) => MultipartPart::File {
            name,
            file_name,
            content_type,
            data,
        },
        None => MultipartPart::Text {
            name,
            value: String::from_utf8_lossy(&data).into_owned(),
        },
    })
}

/// `name="file"` out of a Content-Disposition value.
fn attribute(header: &str, key: &str) -> Option<String> {
    header.split(';').find_map(|piece| {
        let (k, v) = piece.trim().split_once('=')?;
        (k.trim() == key).then(|| v.trim().trim_matches('"').to_string())
    })
}

fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).position(|w| w == needle)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_text_and_file_parts() {
        let body = b"--xyz\r\nContent-Disposition: form-data; name=\"note\"\r\n\r\nhello\r\n--xyz\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.txt\"\r\nContent-Type: text/plain\r\n\r\nabc\r\n--xyz--\r\n";
        let parts = parse(body, "xyz").unwrap();
        assert_eq!(
            parts,
            vec![
                MultipartPart::Text {
                    name: "note".into(),
                    value: "hello".into()
                },
                MultipartPart::File {
                    name: "file".into(),
                    file_name: "a.txt".into(),
                    content_type: "text/plain".into(),
                    data: b"abc".to_vec()
                }
            ]
        );
    }

    #[test]
    fn a_body_without_the_boundary_is_not_multipart() {
        assert_eq!(parse(b"plain text", "xyz"), None);
    }
}
