//! Scenarios side by side: "Save to compare" keeps the form's scenario
//! under a name, up to four; the table shows what differs between them and
//! what each costs under the three models, the pick and the cheapest. A
//! column opens in the form, is renamed in place, or is removed.

use leptos::prelude::*;

use super::format::Fmt;
use super::link::{self, remember_saved};
use super::messages;
use super::state::Calc;
use crate::i18n::{Texts, fill};
use crate::model::compare::{
    MAX_SAVED, Saved, cheapest, clean_name, differences, first_year_of_pick,
};
use crate::model::{Figures, ModelKind, ModelResult, Preset};

/// A preset's name when the form holds one unchanged, else "Scenario N".
fn default_name(calc: Calc, t: &Texts) -> String {
    let current = calc.scenario.get_untracked();
    Preset::ALL
        .into_iter()
        .find(|p| p.scenario() == current)
        .map(|p| messages::preset_name(p, t).to_string())
        .unwrap_or_else(|| {
            let n = calc.saved.with_untracked(Vec::len) + 1;
            fill(t.later().scenario_n, &[&n.to_string()])
        })
}

/// One row of the table: its header and a cell per saved scenario.
fn row((label, cells): (String, Vec<String>)) -> impl IntoView {
    view! {
        <tr>
            <th scope="row">{label}</th>
            {cells.into_iter().map(|cell| view! { <td>{cell}</td> }).collect_view()}
        </tr>
    }
}

/// A cell with nothing to show: a scenario without a team of its own.
const NONE: &str = "—";

/// The rows: the inputs that differ, then each model's monthly and first
/// year cost, then the pick.
fn rows(
    saved: &[Saved],
    outcomes: &[Figures],
    f: &Fmt,
    t: &'static Texts,
) -> Vec<(String, Vec<String>)> {
    let mut rows: Vec<(String, Vec<String>)> = differences(saved)
        .into_iter()
        .map(|input| {
            let cells = saved
                .iter()
                .map(|s| messages::input_value(input, &s.scenario, f, t))
                .collect();
            (messages::input_name(input, t).to_string(), cells)
        })
        .collect();
    // The own team's rows when any scenario has one; a dash in the others.
    let own = outcomes.iter().any(|o| o.own_team.is_some());
    let kinds = ModelKind::ALL
        .into_iter()
        .chain(own.then_some(ModelKind::OwnTeam));
    for kind in kinds {
        let name = t.model(kind);
        // A price that does not do the job says so beside it.
        let cost = |pick: fn(&ModelResult) -> f64| {
            outcomes
                .iter()
                .map(|o| match o.model(kind) {
                    Some(r) if r.qualifies => f.estimate(pick(r)),
                    Some(r) => format!("{} ({})", f.estimate(pick(r)), t.flag_short),
                    None => NONE.into(),
                })
                .collect()
        };
        rows.push((
            fill(t.later().scenario_monthly, &[name]),
            cost(|r| r.monthly_cost),
        ));
        rows.push((
            fill(t.later().scenario_first_year, &[name]),
            cost(|r| r.first_year_cost),
        ));
    }
    let pick = outcomes
        .iter()
        .map(|o| match first_year_of_pick(o) {
            Some((kind, first_year)) => format!("{}: {}", t.model(kind), f.estimate(first_year)),
            None => NONE.into(),
        })
        .collect();
    rows.push((t.later().scenario_pick.to_string(), pick));
    rows
}

/// A column's head: its name to edit, open and remove.
#[component]
fn ColumnHead(index: usize, name: String, cheapest: bool) -> impl IntoView {
    let calc = Calc::from_context();
    let t = calc.t();
    let n = (index + 1).to_string();
    let open = move |_| {
        if let Some(s) = calc.saved.with_untracked(|list| list.get(index).cloned()) {
            link::as_new_entry(calc, || calc.replace(s.scenario));
        }
    };
    let remove = move |_| {
        calc.saved.update(|list| {
            if index < list.len() {
                list.remove(index);
            }
        })
    };
    // A rename changes this column only: redrawing the table would take
    // the keyboard from whatever the person tabbed to next.
    let shown = RwSignal::new(name);
    let rename = move |ev| {
        let typed = clean_name(&event_target_value(&ev));
        if !typed.is_empty() {
            shown.set(typed.clone());
            calc.saved.update_untracked(|list| {
                if let Some(saved) = list.get_mut(index) {
                    saved.name = typed;
                }
            });
            remember_saved(calc);
        }
    };
    view! {
        <th scope="col" class:cheapest=cheapest data-testid="saved-scenario">
            <input
                type="text"
                maxlength="40"
                aria-label=fill(t.later().scenario_name_label, &[&n])
                prop:value=shown.get_untracked()
                on:change=rename
            />
            {cheapest.then(|| view! { <span class="badge">{t.later().scenario_cheapest}</span> })}
            <span class="column-actions">
                <button
                    type="button"
                    aria-label=move || fill(t.later().scenario_open_named, &[&shown.get()])
                    on:click=open
                >
                    {t.later().scenario_open}
                </button>
                <button
                    type="button"
                    aria-label=move || fill(t.later().scenario_remove_named, &[&shown.get()])
                    on:click=remove
                >
                    {t.later().scenario_remove}
                </button>
            </span>
        </th>
    }
}

#[component]
pub fn Scenarios() -> impl IntoView {
    let calc = Calc::from_context();
    let t = calc.t();
    let full = move || calc.saved.with(|list| list.len() >= MAX_SAVED);
    let save = move |_| {
        let name = default_name(calc, t);
        let scenario = calc.scenario.get_untracked();
        calc.saved.update(|list| {
            if list.len() < MAX_SAVED {
                list.push(Saved { name, scenario });
            }
        });
    };
    let table = move || {
        let f = calc.fmt();
        calc.saved.with(|saved| {
            if saved.is_empty() {
                return None;
            }
            // Computed as the table is drawn, on a save, a removal or a
            // change of currency: a few milliseconds each.
            let outcomes: Vec<Figures> = saved.iter().map(|s| calc.figures_of(&s.scenario)).collect();
            let best = cheapest(&outcomes);
            let heads = saved
                .iter()
                .enumerate()
                .map(|(index, s)| {
                    view! { <ColumnHead index name=s.name.clone() cheapest=best == Some(index) /> }
                })
                .collect_view();
            Some(view! {
                <div class="table-wrap" tabindex="0" role="region" aria-label=t.scenarios_title>
                    <table class="scenarios">
                        <thead>
                            <tr>
                                <td></td>
                                {heads}
                            </tr>
                        </thead>
                        <tbody>{rows(saved, &outcomes, &f, t).into_iter().map(row).collect_view()}</tbody>
                    </table>
                </div>
            })
        })
    };
    view! {
        <section
            class="panel"
            class:nothing-saved=move || calc.saved.with(Vec::is_empty)
            aria-labelledby="scenarios-title"
            data-testid="scenario-compare"
        >
            <h2 id="scenarios-title">{t.scenarios_title}</h2>
            <p class="actions">
                <button type="button" data-testid="save-to-compare" disabled=full on:click=save>
                    {t.later().save_to_compare}
                </button>
            </p>
            <p class="note" role="status">
                {move || {
                    if full() {
                        Some(t.later().scenarios_full)
                    } else if calc.saved.with(Vec::is_empty) {
                        Some(t.later().scenarios_empty)
                    } else {
                        None
                    }
                }}
            </p>
            {table}
        </section>
    }
}
