//! Date-time values (language spec §5.6).

pub mod parse;

/// A local date and time in the host time zone, with the date-only flag.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct DateTime {
    pub local: jiff::civil::DateTime,
    pub date_only: bool,
}

const MONTHS: [&str; 12] = [
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
];

impl DateTime {
    /// `dd-MMM-yyyy`, or `dd-MMM-yyyy HH:mm:ss` when there is a time (§5.8.1).
    pub fn display(&self) -> String {
        let d = self.local;
        let month = MONTHS[(d.month() - 1) as usize];
        if self.date_only {
            format!("{:02}-{}-{:04}", d.day(), month, d.year())
        } else {
            format!(
                "{:02}-{}-{:04} {:02}:{:02}:{:02}",
                d.day(),
                month,
                d.year(),
                d.hour(),
                d.minute(),
                d.second()
            )
        }
    }
}

impl DateTime {
    /// The local date-time of an instant given in milliseconds since
    /// 1970-01-01T00:00:00Z.
    pub fn from_epoch_millis(ms: i64, zone: &jiff::tz::TimeZone) -> Option<DateTime> {
        let ts = jiff::Timestamp::from_millisecond(ms).ok()?;
        Some(DateTime {
            local: zone.to_datetime(ts),
            date_only: false,
        })
    }
}
