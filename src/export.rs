//! What does a download hold? JSON: the scenario, the link's warnings and
//! the outcome, exactly as `examples/quote.rs` prints them (US dollars, the
//! model's unit), and the vendors' quotes with their checks. CSV: one row
//! per model with the figures the page shows, rounded as it shows them, in
//! the reader's currency and language; the advice's reasons; every input
//! with its unit; the quotes beside our estimate. Each file is named for
//! its scenario and the day.

use serde::Serialize;

use crate::i18n::{Texts, fill};
use crate::model::decimal::write_fixed;
use crate::model::quote::{NamedQuote, QuoteCheck};
use crate::model::{
    Field, ModelKind, ModelResult, Money, Month, Outcome, Preset, QueryWarning, Scenario,
};

/// The JSON document, for the page's download and the command line alike.
#[derive(Serialize)]
pub struct Report<'a> {
    pub scenario: &'a Scenario,
    pub warnings: &'a [QueryWarning],
    pub outcome: &'a Outcome,
    /// The quotes typed on the page (none from the command line).
    #[serde(skip_serializing_if = "<[_]>::is_empty")]
    pub quotes: &'a [CheckedQuote],
}

/// A vendor's quote and what the model makes of it.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct CheckedQuote {
    pub named: NamedQuote,
    pub check: QuoteCheck,
}

/// What the page words for the CSV, in the reader's language: the reasons
/// for the pick, the choices (region, pattern, languages…) with their
/// labels, and each quote's basis and verdict.
pub struct Words {
    pub reasons: Vec<String>,
    pub choices: Vec<(String, String)>,
    pub quotes: Vec<QuoteWords>,
}

pub struct QuoteWords {
    pub quote: CheckedQuote,
    pub basis: &'static str,
    pub verdict: String,
}

/// `supportcalc-…-2026-12-05.csv`: the preset's name when the scenario is
/// one unchanged, else its volume and region (`8000-contacts-nearshore`,
/// `-24-7` when it runs round the clock), then the day, so downloads of
/// several scenarios sort and do not overwrite each other.
pub fn file_name(scenario: &Scenario, date: &str, extension: &str) -> String {
    let what = match Preset::ALL.into_iter().find(|p| p.scenario() == *scenario) {
        Some(preset) => preset.key().to_string(),
        None => {
            let contacts =
                scenario.phone_per_month + scenario.chat_per_month + scenario.email_per_month;
            let hours = if scenario.all_week { "-24-7" } else { "" };
            format!(
                "{}-contacts-{}{hours}",
                number(contacts, 0),
                scenario.region.key()
            )
        }
    };
    format!("supportcalc-{what}-{date}.{extension}")
}

/// A CSV cell: quoted when it holds a separator, a quote or a line break.
fn cell(out: &mut String, text: &str) {
    if text.contains([',', '"', '\n', '\r']) {
        out.push('"');
        out.push_str(&text.replace('"', "\"\""));
        out.push('"');
    } else {
        out.push_str(text);
    }
}

fn line(out: &mut String, cells: &[&str]) {
    for (i, text) in cells.iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        cell(out, text);
    }
    out.push_str("\r\n");
}

fn number(value: f64, places: u32) -> String {
    write_fixed(value, places).unwrap_or_default()
}

/// The CSV text (RFC 4180, CRLF, with a byte-order mark so spreadsheet
/// programs read Japanese and Russian as UTF-8). Numbers are plain
/// ("1234.50"): a file is read by programs in any locale. Money is in
/// whole units but a cost per contact, in cents; agents to a tenth.
pub fn csv(
    scenario: &Scenario,
    outcome: &Outcome,
    money: Money,
    t: &Texts,
    words: &Words,
) -> String {
    let code = money.currency.code();
    let cost = |usd: f64| number(money.from_usd(usd), 0);
    let mut out = String::from('\u{feff}');
    line(
        &mut out,
        &[
            t.later().csv_model,
            &fill(t.later().csv_monthly_cost, &[code]),
            &fill(t.later().csv_peak_month_cost, &[code]),
            &fill(t.later().csv_first_year_cost, &[code]),
            &fill(t.later().csv_cost_per_contact, &[code]),
            t.later().csv_fte,
            t.later().csv_hours_covered,
            t.later().csv_within_target,
            t.later().csv_abandoned,
            t.later().csv_recommended,
        ],
    );
    for r in outcome.models() {
        let kind = r.kind;
        let recommended = outcome.recommendation.model == kind;
        line(
            &mut out,
            &[
                t.model(kind),
                &cost(r.monthly_cost),
                &cost(r.peak_month_cost),
                &cost(r.first_year_cost),
                &number(money.from_usd(r.cost_per_contact), 2),
                &number(r.fte, 1),
                &number(r.requested_hours_covered_pct, 0),
                &number(r.within_target_pct, 0),
                &number(r.abandonment_pct, 1),
                if recommended {
                    t.later().csv_yes
                } else {
                    t.later().csv_no
                },
            ],
        );
    }
    // The year: each month's cost under each model (the own team's too,
    // when there is one), and the hiring plan as the page shows it: the
    // dedicated team's agents, hires, departures and overtime; the
    // combined team's and the own team's agents and the pool's hours.
    out.push_str("\r\n");
    let mut header = vec![t.later().csv_month.to_string(), t.season_label.to_string()];
    header.extend(
        outcome
            .kinds()
            .into_iter()
            .map(|k| fill(t.later().csv_month_cost, &[t.model(k), code])),
    );
    let dedicated = t.model(ModelKind::Dedicated);
    header.extend(
        [
            t.later().csv_month_agents,
            t.later().csv_month_hired,
            t.later().csv_month_released,
            t.later().csv_month_overtime,
        ]
        .map(|words| fill(words, &[dedicated])),
    );
    let teams: Vec<&ModelResult> = outcome
        .models()
        .into_iter()
        .filter(|r| matches!(r.kind, ModelKind::Combined | ModelKind::OwnTeam))
        .collect();
    for r in &teams {
        let name = t.model(r.kind);
        header.extend(
            [t.later().csv_month_agents, t.later().csv_month_pool_hours].map(|w| fill(w, &[name])),
        );
    }
    line(
        &mut out,
        &header.iter().map(String::as_str).collect::<Vec<_>>(),
    );
    for month in Month::ALL {
        let i = month.index();
        let d = &outcome.dedicated.months[i];
        let mut row = vec![
            t.month(month).to_string(),
            number(scenario.year.get(month), 2),
        ];
        row.extend(outcome.models().into_iter().map(|r| cost(r.months[i].cost)));
        row.extend([
            d.agents.to_string(),
            d.hired_agents.to_string(),
            d.released_agents.to_string(),
            number(d.overtime_hours, 0),
        ]);
        for r in &teams {
            let m = &r.months[i];
            row.extend([m.agents.to_string(), number(m.pool_hours, 0)]);
        }
        line(
            &mut out,
            &row.iter().map(String::as_str).collect::<Vec<_>>(),
        );
    }
    out.push_str("\r\n");
    line(&mut out, &[t.later().csv_reasons]);
    for reason in &words.reasons {
        line(&mut out, &[reason]);
    }
    out.push_str("\r\n");
    line(
        &mut out,
        &[t.later().csv_input, t.later().csv_value, t.later().csv_unit],
    );
    // The own team's inputs only when there is one.
    let own = [
        Field::OwnAgents,
        Field::OwnOpen,
        Field::OwnClose,
        Field::OwnDays,
        Field::OwnCost,
    ];
    for field in Field::ALL
        .into_iter()
        .filter(|f| !(scenario.own.is_none() && own.contains(f)))
    {
        let value = crate::model::decimal::write_shortest(scenario.get(field));
        let unit = t.unit(field.spec().unit);
        line(&mut out, &[t.field(field).0, &value, unit]);
    }
    for (label, value) in &words.choices {
        line(&mut out, &[label, value]);
    }
    if !words.quotes.is_empty() {
        out.push_str("\r\n");
        line(
            &mut out,
            &[
                t.vendor,
                t.later().priced,
                &format!("{} ({code})", t.price),
                t.later().csv_quantity,
                &format!("{} ({code})", t.quote_setup),
                &fill(t.later().csv_monthly_cost, &[code]),
                &fill(t.later().csv_estimate, &[code]),
                t.later().csv_against,
            ],
        );
        for q in &words.quotes {
            let (price, quantity) = q.quote.named.quote.basis.price_and_quantity();
            let check = &q.quote.check;
            line(
                &mut out,
                &[
                    &q.quote.named.vendor,
                    q.basis,
                    &number(money.from_usd(price), 4),
                    &quantity.map(|n| number(n, 1)).unwrap_or_default(),
                    &cost(q.quote.named.quote.setup_fee),
                    &cost(check.monthly_cost),
                    &cost(check.estimate_monthly_cost),
                    &q.verdict,
                ],
            );
        }
    }
    out
}
