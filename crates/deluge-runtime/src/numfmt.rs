//! Number text: the DECIMAL text form (language reference §5.8.2), `round`
//! and `truncate` (built-ins §3.1, §11) and `toString(pattern)` with Java
//! `DecimalFormat` patterns (built-ins §3.2).
//!
//! Rounding works on the *shortest decimal text* of an f64, not on its binary
//! value, so `1.005` (stored as 1.00499999…) rounds like the `1.005` the user
//! wrote.

use std::fmt;

/// The number passed to `format_number`: a NUMBER or a DECIMAL.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum NumberArg {
    Int(i64),
    Float(f64),
}

/// Failures of `format_number`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum NumFmtError {
    /// The pattern is not a valid number pattern (letters outside quotes, a
    /// digit character after the suffix began, no digits at all, ...).
    InvalidPattern(String),
    /// NaN or an infinity cannot be formatted.
    NotFinite,
}

impl fmt::Display for NumFmtError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            NumFmtError::InvalidPattern(p) => write!(f, "Invalid number format '{p}'"),
            NumFmtError::NotFinite => f.write_str("Invalid decimal result"),
        }
    }
}

impl std::error::Error for NumFmtError {}

/// The DECIMAL text form: shortest round-trip digits, positional, `.0` added
/// when there is no point, `-0.0` shown as `0.0`.
pub fn decimal_text(f: f64) -> String {
    if f == 0.0 {
        return "0.0".to_string();
    }
    if !f.is_finite() {
        // Not reachable from scripts (such results are errors); Java's words.
        return match f {
            f if f.is_nan() => "NaN".to_string(),
            f if f > 0.0 => "Infinity".to_string(),
            _ => "-Infinity".to_string(),
        };
    }
    // Rust's `Display` for f64 is already shortest round-trip and never uses
    // exponent notation.
    let mut s = f.to_string();
    if !s.contains('.') {
        s.push_str(".0");
    }
    s
}

/// `round(places)` for a DECIMAL: half away from zero on the shortest decimal
/// text (`1.005` → `1.01`).
pub fn round_half_away(f: f64, places: u32) -> f64 {
    rounded(f, places, Mode::HalfAway)
}

/// `truncate(places)`: cut toward zero on the shortest decimal text.
pub fn truncate_places(f: f64, places: u32) -> f64 {
    rounded(f, places, Mode::Truncate)
}

fn rounded(f: f64, places: u32, mode: Mode) -> f64 {
    let Some(mut d) = Digits::from_f64(f) else {
        return f;
    };
    d.round(places as usize, mode);
    let r = d.to_f64();
    // No negative zero: `(-0.001).round(2)` is `0.0`.
    if r == 0.0 { 0.0 } else { r }
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Mode {
    Truncate,
    HalfAway,
    HalfEven,
}

/// A decimal number as digits: the value is `digits` with a decimal point
/// after the first `point` digits (extra zeros implied when `point` is past
/// the end).
#[derive(Debug)]
struct Digits {
    negative: bool,
    digits: Vec<u8>,
    point: usize,
}

impl Digits {
    fn from_f64(f: f64) -> Option<Digits> {
        if !f.is_finite() {
            return None;
        }
        let text = f.abs().to_string();
        let (int, frac) = text.split_once('.').unwrap_or((&text, ""));
        let mut digits = Vec::with_capacity(int.len() + frac.len());
        digits.extend(int.bytes().chain(frac.bytes()).map(|b| b - b'0'));
        Some(Digits {
            negative: f.is_sign_negative() && f != 0.0,
            digits,
            point: int.len(),
        })
    }

    fn from_i64(n: i64) -> Digits {
        let text = n.unsigned_abs().to_string();
        Digits {
            negative: n < 0,
            point: text.len(),
            digits: text.bytes().map(|b| b - b'0').collect(),
        }
    }

    /// Keeps `places` fraction digits.
    fn round(&mut self, places: usize, mode: Mode) {
        let keep = self.point.saturating_add(places);
        if keep >= self.digits.len() {
            return;
        }
        let up = self.rounds_up(keep, mode);
        self.digits.truncate(keep);
        if up {
            self.increment();
        }
    }

    fn rounds_up(&self, keep: usize, mode: Mode) -> bool {
        let first = self.digits[keep];
        let rest_nonzero = self.digits[keep + 1..].iter().any(|&d| d != 0);
        match mode {
            Mode::Truncate => false,
            Mode::HalfAway => first >= 5,
            Mode::HalfEven => {
                let last_kept_odd = keep > 0 && self.digits[keep - 1] % 2 == 1;
                first > 5 || (first == 5 && (rest_nonzero || last_kept_odd))
            }
        }
    }

    /// Adds one unit in the last kept place, carrying leftwards.
    fn increment(&mut self) {
        for d in self.digits.iter_mut().rev() {
            if *d == 9 {
                *d = 0;
            } else {
                *d += 1;
                return;
            }
        }
        self.digits.insert(0, 1);
        self.point += 1;
    }

    /// Integer digits without leading zeros (possibly empty) and fraction
    /// digits as stored.
    fn split(&self) -> (Vec<u8>, &[u8]) {
        let cut = self.point.min(self.digits.len());
        let mut int: Vec<u8> = self.digits[..cut].to_vec();
        int.resize(self.point, 0);
        let leading = int.iter().take_while(|&&d| d == 0).count();
        int.drain(..leading);
        (int, &self.digits[cut..])
    }

    fn to_f64(&self) -> f64 {
        let (int, frac) = self.split();
        let mut s = String::with_capacity(int.len() + frac.len() + 3);
        if self.negative {
            s.push('-');
        }
        s.push('0');
        s.extend(int.iter().map(|&d| char::from(b'0' + d)));
        s.push('.');
        s.extend(frac.iter().map(|&d| char::from(b'0' + d)));
        s.push('0');
        // The text is digits and one point, which always parses.
        s.parse().unwrap_or(0.0)
    }
}

/// A parsed `DecimalFormat` pattern.
#[derive(Debug, Default)]
struct Pattern {
    prefix: String,
    suffix: String,
    /// Affixes of a `;` negative subpattern, when there is one.
    negative: Option<(String, String)>,
    min_int: usize,
    min_frac: usize,
    max_frac: usize,
    /// Digits per group; 0 = no grouping.
    grouping: usize,
    /// Powers of ten to multiply by: 2 for `%`, 3 for `‰`.
    shift: usize,
    /// A pattern like `0.` shows the point even with no fraction digits.
    point_always: bool,
}

/// Formats a number with a `DecimalFormat` pattern (`#,000.00`, `0%`,
/// `$#,##0.00`): half-even rounding on the shortest decimal text, `-` before
/// the prefix for negatives.
pub fn format_number(value: NumberArg, pattern: &str) -> Result<String, NumFmtError> {
    let pat = parse_pattern(pattern)?;
    let mut d = match value {
        NumberArg::Int(n) => Digits::from_i64(n),
        NumberArg::Float(f) => Digits::from_f64(f).ok_or(NumFmtError::NotFinite)?,
    };
    d.point += pat.shift;
    d.round(pat.max_frac, Mode::HalfEven);
    let body = render(&d, &pat);
    // Java keeps the sign of a negative value that rounds to zero ("-0").
    Ok(match (&pat.negative, d.negative) {
        (_, false) => format!("{}{body}{}", pat.prefix, pat.suffix),
        (Some((p, s)), true) => format!("{p}{body}{s}"),
        (None, true) => format!("-{}{body}{}", pat.prefix, pat.suffix),
    })
}

/// The digits part: grouped integer digits, point, fraction digits.
fn render(d: &Digits, pat: &Pattern) -> String {
    let (mut int, frac) = d.split();
    if int.len() < pat.min_int {
        let pad = pat.min_int - int.len();
        int.splice(0..0, std::iter::repeat_n(0, pad));
    }
    let mut frac = frac.to_vec();
    frac.resize(frac.len().max(pat.min_frac), 0);
    while frac.len() > pat.min_frac && frac.last() == Some(&0) {
        frac.pop();
    }
    if int.is_empty() && frac.is_empty() {
        // Java prints a zero rather than nothing (`#` formats 0 as "0").
        int.push(0);
    }
    let mut out = String::with_capacity(int.len() * 4 / 3 + frac.len() + 2);
    for (i, digit) in int.iter().enumerate() {
        let from_right = int.len() - i;
        if i > 0 && pat.grouping > 0 && from_right % pat.grouping == 0 {
            out.push(',');
        }
        out.push(char::from(b'0' + digit));
    }
    if !frac.is_empty() || pat.point_always {
        out.push('.');
    }
    out.extend(frac.iter().map(|&digit| char::from(b'0' + digit)));
    out
}

/// Where the pattern reader is.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Phase {
    Prefix,
    Integer,
    Fraction,
    Suffix,
}

fn parse_pattern(pattern: &str) -> Result<Pattern, NumFmtError> {
    let bad = || NumFmtError::InvalidPattern(pattern.to_string());
    let (positive, negative) = split_subpatterns(pattern);
    let mut pat = parse_subpattern(positive).ok_or_else(bad)?;
    if let Some(negative) = negative {
        let neg = parse_subpattern(negative).ok_or_else(bad)?;
        pat.negative = Some((neg.prefix, neg.suffix));
    }
    Ok(pat)
}

/// Splits at the first `;` outside quotes.
fn split_subpatterns(pattern: &str) -> (&str, Option<&str>) {
    let mut quoted = false;
    for (i, c) in pattern.char_indices() {
        match c {
            '\'' => quoted = !quoted,
            ';' if !quoted => return (&pattern[..i], Some(&pattern[i + 1..])),
            _ => {}
        }
    }
    (pattern, None)
}

/// Reads one subpattern; `None` when it is malformed.
fn parse_subpattern(text: &str) -> Option<Pattern> {
    let mut pat = Pattern::default();
    let mut phase = Phase::Prefix;
    let mut digit_chars = 0usize;
    let mut since_comma: Option<usize> = None;
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        let in_number = matches!(phase, Phase::Integer | Phase::Fraction);
        match c {
            '0' | '#' | ',' | '.' if phase == Phase::Suffix => return None,
            '0' | '#' => {
                if phase == Phase::Prefix {
                    phase = Phase::Integer;
                }
                digit_chars += 1;
                if phase == Phase::Integer {
                    pat.min_int += usize::from(c == '0');
                    since_comma = since_comma.map(|n| n + 1);
                } else {
                    pat.min_frac += usize::from(c == '0');
                    pat.max_frac += 1;
                }
            }
            ',' if phase == Phase::Fraction => return None,
            ',' => {
                phase = Phase::Integer;
                since_comma = Some(0);
            }
            '.' if phase == Phase::Fraction => return None,
            '.' => phase = Phase::Fraction,
            _ if c.is_ascii_alphabetic() => return None,
            _ => {
                if in_number {
                    phase = Phase::Suffix;
                }
                let affix = if phase == Phase::Prefix {
                    &mut pat.prefix
                } else {
                    &mut pat.suffix
                };
                match c {
                    '\'' => read_quoted(&mut chars, affix)?,
                    '%' => {
                        pat.shift = 2;
                        affix.push(c);
                    }
                    '\u{2030}' => {
                        pat.shift = 3;
                        affix.push(c);
                    }
                    _ => affix.push(c),
                }
            }
        }
    }
    if digit_chars == 0 {
        return None;
    }
    pat.grouping = since_comma.unwrap_or(0);
    pat.point_always = has_unquoted_point(text) && pat.max_frac == 0;
    Some(pat)
}

/// Whether the pattern has a `.` outside quotes; with no fraction digits
/// (checked by the caller) `0.` shows the point, as `DecimalFormat` does.
fn has_unquoted_point(text: &str) -> bool {
    let mut quoted = false;
    text.chars().any(|c| {
        if c == '\'' {
            quoted = !quoted;
        }
        !quoted && c == '.'
    })
}

/// After an opening `'`: `''` is one quote; otherwise text up to the closing
/// quote, with `''` inside standing for one quote.
fn read_quoted(
    chars: &mut std::iter::Peekable<std::str::Chars<'_>>,
    out: &mut String,
) -> Option<()> {
    if chars.peek() == Some(&'\'') {
        chars.next();
        out.push('\'');
        return Some(());
    }
    loop {
        match chars.next()? {
            '\'' if chars.peek() == Some(&'\'') => {
                chars.next();
                out.push('\'');
            }
            '\'' => return Some(()),
            c => out.push(c),
        }
    }
}

#[cfg(test)]
#[path = "numfmt_tests.rs"]
mod tests;
