//! The page: Leptos components that turn inputs into a `Scenario` and render
//! the model's `Outcome`. No formula lives here.

mod charts;
mod format;
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
    let calc = expect_context::<Calc>();
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

/// An advanced section: closed at first so the first screen needs only the essentials.
#[component]
fn Section(title: &'static str, children: Children) -> impl IntoView {
    view! {
        <details class="section">
            <summary>{title}</summary>
            <div class="section-body">{children()}</div>
        </details>
    }
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
                        <div class="row">
                            <NumberField field=Field::Open />
                            <NumberField field=Field::Close />
                            <NumberField field=Field::Days />
                        </div>
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
                <Section title="Channels: handle times and targets">
                    <div class="row">
                        <NumberField field=Field::PhoneAht />
                        <NumberField field=Field::PhoneTarget />
                        <NumberField field=Field::PhoneTargetTime />
                    </div>
                    <div class="row">
                        <NumberField field=Field::ChatAht />
                        <NumberField field=Field::ChatConcurrency />
                        <NumberField field=Field::ChatTarget />
                        <NumberField field=Field::ChatTargetTime />
                    </div>
                    <div class="row">
                        <NumberField field=Field::EmailAht />
                        <NumberField field=Field::EmailWindow />
                        <NumberField field=Field::EmailTarget />
                    </div>
                    <NumberField field=Field::Patience />
                    <NumberField field=Field::Peak />
                </Section>
                <Section title="Languages">
                    <languages::Languages />
                </Section>
                <Section title="Tiers and self-service">
                    <NumberField field=Field::Deflection />
                    <NumberField field=Field::Tier1Resolution />
                    <div class="row">
                        <NumberField field=Field::Tier2Aht />
                        <NumberField field=Field::Tier2Premium />
                    </div>
                </Section>
                <Section title="Staffing">
                    <div class="row">
                        <NumberField field=Field::Shrinkage />
                        <NumberField field=Field::MaxOccupancy />
                    </div>
                    <div class="row">
                        <NumberField field=Field::LeadSpan />
                        <NumberField field=Field::OffhoursPremium />
                    </div>
                    <p class="section-note">"The combined model's dedicated core hours:"</p>
                    <div class="row">
                        <NumberField field=Field::CoreOpen />
                        <NumberField field=Field::CoreClose />
                        <NumberField field=Field::CoreDays />
                    </div>
                </Section>
                <Section title="Shared pool terms">
                    <div class="row">
                        <NumberField field=Field::SharedMarkup />
                        <NumberField field=Field::SharedMinimum />
                    </div>
                    <NumberField field=Field::PoolCap />
                    <div class="row">
                        <NumberField field=Field::PoolTarget />
                        <NumberField field=Field::PoolTargetTime />
                    </div>
                    <NumberField field=Field::SharedSetup />
                </Section>
                <Section title="Fees and contract">
                    <div class="row">
                        <NumberField field=Field::SetupFee />
                        <NumberField field=Field::Training />
                    </div>
                    <div class="row">
                        <NumberField field=Field::Term />
                        <NumberField field=Field::Tech />
                    </div>
                </Section>
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
