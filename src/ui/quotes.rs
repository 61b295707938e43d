//! The quote check: the quotes vendors gave, each turned by the model into a
//! monthly cost and a cost per contact, set beside our estimate.

use leptos::either::EitherOf3;
use leptos::prelude::*;

use super::browser;
use super::format::Fmt;
use super::inputs::Select;
use super::link::KeptQuotes;
use super::messages;
use super::state::Calc;
use crate::i18n::{Texts, fill};
use crate::model::quote::{
    AMOUNT_SPEC, IN_LINE_BAND, NamedQuote, QuoteBasis, QuoteCheck, QuoteFlag, StaffingFlag,
    VendorQuote, read_staffing,
};

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

    fn of(basis: &QuoteBasis) -> Basis {
        match basis {
            QuoteBasis::PerMinute { .. } => Basis::PerMinute,
            QuoteBasis::PerAgentHour { .. } => Basis::PerAgentHour,
            QuoteBasis::PerAgentMonth { .. } => Basis::PerAgentMonth,
        }
    }

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
            Basis::PerMinute => t.later().basis_per_minute,
            Basis::PerAgentHour => t.later().basis_per_hour,
            Basis::PerAgentMonth => t.later().basis_per_agent_month,
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

    /// A row showing a quote from a link or this browser, its amounts in
    /// the currency shown.
    fn from_named(id: u32, named: &NamedQuote, f: &Fmt) -> Self {
        let (price, quantity) = named.quote.basis.price_and_quantity();
        Self {
            id,
            vendor: named.vendor.clone(),
            basis: Basis::of(&named.quote.basis),
            price: shown_amount(price, f),
            quantity: quantity.map(|q| f.plain(q)).unwrap_or_default(),
            setup: shown_amount(named.quote.setup_fee, f),
        }
    }

    /// The row's amounts, typed in `from`'s currency, written in `to`'s:
    /// the same quote, not the same digits read as another currency.
    /// Text that does not read stays as typed, with its message.
    fn convert(&mut self, from: &Fmt, to: &Fmt, t: &Texts) {
        for text in [&mut self.price, &mut self.setup] {
            if let Ok(amount) = messages::read(&AMOUNT_SPEC, text, from, t) {
                *text = shown_amount(from.money.to_usd(amount), to);
            }
        }
    }

    /// The quote the row describes, in US dollars, or the message for the
    /// first bad field. Amounts are typed in the currency shown. An empty
    /// row is not an error: it is a quote not yet typed. A blank quantity
    /// is our estimate's and a blank setup fee none: only the price is
    /// needed to compare.
    fn quote(&self, f: &Fmt, t: &Texts) -> Option<Result<VendorQuote, String>> {
        if self.price.trim().is_empty() {
            return None;
        }
        let number = |text: &str, what: &str| {
            messages::read(&AMOUNT_SPEC, text, f, t).map_err(|m| fill(t.err_in, &[what, &m]))
        };
        let optional = |text: &str, what: &str| {
            if text.trim().is_empty() {
                Ok(None)
            } else {
                number(text, what).map(Some)
            }
        };
        let money = |text: &str, what: &str| number(text, what).map(|v| f.money.to_usd(v));
        let build = || -> Result<VendorQuote, String> {
            let price = money(&self.price, t.price)?;
            let setup_fee =
                optional(&self.setup, t.quote_setup)?.map_or(0.0, |v| f.money.to_usd(v));
            let quantity = optional(&self.quantity, self.basis.quantity_label(t))?;
            let basis = match self.basis {
                Basis::PerMinute => QuoteBasis::PerMinute {
                    price_per_minute: price,
                    minutes_per_month: quantity,
                },
                Basis::PerAgentHour => QuoteBasis::PerAgentHour {
                    rate_per_hour: price,
                    fte: quantity,
                },
                Basis::PerAgentMonth => QuoteBasis::PerAgentMonth {
                    price_per_agent_month: price,
                    agents: quantity,
                },
            };
            Ok(VendorQuote { basis, setup_fee })
        };
        Some(build())
    }
}

/// The verdict on a quote, in words: "in line (3% above)"; a price below
/// our estimate but inside the region's published prices is said to be one.
pub fn flag_text(check: &QuoteCheck, f: &Fmt, t: &Texts) -> String {
    let off_pct = (check.ratio - 1.0) * 100.0;
    let by = f.percent(off_pct.abs());
    if let (QuoteFlag::Below, Some((low, high))) = (check.flag, check.published) {
        let range = [f.money_cents(low), f.money_cents(high)];
        return fill(t.later().flag_below_published, &[&by, &range[0], &range[1]]);
    }
    let template = match check.flag {
        QuoteFlag::Above => t.later().flag_above,
        QuoteFlag::Below => t.later().flag_below,
        QuoteFlag::InLine if off_pct.round() >= 0.0 => t.later().flag_in_line_above,
        QuoteFlag::InLine => t.later().flag_in_line_below,
    };
    fill(template, &[&by])
}

/// How a quote is priced, in words.
pub fn basis_name(basis: &QuoteBasis, t: &Texts) -> &'static str {
    Basis::of(basis).name(t)
}

/// For a per-minute quote, our own price a minute, and the vendor's minute
/// count when it is off ours by more than the in-line band.
fn minutes_text(quote: &VendorQuote, c: &QuoteCheck, f: &Fmt, t: &Texts) -> String {
    let QuoteBasis::PerMinute { .. } = quote.basis else {
        return String::new();
    };
    let ours = if c.estimate_quantity > 0.0 {
        c.estimate_monthly_cost / c.estimate_quantity
    } else {
        0.0
    };
    let mut text = fill(t.later().quote_our_minute, &[&f.money_cents(ours)]);
    if let (Some(ratio), (_, Some(minutes))) = (c.quantity_ratio, quote.basis.price_and_quantity())
        && (ratio - 1.0).abs() > IN_LINE_BAND
    {
        let template = if ratio < 1.0 {
            t.later().quote_minutes_fewer
        } else {
            t.later().quote_minutes_more
        };
        let by = f.percent(100.0 * (ratio - 1.0).abs());
        text.push(' ');
        text.push_str(&fill(
            template,
            &[&f.count(minutes), &by, &f.count(c.estimate_quantity)],
        ));
    }
    text
}

/// A box of a quote row.
#[derive(Clone, Copy, PartialEq)]
enum Col {
    Vendor,
    Price,
    Quantity,
    Setup,
}

impl Col {
    fn key(self) -> &'static str {
        match self {
            Col::Vendor => "vendor",
            Col::Price => "price",
            Col::Quantity => "quantity",
            Col::Setup => "setup",
        }
    }

    fn label(self, basis: Basis, t: &Texts) -> &'static str {
        match self {
            Col::Vendor => t.vendor,
            Col::Price => t.price,
            Col::Quantity => basis.quantity_label(t),
            Col::Setup => t.quote_setup,
        }
    }

    /// Amounts of money are typed in the currency shown, and say so.
    fn is_money(self) -> bool {
        matches!(self, Col::Price | Col::Setup)
    }

    fn text(self, row: &QuoteRow) -> &str {
        match self {
            Col::Vendor => &row.vendor,
            Col::Price => &row.price,
            Col::Quantity => &row.quantity,
            Col::Setup => &row.setup,
        }
    }

    fn set(self, row: &mut QuoteRow, text: String) {
        match self {
            Col::Vendor => row.vendor = text,
            Col::Price => row.price = text,
            Col::Quantity => row.quantity = text,
            Col::Setup => row.setup = text,
        }
    }
}

/// A dollar amount as a quote's box shows it in `f`'s currency. Four
/// decimals hold any price a person types; converting to dollars and back
/// must not show 0.9500000000000001.
fn shown_amount(usd: f64, f: &Fmt) -> String {
    f.plain((f.money.from_usd(usd) * 1e4).round() / 1e4)
}

/// The quotes typed so far, kept above the language switch (`KeptQuotes`).
#[derive(Clone, Copy)]
pub struct QuoteRows {
    rows: RwSignal<Vec<QuoteRow>>,
    next_id: StoredValue<u32>,
    /// A quote just added, whose vendor box takes the keyboard once drawn.
    added: StoredValue<Option<u32>>,
}

impl QuoteRows {
    /// The typed amounts, shown in the currency just picked.
    fn convert(&self, from: &Fmt, to: &Fmt, t: &Texts) {
        self.rows
            .update(|rows| rows.iter_mut().for_each(|r| r.convert(from, to, t)));
    }

    /// The quote check's rows: those made when it was first drawn (a
    /// language switch draws it again), else rows for the quotes kept,
    /// which from then on follow them.
    fn of(calc: Calc) -> Self {
        let kept = use_context::<KeptQuotes>().expect("App provides KeptQuotes");
        if let Some(rows) = kept.rows.get_value() {
            return rows;
        }
        let rows = kept.owner.with(|| {
            let start = kept.named.get_untracked();
            let rows = QuoteRows::new(&start, &calc.fmt_untracked(), calc.t());
            // The address, this browser and the downloads follow the rows.
            Effect::new(move || {
                let named = rows.named(&calc.fmt(), calc.t());
                if kept.named.with_untracked(|kept| *kept != named) {
                    kept.named.set(named);
                }
            });
            rows
        });
        kept.rows.set_value(Some(rows));
        kept.convert
            .set_value(Some(Callback::new(move |(from, to)| {
                rows.convert(&from, &to, calc.t())
            })));
        rows
    }

    /// The quotes a link or this browser kept, else one empty row to type in.
    fn new(start: &[NamedQuote], f: &Fmt, t: &Texts) -> Self {
        let rows: Vec<QuoteRow> = if start.is_empty() {
            vec![QuoteRow::new(0, t)]
        } else {
            (0..)
                .zip(start)
                .map(|(id, q)| QuoteRow::from_named(id, q, f))
                .collect()
        };
        let next = rows.len() as u32;
        QuoteRows {
            rows: RwSignal::new(rows),
            next_id: StoredValue::new(next),
            added: StoredValue::new(None),
        }
    }

    /// The quotes typed so far that read, under their vendors' names;
    /// tracked, for the quotes kept.
    fn named(&self, f: &Fmt, t: &Texts) -> Vec<NamedQuote> {
        self.rows.with(|rows| {
            rows.iter()
                .filter_map(|r| {
                    let quote = r.quote(f, t)?.ok()?;
                    Some(NamedQuote {
                        vendor: crate::model::compare::clean_name(&r.vendor),
                        quote,
                    })
                })
                .collect()
        })
    }

    /// What `read` makes of row `id`, if it is still there.
    fn with<T>(&self, id: u32, read: impl FnOnce(&QuoteRow) -> T) -> Option<T> {
        self.rows
            .with(|r| r.iter().find(|row| row.id == id).map(read))
    }

    fn edit(&self, id: u32, change: impl FnOnce(&mut QuoteRow)) {
        self.rows.update(|r| {
            if let Some(row) = r.iter_mut().find(|row| row.id == id) {
                change(row);
            }
        });
    }

    fn add(&self, t: &Texts) {
        let id = self.next_id.get_value();
        self.next_id.set_value(id + 1);
        self.added.set_value(Some(id));
        self.rows.update(|r| r.push(QuoteRow::new(id, t)));
    }

    /// Removes a quote; the keyboard goes to the add button, since the
    /// button it was on is gone.
    fn remove(&self, id: u32) {
        browser::focus("quote-add");
        self.rows.update(|r| r.retain(|row| row.id != id));
    }
}

/// A labelled box of a quote, with the currency after money's label.
#[component]
fn QuoteBox(id: u32, col: Col) -> impl IntoView {
    let calc = Calc::from_context();
    let t = calc.t();
    let rows = QuoteRows::of(calc);
    let input_id = format!("q{id}-{}", col.key());
    let label = move || rows.with(id, |r| col.label(r.basis, t)).unwrap_or_default();
    let unit = col.is_money().then(|| {
        let code = move || calc.money.get().currency.code();
        view! {
            " "
            <span class="unit">{code}</span>
        }
    });
    view! {
        <div class="field">
            <label for=input_id.clone()>{label} {unit}</label>
            <input
                id=input_id
                type="text"
                inputmode=(col != Col::Vendor).then_some("decimal")
                data-col=col.key()
                prop:value=move || rows.with(id, |r| col.text(r).to_owned()).unwrap_or_default()
                on:input=move |ev| {
                    let text = event_target_value(&ev);
                    rows.edit(id, |r| col.set(r, text));
                }
            />
        </div>
    }
}

/// What the model makes of a row: a hint while it is empty, its message
/// if a box is wrong, else its cost beside our estimate and the verdict.
#[component]
fn Verdict(id: u32) -> impl IntoView {
    let calc = Calc::from_context();
    let t = calc.t();
    let rows = QuoteRows::of(calc);
    let verdict = move || {
        let f = calc.fmt();
        match rows.with(id, |r| r.quote(&f, t)).flatten() {
            None => EitherOf3::A(view! { <span class="hint">{t.later().quote_hint}</span> }),
            Some(Err(message)) => EitherOf3::B(view! { <span class="error">{message}</span> }),
            Some(Ok(quote)) => {
                let (term, region) = calc.scenario.with(|s| (s.contract_months, s.region));
                let c = calc.figures.with(|o| quote.check(o, term, region));
                let (class, key) = match c.flag {
                    QuoteFlag::Above => ("flag far-above", "above"),
                    QuoteFlag::Below => ("flag far-below", "below"),
                    QuoteFlag::InLine => ("flag in-line", "in_line"),
                };
                let minutes = minutes_text(&quote, &c, &f, t);
                let summary = fill(
                    t.later().quote_result,
                    &[
                        &f.money(c.monthly_cost),
                        &f.money_cents(c.cost_per_contact),
                        &f.money(c.estimate_monthly_cost),
                    ],
                );
                let staffing = quote.agents().map(|agents| {
                    let (read, text) = calc.scenario.with(|s| {
                        let read = calc.figures.with(|o| read_staffing(s, o, agents));
                        (read, messages::staffing(&read, s, &f, t))
                    });
                    let key = match read.flag {
                        StaffingFlag::Short => "short",
                        StaffingFlag::Enough => "enough",
                        StaffingFlag::FarAboveNeed => "far_above_need",
                    };
                    view! {
                        " "
                        <span class="staffing" data-testid="quote-staffing" data-flag=key>
                            {text}
                        </span>
                    }
                });
                EitherOf3::C(view! {
                    <span data-testid="quote-summary">{summary}</span>
                    " "
                    <strong class=class data-testid="quote-flag" data-flag=key>
                        {flag_text(&c, &f, t)}
                    </strong>
                    " "
                    <span data-testid="quote-minutes">{minutes}</span>
                    {staffing}
                })
            }
        }
    };
    view! { <p class="quote-result" aria-live="polite">{verdict}</p> }
}

/// One vendor's quote: its boxes, labelled, and its verdict.
#[component]
fn Quote(id: u32) -> impl IntoView {
    let calc = Calc::from_context();
    let t = calc.t();
    let rows = QuoteRows::of(calc);
    if rows.added.get_value() == Some(id) {
        rows.added.set_value(None);
        Effect::new(move || browser::focus(&format!("q{id}-vendor")));
    }
    let basis = Signal::derive(move || rows.with(id, |r| r.basis.key()).unwrap_or_default());
    let pick_basis = Callback::new(move |key: String| {
        if let Some(basis) = Basis::from_key(&key) {
            rows.edit(id, |r| r.basis = basis);
        }
    });
    view! {
        <li class="quote" data-testid="quote">
            <div class="row">
                <QuoteBox id col=Col::Vendor />
                <Select
                    id=format!("q{id}-basis")
                    label=t.later().priced
                    options=Basis::ALL.map(|b| (b.key(), b.name(t))).to_vec()
                    current=basis
                    on_pick=pick_basis
                />
            </div>
            <div class="row">
                <QuoteBox id col=Col::Price />
                <QuoteBox id col=Col::Quantity />
                <QuoteBox id col=Col::Setup />
            </div>
            <Verdict id />
            <button type="button" class="remove-quote" on:click=move |_| rows.remove(id)>
                {t.later().quote_remove}
            </button>
        </li>
    }
}

#[component]
pub fn QuoteCheck() -> impl IntoView {
    let calc = Calc::from_context();
    let t = calc.t();
    let rows = QuoteRows::of(calc);
    let ids = move || {
        rows.rows
            .with(|r| r.iter().map(|q| q.id).collect::<Vec<_>>())
    };
    view! {
        <section class="panel" aria-labelledby="quotes-title" data-testid="quote-check">
            <h2 id="quotes-title">{t.quotes_title}</h2>
            <p class="section-note">
                {move || {
                    let band = calc.fmt().percent(100.0 * IN_LINE_BAND);
                    fill(t.later().quotes_note, &[calc.money.get().currency.code(), &band])
                }}
            </p>
            <ul class="quotes">
                <For each=ids key=|id| *id let:id>
                    <Quote id />
                </For>
            </ul>
            <button type="button" id="quote-add" on:click=move |_| rows.add(t)>
                {t.later().quote_add}
            </button>
        </section>
    }
}
