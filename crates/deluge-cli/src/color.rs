//! Colour decisions: colour only on a terminal, never when NO_COLOR is set,
//! unless `--color always|never` says otherwise.

use crate::cli::ColorArg;
use std::io::IsTerminal;

#[derive(Copy, Clone, Debug)]
pub struct Choice(ColorArg);

impl From<ColorArg> for Choice {
    fn from(arg: ColorArg) -> Self {
        Choice(arg)
    }
}

impl Choice {
    /// Whether to colour what goes to standard error.
    pub fn stderr(self) -> bool {
        self.decide(std::io::stderr().is_terminal())
    }

    /// Whether to colour what goes to standard output.
    pub fn stdout(self) -> bool {
        self.decide(std::io::stdout().is_terminal())
    }

    /// True only for `--color always` (for output that is plain unless
    /// asked otherwise, such as the REPL reading piped input).
    pub fn forced(self) -> bool {
        self.0 == ColorArg::Always
    }

    fn decide(self, is_terminal: bool) -> bool {
        match self.0 {
            ColorArg::Always => true,
            ColorArg::Never => false,
            ColorArg::Auto => {
                is_terminal && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty())
            }
        }
    }
}
