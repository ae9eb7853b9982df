//! A loaded program: its sources and their lowered functions.
//!
//! A bare script becomes one function (named `<script>`) with no
//! parameters; a file of definitions adds one function per definition.
//! More sources may be added later (files loaded beside the script, REPL
//! entries); functions are looked up across all of them.

use crate::builtins::registry;
use crate::datetime::DateTime;
use crate::error::SourceId;
use crate::host_fns::HostFunctions;
use crate::ir::{self, FnIndex, ParamSlot};
use crate::lower::{FunctionNames, Lowerer, SlotTable};
use deluge_syntax::ast::{self, ScriptBody};
use deluge_syntax::{Diagnostic, LineIndex, codes};

pub struct Source {
    pub name: String,
    pub text: String,
    pub lines: LineIndex,
}

#[derive(Default)]
pub struct Program {
    pub sources: Vec<Source>,
    pub functions: Vec<ir::Function>,
    pub names: FunctionNames,
    /// Functions the host provides to this program's sources; register
    /// them before loading the sources that call them.
    pub host_functions: HostFunctions,
}

/// What a loaded source contained.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Loaded {
    /// A bare script, lowered into this function.
    Script(FnIndex),
    /// Function definitions.
    Functions(Vec<FnIndex>),
}

/// The name given to the function a bare script is lowered into.
pub const SCRIPT_FUNCTION: &str = "<script>";

impl Program {
    pub fn new() -> Self {
        Program::default()
    }

    pub fn add_source(&mut self, name: impl Into<String>, text: impl Into<String>) -> SourceId {
        let text = text.into();
        self.sources.push(Source {
            name: name.into(),
            lines: LineIndex::new(&text),
            text,
        });
        self.sources.len() - 1
    }

    /// Parses and lowers a whole file. Syntax errors (and definition errors
    /// such as a duplicate function) are returned instead of a program.
    /// `inputs` are variables a bare script receives before it runs (the
    /// command line's `--arg`s); they become the script function's
    /// parameters, in that order.
    pub fn load(
        &mut self,
        name: &str,
        text: &str,
        inputs: &[String],
        parse_date: &dyn Fn(&str) -> Option<DateTime>,
    ) -> Result<Loaded, Vec<Diagnostic>> {
        let parsed = deluge_syntax::parse(text);
        if parsed.has_errors() {
            return Err(parsed.diagnostics);
        }
        let source = self.add_source(name, text);
        match &parsed.script.body {
            ScriptBody::Statements(stmts) => Ok(Loaded::Script(
                self.add_script(source, stmts, inputs, parse_date),
            )),
            ScriptBody::Functions(defs) => self
                .add_functions(source, defs, parse_date)
                .map(Loaded::Functions),
        }
    }

    /// Lowers a bare statement list into a new function whose parameters
    /// are the given input variables (accepting any value).
    pub fn add_script(
        &mut self,
        source: SourceId,
        stmts: &[ast::Stmt],
        inputs: &[String],
        parse_date: &dyn Fn(&str) -> Option<DateTime>,
    ) -> FnIndex {
        let mut slots = SlotTable::default();
        let params = inputs
            .iter()
            .map(|name| ParamSlot {
                name: name.clone(),
                ty: None,
                slot: slots.declare(name),
            })
            .collect();
        let body = self.lower_statements(source, stmts, &mut slots, parse_date);
        let span = deluge_syntax::Span::new(0, self.sources[source].text.len());
        self.functions.push(ir::Function {
            name: SCRIPT_FUNCTION.to_string(),
            return_type: None,
            params,
            body,
            slot_names: slots.names().to_vec(),
            source,
            span,
        });
        self.functions.len() - 1
    }

    /// Lowers statements against an existing slot table (which grows), as
    /// the REPL does for each entry.
    pub fn lower_statements(
        &self,
        source: SourceId,
        stmts: &[ast::Stmt],
        slots: &mut SlotTable,
        parse_date: &dyn Fn(&str) -> Option<DateTime>,
    ) -> Vec<ir::Stmt> {
        slots.declare_assigned(stmts);
        self.lowerer(source, slots, parse_date).block(stmts)
    }

    /// Lowers one expression against a slot table (REPL, `:type`).
    pub fn lower_expression(
        &self,
        source: SourceId,
        expr: &ast::Expr,
        slots: &mut SlotTable,
        parse_date: &dyn Fn(&str) -> Option<DateTime>,
    ) -> ir::Expr {
        self.lowerer(source, slots, parse_date).expr(expr)
    }

    /// A lowerer for one source, resolving calls against every function
    /// known so far.
    fn lowerer<'a>(
        &'a self,
        source: SourceId,
        slots: &'a mut SlotTable,
        parse_date: &'a dyn Fn(&str) -> Option<DateTime>,
    ) -> Lowerer<'a> {
        Lowerer {
            functions: &self.names,
            host_functions: &self.host_functions,
            slots,
            source,
            lines: &self.sources[source].lines,
            parse_date,
        }
    }

    /// Registers and lowers function definitions. All names are registered
    /// before any body is lowered, so the functions may call each other.
    /// A name defined twice is an error.
    pub fn add_functions(
        &mut self,
        source: SourceId,
        defs: &[ast::FunctionDef],
        parse_date: &dyn Fn(&str) -> Option<DateTime>,
    ) -> Result<Vec<FnIndex>, Vec<Diagnostic>> {
        self.define(source, defs, parse_date, false)
    }

    /// Like [`Program::add_functions`], but a definition whose name is
    /// already taken replaces the earlier one in place, so code lowered
    /// before calls the new body (the REPL's redefinition).
    pub fn redefine_functions(
        &mut self,
        source: SourceId,
        defs: &[ast::FunctionDef],
        parse_date: &dyn Fn(&str) -> Option<DateTime>,
    ) -> Result<Vec<FnIndex>, Vec<Diagnostic>> {
        self.define(source, defs, parse_date, true)
    }

    fn define(
        &mut self,
        source: SourceId,
        defs: &[ast::FunctionDef],
        parse_date: &dyn Fn(&str) -> Option<DateTime>,
        replace: bool,
    ) -> Result<Vec<FnIndex>, Vec<Diagnostic>> {
        let problems: Vec<Diagnostic> = defs
            .iter()
            .enumerate()
            .filter_map(|(i, def)| self.definition_problem(def, &defs[..i], replace))
            .collect();
        if !problems.is_empty() {
            return Err(problems);
        }
        let mut next = self.functions.len();
        let mut indices = Vec::with_capacity(defs.len());
        for def in defs {
            let index = match self.names.resolve_full(&def.full_name()) {
                Some(existing) if replace => existing,
                _ => {
                    self.names.insert(&def.full_name(), &def.name.name, next);
                    next += 1;
                    next - 1
                }
            };
            indices.push(index);
        }
        for (def, index) in defs.iter().zip(&indices) {
            let function = self.lower_function(source, def, parse_date);
            match self.functions.get_mut(*index) {
                Some(slot) => *slot = function,
                None => self.functions.push(function),
            }
        }
        Ok(indices)
    }

    /// A function defined twice, or named like a built-in (§8.3).
    fn definition_problem(
        &self,
        def: &ast::FunctionDef,
        earlier: &[ast::FunctionDef],
        replace: bool,
    ) -> Option<Diagnostic> {
        let full = def.full_name();
        let duplicate = (!replace && self.names.contains_full(&full))
            || earlier
                .iter()
                .any(|e| e.full_name().eq_ignore_ascii_case(&full));
        if duplicate {
            return Some(
                Diagnostic::error(
                    codes::DUPLICATE_FUNCTION,
                    format!("function '{full}' is defined more than once"),
                )
                .with_primary(def.name.span, "defined again here"),
            );
        }
        let reg = registry();
        let builtin =
            reg.global_id(&def.name.name).is_some() || reg.method_id(&def.name.name).is_some();
        if def.category.is_none() && builtin {
            return Some(
                Diagnostic::error(
                    codes::DUPLICATE_FUNCTION,
                    format!("function '{full}' has the name of a built-in function"),
                )
                .with_primary(def.name.span, "rename this function"),
            );
        }
        None
    }

    fn lower_function(
        &self,
        source: SourceId,
        def: &ast::FunctionDef,
        parse_date: &dyn Fn(&str) -> Option<DateTime>,
    ) -> ir::Function {
        let mut slots = SlotTable::default();
        let params = def
            .params
            .iter()
            .map(|p| ParamSlot {
                name: p.name.name.clone(),
                ty: Some(p.ty.kind),
                slot: slots.declare(&p.name.name),
            })
            .collect();
        let body = self.lower_statements(source, &def.body.stmts, &mut slots, parse_date);
        ir::Function {
            name: def.full_name(),
            return_type: Some(def.return_type.kind),
            params,
            body,
            slot_names: slots.names().to_vec(),
            source,
            span: def.span,
        }
    }

    /// A function by name (`category.name`, or an unambiguous `name`).
    pub fn function_named(&self, name: &str) -> Option<FnIndex> {
        self.names.resolve(name)
    }
}
