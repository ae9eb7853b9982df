//! Encoding, hashing and crypto functions (builtins §8).
//!
//! URL and Base64 coding are TEXT methods (`urlEncode(x)` and
//! `x.urlEncode()`), and also global `zoho.encryption.*` functions, which
//! add the digests and HMACs (AES is in `aes.rs`). Text is hashed and
//! encoded as UTF-8 bytes.

use super::text::def;
use super::text::text;
use super::text_convert::hex;
use super::{Ctx, GlobalDef, GlobalFn, MethodDef, args};
use crate::error::{RtError, RtResult};
use crate::value::Value;
use base64::Engine;
use base64::engine::general_purpose::{STANDARD, STANDARD_PAD_INDIFFERENT};
use hmac::{Hmac, KeyInit, Mac};
use md5::{Digest, Md5};
use sha1::Sha1;
use sha2::Sha256;

pub const TABLE: &[MethodDef] = &[
    def(
        &["urlEncode"],
        0,
        0,
        url_encode_method,
        "s.urlEncode() — URL encoding, UTF-8 %XX, a space as %20",
    ),
    def(
        &["encodeUrl"],
        0,
        0,
        encode_url_method,
        "s.encodeUrl() — form URL encoding, UTF-8 %XX, a space as +",
    ),
    def(
        &["urlDecode"],
        0,
        0,
        url_decode_method,
        "s.urlDecode() — inverse of urlEncode",
    ),
    def(
        &["base64Encode"],
        0,
        0,
        base64_encode_method,
        "s.base64Encode() — standard Base64",
    ),
    def(
        &["base64Decode"],
        0,
        0,
        base64_decode_method,
        "s.base64Decode() — Base64 to text",
    ),
];

const fn global(
    name: &'static [&'static str],
    min_args: u8,
    max_args: u8,
    f: GlobalFn,
    doc: &'static str,
) -> GlobalDef {
    GlobalDef {
        names: name,
        min_args,
        max_args,
        f,
        doc,
    }
}

/// The `zoho.encryption.*` functions, under their full dotted names.
pub const ENCRYPTION: &[GlobalDef] = &[
    global(
        &["zoho.encryption.md5"],
        1,
        1,
        md5,
        "zoho.encryption.md5(text) — MD5 digest, lower-case hex",
    ),
    global(
        &["zoho.encryption.sha256"],
        1,
        1,
        sha256,
        "zoho.encryption.sha256(text) — SHA-256 digest, lower-case hex",
    ),
    global(
        &["zoho.encryption.hmacsha256"],
        2,
        3,
        hmac_sha256,
        "zoho.encryption.hmacsha256(key, message [, \"base64\"|\"hex\"]) — HMAC-SHA256",
    ),
    global(
        &["zoho.encryption.hmacsha1"],
        2,
        3,
        hmac_sha1,
        "zoho.encryption.hmacsha1(key, message [, \"base64\"|\"hex\"]) — HMAC-SHA1",
    ),
    global(
        &["zoho.encryption.hmacmd5"],
        2,
        3,
        hmac_md5,
        "zoho.encryption.hmacmd5(key, message [, \"base64\"|\"hex\"]) — HMAC-MD5",
    ),
    global(
        &["zoho.encryption.urlEncode"],
        1,
        1,
        url_encode_global,
        "zoho.encryption.urlEncode(text) — URL encoding, a space as %20",
    ),
    global(
        &["zoho.encryption.urlDecode"],
        1,
        1,
        url_decode_global,
        "zoho.encryption.urlDecode(text) — inverse of urlEncode",
    ),
    global(
        &["zoho.encryption.base64Encode"],
        1,
        1,
        base64_encode_global,
        "zoho.encryption.base64Encode(text) — standard Base64",
    ),
    global(
        &["zoho.encryption.base64Decode"],
        1,
        1,
        base64_decode_global,
        "zoho.encryption.base64Decode(text) — Base64 to text",
    ),
];

/// Zoho's `urlEncode`: like [`encode_url`], but a space is `%20` (Zoho
/// documents the two names as differing only there).
pub fn url_encode(s: &str) -> String {
    form_encode(s, "%20")
}

/// Zoho's `encodeUrl`: Java `URLEncoder` (UTF-8), a space as `+`.
pub fn encode_url(s: &str) -> String {
    form_encode(s, "+")
}

/// Java `URLEncoder` (UTF-8): `A-Z a-z 0-9 . - * _` kept, a space as
/// `space`, every other byte `%XX` in upper-case hex.
fn form_encode(s: &str, space: &str) -> String {
    const HEX: &[u8; 16] = b"0123456789ABCDEF";
    let mut out = String::with_capacity(s.len());
    for &b in s.as_bytes() {
        match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'.' | b'-' | b'*' | b'_' => {
                out.push(b as char)
            }
            b' ' => out.push_str(space),
            _ => {
                out.push('%');
                out.push(HEX[(b >> 4) as usize] as char);
                out.push(HEX[(b & 15) as usize] as char);
            }
        }
    }
    out
}

/// `+` as space, `%XX` as a byte; the bytes must be UTF-8.
pub fn url_decode(s: &str) -> Option<String> {
    let b = s.as_bytes();
    let mut out = Vec::with_capacity(b.len());
    let mut i = 0;
    while i < b.len() {
        match b[i] {
            b'+' => out.push(b' '),
            b'%' => {
                let pair = s.get(i + 1..i + 3)?;
                if !pair.bytes().all(|c| c.is_ascii_hexdigit()) {
                    return None;
                }
                out.push(u8::from_str_radix(pair, 16).ok()?);
                i += 2;
            }
            other => out.push(other),
        }
        i += 1;
    }
    String::from_utf8(out).ok()
}

pub fn base64_encode(s: &str) -> String {
    STANDARD.encode(s.as_bytes())
}

/// Standard alphabet; missing padding and whitespace (line breaks of MIME
/// output) are tolerated.
pub fn base64_decode(s: &str) -> Option<String> {
    let compact: String = s.chars().filter(|c| !c.is_ascii_whitespace()).collect();
    let bytes = STANDARD_PAD_INDIFFERENT.decode(compact.as_bytes()).ok()?;
    String::from_utf8(bytes).ok()
}

fn url_encode_method(_: &mut Ctx<'_>, recv: &Value, _: &[Value]) -> RtResult<Value> {
    Ok(Value::from(url_encode(&text(recv, "urlEncode")?)))
}

fn encode_url_method(_: &mut Ctx<'_>, recv: &Value, _: &[Value]) -> RtResult<Value> {
    Ok(Value::from(encode_url(&text(recv, "encodeUrl")?)))
}

fn url_decode_method(_: &mut Ctx<'_>, recv: &Value, _: &[Value]) -> RtResult<Value> {
    let decoded = url_decode(&text(recv, "urlDecode")?);
    decoded
        .map(Value::from)
        .ok_or_else(|| RtError::invalid_args("urlDecode"))
}

fn base64_encode_method(_: &mut Ctx<'_>, recv: &Value, _: &[Value]) -> RtResult<Value> {
    Ok(Value::from(base64_encode(&text(recv, "base64Encode")?)))
}

fn base64_decode_method(_: &mut Ctx<'_>, recv: &Value, _: &[Value]) -> RtResult<Value> {
    let decoded = base64_decode(&text(recv, "base64Decode")?);
    decoded
        .map(Value::from)
        .ok_or_else(|| RtError::invalid_args("base64Decode"))
}

/// The one text argument of a `zoho.encryption.*` function.
fn arg<'v>(a: &'v [Value], i: usize, name: &str) -> RtResult<std::borrow::Cow<'v, str>> {
    args::text(&a[i], name)
}

fn url_encode_global(_: &mut Ctx<'_>, a: &[Value]) -> RtResult<Value> {
    Ok(Value::from(url_encode(&arg(
        a,
        0,
        "zoho.encryption.urlEncode",
    )?)))
}

fn url_decode_global(_: &mut Ctx<'_>, a: &[Value]) -> RtResult<Value> {
    let name = "zoho.encryption.urlDecode";
    url_decode(&arg(a, 0, name)?)
        .map(Value::from)
        .ok_or_else(|| RtError::invalid_args(name))
}

fn base64_encode_global(_: &mut Ctx<'_>, a: &[Value]) -> RtResult<Value> {
    Ok(Value::from(base64_encode(&arg(
        a,
        0,
        "zoho.encryption.base64Encode",
    )?)))
}

fn base64_decode_global(_: &mut Ctx<'_>, a: &[Value]) -> RtResult<Value> {
    let name = "zoho.encryption.base64Decode";
    base64_decode(&arg(a, 0, name)?)
        .map(Value::from)
        .ok_or_else(|| RtError::invalid_args(name))
}

fn md5(_: &mut Ctx<'_>, a: &[Value]) -> RtResult<Value> {
    let s = arg(a, 0, "zoho.encryption.md5")?;
    Ok(Value::from(hex(&Md5::digest(s.as_bytes()))))
}

fn sha256(_: &mut Ctx<'_>, a: &[Value]) -> RtResult<Value> {
    let s = arg(a, 0, "zoho.encryption.sha256")?;
    Ok(Value::from(hex(&Sha256::digest(s.as_bytes()))))
}

/// Key, message and output format (`base64`, the default, or `hex`).
fn hmac_with<M: Mac + KeyInit>(a: &[Value], name: &str) -> RtResult<Value> {
    let key = arg(a, 0, name)?;
    let message = arg(a, 1, name)?;
    let hex_output = match args::optional(a, 2) {
        None => false,
        Some(v) => {
            let f = args::text(v, name)?;
            if f.eq_ignore_ascii_case("hex") {
                true
            } else if f.eq_ignore_ascii_case("base64") {
                false
            } else {
                return Err(RtError::invalid_args(name));
            }
        }
    };
    let mut mac =
        <M as KeyInit>::new_from_slice(key.as_bytes()).map_err(|_| RtError::invalid_args(name))?;
    mac.update(message.as_bytes());
    let code = mac.finalize().into_bytes();
    Ok(Value::from(if hex_output {
        hex(&code)
    } else {
        STANDARD.encode(code)
    }))
}

fn hmac_sha256(_: &mut Ctx<'_>, a: &[Value]) -> RtResult<Value> {
    hmac_with::<Hmac<Sha256>>(a, "zoho.encryption.hmacsha256")
}

fn hmac_sha1(_: &mut Ctx<'_>, a: &[Value]) -> RtResult<Value> {
    hmac_with::<Hmac<Sha1>>(a, "zoho.encryption.hmacsha1")
}

fn hmac_md5(_: &mut Ctx<'_>, a: &[Value]) -> RtResult<Value> {
    hmac_with::<Hmac<Md5>>(a, "zoho.encryption.hmacmd5")
}

#[cfg(test)]
#[path = "encoding_tests.rs"]
mod tests;
