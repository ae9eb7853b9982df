//! One simulated CRM getRecordById (`GET /crm/v2/Leads/{id}`, the task's
//! request with no connection) through the simulator layer, in a store of
//! 1,000 leads; and a create, which copies the store to undo a failure.

use criterion::{Criterion, criterion_group, criterion_main};
use deluge_connect::{CallOrigin, HttpRequest, Layer, Method, RequestBody};
use deluge_sandbox::Simulator;
use serde_json::json;
use std::hint::black_box;
use url::Url;

fn seeded() -> Simulator {
    let leads: Vec<_> = (0..1000)
        .map(|i| {
            json!({"id": format!("{}", 4_000_000_000_001u64 + i), "Last_Name": format!("Lead {i}"),
                   "Email": format!("lead{i}@example.test"), "Company": "Acme", "Phone": "+1 555 0101"})
        })
        .collect();
    let seed = json!({"crm": {"modules": {"Leads": leads}}});
    Simulator::from_seed_json(&seed.to_string(), "bench.json").expect("seed")
}

fn task(method: Method, url: &str) -> HttpRequest {
    HttpRequest::new(
        method,
        Url::parse(url).expect("url"),
        CallOrigin::Task("zoho.crm.getRecordById".into()),
    )
}

fn simulator(c: &mut Criterion) {
    let sim = seeded();
    let get = task(
        Method::Get,
        "https://www.zohoapis.com/crm/v2/Leads/4000000000500",
    );
    let answer = sim.try_execute(&get).expect("claimed").expect("answered");
    assert_eq!(answer.status, 200);
    c.bench_function("crm_get_record_by_id", |b| {
        b.iter(|| sim.try_execute(black_box(&get)))
    });

    let mut create = task(Method::Post, "https://www.zohoapis.com/crm/v2/Leads");
    create.body = RequestBody::Bytes {
        data: br#"{"data":[{"Last_Name":"Bench"}]}"#.to_vec(),
        content_type: "application/json".into(),
    };
    c.bench_function("crm_create_record", |b| {
        b.iter(|| sim.try_execute(black_box(&create)))
    });
}

criterion_group!(benches, simulator);
criterion_main!(benches);
