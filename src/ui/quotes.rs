//! The quote check: the quotes vendors gave, each turned by the model into a
//! monthly cost and a cost per contact, set beside our estimate.

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use super::format;
use super::messages;
use super::state::Calc;
use crate::model::quote::{AMOUNT_SPEC, QuoteBasis, QuoteCheck, QuoteFlag, VendorQuote};

/// How a vendor priced its quote; named as vendors say it.
#[derive(Clone, Copy, PartialEq, Eq)]
#[allow(clippy::enum_variant_names)]
enum Basis {
    PerMinute,
    PerAgentHour,
    PerAgentMonth,
}

impl Basis {
    const ALL: [Basis; 3] = [Basis::PerMinute, Basis::PerAgentHour, Basis::PerAgentMonth];

    fn key(self) -> &'static str {
        match self {
            Basis::PerMinute => "minute",
            Basis::PerAgentHour => "hour",
            Basis::PerAgentMonth => "month",
        }
    }

    fn name(self) -> &'static str {
        match self {
            Basis::PerMinute => "Shared: price per handled minute",
            Basis::PerAgentHour => "Dedicated: price per agent-hour",
            Basis::PerAgentMonth => "Dedicated: price per agent-month",
        }
    }

    fn quantity_label(self) -> &'static str {
        match self {
            Basis::PerMinute => "Minutes a month (blank: our estimate)",
            Basis::PerAgentHour => "FTE",
            Basis::PerAgentMonth => "Agents",
        }
    }
}

#[derive(Clone, Copy)]
struct QuoteRow {
    id: u32,
    vendor: RwSignal<String>,
    basis: RwSignal<Basis>,
    price: RwSignal<String>,
    quantity: RwSignal<String>,
    setup: RwSignal<String>,
}

impl QuoteRow {
    fn new(id: u32) -> Self {
        Self {
            id,
            vendor: RwSignal::new(format!("Vendor {}", id + 1)),
            basis: RwSignal::new(Basis::PerMinute),
            price: RwSignal::new(String::new()),
            quantity: RwSignal::new(String::new()),
            setup: RwSignal::new("0".into()),
        }
    }

    /// The quote the row describes, or the message for the first bad field.
    /// An empty row is not an error: it is a quote not yet typed.
    fn quote(&self) -> Option<Result<VendorQuote, String>> {
        let price_text = self.price.get();
        if price_text.trim().is_empty() {
            return None;
        }
        let number = |text: &str, what: &str| {
            AMOUNT_SPEC
                .parse(text)
                .map_err(|e| format!("{what}: {}", messages::field_error(&e)))
        };
        let build = || -> Result<VendorQuote, String> {
            let price = number(&price_text, "Price")?;
            let quantity_text = self.quantity.get();
            let setup_fee = number(&self.setup.get(), "Setup fee")?;
            let basis = match self.basis.get() {
                Basis::PerMinute => QuoteBasis::PerMinute {
                    price_per_minute: price,
                    minutes_per_month: if quantity_text.trim().is_empty() {
                        None
                    } else {
                        Some(number(&quantity_text, "Minutes")?)
                    },
                },
                Basis::PerAgentHour => QuoteBasis::PerAgentHour {
                    rate_per_hour: price,
                    fte: number(&quantity_text, "FTE")?,
                },
                Basis::PerAgentMonth => QuoteBasis::PerAgentMonth {
                    price_per_agent_month: price,
                    agents: number(&quantity_text, "Agents")?,
                },
            };
            Ok(VendorQuote { basis, setup_fee })
        };
        Some(build())
    }
}

fn flag_text(check: &QuoteCheck) -> String {
    let off = ((check.ratio - 1.0) * 100.0).round() as i64;
    match check.flag {
        QuoteFlag::FarAbove => format!("{off}% above our estimate: ask what it includes"),
        QuoteFlag::FarBelow => format!(
            "{}% below our estimate: check hours, languages and targets",
            -off
        ),
        QuoteFlag::InLine if off >= 0 => format!("in line ({off}% above)"),
        QuoteFlag::InLine => format!("in line ({}% below)", -off),
    }
}

#[component]
fn QuoteRowView(row: QuoteRow, remove: Callback<u32>) -> impl IntoView {
    let calc = Calc::from_context();
    let check = move || {
        row.quote().map(|q| {
            q.map(|quote| {
                let term = calc.scenario.with(|s| s.contract_months);
                calc.outcome.with(|o| quote.check(o, term))
            })
        })
    };
    // One handler for the whole row (events bubble): the inputs carry no
    // closures of their own, which keeps the quote check small in wasm.
    let on_edit = move |ev: leptos::ev::Event| {
        let Some(target) = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
        else {
            return;
        };
        let value = event_target_value(&ev);
        match target.get_attribute("data-col").as_deref() {
            Some("vendor") => row.vendor.set(value),
            Some("basis") => {
                if let Some(b) = Basis::ALL.into_iter().find(|b| b.key() == value) {
                    row.basis.set(b);
                }
            }
            Some("price") => row.price.set(value),
            Some("quantity") => row.quantity.set(value),
            Some("setup") => row.setup.set(value),
            _ => {}
        }
    };
    let id = row.id;
    let field_id = move |name: &str| format!("q{id}-{name}");
    view! {
        <li class="quote" data-testid="quote" on:input=on_edit on:change=on_edit>
            <div class="row">
                <div class="field">
                    <label for=field_id("vendor")>"Vendor"</label>
                    <input id=field_id("vendor") type="text" prop:value=row.vendor.get_untracked() data-col="vendor" />
                </div>
                <div class="field">
                    <label for=field_id("basis")>"Priced"</label>
                    <select id=field_id("basis") data-col="basis">
                        {Basis::ALL.map(|b| view! { <option value=b.key() selected=row.basis.get_untracked() == b>{b.name()}</option> })}
                    </select>
                </div>
            </div>
            <div class="row">
                <div class="field">
                    <label for=field_id("price")>"Price " <span class="unit">"$"</span></label>
                    <input id=field_id("price") type="text" inputmode="decimal" prop:value=row.price.get_untracked() data-col="price" />
                </div>
                <div class="field">
                    <label for=field_id("qty")>{move || row.basis.get().quantity_label()}</label>
                    <input id=field_id("qty") type="text" inputmode="decimal" prop:value=row.quantity.get_untracked() data-col="quantity" />
                </div>
                <div class="field">
                    <label for=field_id("setup")>"Setup fee " <span class="unit">"$"</span></label>
                    <input id=field_id("setup") type="text" inputmode="decimal" prop:value=row.setup.get_untracked() data-col="setup" />
                </div>
            </div>
            <p class="quote-result" aria-live="polite">
                {move || match check() {
                    None => view! { <span class="hint">"Type the quoted price to compare it."</span> }.into_any(),
                    Some(Err(message)) => view! { <span class="error">{message}</span> }.into_any(),
                    Some(Ok(c)) => view! {
                        <span data-testid="quote-monthly">{format::money(c.monthly_cost)}</span>" a month, "
                        <span>{format::money_cents(c.cost_per_contact)}</span>" a contact; our estimate "
                        {format::money(c.estimate_monthly_cost)}". "
                        <strong class=format!("flag {}", match c.flag {
                            QuoteFlag::FarAbove => "far-above",
                            QuoteFlag::FarBelow => "far-below",
                            QuoteFlag::InLine => "in-line",
                        }) data-testid="quote-flag" data-flag=match c.flag {
                            QuoteFlag::FarAbove => "far_above",
                            QuoteFlag::FarBelow => "far_below",
                            QuoteFlag::InLine => "in_line",
                        }>{flag_text(&c)}</strong>
                    }.into_any(),
                }}
            </p>
            <button type="button" class="remove-quote" on:click=move |_| remove.run(id)>"Remove this quote"</button>
        </li>
    }
}

#[component]
pub fn QuoteCheck() -> impl IntoView {
    let next_id = StoredValue::new(1u32);
    let rows = RwSignal::new(vec![QuoteRow::new(0)]);
    let add = move |_| {
        let id = next_id.get_value();
        next_id.set_value(id + 1);
        rows.update(|r| r.push(QuoteRow::new(id)));
    };
    let remove = Callback::new(move |id: u32| rows.update(|r| r.retain(|row| row.id != id)));
    view! {
        <section class="panel" aria-labelledby="quotes-title" data-testid="quote-check">
            <h2 id="quotes-title">"Check a vendor's quote"</h2>
            <p class="section-note">"Type what vendors quoted; each is compared with our estimate for the same model, setup spread over the contract term."</p>
            <ul class="quotes">
                // A plain list rather than <For>, as in the languages editor:
                // each row keeps its text in its own signals.
                {move || rows.get().into_iter().map(|row| view! { <QuoteRowView row=row remove=remove /> }).collect_view()}
            </ul>
            <button type="button" on:click=add>"Add a quote"</button>
        </section>
    }
}
