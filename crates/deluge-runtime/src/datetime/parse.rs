//! Parsing date-time text (language spec §5.6.2).

use super::DateTime;

/// Parses `text` with the formats of §5.6.2.
pub fn parse_text(
    _text: &str,
    _today: jiff::civil::Date,
    _host: &jiff::tz::TimeZone,
) -> Option<DateTime> {
    None
}
