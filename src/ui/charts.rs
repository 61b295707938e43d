//! Inline SVG charts drawn from the model's outcome: cost across volume and
//! who covers each hour of the week. Each sits in a `ChartFrame` with its
//! text alternative (a table) for screen readers, and for anyone who wants
//! the numbers.

use std::fmt::Write as _;

use leptos::prelude::*;

use super::format::Fmt;
use super::inputs::aria;
use super::state::Calc;
use super::table::{ModelTable, Row};
use crate::i18n::{Texts, fill};
use crate::model::decimal::write_fixed;
use crate::model::{HOURS_PER_WEEK, HourCover, ModelKind, ModelResult, Sensitivity};

// Integers: they are written into the SVG, and formatting an integer does
// not bring Rust's float printer into the wasm.
const W: i32 = 640;
/// The narrowest drawing: a 320 px screen's chart.
const MIN_W: i32 = 240;
/// What the page takes around a chart on a one-column screen: its padding
/// and the chart panel's padding and border.
const AROUND_CHART_PX: i32 = 66;
/// From this width (60rem) the chart shares the screen with the form.
const TWO_COLUMNS_PX: i32 = 960;
pub(super) const H: i32 = 280;
pub(super) const LEFT: i32 = 64;
pub(super) const RIGHT: i32 = 16;
pub(super) const TOP: i32 = 16;
pub(super) const BOTTOM: i32 = 40;

/// A coordinate or length with one decimal, for SVG and CSS, by the
/// model's decimal printer rather than Rust's float formatting.
pub fn coord(value: f64) -> String {
    write_fixed(value, 1).unwrap_or_else(|| "0".into())
}

/// A "nice" axis maximum and step: 1, 2 or 5 times a power of ten.
pub(super) fn nice_ticks(max: f64, target_ticks: f64) -> (f64, f64) {
    if max.is_nan() || max <= 0.0 || max.is_infinite() {
        return (1.0, 0.25);
    }
    let raw = max / target_ticks;
    let magnitude = 10f64.powi(raw.log10().floor() as i32);
    let step = [1.0, 2.0, 5.0, 10.0]
        .into_iter()
        .map(|m| m * magnitude)
        .find(|s| *s >= raw)
        .unwrap_or(10.0 * magnitude);
    ((max / step).ceil() * step, step)
}

/// The horizontal gridlines of a chart `w` units wide, from 0 to `y_max`
/// every `y_step`, each labelled at the left by `label`.
pub(super) fn y_grid(
    y: &dyn Fn(f64) -> f64,
    (y_max, y_step): (f64, f64),
    w: i32,
    label: &dyn Fn(f64) -> String,
) -> impl IntoView + use<> {
    (0..=((y_max / y_step).round() as usize))
        .map(|i| {
            let value = i as f64 * y_step;
            let at = coord(y(value));
            view! {
                <line class="grid" x1=LEFT x2=w - RIGHT y1=at.clone() y2=at.clone() />
                <text class="tick" x=LEFT - 6 y=at text-anchor="end" dominant-baseline="middle">
                    {label(value)}
                </text>
            }
        })
        .collect_view()
}

pub(super) fn series_class(kind: ModelKind) -> &'static str {
    match kind {
        ModelKind::Shared => "s-shared",
        ModelKind::Dedicated => "s-dedicated",
        ModelKind::Combined => "s-combined",
        ModelKind::OwnTeam => "s-own",
    }
}

/// SVG path through the points that exist; a `None` (past the shared pool's
/// cap) breaks the line rather than drawing a cost nobody would quote.
pub(super) fn path(points: impl Iterator<Item = Option<(f64, f64)>>) -> String {
    let mut d = String::new();
    let mut pen_down = false;
    for point in points {
        match point {
            Some((x, y)) => {
                let pen = if pen_down { 'L' } else { 'M' };
                let _ = write!(d, "{pen}{},{}", coord(x), coord(y));
                pen_down = true;
            }
            None => pen_down = false,
        }
    }
    d
}

/// A chart with its title, the sentence that says what it shows, and
/// whatever draws it.
#[component]
pub(super) fn ChartFrame(
    testid: &'static str,
    title: &'static str,
    sentence: Signal<String>,
    /// Whether what it draws is this scenario's (`ready`) or still the
    /// last one's (`pending`); always current when not given.
    #[prop(into, optional)]
    state: Option<Signal<&'static str>>,
    children: Children,
) -> impl IntoView {
    view! {
        <figure class="chart" data-testid=testid data-state=move || state.map(|s| s.get())>
            <figcaption>
                <h3>{title}</h3>
                <p class="chart-note">{sentence}</p>
            </figcaption>
            {children()}
        </figure>
    }
}

fn break_even_sentence(o: &Sensitivity, f: &Fmt, t: &Texts) -> String {
    match (
        o.break_even.contacts_per_month,
        o.break_even.limited_by_pool_cap,
    ) {
        (Some(v), _) => fill(
            t.later().break_even_at,
            &[&f.count(v), &f.count(o.contacts_per_month)],
        ),
        (None, true) => t.later().break_even_capped.into(),
        (None, false) => t.later().break_even_none.into(),
    }
}

/// How wide the cost chart is drawn, in its own units: about as wide as
/// it shows on a one-column screen, so that its 12-unit labels stay
/// 12 px on a phone rather than shrinking with the drawing.
fn drawing_width(viewport_px: i32) -> i32 {
    if viewport_px >= TWO_COLUMNS_PX {
        W
    } else {
        (viewport_px - AROUND_CHART_PX).clamp(MIN_W, W)
    }
}

fn viewport_width() -> i32 {
    window()
        .inner_width()
        .ok()
        .and_then(|w| w.as_f64())
        .map_or(W, |w| w as i32)
}

/// The drawing width for the screen, which a chart follows only when the
/// screen is turned or the window resized, not on every change of outcome.
pub(super) fn tracked_width() -> RwSignal<i32> {
    let width = RwSignal::new(drawing_width(viewport_width()));
    let resize = window_event_listener(leptos::ev::resize, move |_| {
        width.set(drawing_width(viewport_width()));
    });
    on_cleanup(move || resize.remove());
    width
}

/// The three cost curves, the break-even marker and the reader's volume,
/// drawn `w` units wide.
fn curve_svg(o: &Sensitivity, f: &Fmt, t: &'static Texts, w: i32) -> impl IntoView + use<> {
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
    let plot_w = f64::from(w - LEFT - RIGHT);
    let plot_h = f64::from(H - TOP - BOTTOM);
    let x = |v: f64| f64::from(LEFT) + v / x_axis_max * plot_w;
    let y = |v: f64| f64::from(TOP) + plot_h - v / y_max * plot_h;

    let y_ticks = y_grid(&y, (y_max, y_step), w, &|v| f.money_short(v));
    let x_ticks = (0..=((x_axis_max / x_step).round() as usize))
        .map(|i| {
            let value = i as f64 * x_step;
            view! {
                <text class="tick" x=coord(x(value)) y=H - BOTTOM + 16 text-anchor="middle">
                    {f.count_short(value)}
                </text>
            }
        })
        .collect_view();
    let now = coord(x(o.contacts_per_month));
    let lines = ModelKind::ALL
        .map(|kind| {
            let costs: Vec<Option<f64>> = match kind {
                ModelKind::Shared => c.shared.clone(),
                ModelKind::Dedicated => c.dedicated.iter().copied().map(Some).collect(),
                ModelKind::Combined => c.combined.iter().copied().map(Some).collect(),
                // The curves price the three ways to outsource.
                ModelKind::OwnTeam => Vec::new(),
            };
            let d = path(
                c.volumes
                    .iter()
                    .zip(costs)
                    .map(|(v, cost)| cost.map(|cost| (x(*v), y(cost)))),
            );
            view! { <path class=format!("series {}", series_class(kind)) data-series=kind.key() d=d /> }
        })
        .into_iter()
        .collect_view();
    let marker = o
        .break_even
        .contacts_per_month
        .filter(|v| *v <= x_axis_max)
        .map(|v| {
            let at = coord(x(v));
            view! {
                <g class="marker" data-testid="break-even">
                    <line x1=at.clone() x2=at y1=TOP y2=H - BOTTOM />
                    <text x=coord(x(v) + 4.0) y=TOP + 10>{t.break_even}</text>
                </g>
            }
        });
    view! {
        <svg viewBox=format!("0 0 {w} {H}") role="img" aria-label=t.later().curves_label>
            {y_ticks}
            {x_ticks}
            <text class="axis-label" x=coord(f64::from(LEFT) + plot_w / 2.0) y=H - 4 text-anchor="middle">
                {t.later().contacts_axis}
            </text>
            <line class="you" x1=now.clone() x2=now y1=TOP y2=H - BOTTOM data-testid="current-volume" />
            {lines}
            {marker}
        </svg>
    }
}

/// Every fifth point of the curves, as table rows.
fn curve_rows(o: &Sensitivity, f: &Fmt, t: &Texts) -> Vec<Row> {
    let c = &o.curves;
    let cell =
        |x: Option<f64>| x.map_or_else(|| t.later().over_pool_cap.to_owned(), |v| f.estimate(v));
    c.volumes
        .iter()
        .enumerate()
        .step_by(5)
        .map(|(i, v)| {
            Row::new(
                f.count(*v),
                [
                    cell(c.shared.get(i).copied().flatten()),
                    cell(c.dedicated.get(i).copied()),
                    cell(c.combined.get(i).copied()),
                ],
            )
        })
        .collect()
}

#[component]
pub fn CostCurves() -> impl IntoView {
    let calc = Calc::from_context();
    let t = calc.t();
    // The curves come with the what-ifs, a task after the figures: until
    // this scenario's are there, the last ones stay, marked out of date.
    let state = move || calc.what_if.with(|a| a.key());
    let sentence = Signal::derive(move || {
        let f = calc.fmt();
        calc.with_last_sensitivity(|o| {
            o.map_or_else(
                || t.whatif_pending.into(),
                |o| break_even_sentence(o, &f, t),
            )
        })
    });
    let rows = Signal::derive(move || {
        let f = calc.fmt();
        calc.with_last_sensitivity(|o| o.map(|o| curve_rows(o, &f, t)).unwrap_or_default())
    });
    let width = tracked_width();
    let svg = move || {
        let f = calc.fmt();
        let w = width.get();
        calc.with_last_sensitivity(|o| o.map(|o| curve_svg(o, &f, t, w)))
    };
    view! {
        <ChartFrame testid="cost-curves" title=t.curves_title sentence state>
            {svg}
            <ul class="legend">
                {ModelKind::ALL
                    .map(|kind| {
                        // The line's price at your volume does not do the job.
                        let short = move || {
                            calc.figures
                                .with(|o| o.model(kind).is_some_and(|r| !r.qualifies))
                        };
                        view! {
                            <li>
                                <span class=format!("swatch {}", series_class(kind))></span>
                                {t.model(kind)}
                                {move || {
                                    short()
                                        .then(|| {
                                            view! {
                                                <span class="flag-mark" data-testid="legend-flag">
                                                    {t.flag_short}
                                                </span>
                                            }
                                        })
                                }}
                            </li>
                        }
                    })
                    .collect_view()}
                <li>
                    <span class="swatch you"></span>
                    {t.later().your_volume}
                </li>
            </ul>
            <details>
                <summary>{t.later().show_table}</summary>
                <ModelTable label=t.curves_title class="" corner=t.later().contacts_a_month rows />
            </details>
        </ChartFrame>
    }
}

fn peak_agents(hours: &[HourCover]) -> u32 {
    hours.iter().fold(0, |m, h| match h {
        HourCover::Dedicated { agents } => m.max(*agents),
        _ => m,
    })
}

fn coverage_sentence(r: &ModelResult, t: &Texts) -> String {
    let count = |f: fn(&HourCover) -> bool| r.hours.iter().filter(|h| f(h)).count().to_string();
    let dedicated = count(|h| matches!(h, HourCover::Dedicated { .. }));
    let shared = count(|h| matches!(h, HourCover::Shared));
    let peak = peak_agents(&r.hours).to_string();
    match (dedicated.as_str(), shared.as_str()) {
        ("0", s) => fill(t.later().coverage_shared_only, &[s]),
        (d, "0") => fill(t.later().coverage_dedicated_only, &[d, &peak]),
        (d, s) => fill(t.later().coverage_both, &[d, &peak, s]),
    }
}

/// One hour of the week in the heatmap: its class, its text and, for a
/// dedicated hour, how strong its colour is against the week's peak.
fn cell(
    hours: &[HourCover],
    hour_of_week: usize,
    t: &Texts,
) -> (&'static str, String, Option<String>) {
    match hours
        .get(hour_of_week)
        .copied()
        .unwrap_or(HourCover::Uncovered)
    {
        HourCover::Uncovered => ("cell none", String::new(), None),
        HourCover::Shared => ("cell shared", t.later().shared_mark.into(), None),
        HourCover::Dedicated { agents } => {
            let share = f64::from(agents) / f64::from(peak_agents(hours).max(1));
            // Two ranges of blue, each dark or light enough for its text
            // (white or ink) to keep a 4.5:1 contrast: a quiet hour of one
            // agent beside a peak of forty is light, with dark figures.
            if share < 0.5 {
                let strength = write_fixed(2.0 * share, 2);
                ("cell dedicated light", agents.to_string(), strength)
            } else {
                let strength = write_fixed(0.85 + 0.3 * (share - 0.5), 2);
                ("cell dedicated", agents.to_string(), strength)
            }
        }
    }
}

/// A week's table rows, Monday to Sunday, each headed by its day's name
/// and holding `cell(hour_of_week)` for its 24 hours.
pub fn week_rows<V: IntoView + 'static, F: Fn(usize) -> V>(
    t: &'static Texts,
    cell: F,
) -> impl IntoView + use<V, F> {
    t.later()
        .weekdays
        .split(' ')
        .take(7)
        .enumerate()
        .map(|(day, name)| {
            view! {
                <tr>
                    <th scope="row">{name}</th>
                    {(0..24).map(|hour| cell(day * 24 + hour)).collect_view()}
                </tr>
            }
        })
        .collect_view()
}

/// Who answers each hour of the week under one model, and with how many
/// agents on seat.
#[component]
pub fn CoverageHeatmap() -> impl IntoView {
    let calc = Calc::from_context();
    let t = calc.t();
    let shown = RwSignal::new(None::<ModelKind>);
    // The three ways to outsource: the buyer's own team is not a vendor's
    // team, which is what the legend and the sentence speak of. With it
    // picked, the nearest way to outsource it is shown first.
    let kind = Memo::new(move |_| {
        shown.get().unwrap_or_else(|| {
            calc.figures.with(|o| {
                let r = &o.recommendation;
                [Some(r.model), r.runner_up]
                    .into_iter()
                    .flatten()
                    .find(|k| ModelKind::ALL.contains(k))
                    .unwrap_or(ModelKind::Combined)
            })
        })
    });
    let hours = Memo::new(move |_| {
        calc.figures.with(|o| {
            o.model(kind.get())
                .map_or([HourCover::Uncovered; HOURS_PER_WEEK], |r| r.hours)
        })
    });
    let sentence = Signal::derive(move || {
        calc.figures.with(|o| {
            o.model(kind.get())
                .map(|r| coverage_sentence(r, t))
                .unwrap_or_default()
        })
    });
    // 168 cells follow the model shown in place, each from the one memo,
    // rather than a table drawn again on every change.
    let cell_view = move |hour_of_week: usize| {
        let of = move || hours.with(|h| cell(h, hour_of_week, t));
        view! {
            <td class=move || of().0 style:--strength=move || of().2>
                {move || of().1}
            </td>
        }
    };
    let rows = week_rows(t, cell_view);
    let hour_heads = (0..24)
        .map(|hour: u32| {
            let label = if hour.is_multiple_of(3) {
                hour.to_string()
            } else {
                String::new()
            };
            view! { <th scope="col">{label}</th> }
        })
        .collect_view();
    view! {
        <ChartFrame testid="coverage-heatmap" title=t.heatmap_title sentence>
            <div class="tabs" role="group" aria-label=t.later().model_shown>
                {ModelKind::ALL
                    .map(|k| {
                        view! {
                            <button
                                type="button"
                                aria-pressed=move || aria(kind.get() == k)
                                on:click=move |_| shown.set(Some(k))
                            >
                                {t.model(k)}
                            </button>
                        }
                    })
                    .collect_view()}
            </div>
            <div class="heatmap-wrap">
                <table class="heatmap">
                    <caption class="visually-hidden">{t.later().heatmap_caption}</caption>
                    <thead>
                        <tr>
                            <td></td>
                            {hour_heads}
                        </tr>
                    </thead>
                    <tbody>{rows}</tbody>
                </table>
            </div>
            <ul class="legend">
                <li>
                    <span class="swatch cell dedicated"></span>
                    {t.later().legend_dedicated}
                </li>
                <li>
                    <span class="swatch cell shared"></span>
                    {t.later().legend_shared}
                </li>
                <li>
                    <span class="swatch cell none"></span>
                    {t.later().legend_none}
                </li>
            </ul>
        </ChartFrame>
    }
}
