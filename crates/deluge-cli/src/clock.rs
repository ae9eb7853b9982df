//! The clock, zone and user options shared by `run` and `repl`.

use crate::cli::ClockArgs;
use deluge_runtime::datetime::{DateTime, zone::resolve_zone};
use deluge_runtime::host::SystemVariables;
use jiff::tz::TimeZone;
use jiff::{Timestamp, civil};

pub struct Clock {
    pub fixed_now: Option<Timestamp>,
    pub zone: TimeZone,
    /// The `zoho.*` user variables.
    pub variables: SystemVariables,
}

impl Clock {
    pub fn from_args(args: &ClockArgs) -> Result<Clock, String> {
        let zone = match &args.tz {
            Some(name) => {
                resolve_zone(name).ok_or_else(|| format!("--tz {name}: unknown time zone"))?
            }
            None => TimeZone::UTC,
        };
        let fixed_now = match &args.now {
            Some(text) => Some(instant(text, &zone)?),
            None => None,
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

/// The instant of `--now`: an RFC 3339 instant, or a local date-time or a
/// date alone (midnight), read in the `--tz` zone.
fn instant(text: &str, zone: &TimeZone) -> Result<Timestamp, String> {
    if let Ok(instant) = text.parse::<Timestamp>() {
        return Ok(instant);
    }
    let local = text.parse::<civil::DateTime>().or_else(|_| {
        text.parse::<civil::Date>()
            .map(|d| d.to_datetime(civil::Time::midnight()))
    });
    local
        .and_then(|local| zone.to_ambiguous_timestamp(local).compatible())
        .map_err(|_| {
            format!(
                "--now {text}: expected an RFC 3339 instant (2026-01-05T10:00:00Z), \
                 a local date-time (2026-01-05T10:00:00) or a date (2026-01-05)"
            )
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn now_accepts_an_instant_a_local_time_or_a_date() {
        let kolkata = resolve_zone("Asia/Kolkata").expect("a zone");
        let at = |text: &str| instant(text, &kolkata).map(|t| t.to_string());
        assert_eq!(
            at("2026-02-10T10:00:00Z").as_deref(),
            Ok("2026-02-10T10:00:00Z")
        );
        // Midnight in Kolkata is 18:30 the day before in UTC.
        assert_eq!(at("2026-02-10").as_deref(), Ok("2026-02-09T18:30:00Z"));
        assert_eq!(
            at("2026-02-10T05:30:00").as_deref(),
            Ok("2026-02-10T00:00:00Z")
        );
        assert!(at("10/02/2026").is_err_and(|e| e.contains("a date (2026-01-05)")));
    }
}
