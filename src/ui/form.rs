//! The inputs form: the essentials first, then closed sections of the
//! rest. Every number box is a `NumberField` driven by its model `Field`.

use leptos::prelude::*;

use super::hourly::HourlyVolumes;
use super::inputs::{FieldRow, NumberField, Select, Slot};
use super::lazy::{self, Part};
use super::messages;
use super::state::Calc;
use crate::i18n::Texts;
use crate::model::pattern::CUSTOM_KEY;
use crate::model::{ArrivalPattern, Field, Month, Region, Scenario, Season};

/// A yes/no setting, shown as a checkbox.
#[derive(Clone, Copy)]
pub enum Switch {
    AllWeek,
    Multilingual,
    Specialised,
    Tier2Outsourced,
    SeasonalAgents,
    AcwBilled,
}

impl Switch {
    fn key(self) -> &'static str {
        match self {
            Switch::AllWeek => "all-week",
            Switch::Multilingual => "multilingual",
            Switch::Specialised => "specialised",
            Switch::Tier2Outsourced => "tier2-outsourced",
            Switch::SeasonalAgents => "seasonal",
            Switch::AcwBilled => "acw-billed",
        }
    }

    fn label(self, t: &Texts) -> &'static str {
        match self {
            Switch::AllWeek => t.all_week,
            Switch::Multilingual => t.multilingual,
            Switch::Specialised => t.specialised,
            Switch::Tier2Outsourced => t.tier2_outsourced,
            Switch::SeasonalAgents => t.seasonal_agents,
            Switch::AcwBilled => t.acw_billed,
        }
    }

    fn get(self, s: &Scenario) -> bool {
        match self {
            Switch::AllWeek => s.all_week,
            Switch::Multilingual => s.multilingual,
            Switch::Specialised => s.specialised,
            Switch::Tier2Outsourced => s.tier2_outsourced,
            Switch::SeasonalAgents => s.seasonal_agents,
            Switch::AcwBilled => s.acw_billed,
        }
    }

    fn set(self, s: &mut Scenario, on: bool) {
        match self {
            Switch::AllWeek => s.all_week = on,
            Switch::Multilingual => s.multilingual = on,
            Switch::Specialised => s.specialised = on,
            Switch::Tier2Outsourced => s.tier2_outsourced = on,
            Switch::SeasonalAgents => s.seasonal_agents = on,
            Switch::AcwBilled => s.acw_billed = on,
        }
    }
}

#[component]
pub fn Toggle(switch: Switch) -> impl IntoView {
    let calc = Calc::from_context();
    view! {
        <label class="toggle">
            <input
                type="checkbox"
                id=format!("f-{}", switch.key())
                prop:checked=move || calc.scenario.with(|s| switch.get(s))
                on:change=move |ev| {
                    let on = event_target_checked(&ev);
                    calc.update(|s| switch.set(s, on));
                }
            />
            <span>{switch.label(calc.t())}</span>
        </label>
    }
}

/// One of a fixed set of options, shown as a select.
#[derive(Clone, Copy)]
enum Choice {
    Pattern,
    Region,
}

impl Choice {
    fn key(self) -> &'static str {
        match self {
            Choice::Pattern => "pattern",
            Choice::Region => "region",
        }
    }

    fn label(self, t: &Texts) -> &'static str {
        match self {
            Choice::Pattern => t.pattern_label,
            Choice::Region => t.region_label,
        }
    }

    /// The options, the buyer's own pattern last: the paste box sets it, so
    /// the select shows it only while it is in use.
    fn options(self, t: &Texts) -> Vec<(&'static str, &'static str)> {
        match self {
            Choice::Pattern => ArrivalPattern::ALL
                .iter()
                .map(|p| (p.key(), messages::pattern_name(p, t)))
                .chain([(CUSTOM_KEY, t.pattern_custom)])
                .collect(),
            Choice::Region => Region::ALL
                .map(|r| (r.key(), messages::region_name(r, t)))
                .to_vec(),
        }
    }

    fn current(self, s: &Scenario) -> &'static str {
        match self {
            Choice::Pattern => s.pattern.key(),
            Choice::Region => s.region.key(),
        }
    }

    /// Sets the option with this key; a region brings its default rate.
    fn choose(self, s: &mut Scenario, key: &str) {
        match self {
            Choice::Pattern => {
                if let Some(pattern) = ArrivalPattern::from_key(key) {
                    s.pattern = pattern;
                }
            }
            Choice::Region => {
                if let Some(region) = Region::from_key(key) {
                    s.region = region;
                    s.rate_per_hour = region.default_rate_per_hour();
                }
            }
        }
    }
}

#[component]
fn ChoiceField(choice: Choice) -> impl IntoView {
    let calc = Calc::from_context();
    let t = calc.t();
    view! {
        <Select
            id=format!("f-{}", choice.key())
            label=choice.label(t)
            options=choice.options(t)
            only_when_current=CUSTOM_KEY
            current=Signal::derive(move || calc.scenario.with(|s| choice.current(s)))
            on_pick=Callback::new(move |key: String| calc.update(|s| choice.choose(s, &key)))
        />
    }
}

/// The year's shape: a preset, or the buyer's own months, whose twelve
/// boxes (in a wasm chunk) show while it is chosen. Choosing it keeps the
/// months as they are, to start from; a preset drops what the boxes hold.
#[component]
fn YearField() -> impl IntoView {
    let calc = Calc::from_context();
    let t = calc.t();
    let custom = move || {
        calc.scenario
            .with_untracked(|s| s.year.season() == Season::Custom)
    };
    let typed = Month::ALL
        .iter()
        .any(|&m| calc.pending_text(Slot::Month(m).key()).is_some());
    let own = RwSignal::new(custom() || typed);
    // A year replaced from elsewhere (a preset scenario, undo) is shown as
    // a preset if it is one.
    Effect::watch(
        move || calc.revision.get(),
        move |_, _, _| own.set(custom()),
        false,
    );
    let made = Memo::new(move |made: Option<&bool>| made.copied().unwrap_or(false) || own.get());
    let current = Signal::derive(move || {
        if own.get() {
            Season::Custom.key()
        } else {
            calc.scenario.with(|s| s.year.season().key())
        }
    });
    let pick =
        Callback::new(
            move |key: String| match Season::from_key(&key).and_then(Season::profile) {
                Some(year) => {
                    own.set(false);
                    for m in Month::ALL {
                        calc.set_pending(Slot::Month(m).key(), None);
                    }
                    calc.update(|s| s.year = year);
                }
                None => own.set(true),
            },
        );
    let options = Season::PRESETS
        .iter()
        .chain([&Season::Custom])
        .map(|&s| (s.key(), messages::season_name(s, t)))
        .collect();
    view! {
        <Select id="f-season".to_string() label=t.season_label options current on_pick=pick />
        {move || {
            made.get()
                .then(|| {
                    view! {
                        <div id="months-panel" hidden=move || !own.get()>
                            <Part load=lazy::months_panel />
                        </div>
                    }
                })
        }}
    }
}

/// A section's title in the page's language, its rows of fields and the
/// switches after them.
type AdvancedSection = (
    fn(&Texts) -> &'static str,
    &'static [&'static [Field]],
    &'static [Switch],
);

/// The page's stage that mounts the form itself, a task after the
/// recommendation's (`results::RECOMMENDATION_STAGE`): the first screen's
/// first task draws the figures alone. It is the page's last stage: the
/// closed sections are drawn when opened.
pub const FORM_STAGE: usize = super::results::RECOMMENDATION_STAGE + 1;

/// The advanced sections, closed at first so the first screen needs only
/// the essentials. The languages editor goes after the first.
const ADVANCED: &[AdvancedSection] = &[
    (
        |t| t.section_channels,
        &[
            &[Field::PhoneAht, Field::PhoneTarget, Field::PhoneTargetTime],
            &[
                Field::ChatAht,
                Field::ChatConcurrency,
                Field::ChatTarget,
                Field::ChatTargetTime,
            ],
            &[Field::EmailAht, Field::EmailWindow, Field::EmailTarget],
            &[Field::Patience],
            &[Field::RampWeeks],
        ],
        &[Switch::SeasonalAgents],
    ),
    (
        |t| t.section_tiers,
        &[
            &[Field::Deflection],
            &[Field::Tier1Resolution],
            &[Field::Tier2Aht, Field::Tier2Premium],
        ],
        &[Switch::Tier2Outsourced],
    ),
    (
        |t| t.section_staffing,
        &[
            &[Field::Shrinkage, Field::MaxOccupancy],
            &[Field::LeadSpan, Field::OffhoursPremium],
            &[Field::CoreOpen, Field::CoreClose, Field::CoreDays],
        ],
        &[Switch::Specialised],
    ),
    (
        |t| t.section_pool,
        &[
            &[Field::SharedMarkup, Field::SharedMinimum],
            &[Field::PoolCap],
            &[Field::PoolPhoneTarget, Field::PoolPhoneTargetTime],
            &[Field::PoolChatTarget, Field::PoolChatTargetTime],
            &[Field::BillingIncrement, Field::AfterContactWork],
            &[Field::EmailFee, Field::SharedSetup],
        ],
        &[Switch::AcwBilled],
    ),
    (
        |t| t.section_fees,
        &[
            &[Field::SetupFee, Field::Training],
            &[Field::Term, Field::Tech],
        ],
        &[],
    ),
    (
        |t| t.section_own_team,
        &[
            &[Field::OwnAgents],
            &[Field::OwnOpen, Field::OwnClose, Field::OwnDays],
            &[Field::OwnCost],
        ],
        &[],
    ),
];

/// A closed section of the form. Its body is drawn when it is first
/// opened (the first `toggle` is always an opening), in that task: drawn at
/// load, one task a section, the six and the languages editor were seven of
/// the load's eleven stages (Lighthouse's TBT, and in a frame its host
/// page's), for fields most visitors never open.
#[component]
fn Section(title: &'static str, children: ChildrenFn) -> impl IntoView {
    let opened = RwSignal::new(false);
    view! {
        <details class="section" on:toggle=move |_| opened.set(true)>
            <summary>{title}</summary>
            <div class="section-body">{move || opened.get().then(|| children())}</div>
        </details>
    }
}

#[component]
pub fn Form() -> impl IntoView {
    let calc = Calc::from_context();
    let t = calc.t();
    let all_week = move || calc.scenario.with(|s| s.all_week);
    let advanced = ADVANCED
        .iter()
        .enumerate()
        .map(|(i, &(title, rows, switches))| {
            view! {
                {(i == 1)
                    .then(|| {
                        view! {
                            <Section title=t.languages_section>
                                <Part load=lazy::languages />
                            </Section>
                        }
                    })}
                <Section title=title(t)>
                    {rows.iter().map(|&fields| view! { <FieldRow fields /> }).collect_view()}
                    {switches.iter().map(|&switch| view! { <Toggle switch /> }).collect_view()}
                </Section>
            }
        })
        .collect_view();
    view! {
        <form class="inputs" aria-label=t.form_label on:submit=|ev| ev.prevent_default()>
            <fieldset>
                <legend>{t.volume_legend}</legend>
                <NumberField field=Field::Phone />
                <NumberField field=Field::Chat />
                <NumberField field=Field::Email />
                <p class="note hint" data-testid="volume-read">
                    {move || {
                        let f = calc.fmt();
                        calc.settled.with(|s| calc.figures.with(|o| messages::volume_read(o, s, &f, t)))
                    }}
                </p>
            </fieldset>
            <fieldset>
                <legend>{t.hours_legend}</legend>
                <Toggle switch=Switch::AllWeek />
                <div id="hours-row" hidden=all_week>
                    <FieldRow fields=&[Field::Open, Field::Close, Field::Days] />
                </div>
                <ChoiceField choice=Choice::Pattern />
                <HourlyVolumes />
                <YearField />
            </fieldset>
            <fieldset>
                <legend>{t.agents_legend}</legend>
                <ChoiceField choice=Choice::Region />
                <NumberField field=Field::Rate />
            </fieldset>
            {advanced}
        </form>
    }
}
