//! Reading script files, with errors that name the file.

use std::io::Read;
use std::path::{Path, PathBuf};

/// The file extensions of Deluge scripts.
pub const EXTENSIONS: &[&str] = &["dg", "deluge", "ds"];

/// The path that stands for standard input (`deluge run -`).
pub const STDIN: &str = "-";

fn is_stdin(path: &Path) -> bool {
    path.as_os_str() == STDIN
}

/// Reads a script (standard input for `-`); a leading byte-order mark is
/// kept (the lexer skips it).
pub fn read(path: &Path) -> Result<String, String> {
    let bytes = if is_stdin(path) {
        let mut bytes = Vec::new();
        std::io::stdin()
            .read_to_end(&mut bytes)
            .map_err(|e| format!("cannot read standard input: {e}"))?;
        bytes
    } else {
        std::fs::read(path).map_err(|e| format!("cannot read {}: {e}", path.display()))?
    };
    String::from_utf8(bytes).map_err(|e| {
        format!(
            "{} is not UTF-8 text (invalid byte at offset {})",
            name(path),
            e.utf8_error().valid_up_to()
        )
    })
}

/// The display name of a path in messages.
pub fn name(path: &Path) -> String {
    if is_stdin(path) {
        "<stdin>".to_string()
    } else {
        path.display().to_string()
    }
}

/// Every script under `path`: the file itself (or `-`, standard input),
/// or the scripts found recursively in a folder, in sorted order.
pub fn collect(path: &Path) -> Result<Vec<PathBuf>, String> {
    if path.is_file() || is_stdin(path) {
        return Ok(vec![path.to_path_buf()]);
    }
    if !path.is_dir() {
        return Err(format!("{}: no such file or folder", path.display()));
    }
    let mut found = Vec::new();
    walk(path, &mut found)?;
    found.sort();
    Ok(found)
}

fn walk(dir: &Path, found: &mut Vec<PathBuf>) -> Result<(), String> {
    let entries =
        std::fs::read_dir(dir).map_err(|e| format!("cannot read {}: {e}", dir.display()))?;
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            walk(&path, found)?;
        } else if path
            .extension()
            .and_then(|e| e.to_str())
            .is_some_and(|e| EXTENSIONS.iter().any(|x| x.eq_ignore_ascii_case(e)))
        {
            found.push(path);
        }
    }
    Ok(())
}
