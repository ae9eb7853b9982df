//! Answers to requests about open documents, by method. A document the
//! client never opened has nothing to show (`null`); an unknown method is a
//! JSON-RPC "method not found" error.

use crate::document::Document;
use crate::server::{Server, error, parse, to_value};
use crate::{completion, formatting, hover, navigation, semantic};
use lsp_server::{ErrorCode, ResponseError};
use lsp_types::request::{
    Completion, DocumentHighlightRequest, DocumentSymbolRequest, Formatting, GotoDefinition,
    HoverRequest, References, Request, SemanticTokensFullRequest,
};
use lsp_types::{
    CompletionResponse, DocumentSymbolResponse, GotoDefinitionResponse, SemanticTokensResult,
    TextDocumentPositionParams, Uri,
};
use serde_json::Value;

pub fn answer(server: &Server, method: &str, params: Value) -> Result<Value, ResponseError> {
    match method {
        HoverRequest::METHOD => on::<HoverRequest>(server, params, |s, p| {
            let (doc, position) = at(s, &p.text_document_position_params)?;
            hover::hover(doc, position)
        }),
        Completion::METHOD => on::<Completion>(server, params, |s, p| {
            let (doc, position) = at(s, &p.text_document_position)?;
            Some(CompletionResponse::Array(completion::completion(
                doc, position,
            )))
        }),
        GotoDefinition::METHOD => on::<GotoDefinition>(server, params, |s, p| {
            let (doc, position) = at(s, &p.text_document_position_params)?;
            let uri = &p.text_document_position_params.text_document.uri;
            navigation::definition(doc, uri, position).map(GotoDefinitionResponse::Scalar)
        }),
        References::METHOD => on::<References>(server, params, |s, p| {
            let (doc, position) = at(s, &p.text_document_position)?;
            let uri = &p.text_document_position.text_document.uri;
            let with_declaration = p.context.include_declaration;
            Some(navigation::references(doc, uri, position, with_declaration))
        }),
        DocumentHighlightRequest::METHOD => {
            on::<DocumentHighlightRequest>(server, params, |s, p| {
                let (doc, position) = at(s, &p.text_document_position_params)?;
                Some(navigation::highlights(doc, position))
            })
        }
        DocumentSymbolRequest::METHOD => on::<DocumentSymbolRequest>(server, params, |s, p| {
            let doc = document(s, &p.text_document.uri)?;
            Some(DocumentSymbolResponse::Nested(navigation::symbols(doc)))
        }),
        SemanticTokensFullRequest::METHOD => {
            on::<SemanticTokensFullRequest>(server, params, |s, p| {
                let doc = document(s, &p.text_document.uri)?;
                Some(SemanticTokensResult::Tokens(semantic::tokens(doc)))
            })
        }
        Formatting::METHOD => {
            let p: lsp_types::DocumentFormattingParams = parse(params)?;
            let Some(doc) = document(server, &p.text_document.uri) else {
                return Ok(Value::Null);
            };
            let edits = server
                .format_options(&p.text_document.uri)
                .and_then(|options| formatting::format(doc, &options));
            match edits {
                Ok(edits) => to_value(edits),
                Err(why) => Err(error(ErrorCode::RequestFailed, &why)),
            }
        }
        _ => Err(error(
            ErrorCode::MethodNotFound,
            &format!("unknown method: {method}"),
        )),
    }
}

/// Reads the parameters of request `R` and serialises `handler`'s answer.
fn on<R: Request>(
    server: &Server,
    params: Value,
    handler: impl FnOnce(&Server, R::Params) -> R::Result,
) -> Result<Value, ResponseError> {
    let params = parse::<R::Params>(params)?;
    to_value(handler(server, params))
}

fn document<'a>(server: &'a Server, uri: &Uri) -> Option<&'a Document> {
    server.documents.get(uri)
}

fn at<'a>(
    server: &'a Server,
    p: &TextDocumentPositionParams,
) -> Option<(&'a Document, lsp_types::Position)> {
    Some((document(server, &p.text_document.uri)?, p.position))
}
