//! Form controls bound to the scenario. A field keeps exactly what the user
//! typed; only a value the model accepts reaches the scenario.

use leptos::prelude::*;

use super::markup;
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
    let value = f
        .read(&field.spec(), text)
        .map_err(|e| messages::field_error(&e, &f, t))?;
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

#[component]
pub fn NumberField(field: Field) -> impl IntoView {
    let calc = Calc::from_context();
    let (t, f) = (calc.t(), calc.fmt_untracked());
    let spec = field.spec();
    let (label, help) = t.field(field);
    let show_help = RwSignal::new(false);
    let pending = calc.pending_text(spec.key);
    let shown = move |value: f64| f.plain(value);
    let text = RwSignal::new(
        pending
            .clone()
            .unwrap_or_else(|| shown(calc.scenario.get_untracked().get(field))),
    );
    let error = RwSignal::new(None::<String>);
    let read = move |typed: &str| f.read(&spec, typed);

    let try_text = move |typed: &str| match apply(&calc, field, typed) {
        Ok(next) => {
            error.set(None);
            calc.set_pending(spec.key, None);
            calc.scenario.set(next);
        }
        Err(message) => {
            error.set(Some(message));
            calc.set_pending(spec.key, Some(typed.to_owned()));
        }
    };
    // Text kept from before the page was last rendered (a language switch)
    // shows its message again.
    if let Some(typed) = pending {
        try_text(&typed);
    }

    // Keeps the box in step with the scenario when something else changes it
    // (a preset, the region's rate); retries pending text when another field
    // change may have made it valid (closing hour after opening hour).
    let effect = RenderEffect::new(move |last_revision: Option<u32>| {
        let revision = calc.revision.get();
        let value = calc.scenario.with(|s| s.get(field));
        let replaced = last_revision.is_some_and(|r| r != revision);
        if replaced {
            error.set(None);
        }
        if error.get_untracked().is_some() {
            try_text(&text.get_untracked());
        } else if read(&text.get_untracked()).ok() != Some(value) {
            text.set(shown(value));
        }
        revision
    });
    on_cleanup(move || drop(effect));

    let on_key = move |ev: leptos::ev::KeyboardEvent| {
        let direction = match ev.key().as_str() {
            "ArrowUp" => 1.0,
            "ArrowDown" => -1.0,
            _ => return,
        };
        ev.prevent_default();
        let current = read(&text.get_untracked())
            .unwrap_or_else(|_| calc.scenario.get_untracked().get(field));
        let unit_step = step(&spec);
        let count = if ev.shift_key() { 10.0 } else { 1.0 };
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
        let next = shown(next.max(spec.min).min(spec.max));
        text.set(next.clone());
        try_text(&next);
    };

    let id = format!("f-{}", spec.key);
    let note_id = format!("{id}-note");
    let help_id = format!("{id}-help");
    let has_error = move || error.with(Option::is_some);
    view! {
        <div class="field" class:invalid=has_error>
            <div class="label-row">
                <label for=id.clone()>
                    {label}" "<span class="unit">{messages::unit(spec.unit, t)}</span>
                </label>
                <button
                    type="button"
                    class="help-toggle"
                    aria-expanded=move || if show_help.get() { "true" } else { "false" }
                    aria-controls=help_id.clone()
                    aria-label=fill(t.help_button, &[label])
                    on:click=move |_| show_help.update(|v| *v = !*v)
                >
                    "?"
                </button>
            </div>
            <p class="help" id=help_id hidden=move || !show_help.get()>{help}</p>
            <input
                id=id
                type="text"
                inputmode=if spec.whole { "numeric" } else { "decimal" }
                autocomplete="off"
                prop:value=move || text.get()
                aria-invalid=move || if has_error() { "true" } else { "false" }
                aria-describedby=note_id.clone()
                on:keydown=on_key
                on:input=move |ev| {
                    let typed = event_target_value(&ev);
                    text.set(typed.clone());
                    try_text(&typed);
                }
            />
            <p class="note" id=note_id>
                {move || match error.get() {
                    Some(message) => view! { <span class="error">{message}</span> }.into_any(),
                    None => view! { <span class="hint">{messages::range(&spec, &f, t)}</span> }.into_any(),
                }}
            </p>
        </div>
    }
}

/// A yes/no setting shown as a switch-like checkbox.
#[component]
pub fn Toggle(
    label: &'static str,
    get: fn(&Scenario) -> bool,
    set: fn(&mut Scenario, bool),
) -> impl IntoView {
    let calc = Calc::from_context();
    view! {
        <label class="toggle">
            <input
                type="checkbox"
                prop:checked=move || calc.scenario.with(get)
                on:change=move |ev| {
                    let on = event_target_checked(&ev);
                    calc.update(|s| set(s, on));
                }
            />
            <span>{label}</span>
        </label>
    }
}

/// One of a fixed set of options (region, arrival pattern) as a select.
#[component]
pub fn Choice<T>(
    id: &'static str,
    label: &'static str,
    options: &'static [T],
    key: fn(T) -> &'static str,
    name: fn(T, &Texts) -> &'static str,
    get: fn(&Scenario) -> T,
    set: fn(&mut Scenario, T),
) -> impl IntoView
where
    T: Copy + PartialEq + Send + Sync + 'static,
{
    let calc = Calc::from_context();
    let t = calc.t();
    // The chosen key, so the options are written again only when it changes.
    let current = Memo::new(move |_| key(calc.scenario.with(get)));
    view! {
        <div class="field">
            <label for=id>{label}</label>
            <select
                id=id
                inner_html=move || {
                    let current = current.get();
                    markup::options(options.iter().map(|&o| (key(o), name(o, t), key(o) == current)))
                }
                on:change=move |ev| {
                    let chosen = event_target_value(&ev);
                    if let Some(option) = options.iter().copied().find(|o| key(*o) == chosen) {
                        calc.update(|s| set(s, option));
                    }
                }
            >
            </select>
        </div>
    }
}
