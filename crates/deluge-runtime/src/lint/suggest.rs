//! "Did you mean" suggestions for misspelt names, and the advice for
//! names from other languages.

/// How other languages print; Deluge writes output with `info`.
const OUTPUT_FUNCTIONS: &[&str] = &["print", "println", "printf", "echo", "puts", "console.log"];

/// The help for an unknown function that another language uses to print.
pub fn output_help(name: &str) -> Option<&'static str> {
    OUTPUT_FUNCTIONS
        .iter()
        .any(|f| f.eq_ignore_ascii_case(name))
        .then_some("Deluge writes output with `info value;`")
}

/// The closest candidate to `name` (case-insensitive edit distance of at
/// most 2, or 1 for short names), if any.
pub fn closest<'a>(name: &str, candidates: impl IntoIterator<Item = &'a str>) -> Option<&'a str> {
    let target = name.to_ascii_lowercase();
    let limit = if target.len() <= 4 { 1 } else { 2 };
    candidates
        .into_iter()
        .map(|c| (distance(&target, &c.to_ascii_lowercase()), c))
        .filter(|(d, _)| *d <= limit)
        .min_by_key(|(d, _)| *d)
        .map(|(_, c)| c)
}

/// Levenshtein distance over bytes (names are ASCII).
fn distance(a: &str, b: &str) -> usize {
    let (a, b) = (a.as_bytes(), b.as_bytes());
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.iter().enumerate() {
        let mut prev = row[0];
        row[0] = i + 1;
        for (j, cb) in b.iter().enumerate() {
            let cur = row[j + 1];
            row[j + 1] = if ca == cb {
                prev
            } else {
                1 + prev.min(cur).min(row[j])
            };
            prev = cur;
        }
    }
    row[b.len()]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_near_misses_only() {
        let names = ["toUpperCase", "toLowerCase", "subString"];
        assert_eq!(closest("toUppercase", names), Some("toUpperCase"));
        assert_eq!(closest("toUpperCse", names), Some("toUpperCase"));
        assert_eq!(closest("frobnicate", names), None);
    }
}
