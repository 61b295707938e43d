//! The languages editor: a code and a share of volume per row. Rows keep the
//! typed text; the scenario takes the list only when the model accepts it
//! (codes valid, shares summing to 100%).

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use std::fmt::Write as _;

use super::format::Fmt;
use super::inputs::{NumberField, Toggle};
use super::markup::esc;
use super::messages;
use super::state::Calc;
use crate::i18n::{Texts, fill};
use crate::model::scenario::{LANGUAGE_SHARE_SPEC, MAX_LANGUAGES};
use crate::model::{Field, FieldRef, LanguageShare, Scenario};

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
        let share = f.read(&LANGUAGE_SHARE_SPEC, &row.share).map_err(|e| {
            fill(
                t.err_in,
                &[row.code.trim(), &messages::field_error(&e, f, t)],
            )
        })?;
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
/// updates the list without a redraw), and one string rather than a typed
/// view per cell. A plain list rather than <For>: keyed diffing (and
/// indexmap) costs ~7 KB gzip of wasm, for lists of a few rows.
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
            "<tr><td><input type=\"text\" maxlength=\"3\" aria-label=\"{}\" value=\"{}\" data-row=\"{id}\" data-col=\"code\"></td>\
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

/// The row id and column named by the `data-` attributes of the element an
/// event came from.
fn event_cell(ev: &web_sys::Event) -> Option<(u32, String)> {
    let target: web_sys::Element = ev.target()?.dyn_into().ok()?;
    let id = target.get_attribute("data-row")?.parse().ok()?;
    Some((id, target.get_attribute("data-col").unwrap_or_default()))
}

/// The editor's rows, kept above the language switch so typed text
/// survives it.
#[derive(Clone, Copy)]
pub struct LanguageRows {
    rows: RwSignal<Vec<Row>>,
    next_id: StoredValue<u32>,
}

impl LanguageRows {
    pub fn new(calc: Calc) -> Self {
        let rows = LanguageRows {
            rows: RwSignal::new(Vec::new()),
            next_id: StoredValue::new(0),
        };
        rows.refill(calc);
        rows
    }

    /// Shows the scenario's list, dropping any pending text.
    fn refill(&self, calc: Calc) {
        let first = self.next_id.get_value();
        let f = calc.fmt_untracked();
        let fresh = calc.scenario.with_untracked(|s| rows_of(s, first, &f));
        self.next_id.set_value(first + fresh.len() as u32);
        self.rows.set(fresh);
    }
}

#[component]
pub fn Languages() -> impl IntoView {
    let calc = Calc::from_context();
    let (t, f) = (calc.t(), calc.fmt_untracked());
    let state = use_context::<LanguageRows>().expect("App provides LanguageRows");
    let LanguageRows { rows, next_id } = state;
    let error = RwSignal::new(None::<String>);

    // A preset or a link replaces the list: show it and drop pending text.
    let effect = RenderEffect::new(move |last: Option<u32>| {
        let revision = calc.revision.get();
        if last.is_some_and(|r| r != revision) {
            state.refill(calc);
            error.set(None);
        }
        revision
    });
    on_cleanup(move || drop(effect));

    let commit = move || {
        let parsed = rows.with_untracked(|r| calc.scenario.with_untracked(|s| parse(r, s, &f, t)));
        match parsed {
            Ok(list) => {
                error.set(None);
                calc.set_pending("langs", None);
                if calc.scenario.with_untracked(|s| s.languages != list) {
                    calc.update(|s| s.languages = list);
                }
            }
            Err(message) => {
                error.set(Some(message));
                calc.set_pending("langs", Some(String::new()));
            }
        }
    };
    // One handler for every cell (events bubble to the table body): rows
    // carry no closures of their own, which keeps the editor small in wasm.
    let on_input = move |ev: leptos::ev::Event| {
        let Some(cell) = event_cell(&ev) else { return };
        let value = event_target_value(&ev);
        // Untracked: the inputs already show the text, so only adding,
        // removing or replacing rows needs the list to render again.
        rows.update_untracked(|r| {
            if let Some(row) = r.iter_mut().find(|row| row.id == cell.0) {
                match cell.1.as_str() {
                    "code" => row.code = value,
                    _ => row.share = value,
                }
            }
        });
        commit();
    };
    let add = move |_| {
        let id = next_id.get_value();
        next_id.set_value(id + 1);
        rows.update(|r| {
            r.push(Row {
                id,
                code: String::new(),
                share: "0".into(),
            })
        });
        commit();
    };
    // Rows kept from before a language switch show their message again.
    if calc.pending_text("langs").is_some() {
        commit();
    }
    let on_click = move |ev: leptos::ev::MouseEvent| {
        if let Some((id, _)) = event_cell(&ev) {
            rows.update(|r| r.retain(|row| row.id != id));
            commit();
        }
    };

    view! {
        <div class="languages" data-testid="languages">
            <table class="lang-table">
                <thead>
                    <tr>
                        <th scope="col">{t.lang_code}</th>
                        <th scope="col">{t.lang_share}</th>
                        <th scope="col"><span class="visually-hidden">{t.lang_remove}</span></th>
                    </tr>
                </thead>
                <tbody on:input=on_input on:click=on_click inner_html=move || rows.with(|r| rows_markup(r, t))></tbody>
            </table>
            <p class="note" aria-live="polite">
                {move || error.get().map(|message| view! { <span class="error" data-testid="languages-error">{message}</span> })}
            </p>
            <button type="button" on:click=add disabled=move || rows.with(|r| r.len() >= MAX_LANGUAGES)>
                {t.lang_add}
            </button>
            <Toggle label=t.multilingual get=|s| s.multilingual set=|s, on| s.multilingual = on />
            <NumberField field=Field::LanguagePremium />
        </div>
    }
}
