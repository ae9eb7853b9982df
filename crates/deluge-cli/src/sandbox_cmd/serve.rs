//! `deluge sandbox serve`: the simulator over HTTP/1.1 on 127.0.0.1, each
//! request converted into an `HttpRequest` and answered by the same
//! simulator the offline runs use. Ctrl-C (or SIGTERM) stops accepting,
//! lets requests in flight finish, and saves the state file.

use super::multipart;
use crate::cli::SandboxServeArgs;
use crate::color::Choice;
use axum::body::{Body, Bytes, to_bytes};
use axum::extract::{Request, State};
use axum::http::{HeaderName, HeaderValue, StatusCode};
use axum::response::Response;
use deluge_connect::{CallOrigin, HttpRequest, HttpResponse, Method, RequestBody};
use deluge_sandbox::Simulator;
use std::io::Write;
use std::net::SocketAddr;
use std::sync::Arc;
use url::Url;

/// Largest request body accepted (Zoho's own upload limit is lower).
const MAX_BODY_BYTES: usize = 20 * 1024 * 1024;

struct Served {
    simulator: Simulator,
    base: Url,
}

pub fn serve(args: SandboxServeArgs, color: Choice) -> u8 {
    let Some(simulator) = super::open(Some(&args.seed), args.state.as_deref(), color) else {
        return 1;
    };
    let runtime = match tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
    {
        Ok(runtime) => runtime,
        Err(e) => {
            eprintln!("deluge: cannot start the server: {e}");
            return 1;
        }
    };
    let served = runtime.block_on(run_server(simulator, args.port));
    let served = match served {
        Ok(served) => served,
        Err(message) => {
            eprintln!("deluge: {message}");
            return 1;
        }
    };
    if let Some(path) = &args.state {
        if let Err(e) = served.simulator.save_state(path) {
            eprintln!("deluge: cannot save the state to {}: {e}", path.display());
            return 1;
        }
        println!("deluge sandbox: state saved to {}", path.display());
    }
    0
}

async fn run_server(simulator: Simulator, port: u16) -> Result<Arc<Served>, String> {
    let address = SocketAddr::from(([127, 0, 0, 1], port));
    let listener = tokio::net::TcpListener::bind(address)
        .await
        .map_err(|e| format!("cannot listen on {address}: {e}"))?;
    let bound = listener
        .local_addr()
        .map_err(|e| format!("cannot read the bound address: {e}"))?;
    let base =
        Url::parse(&format!("http://{bound}")).map_err(|e| format!("bad address {bound}: {e}"))?;
    let served = Arc::new(Served { simulator, base });
    let app = axum::Router::new()
        .fallback(handle)
        .with_state(Arc::clone(&served));
    println!("deluge sandbox: serving on http://{bound} (Ctrl-C to stop)");
    let _ = std::io::stdout().flush();
    axum::serve(listener, app)
        .with_graceful_shutdown(shutdown_signal())
        .await
        .map_err(|e| format!("the server failed: {e}"))?;
    // Requests in flight have finished; connection tasks may still hold
    // a handle, so the state is saved through the shared one.
    Ok(served)
}

async fn shutdown_signal() {
    #[cfg(unix)]
    {
        use tokio::signal::unix::{SignalKind, signal};
        match signal(SignalKind::terminate()) {
            Ok(mut terminate) => {
                tokio::select! {
                    _ = tokio::signal::ctrl_c() => {}
                    _ = terminate.recv() => {}
                }
            }
            Err(_) => {
                let _ = tokio::signal::ctrl_c().await;
            }
        }
    }
    #[cfg(not(unix))]
    {
        let _ = tokio::signal::ctrl_c().await;
    }
}

async fn handle(State(served): State<Arc<Served>>, request: Request) -> Response {
    let (parts, body) = request.into_parts();
    let Ok(bytes) = to_bytes(body, MAX_BODY_BYTES).await else {
        return plain(StatusCode::PAYLOAD_TOO_LARGE, "request body too large");
    };
    let Some(method) = Method::parse(parts.method.as_str()) else {
        return plain(StatusCode::METHOD_NOT_ALLOWED, "method not supported");
    };
    let path_and_query = parts
        .uri
        .path_and_query()
        .map(|p| p.as_str())
        .unwrap_or("/");
    let Ok(url) = served.base.join(path_and_query) else {
        return plain(StatusCode::BAD_REQUEST, "malformed request target");
    };
    let headers: Vec<(String, String)> = parts
        .headers
        .iter()
        .filter_map(|(k, v)| Some((k.as_str().to_string(), v.to_str().ok()?.to_string())))
        .collect();
    let mut http_request = HttpRequest::new(method, url, CallOrigin::InvokeUrl);
    http_request.body = body_of(&headers, bytes);
    http_request.headers = headers;
    let task_served = Arc::clone(&served);
    // The simulator locks a mutex and may copy the store: keep that off
    // the async workers.
    match tokio::task::spawn_blocking(move || task_served.simulator.serve(&http_request)).await {
        Ok(response) => to_axum(response),
        Err(_) => plain(StatusCode::INTERNAL_SERVER_ERROR, "the simulator failed"),
    }
}

/// Form bodies become form pairs and multipart bodies parts, as the
/// connection layer builds them; anything else stays bytes.
fn body_of(headers: &[(String, String)], bytes: Bytes) -> RequestBody {
    if bytes.is_empty() {
        return RequestBody::Empty;
    }
    let content_type = headers
        .iter()
        .find(|(k, _)| k.eq_ignore_ascii_case("content-type"))
        .map(|(_, v)| v.clone())
        .unwrap_or_default();
    let lower = content_type.to_ascii_lowercase();
    if lower.starts_with("application/x-www-form-urlencoded") {
        return RequestBody::Form(
            url::form_urlencoded::parse(&bytes)
                .map(|(k, v)| (k.into_owned(), v.into_owned()))
                .collect(),
        );
    }
    if lower.starts_with("multipart/form-data") {
        let boundary = content_type
            .split(';')
            .find_map(|p| p.trim().strip_prefix("boundary="))
            .map(|b| b.trim_matches('"').to_string());
        if let Some(parts) = boundary.and_then(|b| multipart::parse(&bytes, &b)) {
            return RequestBody::Multipart(parts);
        }
    }
    RequestBody::Bytes {
        data: bytes.to_vec(),
        content_type,
    }
}

fn to_axum(response: HttpResponse) -> Response {
    let mut out = Response::new(Body::from(response.body));
    *out.status_mut() = StatusCode::from_u16(response.status).unwrap_or(StatusCode::OK);
    for (name, value) in response.headers {
        if let (Ok(name), Ok(value)) = (
            HeaderName::try_from(name.as_str()),
            HeaderValue::try_from(value.as_str()),
        ) {
            out.headers_mut().append(name, value);
        }
    }
    out
}

fn plain(status: StatusCode, text: &'static str) -> Response {
    let mut out = Response::new(Body::from(text));
    *out.status_mut() = status;
    out
}
