//! Escapes inside text literals (language spec §2.4.1, §2.4.2), applied
//! when the parser builds the tree from a literal's raw content.

/// Applies the escapes of a double-quoted literal (§2.4.1): `\"` `\\` `\n`
/// `\r` `\t` `\'` `\/` and `\uXXXX` (UTF-16, surrogate pairs joined). Any
/// other backslash keeps both characters, so `"\d+"` stays a regex.
pub fn unescape_text(raw: &str) -> String {
    if !raw.contains('\\') {
        return raw.to_owned();
    }
    let mut out = String::with_capacity(raw.len());
    let mut rest = raw;
    while let Some(pos) = rest.find('\\') {
        out.push_str(&rest[..pos]);
        let after = &rest[pos + 1..];
        let mut chars = after.chars();
        let consumed = match chars.next() {
            Some('"') => push(&mut out, '"', 1),
            Some('\\') => push(&mut out, '\\', 1),
            Some('n') => push(&mut out, '\n', 1),
            Some('r') => push(&mut out, '\r', 1),
            Some('t') => push(&mut out, '\t', 1),
            Some('\'') => push(&mut out, '\'', 1),
            Some('/') => push(&mut out, '/', 1),
            Some('u') => unicode_escape(&mut out, after),
            Some(c) => {
                out.push('\\');
                out.push(c);
                c.len_utf8()
            }
            None => {
                out.push('\\');
                0
            }
        };
        rest = &after[consumed..];
    }
    out.push_str(rest);
    out
}

fn push(out: &mut String, c: char, consumed: usize) -> usize {
    out.push(c);
    consumed
}

/// Handles `\uXXXX` at `after` (which starts with `u`); returns how many
/// bytes of `after` it used. A malformed escape keeps its text.
fn unicode_escape(out: &mut String, after: &str) -> usize {
    let Some(first) = hex4(after.get(1..5)) else {
        out.push_str("\\u");
        return 1;
    };
    if (0xD800..0xDC00).contains(&first) {
        // A high surrogate: join it with a following `\uDC00`..`\uDFFF`.
        if after.get(5..7) == Some("\\u")
            && let Some(low) = hex4(after.get(7..11))
            && (0xDC00..0xE000).contains(&low)
        {
            let code = 0x10000 + ((first - 0xD800) << 10) + (low - 0xDC00);
            out.push(char::from_u32(code).unwrap_or('\u{FFFD}'));
            return 11;
        }
    }
    out.push(char::from_u32(first).unwrap_or('\u{FFFD}'));
    5
}

fn hex4(s: Option<&str>) -> Option<u32> {
    let s = s?;
    if s.len() == 4 && s.bytes().all(|b| b.is_ascii_hexdigit()) {
        u32::from_str_radix(s, 16).ok()
    } else {
        None
    }
}

/// Applies the escapes of a single-quoted literal (§2.4.2): only `\'` and
/// `\\`; any other backslash is literal.
pub fn unescape_single(raw: &str) -> String {
    if !raw.contains('\\') {
        return raw.to_owned();
    }
    let mut out = String::with_capacity(raw.len());
    let mut chars = raw.chars().peekable();
    while let Some(c) = chars.next() {
        if c == '\\'
            && let Some(&next) = chars.peek()
            && (next == '\'' || next == '\\')
        {
            out.push(next);
            chars.next();
            continue;
        }
        out.push(c);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_follow_the_spec() {
        assert_eq!(unescape_text(r#"He said \"hi\""#), "He said \"hi\"");
        assert_eq!(unescape_text(r"a\nb\tc\\d\/"), "a\nb\tc\\d/");
        assert_eq!(unescape_text(r"\d+\b"), r"\d+\b");
        assert_eq!(unescape_text(r"\u00e9\uD83D\uDE00"), "é😀");
        assert_eq!(unescape_text(r"\u12"), r"\u12");
        assert_eq!(unescape_single(r"it\'s \\ \d"), r"it's \ \d");
    }
}
