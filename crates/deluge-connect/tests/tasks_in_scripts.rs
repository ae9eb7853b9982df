//! Integration tasks called from Deluge scripts: the interpreter hands
//! `zoho.*` calls to a host that runs `tasks::call` against an environment
//! answering from canned routes, and the script reads the values as it
//! would in Zoho.

use deluge_connect::tasks;
use deluge_connect::{HttpRequest, HttpResponse, TaskEnv, TaskService, TaskSettings};
use deluge_runtime::program::Loaded;
use deluge_runtime::{
    Host, HostError, Interpreter, Limits, LocalHost, Program, TaskRequest, Value,
};
use jiff::Timestamp;
use jiff::tz::TimeZone;
use serde_json::json;
use url::Url;

/// Answers `"<METHOD> <path>"` with a status and JSON body (`None` body:
/// an empty 204); any other request fails like a refused connection.
#[derive(Default)]
struct Routes {
    routes: Vec<(String, u16, Option<serde_json::Value>)>,
    seen: Vec<String>,
    settings: TaskSettings,
}

impl TaskEnv for Routes {
    fn send(
        &mut self,
        _task: &str,
        _service: TaskService,
        _connection: Option<&str>,
        build: &dyn Fn(&Url) -> HttpRequest,
    ) -> Result<HttpResponse, HostError> {
        let request = build(&Url::parse("https://www.zohoapis.com").unwrap());
        let key = format!("{} {}", request.method, request.url.path());
        self.seen.push(key.clone());
        let Some((_, status, body)) = self.routes.iter().find(|(k, _, _)| *k == key) else {
            return Err(HostError::new(format!(
                "invokeurl: unable to connect to {}: connection refused",
                request.url.host_str().unwrap_or("")
            )));
        };
        Ok(HttpResponse {
            status: *status,
            headers: vec![("content-type".into(), "application/json".into())],
            body: body
                .as_ref()
                .map(|b| b.to_string().into_bytes())
                .unwrap_or_default(),
            final_url: request.url.clone(),
        })
    }

    fn org_variable(&mut self, _name: &str) -> Result<Option<String>, HostError> {
        Ok(None)
    }

    fn set_org_variable(&mut self, _name: &str, _value: String) {}

    fn warn(&mut self, _message: String) {}

    fn settings(&self) -> &TaskSettings {
        &self.settings
    }
}

/// A host whose only external service is the tasks.
struct TaskHost {
    local: LocalHost,
    env: Routes,
}

impl Host for TaskHost {
    fn info(&mut self, text: &str) {
        self.local.info(text)
    }
    fn now(&self) -> Timestamp {
        self.local.now()
    }
    fn time_zone(&self) -> &TimeZone {
        self.local.time_zone()
    }
    fn system_variable(&mut self, name: &str) -> Option<Value> {
        self.local.system_variable(name)
    }
    fn invoke_url(&mut self, request: &TaskRequest) -> Result<Value, HostError> {
        self.local.invoke_url(request)
    }
    fn send_mail(&mut self, request: &TaskRequest) -> Result<(), HostError> {
        self.local.send_mail(request)
    }
    fn integration_task(&mut self, name: &str, args: &[Value]) -> Option<Result<Value, HostError>> {
        tasks::call(name, args, &mut self.env)
    }
    fn open_url(&mut self, _url: &str, _target: &str) {}
}

struct Ran {
    info: Vec<String>,
    /// Code and message of an error that escaped the script.
    error: Option<(String, String)>,
    /// `"<METHOD> <path>"` of every request.
    seen: Vec<String>,
}

fn run(source: &str, routes: Routes) -> Ran {
    let mut program = Program::new();
    let Ok(Loaded::Script(f)) = program.load("t.dg", source, &[], &|_| None) else {
        panic!("the script does not load");
    };
    let mut host = TaskHost {
        local: LocalHost::default(),
        env: routes,
    };
    let outcome = Interpreter::new(&program, &mut host, Limits::default()).run(f, Vec::new());
    let error = outcome
        .result
        .err()
        .map(|e| (e.code.to_string(), e.message.clone()));
    Ran {
        info: outcome.info,
        error,
        seen: host.env.seen,
    }
}

fn routes(list: &[(&str, u16, Option<serde_json::Value>)]) -> Routes {
    Routes {
        routes: list
            .iter()
            .map(|(k, s, b)| (k.to_string(), *s, b.clone()))
            .collect(),
        ..Routes::default()
    }
}

#[test]
fn the_seed_reads_the_bigin_record_from_the_whole_response() {
    let answer = json!({"data":[{"id":"4000000000001","Email":"ann@example.test"}]});
    let script = r#"
        fetched = zoho.bigin.getRecordById("Contacts", "4000000000001", Map(), "bigin_link");
        person = fetched.get("data").get(0);
        info person.get("Email");
    "#;
    let ran = run(
        script,
        routes(&[("GET /bigin/v2/Contacts/4000000000001", 200, Some(answer))]),
    );
    assert_eq!(ran.error, None);
    assert_eq!(ran.info, ["ann@example.test"]);
    assert_eq!(ran.seen, ["GET /bigin/v2/Contacts/4000000000001"]);
}

#[test]
fn crm_values_read_as_scripts_expect() {
    let script = r#"
        lead = zoho.crm.getRecordById("Leads", 42);
        info lead.get("Company");
        found = zoho.crm.searchRecords("Leads", "(Email:equals:a@b.com)");
        info found.size();
        info found.isEmpty();
        info found.toString() == "";
        created = zoho.crm.createRecord("Leads", {"Last_Name":"Smith"});
        info created.get("id");
        failed = zoho.crm.updateRecord("Leads", 42, {"Email":"x"});
        info failed.get("code") + " " + failed.get("id");
    "#;
    let write_ok = json!({"data":[{"code":"SUCCESS","details":{"id":"900"},"message":"record added","status":"success"}]});
    let write_failed = json!({"data":[{"code":"INVALID_DATA","details":{"api_name":"Email"},"message":"invalid data","status":"error"}]});
    let lead = json!({"data":[{"id":"42","Company":"Acme"}]});
    let ran = run(
        script,
        routes(&[
            ("GET /crm/v2/Leads/42", 200, Some(lead)),
            ("GET /crm/v2/Leads/search", 204, None),
            ("POST /crm/v2/Leads", 201, Some(write_ok)),
            ("PUT /crm/v2/Leads/42", 400, Some(write_failed)),
        ]),
    );
    assert_eq!(ran.error, None);
    assert_eq!(
        ran.info,
        ["Acme", "0", "true", "true", "900", "INVALID_DATA null"]
    );
}

#[test]
fn books_answers_are_whole_responses() {
    let script = r#"
        resp = zoho.books.getRecordsByID("contacts", 10234695, "460000000026049", "books_link");
        info resp.get("code") == 0;
        info resp.get("contact").get("contact_name");
    "#;
    let answer = json!({"code":0,"message":"success","contact":{"contact_name":"Bo Chen"}});
    let ran = run(
        script,
        routes(&[("GET /books/v3/contacts/460000000026049", 200, Some(answer))]),
    );
    assert_eq!(ran.error, None);
    assert_eq!(ran.info, ["true", "Bo Chen"]);
}

#[test]
fn a_failed_request_is_catchable_at_the_line_of_the_call() {
    let script = "try\n{\n  r = zoho.crm.getRecordById(\"Leads\", 1);\n}\ncatch (e)\n{\n  info e.lineNo;\n  info e.message;\n}\n";
    let ran = run(script, routes(&[]));
    assert_eq!(ran.error, None);
    assert_eq!(
        ran.info,
        [
            "3",
            "invokeurl: unable to connect to www.zohoapis.com: connection refused"
        ]
    );
}

#[test]
fn an_unmodelled_service_stops_the_script_with_e320() {
    let ran = run(r#"r = zoho.desk.getRecords("tickets");"#, routes(&[]));
    let (code, message) = ran.error.expect("an error");
    assert_eq!(code, "E320");
    assert!(
        message.contains("zoho.desk tasks are not available locally"),
        "{message}"
    );
    assert!(ran.seen.is_empty());
}
