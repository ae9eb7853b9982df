//! `deluge new NAME`: a project folder that `deluge test` passes in at
//! once: the project file, a connections file whose secrets come from the
//! environment, a simulator seed, a sample workflow function with its test,
//! and a `.gitignore` for the files runs leave behind.

use std::path::Path;

/// The files of a new project, by path relative to its folder.
const FILES: &[(&str, &str)] = &[
    ("deluge.json", include_str!("template/deluge.json")),
    (
        "connections.json",
        include_str!("template/connections.json"),
    ),
    ("sandbox.json", include_str!("template/sandbox.json")),
    (
        "functions/welcome_contact.dg",
        include_str!("template/welcome_contact.dg"),
    ),
    (
        "tests/welcome_contact_test.dg",
        include_str!("template/welcome_contact_test.dg"),
    ),
    (".gitignore", include_str!("template/gitignore")),
];

/// Creates the project; 0 on success, 2 when the folder exists or cannot
/// be written.
pub fn new_project(name: &Path) -> u8 {
    match create(name) {
        Ok(()) => {
            println!("Created project {}", name.display());
            println!("  cd {} && deluge test", name.display());
            0
        }
        Err(message) => {
            eprintln!("deluge: error: {message}");
            2
        }
    }
}

fn create(dir: &Path) -> Result<(), String> {
    if dir.exists() {
        return Err(format!(
            "{} already exists; choose a new folder name",
            dir.display()
        ));
    }
    for (relative, text) in FILES {
        let path = dir.join(relative);
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent)
                .map_err(|e| format!("cannot create {}: {e}", parent.display()))?;
        }
        std::fs::write(&path, text).map_err(|e| format!("cannot write {}: {e}", path.display()))?;
    }
    Ok(())
}
