//! Turns a [`Doc`] into text: each group is printed flat when it fits in
//! what is left of the line (up to the next place the line may break),
//! otherwise broken (Wadler's "prettier printer", as in Prettier).

use crate::doc::Doc;
use crate::{FmtOptions, Indent, MAX_SPACES, TAB_WIDTH};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Mode {
    Flat,
    Break,
}

struct Frame<'d> {
    level: usize,
    mode: Mode,
    doc: &'d Doc,
}

struct Printer<'d> {
    /// `\n`, or `\r\n` for a file written with those.
    newline: &'static str,
    unit: String,
    unit_width: usize,
    width: usize,
    out: String,
    /// Display width of the current line so far.
    column: usize,
    /// The current line's indentation is not written yet; it is written
    /// with the first text, so blank lines stay empty.
    pending_indent: Option<usize>,
    suffixes: Vec<&'d str>,
    stack: Vec<Frame<'d>>,
}

/// Prints `doc` with the indentation and line width of `options`, ending
/// lines with `newline`.
pub(crate) fn print(doc: &Doc, options: &FmtOptions, newline: &'static str) -> String {
    let (unit, unit_width) = match options.indent {
        Indent::Tab => ("\t".to_owned(), TAB_WIDTH),
        Indent::Spaces(n) => {
            let n = n.min(MAX_SPACES);
            (" ".repeat(n), n)
        }
    };
    let mut printer = Printer {
        newline,
        unit,
        unit_width,
        width: options.line_width,
        out: String::new(),
        column: 0,
        pending_indent: None,
        suffixes: Vec::new(),
        stack: vec![Frame {
            level: 0,
            mode: Mode::Break,
            doc,
        }],
    };
    printer.run();
    printer.flush_suffixes();
    printer.out
}

fn display_width(s: &str) -> usize {
    s.chars().count()
}

impl<'d> Printer<'d> {
    fn run(&mut self) {
        while let Some(Frame { level, mode, doc }) = self.stack.pop() {
            match doc {
                Doc::Nil | Doc::BreakParent => {}
                Doc::Text(s) => self.write(s),
                Doc::Line if mode == Mode::Flat => self.write(" "),
                Doc::SoftLine if mode == Mode::Flat => {}
                Doc::Line | Doc::SoftLine | Doc::HardLine => self.newline(level),
                Doc::LineInComment => self.break_line(level),
                Doc::LineSuffix(s) => self.suffixes.push(s),
                Doc::Indent(inner) => self.stack.push(Frame {
                    level: level + 1,
                    mode,
                    doc: inner,
                }),
                Doc::Group { doc: inner, broken } => {
                    let mode = if mode == Mode::Flat || (!broken && self.fits(inner)) {
                        Mode::Flat
                    } else {
                        Mode::Break
                    };
                    self.stack.push(Frame {
                        level,
                        mode,
                        doc: inner,
                    });
                }
                Doc::Concat(docs) => {
                    for doc in docs.iter().rev() {
                        self.stack.push(Frame { level, mode, doc });
                    }
                }
            }
        }
    }

    fn write(&mut self, s: &str) {
        if let Some(pending) = self.pending_indent.take() {
            for _ in 0..pending {
                self.out.push_str(&self.unit);
            }
            self.column = pending * self.unit_width;
        }
        self.out.push_str(s);
        match s.rfind('\n') {
            Some(at) => self.column = display_width(&s[at + 1..]),
            None => self.column += display_width(s),
        }
    }

    /// Ends the line: the comments kept for its end, then the break.
    fn newline(&mut self, level: usize) {
        let kept = self.out.trim_end_matches([' ', '\t']).len();
        self.out.truncate(kept);
        self.flush_suffixes();
        self.break_line(level);
    }

    fn break_line(&mut self, level: usize) {
        let kept = self.out.trim_end_matches([' ', '\t']).len();
        self.out.truncate(kept);
        self.out.push_str(self.newline);
        self.column = level * self.unit_width;
        self.pending_indent = Some(level);
    }

    fn flush_suffixes(&mut self) {
        let mut suffixes = std::mem::take(&mut self.suffixes).into_iter();
        if let Some(first) = suffixes.next() {
            // Alone on its line, a comment starts at the indentation.
            let first = if self.pending_indent.is_some() {
                first.trim_start()
            } else {
                first
            };
            self.write(first);
        }
        for s in suffixes {
            self.out.push_str(s);
        }
    }

    /// True when `doc`, printed flat, and what follows it up to the next
    /// possible line break fit in the rest of the line.
    fn fits(&self, doc: &Doc) -> bool {
        // Saturating: any width, however large, means what it says.
        let signed = |n: usize| isize::try_from(n).unwrap_or(isize::MAX);
        let mut room = signed(self.width).saturating_sub(signed(self.column));
        let mut todo = vec![(Mode::Flat, doc)];
        let mut rest = self.stack.len();
        while room >= 0 {
            let (mode, doc) = match todo.pop() {
                Some(next) => next,
                None if rest == 0 => return true,
                None => {
                    rest -= 1;
                    (self.stack[rest].mode, self.stack[rest].doc)
                }
            };
            match doc {
                Doc::Text(s) => match s.find('\n') {
                    Some(at) => return room >= signed(display_width(&s[..at])),
                    None => room = room.saturating_sub(signed(display_width(s))),
                },
                Doc::Line if mode == Mode::Flat => room = room.saturating_sub(1),
                Doc::SoftLine if mode == Mode::Flat => {}
                Doc::Line | Doc::SoftLine | Doc::HardLine | Doc::LineInComment => return true,
                Doc::Indent(inner) => todo.push((mode, inner)),
                Doc::Group { doc, broken } => {
                    let mode = if *broken { Mode::Break } else { mode };
                    todo.push((mode, doc));
                }
                Doc::Concat(docs) => todo.extend(docs.iter().rev().map(|d| (mode, d))),
                Doc::Nil | Doc::BreakParent | Doc::LineSuffix(_) => {}
            }
        }
        false
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::doc::{concat, group, indent, text};

    fn options(width: usize) -> FmtOptions {
        FmtOptions {
            indent: Indent::Tab,
            line_width: width,
        }
    }

    fn call() -> Doc {
        group(concat(vec![
            text("f("),
            indent(concat(vec![
                Doc::SoftLine,
                text("alpha,"),
                Doc::Line,
                text("beta"),
            ])),
            Doc::SoftLine,
            text(")"),
        ]))
    }

    #[test]
    fn a_group_that_fits_stays_flat() {
        assert_eq!(print(&call(), &options(20), "\n"), "f(alpha, beta)");
    }

    #[test]
    fn a_group_that_does_not_fit_breaks_with_indentation() {
        assert_eq!(
            print(&call(), &options(10), "\n"),
            "f(\n\talpha,\n\tbeta\n)"
        );
    }

    #[test]
    fn line_suffixes_wait_for_the_end_of_the_line() {
        let doc = concat(vec![
            text("a"),
            Doc::LineSuffix(" // c".into()),
            text(" + b;"),
            Doc::HardLine,
            text("x"),
        ]);
        assert_eq!(print(&doc, &options(80), "\n"), "a + b; // c\nx");
    }

    #[test]
    fn the_widest_width_keeps_everything_flat() {
        assert_eq!(print(&call(), &options(usize::MAX), "\n"), "f(alpha, beta)");
    }

    #[test]
    fn blank_lines_carry_no_indentation() {
        let doc = indent(concat(vec![
            text("a"),
            Doc::HardLine,
            Doc::HardLine,
            text("b"),
        ]));
        let spaces = FmtOptions {
            indent: Indent::Spaces(2),
            line_width: 80,
        };
        assert_eq!(print(&doc, &spaces, "\r\n"), "a\r\n\r\n  b");
    }
}
