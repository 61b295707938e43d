//! The quote check: the quotes vendors gave, each turned by the model into a
//! monthly cost and a cost per contact, set beside our estimate.

use std::fmt::Write as _;

use leptos::prelude::*;
use wasm_bindgen::JsValue;

use super::browser;
use super::format::Fmt;
use super::markup::{self, esc};
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

    fn from_key(key: &str) -> Option<Basis> {
        Basis::ALL.into_iter().find(|b| b.key() == key)
    }

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

/// One vendor's quote as typed: the text of each box.
#[derive(Clone)]
struct QuoteRow {
    id: u32,
    vendor: String,
    basis: Basis,
    price: String,
    quantity: String,
    setup: String,
}

impl QuoteRow {
    fn new(id: u32, t: &Texts) -> Self {
        Self {
            id,
            vendor: fill(t.vendor_default, &[&(id + 1).to_string()]),
            basis: Basis::PerMinute,
            price: String::new(),
            quantity: String::new(),
            setup: "0".into(),
        }
    }

    /// The quote the row describes, in US dollars, or the message for the
    /// first bad field. Amounts are typed in the currency shown. An empty
    /// row is not an error: it is a quote not yet typed.
    fn quote(&self, f: &Fmt, t: &Texts) -> Option<Result<VendorQuote, String>> {
        if self.price.trim().is_empty() {
            return None;
        }
        let number = |text: &str, what: &str| {
            messages::read(&AMOUNT_SPEC, text, f, t).map_err(|m| fill(t.err_in, &[what, &m]))
        };
        let money = |text: &str, what: &str| number(text, what).map(|v| f.money.to_usd(v));
        let build = || -> Result<VendorQuote, String> {
            let price = money(&self.price, t.price)?;
            let setup_fee = money(&self.setup, t.quote_setup)?;
            let basis = match self.basis {
                Basis::PerMinute => QuoteBasis::PerMinute {
                    price_per_minute: price,
                    minutes_per_month: if self.quantity.trim().is_empty() {
                        None
                    } else {
                        Some(number(&self.quantity, t.minutes)?)
                    },
                },
                Basis::PerAgentHour => QuoteBasis::PerAgentHour {
                    rate_per_hour: price,
                    fte: number(&self.quantity, t.quantity_fte)?,
                },
                Basis::PerAgentMonth => QuoteBasis::PerAgentMonth {
                    price_per_agent_month: price,
                    agents: number(&self.quantity, t.quantity_agents)?,
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

/// What the model makes of a row: a hint while it is empty, its message
/// if a box is wrong, else its cost beside our estimate and the verdict.
fn verdict_markup(row: &QuoteRow, calc: &Calc, f: &Fmt, t: &Texts) -> String {
    match row.quote(f, t) {
        None => markup::note(None, t.quote_hint),
        Some(Err(message)) => markup::note(Some(&message), ""),
        Some(Ok(quote)) => {
            let term = calc.scenario.with(|s| s.contract_months);
            let c = calc.outcome.with(|o| quote.check(o, term));
            let (class, key) = match c.flag {
                QuoteFlag::FarAbove => ("flag far-above", "far_above"),
                QuoteFlag::FarBelow => ("flag far-below", "far_below"),
                QuoteFlag::InLine => ("flag in-line", "in_line"),
            };
            let summary = fill(
                t.quote_result,
                &[
                    &f.money(c.monthly_cost),
                    &f.money_cents(c.cost_per_contact),
                    &f.money(c.estimate_monthly_cost),
                ],
            );
            format!(
                "<span data-testid=\"quote-summary\">{}</span> <strong class=\"{class}\" data-testid=\"quote-flag\" data-flag=\"{key}\">{}</strong>",
                esc(&summary),
                esc(&flag_text(&c, f, t))
            )
        }
    }
}

/// A row's boxes, labelled, and its verdict.
fn row_markup(out: &mut String, row: &QuoteRow, calc: &Calc, f: &Fmt, t: &Texts) {
    let id = row.id;
    let currency = esc(f.money.currency.code());
    let text_box = |out: &mut String,
                    col: &str,
                    label: &str,
                    unit: &str,
                    value: &str,
                    mode: &str| {
        let _ = write!(
            out,
            "<div class=\"field\"><label for=\"q{id}-{col}\" id=\"q{id}-{col}-label\">{}{}</label>\
             <input id=\"q{id}-{col}\" type=\"text\"{mode} value=\"{}\" data-row=\"{id}\" data-col=\"{col}\"></div>",
            esc(label),
            unit,
            esc(value),
        );
    };
    let unit =
        |col: &str| format!(" <span class=\"unit\" id=\"q{id}-{col}-unit\">{currency}</span>");
    let decimal = " inputmode=\"decimal\"";
    out.push_str("<li class=\"quote\" data-testid=\"quote\"><div class=\"row\">");
    text_box(out, "vendor", t.vendor, "", &row.vendor, "");
    let _ = write!(
        out,
        "<div class=\"field\"><label for=\"q{id}-basis\">{}</label><select id=\"q{id}-basis\" data-row=\"{id}\" data-col=\"basis\">{}</select></div></div><div class=\"row\">",
        esc(t.priced),
        markup::options(Basis::ALL.map(|b| (b.key(), b.name(t), row.basis == b))),
    );
    text_box(out, "price", t.price, &unit("price"), &row.price, decimal);
    text_box(
        out,
        "quantity",
        row.basis.quantity_label(t),
        "",
        &row.quantity,
        decimal,
    );
    text_box(
        out,
        "setup",
        t.quote_setup,
        &unit("setup"),
        &row.setup,
        decimal,
    );
    let _ = write!(
        out,
        "</div><p class=\"quote-result\" id=\"q{id}-result\" aria-live=\"polite\">{}</p>\
         <button type=\"button\" class=\"remove-quote\" data-row=\"{id}\">{}</button></li>",
        verdict_markup(row, calc, f, t),
        esc(t.quote_remove),
    );
}

/// The quotes typed so far, kept above the language switch.
#[derive(Clone, Copy)]
pub struct QuoteRows {
    rows: RwSignal<Vec<QuoteRow>>,
    next_id: StoredValue<u32>,
}

impl QuoteRows {
    pub fn new(t: &Texts) -> Self {
        QuoteRows {
            rows: RwSignal::new(vec![QuoteRow::new(0, t)]),
            next_id: StoredValue::new(1),
        }
    }
}

#[component]
pub fn QuoteCheck() -> impl IntoView {
    let calc = Calc::from_context();
    let t = calc.t();
    let QuoteRows { rows, next_id } = use_context().expect("App provides QuoteRows");
    // The list is drawn again only when rows come or go, or the currency
    // changes; typing updates the verdicts in place, so focus stays.
    let ids = Memo::new(move |_| rows.with(|r| r.iter().map(|q| q.id).collect::<Vec<_>>()));
    let list = move || {
        // Read, not `track`: a memo that is never read never runs.
        ids.with(|_| ());
        // Verdicts, labels and units follow the results and the currency
        // through the effect below, so drawing them here subscribes to
        // nothing else.
        untrack(|| {
            let f = calc.fmt_untracked();
            rows.with_untracked(|r| {
                let mut out = String::new();
                for row in r {
                    row_markup(&mut out, row, &calc, &f, t);
                }
                out
            })
        })
    };
    let verdicts = RenderEffect::new(move |_| {
        let f = calc.fmt();
        rows.with(|r| {
            for row in r {
                let id = row.id;
                let verdict = verdict_markup(row, &calc, &f, t);
                browser::set_prop(
                    &format!("q{id}-result"),
                    "innerHTML",
                    &JsValue::from_str(&verdict),
                );
                let label = JsValue::from_str(row.basis.quantity_label(t));
                browser::set_prop(&format!("q{id}-quantity-label"), "textContent", &label);
                let code = JsValue::from_str(f.money.currency.code());
                for col in ["price", "setup"] {
                    browser::set_prop(&format!("q{id}-{col}-unit"), "textContent", &code);
                }
            }
        })
    });
    on_cleanup(move || drop(verdicts));

    let on_edit = move |ev: web_sys::Event| {
        let Some(target) = browser::event_element(&ev) else {
            return;
        };
        let Some(id) = target
            .get_attribute("data-row")
            .and_then(|r| r.parse::<u32>().ok())
        else {
            return;
        };
        let value = event_target_value(&ev);
        let col = target.get_attribute("data-col").unwrap_or_default();
        rows.update(|r| {
            let Some(row) = r.iter_mut().find(|row| row.id == id) else {
                return;
            };
            match col.as_str() {
                "vendor" => row.vendor = value,
                "basis" => row.basis = Basis::from_key(&value).unwrap_or(row.basis),
                "price" => row.price = value,
                "quantity" => row.quantity = value,
                _ => row.setup = value,
            }
        });
    };
    let on_click = move |ev: web_sys::MouseEvent| {
        let Some(target) = browser::event_element(&ev) else {
            return;
        };
        if target.id() == "quote-add" {
            let id = next_id.get_value();
            next_id.set_value(id + 1);
            rows.update(|r| r.push(QuoteRow::new(id, t)));
            browser::focus_soon(&format!("q{id}-vendor"));
        } else if target.get_attribute("class").as_deref() == Some("remove-quote") {
            let id = target
                .get_attribute("data-row")
                .and_then(|r| r.parse::<u32>().ok());
            rows.update(|r| r.retain(|row| Some(row.id) != id));
            browser::focus_soon("quote-add");
        }
    };
    view! {
        <section class="panel" aria-labelledby="quotes-title" data-testid="quote-check" on:input=on_edit on:click=on_click>
            <h2 id="quotes-title">{t.quotes_title}</h2>
            <p class="section-note">{move || fill(t.quotes_note, &[calc.money.get().currency.code()])}</p>
            <ul class="quotes" inner_html=list></ul>
            <button type="button" id="quote-add">{t.quote_add}</button>
        </section>
    }
}
