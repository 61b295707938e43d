//! The page: Leptos components that turn inputs into a `Scenario` and render
//! the model's `Outcome`. No formula lives here.

mod charts;
pub mod format;
mod inputs;
mod languages;
mod messages;
mod quotes;
mod results;
mod state;

use leptos::prelude::*;

use crate::model::{ArrivalPattern, Field, Preset, Region, Scenario};
use inputs::{Choice, NumberField, Toggle};
use state::Calc;

#[component]
fn Presets() -> impl IntoView {
    let calc = Calc::from_context();
    view! {
        <nav class="presets" aria-label="Start from a preset">
            {Preset::ALL.map(|preset| view! {
                <button type="button" data-preset=preset.key() on:click=move |_| calc.replace(preset.scenario())>
                    {messages::preset_name(preset)}
                </button>
            })}
            <button type="button" class="reset" on:click=move |_| calc.replace(Scenario::default())>"Reset"</button>
        </nav>
    }
}

/// The advanced sections, closed at first so the first screen needs only
/// the essentials: a title and rows of fields. Data, not markup, so the page
/// carries one loop instead of forty inlined fields.
const ADVANCED: &[(&str, &[&[Field]])] = &[
    (
        "Channels: handle times and targets",
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
            &[Field::Peak],
        ],
    ),
    (
        "Tiers and self-service",
        &[
            &[Field::Deflection],
            &[Field::Tier1Resolution],
            &[Field::Tier2Aht, Field::Tier2Premium],
        ],
    ),
    (
        "Staffing",
        &[
            &[Field::Shrinkage, Field::MaxOccupancy],
            &[Field::LeadSpan, Field::OffhoursPremium],
            &[Field::CoreOpen, Field::CoreClose, Field::CoreDays],
        ],
    ),
    (
        "Shared pool terms",
        &[
            &[Field::SharedMarkup, Field::SharedMinimum],
            &[Field::PoolCap],
            &[Field::PoolTarget, Field::PoolTargetTime],
            &[Field::SharedSetup],
        ],
    ),
    (
        "Fees and contract",
        &[
            &[Field::SetupFee, Field::Training],
            &[Field::Term, Field::Tech],
        ],
    ),
];

fn advanced_section(&(title, rows): &(&'static str, &'static [&'static [Field]])) -> impl IntoView {
    view! {
        <details class="section">
            <summary>{title}</summary>
            <div class="section-body">{rows.iter().map(|row| field_row(row)).collect_view()}</div>
        </details>
    }
}

fn field_row(fields: &[Field]) -> impl IntoView + use<> {
    let fields = fields.to_vec();
    view! { <div class="row">{fields.into_iter().map(|field| view! { <NumberField field=field /> }).collect_view()}</div> }
}

#[component]
pub fn App() -> impl IntoView {
    let calc = Calc::new(Scenario::default());
    provide_context(calc);
    let all_week = move || calc.scenario.with(|s| s.all_week);
    view! {
        <header class="top">
            <h1>"Supportcalc"</h1>
            <p class="tagline">
                "What outsourced customer support would cost and cover: shared, dedicated or combined agents. "
                "Computed in your browser; nothing is sent anywhere."
            </p>
            <Presets />
        </header>
        <main class="layout">
            <form class="inputs" aria-label="Your support" on:submit=|ev| ev.prevent_default()>
                <fieldset>
                    <legend>"Volume a month"</legend>
                    <NumberField field=Field::Phone />
                    <NumberField field=Field::Chat />
                    <NumberField field=Field::Email />
                </fieldset>
                <fieldset>
                    <legend>"Hours to cover"</legend>
                    <Toggle label="24/7" get=|s| s.all_week set=|s, on| s.all_week = on />
                    <Show when=move || !all_week()>
                        {field_row(&[Field::Open, Field::Close, Field::Days])}
                    </Show>
                    <Choice
                        id="f-pattern"
                        label="When contacts arrive"
                        options=&ArrivalPattern::ALL
                        key=ArrivalPattern::key
                        name=messages::pattern_name
                        get=|s| s.pattern
                        set=|s, p| s.pattern = p
                    />
                </fieldset>
                <fieldset>
                    <legend>"Agents"</legend>
                    <Choice
                        id="f-region"
                        label="Agent region"
                        options=&Region::ALL
                        key=Region::key
                        name=messages::region_name
                        get=|s| s.region
                        set=|s, r| {
                            s.region = r;
                            s.rate_per_hour = r.default_rate_per_hour();
                        }
                    />
                    <NumberField field=Field::Rate />
                </fieldset>
                {ADVANCED.iter().take(1).map(advanced_section).collect_view()}
                <details class="section">
                    <summary>"Languages"</summary>
                    <div class="section-body"><languages::Languages /></div>
                </details>
                {ADVANCED.iter().skip(1).map(advanced_section).collect_view()}
            </form>
            <div class="output">
                <results::Results />
                <charts::CostCurves />
                <charts::CoverageHeatmap />
                <results::Breakdowns />
                <results::Comparison />
                <quotes::QuoteCheck />
            </div>
        </main>
        <results::SummaryBar />
    }
}
