//! The axe-core accessibility check, run inside the page the browser shows.
//!
//! axe-core comes from the npm registry, pinned by `tests/browser/package-lock.json`
//! (`npm ci --prefix tests/browser` installs it; `./dev test` does).

use std::fmt;
use std::path::PathBuf;
use std::sync::OnceLock;

use fantoccini::Client;
use serde::Deserialize;
use serde_json::json;

/// The WCAG 2.1 A and AA rules: what the site promises.
pub const WCAG21_AA: &[&str] = &["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"];

/// One rule the page breaks, with every element that breaks it.
#[derive(Debug, Clone, Deserialize)]
pub struct Violation {
    /// The rule, e.g. `color-contrast`.
    pub id: String,
    /// `minor`, `moderate`, `serious` or `critical`.
    pub impact: Option<String>,
    /// What the rule asks, in one line.
    pub help: String,
    /// Where the rule is explained.
    #[serde(rename = "helpUrl")]
    pub help_url: String,
    /// The elements that break it.
    pub nodes: Vec<ViolationNode>,
}

/// An element that breaks a rule.
#[derive(Debug, Clone, Deserialize)]
pub struct ViolationNode {
    /// CSS selectors leading to the element (more than one when it sits in a frame or shadow root).
    pub target: Vec<serde_json::Value>,
    /// The element's opening tag.
    pub html: String,
    /// What is wrong with this element in particular, e.g. the contrast ratio found.
    #[serde(rename = "failureSummary")]
    pub failure_summary: Option<String>,
}

impl Violation {
    /// Whether axe rates this as serious or critical: what blocks or badly hinders people.
    pub fn is_serious(&self) -> bool {
        matches!(self.impact.as_deref(), Some("serious" | "critical"))
    }
}

impl fmt::Display for Violation {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let impact = self.impact.as_deref().unwrap_or("no impact");
        writeln!(f, "{} ({impact}): {} <{}>", self.id, self.help, self.help_url)?;
        for node in &self.nodes {
            let target: Vec<String> =
                node.target.iter().map(|t| t.as_str().map_or_else(|| t.to_string(), str::to_string)).collect();
            writeln!(f, "    at {}: {}", target.join(" >> "), node.html)?;
            if let Some(summary) = &node.failure_summary {
                for line in summary.lines() {
                    writeln!(f, "       {line}")?;
                }
            }
        }
        Ok(())
    }
}

/// Runs axe-core with the rules tagged `tags` on the page `client` shows and returns the
/// violations it finds.
///
/// WebDriver scripts are exempt from the page's Content-Security-Policy, so axe runs even
/// though the site allows no inline script.
pub async fn axe_violations(client: &Client, tags: &[&str]) -> Vec<Violation> {
    client.execute(axe_source(), vec![]).await.unwrap_or_else(|e| panic!("cannot load axe-core into the page: {e}"));
    let script = "const [tags, done] = arguments;
        axe.run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] })
            .then(results => done({ violations: results.violations }), error => done({ error: String(error) }));";
    let result = client.execute_async(script, vec![json!(tags)]).await.unwrap_or_else(|e| panic!("axe.run failed: {e}"));
    if let Some(error) = result.get("error") {
        panic!("axe.run failed in the page: {error}");
    }
    serde_json::from_value(result["violations"].clone()).expect("axe's violations have the documented shape")
}

/// axe-core's minified source, read once.
fn axe_source() -> &'static str {
    static SOURCE: OnceLock<String> = OnceLock::new();
    SOURCE.get_or_init(|| {
        let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/browser/node_modules/axe-core/axe.min.js");
        std::fs::read_to_string(&path)
            .unwrap_or_else(|e| panic!("cannot read {} ({e}): run `npm ci --prefix tests/browser`", path.display()))
    })
}
