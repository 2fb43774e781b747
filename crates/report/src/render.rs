//! Markdown and HTML reports from templates. The shipped templates are embedded; a user's
//! templates of the same names replace them. Every value is escaped on output (HTML by
//! minijinja, Markdown by [`crate::escape::markdown`]), so article text is never markup.

use crate::{ReportData, ReportError, escape, labels};
use minijinja::{AutoEscape, Environment, Value, context};
use std::collections::BTreeMap;

/// The HTML report's template.
pub const HTML_TEMPLATE: &str = "report.html.jinja";
/// The Markdown report's template.
pub const MARKDOWN_TEMPLATE: &str = "report.md.jinja";
/// The templates a user can override, by file name.
pub const TEMPLATE_NAMES: &[&str] = &[HTML_TEMPLATE, MARKDOWN_TEMPLATE];

const SHIPPED: &[(&str, &str)] = &[
    (
        HTML_TEMPLATE,
        include_str!("../templates/report.html.jinja"),
    ),
    (
        MARKDOWN_TEMPLATE,
        include_str!("../templates/report.md.jinja"),
    ),
];

const MARKDOWN_ESCAPE: &str = "markdown";

/// Renders reports with the shipped templates or a user's.
pub struct Renderer {
    env: Environment<'static>,
}

impl Renderer {
    /// The shipped templates.
    pub fn new() -> Renderer {
        Renderer::with_overrides(&[]).expect("the shipped templates compile (tested)")
    }

    /// The shipped templates, with `(file name, source)` pairs replacing those of the same
    /// name. A template that does not compile is refused with its name and the reason.
    pub fn with_overrides(overrides: &[(String, String)]) -> Result<Renderer, ReportError> {
        let mut env = Environment::new();
        env.set_auto_escape_callback(|name| {
            if name.ends_with(".md.jinja") {
                AutoEscape::Custom(MARKDOWN_ESCAPE)
            } else {
                AutoEscape::Html
            }
        });
        env.set_formatter(|out, state, value| {
            if state.auto_escape() == AutoEscape::Custom(MARKDOWN_ESCAPE) {
                if value.is_safe() {
                    return out
                        .write_str(&value.to_string())
                        .map_err(minijinja::Error::from);
                }
                if value.is_none() || value.is_undefined() {
                    return Ok(());
                }
                return out
                    .write_str(&escape::markdown(&value.to_string()))
                    .map_err(minijinja::Error::from);
            }
            minijinja::escape_formatter(out, state, value)
        });
        env.set_undefined_behavior(minijinja::UndefinedBehavior::Lenient);
        for (name, source) in SHIPPED {
            let source = overrides
                .iter()
                .find(|(n, _)| n == name)
                .map_or(*source, |(_, s)| s.as_str());
            env.add_template_owned(name.to_string(), source.to_string())
                .map_err(|e| ReportError::Template {
                    name: name.to_string(),
                    detail: e.to_string(),
                })?;
        }
        if let Some((name, _)) = overrides
            .iter()
            .find(|(n, _)| !TEMPLATE_NAMES.contains(&n.as_str()))
        {
            return Err(ReportError::UnknownTemplate(
                name.clone(),
                TEMPLATE_NAMES.join(", "),
            ));
        }
        Ok(Renderer { env })
    }

    /// The self-contained HTML report (styles inline, no external requests).
    pub fn html(&self, data: &ReportData) -> Result<String, ReportError> {
        self.render(HTML_TEMPLATE, data)
    }

    pub fn markdown(&self, data: &ReportData) -> Result<String, ReportError> {
        self.render(MARKDOWN_TEMPLATE, data)
    }

    fn render(&self, name: &str, data: &ReportData) -> Result<String, ReportError> {
        let verdicts: BTreeMap<&str, &str> = data
            .scale
            .iter()
            .map(|v| (v.key.as_str(), data.verdict_label(&v.key)))
            .collect();
        let template = self
            .env
            .get_template(name)
            .map_err(|e| ReportError::Template {
                name: name.into(),
                detail: e.to_string(),
            })?;
        template
            .render(context! { report => Value::from_serialize(data), t => labels::labels(&data.language), verdicts => verdicts })
            .map_err(|e| ReportError::Template { name: name.into(), detail: e.to_string() })
    }
}

impl Default for Renderer {
    fn default() -> Self {
        Renderer::new()
    }
}
