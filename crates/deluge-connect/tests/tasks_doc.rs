//! docs/tasks.md documents every task `tasks::call` runs, in its service's
//! section.

use deluge_connect::tasks::task_names;

fn section<'a>(doc: &'a str, prefix: &str) -> &'a str {
    let heading = format!("## `{prefix}.*`");
    let start = doc
        .find(&heading)
        .unwrap_or_else(|| panic!("no section {heading}"));
    let rest = &doc[start + heading.len()..];
    &rest[..rest.find("\n## ").unwrap_or(rest.len())]
}

#[test]
fn every_task_is_documented_in_its_section() {
    let doc = include_str!("../../../docs/tasks.md");
    for name in task_names() {
        let (prefix, task) = name.rsplit_once('.').unwrap();
        assert!(
            section(doc, prefix).contains(&format!("`{task}")),
            "{name} is not documented in docs/tasks.md"
        );
    }
}
