//! The year on the page: the buyer's own twelve months in the form, and,
//! below the results, each model's cost month by month and the hiring
//! plan of the teams. Every figure is the model's `months`; both parts are
//! in wasm chunks (lazy.rs).

use leptos::prelude::*;

use super::browser;
use super::charts::{
    BOTTOM, ChartFrame, H, LEFT, RIGHT, TOP, coord, nice_ticks, path, series_class, tracked_width,
    y_grid,
};
use super::format::Fmt;
use super::inputs::{Entry, Slot, aria};
use super::messages;
use super::state::Calc;
use super::table::{ModelTable, Row};
use crate::i18n::{Texts, fill};
use crate::model::{
    Figures, MONTH_SPEC, MONTHS, ModelKind, ModelResult, Month, MonthResult, MonthsError,
    YearProfile,
};

/// How long a month's name is written: `Intl.DateTimeFormat`'s `month`.
#[derive(Clone, Copy)]
enum MonthWidth {
    /// "September": the cost table's rows, the boxes' labels.
    Long,
    /// "Sep": a chart's axis, the hiring plan's rows.
    Short,
    /// "S": a chart's axis on a phone.
    Narrow,
}

/// A month's name as the browser writes it in the page's language, so no
/// list of month names per language is kept here.
fn month_label(calc: &Calc, month: Month, width: MonthWidth) -> String {
    let style = match width {
        MonthWidth::Long => "long",
        MonthWidth::Short => "short",
        MonthWidth::Narrow => "narrow",
    };
    browser::month_name(calc.lang.get_untracked().code(), month.0.into(), style)
}

/// A month's label on the axis of a chart `w` units wide. A phone's axis
/// has room for a letter a month; where a language's narrowest names are
/// longer than a letter ("1月", "янв"), it labels every other month, so
/// the labels do not run into each other.
fn axis_label(calc: &Calc, month: Month, w: i32) -> String {
    let narrow = w < 480;
    let width = if narrow {
        MonthWidth::Narrow
    } else {
        MonthWidth::Short
    };
    let name = month_label(calc, month, width);
    let crowded = narrow && name.chars().count() > 1;
    if crowded && month.index() % 2 == 1 {
        String::new()
    } else {
        name
    }
}

/// What is wrong with a paste of other than one number.
fn paste_problem(e: &MonthsError, calc: &Calc, t: &Texts) -> String {
    let f = calc.fmt_untracked();
    match e {
        MonthsError::Count { found } => fill(t.later().months_paste_count, &[&found.to_string()]),
        MonthsError::Value { month, error } => {
            let why = messages::field_error(error, &MONTH_SPEC, &f, t);
            fill(
                t.later().months_paste_value,
                &[&month_label(calc, *month, MonthWidth::Long), &why],
            )
        }
    }
}

/// The twelve boxes of the buyer's own months, each row a quarter.
#[component]
pub fn MonthsPanel() -> impl IntoView {
    let t = Calc::from_context().t();
    view! {
        <fieldset class="months" aria-describedby="months-help">
            <legend>{t.later().months_legend}</legend>
            <p class="note hint" id="months-help">
                {t.later().months_help}
            </p>
            <div class="months-grid">
                {Month::ALL.map(|month| view! { <MonthField month /> }).into_iter().collect_view()}
            </div>
        </fieldset>
    }
}

/// One month's multiplier. Twelve numbers pasted into it fill all twelve.
#[component]
fn MonthField(month: Month) -> impl IntoView {
    let calc = Calc::from_context();
    let t = calc.t();
    let entry = Entry::new(calc, Slot::Month(month));
    let id = format!("f-month-{}", month.index() + 1);
    let note_id = format!("{id}-note");
    let invalid = move || entry.error.with(Option::is_some);
    let on_paste = move |ev: web_sys::ClipboardEvent| {
        let Some(text) = ev.clipboard_data().and_then(|d| d.get_data("text").ok()) else {
            return;
        };
        let decimal_comma = calc.lang.get_untracked().decimal_comma();
        match YearProfile::parse_in(&text, decimal_comma) {
            Ok(year) => {
                ev.prevent_default();
                for m in Month::ALL {
                    calc.set_pending(Slot::Month(m).key(), None);
                }
                calc.update(|s| s.year = year);
            }
            // One number pastes into the box as typed.
            Err(MonthsError::Count { found: 0 | 1 }) => {}
            Err(e) => {
                ev.prevent_default();
                entry.error.set(Some(paste_problem(&e, &calc, t)));
            }
        }
    };
    let on_key = move |ev: web_sys::KeyboardEvent| {
        let direction = match ev.key().as_str() {
            "ArrowUp" => 1.0,
            "ArrowDown" => -1.0,
            _ => return,
        };
        ev.prevent_default();
        entry.step(direction, ev.shift_key());
    };
    view! {
        <div class="field" class:invalid=invalid>
            <label for=id.clone()>{month_label(&calc, month, MonthWidth::Long)}</label>
            <input
                id=id
                type="text"
                inputmode="decimal"
                autocomplete="off"
                prop:value=entry.text
                aria-invalid=move || aria(invalid())
                aria-describedby=format!("{note_id} months-help")
                on:input=move |ev| entry.take(event_target_value(&ev))
                on:keydown=on_key
                on:paste=on_paste
            />
            <p class="note error" id=note_id>
                {move || entry.error.get()}
            </p>
        </div>
    }
}

/// The models' months (the own team's too, when there is one), as table
/// rows: each month's cost, then the first year with its setup.
fn cost_rows(o: &Figures, calc: &Calc, f: &Fmt, t: &Texts) -> Vec<Row> {
    let models = o.models();
    Month::ALL
        .into_iter()
        .map(|m| {
            Row::new(
                month_label(calc, m, MonthWidth::Long),
                models
                    .iter()
                    .map(|r| f.estimate(r.months[m.index()].cost))
                    .collect::<Vec<_>>(),
            )
        })
        .chain([Row::new(
            t.first_year,
            models
                .iter()
                .map(|r| f.estimate(r.first_year_cost))
                .collect::<Vec<_>>(),
        )])
        .collect()
}

/// Each model's cost in each month, `w` units wide.
fn cost_svg(o: &Figures, calc: &Calc, f: &Fmt, t: &'static Texts, w: i32) -> impl IntoView + use<> {
    let top = o
        .models()
        .iter()
        .flat_map(|r| r.months.map(|m| m.cost))
        .fold(0.0f64, f64::max);
    let (y_max, y_step) = nice_ticks(top, 4.0);
    let plot_w = f64::from(w - LEFT - RIGHT);
    let plot_h = f64::from(H - TOP - BOTTOM);
    let x = |i: usize| f64::from(LEFT) + (i as f64 + 0.5) * plot_w / MONTHS as f64;
    let y = |v: f64| f64::from(TOP) + plot_h - v / y_max * plot_h;
    let y_ticks = y_grid(&y, (y_max, y_step), w, &|v| f.money_short(v));
    let x_ticks = Month::ALL
        .map(|m| {
            view! {
                <text class="tick" x=coord(x(m.index())) y=H - BOTTOM + 16 text-anchor="middle">
                    {axis_label(calc, m, w)}
                </text>
            }
        })
        .into_iter()
        .collect_view();
    let lines = o
        .models()
        .into_iter()
        .map(|r| {
            let (kind, months) = (r.kind, r.months);
            let d = path(
                months
                    .iter()
                    .enumerate()
                    .map(|(i, m)| Some((x(i), y(m.cost)))),
            );
            let dots = months
                .iter()
                .enumerate()
                .map(|(i, m)| view! { <circle cx=coord(x(i)) cy=coord(y(m.cost)) r="3.5" /> })
                .collect_view();
            view! {
                <g class=format!("year-series {}", series_class(kind)) data-series=kind.key()>
                    <path class=format!("series {}", series_class(kind)) d=d />
                    {dots}
                </g>
            }
        })
        .collect_view();
    view! {
        <svg viewBox=format!("0 0 {w} {H}") role="img" aria-label=t.later().year_chart_label>
            {y_ticks}
            {x_ticks}
            {lines}
        </svg>
    }
}

/// Each model's cost month by month, with its table.
#[component]
pub fn YearCosts() -> impl IntoView {
    let calc = Calc::from_context();
    let t = calc.t();
    let sentence = Signal::derive(move || {
        let f = calc.fmt();
        calc.figures.with(|o| {
            let years =
                [&o.shared, &o.dedicated, &o.combined].map(|r| f.estimate(r.first_year_cost));
            let [a, b, c] = ModelKind::ALL.map(|k| t.model(k));
            let three = fill(
                t.later().year_sentence,
                &[a, &years[0], b, &years[1], c, &years[2]],
            );
            let own = o.own_team.as_ref().map(|own| {
                let name = t.model(ModelKind::OwnTeam);
                fill(
                    t.later().year_sentence_own,
                    &[name, &f.estimate(own.first_year_cost)],
                )
            });
            sentences(&[Some(three), own])
        })
    });
    let rows = Signal::derive(move || {
        let f = calc.fmt();
        calc.figures.with(|o| cost_rows(o, &calc, &f, t))
    });
    let kinds = Memo::new(move |_| calc.figures.with(Figures::kinds));
    let width = tracked_width();
    let svg = move || {
        let f = calc.fmt();
        let w = width.get();
        calc.figures.with(|o| cost_svg(o, &calc, &f, t, w))
    };
    view! {
        <ChartFrame testid="year-costs" title=t.year_title sentence>
            {svg}
            <ul class="legend">
                {move || {
                    kinds
                        .get()
                        .into_iter()
                        .map(|kind| {
                            view! {
                                <li>
                                    <span class=format!("swatch {}", series_class(kind))></span>
                                    {t.model(kind)}
                                </li>
                            }
                        })
                        .collect_view()
                }}
            </ul>
            <details>
                <summary>{t.later().show_table}</summary>
                <ModelTable label=t.year_title class="year-table" corner=t.later().year_month rows kinds />
            </details>
        </ChartFrame>
    }
}

/// Sentences in a row, a space between two but none after an ideographic
/// full stop (Japanese does not space its sentences).
fn sentences(parts: &[Option<String>]) -> String {
    let mut out = String::new();
    for part in parts.iter().flatten() {
        if !out.is_empty() && !out.ends_with('。') {
            out.push(' ');
        }
        out.push_str(part);
    }
    out
}

/// What the plan says of a team: a sentence, and one more for the overtime
/// it works every month, if any.
fn plan_sentence(r: &ModelResult, t: &Texts, f: &Fmt) -> String {
    let planned = (r.planned_overtime_hours > 0.0).then(|| {
        fill(
            t.later().plan_planned,
            &[&f.count(r.planned_overtime_hours.round().max(1.0))],
        )
    });
    sentences(&[Some(team_sentence(r, t)), planned])
}

fn team_sentence(r: &ModelResult, t: &Texts) -> String {
    let name = t.model(r.kind);
    let agents = r.billed_agents.to_string();
    let overtime = r.busy_overtime_hours() > 0.0;
    match r.kind {
        // A core working overtime every month has no spare hours for the
        // busy months' extra.
        ModelKind::Combined if r.planned_overtime_hours > 0.0 => {
            fill(t.later().plan_combined_busy, &[name, &agents])
        }
        ModelKind::Combined => fill(t.later().plan_combined, &[name, &agents]),
        ModelKind::OwnTeam => fill(t.later().plan_own, &[name, &agents]),
        _ if r.seasonal_agents > 0 => fill(
            t.later().plan_seasonal,
            &[name, &agents, &r.seasonal_agents.to_string()],
        ),
        _ if overtime => fill(t.later().plan_overtime, &[name, &agents]),
        _ => fill(t.later().plan_steady, &[name, &agents]),
    }
}

/// A team with the pool behind it: its agents and the pool's hours.
fn pool_cells(m: &MonthResult, f: &Fmt) -> Vec<String> {
    vec![m.agents.to_string(), f.count(m.pool_hours.round())]
}

/// A team's months as a table: a row a month, its columns from `cells`.
#[component]
fn PlanTable(
    kind: ModelKind,
    columns: Vec<&'static str>,
    cells: fn(&MonthResult, &Fmt) -> Vec<String>,
) -> impl IntoView {
    let calc = Calc::from_context();
    let t = calc.t();
    // Short names, so that five columns fit a phone.
    let names = Month::ALL.map(|m| month_label(&calc, m, MonthWidth::Short));
    let rows = move || {
        let f = calc.fmt();
        calc.figures.with(|o| {
            o.model(kind)
                .map(|r| r.months)
                .unwrap_or_default()
                .iter()
                .zip(names.clone())
                .map(|(m, name)| {
                    view! {
                        <tr>
                            <th scope="row">{name}</th>
                            {cells(m, &f).into_iter().map(|c| view! { <td>{c}</td> }).collect_view()}
                        </tr>
                    }
                })
                .collect_view()
        })
    };
    let label = fill(t.later().plan_table_label, &[t.model(kind)]);
    let caption = label.clone();
    view! {
        <div
            class="table-wrap"
            tabindex="0"
            role="region"
            aria-label=label
            data-testid="plan-table"
            data-model=kind.key()
        >
            <table>
                <caption>{caption}</caption>
                <thead>
                    <tr>
                        <th scope="col">{t.later().year_month}</th>
                        {columns.into_iter().map(|c| view! { <th scope="col">{c}</th> }).collect_view()}
                    </tr>
                </thead>
                <tbody>{rows}</tbody>
            </table>
        </div>
    }
}

/// The dedicated team's agents on seat each month, the year-round team
/// and the seasonal agents stacked, `w` units wide.
fn agents_svg(r: &ModelResult, calc: &Calc, t: &'static Texts, w: i32) -> impl IntoView + use<> {
    const PLAN_H: i32 = 160;
    let top = r.months.iter().map(|m| m.agents).max().unwrap_or(0);
    let (y_max, y_step) = nice_ticks(f64::from(top.max(1)), 3.0);
    let plot_w = f64::from(w - LEFT - RIGHT);
    let plot_h = f64::from(PLAN_H - TOP - BOTTOM);
    let slot = plot_w / MONTHS as f64;
    let y = |v: f64| f64::from(TOP) + plot_h - v / y_max * plot_h;
    let y_ticks = y_grid(&y, (y_max, y_step), w, &|v| (v.round() as u32).to_string());
    let bars = Month::ALL
        .map(|m| {
            let month = r.months[m.index()];
            let left = f64::from(LEFT) + m.index() as f64 * slot + slot * 0.2;
            let year_round = f64::from(month.agents - month.seasonal_agents);
            let bar = |from: f64, to: f64, class: &'static str| {
                view! {
                    <rect
                        class=class
                        x=coord(left)
                        y=coord(y(to))
                        width=coord(slot * 0.6)
                        height=coord(y(from) - y(to))
                    />
                }
            };
            view! {
                {bar(0.0, year_round, "bar s-dedicated")}
                {(month.seasonal_agents > 0)
                    .then(|| bar(year_round, f64::from(month.agents), "bar bar-seasonal s-dedicated"))}
                <text
                    class="tick"
                    x=coord(left + slot * 0.3)
                    y=PLAN_H - BOTTOM + 16
                    text-anchor="middle"
                >
                    {axis_label(calc, m, w)}
                </text>
            }
        })
        .into_iter()
        .collect_view();
    view! {
        <svg viewBox=format!("0 0 {w} {PLAN_H}") role="img" aria-label=t.later().plan_chart_label>
            {y_ticks}
            {bars}
        </svg>
    }
}

/// The dedicated and combined teams' year: agents on seat, seasonal agents
/// in and out, overtime, and the combined team's hours in the pool; the
/// buyer's own team's too, when one is entered.
#[component]
pub fn HiringPlan() -> impl IntoView {
    let calc = Calc::from_context();
    let t = calc.t();
    let sentence = Signal::derive(move || {
        let f = calc.fmt();
        calc.figures.with(|o| {
            sentences(&[
                Some(plan_sentence(&o.dedicated, t, &f)),
                Some(plan_sentence(&o.combined, t, &f)),
                o.own_team.as_ref().map(|own| plan_sentence(own, t, &f)),
            ])
        })
    });
    // The own team's table is mounted once, not again with every figure.
    let own = Memo::new(move |_| calc.figures.with(|o| o.own_team.is_some()));
    let width = tracked_width();
    let svg = move || {
        let w = width.get();
        calc.figures.with(|o| agents_svg(&o.dedicated, &calc, t, w))
    };
    view! {
        <ChartFrame testid="hiring-plan" title=t.later().plan_title sentence>
            {svg}
            <ul class="legend">
                <li>
                    <span class="swatch cell s-dedicated"></span>
                    {t.later().plan_year_round}
                </li>
                <li>
                    <span class="swatch cell bar-seasonal s-dedicated"></span>
                    {t.later().plan_seasonal_agents}
                </li>
            </ul>
            <div class="plan-tables">
                <PlanTable
                    kind=ModelKind::Dedicated
                    columns=vec![t.later().plan_on_seat, t.later().plan_in, t.later().plan_out, t.later().plan_overtime_hours]
                    cells=|m, f| {
                        vec![
                            m.agents.to_string(),
                            m.hired_agents.to_string(),
                            m.released_agents.to_string(),
                            f.count(m.overtime_hours.round()),
                        ]
                    }
                />
                <PlanTable
                    kind=ModelKind::Combined
                    columns=vec![t.later().plan_on_seat, t.later().plan_pool_hours]
                    cells=pool_cells
                />
                {move || {
                    own.get()
                        .then(|| {
                            view! {
                                <PlanTable
                                    kind=ModelKind::OwnTeam
                                    columns=vec![t.later().plan_on_seat, t.later().plan_pool_hours]
                                    cells=pool_cells
                                />
                            }
                        })
                }}
            </div>
        </ChartFrame>
    }
}
