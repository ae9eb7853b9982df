//! The host of a test case: the project's host for everything a script
//! does, plus the assertions and the `test.` namespace.
//!
//! Every test case gets a fresh one (fresh simulator state, fresh
//! fixtures, fresh request log), built by the [`Env`](super::env::Env).

use super::assert::{self, Failure};
use super::coverage::CoverageLog;
use super::env::{Env, Services};
use super::namespace;
use deluge_runtime::host::{Host, HostError, TaskRequest};
use deluge_runtime::{HostFnId, RtResult, Value};
use jiff::Timestamp;
use jiff::tz::TimeZone;
use std::path::Path;

/// Every function `deluge test` adds, as scripts write them.
pub fn function_names() -> impl Iterator<Item = &'static str> {
    assert::NAMES.iter().chain(namespace::NAMES).copied()
}

pub struct TestHost<'e> {
    pub(super) env: &'e Env,
    /// The project's host: info, clock, tasks, HTTP.
    pub(super) inner: Box<dyn Host>,
    /// The simulator, fixtures and request log behind `inner`, when the
    /// project has them.
    pub(super) services: Option<Box<dyn Services>>,
    /// Set by `test.setNow`.
    pub(super) now: Option<Timestamp>,
    /// The `info` lines of the last `test.run`.
    pub(super) last_info: Vec<String>,
    /// Statements executed by `test.run` scripts.
    pub(super) extra_statements: u64,
    pub(super) max_statements: u64,
    /// The folder `test.run` paths are relative to.
    pub(super) base: &'e Path,
    pub(super) coverage: Option<&'e mut CoverageLog>,
    /// Why the case failed, when an assertion failed.
    pub failure: Option<Failure>,
}

impl<'e> TestHost<'e> {
    pub fn new(
        env: &'e Env,
        base: &'e Path,
        now: Timestamp,
        zone: TimeZone,
        seed: Option<&deluge_sandbox::Seed>,
        max_statements: u64,
        coverage: Option<&'e mut CoverageLog>,
    ) -> Result<TestHost<'e>, String> {
        let (inner, services) = env.host(now, zone, seed)?;
        Ok(TestHost {
            env,
            inner,
            services,
            now: None,
            last_info: Vec::new(),
            extra_statements: 0,
            max_statements,
            base,
            coverage,
            failure: None,
        })
    }

    pub fn extra_statements(&self) -> u64 {
        self.extra_statements
    }
}

/// The `Host` methods both test hosts hand to their `inner` host as they
/// are, except the clock: the one `test.setNow` fixed (`now`) wins.
macro_rules! pass_to_inner_host {
    () => {
        fn info(&mut self, text: &str) {
            self.inner.info(text);
        }

        fn now(&self) -> Timestamp {
            self.now.unwrap_or_else(|| self.inner.now())
        }

        fn time_zone(&self) -> &TimeZone {
            self.inner.time_zone()
        }

        fn system_variable(&mut self, name: &str) -> Option<Value> {
            self.inner.system_variable(name)
        }

        fn invoke_url(&mut self, request: &TaskRequest) -> Result<Value, HostError> {
            self.inner.invoke_url(request)
        }

        fn send_mail(&mut self, request: &TaskRequest) -> Result<(), HostError> {
            self.inner.send_mail(request)
        }

        fn integration_task(
            &mut self,
            name: &str,
            args: &[Value],
        ) -> Option<Result<Value, HostError>> {
            self.inner.integration_task(name, args)
        }

        fn open_url(&mut self, url: &str, target: &str) {
            self.inner.open_url(url, target);
        }
    };
}

impl Host for TestHost<'_> {
    pass_to_inner_host!();

    fn host_function(&mut self, _id: HostFnId, name: &str, args: &[Value]) -> RtResult<Value> {
        let lower = name.to_ascii_lowercase();
        if let Some(call) = lower.strip_prefix("test.") {
            return namespace::call(self, call, args);
        }
        match assert::check(&lower, args)? {
            Ok(()) => Ok(Value::Null),
            Err((headline, failure)) => {
                let err = assert::failure_error(&headline, &failure);
                self.failure = Some(failure);
                Err(err)
            }
        }
    }
}

/// The host of a `test.run` script: the case's host with the clock that
/// `test.setNow` fixed.
pub(super) struct ScriptHost<'a> {
    pub inner: &'a mut dyn Host,
    pub now: Option<Timestamp>,
}

impl Host for ScriptHost<'_> {
    pass_to_inner_host!();
}
