//! Number text forms and format patterns.

/// The DECIMAL text form (§5.8.2): shortest round-trip digits, positional,
/// `.0` appended when there is no point, `-0.0` printed as `0.0`.
pub fn decimal_text(f: f64) -> String {
    if f == 0.0 {
        return "0.0".to_string();
    }
    let mut s = format!("{f}");
    if !s.contains('.') {
        s.push_str(".0");
    }
    s
}
