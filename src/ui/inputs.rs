//! Number fields bound to the scenario. A field keeps exactly what the user
//! typed; only a value the model accepts reaches the scenario. Fields are
//! markup (see `form.rs`); this writes them and handles what is typed.

use std::fmt::Write as _;

use leptos::prelude::*;
use wasm_bindgen::JsValue;

use super::browser;
use super::markup::{self, esc};
use super::messages;
use super::state::Calc;
use crate::i18n::{Texts, fill};
use crate::model::{Field, FieldRef, FieldSpec, Scenario};

/// Does a problem found by `validate` belong to this field? Opening and
/// closing hours are checked as a pair, so both own an hours problem.
fn concerns(field: Field, at: &FieldRef) -> bool {
    match at {
        FieldRef::Number(f) => *f == field,
        FieldRef::Hours => matches!(field, Field::Open | Field::Close),
        FieldRef::CoreHours => matches!(field, Field::CoreOpen | Field::CoreClose),
        _ => false,
    }
}

/// The scenario with `text` applied to `field`, or what is wrong with it.
fn apply(calc: &Calc, field: Field, text: &str) -> Result<Scenario, String> {
    let (f, t) = (calc.fmt_untracked(), calc.t());
    let value = messages::read(&field.spec(), text, &f, t)?;
    let mut next = calc.scenario.get_untracked();
    next.set(field, value);
    match next
        .validate()
        .into_iter()
        .find(|p| concerns(field, &p.field))
    {
        Some(problem) => Err(messages::problem(&problem.kind, &f, t)),
        None => Ok(next),
    }
}

fn id(field: Field) -> String {
    format!("f-{}", field.key())
}

/// The note under a field: its message, or its range.
fn note(calc: &Calc, field: Field, error: Option<&str>) -> String {
    let range = messages::range(&field.spec(), &calc.fmt_untracked(), calc.t());
    markup::note(error, &range)
}

/// Applies typed text: the scenario takes it if the model accepts it;
/// otherwise the field shows why and keeps the text, and the results say
/// they are stale.
pub fn take_text(calc: &Calc, field: Field, typed: &str) {
    let key = field.key();
    match apply(calc, field, typed) {
        Ok(next) => {
            browser::field_state(&id(field), false, &note(calc, field, None));
            calc.set_pending(key, None);
            calc.scenario.set(next);
        }
        Err(message) => {
            browser::field_state(&id(field), true, &note(calc, field, Some(&message)));
            calc.set_pending(key, Some(typed.to_owned()));
        }
    }
}

/// Keeps a field in step with the scenario when something else changed it
/// (a preset, the region's rate); retries pending text, which another
/// field may have made valid (a closing hour after the opening hour).
pub fn follow(calc: &Calc, field: Field, scenario: &Scenario, replaced: bool) {
    let id = id(field);
    let Some(text) = browser::get_value(&id) else {
        return;
    };
    let f = calc.fmt_untracked();
    let value = scenario.get(field);
    if let Some(pending) = calc.pending_text(field.key()) {
        take_text(calc, field, &pending);
    } else if replaced || f.read(&field.spec(), &text).ok() != Some(value) {
        browser::set_prop(&id, "value", &JsValue::from_str(&f.plain(value)));
        browser::field_state(&id, false, &note(calc, field, None));
    }
}

/// A step that suits the field's size: ArrowUp/ArrowDown move by it, ten
/// times with Shift, so a salesperson can adjust without retyping.
fn step(spec: &FieldSpec) -> f64 {
    let span = spec.max - spec.min;
    if span > 100_000.0 {
        100.0
    } else if span > 10_000.0 {
        50.0
    } else if span > 500.0 {
        10.0
    } else if span >= 5.0 || spec.whole {
        1.0
    } else {
        0.1
    }
}

/// ArrowUp or ArrowDown in a field (`direction` 1 or -1; `shift` for ten
/// steps): the next value, in range, shown and applied.
pub fn step_field(calc: &Calc, field: Field, direction: f64, shift: bool) {
    let id = id(field);
    let spec = field.spec();
    let f = calc.fmt_untracked();
    let current = browser::get_value(&id)
        .and_then(|text| f.read(&spec, &text).ok())
        .unwrap_or_else(|| calc.scenario.with_untracked(|s| s.get(field)));
    let unit_step = step(&spec);
    let count = if shift { 10.0 } else { 1.0 };
    // Counted in whole steps so 0.1 steps land on 0.3, not on
    // 0.30000000000000004.
    let steps = (current / unit_step).round() + direction * count;
    let next = if unit_step < 1.0 {
        steps / (1.0 / unit_step).round()
    } else {
        steps * unit_step
    };
    // max/min, not clamp: clamp's panic message formats floats with Debug,
    // which links Rust's float printer into the wasm.
    let next = f.plain(next.max(spec.min).min(spec.max));
    browser::set_prop(&id, "value", &JsValue::from_str(&next));
    take_text(calc, field, &next);
}

/// A labelled field with its unit, a `?` that opens its explanation, and a
/// note with its range or its message. Shows pending text if there is any,
/// with the message it earns.
pub fn field_markup(out: &mut String, calc: &Calc, field: Field) {
    let t: &Texts = calc.t();
    let spec = field.spec();
    let (label, help) = t.field(field);
    let pending = calc.pending_text(spec.key);
    let error = pending
        .as_deref()
        .and_then(|text| apply(calc, field, text).err());
    let text = pending.unwrap_or_else(|| {
        let value = calc.scenario.with_untracked(|s| s.get(field));
        calc.fmt_untracked().plain(value)
    });
    let id = id(field);
    let _ = write!(
        out,
        "<div class=\"field{invalid}\"><div class=\"label-row\"><label for=\"{id}\">{} <span class=\"unit\">{}</span></label>\
         <button type=\"button\" class=\"help-toggle\" aria-expanded=\"false\" aria-controls=\"{id}-help\" aria-label=\"{}\">?</button></div>\
         <p class=\"help\" id=\"{id}-help\" hidden>{}</p>\
         <input id=\"{id}\" type=\"text\" inputmode=\"{mode}\" autocomplete=\"off\" value=\"{}\" aria-invalid=\"{}\" aria-describedby=\"{id}-note\" data-field=\"{key}\">\
         <p class=\"note\" id=\"{id}-note\">{}</p></div>",
        esc(label),
        esc(messages::unit(spec.unit, t)),
        esc(&fill(t.help_button, &[label])),
        esc(help),
        esc(&text),
        error.is_some(),
        note(calc, field, error.as_deref()),
        invalid = if error.is_some() { " invalid" } else { "" },
        mode = if spec.whole { "numeric" } else { "decimal" },
        key = spec.key,
    );
}

/// A row of fields side by side.
pub fn row_markup(out: &mut String, calc: &Calc, fields: &[Field]) {
    out.push_str("<div class=\"row\">");
    for &field in fields {
        field_markup(out, calc, field);
    }
    out.push_str("</div>");
}
