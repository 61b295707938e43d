//! Inline SVG charts drawn from the model's outcome: cost across volume, who
//! covers each hour of the week, and where the money goes. Each has a table
//! beside it for screen readers (and for anyone who wants the numbers).

use leptos::prelude::*;

use super::format;
use super::results::model_name;
use super::state::Calc;
use crate::model::{HourCover, ModelKind, ModelResult, Outcome};

const W: f64 = 640.0;
const H: f64 = 280.0;
const LEFT: f64 = 64.0;
const RIGHT: f64 = 16.0;
const TOP: f64 = 16.0;
const BOTTOM: f64 = 40.0;

/// A "nice" axis maximum and step: 1, 2 or 5 times a power of ten.
fn nice_ticks(max: f64, target_ticks: f64) -> (f64, f64) {
    if max.is_nan() || max <= 0.0 || max.is_infinite() {
        return (1.0, 0.25);
    }
    let raw = max / target_ticks;
    let magnitude = 10f64.powf(raw.log10().floor());
    let step = [1.0, 2.0, 5.0, 10.0]
        .into_iter()
        .map(|m| m * magnitude)
        .find(|s| *s >= raw)
        .unwrap_or(10.0 * magnitude);
    ((max / step).ceil() * step, step)
}

fn short_money(value: f64) -> String {
    if value >= 1_000_000.0 {
        format!("${}M", format::one_decimal(value / 1_000_000.0))
    } else if value >= 10_000.0 {
        format!("${}k", format::count(value / 1000.0))
    } else {
        format::money(value)
    }
}

fn short_count(value: f64) -> String {
    if value >= 10_000.0 {
        format!("{}k", format::count(value / 1000.0))
    } else {
        format::count(value)
    }
}

pub fn series_class(kind: ModelKind) -> &'static str {
    match kind {
        ModelKind::Shared => "s-shared",
        ModelKind::Dedicated => "s-dedicated",
        ModelKind::Combined => "s-combined",
    }
}

/// SVG path through the points that exist; a `None` (past the shared pool's
/// cap) breaks the line rather than drawing a cost nobody would quote.
fn path(points: impl Iterator<Item = Option<(f64, f64)>>) -> String {
    let mut d = String::new();
    let mut pen_down = false;
    for point in points {
        match point {
            Some((x, y)) => {
                d.push_str(&format!(
                    "{}{},{}",
                    if pen_down { 'L' } else { 'M' },
                    format::fixed(x, 1),
                    format::fixed(y, 1)
                ));
                pen_down = true;
            }
            None => pen_down = false,
        }
    }
    d
}

#[component]
pub fn CostCurves() -> impl IntoView {
    let calc = Calc::from_context();
    let chart = move || calc.outcome.with(curve_svg);
    let rows = move || {
        calc.outcome.with(|o| {
            let c = &o.curves;
            c.volumes
                .iter()
                .enumerate()
                .step_by(5)
                .map(|(i, v)| {
                    let cell = |x: Option<f64>| {
                        x.map(format::money)
                            .unwrap_or_else(|| "over pool cap".into())
                    };
                    view! {
                        <tr>
                            <th scope="row">{format::count(*v)}</th>
                            <td>{cell(c.shared.get(i).copied().flatten())}</td>
                            <td>{cell(c.dedicated.get(i).copied())}</td>
                            <td>{cell(c.combined.get(i).copied())}</td>
                        </tr>
                    }
                })
                .collect_view()
        })
    };
    view! {
        <figure class="chart" data-testid="cost-curves">
            <figcaption>
                <h3>"Monthly cost across volume"</h3>
                <p class="chart-note">{move || calc.outcome.with(break_even_sentence)}</p>
            </figcaption>
            {chart}
            <details>
                <summary>"Show as a table"</summary>
                <table>
                    <thead>
                        <tr>
                            <th scope="col">"Contacts a month"</th>
                            <th scope="col">"Shared"</th>
                            <th scope="col">"Dedicated"</th>
                            <th scope="col">"Combined"</th>
                        </tr>
                    </thead>
                    <tbody>{rows}</tbody>
                </table>
            </details>
        </figure>
    }
}

fn break_even_sentence(o: &Outcome) -> String {
    match (
        o.break_even.contacts_per_month,
        o.break_even.limited_by_pool_cap,
    ) {
        (Some(v), _) => format!(
            "Dedicated becomes cheaper than shared from about {} contacts a month; you have {}.",
            format::count(v),
            format::count(o.contacts_per_month)
        ),
        (None, true) => {
            "The shared pool's monthly cap is reached before dedicated becomes cheaper.".into()
        }
        (None, false) => "Shared stays cheaper than dedicated across this range.".into(),
    }
}

fn curve_svg(o: &Outcome) -> impl IntoView + use<> {
    let c = &o.curves;
    let x_max = c.volumes.last().copied().unwrap_or(1.0).max(1.0);
    let y_data_max = c
        .dedicated
        .iter()
        .chain(&c.combined)
        .chain(c.shared.iter().flatten())
        .fold(0.0f64, |m, v| m.max(*v));
    let (y_max, y_step) = nice_ticks(y_data_max, 4.0);
    let (x_axis_max, x_step) = nice_ticks(x_max, 5.0);
    let plot_w = W - LEFT - RIGHT;
    let plot_h = H - TOP - BOTTOM;
    let x = move |v: f64| LEFT + v / x_axis_max * plot_w;
    let y = move |v: f64| TOP + plot_h - v / y_max * plot_h;
    let n = format::number;

    let line = |kind: ModelKind, values: Vec<Option<f64>>| {
        let d = path(
            c.volumes
                .iter()
                .zip(values)
                .map(|(v, cost)| cost.map(|cost| (x(*v), y(cost)))),
        );
        view! { <path class=format!("series {}", series_class(kind)) data-series=kind.key() d=d /> }
    };
    let y_ticks = (0..=((y_max / y_step).round() as usize))
        .map(|i| {
            let value = i as f64 * y_step;
            view! {
                <line class="grid" x1=n(LEFT) x2=n(W - RIGHT) y1=n(y(value)) y2=n(y(value)) />
                <text class="tick" x=n(LEFT - 6.0) y=n(y(value)) text-anchor="end" dominant-baseline="middle">{short_money(value)}</text>
            }
        })
        .collect_view();
    let x_ticks = (0..=((x_axis_max / x_step).round() as usize))
        .map(|i| {
            let value = i as f64 * x_step;
            view! { <text class="tick" x=n(x(value)) y=n(H - BOTTOM + 16.0) text-anchor="middle">{short_count(value)}</text> }
        })
        .collect_view();
    let break_even = o
        .break_even
        .contacts_per_month
        .filter(|v| *v <= x_axis_max)
        .map(|v| {
            view! {
                <g class="marker" data-testid="break-even">
                    <line x1=n(x(v)) x2=n(x(v)) y1=n(TOP) y2=n(H - BOTTOM) />
                    <text x=n(x(v) + 4.0) y=n(TOP + 10.0)>"break-even"</text>
                </g>
            }
        });
    let now = o.contacts_per_month;
    view! {
        <svg viewBox=format!("0 0 {} {}", n(W), n(H)) role="img" aria-label="Monthly cost of the three models across monthly contact volume; the same data is in the table below.">
            {y_ticks}
            {x_ticks}
            <text class="axis-label" x=n(LEFT + plot_w / 2.0) y=n(H - 4.0) text-anchor="middle">"contacts a month"</text>
            <line class="you" x1=n(x(now)) x2=n(x(now)) y1=n(TOP) y2=n(H - BOTTOM) data-testid="current-volume" />
            {line(ModelKind::Shared, c.shared.clone())}
            {line(ModelKind::Dedicated, c.dedicated.iter().copied().map(Some).collect())}
            {line(ModelKind::Combined, c.combined.iter().copied().map(Some).collect())}
            {break_even}
        </svg>
        <ul class="legend">
            {ModelKind::ALL.map(|k| view! { <li><span class=format!("swatch {}", series_class(k))></span>{model_name(k)}</li> })}
            <li><span class="swatch you"></span>"your volume"</li>
        </ul>
    }
}

const DAYS: [&str; 7] = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];

fn cover_of(result: &ModelResult, hour_of_week: usize) -> HourCover {
    result
        .hours
        .get(hour_of_week)
        .copied()
        .unwrap_or(HourCover::Uncovered)
}

/// Who answers each hour of the week under one model, and with how many
/// agents on seat.
#[component]
pub fn CoverageHeatmap() -> impl IntoView {
    let calc = Calc::from_context();
    let shown = RwSignal::new(None::<ModelKind>);
    let kind = move || {
        shown
            .get()
            .unwrap_or_else(|| calc.outcome.with(|o| o.recommendation.model))
    };
    let result = move || calc.outcome.with(|o| o.model(kind()).clone());
    let max_agents = move || {
        result().hours.iter().fold(1, |m, h| match h {
            HourCover::Dedicated { agents } => m.max(*agents),
            _ => m,
        })
    };
    let grid = move || {
        let r = result();
        let top = max_agents() as f64;
        (0..7)
            .map(|day| {
                let cells = (0..24)
                    .map(|hour| {
                        let (class, label, strength) = match cover_of(&r, day * 24 + hour) {
                            HourCover::Uncovered => ("cell none", String::new(), 0.0),
                            HourCover::Shared => ("cell shared", "S".to_string(), 0.0),
                            HourCover::Dedicated { agents } => {
                                ("cell dedicated", agents.to_string(), 0.35 + 0.65 * agents as f64 / top)
                            }
                        };
                        view! { <td class=class style=format!("--strength:{}", format::fixed(strength, 2))>{label}</td> }
                    })
                    .collect_view();
                view! { <tr><th scope="row">{DAYS[day]}</th>{cells}</tr> }
            })
            .collect_view()
    };
    view! {
        <figure class="chart" data-testid="coverage-heatmap">
            <figcaption>
                <h3>"Who answers, hour by hour"</h3>
                <p class="chart-note">{move || coverage_sentence(&result())}</p>
            </figcaption>
            <div class="tabs" role="group" aria-label="Model shown">
                {ModelKind::ALL.map(|k| view! {
                    <button type="button" aria-pressed=move || if kind() == k { "true" } else { "false" } on:click=move |_| shown.set(Some(k))>
                        {model_name(k)}
                    </button>
                })}
            </div>
            <div class="heatmap-wrap">
                <table class="heatmap">
                    <caption class="visually-hidden">
                        "Hours of the week (rows Monday to Sunday, columns 0 to 23 h): a number is the dedicated agents on seat, S the shared pool, empty not covered."
                    </caption>
                    <thead>
                        <tr>
                            <td></td>
                            {(0..24).map(|h| view! { <th scope="col">{if h % 3 == 0 { format!("{h}") } else { String::new() }}</th> }).collect_view()}
                        </tr>
                    </thead>
                    <tbody>{grid}</tbody>
                </table>
            </div>
            <ul class="legend">
                <li><span class="swatch cell dedicated"></span>"dedicated agents on seat"</li>
                <li><span class="swatch cell shared"></span>"shared pool (S)"</li>
                <li><span class="swatch cell none"></span>"not covered"</li>
            </ul>
        </figure>
    }
}

fn coverage_sentence(r: &ModelResult) -> String {
    let count = |f: fn(&HourCover) -> bool| r.hours.iter().filter(|h| f(h)).count();
    let dedicated = count(|h| matches!(h, HourCover::Dedicated { .. }));
    let shared = count(|h| matches!(h, HourCover::Shared));
    let peak = r.hours.iter().fold(0, |m, h| match h {
        HourCover::Dedicated { agents } => m.max(*agents),
        _ => m,
    });
    match (dedicated, shared) {
        (0, s) => format!("The shared pool answers {s} hours a week."),
        (d, 0) => {
            format!("Your dedicated team is on seat {d} hours a week, up to {peak} agents at once.")
        }
        (d, s) => format!(
            "Your dedicated team covers {d} hours a week (up to {peak} agents at once); the shared pool covers {s}."
        ),
    }
}
