//! The languages editor: a code and a share of volume per row. Rows keep the
//! typed text; the scenario takes the list only when the model accepts it
//! (codes valid, shares summing to 100%).

use leptos::prelude::*;

use super::browser;
use super::form::{Switch, Toggle};
use super::format::Fmt;
use super::inputs::NumberField;
use super::messages;
use super::state::Calc;
use crate::i18n::{Texts, fill};
use crate::model::scenario::{LANGUAGE_SHARE_SPEC, MAX_LANGUAGES};
use crate::model::{Field, FieldRef, LanguageShare, Scenario};

/// The key under which the editor's text is pending.
const KEY: &str = "langs";

#[derive(Clone, Debug, PartialEq)]
struct Row {
    id: u32,
    code: String,
    share: String,
}

/// Which box of a row.
#[derive(Clone, Copy)]
enum Col {
    Code,
    Share,
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

/// The editor's rows, kept above the language switch so typed text
/// survives it.
#[derive(Clone, Copy)]
pub struct LanguageRows {
    rows: RwSignal<Vec<Row>>,
    next_id: StoredValue<u32>,
    /// A row just added, whose code box takes the keyboard once drawn.
    added: StoredValue<Option<u32>>,
    /// The rows a preset or a reset replaced, for Undo.
    replaced: StoredValue<Vec<Row>>,
    /// The scenario's revision the rows were last taken from.
    taken: StoredValue<u32>,
}

impl LanguageRows {
    pub fn new(calc: Calc) -> Self {
        let rows = LanguageRows {
            rows: RwSignal::new(Vec::new()),
            next_id: StoredValue::new(0),
            added: StoredValue::new(None),
            replaced: StoredValue::new(Vec::new()),
            taken: StoredValue::new(0),
        };
        rows.take_scenario(calc);
        rows
    }

    /// Shows the scenario's list, dropping any pending text: a preset or a
    /// link replaced it.
    fn take_scenario(&self, calc: Calc) {
        let first = self.next_id.get_value();
        let f = calc.fmt_untracked();
        let fresh = calc.scenario.with_untracked(|s| rows_of(s, first, &f));
        self.next_id.set_value(first + fresh.len() as u32);
        self.taken.set_value(calc.revision.get_untracked());
        self.rows.set(fresh);
    }

    /// The scenario takes the rows if the model accepts them; otherwise the
    /// rows stay pending and the editor says why.
    fn commit(&self, calc: Calc) {
        let (f, t) = (calc.fmt_untracked(), calc.t());
        let parsed = self
            .rows
            .with_untracked(|r| calc.scenario.with_untracked(|s| parse(r, s, &f, t)));
        match parsed {
            Ok(list) => {
                calc.set_pending(KEY, None);
                if calc.scenario.with_untracked(|s| s.languages != list) {
                    calc.update(|s| s.languages = list);
                }
            }
            Err(_) => calc.set_pending(KEY, Some(String::new())),
        }
    }

    /// The message for the rows while they are pending.
    fn error(&self, calc: Calc) -> Option<String> {
        if !calc.is_pending(KEY) {
            return None;
        }
        let (f, t) = (calc.fmt_untracked(), calc.t());
        self.rows
            .with(|r| calc.scenario.with(|s| parse(r, s, &f, t)))
            .err()
    }

    fn text(&self, id: u32, col: Col) -> String {
        self.rows.with(|r| {
            r.iter()
                .find(|row| row.id == id)
                .map(|row| match col {
                    Col::Code => row.code.clone(),
                    Col::Share => row.share.clone(),
                })
                .unwrap_or_default()
        })
    }

    fn edit(&self, calc: Calc, id: u32, col: Col, value: String) {
        self.rows.update(|r| {
            if let Some(row) = r.iter_mut().find(|row| row.id == id) {
                match col {
                    Col::Code => row.code = value,
                    Col::Share => row.share = value,
                }
            }
        });
        self.commit(calc);
    }

    fn add(&self, calc: Calc) {
        let id = self.next_id.get_value();
        self.next_id.set_value(id + 1);
        self.added.set_value(Some(id));
        self.rows.update(|r| {
            r.push(Row {
                id,
                code: String::new(),
                share: "0".into(),
            })
        });
        self.commit(calc);
    }

    /// Removes a row; the keyboard goes to the add button, since the
    /// button it was on is gone.
    fn remove(&self, calc: Calc, id: u32) {
        browser::focus("lang-add");
        self.rows.update(|r| r.retain(|row| row.id != id));
        self.commit(calc);
    }

    fn is_first(&self, id: u32) -> bool {
        self.rows
            .with(|r| r.first().is_some_and(|row| row.id == id))
    }

    fn count(&self) -> usize {
        self.rows.with(Vec::len)
    }
}

#[component]
fn LanguageRow(id: u32) -> impl IntoView {
    let calc = Calc::from_context();
    let t = calc.t();
    let rows = use_context::<LanguageRows>().expect("App provides LanguageRows");
    let code_id = format!("lang-code-{id}");
    if rows.added.get_value() == Some(id) {
        rows.added.set_value(None);
        let code_id = code_id.clone();
        Effect::new(move || browser::focus(&code_id));
    }
    let code_label = move || {
        if rows.is_first(id) {
            t.later().lang_code_primary
        } else {
            t.later().lang_code
        }
    };
    view! {
        <tr>
            <td>
                <input
                    type="text"
                    id=code_id
                    maxlength="3"
                    aria-label=code_label
                    prop:value=move || rows.text(id, Col::Code)
                    on:input=move |ev| rows.edit(calc, id, Col::Code, event_target_value(&ev))
                />
            </td>
            <td>
                <input
                    type="text"
                    inputmode="decimal"
                    aria-label=t.later().lang_share
                    prop:value=move || rows.text(id, Col::Share)
                    on:input=move |ev| rows.edit(calc, id, Col::Share, event_target_value(&ev))
                />
            </td>
            <td>
                <button
                    type="button"
                    class="remove"
                    aria-label=t.later().lang_remove
                    disabled=move || { rows.count() <= 1 }
                    on:click=move |_| rows.remove(calc, id)
                >
                    "×"
                </button>
            </td>
        </tr>
    }
}

/// The editor's table, its message, the add button, and the settings that
/// go with languages.
#[component]
pub fn Languages() -> impl IntoView {
    let calc = Calc::from_context();
    let t = calc.t();
    let rows = use_context::<LanguageRows>().expect("App provides LanguageRows");
    // The editor is drawn when its section is first opened, maybe after a
    // preset replaced the list: without pending text, the rows are the
    // scenario's now (taken again only if it was replaced, so the rows keep
    // their ids).
    if calc.pending_text(KEY).is_none() && rows.taken.get_value() != calc.revision.get_untracked() {
        rows.take_scenario(calc);
    }
    // A preset or a reset replaces the list; typing does not. Only Undo
    // brings back the editor's pending text (a replace drops it), and with
    // it the rows that held it.
    Effect::watch(
        move || calc.revision.get(),
        move |_, _, _| {
            if calc.pending_text(KEY).is_some() {
                rows.rows.set(rows.replaced.get_value());
            } else {
                rows.replaced.set_value(rows.rows.get_untracked());
                rows.take_scenario(calc);
            }
        },
        false,
    );
    let ids = move || {
        rows.rows
            .with(|r| r.iter().map(|row| row.id).collect::<Vec<_>>())
    };
    view! {
        <div class="languages" data-testid="languages">
            <table class="lang-table">
                <thead>
                    <tr>
                        <th scope="col">{t.later().lang_code}</th>
                        <th scope="col">{t.later().lang_share}</th>
                        <th scope="col">
                            <span class="visually-hidden">{t.later().lang_remove}</span>
                        </th>
                    </tr>
                </thead>
                <tbody>
                    <For each=ids key=|id| *id let:id>
                        <LanguageRow id />
                    </For>
                </tbody>
            </table>
            <p class="note" aria-live="polite">
                {move || {
                    rows.error(calc)
                        .map(|message| {
                            view! {
                                <span class="error" data-testid="languages-error">
                                    {message}
                                </span>
                            }
                        })
                }}
            </p>
            <button
                type="button"
                id="lang-add"
                disabled=move || { rows.count() >= MAX_LANGUAGES }
                on:click=move |_| rows.add(calc)
            >
                {t.later().lang_add}
            </button>
            <Toggle switch=Switch::Multilingual />
            <NumberField field=Field::LanguagePremium />
        </div>
    }
}
