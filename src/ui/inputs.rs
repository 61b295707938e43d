//! The shared input components: a number box driven by a model `Field`
//! (with its explanation and its note), a select and a note. A box keeps
//! exactly what the user typed; only a value the model accepts reaches the
//! scenario.

use leptos::either::Either;
use leptos::prelude::*;

use super::messages;
use super::state::Calc;
use crate::i18n::fill;
use crate::model::{Field, FieldRef, FieldSpec, MONTH_SPEC, MONTHS, Month, Scenario};

/// What a box edits: a number field of the scenario, or one month's volume
/// multiplier.
#[derive(Clone, Copy, PartialEq)]
pub enum Slot {
    Field(Field),
    Month(Month),
}

/// The keys under which a month's text is pending.
const MONTH_KEYS: [&str; MONTHS] = [
    "month-1", "month-2", "month-3", "month-4", "month-5", "month-6", "month-7", "month-8",
    "month-9", "month-10", "month-11", "month-12",
];

impl Slot {
    pub fn key(self) -> &'static str {
        match self {
            Slot::Field(field) => field.key(),
            Slot::Month(month) => MONTH_KEYS[month.index()],
        }
    }

    pub fn spec(self) -> FieldSpec {
        match self {
            Slot::Field(field) => field.spec(),
            Slot::Month(_) => MONTH_SPEC,
        }
    }

    fn get(self, s: &Scenario) -> f64 {
        match self {
            Slot::Field(field) => s.get(field),
            Slot::Month(month) => s.year.get(month),
        }
    }

    fn set(self, s: &mut Scenario, value: f64) {
        match self {
            Slot::Field(field) => s.set(field, value),
            Slot::Month(month) => s.year.0[month.index()] = value,
        }
    }

    /// Does a problem found by `validate` belong to this box? Opening and
    /// closing hours are checked as a pair, so both own an hours problem.
    fn concerns(self, at: &FieldRef) -> bool {
        match (self, at) {
            (Slot::Field(field), FieldRef::Number(f)) => *f == field,
            (Slot::Field(field), FieldRef::Hours) => matches!(field, Field::Open | Field::Close),
            (Slot::Field(field), FieldRef::CoreHours) => {
                matches!(field, Field::CoreOpen | Field::CoreClose)
            }
            (Slot::Field(field), FieldRef::OwnHours) => {
                matches!(field, Field::OwnOpen | Field::OwnClose)
            }
            (Slot::Month(month), FieldRef::Month(m)) => *m == month,
            _ => false,
        }
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

/// One number box: the text in it and what is wrong with that text.
#[derive(Clone, Copy)]
pub struct Entry {
    calc: Calc,
    slot: Slot,
    pub text: RwSignal<String>,
    pub error: RwSignal<Option<String>>,
}

impl Entry {
    /// Shows text still pending from before the page was drawn again (a
    /// language switch), with the message it earns in the new language.
    /// The box then follows the scenario from its next change on, and
    /// shows its value afresh when the revision moved (a preset, a reset).
    pub fn new(calc: Calc, slot: Slot) -> Self {
        let pending = calc.pending_text(slot.key());
        let error = pending
            .as_deref()
            .and_then(|text| apply(&calc, slot, text).err());
        let text = pending.unwrap_or_else(|| {
            let value = calc.scenario.with_untracked(|s| slot.get(s));
            calc.fmt_untracked().plain(value)
        });
        let entry = Entry {
            calc,
            slot,
            text: RwSignal::new(text),
            error: RwSignal::new(error),
        };
        Effect::watch(
            move || (calc.revision.get(), calc.scenario.track()),
            move |now, before, _| entry.follow(before.is_some_and(|b| b.0 != now.0)),
            false,
        );
        entry
    }

    /// Typed text: the scenario takes it if the model accepts it; otherwise
    /// the box keeps it and says why, and the results say they are stale.
    pub fn take(&self, typed: String) {
        let (calc, key) = (self.calc, self.slot.key());
        let checked = apply(&calc, self.slot, &typed);
        self.text.set(typed.clone());
        match checked {
            Ok(next) => {
                // Only a change: setting None again would draw the note anew
                // on every keystroke.
                if self.error.with_untracked(Option::is_some) {
                    self.error.set(None);
                }
                calc.set_pending(key, None);
                calc.scenario.set(next);
            }
            Err(message) => {
                self.error.set(Some(message));
                calc.set_pending(key, Some(typed));
            }
        }
    }

    /// Follows a scenario that something else changed (a preset, the
    /// region's rate); retries pending text, which another field may have
    /// made valid (a closing hour after the opening hour).
    fn follow(&self, replaced: bool) {
        let calc = self.calc;
        let f = calc.fmt_untracked();
        let value = calc.scenario.with_untracked(|s| self.slot.get(s));
        if let Some(pending) = calc.pending_text(self.slot.key()) {
            self.take(pending);
        } else if replaced
            || self
                .text
                .with_untracked(|text| f.read(&self.slot.spec(), text).ok() != Some(value))
        {
            self.text.set(f.plain(value));
            self.error.set(None);
        }
    }

    /// ArrowUp or ArrowDown (`direction` 1 or -1; `shift` for ten steps):
    /// the next value, in range, shown and applied.
    pub fn step(&self, direction: f64, shift: bool) {
        let spec = self.slot.spec();
        let f = self.calc.fmt_untracked();
        let current = self
            .text
            .with_untracked(|text| f.read(&spec, text).ok())
            .unwrap_or_else(|| self.calc.scenario.with_untracked(|s| self.slot.get(s)));
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
        // max/min, not clamp: clamp's panic message formats floats with
        // Debug, which links Rust's float printer into the wasm.
        self.take(f.plain(next.max(spec.min).min(spec.max)));
    }
}

/// The scenario with `text` applied to `slot`, or what is wrong with it.
fn apply(calc: &Calc, slot: Slot, text: &str) -> Result<Scenario, String> {
    let (f, t) = (calc.fmt_untracked(), calc.t());
    let value = messages::read(&slot.spec(), text, &f, t)?;
    let mut next = calc.scenario.get_untracked();
    slot.set(&mut next, value);
    match next
        .validate()
        .into_iter()
        .find(|p| slot.concerns(&p.field))
    {
        Some(problem) => Err(messages::problem(&problem.kind, &f, t)),
        None => Ok(next),
    }
}

/// `aria-*` states are the words "true" and "false", not present or absent.
pub fn aria(on: bool) -> &'static str {
    if on { "true" } else { "false" }
}

/// The note under a box: the message when what was typed is wrong, else
/// the hint.
#[component]
pub fn Note(
    id: String,
    error: RwSignal<Option<String>>,
    #[prop(into)] hint: Signal<String>,
) -> impl IntoView {
    view! {
        <p class="note" id=id>
            {move || match error.get() {
                Some(message) => Either::Left(view! { <span class="error">{message}</span> }),
                None => Either::Right(view! { <span class="hint">{hint.get()}</span> }),
            }}
        </p>
    }
}

/// A labelled box for one field of the scenario, with its unit, a `?` that
/// opens its explanation, and a note with its range or its message.
#[component]
pub fn NumberField(field: Field) -> impl IntoView {
    let calc = Calc::from_context();
    let t = calc.t();
    let spec = field.spec();
    let (label, help) = t.field(field);
    let entry = Entry::new(calc, Slot::Field(field));
    let help_open = RwSignal::new(false);
    let invalid = move || entry.error.with(Option::is_some);
    let id = format!("f-{}", spec.key);
    let help_id = format!("{id}-help");
    let note_id = format!("{id}-note");
    let range = messages::range(&spec, &calc.fmt_untracked(), t);
    let on_key = move |ev: web_sys::KeyboardEvent| {
        let direction = match ev.key().as_str() {
            "ArrowUp" => 1.0,
            "ArrowDown" => -1.0,
            // Help from the field itself, so its "?" button need not be a
            // Tab stop of its own: no number holds a "?".
            "F1" | "?" => {
                ev.prevent_default();
                help_open.update(|open| *open = !*open);
                return;
            }
            _ => return,
        };
        ev.prevent_default();
        entry.step(direction, ev.shift_key());
    };
    view! {
        <div class="field" class:invalid=invalid>
            <div class="label-row">
                <label for=id.clone()>
                    {label}
                    " "
                    <span class="unit">{messages::unit(spec.unit, t)}</span>
                </label>
                // Out of the Tab order: F1 or "?" in the field opens it.
                <button
                    type="button"
                    class="help-toggle"
                    tabindex="-1"
                    aria-expanded=move || aria(help_open.get())
                    aria-controls=help_id.clone()
                    aria-label=fill(t.help_button, &[label])
                    on:click=move |_| help_open.update(|open| *open = !*open)
                >
                    "?"
                </button>
            </div>
            // A live region, so the help is read out as it opens from the field.
            <p class="help" id=help_id aria-live="polite">
                {move || help_open.get().then_some(help)}
            </p>
            <input
                id=id
                type="text"
                inputmode=if spec.whole { "numeric" } else { "decimal" }
                autocomplete="off"
                prop:value=entry.text
                aria-invalid=move || aria(invalid())
                aria-describedby=note_id.clone()
                aria-keyshortcuts="F1"
                on:input=move |ev| entry.take(event_target_value(&ev))
                on:keydown=on_key
            />
            <Note id=note_id error=entry.error hint=range />
        </div>
    }
}

/// A row of fields side by side.
#[component]
pub fn FieldRow(fields: &'static [Field]) -> impl IntoView {
    view! {
        <div class="row">
            {fields.iter().map(|&field| view! { <NumberField field /> }).collect_view()}
        </div>
    }
}

/// A labelled select of `(value, label)` options; `current` is the value
/// selected, and `on_pick` hears the one the user picks. The option
/// `only_when_current` is listed only while it is the current value.
#[component]
pub fn Select(
    id: String,
    label: &'static str,
    options: Vec<(&'static str, &'static str)>,
    #[prop(optional)] only_when_current: &'static str,
    current: Signal<&'static str>,
    on_pick: Callback<String>,
) -> impl IntoView {
    view! {
        <div class="field">
            <label for=id.clone()>{label}</label>
            <select id=id on:change=move |ev| on_pick.run(event_target_value(&ev))>
                {options
                    .into_iter()
                    .map(|(value, name)| {
                        let unlisted = move || value == only_when_current && current.get() != value;
                        view! {
                            <option
                                value=value
                                prop:selected=move || current.get() == value
                                hidden=unlisted
                                disabled=unlisted
                            >
                                {name}
                            </option>
                        }
                    })
                    .collect_view()}
            </select>
        </div>
    }
}
