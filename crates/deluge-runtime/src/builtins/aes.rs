//! `zoho.encryption.aesEncode` and `aesDecode` (builtins §8): AES with a
//! 256-bit key, as Zoho documents them, in the layout of the ciphertexts
//! Zoho publishes (every example on its pages decrypts with this scheme):
//!
//! - the key is the key text's UTF-8 bytes, zero-padded to 32 bytes (a
//!   longer key is an argument error);
//! - CBC mode with PKCS#7 padding; the result is Base64 text;
//! - with an initialization vector (16 characters) the result is the
//!   ciphertext alone, and decoding needs the same vector;
//! - without one, a random vector is drawn and written before the
//!   ciphertext, and decoding reads it from there.

use super::{Ctx, GlobalDef, args};
use crate::error::{RtError, RtResult};
use crate::value::Value;
use aes::Aes256;
use aes::cipher::{BlockModeDecrypt, BlockModeEncrypt, KeyIvInit, block_padding::Pkcs7};
use base64::Engine;
use base64::engine::general_purpose::STANDARD;

const KEY_LEN: usize = 32;
const IV_LEN: usize = 16;

const ENCODE: &str = "zoho.encryption.aesEncode";
const DECODE: &str = "zoho.encryption.aesDecode";

pub const TABLE: &[GlobalDef] = &[
    GlobalDef {
        names: &[ENCODE],
        min_args: 2,
        max_args: 3,
        f: aes_encode,
        doc: "zoho.encryption.aesEncode(key, text [, iv]) — AES-256-CBC, Base64; the key zero-padded to 32 bytes; without a 16-character iv a random one is written first",
    },
    GlobalDef {
        names: &[DECODE],
        min_args: 2,
        max_args: 3,
        f: aes_decode,
        doc: "zoho.encryption.aesDecode(key, encrypted [, iv]) — inverse of aesEncode, with the same key and iv",
    },
];

/// The key text as 32 bytes: its UTF-8 bytes, then zeros.
fn key(v: &Value, name: &str) -> RtResult<[u8; KEY_LEN]> {
    let text = args::text(v, name)?;
    let bytes = text.as_bytes();
    if bytes.len() > KEY_LEN {
        return Err(RtError::invalid_args(name));
    }
    let mut key = [0u8; KEY_LEN];
    key[..bytes.len()].copy_from_slice(bytes);
    Ok(key)
}

/// The optional third argument: a 16-character vector (`null` is none).
fn iv(a: &[Value], name: &str) -> RtResult<Option<[u8; IV_LEN]>> {
    match args::optional(a, 2) {
        None | Some(Value::Null) => Ok(None),
        Some(v) => {
            let text = args::text(v, name)?;
            let bytes: [u8; IV_LEN] = text
                .as_bytes()
                .try_into()
                .map_err(|_| RtError::invalid_args(name))?;
            Ok(Some(bytes))
        }
    }
}

fn aes_encode(_: &mut Ctx<'_>, a: &[Value]) -> RtResult<Value> {
    let key = key(&a[0], ENCODE)?;
    let text = args::text(&a[1], ENCODE)?;
    let (vector, written) = match iv(a, ENCODE)? {
        Some(given) => (given, false),
        None => {
            let mut drawn = [0u8; IV_LEN];
            getrandom::fill(&mut drawn).map_err(|_| RtError::invalid_args(ENCODE))?;
            (drawn, true)
        }
    };
    let cipher = cbc::Encryptor::<Aes256>::new(&key.into(), &vector.into())
        .encrypt_padded_vec::<Pkcs7>(text.as_bytes());
    let mut out = Vec::with_capacity(IV_LEN + cipher.len());
    if written {
        out.extend_from_slice(&vector);
    }
    out.extend_from_slice(&cipher);
    Ok(Value::from(STANDARD.encode(out)))
}

fn aes_decode(_: &mut Ctx<'_>, a: &[Value]) -> RtResult<Value> {
    let bad = || RtError::invalid_args(DECODE);
    let key = key(&a[0], DECODE)?;
    let encoded = args::text(&a[1], DECODE)?;
    let compact: String = encoded
        .chars()
        .filter(|c| !c.is_ascii_whitespace())
        .collect();
    let bytes = STANDARD.decode(compact).map_err(|_| bad())?;
    let (vector, cipher): ([u8; IV_LEN], &[u8]) = match iv(a, DECODE)? {
        Some(given) => (given, &bytes),
        None => {
            let (head, rest) = bytes.split_at_checked(IV_LEN).ok_or_else(bad)?;
            (head.try_into().map_err(|_| bad())?, rest)
        }
    };
    let plain = cbc::Decryptor::<Aes256>::new(&key.into(), &vector.into())
        .decrypt_padded_vec::<Pkcs7>(cipher)
        .map_err(|_| bad())?;
    String::from_utf8(plain).map(Value::from).map_err(|_| bad())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::builtins::test_support::global;

    fn t(s: &str) -> Value {
        Value::text(s)
    }

    fn text(v: Result<Value, String>) -> String {
        match v {
            Ok(v) => v.display(),
            Err(message) => format!("error: {message}"),
        }
    }

    #[test]
    fn zohos_published_ciphertexts_decrypt() {
        // The examples of Zoho's aesDecode and aesEncode pages.
        let decoded = global(
            DECODE,
            &[
                t("passkey"),
                t("yf/u6N0HjKWXFFHIEKzG23+CM+BoL4RBPNb4mc0G3hw5q6xPe9KSpUd62Z5sjjSE"),
            ],
        );
        assert_eq!(text(decoded), "This is a secret");
        let decoded = global(
            DECODE,
            &[
                t("passkey"),
                t("F0JOCSWN0Eb2Y//llSoROcsQxHihYnMwCuJSywFaaigEJzQdjnznq7+rSUXy6JlG"),
            ],
        );
        assert_eq!(text(decoded), "Confidential details");
    }

    #[test]
    fn a_given_vector_makes_the_result_repeatable() {
        let args = [t("passkey"), t("This is a secret"), t("0000000000000000")];
        let once = text(global(ENCODE, &args));
        assert_eq!(once, "AR+ygx+et18UNeIltGh82NBgPQx6Y0hWbEcgN3NVbJA=");
        assert_eq!(text(global(ENCODE, &args)), once);
    }

    #[test]
    fn without_a_vector_each_result_differs_and_round_trips() {
        let args = [t("k"), t("héllo wörld")];
        let (a, b) = (text(global(ENCODE, &args)), text(global(ENCODE, &args)));
        assert_ne!(a, b, "a fresh vector each time");
        assert_eq!(text(global(DECODE, &[t("k"), t(&a)])), "héllo wörld");
        assert_eq!(text(global(DECODE, &[t("k"), t(&b)])), "héllo wörld");
    }

    #[test]
    fn bad_keys_vectors_and_ciphertexts_are_argument_errors() {
        let long_key = "k".repeat(33);
        let invalid = format!("error: Invalid arguments for function '{ENCODE}'");
        assert_eq!(text(global(ENCODE, &[t(&long_key), t("x")])), invalid);
        assert_eq!(text(global(ENCODE, &[t("k"), t("x"), t("short")])), invalid);
        let invalid = format!("error: Invalid arguments for function '{DECODE}'");
        assert_eq!(text(global(DECODE, &[t("k"), t("not base64!")])), invalid);
        assert_eq!(text(global(DECODE, &[t("k"), t("AAAA")])), invalid);
        let vector = t("0123456789abcdef");
        let sealed = text(global(ENCODE, &[t("right"), t("secret"), vector.clone()]));
        let opened = global(DECODE, &[t("wrong"), t(&sealed), vector.clone()]);
        assert_eq!(text(opened), invalid);
        let opened = global(DECODE, &[t("right"), t(&sealed), vector]);
        assert_eq!(text(opened), "secret");
    }
}
