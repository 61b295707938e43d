//! What does a download hold? JSON: the scenario, the link's warnings and
//! the outcome, exactly as `examples/quote.rs` prints them (US dollars, the
//! model's unit). CSV: one row per model with the figures the page shows,
//! in the reader's currency and language, then the inputs.

use serde::Serialize;

use crate::i18n::{Lang, fill};
use crate::model::decimal::write_fixed;
use crate::model::{Field, ModelKind, Money, Outcome, QueryWarning, Scenario};

/// The JSON document, for the page's download and the command line alike.
#[derive(Serialize)]
pub struct Report<'a> {
    pub scenario: &'a Scenario,
    pub warnings: &'a [QueryWarning],
    pub outcome: &'a Outcome,
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
/// ("1234.50"): a file is read by programs in any locale.
pub fn csv(scenario: &Scenario, outcome: &Outcome, money: Money, lang: Lang) -> String {
    let t = lang.texts();
    let code = money.currency.code();
    let mut out = String::from('\u{feff}');
    line(
        &mut out,
        &[
            t.csv_model,
            &fill(t.csv_monthly_cost, &[code]),
            &fill(t.csv_peak_month_cost, &[code]),
            &fill(t.csv_first_year_cost, &[code]),
            &fill(t.csv_cost_per_contact, &[code]),
            t.csv_fte,
            t.csv_hours_covered,
            t.csv_within_target,
            t.csv_recommended,
        ],
    );
    for kind in ModelKind::ALL {
        let r = outcome.model(kind);
        let recommended = outcome.recommendation.model == kind;
        line(
            &mut out,
            &[
                t.model(kind),
                &number(money.from_usd(r.monthly_cost), 2),
                &number(money.from_usd(r.peak_month_cost), 2),
                &number(money.from_usd(r.first_year_cost), 2),
                &number(money.from_usd(r.cost_per_contact), 4),
                &number(r.fte, 2),
                &number(r.requested_hours_covered_pct, 1),
                &number(r.within_target_pct, 1),
                if recommended { t.csv_yes } else { t.csv_no },
            ],
        );
    }
    out.push_str("\r\n");
    line(&mut out, &[t.csv_input, t.csv_value]);
    for field in Field::ALL {
        let value = crate::model::decimal::write_shortest(scenario.get(field));
        line(&mut out, &[t.field(field).0, &value]);
    }
    let flag = |on: bool| if on { t.csv_yes } else { t.csv_no };
    line(&mut out, &[t.region_label, scenario.region.key()]);
    line(&mut out, &[t.pattern_label, scenario.pattern.key()]);
    line(&mut out, &[t.all_week, flag(scenario.all_week)]);
    line(&mut out, &[t.multilingual, flag(scenario.multilingual)]);
    line(&mut out, &[t.specialised, flag(scenario.specialised)]);
    line(
        &mut out,
        &[t.tier2_outsourced, flag(scenario.tier2_outsourced)],
    );
    let languages: Vec<String> = scenario
        .languages
        .iter()
        .map(|l| {
            format!(
                "{}:{}",
                l.code,
                crate::model::decimal::write_shortest(l.share_pct)
            )
        })
        .collect();
    line(&mut out, &[t.languages_section, &languages.join(" ")]);
    out
}
