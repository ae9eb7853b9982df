//! Measures what one `invokeurl` costs over the raw HTTP round trip it
//! makes: the same GET to a loopback server, once with a bare reqwest
//! client and once from a Deluge script through `ConnectHost` (request
//! building, routing, logging, response conversion). Rounds alternate so
//! both see the same machine state; the medians are printed.
//!
//! `cargo run --release -p deluge-connect --example invoke_overhead [ROUNDS]`

use deluge_connect::testing::{Reply, TestServer};
use deluge_connect::{ConnectHost, ConnectSetup, NetworkPolicy};
use deluge_runtime::{Interpreter, Limits, Loaded, LocalHost, Program};
use std::time::Instant;

const PER_ROUND: u32 = 200;

fn median(mut values: Vec<f64>) -> f64 {
    values.sort_by(f64::total_cmp);
    values[values.len() / 2]
}

fn main() {
    let rounds: usize = std::env::args()
        .nth(1)
        .and_then(|a| a.parse().ok())
        .unwrap_or(25);
    let server = TestServer::start(|_| Reply::json(200, r#"{"id":"4000000000001","ok":true}"#))
        .expect("server");
    let url = format!("{}/api/item", server.url());

    let client = reqwest::blocking::Client::new();
    let mut program = Program::new();
    let script =
        format!("r = invokeurl\n[\n\turl: \"{url}\"\n\ttype: GET\n];\nreturn r.get(\"id\");");
    let Ok(Loaded::Script(f)) = program.load("bench.dg", &script, &[], &|_| None) else {
        panic!("bench script loads");
    };
    let mut host = ConnectHost::new(
        LocalHost::default(),
        ConnectSetup {
            policy: Some(NetworkPolicy::Loopback),
            ..ConnectSetup::default()
        },
    );

    let raw_once = || {
        let response = client.get(&url).send().expect("raw request");
        let body = response.bytes().expect("raw body");
        assert!(!body.is_empty());
    };
    let mut deluge_once = || {
        let outcome = Interpreter::new(&program, &mut host, Limits::default()).run(f, Vec::new());
        assert!(outcome.result.is_ok());
    };
    // Warm both paths (connections, allocations).
    for _ in 0..50 {
        raw_once();
        deluge_once();
    }
    let (mut raw, mut deluge) = (Vec::new(), Vec::new());
    for _ in 0..rounds {
        let t = Instant::now();
        for _ in 0..PER_ROUND {
            raw_once();
        }
        raw.push(t.elapsed().as_secs_f64() * 1e6 / f64::from(PER_ROUND));
        let t = Instant::now();
        for _ in 0..PER_ROUND {
            deluge_once();
        }
        deluge.push(t.elapsed().as_secs_f64() * 1e6 / f64::from(PER_ROUND));
    }
    let (raw, deluge) = (median(raw), median(deluge));
    println!(
        "invokeurl over loopback: raw round trip {raw:.1} us, from a script {deluge:.1} us, overhead {:.1} us ({:.3} ms)",
        deluge - raw,
        (deluge - raw) / 1000.0
    );
}
