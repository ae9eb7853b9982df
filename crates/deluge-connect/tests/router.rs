//! Layers in front of the network: they see the logical URL, answer token
//! refreshes too, and are tried in order before the policy (acceptance
//! tests 13 and 17).

mod common;

use common::{Setup, with_url};
use deluge_connect::testing::{Reply, TestServer};
use deluge_connect::{Answer, CallOrigin, HttpRequest, HttpResponse, Layer, NetworkPolicy};

/// Answers the token endpoint and `/books/v3/items` on Zoho's hosts, by
/// logical URL, the way fixtures do.
struct Canned;

impl Layer for Canned {
    fn name(&self) -> &'static str {
        "fixture"
    }

    fn try_execute(&self, request: &HttpRequest) -> Option<Answer> {
        let url = &request.logical_url;
        let body = match (url.host_str()?, url.path()) {
            ("accounts.zoho.com", "/oauth/v2/token")
                if request.origin == CallOrigin::TokenRefresh =>
            {
                serde_json::json!({"access_token": "1000.layer", "expires_in": 3600})
            }
            ("www.zohoapis.com", "/books/v3/items") => serde_json::json!({
                "auth": request.header("authorization"),
                "wire": request.url.as_str(),
            }),
            _ => return None,
        };
        Some(Ok(HttpResponse::json(200, &body, request.url.clone())))
    }
}

const FILE: &str = r#"{"version": 1, "connections": {"books": {"service": "zoho_books",
  "auth": {"type": "zoho_oauth2", "client_id": "c", "client_secret": "${env:S}", "refresh_token": "${env:R}"},
  "base_url_override": "{url}"}}}"#;

#[test]
fn layers_match_the_logical_url_while_the_wire_url_is_overridden() {
    let server = TestServer::start(|_| Reply::json(200, r#"{"from":"server"}"#)).unwrap();
    let mut setup = Setup::default()
        .file(&with_url(FILE, &server.url()))
        .env("S", "secret-s")
        .env("R", "secret-r");
    setup.policy = NetworkPolicy::Deny;
    setup.layers.push(Box::new(Canned));
    let out = setup.run(
        "r = invokeurl\n[\n\turl: \"https://www.zohoapis.com/books/v3/items?organization_id=1\"\n\tconnection: \"books\"\n];\ntry { s = invokeurl\n[\n\turl: \"https://www.zohoapis.com/books/v3/contacts\"\n\tconnection: \"books\"\n]; } catch (e) { return r.get(\"auth\") + \" | \" + r.get(\"wire\") + \" | \" + e.message; }",
    );
    assert_eq!(
        out.shown(),
        format!(
            "Zoho-oauthtoken 1000.layer | {}/books/v3/items?organization_id=1 | invokeurl: network access denied in offline mode: GET {}/books/v3/contacts",
            server.url(),
            server.url()
        )
    );
    assert!(server.received().is_empty(), "no socket was opened");
    let by: Vec<&str> = out
        .log
        .entries
        .iter()
        .map(|e| e.answered_by.as_str())
        .collect();
    assert_eq!(by, vec!["fixture", "fixture", "policy"]);
}
