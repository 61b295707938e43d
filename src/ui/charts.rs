//! Inline SVG charts drawn from the model's outcome: cost across volume and
//! who covers each hour of the week. Each has a table beside it for screen
//! readers (and for anyone who wants the numbers).

use std::fmt::Write as _;

use leptos::prelude::*;
use wasm_bindgen::JsValue;

use super::browser;
use super::format::Fmt;
use super::markup::{coord, esc};
use super::state::Calc;
use crate::i18n::{Texts, fill};
use crate::model::decimal::write_fixed;
use crate::model::{HourCover, ModelKind, ModelResult, Outcome};

// Integers: they are written into the SVG, and formatting an integer does
// not bring Rust's float printer into the wasm.
const W: i32 = 640;
const H: i32 = 280;
const LEFT: i32 = 64;
const RIGHT: i32 = 16;
const TOP: i32 = 16;
const BOTTOM: i32 = 40;

/// A "nice" axis maximum and step: 1, 2 or 5 times a power of ten.
fn nice_ticks(max: f64, target_ticks: f64) -> (f64, f64) {
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

fn series_class(kind: ModelKind) -> &'static str {
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
                let pen = if pen_down { 'L' } else { 'M' };
                let _ = write!(d, "{pen}{},{}", coord(x), coord(y));
                pen_down = true;
            }
            None => pen_down = false,
        }
    }
    d
}

fn break_even_sentence(o: &Outcome, f: &Fmt, t: &Texts) -> String {
    match (
        o.break_even.contacts_per_month,
        o.break_even.limited_by_pool_cap,
    ) {
        (Some(v), _) => fill(
            t.break_even_at,
            &[&f.count(v), &f.count(o.contacts_per_month)],
        ),
        (None, true) => t.break_even_capped.into(),
        (None, false) => t.break_even_none.into(),
    }
}

/// The three cost curves, the break-even marker and the reader's volume.
fn curve_svg(o: &Outcome, f: &Fmt, t: &Texts) -> String {
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
    let plot_w = f64::from(W - LEFT - RIGHT);
    let plot_h = f64::from(H - TOP - BOTTOM);
    let x = |v: f64| f64::from(LEFT) + v / x_axis_max * plot_w;
    let y = |v: f64| f64::from(TOP) + plot_h - v / y_max * plot_h;

    let mut svg = format!(
        "<svg viewBox=\"0 0 {W} {H}\" role=\"img\" aria-label=\"{}\">",
        esc(t.curves_label)
    );
    for i in 0..=((y_max / y_step).round() as usize) {
        let value = i as f64 * y_step;
        let at = coord(y(value));
        let _ = write!(
            svg,
            "<line class=\"grid\" x1=\"{LEFT}\" x2=\"{}\" y1=\"{at}\" y2=\"{at}\"/>\
             <text class=\"tick\" x=\"{}\" y=\"{at}\" text-anchor=\"end\" dominant-baseline=\"middle\">{}</text>",
            W - RIGHT,
            LEFT - 6,
            esc(&f.money_short(value))
        );
    }
    for i in 0..=((x_axis_max / x_step).round() as usize) {
        let value = i as f64 * x_step;
        let _ = write!(
            svg,
            "<text class=\"tick\" x=\"{}\" y=\"{}\" text-anchor=\"middle\">{}</text>",
            coord(x(value)),
            H - BOTTOM + 16,
            esc(&f.count_short(value))
        );
    }
    let now = coord(x(o.contacts_per_month));
    let _ = write!(
        svg,
        "<text class=\"axis-label\" x=\"{}\" y=\"{}\" text-anchor=\"middle\">{}</text>\
         <line class=\"you\" x1=\"{now}\" x2=\"{now}\" y1=\"{TOP}\" y2=\"{}\" data-testid=\"current-volume\"/>",
        coord(f64::from(LEFT) + plot_w / 2.0),
        H - 4,
        esc(t.contacts_axis),
        H - BOTTOM
    );
    let lines: [(ModelKind, Vec<Option<f64>>); 3] = [
        (ModelKind::Shared, c.shared.clone()),
        (
            ModelKind::Dedicated,
            c.dedicated.iter().copied().map(Some).collect(),
        ),
        (
            ModelKind::Combined,
            c.combined.iter().copied().map(Some).collect(),
        ),
    ];
    for (kind, values) in lines {
        let d = path(
            c.volumes
                .iter()
                .zip(values)
                .map(|(v, cost)| cost.map(|cost| (x(*v), y(cost)))),
        );
        let _ = write!(
            svg,
            "<path class=\"series {}\" data-series=\"{}\" d=\"{d}\"/>",
            series_class(kind),
            kind.key()
        );
    }
    if let Some(v) = o.break_even.contacts_per_month.filter(|v| *v <= x_axis_max) {
        let at = coord(x(v));
        let _ = write!(
            svg,
            "<g class=\"marker\" data-testid=\"break-even\"><line x1=\"{at}\" x2=\"{at}\" y1=\"{TOP}\" y2=\"{}\"/>\
             <text x=\"{}\" y=\"{}\">{}</text></g>",
            H - BOTTOM,
            coord(x(v) + 4.0),
            TOP + 10,
            esc(t.break_even)
        );
    }
    svg.push_str("</svg><ul class=\"legend\">");
    for kind in ModelKind::ALL {
        let _ = write!(
            svg,
            "<li><span class=\"swatch {}\"></span>{}</li>",
            series_class(kind),
            esc(t.model(kind))
        );
    }
    let _ = write!(
        svg,
        "<li><span class=\"swatch you\"></span>{}</li></ul>",
        esc(t.your_volume)
    );
    svg
}

/// Every fifth point of the curves, as table rows.
fn curve_rows(o: &Outcome, f: &Fmt, t: &Texts) -> String {
    let c = &o.curves;
    let cell = |x: Option<f64>| x.map_or_else(|| t.over_pool_cap.to_owned(), |v| f.money(v));
    let mut out = String::new();
    for (i, v) in c.volumes.iter().enumerate().step_by(5) {
        super::markup::row(
            &mut out,
            &f.count(*v),
            &[
                cell(c.shared.get(i).copied().flatten()),
                cell(c.dedicated.get(i).copied()),
                cell(c.combined.get(i).copied()),
            ],
        );
    }
    out
}

/// A chart's caption: its title and the sentence that says what it shows.
fn caption(title: &str, sentence: &str) -> String {
    format!(
        "<h3>{}</h3><p class=\"chart-note\">{}</p>",
        esc(title),
        esc(sentence)
    )
}

#[component]
pub fn CostCurves() -> impl IntoView {
    let calc = Calc::from_context();
    let t = calc.t();
    let drawn = move |g: fn(&Outcome, &Fmt, &Texts) -> String| {
        move || {
            let f = calc.fmt();
            calc.outcome.with(|o| g(o, &f, t))
        }
    };
    let sentence = drawn(break_even_sentence);
    let rows = drawn(curve_rows);
    let mut head = format!("<tr><th scope=\"col\">{}</th>", esc(t.contacts_a_month));
    for kind in ModelKind::ALL {
        let _ = write!(head, "<th scope=\"col\">{}</th>", esc(t.model(kind)));
    }
    head.push_str("</tr>");
    // The table is focusable, so a keyboard can scroll it on a phone.
    let table = move || {
        format!(
            "<summary>{}</summary><div class=\"table-wrap\" tabindex=\"0\" role=\"region\" aria-label=\"{title}\">\
             <table><thead>{head}</thead><tbody>{}</tbody></table></div>",
            esc(t.show_table),
            rows(),
            title = esc(t.curves_title),
        )
    };
    view! {
        <figure class="chart" data-testid="cost-curves">
            <figcaption inner_html=move || caption(t.curves_title, &sentence())></figcaption>
            <div inner_html=drawn(curve_svg)></div>
            <details inner_html=table></details>
        </figure>
    }
}

fn cover_of(result: &ModelResult, hour_of_week: usize) -> HourCover {
    result
        .hours
        .get(hour_of_week)
        .copied()
        .unwrap_or(HourCover::Uncovered)
}

fn peak_agents(r: &ModelResult) -> u32 {
    r.hours.iter().fold(0, |m, h| match h {
        HourCover::Dedicated { agents } => m.max(*agents),
        _ => m,
    })
}

/// Seven rows of 24 cells: agents on seat, the shared pool or nobody.
fn heatmap_rows(r: &ModelResult, t: &Texts) -> String {
    let top = f64::from(peak_agents(r).max(1));
    let mut out = String::new();
    for (day, name) in t.weekdays.split(' ').enumerate().take(7) {
        let _ = write!(out, "<tr><th scope=\"row\">{}</th>", esc(name));
        for hour in 0..24 {
            let _ = match cover_of(r, day * 24 + hour) {
                HourCover::Uncovered => write!(out, "<td class=\"cell none\"></td>"),
                HourCover::Shared => {
                    write!(out, "<td class=\"cell shared\">{}</td>", esc(t.shared_mark))
                }
                HourCover::Dedicated { agents } => write!(
                    out,
                    "<td class=\"cell dedicated\" style=\"--strength:{}\">{agents}</td>",
                    write_fixed(0.35 + 0.65 * f64::from(agents) / top, 2).unwrap_or_default()
                ),
            };
        }
        out.push_str("</tr>");
    }
    out
}

fn coverage_sentence(r: &ModelResult, t: &Texts) -> String {
    let count = |f: fn(&HourCover) -> bool| r.hours.iter().filter(|h| f(h)).count().to_string();
    let dedicated = count(|h| matches!(h, HourCover::Dedicated { .. }));
    let shared = count(|h| matches!(h, HourCover::Shared));
    let peak = peak_agents(r).to_string();
    match (dedicated.as_str(), shared.as_str()) {
        ("0", s) => fill(t.coverage_shared_only, &[s]),
        (d, "0") => fill(t.coverage_dedicated_only, &[d, &peak]),
        (d, s) => fill(t.coverage_both, &[d, &peak, s]),
    }
}

/// Who answers each hour of the week under one model, and with how many
/// agents on seat.
#[component]
pub fn CoverageHeatmap() -> impl IntoView {
    let calc = Calc::from_context();
    let t = calc.t();
    let shown = RwSignal::new(None::<ModelKind>);
    let kind = move || {
        shown
            .get()
            .unwrap_or_else(|| calc.outcome.with(|o| o.recommendation.model))
    };
    let of_shown = move |g: fn(&ModelResult, &Texts) -> String| {
        move || {
            let k = kind();
            calc.outcome.with(|o| g(o.model(k), t))
        }
    };
    let sentence = of_shown(coverage_sentence);
    // The tabs stay put (a click keeps focus on its tab); only which one
    // is pressed follows the model shown.
    let mut tabs = String::new();
    let first = untrack(kind);
    for k in ModelKind::ALL {
        let _ = write!(
            tabs,
            "<button type=\"button\" id=\"tab-{key}\" data-model=\"{key}\" aria-pressed=\"{}\">{}</button>",
            k == first,
            esc(t.model(k)),
            key = k.key(),
        );
    }
    let pressed = RenderEffect::new(move |_| {
        let k = kind();
        for m in ModelKind::ALL {
            let value = JsValue::from_str(if m == k { "true" } else { "false" });
            browser::set_prop(&format!("tab-{}", m.key()), "ariaPressed", &value);
        }
    });
    on_cleanup(move || drop(pressed));
    let on_click = move |ev: web_sys::MouseEvent| {
        let key = browser::event_data(&ev, "data-model");
        if let Some(k) = ModelKind::ALL
            .into_iter()
            .find(|k| key.as_deref() == Some(k.key()))
        {
            shown.set(Some(k));
        }
    };
    let mut hours_head = format!(
        "<caption class=\"visually-hidden\">{}</caption><thead><tr><td></td>",
        esc(t.heatmap_caption)
    );
    for hour in 0..24 {
        let label = if hour % 3 == 0 {
            hour.to_string()
        } else {
            String::new()
        };
        let _ = write!(hours_head, "<th scope=\"col\">{label}</th>");
    }
    hours_head.push_str("</tr></thead>");
    let rows = of_shown(heatmap_rows);
    let legend = format!(
        "<li><span class=\"swatch cell dedicated\"></span>{}</li>\
         <li><span class=\"swatch cell shared\"></span>{}</li>\
         <li><span class=\"swatch cell none\"></span>{}</li>",
        esc(t.legend_dedicated),
        esc(t.legend_shared),
        esc(t.legend_none)
    );
    view! {
        <figure class="chart" data-testid="coverage-heatmap">
            <figcaption inner_html=move || caption(t.heatmap_title, &sentence())></figcaption>
            <div class="tabs" role="group" aria-label=t.model_shown on:click=on_click inner_html=tabs></div>
            <div class="heatmap-wrap">
                <table class="heatmap" inner_html=move || format!("{hours_head}<tbody>{}</tbody>", rows())></table>
            </div>
            <ul class="legend" inner_html=legend></ul>
        </figure>
    }
}
