//! The clock, zone and user options shared by `run` and `repl`.

use crate::cli::ClockArgs;
use deluge_runtime::datetime::{DateTime, zone::resolve_zone};
use deluge_runtime::host::SystemVariables;
use jiff::Timestamp;
use jiff::tz::TimeZone;

pub struct Clock {
    pub fixed_now: Option<Timestamp>,
    pub zone: TimeZone,
    /// The `zoho.*` user variables.
    pub variables: SystemVariables,
}

impl Clock {
    pub fn from_args(args: &ClockArgs) -> Result<Clock, String> {
        let fixed_now = match &args.now {
            Some(text) => Some(text.parse::<Timestamp>().map_err(|e| {
                format!("--now {text}: not an RFC 3339 instant such as 2026-01-05T10:00:00Z ({e})")
            })?),
            None => None,
        };
        let zone = match &args.tz {
            Some(name) => {
                resolve_zone(name).ok_or_else(|| format!("--tz {name}: unknown time zone"))?
            }
            None => TimeZone::UTC,
        };
        let variables = SystemVariables {
            login_user: args.login_user.clone(),
            admin_user: args.admin_user.clone(),
            ..SystemVariables::default()
        };
        Ok(Clock {
            fixed_now,
            zone,
            variables,
        })
    }

    pub fn now(&self) -> Timestamp {
        self.fixed_now.unwrap_or_else(Timestamp::now)
    }

    /// Parses date-time text as of this clock (for literals and arguments).
    pub fn date_parser(&self) -> impl Fn(&str) -> Option<DateTime> + use<> {
        deluge_runtime::datetime::parse::parser_as_of(self.now(), &self.zone)
    }
}
