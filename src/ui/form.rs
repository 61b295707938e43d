//! The inputs form: written as markup in the page's language, driven by one
//! handler per kind of event on the form (events bubble) and one effect that
//! keeps it in step with the scenario. Forty-odd fields as typed views were
//! the largest part of the wasm; as markup they are a loop over data.

use std::fmt::Write as _;

use leptos::prelude::*;
use wasm_bindgen::JsValue;

use super::browser;
use super::inputs::{field_markup, follow, row_markup, step_field, take_text};
use super::languages::LanguageRows;
use super::markup::{self, esc};
use super::messages;
use super::state::Calc;
use crate::i18n::Texts;
use crate::model::{ArrivalPattern, Field, Region, Scenario};

/// A yes/no setting, shown as a checkbox.
#[derive(Clone, Copy)]
enum Switch {
    AllWeek,
    Multilingual,
}

impl Switch {
    const ALL: [Switch; 2] = [Switch::AllWeek, Switch::Multilingual];

    fn key(self) -> &'static str {
        match self {
            Switch::AllWeek => "all-week",
            Switch::Multilingual => "multilingual",
        }
    }

    fn get(self, s: &Scenario) -> bool {
        match self {
            Switch::AllWeek => s.all_week,
            Switch::Multilingual => s.multilingual,
        }
    }

    fn set(self, s: &mut Scenario, on: bool) {
        match self {
            Switch::AllWeek => s.all_week = on,
            Switch::Multilingual => s.multilingual = on,
        }
    }

    fn markup(self, out: &mut String, s: &Scenario, t: &Texts) {
        let label = match self {
            Switch::AllWeek => t.all_week,
            Switch::Multilingual => t.multilingual,
        };
        let _ = write!(
            out,
            "<label class=\"toggle\"><input type=\"checkbox\" id=\"f-{key}\" data-switch=\"{key}\"{}><span>{}</span></label>",
            if self.get(s) { " checked" } else { "" },
            esc(label),
            key = self.key(),
        );
    }
}

/// One of a fixed set of options, shown as a select.
#[derive(Clone, Copy)]
enum Choice {
    Pattern,
    Region,
}

impl Choice {
    const ALL: [Choice; 2] = [Choice::Pattern, Choice::Region];

    fn key(self) -> &'static str {
        match self {
            Choice::Pattern => "pattern",
            Choice::Region => "region",
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

    fn markup(self, out: &mut String, s: &Scenario, t: &Texts) {
        let current = self.current(s);
        let (label, options) = match self {
            Choice::Pattern => (
                t.pattern_label,
                markup::options(
                    ArrivalPattern::ALL
                        .map(|p| (p.key(), messages::pattern_name(p, t), p.key() == current)),
                ),
            ),
            Choice::Region => (
                t.region_label,
                markup::options(
                    Region::ALL.map(|r| (r.key(), messages::region_name(r, t), r.key() == current)),
                ),
            ),
        };
        let _ = write!(
            out,
            "<div class=\"field\"><label for=\"f-{key}\">{}</label><select id=\"f-{key}\" data-choice=\"{key}\">{options}</select></div>",
            esc(label),
            key = self.key(),
        );
    }
}

/// A section's title in the page's language, and its rows of fields.
type AdvancedSection = (fn(&Texts) -> &'static str, &'static [&'static [Field]]);

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
            &[Field::Peak],
        ],
    ),
    (
        |t| t.section_tiers,
        &[
            &[Field::Deflection],
            &[Field::Tier1Resolution],
            &[Field::Tier2Aht, Field::Tier2Premium],
        ],
    ),
    (
        |t| t.section_staffing,
        &[
            &[Field::Shrinkage, Field::MaxOccupancy],
            &[Field::LeadSpan, Field::OffhoursPremium],
            &[Field::CoreOpen, Field::CoreClose, Field::CoreDays],
        ],
    ),
    (
        |t| t.section_pool,
        &[
            &[Field::SharedMarkup, Field::SharedMinimum],
            &[Field::PoolCap],
            &[Field::PoolTarget, Field::PoolTargetTime],
            &[Field::SharedSetup],
        ],
    ),
    (
        |t| t.section_fees,
        &[
            &[Field::SetupFee, Field::Training],
            &[Field::Term, Field::Tech],
        ],
    ),
];

fn section_open(out: &mut String, title: &str) {
    let _ = write!(
        out,
        "<details class=\"section\"><summary>{}</summary><div class=\"section-body\">",
        esc(title)
    );
}

fn fieldset_open(out: &mut String, legend: &str) {
    let _ = write!(out, "<fieldset><legend>{}</legend>", esc(legend));
}

/// The whole form in the page's language, showing the scenario and any
/// text still pending.
fn form_markup(calc: &Calc, languages: LanguageRows) -> String {
    let t = calc.t();
    let s = calc.scenario.get_untracked();
    let mut out = String::new();
    fieldset_open(&mut out, t.volume_legend);
    for field in [Field::Phone, Field::Chat, Field::Email] {
        field_markup(&mut out, calc, field);
    }
    out.push_str("</fieldset>");
    fieldset_open(&mut out, t.hours_legend);
    Switch::AllWeek.markup(&mut out, &s, t);
    let _ = write!(
        out,
        "<div id=\"hours-row\"{}>",
        if s.all_week { " hidden" } else { "" }
    );
    row_markup(&mut out, calc, &[Field::Open, Field::Close, Field::Days]);
    out.push_str("</div>");
    Choice::Pattern.markup(&mut out, &s, t);
    out.push_str("</fieldset>");
    fieldset_open(&mut out, t.agents_legend);
    Choice::Region.markup(&mut out, &s, t);
    field_markup(&mut out, calc, Field::Rate);
    out.push_str("</fieldset>");
    for (i, (title, rows)) in ADVANCED.iter().enumerate() {
        if i == 1 {
            section_open(&mut out, t.languages_section);
            out.push_str("<div class=\"languages\" data-testid=\"languages\">");
            languages.markup(&mut out, *calc);
            Switch::Multilingual.markup(&mut out, &s, t);
            field_markup(&mut out, calc, Field::LanguagePremium);
            out.push_str("</div></div></details>");
        }
        section_open(&mut out, title(t));
        for fields in rows.iter() {
            row_markup(&mut out, calc, fields);
        }
        out.push_str("</div></details>");
    }
    out
}

#[component]
pub fn Form() -> impl IntoView {
    let calc = Calc::from_context();
    let t = calc.t();
    let languages = use_context::<LanguageRows>().expect("App provides LanguageRows");

    // Keeps the markup in step when something other than typing changes
    // the scenario: a preset, a link, a region's rate, 24/7.
    let effect = RenderEffect::new(move |last: Option<u32>| {
        let revision = calc.revision.get();
        let s = calc.scenario.get();
        let replaced = last.is_some_and(|r| r != revision);
        for field in Field::ALL {
            follow(&calc, field, &s, replaced);
        }
        for switch in Switch::ALL {
            let id = format!("f-{}", switch.key());
            browser::set_prop(&id, "checked", &JsValue::from_bool(switch.get(&s)));
        }
        browser::set_prop("hours-row", "hidden", &JsValue::from_bool(s.all_week));
        for choice in Choice::ALL {
            let id = format!("f-{}", choice.key());
            browser::set_prop(&id, "value", &JsValue::from_str(choice.current(&s)));
        }
        if replaced {
            languages.refill(calc);
        }
        revision
    });
    on_cleanup(move || drop(effect));

    let on_input = move |ev: web_sys::Event| {
        let Some(el) = browser::event_element(&ev) else {
            return;
        };
        let data = |name| el.get_attribute(name);
        if let Some(field) = data("data-field").and_then(|k| Field::from_key(&k)) {
            take_text(&calc, field, &event_target_value(&ev));
        } else if let Some(row) = data("data-row").and_then(|r| r.parse().ok()) {
            let col = data("data-col").unwrap_or_default();
            languages.edit(calc, row, &col, event_target_value(&ev));
        } else if let Some(switch) = Switch::ALL
            .into_iter()
            .find(|s| data("data-switch").as_deref() == Some(s.key()))
        {
            let on = event_target_checked(&ev);
            calc.update(|s| switch.set(s, on));
        } else if let Some(choice) = Choice::ALL
            .into_iter()
            .find(|c| data("data-choice").as_deref() == Some(c.key()))
        {
            let key = event_target_value(&ev);
            calc.update(|s| choice.choose(s, &key));
        }
    };
    let on_click = move |ev: web_sys::MouseEvent| {
        let Some(el) = browser::event_element(&ev) else {
            return;
        };
        match el.get_attribute("class").as_deref() {
            Some("help-toggle") => browser::toggle_help(&el),
            Some("remove") => {
                if let Some(row) = el.get_attribute("data-row").and_then(|r| r.parse().ok()) {
                    languages.remove(calc, row);
                }
            }
            _ if el.id() == "lang-add" => languages.add(calc),
            _ => {}
        }
    };
    let on_key = move |ev: web_sys::KeyboardEvent| {
        let direction = match ev.key().as_str() {
            "ArrowUp" => 1.0,
            "ArrowDown" => -1.0,
            _ => return,
        };
        let field = browser::event_data(&ev, "data-field").and_then(|k| Field::from_key(&k));
        if let Some(field) = field {
            ev.prevent_default();
            step_field(&calc, field, direction, ev.shift_key());
        }
    };

    view! {
        <form
            class="inputs"
            aria-label=t.form_label
            on:submit=|ev| ev.prevent_default()
            on:input=on_input
            on:click=on_click
            on:keydown=on_key
            inner_html=form_markup(&calc, languages)
        ></form>
    }
}
