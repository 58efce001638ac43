//! The hook that keeps the OpenAPI document true: every response the tests receive is
//! checked against the document (the operation found by path template and method, the
//! status listed for it, the documented content type, a JSON body valid against the
//! documented schema). A mismatch fails the test that received it.
//!
//! Every request goes through [`Checked::send_checked`] (the story client's `request` does).
//! Set `LIVINGLAB_CONTRACT_LOG=<file>` to append mismatches to that file as JSON lines
//! instead of failing (to survey a whole run at once).

use std::collections::HashMap;
use std::io::Write;
use std::sync::{Arc, Mutex, OnceLock};

use jsonschema::Validator;
use reqwest::header::{CONTENT_TYPE, HeaderMap};
use reqwest::{Method, RequestBuilder, Response};
use serde_json::{Value, json};

/// Sends through the contract hook: same result as `send`, with the response checked.
pub trait Checked {
    fn send_checked(self) -> impl Future<Output = reqwest::Result<Response>> + Send;
}

impl Checked for RequestBuilder {
    async fn send_checked(self) -> reqwest::Result<Response> {
        let (client, request) = self.build_split();
        let request = request?;
        let method = request.method().clone();
        let path = request.url().path().to_owned();
        let res = client.execute(request).await?;
        let status = res.status();
        let version = res.version();
        let headers = res.headers().clone();
        let body = res.bytes().await?;
        check(&method, &path, status.as_u16(), &headers, &body);
        // The test reads the answer as if it came off the wire.
        let mut rebuilt = http::Response::builder().status(status).version(version);
        if let Some(h) = rebuilt.headers_mut() {
            *h = headers;
        }
        Ok(Response::from(
            rebuilt.body(body).expect("rebuilding the response"),
        ))
    }
}

/// Sends `req` and returns the status, the body and what (if anything) does not match the
/// document, without failing: for tests that survey many answers before they assert.
pub async fn send_surveyed(req: RequestBuilder) -> reqwest::Result<(u16, Vec<u8>, Option<String>)> {
    let (client, request) = req.build_split();
    let request = request?;
    let method = request.method().clone();
    let path = request.url().path().to_owned();
    let res = client.execute(request).await?;
    let status = res.status().as_u16();
    let headers = res.headers().clone();
    let body = res.bytes().await?.to_vec();
    let problem = verify(&method, &path, status, &headers, &body)
        .err()
        .map(|(_, problem, _)| problem);
    Ok((status, body, problem))
}

/// The document the tests hold the server to: built once per test binary from the same
/// code that serves `/api/v1/openapi.json`.
pub fn document() -> &'static Value {
    &contract().doc
}

struct Contract {
    doc: Value,
    /// (template split at '/', the path item) for every documented path.
    paths: Vec<(Vec<Segment>, String)>,
    validators: Mutex<HashMap<String, Arc<Validator>>>,
}

/// One segment of a path template: a literal prefix, an optional `{param}`, a literal suffix
/// (`{id}.ics`).
struct Segment {
    prefix: String,
    param: bool,
    suffix: String,
}

impl Segment {
    fn parse(s: &str) -> Self {
        match (s.find('{'), s.find('}')) {
            (Some(a), Some(b)) if a < b => Self {
                prefix: s[..a].to_owned(),
                param: true,
                suffix: s[b + 1..].to_owned(),
            },
            _ => Self {
                prefix: s.to_owned(),
                param: false,
                suffix: String::new(),
            },
        }
    }

    fn matches(&self, s: &str) -> bool {
        if !self.param {
            return s == self.prefix;
        }
        s.len() > self.prefix.len() + self.suffix.len()
            && s.starts_with(&self.prefix)
            && s.ends_with(&self.suffix)
    }

    fn literal_len(&self) -> usize {
        self.prefix.len() + self.suffix.len() + usize::from(!self.param)
    }
}

fn contract() -> &'static Contract {
    static CONTRACT: OnceLock<Contract> = OnceLock::new();
    CONTRACT.get_or_init(|| {
        let doc = serde_json::to_value(livinglab::startup::openapi()).expect("document");
        let paths = doc["paths"]
            .as_object()
            .expect("paths")
            .keys()
            .map(|p| (p.split('/').map(Segment::parse).collect(), p.clone()))
            .collect();
        Contract {
            doc,
            paths,
            validators: Mutex::new(HashMap::new()),
        }
    })
}

/// The documented path template that `path` is an instance of; literal segments win over
/// parameters (`/practices/export` over `/practices/{id}`).
pub fn template_of(path: &str) -> Option<&'static str> {
    let parts: Vec<&str> = path.split('/').collect();
    contract()
        .paths
        .iter()
        .filter(|(segs, _)| {
            segs.len() == parts.len() && segs.iter().zip(&parts).all(|(s, p)| s.matches(p))
        })
        .max_by_key(|(segs, _)| segs.iter().map(Segment::literal_len).sum::<usize>())
        .map(|(_, t)| t.as_str())
}

/// Checks one response; panics (or logs, see the module comment) on a mismatch.
pub fn check(method: &Method, path: &str, status: u16, headers: &HeaderMap, body: &[u8]) {
    if let Err((kind, problem, template)) = verify(method, path, status, headers, body) {
        let shown = String::from_utf8_lossy(&body[..body.len().min(600)]).into_owned();
        if let Some(file) = std::env::var_os("LIVINGLAB_CONTRACT_LOG") {
            let line = json!({
                "kind": kind, "method": method.as_str(), "template": template,
                "path": path, "status": status, "problem": problem, "body": shown,
            });
            let mut f = std::fs::OpenOptions::new()
                .create(true)
                .append(true)
                .open(file)
                .expect("contract log");
            // One write per line: tests run in parallel and append to the same file.
            f.write_all(format!("{line}\n").as_bytes())
                .expect("contract log");
            return;
        }
        panic!(
            "the response does not match the OpenAPI document: {method} {path} answered \
             {status}: {problem}\n  body: {shown}"
        );
    }
}

type Mismatch = (&'static str, String, String);

fn verify(
    method: &Method,
    path: &str,
    status: u16,
    headers: &HeaderMap,
    body: &[u8],
) -> Result<(), Mismatch> {
    let c = contract();
    let Some(template) = template_of(path) else {
        if !path.starts_with("/api/v1/") {
            return Ok(());
        }
        // An unrouted API path is the JSON 404 every route shares.
        let err = (
            "unrouted",
            "no documented path, and the answer is not the 404 error body".to_owned(),
            path.to_owned(),
        );
        return match status {
            404 => validate_json(c, "#/components/schemas/ErrorBody", body).map_err(|_| err),
            _ => Err(err),
        };
    };
    let t = template.to_owned();
    let op = &c.doc["paths"][template][method.as_str().to_lowercase()];
    if op.is_null() {
        return match status {
            404 | 405 => Ok(()),
            _ => Err((
                "method",
                format!("{method} is not documented for {template}"),
                t,
            )),
        };
    }
    // The websocket upgrade itself is described by docs/rooms-asyncapi.yaml.
    if status == 101 {
        return Ok(());
    }
    let responses = &op["responses"];
    let code = status.to_string();
    let range = format!("{}XX", status / 100);
    let Some(response) = [code.as_str(), range.as_str(), "default"]
        .iter()
        .find_map(|k| responses.get(*k))
    else {
        let listed: Vec<&String> = responses
            .as_object()
            .map(|r| r.keys().collect())
            .unwrap_or_default();
        return Err((
            "status",
            format!("status {status} is not listed (listed: {listed:?})"),
            t,
        ));
    };
    let response = resolve(&c.doc, response);
    let content = response["content"].as_object().filter(|m| !m.is_empty());
    let ct = headers
        .get(CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .map(|v| {
            v.split(';')
                .next()
                .unwrap_or("")
                .trim()
                .to_ascii_lowercase()
        });
    let Some(content) = content else {
        if body.is_empty() {
            return Ok(());
        }
        return Err((
            "content",
            format!("a body ({ct:?}) where the document describes none"),
            t,
        ));
    };
    let Some(ct) = ct else {
        if body.is_empty() && method == Method::HEAD {
            return Ok(());
        }
        return Err((
            "content",
            format!(
                "no Content-Type; documented: {:?}",
                content.keys().collect::<Vec<_>>()
            ),
            t,
        ));
    };
    let Some((media, described)) = content
        .iter()
        .filter(|(m, _)| media_matches(m, &ct))
        // The most specific documented type wins: `text/csv` over `text/*` over `*/*`.
        .max_by_key(|(m, _)| 2 - m.matches('*').count())
    else {
        return Err((
            "content",
            format!(
                "Content-Type {ct} is not documented (documented: {:?})",
                content.keys().collect::<Vec<_>>()
            ),
            t,
        ));
    };
    if is_json(&ct) && described.get("schema").is_some() {
        let pointer = format!(
            "#/paths/{}/{}/responses/{}/content/{}/schema",
            escape(template),
            method.as_str().to_lowercase(),
            if responses.get(code.as_str()).is_some() {
                code.clone()
            } else {
                "default".into()
            },
            escape(media)
        );
        // A schema given inline is validated from its place in the document.
        let schema_ref = match described["schema"].get("$ref").and_then(Value::as_str) {
            Some(r)
                if described["schema"]
                    .as_object()
                    .is_some_and(|o| o.len() == 1) =>
            {
                r.to_owned()
            }
            _ => pointer,
        };
        validate_json(c, &schema_ref, body).map_err(|e| ("schema", e, t))?;
    }
    Ok(())
}

/// A JSON pointer token as it may stand in a URI fragment (`{id}` is percent-encoded).
fn escape(s: &str) -> String {
    let token = s.replace('~', "~0").replace('/', "~1");
    let mut out = String::new();
    for b in token.bytes() {
        if b.is_ascii_alphanumeric() || b"-._~!$&'()*+,;=:@".contains(&b) {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

fn resolve<'a>(doc: &'a Value, v: &'a Value) -> &'a Value {
    match v.get("$ref").and_then(Value::as_str) {
        Some(r) => doc
            .pointer(r.trim_start_matches('#'))
            .unwrap_or(&Value::Null),
        None => v,
    }
}

fn media_matches(documented: &str, actual: &str) -> bool {
    let documented = documented.to_ascii_lowercase();
    match documented.split_once('/') {
        _ if documented == actual || documented == "*/*" => true,
        Some((ty, "*")) => actual.split('/').next() == Some(ty),
        _ => false,
    }
}

fn is_json(ct: &str) -> bool {
    ct == "application/json" || ct.ends_with("+json")
}

/// Validates a JSON body against the schema at `pointer` (`#/...`) in the document.
fn validate_json(c: &Contract, pointer: &str, body: &[u8]) -> Result<(), String> {
    let value: Value =
        serde_json::from_slice(body).map_err(|e| format!("the body is not JSON ({e})"))?;
    let validator = validator(c, pointer)?;
    let errors: Vec<String> = validator
        .iter_errors(&value)
        .take(5)
        .map(|e| {
            format!(
                "at {}: {} (schema {})",
                e.instance_path(),
                e,
                e.schema_path()
            )
        })
        .collect();
    if errors.is_empty() {
        Ok(())
    } else {
        Err(format!(
            "the body does not match {pointer}: {}",
            errors.join("; ")
        ))
    }
}

fn validator(c: &Contract, pointer: &str) -> Result<Arc<Validator>, String> {
    if let Some(v) = c.validators.lock().unwrap().get(pointer) {
        return Ok(v.clone());
    }
    // The whole document is the root resource, so `#/components/schemas/...` resolves; the
    // schema under test is reached by reference. OpenAPI 3.1 schemas are JSON Schema 2020-12.
    let mut root = c.doc.clone();
    let obj = root.as_object_mut().expect("object document");
    obj.insert(
        "$schema".into(),
        json!("https://json-schema.org/draft/2020-12/schema"),
    );
    obj.insert("$ref".into(), json!(pointer));
    // Keep the document's own top-level keys from being read as schema keywords.
    for k in ["info", "tags", "servers", "security", "openapi"] {
        obj.remove(k);
    }
    let v = jsonschema::options()
        .with_draft(jsonschema::Draft::Draft202012)
        .should_validate_formats(true)
        .build(&root)
        .map_err(|e| format!("the documented schema {pointer} does not compile: {e}"))?;
    let v = Arc::new(v);
    c.validators
        .lock()
        .unwrap()
        .insert(pointer.to_owned(), v.clone());
    Ok(v)
}

/// A request sent with plain `.send()` would skip the hook.
#[test]
fn every_test_request_goes_through_the_hook() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/api");
    let mut bypasses = Vec::new();
    for entry in std::fs::read_dir(&dir).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_none_or(|e| e != "rs") || path.ends_with("contract.rs") {
            continue;
        }
        let text = std::fs::read_to_string(&path).unwrap();
        for (n, line) in text.lines().enumerate() {
            if line.contains(".send()") || line.contains("reqwest::get(") {
                bypasses.push(format!("{}:{}: {}", path.display(), n + 1, line.trim()));
            }
        }
    }
    assert!(
        bypasses.is_empty(),
        "use `.send_checked()` (crate::contract::Checked) so the response is checked \
         against the OpenAPI document:\n{}",
        bypasses.join("\n")
    );
}

/// The hook is not vacuous: what the document does not say is reported.
#[test]
fn the_hook_rejects_what_the_document_does_not_say() {
    let json_headers = |ct: &str| {
        let mut h = HeaderMap::new();
        h.insert(CONTENT_TYPE, ct.parse().unwrap());
        h
    };
    let json = json_headers("application/json");
    let error = br#"{"error":{"code":"x","message":"m","details":{}}}"#;
    let user = |role: &str| {
        json!({"id": "01a23c0a-373c-7387-9eaf-8122629bc2a8", "email": "a@example.org",
               "display_name": "A", "role": role, "created_at": "2026-12-03T13:13:52Z"})
        .to_string()
    };
    let get = Method::GET;
    let users = "/api/v1/users/01a23c0a-373c-7387-9eaf-8122629bc2a8";
    assert_eq!(template_of(users), Some("/api/v1/users/{id}"));
    assert_eq!(
        template_of("/api/v1/practices/export"),
        Some("/api/v1/practices/export")
    );
    assert_eq!(
        template_of("/api/v1/events/x.ics"),
        Some("/api/v1/events/{id}.ics")
    );
    verify(&get, users, 200, &json, user("member").as_bytes()).unwrap();
    verify(&get, users, 404, &json, error).unwrap();
    let kind = |r: Result<(), Mismatch>| r.unwrap_err().0;
    assert_eq!(kind(verify(&get, users, 418, &json, error)), "status");
    assert_eq!(
        kind(verify(&get, users, 200, &json, user("Member").as_bytes())),
        "schema"
    );
    assert_eq!(kind(verify(&get, users, 200, &json, b"{}")), "schema");
    let text = json_headers("text/plain");
    assert_eq!(kind(verify(&get, users, 200, &text, b"hi")), "content");
    assert_eq!(
        kind(verify(&Method::PUT, users, 200, &json, b"{}")),
        "method"
    );
    assert_eq!(
        kind(verify(&get, "/api/v1/nothing", 200, &json, b"{}")),
        "unrouted"
    );
}
