//! Calls of user functions (language spec §8.3).

use super::{Flow, Interpreter, loop_control_escaped};
use crate::error::{RtError, RtResult, TraceFrame};
use crate::ir::FnIndex;
use crate::types;
use crate::value::Value;
use deluge_syntax::Span;
use deluge_syntax::ast::TypeKind;
use deluge_syntax::codes;

impl Interpreter<'_, '_> {
    /// Calls a user function: checks the depth limit, converts the
    /// arguments to the parameter types, runs the body in a fresh frame and
    /// checks the returned value against the declared type.
    pub(crate) fn call_function(
        &mut self,
        index: FnIndex,
        args: Vec<Value>,
        call_span: Span,
    ) -> RtResult<Option<Value>> {
        let program = self.program;
        let function = &program.functions[index];
        // `depth` counts active frames, the run's entry function included;
        // the limit is on the nested calls below that entry (§10).
        if self.depth > self.limits.max_depth {
            let max = self.limits.max_depth;
            return Err(RtError::limit(
                codes::RECURSION_LIMIT,
                format!("Recursion limit exceeded: more than {max} nested function calls"),
            ));
        }
        if args.len() != function.params.len() {
            return Err(RtError::new(
                codes::INVALID_ARGUMENTS,
                format!(
                    "Function '{}' takes {} argument(s) but {} were given",
                    function.name,
                    function.params.len(),
                    args.len()
                ),
            ));
        }
        let mut frame = vec![None; function.slot_names.len()];
        for (param, arg) in function.params.iter().zip(args) {
            let converted = match param.ty {
                None => Some(arg),
                Some(ty) => types::convert(arg, ty, &|s| self.parse_date(s)),
            };
            let converted = converted.ok_or_else(|| {
                RtError::new(
                    codes::ARGUMENT_TYPE_MISMATCH,
                    format!("Argument type mismatch for '{}'", param.name),
                )
            })?;
            frame[param.slot as usize] = Some(converted);
        }
        let caller_source = std::mem::replace(&mut self.source, function.source);
        let caller_loops = std::mem::replace(&mut self.loops, 0);
        self.depth += 1;
        let flow = self.exec_block(&mut frame, &function.body);
        self.depth -= 1;
        self.loops = caller_loops;
        self.source = caller_source;
        let result = flow.and_then(|flow| self.returned(function.return_type, flow));
        result.map_err(|mut err| {
            if function.name != crate::program::SCRIPT_FUNCTION {
                err.trace.push(TraceFrame {
                    function: function.name.clone(),
                    call_span,
                    source: caller_source,
                });
            }
            err
        })
    }

    /// The value a finished body gives its caller, checked against the
    /// declared return type (§7.4, §8.2).
    fn returned(&self, return_type: Option<TypeKind>, flow: Flow) -> RtResult<Option<Value>> {
        let mismatch = || RtError::new(codes::RETURN_TYPE_MISMATCH, "Return type mismatch");
        match (return_type, flow) {
            (_, Flow::Break | Flow::Continue) => Err(loop_control_escaped()),
            (None, Flow::Return(v)) => Ok(v),
            (None, Flow::Next) => Ok(None),
            (Some(TypeKind::Void), Flow::Return(Some(_))) => Err(mismatch()),
            (Some(TypeKind::Void), _) => Ok(None),
            (Some(_), Flow::Next) => Err(RtError::new(
                codes::MISSING_RETURN,
                "Missing return statement",
            )),
            (Some(_), Flow::Return(None)) => Ok(Some(Value::Null)),
            (Some(ty), Flow::Return(Some(v))) => types::convert(v, ty, &|s| self.parse_date(s))
                .map(Some)
                .ok_or_else(mismatch),
        }
    }
}
