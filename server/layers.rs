//! The layering of the crate, checked: every top-level module belongs to a layer, the
//! platform imports no domain, a domain imports only the domains below it, nothing below
//! the composition root imports it, and no two top-level modules reach each other (no import circle).
//! `docs/ARCHITECTURE.md` explains the layers; this test keeps that page true.
//!
//! It reads the sources as text: every `crate::x` path (in `use` lines, in code, and in
//! string attributes such as `deserialize_with = "crate::x::f"`) and every `super::`
//! chain that climbs out of its top-level module counts as an import of `x`.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

/// Below the domains: infrastructure and the vocabulary they share. Imports no domain.
const PLATFORM: &[&str] = &[
    "csv_export",
    "db",
    "domain",
    "error",
    "extract",
    "health",
    "jwt",
    "markdown",
    "metrics",
    "pagination",
    "pubsub",
    "rate_limit",
    "settings",
    "shared",
    "state",
    "storage",
    "telemetry",
    "web",
];

/// The domains, lowest first: each may import the platform and the domains before it.
const DOMAINS: &[&str] = &[
    "auth",
    "orgs",
    "users",
    "themes",
    "practices",
    "rooms",
    "events",
    "documents",
    "account",
    "site",
    "admin",
];

/// Wires everything together; nothing below imports it.
const ROOT: &[&str] = &["startup", "cli"];

/// Files at the crate root that are not modules of their own.
const CRATE_FILES: &[&str] = &["lib", "main", "layers"];

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Layer {
    Platform,
    Domain(usize),
    Root,
}

fn layer(module: &str) -> Option<Layer> {
    if PLATFORM.contains(&module) {
        Some(Layer::Platform)
    } else if let Some(i) = DOMAINS.iter().position(|d| *d == module) {
        Some(Layer::Domain(i))
    } else if ROOT.contains(&module) {
        Some(Layer::Root)
    } else {
        None
    }
}

/// An import of `to` by `from`, seen at `at` (file:line).
#[derive(Debug, Clone)]
struct Edge {
    to: String,
    at: String,
}

type Graph = BTreeMap<String, Vec<Edge>>;

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).expect("reading server/") {
        let path = entry.expect("a directory entry").path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// The module path of a file below `root`: `rooms/hub.rs` is `[rooms, hub]`,
/// `rooms/mod.rs` is `[rooms]`.
fn module_path(root: &Path, file: &Path) -> Vec<String> {
    let rel = file.strip_prefix(root).expect("below root");
    let mut parts: Vec<String> = rel
        .iter()
        .map(|p| p.to_string_lossy().trim_end_matches(".rs").to_owned())
        .collect();
    if parts.last().is_some_and(|p| p == "mod") {
        parts.pop();
    }
    parts
}

fn ident_at(s: &str) -> &str {
    let end = s
        .find(|c: char| !(c.is_ascii_alphanumeric() || c == '_'))
        .unwrap_or(s.len());
    &s[..end]
}

/// The top-level modules a line of code names.
fn imports_in_line(line: &str, module: &[String]) -> Vec<String> {
    // Comments say what they like; strings are kept (serde's `with = "crate::x"` is code).
    let code = match line.find("//") {
        Some(i) if i == 0 || line[..i].ends_with(char::is_whitespace) => &line[..i],
        _ => line,
    };
    let mut found = Vec::new();
    let mut rest = code;
    while let Some(i) = rest.find("crate::") {
        let after = &rest[i + "crate::".len()..];
        if let Some(group) = after.strip_prefix('{') {
            let inner = &group[..group.find('}').unwrap_or(group.len())];
            for item in inner.split(',') {
                let name = ident_at(item.trim());
                if !name.is_empty() {
                    found.push(name.to_owned());
                }
            }
        } else {
            found.push(ident_at(after).to_owned());
        }
        rest = after;
    }
    // `super::super::x` from `a/b/c.rs` names `a::x`; from `a/b.rs` it names the crate's `x`.
    let mut rest = code;
    while let Some(i) = rest.find("super::") {
        let mut after = &rest[i..];
        let mut ups = 0;
        while let Some(a) = after.strip_prefix("super::") {
            ups += 1;
            after = a;
        }
        let depth = module.len().saturating_sub(ups);
        if depth == 0 && ups <= module.len() {
            found.push(ident_at(after).to_owned());
        }
        rest = &rest[i + "super::".len() * ups..];
    }
    found
}

fn graph(root: &Path) -> Graph {
    let mut files = Vec::new();
    rust_files(root, &mut files);
    files.sort();
    let mut g = Graph::new();
    for file in files {
        let module = module_path(root, &file);
        let top = module[0].clone();
        if CRATE_FILES.contains(&top.as_str()) {
            continue;
        }
        let text = std::fs::read_to_string(&file).expect("reading a source file");
        let edges = g.entry(top.clone()).or_default();
        for (n, line) in text.lines().enumerate() {
            for to in imports_in_line(line, &module) {
                if to != top {
                    edges.push(Edge {
                        to,
                        at: format!(
                            "server/{}:{}",
                            file.strip_prefix(root).unwrap().display(),
                            n + 1
                        ),
                    });
                }
            }
        }
    }
    // Names that are not modules (macros exported at the root, such as `text_enum!`).
    let modules: BTreeSet<String> = g.keys().cloned().collect();
    for edges in g.values_mut() {
        edges.retain(|e| modules.contains(&e.to));
    }
    g
}

/// Every broken rule, one line each.
fn violations(g: &Graph) -> Vec<String> {
    let mut out = Vec::new();
    for (from, edges) in g {
        let Some(from_layer) = layer(from) else {
            out.push(format!(
                "`{from}` belongs to no layer: add it to PLATFORM, DOMAINS or ROOT in server/layers.rs and to docs/ARCHITECTURE.md"
            ));
            continue;
        };
        for e in edges {
            let Some(to_layer) = layer(&e.to) else {
                continue;
            };
            let wrong = match (from_layer, to_layer) {
                (Layer::Platform | Layer::Domain(_), Layer::Root) => {
                    Some("nothing below the composition root imports it")
                }
                (Layer::Platform, Layer::Domain(_)) => Some("the platform imports no domain"),
                (Layer::Domain(a), Layer::Domain(b)) if b > a => {
                    Some("a domain imports only the domains below it")
                }
                _ => None,
            };
            if let Some(rule) = wrong {
                out.push(format!("{}: `{from}` imports `{}`: {rule}", e.at, e.to));
            }
        }
    }
    out.extend(cycles(g));
    out
}

/// Each import circle among top-level modules, with one file:line per step.
fn cycles(g: &Graph) -> Vec<String> {
    // Depth-first search; a back edge closes a circle.
    fn visit(
        g: &Graph,
        node: &str,
        stack: &mut Vec<(String, String)>,
        done: &mut BTreeSet<String>,
        out: &mut Vec<String>,
    ) {
        if done.contains(node) {
            return;
        }
        let mut seen = BTreeSet::new();
        for e in g.get(node).into_iter().flatten() {
            if !seen.insert(e.to.clone()) {
                continue;
            }
            if let Some(start) = stack.iter().position(|(m, _)| *m == e.to) {
                let mut steps: Vec<String> = stack[start..]
                    .windows(2)
                    .map(|w| format!("{} -> {} ({})", w[0].0, w[1].0, w[1].1))
                    .collect();
                steps.push(format!("{node} -> {} ({})", e.to, e.at));
                out.push(format!("import circle: {}", steps.join(", ")));
                continue;
            }
            stack.push((e.to.clone(), e.at.clone()));
            visit(g, &e.to, stack, done, out);
            stack.pop();
        }
        done.insert(node.to_owned());
    }
    let mut out = Vec::new();
    let mut done = BTreeSet::new();
    for node in g.keys() {
        let mut stack = vec![(node.clone(), String::new())];
        visit(g, node, &mut stack, &mut done, &mut out);
    }
    out
}

#[test]
fn the_layers_hold_and_no_modules_import_each_other() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("server");
    let g = graph(&root);
    let edges: usize = g
        .values()
        .map(|e| {
            e.iter()
                .map(|e| e.to.as_str())
                .collect::<BTreeSet<_>>()
                .len()
        })
        .sum();
    eprintln!(
        "layers: {} top-level modules, {edges} imports between them",
        g.len()
    );
    assert!(
        g.len() >= 25,
        "expected the whole crate, read {} modules",
        g.len()
    );
    let v = violations(&g);
    assert!(v.is_empty(), "the layering is broken:\n{}", v.join("\n"));
}

#[test]
fn a_wrong_way_import_and_a_circle_are_caught() {
    let edge = |to: &str| Edge {
        to: to.into(),
        at: "x.rs:1".into(),
    };
    let mut g = Graph::new();
    g.insert("rooms".into(), vec![edge("events"), edge("error")]);
    g.insert("events".into(), vec![edge("rooms")]);
    g.insert("error".into(), vec![edge("rooms")]);
    g.insert("startup".into(), vec![edge("rooms")]);
    g.insert("cli".into(), vec![edge("startup")]);
    let v = violations(&g);
    let has = |s: &str| v.iter().any(|l| l.contains(s));
    assert!(
        has("`rooms` imports `events`: a domain imports only"),
        "{v:#?}"
    );
    assert!(
        has("`error` imports `rooms`: the platform imports no domain"),
        "{v:#?}"
    );
    assert!(has("import circle: rooms -> events"), "{v:#?}");
    assert!(!has("`startup` imports"), "{v:#?}");
    assert!(!has("`cli` imports"), "{v:#?}");
}

#[test]
fn imports_are_read_from_every_form_of_path() {
    let m = |p: &[&str]| p.iter().map(|s| s.to_string()).collect::<Vec<_>>();
    assert_eq!(
        imports_in_line("use crate::rooms::api;", &m(&["events", "service"])),
        ["rooms"]
    );
    assert_eq!(
        imports_in_line("use crate::{auth, db::DbPool};", &m(&["startup"])),
        ["auth", "db"]
    );
    assert_eq!(
        imports_in_line(
            r#"#[serde(deserialize_with = "crate::shared::x")]"#,
            &m(&["a", "b"])
        ),
        ["shared"]
    );
    assert_eq!(
        imports_in_line("use super::super::orgs::X;", &m(&["a", "b"])),
        ["orgs"]
    );
    assert!(imports_in_line("use super::repo;", &m(&["a", "b"])).is_empty());
    assert!(imports_in_line("    // see crate::rooms", &m(&["a"])).is_empty());
}
