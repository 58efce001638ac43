//! axe-core in the page: the vendored `tests/browser-vendor/axe.min.js` is evaluated in the
//! visited page and run with the WCAG 2.1 A and AA rules. Every `Browser::axe` is recorded so
//! that the run ends with a summary of the pages checked.

use std::io::Write as _;
use std::sync::{Mutex, OnceLock};

use serde::Deserialize;
use serde_json::Value;

/// The rules that WEB.md promises: WCAG 2.0 and 2.1, levels A and AA.
pub const TAGS: [&str; 4] = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"];

const AXE_FILE: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/tests/browser-vendor/axe.min.js"
);

/// The source, read once per process.
pub fn source() -> &'static str {
    static SOURCE: OnceLock<String> = OnceLock::new();
    SOURCE.get_or_init(|| {
        std::fs::read_to_string(AXE_FILE).unwrap_or_else(|e| panic!("reading {AXE_FILE}: {e}"))
    })
}

/// The script that runs axe on the page it is injected in; its promise is awaited by the
/// driver (W3C Execute Script). Only what a report prints crosses the wire.
pub const RUN: &str = r#"
return axe.run(document, {
  runOnly: { type: "tag", values: arguments[0] },
  resultTypes: ["violations"],
}).then((r) => r.violations.map((v) => ({
  id: v.id,
  impact: v.impact || "",
  help: v.help,
  help_url: v.helpUrl,
  nodes: v.nodes.map((n) => ({
    target: JSON.stringify(n.target),
    html: n.html,
    summary: n.failureSummary || "",
  })),
})));
"#;

#[derive(Debug, Clone, Deserialize)]
pub struct Violation {
    pub id: String,
    /// `minor`, `moderate`, `serious` or `critical`.
    pub impact: String,
    pub help: String,
    pub help_url: String,
    pub nodes: Vec<ViolatingNode>,
}

#[derive(Debug, Clone, Deserialize)]
pub struct ViolatingNode {
    /// axe's CSS selector path, as JSON.
    pub target: String,
    pub html: String,
    pub summary: String,
}

/// What axe found on one page.
#[derive(Debug, Clone)]
pub struct AxeReport {
    /// The page, as `Browser::location` names it.
    pub page: String,
    pub violations: Vec<Violation>,
}

impl AxeReport {
    pub fn parse(page: String, raw: Value) -> Self {
        let violations = serde_json::from_value(raw.clone())
            .unwrap_or_else(|e| panic!("axe on {page} answered something unexpected ({e}): {raw}"));
        Self { page, violations }
    }

    /// The violations that fail a story.
    pub fn serious(&self) -> Vec<&Violation> {
        self.violations
            .iter()
            .filter(|v| v.impact == "serious" || v.impact == "critical")
            .collect()
    }

    pub fn ids(&self) -> Vec<&str> {
        self.violations.iter().map(|v| v.id.as_str()).collect()
    }

    /// The report as `Browser::axe` prints it: one line, then each violation and its nodes.
    pub fn render(&self) -> String {
        let mut out = format!(
            "axe {}: {} serious/critical ({} violations in all)\n",
            self.page,
            self.serious().len(),
            self.violations.len()
        );
        for v in &self.violations {
            out += &format!(
                "  [{}] {}: {} ({} node{}) {}\n",
                v.impact,
                v.id,
                v.help,
                v.nodes.len(),
                if v.nodes.len() == 1 { "" } else { "s" },
                v.help_url
            );
            for n in v.nodes.iter().take(10) {
                out += &format!("    {} {}\n", n.target, shorten(&n.html, 200));
                for line in n.summary.lines() {
                    out += &format!("      {line}\n");
                }
            }
            if v.nodes.len() > 10 {
                out += &format!("    ... and {} more\n", v.nodes.len() - 10);
            }
        }
        out
    }

    /// Panics, naming the rules, if anything serious or critical was found.
    pub fn assert_no_serious(&self) {
        let serious = self.serious();
        assert!(
            serious.is_empty(),
            "axe found {} serious/critical violation(s) on {}: {} (details above)",
            serious.len(),
            self.page,
            serious
                .iter()
                .map(|v| v.id.as_str())
                .collect::<Vec<_>>()
                .join(", ")
        );
    }
}

fn shorten(s: &str, max: usize) -> String {
    let s = s.split_whitespace().collect::<Vec<_>>().join(" ");
    match s.char_indices().nth(max) {
        Some((i, _)) => format!("{}...", &s[..i]),
        None => s,
    }
}

struct Checked {
    test: String,
    page: String,
    serious: usize,
    all: usize,
}

static CHECKED: Mutex<Vec<Checked>> = Mutex::new(Vec::new());
/// Every page a story visited, so that the summary can name those never checked.
static VISITED: Mutex<Vec<String>> = Mutex::new(Vec::new());

pub fn record_visit(page: String) {
    VISITED.lock().unwrap().push(page);
}

pub fn record(test: &str, report: &AxeReport) {
    CHECKED.lock().unwrap().push(Checked {
        test: test.to_owned(),
        page: report.page.clone(),
        serious: report.serious().len(),
        all: report.violations.len(),
    });
}

/// Printed at exit, after libtest's own summary (and outside its output capture).
pub fn print_summary() {
    let (Ok(checked), Ok(visited)) = (CHECKED.lock(), VISITED.lock()) else {
        return;
    };
    if checked.is_empty() && visited.is_empty() {
        return;
    }
    let failing = checked.iter().filter(|c| c.serious > 0).count();
    let mut out = format!(
        "\naxe summary: {} page check(s), {} with serious/critical violations\n",
        checked.len(),
        failing
    );
    for c in checked.iter() {
        out += &format!(
            "  {:<40} {:>3} serious/critical {:>3} in all  ({})\n",
            c.page, c.serious, c.all, c.test
        );
    }
    let mut unchecked: Vec<&String> = visited
        .iter()
        .filter(|v| !checked.iter().any(|c| &c.page == *v))
        .collect();
    unchecked.sort();
    unchecked.dedup();
    if !unchecked.is_empty() {
        out += &format!("visited but never checked with axe: {}\n", unchecked.len());
        for page in unchecked {
            out += &format!("  {page}\n");
        }
    }
    let _ = std::io::stdout().write_all(out.as_bytes());
    let _ = std::io::stdout().flush();
}
