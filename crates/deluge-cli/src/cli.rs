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
    /// Run golden files and test suites (`*_test.dg`) offline, like
    /// `cargo test`.
    Test(TestArgs),
    /// Create a project folder with a sample function and its test.
    New(NewArgs),
    /// Inspect and test the connections file.
    #[command(subcommand, after_help = crate::help::CONNECTIONS)]
    Connections(ConnectionsCommand),
    /// The local Zoho simulator: serve it over HTTP, or print its store.
    #[command(subcommand, after_help = crate::help::SANDBOX)]
    Sandbox(SandboxCommand),
    /// Lay scripts out in the canonical style (rewrites them in place).
    Fmt(FmtArgs),
    /// A language server for editors, speaking LSP over standard input
    /// and output (docs/editors.md).
    Lsp(LspArgs),
}

/// Where connections come from and what may leave the machine.
#[derive(Args, Debug, Clone, Default)]
pub struct ConnectArgs {
    /// The connections file (else $DELUGE_CONNECTIONS, else
    /// connections.json beside the script).
    #[arg(long, value_name = "FILE")]
    pub connections: Option<PathBuf>,

    /// Which requests may reach the network: deny (offline), loopback
    /// (127.0.0.1, ::1, localhost) or allow. Wins over the file's
    /// runtime.network; default deny.
    #[arg(long, value_enum, value_name = "POLICY")]
    pub network: Option<NetworkArg>,

    /// Print each HTTP request (credentials masked) to stderr.
    #[arg(long)]
    pub trace_http: bool,
}

#[derive(Copy, Clone, Debug, PartialEq, Eq, ValueEnum)]
pub enum NetworkArg {
    Deny,
    Loopback,
    Allow,
}

#[derive(Subcommand, Debug)]
pub enum ConnectionsCommand {
    /// List the link names with their service, auth kind and which
    /// environment variables are set (never their values).
    List(ConnectionsFileArg),
    /// Resolve a link's variables and fetch a token, reporting success or
    /// the server's error (every link when none is named).
    Check(ConnectionsCheckArgs),
}

#[derive(Args, Debug)]
pub struct ConnectionsFileArg {
    /// The connections file (else $DELUGE_CONNECTIONS, else
    /// ./connections.json).
    #[arg(long, value_name = "FILE")]
    pub connections: Option<PathBuf>,
}

#[derive(Args, Debug)]
pub struct ConnectionsCheckArgs {
    /// The link name to check.
    pub link: Option<String>,

    #[command(flatten)]
    pub file: ConnectionsFileArg,

    /// Which requests may reach the network (default allow: checking a
    /// link means asking its accounts server).
    #[arg(long, value_enum, value_name = "POLICY")]
    pub network: Option<NetworkArg>,

    /// Print each HTTP request (credentials masked) to stderr.
    #[arg(long)]
    pub trace_http: bool,
}

#[derive(Subcommand, Debug)]
pub enum SandboxCommand {
    /// Serve the simulator over HTTP on 127.0.0.1 (for curl, Postman, or a
    /// connection's base_url_override) until Ctrl-C.
    Serve(SandboxServeArgs),
    /// Print the simulator's store (records, Books organizations, outbox)
    /// as JSON.
    Dump(SandboxDumpArgs),
}

#[derive(Args, Debug)]
pub struct SandboxServeArgs {
    /// The seed file (JSON; see docs/offline.md).
    #[arg(long, value_name = "FILE")]
    pub seed: PathBuf,

    /// The port on 127.0.0.1; 0 picks a free one. The address is printed.
    #[arg(long, value_name = "N", default_value_t = 0)]
    pub port: u16,

    /// A state file: loaded at start when it exists (instead of the seed),
    /// written on shutdown.
    #[arg(long, value_name = "FILE")]
    pub state: Option<PathBuf>,
}

#[derive(Args, Debug)]
pub struct SandboxDumpArgs {
    /// A state file written by a run or by `deluge sandbox serve`.
    #[arg(long, value_name = "FILE")]
    pub state: Option<PathBuf>,

    /// The seed, used when there is no state file.
    #[arg(long, value_name = "FILE")]
    pub seed: Option<PathBuf>,
}

/// The simulated environment: clock, zone and the `zoho.*` users.
#[derive(Args, Debug, Clone)]
pub struct ClockArgs {
    /// Fixed current instant for `now`, `today` and `zoho.currenttime`:
    /// RFC 3339 (2026-01-05T10:00:00Z), a local date-time
    /// (2026-01-05T10:00:00) or a date (2026-01-05, midnight), local ones
    /// in the --tz zone.
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
#[command(after_help = crate::help::RUN)]
pub struct RunArgs {
    /// The script to run (.dg, .deluge or .ds), or - to read it from
    /// standard input.
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

    #[command(flatten)]
    pub connect: ConnectArgs,

    #[command(flatten)]
    pub offline: OfflineArgs,
}

/// Where external calls are answered: the project file, the local Zoho
/// simulator, HTTP fixtures, recording (docs/offline.md).
#[derive(Args, Debug, Clone, Default)]
pub struct OfflineArgs {
    /// The project file (default: deluge.json in the script's folder or
    /// the nearest parent that has one).
    #[arg(long, value_name = "FILE", conflicts_with = "no_project")]
    pub project: Option<PathBuf>,

    /// Ignore any deluge.json.
    #[arg(long)]
    pub no_project: bool,

    /// Answer Zoho calls from the local simulator and other calls from
    /// fixtures; the network is denied.
    #[arg(long, conflicts_with = "online")]
    pub offline: bool,

    /// Do not go offline automatically (a project with a sandbox.json and
    /// no real credentials runs offline by default).
    #[arg(long)]
    pub online: bool,

    /// An HTTP fixture file, tried before anything else (may be repeated).
    #[arg(long = "fixtures", value_name = "FILE")]
    pub fixtures: Vec<PathBuf>,

    /// The simulator's seed (default: the project's, or sandbox.json).
    #[arg(long, value_name = "FILE")]
    pub seed: Option<PathBuf>,

    /// Load the simulator's store from FILE when it exists and save it
    /// there after the run, so consecutive runs see each other's records.
    #[arg(long, value_name = "FILE")]
    pub sandbox_state: Option<PathBuf>,

    /// Send requests to the real network and write every exchange to FILE
    /// as fixtures, credentials masked, for replay with --fixtures FILE.
    #[arg(long, value_name = "FILE", conflicts_with = "offline")]
    pub record: Option<PathBuf>,
}

// The formats are described on `--format` (documented values would give
// `check` a help layout of its own).
#[derive(Copy, Clone, Debug, PartialEq, Eq, ValueEnum)]
pub enum Format {
    Human,
    Short,
    Json,
}

#[derive(Args, Debug)]
#[command(after_help = crate::help::CHECK)]
pub struct CheckArgs {
    /// Files or folders (searched recursively for .dg, .deluge and .ds),
    /// or - for standard input.
    #[arg(required = true)]
    pub paths: Vec<PathBuf>,

    /// human: source excerpts with the problem underlined; short: one
    /// line per diagnostic (path:line:col: severity[CODE]: message);
    /// json: an array of diagnostics (docs/errors.md).
    #[arg(long, value_enum, default_value_t = Format::Human)]
    pub format: Format,

    /// Exit with status 1 when there are warnings.
    #[arg(long)]
    pub deny_warnings: bool,
}

#[derive(Args, Debug)]
#[command(after_help = crate::help::PARSE)]
pub struct ParseArgs {
    /// The script to parse, or - for standard input.
    pub file: PathBuf,

    /// Print the syntax tree. It is what `parse` always prints; the flag
    /// only spells it out.
    #[arg(long)]
    pub ast: bool,

    /// Include byte spans in the tree.
    #[arg(long)]
    pub spans: bool,
}

#[derive(Args, Debug)]
#[command(after_help = crate::help::REPL)]
pub struct ReplArgs {
    #[command(flatten)]
    pub connect: ConnectArgs,

    /// Never contact external services (the same as --network deny).
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
#[command(after_help = crate::help::LSP)]
pub struct LspArgs {
    /// Talk over standard input and output (the only transport, and the
    /// default; accepted because editor clients pass it).
    #[arg(long)]
    pub stdio: bool,
}

#[derive(Args, Debug)]
#[command(after_help = crate::help::TEST)]
pub struct TestArgs {
    /// Test files or folders (default: the project's tests/ folder, else
    /// the current folder). A project folder means its tests/ folder.
    pub paths: Vec<PathBuf>,

    /// Run only the cases whose name (`file::function`) contains TEXT.
    #[arg(long, value_name = "TEXT")]
    pub filter: Option<String>,

    /// Stop starting cases after the first failure (the rest are skipped).
    #[arg(long)]
    pub fail_fast: bool,

    /// Files run in parallel on N threads (default: the number of cores).
    #[arg(long, short = 'j', value_name = "N")]
    pub jobs: Option<usize>,

    /// Statement limit per test case; 0 for none (default: 5000 for suite
    /// cases, none for golden files, unless a `// max-statements:` says).
    #[arg(long, value_name = "N")]
    pub max_statements: Option<u64>,

    /// Run only shard K of N (1-based), to split a suite across CI jobs.
    #[arg(long, value_name = "K/N")]
    pub shard: Option<crate::test::Shard>,

    /// Write the results as JUnit XML to FILE.
    #[arg(long, value_name = "FILE")]
    pub junit: Option<PathBuf>,

    /// Print the results as one JSON object instead of text.
    #[arg(long)]
    pub json: bool,

    /// Write lcov line coverage of the scripts under test to FILE and
    /// print a summary per file.
    #[arg(long, value_name = "FILE")]
    pub coverage: Option<PathBuf>,
}

#[derive(Args, Debug)]
#[command(after_help = crate::help::NEW)]
pub struct NewArgs {
    /// The folder to create.
    pub name: PathBuf,
}

#[derive(Args, Debug)]
#[command(after_help = crate::help::FMT)]
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
