//! Command-line syntax (clap).

use clap::{Args, Parser, Subcommand, ValueEnum};
use std::path::PathBuf;

#[derive(Parser, Debug)]
#[command(
    name = "deluge",
    version,
    about = "Run, check and explore Zoho Deluge scripts on your own machine"
)]
pub struct Cli {
    /// When to use colour: auto (terminal and no NO_COLOR), always, never.
    #[arg(long, value_enum, default_value_t = ColorArg::Auto, global = true)]
    pub color: ColorArg,

    #[command(subcommand)]
    pub command: Command,
}

#[derive(Copy, Clone, Debug, PartialEq, Eq, ValueEnum)]
pub enum ColorArg {
    Auto,
    Always,
    Never,
}

#[derive(Subcommand, Debug)]
pub enum Command {
    /// Run a script, or one function of a file of functions.
    Run(RunArgs),
    /// Report syntax errors and static warnings.
    Check(CheckArgs),
    /// Parse a file and print its syntax tree.
    Parse(ParseArgs),
    /// An interactive Deluge prompt (reads entries from standard input
    /// when it is not a terminal).
    Repl(ReplArgs),
    /// Lay scripts out in the canonical style (rewrites them in place).
    Fmt(FmtArgs),
    /// A language server for editors, speaking LSP over standard input
    /// and output (docs/editors.md).
    Lsp(LspArgs),
}

/// The simulated environment: clock, zone and the `zoho.*` users.
#[derive(Args, Debug, Clone)]
pub struct ClockArgs {
    /// Fixed current instant for `now`, `today` and `zoho.currenttime`
    /// (RFC 3339, e.g. 2026-01-05T10:00:00Z).
    #[arg(long, value_name = "INSTANT")]
    pub now: Option<String>,

    /// Time zone in which date-times are interpreted (IANA name such as
    /// Asia/Kolkata, or UTC, GMT+05:30, IST ...). Default UTC.
    #[arg(long, value_name = "ZONE")]
    pub tz: Option<String>,

    /// The value of zoho.loginuser and zoho.loginuserid.
    #[arg(long, value_name = "EMAIL", default_value = "user@example.com")]
    pub login_user: String,

    /// The value of zoho.adminuser and zoho.adminuserid.
    #[arg(long, value_name = "EMAIL", default_value = "admin@example.com")]
    pub admin_user: String,
}

#[derive(Args, Debug)]
pub struct RunArgs {
    /// The script to run (.dg, .deluge or .ds).
    pub file: PathBuf,

    /// Bind a variable or parameter: NAME=VALUE. A VALUE that parses as
    /// JSON becomes the matching Deluge value, anything else is text;
    /// NAME=@FILE reads the value from a file.
    #[arg(long = "arg", value_name = "NAME=VALUE")]
    pub args: Vec<String>,

    /// A JSON object whose keys are argument names.
    #[arg(long, value_name = "FILE")]
    pub args_file: Option<PathBuf>,

    /// The function to run, in a file of function definitions.
    #[arg(long, value_name = "NAME")]
    pub function: Option<String>,

    /// Print one JSON object with the result, the info lines, the number
    /// of statements executed and the error, instead of plain output.
    #[arg(long)]
    pub json: bool,

    /// Print statements executed and wall time to stderr.
    #[arg(long)]
    pub stats: bool,

    /// Statement limit (Zoho's is 5000); 0 for no limit.
    #[arg(long, value_name = "N", default_value_t = 5000)]
    pub max_statements: u64,

    #[command(flatten)]
    pub clock: ClockArgs,
}

#[derive(Copy, Clone, Debug, PartialEq, Eq, ValueEnum)]
pub enum Format {
    /// Source excerpts with the problem underlined.
    Human,
    /// One line per diagnostic: path:line:col: severity[CODE]: message.
    Short,
    /// A JSON array of diagnostics (see docs/errors.md).
    Json,
}

#[derive(Args, Debug)]
pub struct CheckArgs {
    /// Files or folders (searched recursively for .dg, .deluge and .ds).
    #[arg(required = true)]
    pub paths: Vec<PathBuf>,

    #[arg(long, value_enum, default_value_t = Format::Human)]
    pub format: Format,

    /// Exit with status 1 when there are warnings.
    #[arg(long)]
    pub deny_warnings: bool,

    /// Also print each file's syntax tree.
    #[arg(long)]
    pub ast: bool,
}

#[derive(Args, Debug)]
pub struct ParseArgs {
    pub file: PathBuf,

    /// Print the syntax tree (the default).
    #[arg(long)]
    pub ast: bool,

    /// Include byte spans in the tree.
    #[arg(long)]
    pub spans: bool,
}

#[derive(Args, Debug)]
pub struct ReplArgs {
    /// A connections file (not supported yet in this version).
    #[arg(long, value_name = "FILE")]
    pub connections: Option<PathBuf>,

    /// Never contact external services. Nothing leaves the machine in this
    /// version anyway: network tasks fail with "not available in this
    /// environment".
    #[arg(long)]
    pub offline: bool,

    /// A file to load before the first prompt: its functions are defined,
    /// or its statements run (may be repeated).
    #[arg(long, value_name = "FILE")]
    pub load: Vec<PathBuf>,

    /// Statement limit per entry (Zoho's is 5000); 0 for no limit.
    #[arg(long, value_name = "N", default_value_t = 5000)]
    pub max_statements: u64,

    #[command(flatten)]
    pub clock: ClockArgs,
}

#[derive(Args, Debug)]
pub struct LspArgs {
    /// Talk over standard input and output (the only transport, and the
    /// default; accepted because editor clients pass it).
    #[arg(long)]
    pub stdio: bool,
}

#[derive(Args, Debug)]
pub struct FmtArgs {
    /// Files or folders (searched recursively for .dg, .deluge and .ds),
    /// rewritten in place when their layout changes.
    #[arg(required_unless_present = "stdin", conflicts_with = "stdin")]
    pub paths: Vec<PathBuf>,

    /// Rewrite nothing: list the files whose layout would change, and exit
    /// with status 1 if there are any (for CI).
    #[arg(long)]
    pub check: bool,

    /// Format standard input and write the result to standard output.
    #[arg(long)]
    pub stdin: bool,

    /// Longest line before a statement is broken. Default: 120, or
    /// "fmt": {"line_width": N} in deluge.json.
    #[arg(long, value_name = "N", value_parser = clap::value_parser!(u32).range(1..))]
    pub line_width: Option<u32>,

    /// One level of indentation: `tab` or a number of spaces (1 to 16).
    /// Default: tab, or "fmt": {"indent": ...} in deluge.json.
    #[arg(long, value_name = "tab|N", value_parser = parse_indent)]
    pub indent: Option<deluge_fmt::Indent>,
}

/// `tab`, or a number of spaces from 1 to 16.
pub fn parse_indent(s: &str) -> Result<deluge_fmt::Indent, String> {
    if s.eq_ignore_ascii_case("tab") {
        return Ok(deluge_fmt::Indent::Tab);
    }
    match s.parse::<usize>() {
        Ok(n) if (1..=MAX_INDENT).contains(&n) => Ok(deluge_fmt::Indent::Spaces(n)),
        _ => Err(format!(
            "expected `tab` or a number of spaces from 1 to {MAX_INDENT}"
        )),
    }
}

/// The widest indentation `--indent` and deluge.json accept.
pub const MAX_INDENT: usize = 16;
