//! The buyer's own hourly volumes: a box to paste a spreadsheet's week or a
//! help desk's export into, what the model reads in it (a preview of the
//! week, the monthly volume it implies, or the line it cannot read), and
//! the button that makes it the scenario's arrival pattern.

use leptos::prelude::*;

use super::charts::week_rows;
use super::format::Fmt;
use super::inputs::aria;
use super::lazy::{self, Part};
use super::state::Calc;
use crate::i18n::{Texts, fill};
use crate::model::decimal::write_fixed;
use crate::model::hourly::{Date, Hourly, PasteError, PasteErrorKind, Source, read_hourly};
use crate::model::{ArrivalPattern, HOURS_PER_WEEK};

fn date(d: Date) -> String {
    format!("{:04}-{:02}-{:02}", d.year, d.month, d.day)
}

/// What the text was read as, and the monthly volume it implies.
fn reading(h: &Hourly, f: &Fmt, t: &Texts) -> String {
    let month = f.count(h.per_month().round());
    match h.source {
        Source::Week => fill(
            t.later().hourly_read_week,
            &[&f.count(h.per_week().round()), &month],
        ),
        Source::Day { days } => fill(t.later().hourly_read_day, &[&days.to_string(), &month]),
        Source::Log {
            contacts,
            first,
            last,
        } => fill(
            t.later().hourly_read_log,
            &[&f.count(contacts), &date(first), &date(last), &month],
        ),
    }
}

fn busiest(h: &Hourly, f: &Fmt, t: &Texts) -> String {
    let (hour, most) =
        h.per_hour.iter().enumerate().fold(
            (0, 0.0),
            |best, (i, &v)| if v > best.1 { (i, v) } else { best },
        );
    let day = t.later().weekdays.split(' ').nth(hour / 24).unwrap_or("");
    let most = if most >= 10.0 {
        f.count(most.round())
    } else {
        f.one_decimal(most)
    };
    fill(
        t.later().hourly_busiest,
        &[day, &(hour % 24).to_string(), &most],
    )
}

fn problem(e: &PasteError, f: &Fmt, t: &Texts) -> String {
    let found = e.found.as_str();
    let message = match e.kind {
        PasteErrorKind::Empty => t.later().hourly_err_empty.into(),
        PasteErrorKind::TooLong { max_chars } => {
            fill(t.later().hourly_err_too_long, &[&f.count(max_chars as f64)])
        }
        PasteErrorKind::NotANumber => fill(t.later().hourly_err_not_number, &[found]),
        PasteErrorKind::Negative => fill(t.later().hourly_err_negative, &[found]),
        PasteErrorKind::RowLength { found, expected } => fill(
            t.later().hourly_err_row,
            &[&found.to_string(), &expected.to_string()],
        ),
        PasteErrorKind::Count { found } => fill(t.later().hourly_err_count, &[&found.to_string()]),
        PasteErrorKind::NotATimestamp => fill(t.later().hourly_err_timestamp, &[found]),
        PasteErrorKind::NotAnHour => fill(t.later().hourly_err_hour, &[found]),
        PasteErrorKind::NoContacts => t.later().hourly_err_no_contacts.into(),
    };
    if e.line == 0 {
        message
    } else {
        fill(t.later().hourly_line, &[&e.line.to_string(), &message])
    }
}

/// The week read from the box, each hour shaded against the busiest. The
/// sentences beside it say what it holds, so it is hidden from readers.
/// Drawn whole for each reading: a paste is one change, not a keystroke
/// stream, and plain cells cost less wasm than 168 reactive ones.
fn preview(week: &[f64; HOURS_PER_WEEK], t: &'static Texts) -> impl IntoView + use<> {
    let top = week.iter().fold(0.0_f64, |m, &v| m.max(v));
    // A copy: the rows' type names the closure, which may not borrow.
    let week = *week;
    let rows = week_rows(t, move |hour| {
        let v = week[hour];
        let strength = (v > 0.0).then(|| write_fixed(0.15 + 0.85 * v / top, 2));
        let class = if v > 0.0 {
            "cell dedicated"
        } else {
            "cell none"
        };
        view! { <td class=class style:--strength=strength.flatten()></td> }
    });
    view! {
        <table class="heatmap preview" aria-hidden="true" data-testid="hourly-preview">
            <tbody>{rows}</tbody>
        </table>
    }
}

/// "Paste hourly volumes": the box opens under the arrival pattern.
#[component]
pub fn HourlyVolumes() -> impl IntoView {
    let calc = Calc::from_context();
    let t = calc.t();
    let open = RwSignal::new(!calc.pasted.get_untracked().is_empty());
    // The panel is made when first opened, and then only hidden: a page
    // load does not pay for a box few open. Its code, with the parser, is
    // in a wasm chunk (lazy.rs).
    let made = Memo::new(move |made: Option<&bool>| made.copied().unwrap_or(false) || open.get());
    view! {
        <div class="hourly">
            <button
                type="button"
                id="hourly-open"
                aria-expanded=move || aria(open.get())
                aria-controls="hourly-panel"
                on:click=move |_| open.update(|o| *o = !*o)
            >
                {t.hourly_open}
            </button>
            {move || made.get().then(|| view! {
            <div id="hourly-panel" class="hourly-panel" hidden=move || !open.get()>
                <Part load=lazy::hourly_panel />
            </div>
            })}
        </div>
    }
}

/// The box, what the model reads in it, and the button that uses it.
#[component]
pub fn HourlyPanel() -> impl IntoView {
    let calc = Calc::from_context();
    let t = calc.t();
    let keep = RwSignal::new(false);
    // A memo, so that typing in another field does not read a long export
    // again: only the days covered matter to the reading (of a single day).
    let days = Memo::new(move |_| {
        calc.scenario
            .with(|s| if s.all_week { 7 } else { s.days as usize })
    });
    let read = Memo::new(move |_| calc.pasted.with(|text| read_hourly(text, days.get())));
    let typed = move || calc.pasted.with(|text| !text.trim().is_empty());
    let error = move || {
        let f = calc.fmt();
        read.with(|r| r.as_ref().err().map(|e| problem(e, &f, t)))
            .filter(|_| typed())
    };
    let summary = move || {
        let f = calc.fmt();
        read.with(|r| {
            r.as_ref()
                .ok()
                .map(|h| (reading(h, &f, t), busiest(h, &f, t)))
        })
    };
    let in_use = move || {
        calc.scenario
            .with(|s| matches!(s.pattern, ArrivalPattern::Custom(_)))
    };
    let apply = move |_| {
        if let Ok(h) = read.get_untracked() {
            let keep = keep.get_untracked();
            calc.update(|s| h.apply_to(s, keep));
        }
    };
    view! {
        <label for="f-hourly">{t.later().hourly_label}</label>
        <p class="note hint" id="f-hourly-help">{t.later().hourly_help}</p>
        <textarea
            id="f-hourly"
            rows="6"
            spellcheck="false"
            autocomplete="off"
            aria-describedby="f-hourly-help f-hourly-note"
            aria-invalid=move || aria(error().is_some())
            prop:value=move || calc.pasted.get()
            on:input=move |ev| calc.pasted.set(event_target_value(&ev))
        ></textarea>
        <div id="f-hourly-note" aria-live="polite">
            {move || error().map(|message| view! { <p class="note error">{message}</p> })}
            {move || {
                summary()
                    .map(|(reading, busiest)| {
                        view! {
                            <p class="note" data-testid="hourly-reading">{reading}</p>
                            <p class="note">{busiest}</p>
                        }
                    })
            }}
        </div>
        {move || read.with(|r| r.as_ref().ok().map(|h| preview(&h.per_hour, t)))}
        <label class="toggle">
            <input
                type="checkbox"
                id="f-hourly-keep"
                prop:checked=keep
                on:change=move |ev| keep.set(event_target_checked(&ev))
            />
            <span>{t.later().hourly_keep}</span>
        </label>
        <button
            type="button"
            id="hourly-use"
            disabled=move || read.with(Result::is_err)
            on:click=apply
        >
            {t.later().hourly_use}
        </button>
        <p class="note" role="status">{move || in_use().then_some(t.later().hourly_in_use)}</p>
    }
}
