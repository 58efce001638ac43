//! Every operation of the OpenAPI document, walked with malformed input generated from the
//! document itself (so a route added later is walked too): unknown and malformed ids, bad
//! query values, an empty body, a body that is not JSON, missing fields, and each body
//! property in turn with a wrong type or an out-of-range value; without a token and with
//! an admin's (so that authorization does not hide validation). Every answer must be a
//! status the document lists for the operation, with the documented body, and never 5xx.

use reqwest::Method;
use serde_json::{Map, Value, json};
use uuid::Uuid;

use crate::contract::{document, send_surveyed};
use crate::helpers::{TestApp, id};

/// The schema behind `$ref`s and single-entry combinators, with its type names.
fn resolve(doc: &Value, schema: &Value) -> Value {
    let mut s = schema.clone();
    for _ in 0..8 {
        if let Some(r) = s.get("$ref").and_then(Value::as_str) {
            s = doc
                .pointer(r.trim_start_matches('#'))
                .cloned()
                .unwrap_or(Value::Null);
            continue;
        }
        let inner = ["allOf", "oneOf", "anyOf"].iter().find_map(|k| {
            s.get(*k)?
                .as_array()?
                .iter()
                .find(|v| v.get("type") != Some(&json!("null")))
                .cloned()
        });
        match inner {
            Some(v) => s = v,
            None => break,
        }
    }
    s
}

fn types(schema: &Value) -> Vec<String> {
    match &schema["type"] {
        Value::String(t) => vec![t.clone()],
        Value::Array(a) => a
            .iter()
            .filter_map(|t| t.as_str().map(str::to_owned))
            .collect(),
        _ => Vec::new(),
    }
}

/// A plausible valid value, so that one bad property is the only thing wrong with a body.
fn sample(doc: &Value, schema: &Value) -> Value {
    let s = resolve(doc, schema);
    if let Some(first) = s["enum"].as_array().and_then(|e| e.first()) {
        return first.clone();
    }
    let ty = types(&s)
        .into_iter()
        .find(|t| t != "null")
        .unwrap_or_default();
    match (ty.as_str(), s["format"].as_str()) {
        ("string", Some("uuid")) => json!(Uuid::now_v7()),
        ("string", Some("date-time")) => json!(crate::helpers::at(24 * 60)),
        ("string", Some("date")) => json!("2030-01-01"),
        ("string", _) => json!("walk"),
        ("integer", _) | ("number", _) => json!(1),
        ("boolean", _) => json!(true),
        ("array", _) => json!([]),
        ("object", _) => {
            let mut m = Map::new();
            for r in s["required"].as_array().into_iter().flatten() {
                let r = r.as_str().unwrap_or_default();
                m.insert(r.to_owned(), sample(doc, &s["properties"][r]));
            }
            Value::Object(m)
        }
        _ => json!("walk"),
    }
}

/// Values of the wrong type, or out of any sensible range, for a property of `schema`.
fn malformed(doc: &Value, schema: &Value) -> Vec<Value> {
    let s = resolve(doc, schema);
    let mut out = Vec::new();
    if s.get("enum").is_some() {
        out.push(json!("no-such-value"));
    }
    for ty in types(&s) {
        match ty.as_str() {
            "string" => {
                out.push(json!(12345));
                out.push(json!("x".repeat(20_000)));
                if s["format"].as_str().is_some() {
                    out.push(json!("not-a-valid-value"));
                }
            }
            "integer" | "number" => {
                out.push(json!("not-a-number"));
                out.push(json!(-1));
                out.push(json!(1_000_000_000_000_i64));
                out.push(json!(1.5));
            }
            "boolean" => out.push(json!("yes")),
            "array" => {
                out.push(json!("not-a-list"));
                out.push(Value::Array(vec![json!({"nested": true}); 500]));
            }
            "object" => out.push(json!(7)),
            _ => {}
        }
    }
    if out.is_empty() {
        out.push(json!({"unexpected": [1, 2]}));
    }
    out
}

/// Bad values for a query parameter of `schema` (`limit` gets 0 and 100000 this way).
fn malformed_query(doc: &Value, schema: &Value) -> Vec<String> {
    let s = resolve(doc, schema);
    let mut out = vec!["%00".to_owned()];
    if s.get("enum").is_some() {
        out.push("no-such-value".into());
    }
    for ty in types(&s) {
        match ty.as_str() {
            "integer" | "number" => {
                out.extend(["0", "-1", "100000", "99999999999999999999", "abc"].map(String::from))
            }
            "boolean" => out.push("maybe".into()),
            "string" => out.push("x".repeat(3000)),
            "array" => out.push("x".repeat(3000)),
            _ => {}
        }
    }
    out
}

struct Walk<'a> {
    app: &'a TestApp,
    failures: Vec<String>,
    requests: usize,
}

impl Walk<'_> {
    async fn send(&mut self, label: &str, req: reqwest::RequestBuilder) {
        self.requests += 1;
        let (status, body, problem) = send_surveyed(req).await.expect("request");
        if status >= 500 {
            self.failures.push(format!(
                "{label}: {status} {}",
                String::from_utf8_lossy(&body[..body.len().min(300)])
            ));
        } else if let Some(problem) = problem {
            self.failures.push(format!("{label}: {problem}"));
        }
    }

    fn request(&self, method: &Method, path: &str, token: Option<&str>) -> reqwest::RequestBuilder {
        let req = self.app.client.request(method.clone(), self.app.url(path));
        match token {
            Some(t) => req.bearer_auth(t),
            None => req,
        }
    }
}

#[tokio::test]
async fn every_operation_answers_malformed_input_as_documented() {
    let app = TestApp::spawn().await;
    let doc = document();
    let admin = app.admin("walker").await;

    // Real records, so that ids reach the checks behind "not found".
    let org = app.city(&admin, "Walkton", "ES").await;
    let event = app.published_event(&admin, json!({})).await;
    let room = app
        .create_room(&admin, json!({"name": "Walk room", "access": "open"}))
        .await;
    let themes = app.theme_ids().await;
    let practice = app
        .create_practice(
            &admin,
            json!({"organization_id": org, "title": "Walked practice", "summary": "S.",
                   "body": "B.", "theme_ids": [themes["green-mobility"]], "language": "en",
                   "implementation_status": "ongoing"}),
        )
        .await;
    let document = app
        .upload_document(
            &admin,
            "practice",
            id(&practice),
            b"%PDF-1.7\n".to_vec(),
            "w.pdf",
        )
        .await;
    let real = |path: &str| -> Option<String> {
        let collection = path.trim_start_matches("/api/v1/").split('/').next()?;
        Some(match collection {
            "users" => admin.id.to_string(),
            "organizations" => org.clone(),
            "events" => id(&event).to_owned(),
            "rooms" => id(&room).to_owned(),
            "practices" => id(&practice).to_owned(),
            "documents" => id(&document).to_owned(),
            _ => return None,
        })
    };

    let mut walk = Walk {
        app: &app,
        failures: Vec::new(),
        requests: 0,
    };
    let tokens = [None, Some(admin.access.as_str())];
    let mut operations = 0;
    // Deletions last, so that the records the other operations are walked on still exist.
    let mut ops: Vec<(&String, &String, &Value)> = doc["paths"]
        .as_object()
        .unwrap()
        .iter()
        .filter(|(template, _)| template.starts_with("/api/v1/"))
        .flat_map(|(template, item)| {
            let item = item.as_object().unwrap();
            item.iter().map(move |(method, op)| (template, method, op))
        })
        .collect();
    ops.sort_by_key(|(template, method, _)| (*method == "delete", template.as_str()));
    {
        for (template, method, op) in ops {
            let Ok(m) = Method::from_bytes(method.to_uppercase().as_bytes()) else {
                continue;
            };
            operations += 1;
            let params: Vec<Value> = op["parameters"].as_array().cloned().unwrap_or_default();
            let path_params: Vec<&Value> = params.iter().filter(|p| p["in"] == "path").collect();
            // The path with every parameter set to `value(param)`.
            let fill = |value: &dyn Fn(&Value) -> String| {
                let mut p = template.clone();
                for param in &path_params {
                    let name = param["name"].as_str().unwrap();
                    p = p.replace(&format!("{{{name}}}"), &value(param));
                }
                p
            };
            let is_uuid = |p: &Value| resolve(doc, &p["schema"])["format"] == "uuid";
            let is_int = |p: &Value| {
                types(&resolve(doc, &p["schema"]))
                    .iter()
                    .any(|t| t == "integer")
            };
            let first_id = |p: &Value| p["name"] == "id";
            let good = fill(&|p| match () {
                _ if is_uuid(p) && first_id(p) => {
                    real(template).unwrap_or_else(|| Uuid::now_v7().to_string())
                }
                _ if is_uuid(p) => admin.id.to_string(),
                _ if is_int(p) => "1".into(),
                _ if p["name"] == "slug" => "green-mobility".into(),
                _ => "no-such-thing".into(),
            });
            let mut paths = vec![good.clone()];
            if !path_params.is_empty() {
                paths.push(fill(&|p| {
                    if is_uuid(p) {
                        Uuid::new_v4().to_string()
                    } else {
                        "999999".into()
                    }
                }));
                paths.push(fill(&|p| {
                    if is_int(p) {
                        "99999999999999999999".into()
                    } else {
                        "not-a-uuid".into()
                    }
                }));
            }
            let label = |what: &str| format!("{} {template} ({what})", method.to_uppercase());

            // Ids and tokens, with no query and no body.
            for path in &paths {
                for token in tokens {
                    let req = walk.request(&m, path, token);
                    walk.send(&label(&format!("{path}, token: {}", token.is_some())), req)
                        .await;
                }
            }
            // Each query parameter in turn with bad values.
            for param in params.iter().filter(|p| p["in"] == "query") {
                let name = param["name"].as_str().unwrap();
                for bad in malformed_query(doc, &param["schema"]) {
                    let shown: String = bad.chars().take(24).collect();
                    let req = walk.request(&m, &format!("{good}?{name}={bad}"), tokens[1]);
                    walk.send(&label(&format!("?{name}={shown}")), req).await;
                }
            }
            // Bodies.
            let content = op["requestBody"]["content"].as_object();
            let Some(content) = content else { continue };
            let json_schema = content
                .iter()
                .find(|(media, _)| media.ends_with("json"))
                .map(|(_, c)| c["schema"].clone());
            for token in tokens {
                for (what, ct, body) in [
                    ("empty body", "application/json", String::new()),
                    ("text/plain body", "text/plain", "hello".to_owned()),
                    ("invalid JSON", "application/json", "{\"a\":".to_owned()),
                    ("a JSON array", "application/json", "[1,2]".to_owned()),
                    ("empty object", "application/json", "{}".to_owned()),
                    (
                        "empty multipart",
                        "multipart/form-data; boundary=x",
                        "--x--\r\n".to_owned(),
                    ),
                    (
                        "cut-off multipart",
                        "multipart/form-data; boundary=x",
                        "--x\r\nContent-Disposition: form-data; name=\"file\"; \
                         filename=\"a.pdf\"\r\n\r\n%PDF"
                            .to_owned(),
                    ),
                ] {
                    let req = walk
                        .request(&m, &good, token)
                        .header("content-type", ct)
                        .body(body);
                    walk.send(&label(&format!("{what}, token: {}", token.is_some())), req)
                        .await;
                }
            }
            let Some(schema) = json_schema else { continue };
            let schema = resolve(doc, &schema);
            let base = sample(doc, &schema);
            let props = schema["properties"]
                .as_object()
                .cloned()
                .unwrap_or_default();
            for (name, prop) in &props {
                for bad in malformed(doc, prop) {
                    let mut body = base.clone();
                    body[name.as_str()] = bad.clone();
                    let shown: String = bad.to_string().chars().take(24).collect();
                    let req = walk.request(&m, &good, tokens[1]).json(&body);
                    walk.send(&label(&format!("{name} = {shown}")), req).await;
                }
                // Each required property missing.
                if schema["required"]
                    .as_array()
                    .is_some_and(|r| r.contains(&json!(name)))
                {
                    let mut body = base.clone();
                    body.as_object_mut().unwrap().remove(name);
                    let req = walk.request(&m, &good, tokens[1]).json(&body);
                    walk.send(&label(&format!("without {name}")), req).await;
                }
            }
        }
    }
    eprintln!(
        "walked {operations} operations with {} requests",
        walk.requests
    );
    assert!(
        operations > 80,
        "the walk found only {operations} operations"
    );
    assert!(
        walk.failures.is_empty(),
        "{} of {} answers are undocumented or server errors:\n{}",
        walk.failures.len(),
        walk.requests,
        walk.failures.join("\n")
    );
}
