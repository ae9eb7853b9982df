//! The tasks against a fake environment that records each request and
//! answers from a queue of canned responses.

mod args_tests;
mod bigin_tests;
mod books_tests;
mod crm_more_tests;
mod crm_tests;

use crate::http::{HttpRequest, HttpResponse, RequestBody};
use crate::task_env::{TaskEnv, TaskService, TaskSettings};
use deluge_runtime::{HostError, Value};
use std::collections::{HashMap, VecDeque};
use url::Url;

/// One request as the fake saw it.
pub struct Sent {
    pub task: String,
    pub service: TaskService,
    pub connection: Option<String>,
    pub request: HttpRequest,
}

#[derive(Default)]
pub struct FakeEnv {
    pub sent: Vec<Sent>,
    pub answers: VecDeque<Result<HttpResponse, HostError>>,
    pub org_variables: HashMap<String, String>,
    pub warnings: Vec<String>,
    pub settings: TaskSettings,
}

impl FakeEnv {
    /// An environment that answers each request with the next of `bodies`
    /// (status 200, JSON).
    pub fn answering<const N: usize>(bodies: [serde_json::Value; N]) -> FakeEnv {
        let mut env = FakeEnv::default();
        for body in &bodies {
            env.answer(200, body);
        }
        env
    }

    pub fn answer(&mut self, status: u16, body: &serde_json::Value) {
        let url = Url::parse("https://www.zohoapis.com/").unwrap();
        self.answers
            .push_back(Ok(HttpResponse::json(status, body, url)));
    }

    /// A status with no body (a 204).
    pub fn answer_empty(&mut self, status: u16) {
        self.answers.push_back(Ok(HttpResponse {
            status,
            headers: Vec::new(),
            body: Vec::new(),
            final_url: Url::parse("https://www.zohoapis.com/").unwrap(),
        }));
    }

    pub fn only(&self) -> &Sent {
        assert_eq!(self.sent.len(), 1, "expected exactly one request");
        &self.sent[0]
    }

    pub fn url(&self) -> String {
        self.only().request.url.to_string()
    }

    /// The JSON body of the only request.
    pub fn json_body(&self) -> serde_json::Value {
        match &self.only().request.body {
            RequestBody::Bytes { data, content_type } => {
                assert_eq!(content_type, "application/json");
                serde_json::from_slice(data).unwrap()
            }
            other => panic!("not a JSON body: {other:?}"),
        }
    }
}

impl TaskEnv for FakeEnv {
    fn send(
        &mut self,
        task: &str,
        service: TaskService,
        connection: Option<&str>,
        build: &dyn Fn(&Url) -> HttpRequest,
    ) -> Result<HttpResponse, HostError> {
        let request = build(&Url::parse("https://www.zohoapis.com").unwrap());
        self.sent.push(Sent {
            task: task.to_string(),
            service,
            connection: connection.map(String::from),
            request,
        });
        self.answers
            .pop_front()
            .unwrap_or_else(|| Err(HostError::new("no canned answer")))
    }

    fn org_variable(&mut self, name: &str) -> Result<Option<String>, HostError> {
        Ok(self.org_variables.get(name).cloned())
    }

    fn set_org_variable(&mut self, name: &str, value: String) {
        self.org_variables.insert(name.to_string(), value);
    }

    fn warn(&mut self, message: String) {
        self.warnings.push(message);
    }

    fn settings(&self) -> &TaskSettings {
        &self.settings
    }
}

/// Deluge values for test arguments.
pub fn t(text: &str) -> Value {
    Value::text(text)
}

pub fn n(number: i64) -> Value {
    Value::Number(number)
}

/// A map from JSON text (`{"Last_Name":"Smith"}`).
pub fn m(json: &str) -> Value {
    deluge_runtime::json::parse(json).unwrap()
}

pub fn empty_map() -> Value {
    Value::empty_map()
}

/// Runs a task and returns its value, failing the test on an error.
pub fn run(name: &str, args: &[Value], env: &mut FakeEnv) -> Value {
    match super::call(name, args, env) {
        Some(Ok(value)) => value,
        Some(Err(e)) => panic!("{name} failed: {}", e.message),
        None => panic!("{name} was not recognised"),
    }
}

/// Runs a task that must fail and returns the message.
pub fn run_err(name: &str, args: &[Value], env: &mut FakeEnv) -> HostError {
    match super::call(name, args, env) {
        Some(Err(e)) => e,
        Some(Ok(value)) => panic!("{name} returned {}", value.display()),
        None => panic!("{name} was not recognised"),
    }
}

/// The JSON form of a value, to compare with expected shapes.
pub fn json(value: &Value) -> serde_json::Value {
    deluge_runtime::json::to_json(value)
}
