//! What the program running the server supplies: how to find the layout
//! options of a document. `deluge fmt` reads them from the project file
//! (`deluge.json`) nearest to the current folder; the server asks for the
//! ones nearest to each document, so the editor and `deluge fmt --check`
//! agree.

use deluge_fmt::FmtOptions;
use lsp_types::Uri;
use std::path::{Path, PathBuf};

/// The layout options for a document in a folder (`None` for a document
/// not saved to a file). `Err` is a message for the user, such as a wrong
/// `"fmt"` entry in the project file.
pub type FormatOptions = Box<dyn Fn(Option<&Path>) -> Result<FmtOptions, String> + Send>;

pub struct Config {
    pub format_options: FormatOptions,
}

impl Default for Config {
    /// The formatter's defaults for every document.
    fn default() -> Self {
        Config {
            format_options: Box::new(|_| Ok(FmtOptions::default())),
        }
    }
}

/// The folder of a `file:` URI.
pub fn folder_of(uri: &Uri) -> Option<PathBuf> {
    let text = uri.as_str();
    let scheme_end = text.find(':')?;
    if !text[..scheme_end].eq_ignore_ascii_case("file") {
        return None;
    }
    // `file:///a/b` or `file://host/a/b`: the path starts at the third `/`.
    let rest = text[scheme_end + 1..].strip_prefix("//")?;
    let path = &rest[rest.find('/')?..];
    let path = path.split(['?', '#']).next().unwrap_or(path);
    let decoded = percent_decode(path)?;
    // `/C:/dir` on Windows is `C:/dir`.
    let decoded = match decoded.as_bytes() {
        [b'/', drive, b':', ..] if cfg!(windows) && drive.is_ascii_alphabetic() => {
            decoded[1..].to_string()
        }
        _ => decoded,
    };
    PathBuf::from(decoded).parent().map(Path::to_path_buf)
}

fn percent_decode(text: &str) -> Option<String> {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' {
            let hex = text.get(i + 1..i + 3)?;
            out.push(u8::from_str_radix(hex, 16).ok()?);
            i += 3;
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    String::from_utf8(out).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn uri(text: &str) -> Uri {
        text.parse().expect("a URI")
    }

    #[test]
    fn the_folder_of_a_file_uri() {
        let folder = folder_of(&uri("file:///home/ann/my%20scripts/sync.dg"));
        assert_eq!(folder, Some(PathBuf::from("/home/ann/my scripts")));
        let with_host = folder_of(&uri("file://localhost/srv/a.dg"));
        assert_eq!(with_host, Some(PathBuf::from("/srv")));
    }

    #[test]
    fn other_schemes_have_no_folder() {
        assert_eq!(folder_of(&uri("untitled:Untitled-1")), None);
        assert_eq!(folder_of(&uri("file:///bad%FF/a.dg")), None);
    }
}
