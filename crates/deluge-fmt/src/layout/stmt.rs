//! Statements, blocks and function definitions, in the layout of Zoho's
//! editor: each brace on a line of its own, `else` and `catch` on the line
//! after the closing brace (tabs shown as spaces).
//!
//! ```text
//! if (x > 1)
//! {
//!     info x;
//! }
//! else
//! {
//! }
//! ```

use super::Formatter;
use super::lines::Spacing;
use crate::doc::{Doc, Docs, indent, text};
use deluge_syntax::ast::{AssignOp, Block, FunctionDef, IfBranch, Stmt, StmtKind, TaskKind};

impl Formatter<'_> {
    /// One statement; `next` is the statement after it in its block.
    pub(super) fn stmt(&mut self, s: &Stmt, next: Option<&Stmt>) -> Doc {
        let mut d = Docs::new();
        match &s.kind {
            StmtKind::Assign { target, op, value } => {
                d.text(format!("{} {} ", target.name, assign_symbol(*op)))
                    .push(self.expr(value));
            }
            StmtKind::AssignTask { target, task } => {
                d.text(format!("{} = ", target.name)).push(self.task(task));
            }
            StmtKind::Expr(e) => {
                d.push(self.expr(e));
            }
            StmtKind::Info(e) => {
                d.text("info ").push(self.expr(e));
            }
            StmtKind::Return(value) => {
                d.text("return");
                if let Some(e) = value {
                    d.text(" ").push(self.expr(e));
                }
            }
            StmtKind::Break => {
                d.text("break");
            }
            StmtKind::Continue => {
                d.text("continue");
            }
            StmtKind::Empty => {}
            StmtKind::Task(task) => {
                d.push(self.task(task));
                // Zoho writes `sendmail [...]` without `;`. One is needed
                // when a lone `;` follows, or the parser would take it as
                // this statement's own.
                let lone_semicolon = next.is_some_and(|n| matches!(n.kind, StmtKind::Empty));
                if task.kind == TaskKind::SendMail && !lone_semicolon {
                    d.push(self.after_code(s.span.end));
                    return d.build();
                }
            }
            StmtKind::If {
                branches,
                else_block,
            } => return self.if_stmt(branches, else_block.as_ref()),
            StmtKind::ForEach {
                index,
                var,
                iterable,
                body,
            } => {
                d.text(if *index {
                    "for each index "
                } else {
                    "for each "
                })
                .push(self.leading_inline(var.span.start))
                .text(format!("{} in ", var.name))
                .push(self.expr(iterable));
                d.push(self.body(body));
                return d.build();
            }
            StmtKind::Try {
                body,
                error_var,
                handler,
            } => {
                d.text("try").push(self.body(body));
                d.push(self.before_keyword(body.span.end))
                    .text("catch (")
                    .push(self.leading_inline(error_var.span.start))
                    .text(format!("{})", error_var.name));
                d.push(self.body(handler));
                return d.build();
            }
            // Only in trees with syntax errors, which are never laid out.
            StmtKind::Creator { .. } | StmtKind::Error => {
                return text(self.src.slice(s.span).to_owned());
            }
        }
        d.push(self.after_code(s.span.end)).text(";");
        d.build()
    }

    fn if_stmt(&mut self, branches: &[IfBranch], else_block: Option<&Block>) -> Doc {
        let mut d = Docs::new();
        let mut previous_end = None;
        for branch in branches {
            if let Some(end) = previous_end {
                d.push(self.before_keyword(end))
                    .text("else ")
                    .push(self.leading_inline(branch.span.start));
            }
            d.text("if (")
                .push(self.expr(&branch.condition))
                .text(")")
                .push(self.body(&branch.body));
            previous_end = Some(branch.body.span.end);
        }
        if let (Some(block), Some(end)) = (else_block, previous_end) {
            d.push(self.before_keyword(end))
                .text("else")
                .push(self.body(block));
        }
        d.build()
    }

    /// The body of a compound statement: comments left on the header line
    /// stay there; the block starts on the next line.
    fn body(&mut self, block: &Block) -> Doc {
        let mut d = Docs::new();
        d.push(self.after_code(block.span.start))
            .push(Doc::HardLine)
            .push(self.block(block));
        d.build()
    }

    /// `{`, the statements one level deeper, `}`.
    fn block(&mut self, block: &Block) -> Doc {
        let close = block.span.end.saturating_sub(1);
        let body = self.lines(&block.stmts, close, Spacing::AsWritten, |f, s, next| {
            f.stmt(s, next)
        });
        let mut d = Docs::new();
        d.text("{");
        if !matches!(body, Doc::Nil) {
            d.push(indent(Docs::from_iter([Doc::HardLine, body]).build()));
        }
        d.push(Doc::HardLine).text("}");
        d.build()
    }

    /// The line break before `else` or `catch`, which follow the `}` that
    /// ends at `block_end`. Comments on the `}` line stay there; comments
    /// between it and the keyword get lines of their own.
    fn before_keyword(&mut self, block_end: usize) -> Doc {
        let keyword = self.src.next_code(block_end);
        let mut d = Docs::new();
        d.push(self.trailing(block_end, keyword, false));
        for c in self.take_before(keyword) {
            d.push(Doc::HardLine).push(self.comment_doc(&c));
        }
        d.push(Doc::HardLine);
        d.build()
    }

    /// `string standalone.name(int id, map data)` and its body.
    pub(super) fn function(&mut self, def: &FunctionDef) -> Doc {
        let mut d = Docs::new();
        d.text(format!("{} ", def.return_type.text));
        if let Some(category) = &def.category {
            d.text(format!("{}.", category.name));
        }
        d.text(def.name.name.clone());
        let close = def.header_span.end.saturating_sub(1);
        let params = self.delimited(
            ("(", ")"),
            &def.params,
            close,
            |p| p.span,
            |_, p| text(format!("{} {}", p.ty.text, p.name.name)),
        );
        d.push(params).push(self.body(&def.body));
        d.build()
    }
}

fn assign_symbol(op: AssignOp) -> &'static str {
    match op {
        AssignOp::Set => "=",
        AssignOp::Add => "+=",
        AssignOp::Sub => "-=",
        AssignOp::Mul => "*=",
        AssignOp::Div => "/=",
        AssignOp::Rem => "%=",
    }
}
