//! Read-only tables and charts written as markup strings and set with
//! `inner_html`: a figure that is redrawn whole on every change gains
//! nothing from fine-grained reactivity, and a string builder is a small
//! fraction of the wasm that typed views of the same markup compile to.
//!
//! Every text goes through [`esc`], so nothing reaches the markup as
//! written, whatever a link or a field held.

use std::fmt::Write as _;

use crate::model::ModelKind;

/// `text` with the characters that mean something in HTML escaped.
pub fn esc(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// The note under a box: the message when what was typed is wrong, else
/// the hint.
pub fn note(error: Option<&str>, hint: &str) -> String {
    match error {
        Some(message) => format!("<span class=\"error\">{}</span>", esc(message)),
        None => format!("<span class=\"hint\">{}</span>", esc(hint)),
    }
}

/// A coordinate or length with one decimal, for SVG and CSS.
pub fn coord(value: f64) -> String {
    crate::model::decimal::write_fixed(value, 1).unwrap_or_else(|| "0".into())
}

/// `<thead>` with one column per model, after a column of row labels.
pub fn models_head(out: &mut String, name: impl Fn(ModelKind) -> &'static str) {
    out.push_str("<thead><tr><td></td>");
    for kind in ModelKind::ALL {
        let _ = write!(out, "<th scope=\"col\">{}</th>", esc(name(kind)));
    }
    out.push_str("</tr></thead>");
}

/// A body row: a row header and its cells, each escaped.
pub fn row(out: &mut String, label: &str, cells: &[String]) {
    let _ = write!(out, "<tr><th scope=\"row\">{}</th>", esc(label));
    for cell in cells {
        let _ = write!(out, "<td>{}</td>", esc(cell));
    }
    out.push_str("</tr>");
}

/// The `<option>`s of a select: (value, label, selected). Setting them as
/// markup also selects the right one, and costs one string, not one
/// typed view per list.
pub fn options<'a>(items: impl IntoIterator<Item = (&'a str, &'a str, bool)>) -> String {
    let mut out = String::new();
    for (value, label, selected) in items {
        let _ = write!(
            out,
            "<option value=\"{}\"{}>{}</option>",
            esc(value),
            if selected { " selected" } else { "" },
            esc(label)
        );
    }
    out
}
