//! The quote check: the quotes vendors gave, each turned by the model into a
//! monthly cost and a cost per contact, set beside our estimate.

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use super::format::Fmt;
use super::markup;
use super::messages;
use super::state::Calc;
use crate::i18n::{Texts, fill};
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

    fn name(self, t: &Texts) -> &'static str {
        match self {
            Basis::PerMinute => t.basis_per_minute,
            Basis::PerAgentHour => t.basis_per_hour,
            Basis::PerAgentMonth => t.basis_per_agent_month,
        }
    }

    fn quantity_label(self, t: &Texts) -> &'static str {
        match self {
            Basis::PerMinute => t.quantity_minutes,
            Basis::PerAgentHour => t.quantity_fte,
            Basis::PerAgentMonth => t.quantity_agents,
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
    fn new(id: u32, t: &Texts) -> Self {
        Self {
            id,
            vendor: RwSignal::new(fill(t.vendor_default, &[&(id + 1).to_string()])),
            basis: RwSignal::new(Basis::PerMinute),
            price: RwSignal::new(String::new()),
            quantity: RwSignal::new(String::new()),
            setup: RwSignal::new("0".into()),
        }
    }

    fn dispose(self) {
        self.vendor.dispose();
        self.basis.dispose();
        self.price.dispose();
        self.quantity.dispose();
        self.setup.dispose();
    }

    /// The quote the row describes, in US dollars, or the message for the
    /// first bad field. Amounts are typed in the currency shown. An empty
    /// row is not an error: it is a quote not yet typed.
    fn quote(&self, f: &Fmt, t: &Texts) -> Option<Result<VendorQuote, String>> {
        let price_text = self.price.get();
        if price_text.trim().is_empty() {
            return None;
        }
        let number = |text: &str, what: &str| {
            f.read(&AMOUNT_SPEC, text)
                .map_err(|e| fill(t.err_in, &[what, &messages::field_error(&e, f, t)]))
        };
        let money = |text: &str, what: &str| number(text, what).map(|v| f.money.to_usd(v));
        let build = || -> Result<VendorQuote, String> {
            let price = money(&price_text, t.price)?;
            let quantity_text = self.quantity.get();
            let setup_fee = money(&self.setup.get(), t.quote_setup)?;
            let basis = match self.basis.get() {
                Basis::PerMinute => QuoteBasis::PerMinute {
                    price_per_minute: price,
                    minutes_per_month: if quantity_text.trim().is_empty() {
                        None
                    } else {
                        Some(number(&quantity_text, t.minutes)?)
                    },
                },
                Basis::PerAgentHour => QuoteBasis::PerAgentHour {
                    rate_per_hour: price,
                    fte: number(&quantity_text, t.quantity_fte)?,
                },
                Basis::PerAgentMonth => QuoteBasis::PerAgentMonth {
                    price_per_agent_month: price,
                    agents: number(&quantity_text, t.quantity_agents)?,
                },
            };
            Ok(VendorQuote { basis, setup_fee })
        };
        Some(build())
    }
}

fn flag_text(check: &QuoteCheck, f: &Fmt, t: &Texts) -> String {
    let off_pct = (check.ratio - 1.0) * 100.0;
    let by = f.percent(off_pct.abs());
    let template = match check.flag {
        QuoteFlag::FarAbove => t.flag_far_above,
        QuoteFlag::FarBelow => t.flag_far_below,
        QuoteFlag::InLine if off_pct.round() >= 0.0 => t.flag_in_line_above,
        QuoteFlag::InLine => t.flag_in_line_below,
    };
    fill(template, &[&by])
}

#[component]
fn QuoteRowView(row: QuoteRow, remove: Callback<u32>) -> impl IntoView {
    let calc = Calc::from_context();
    let t = calc.t();
    let check = move || {
        let f = calc.fmt();
        row.quote(&f, t).map(|q| {
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
    let currency = move || calc.money.get().currency.code();
    let field_id = move |name: &str| format!("q{id}-{name}");
    view! {
        <li class="quote" data-testid="quote" on:input=on_edit on:change=on_edit>
            <div class="row">
                <div class="field">
                    <label for=field_id("vendor")>{t.vendor}</label>
                    <input id=field_id("vendor") type="text" prop:value=row.vendor.get_untracked() data-col="vendor" />
                </div>
                <div class="field">
                    <label for=field_id("basis")>{t.priced}</label>
                    <select
                        id=field_id("basis")
                        data-col="basis"
                        inner_html=markup::options(Basis::ALL.map(|b| (b.key(), b.name(t), row.basis.get_untracked() == b)))
                    ></select>
                </div>
            </div>
            <div class="row">
                <div class="field">
                    <label for=field_id("price")>{t.price}" "<span class="unit">{currency}</span></label>
                    <input id=field_id("price") type="text" inputmode="decimal" prop:value=row.price.get_untracked() data-col="price" />
                </div>
                <div class="field">
                    <label for=field_id("qty")>{move || row.basis.get().quantity_label(t)}</label>
                    <input id=field_id("qty") type="text" inputmode="decimal" prop:value=row.quantity.get_untracked() data-col="quantity" />
                </div>
                <div class="field">
                    <label for=field_id("setup")>{t.quote_setup}" "<span class="unit">{currency}</span></label>
                    <input id=field_id("setup") type="text" inputmode="decimal" prop:value=row.setup.get_untracked() data-col="setup" />
                </div>
            </div>
            <p class="quote-result" aria-live="polite">
                {move || match check() {
                    None => view! { <span class="hint">{t.quote_hint}</span> }.into_any(),
                    Some(Err(message)) => view! { <span class="error">{message}</span> }.into_any(),
                    Some(Ok(c)) => {
                        let f = calc.fmt();
                        let (class, key) = match c.flag {
                            QuoteFlag::FarAbove => ("flag far-above", "far_above"),
                            QuoteFlag::FarBelow => ("flag far-below", "far_below"),
                            QuoteFlag::InLine => ("flag in-line", "in_line"),
                        };
                        view! {
                            <span data-testid="quote-summary">{fill(t.quote_result, &[&f.money(c.monthly_cost), &f.money_cents(c.cost_per_contact), &f.money(c.estimate_monthly_cost)])}</span>" "
                            <strong class=class data-testid="quote-flag" data-flag=key>{flag_text(&c, &f, t)}</strong>
                        }.into_any()
                    }
                }}
            </p>
            <button type="button" class="remove-quote" on:click=move |_| remove.run(id)>{t.quote_remove}</button>
        </li>
    }
}

/// The quotes typed so far, kept above the language switch.
#[derive(Clone)]
pub struct QuoteRows {
    rows: RwSignal<Vec<QuoteRow>>,
    next_id: StoredValue<u32>,
    /// The app's owner: a row added later gets its signals from it, not
    /// from the page, which a language switch disposes of.
    owner: Owner,
}

impl QuoteRows {
    pub fn new(t: &Texts) -> Self {
        QuoteRows {
            rows: RwSignal::new(vec![QuoteRow::new(0, t)]),
            next_id: StoredValue::new(1),
            owner: Owner::current().expect("created inside the app"),
        }
    }
}

#[component]
pub fn QuoteCheck() -> impl IntoView {
    let calc = Calc::from_context();
    let t = calc.t();
    let QuoteRows {
        rows,
        next_id,
        owner,
    } = use_context().expect("App provides QuoteRows");
    let add = move |_| {
        let id = next_id.get_value();
        next_id.set_value(id + 1);
        let row = owner.with(|| QuoteRow::new(id, t));
        rows.update(|r| r.push(row));
    };
    let remove = Callback::new(move |id: u32| {
        rows.update(|r| {
            // Rows belong to the app's owner, so they are freed here.
            if let Some(at) = r.iter().position(|row| row.id == id) {
                r.remove(at).dispose();
            }
        })
    });
    let currency = move || calc.money.get().currency.code();
    view! {
        <section class="panel" aria-labelledby="quotes-title" data-testid="quote-check">
            <h2 id="quotes-title">{t.quotes_title}</h2>
            <p class="section-note">{move || fill(t.quotes_note, &[currency()])}</p>
            <ul class="quotes">
                // A plain list rather than <For>, as in the languages editor:
                // each row keeps its text in its own signals.
                {move || rows.get().into_iter().map(|row| view! { <QuoteRowView row=row remove=remove /> }).collect_view()}
            </ul>
            <button type="button" on:click=add>{t.quote_add}</button>
        </section>
    }
}
