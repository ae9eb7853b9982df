//! Examples of builtins §8.

use crate::builtins::test_support::{call, global, show};
use crate::value::Value;

fn t(s: &str) -> Value {
    Value::text(s)
}

#[test]
fn url_coding() {
    // Zoho: urlEncode writes a space as %20, encodeUrl as +.
    assert_eq!(
        show(call(&t("a b&c=d/é"), "urlEncode", &[])),
        "a%20b%26c%3Dd%2F%C3%A9"
    );
    assert_eq!(
        show(call(&t("a b&c=d/é"), "encodeUrl", &[])),
        "a+b%26c%3Dd%2F%C3%A9"
    );
    assert_eq!(show(call(&t("a+b%26c"), "urlDecode", &[])), "a b&c");
    assert_eq!(show(call(&t("a%20b"), "urlDecode", &[])), "a b");
    assert_eq!(
        show(call(&t("%4"), "urlDecode", &[])),
        "error: Invalid arguments for function 'urlDecode'"
    );
    assert_eq!(
        show(global("zoho.encryption.urlEncode", &[t("a b")])),
        "a%20b"
    );
    assert_eq!(
        show(global("zoho.encryption.urlDecode", &[t("a+b")])),
        "a b"
    );
}

#[test]
fn base64() {
    assert_eq!(show(call(&t("Zoho"), "base64Encode", &[])), "Wm9obw==");
    assert_eq!(show(call(&t("Wm9obw=="), "base64Decode", &[])), "Zoho");
    assert_eq!(show(call(&t("Wm9obw"), "base64Decode", &[])), "Zoho");
    assert_eq!(
        show(call(&t("%%"), "base64Decode", &[])),
        "error: Invalid arguments for function 'base64Decode'"
    );
    assert_eq!(
        show(global("ZOHO.ENCRYPTION.BASE64ENCODE", &[t("Zoho")])),
        "Wm9obw=="
    );
    assert_eq!(
        show(global("zoho.encryption.base64Decode", &[t("Wm9obw==")])),
        "Zoho"
    );
}

#[test]
fn digests_and_hmacs() {
    assert_eq!(
        show(global("zoho.encryption.md5", &[t("")])),
        "d41d8cd98f00b204e9800998ecf8427e"
    );
    assert_eq!(
        show(global("zoho.encryption.sha256", &[t("")])),
        "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"
    );
    let fox = t("The quick brown fox jumps over the lazy dog");
    assert_eq!(
        show(global(
            "zoho.encryption.hmacsha256",
            &[t("key"), fox.clone(), t("hex")]
        )),
        "f7bc83f430538424b13298e6aa6fb143ef4d59a14946175997479dbc2d1a3cd8"
    );
    assert_eq!(
        show(global(
            "zoho.encryption.hmacsha1",
            &[t("key"), fox.clone(), t("hex")]
        )),
        "de7c9b85b8b78aa6bc8a7a36f70a90701c9db4d9"
    );
    assert_eq!(
        show(global(
            "zoho.encryption.hmacmd5",
            &[t("key"), fox.clone(), t("hex")]
        )),
        "80070713463e7749b90c2dc24911e275"
    );
    assert_eq!(
        show(global("zoho.encryption.hmacsha256", &[t("key"), fox])),
        "97yD9DBThCSxMpjmqm+xQ+9NWaFJRhdZl0edvC0aPNg="
    );
}
