//! The languages editor: a code and a share of volume per row. Rows keep the
//! typed text; the scenario takes the list only when the model accepts it
//! (codes valid, shares summing to 100%).

use std::fmt::Write as _;

use leptos::prelude::*;
use wasm_bindgen::JsValue;

use super::browser;
use super::format::Fmt;
use super::markup::esc;
use super::messages;
use super::state::Calc;
use crate::i18n::{Texts, fill};
use crate::model::scenario::{LANGUAGE_SHARE_SPEC, MAX_LANGUAGES};
use crate::model::{FieldRef, LanguageShare, Scenario};

#[derive(Clone, Debug, PartialEq)]
struct Row {
    id: u32,
    code: String,
    share: String,
}

fn rows_of(s: &Scenario, first_id: u32, f: &Fmt) -> Vec<Row> {
    s.languages
        .iter()
        .zip(first_id..)
        .map(|(l, id)| Row {
            id,
            code: l.code.clone(),
            share: f.plain(l.share_pct),
        })
        .collect()
}

/// The list the rows describe, or the first thing wrong with it.
fn parse(
    rows: &[Row],
    scenario: &Scenario,
    f: &Fmt,
    t: &Texts,
) -> Result<Vec<LanguageShare>, String> {
    let mut list = Vec::with_capacity(rows.len());
    for row in rows {
        let share = messages::read(&LANGUAGE_SHARE_SPEC, &row.share, f, t)
            .map_err(|m| fill(t.err_in, &[row.code.trim(), &m]))?;
        list.push(LanguageShare {
            code: row.code.trim().to_ascii_lowercase(),
            share_pct: share,
        });
    }
    let mut next = scenario.clone();
    next.languages = list.clone();
    match next
        .validate()
        .into_iter()
        .find(|p| p.field == FieldRef::Languages)
    {
        Some(problem) => Err(messages::problem(&problem.kind, f, t)),
        None => Ok(list),
    }
}

/// The rows as markup: drawn again only when rows come or go (typing
/// updates the list without a redraw).
fn rows_markup(rows: &[Row], t: &Texts) -> String {
    let removable = if rows.len() > 1 { "" } else { " disabled" };
    let mut out = String::new();
    for (i, row) in rows.iter().enumerate() {
        let code_label = if i == 0 {
            t.lang_code_primary
        } else {
            t.lang_code
        };
        let _ = write!(
            out,
            "<tr><td><input type=\"text\" id=\"lang-code-{id}\" maxlength=\"3\" aria-label=\"{}\" value=\"{}\" data-row=\"{id}\" data-col=\"code\"></td>\
             <td><input type=\"text\" inputmode=\"decimal\" aria-label=\"{}\" value=\"{}\" data-row=\"{id}\" data-col=\"share\"></td>\
             <td><button type=\"button\" class=\"remove\" aria-label=\"{}\" data-row=\"{id}\"{removable}>×</button></td></tr>",
            esc(code_label),
            esc(&row.code),
            esc(t.lang_share),
            esc(&row.share),
            esc(t.lang_remove),
            id = row.id,
        );
    }
    out
}

/// The editor's rows, kept above the language switch so typed text
/// survives it.
#[derive(Clone, Copy)]
pub struct LanguageRows {
    rows: StoredValue<Vec<Row>>,
    next_id: StoredValue<u32>,
}

impl LanguageRows {
    pub fn new(calc: Calc) -> Self {
        let rows = LanguageRows {
            rows: StoredValue::new(Vec::new()),
            next_id: StoredValue::new(0),
        };
        rows.take_scenario(calc);
        rows
    }

    fn take_scenario(&self, calc: Calc) {
        let first = self.next_id.get_value();
        let f = calc.fmt_untracked();
        let fresh = calc.scenario.with_untracked(|s| rows_of(s, first, &f));
        self.next_id.set_value(first + fresh.len() as u32);
        self.rows.set_value(fresh);
    }

    /// Shows the scenario's list, dropping any pending text: a preset or a
    /// link replaced it.
    pub fn refill(&self, calc: Calc) {
        self.take_scenario(calc);
        self.redraw(calc);
        browser::set_prop("lang-note", "innerHTML", &JsValue::from_str(""));
    }

    fn redraw(&self, calc: Calc) {
        let (markup, full) = self
            .rows
            .with_value(|r| (rows_markup(r, calc.t()), r.len() >= MAX_LANGUAGES));
        browser::set_prop("lang-rows", "innerHTML", &JsValue::from_str(&markup));
        browser::set_prop("lang-add", "disabled", &JsValue::from_bool(full));
    }

    /// The scenario takes the rows if the model accepts them; otherwise the
    /// editor says why.
    fn commit(&self, calc: Calc) {
        let (f, t) = (calc.fmt_untracked(), calc.t());
        let parsed = self
            .rows
            .with_value(|r| calc.scenario.with_untracked(|s| parse(r, s, &f, t)));
        let note = match parsed {
            Ok(list) => {
                calc.set_pending("langs", None);
                if calc.scenario.with_untracked(|s| s.languages != list) {
                    calc.update(|s| s.languages = list);
                }
                String::new()
            }
            Err(message) => {
                calc.set_pending("langs", Some(String::new()));
                error_markup(&message)
            }
        };
        browser::set_prop("lang-note", "innerHTML", &JsValue::from_str(&note));
    }

    /// Text typed in a cell (`col` "code" or "share") of row `id`.
    pub fn edit(&self, calc: Calc, id: u32, col: &str, value: String) {
        self.rows.update_value(|r| {
            if let Some(row) = r.iter_mut().find(|row| row.id == id) {
                match col {
                    "code" => row.code = value,
                    _ => row.share = value,
                }
            }
        });
        self.commit(calc);
    }

    /// Adds an empty row, with the keyboard in its code.
    pub fn add(&self, calc: Calc) {
        let id = self.next_id.get_value();
        self.next_id.set_value(id + 1);
        self.rows.update_value(|r| {
            r.push(Row {
                id,
                code: String::new(),
                share: "0".into(),
            })
        });
        self.redraw(calc);
        self.commit(calc);
        browser::focus_soon(&format!("lang-code-{id}"));
    }

    /// Removes a row; the keyboard goes to the add button, since the
    /// button it was on is gone.
    pub fn remove(&self, calc: Calc, id: u32) {
        self.rows.update_value(|r| r.retain(|row| row.id != id));
        self.redraw(calc);
        self.commit(calc);
        browser::focus_soon("lang-add");
    }

    /// The editor's table, note and add button. Rows kept from before a
    /// language switch show their message again.
    pub fn markup(&self, out: &mut String, calc: Calc) {
        let (f, t) = (calc.fmt_untracked(), calc.t());
        let (rows, error, full) = self.rows.with_value(|r| {
            let error = calc
                .pending_text("langs")
                .and_then(|_| calc.scenario.with_untracked(|s| parse(r, s, &f, t)).err());
            (rows_markup(r, t), error, r.len() >= MAX_LANGUAGES)
        });
        let _ = write!(
            out,
            "<table class=\"lang-table\"><thead><tr><th scope=\"col\">{}</th><th scope=\"col\">{}</th>\
             <th scope=\"col\"><span class=\"visually-hidden\">{}</span></th></tr></thead>\
             <tbody id=\"lang-rows\">{rows}</tbody></table>\
             <p class=\"note\" id=\"lang-note\" aria-live=\"polite\">{}</p>\
             <button type=\"button\" id=\"lang-add\"{}>{}</button>",
            esc(t.lang_code),
            esc(t.lang_share),
            esc(t.lang_remove),
            error.as_deref().map(error_markup).unwrap_or_default(),
            if full { " disabled" } else { "" },
            esc(t.lang_add),
        );
    }
}

fn error_markup(message: &str) -> String {
    format!(
        "<span class=\"error\" data-testid=\"languages-error\">{}</span>",
        esc(message)
    )
}
