//! Sharing and exporting: copy the link, download CSV or JSON, print.

use leptos::either::Either;
use leptos::prelude::*;
use leptos::task::spawn_local;
use wasm_bindgen::JsCast;

use super::below::Below;
use super::browser;
use super::link::KeptQuotes;
use super::link::{LinkWarnings, share_url};
use super::messages;
use super::quotes::{basis_name, flag_text};
use super::state::Calc;
use crate::export::{CheckedQuote, QuoteWords, Report, Words, csv, file_name};
use crate::i18n::fill;
use crate::json::to_json;
use crate::model::compare::{self, Input, Saved};
use crate::model::{Outcome, Scenario};

/// The quotes typed so far that read, each with its check on the scenario
/// shown. Untracked: for a download or the printout's moment.
pub fn checked_quotes(calc: Calc) -> Vec<CheckedQuote> {
    let kept = use_context::<KeptQuotes>().expect("App provides KeptQuotes");
    let named = kept.named.get_untracked();
    let (term, region) = calc
        .scenario
        .with_untracked(|s| (s.contract_months, s.region));
    calc.figures.with_untracked(|o| {
        named
            .into_iter()
            .map(|named| CheckedQuote {
                check: named.quote.check(o, term, region),
                named,
            })
            .collect()
    })
}

/// The whole outcome of the scenario shown, what-ifs too, for a download:
/// computed on the click, so it never waits for the what-ifs' task; the
/// own team's column as the page has it.
fn settled_outcome(calc: Calc) -> Outcome {
    calc.settle();
    calc.settled.with_untracked(|s| calc.outcome_of(s))
}

fn report_json(calc: Calc, warnings: LinkWarnings) -> String {
    let outcome = settled_outcome(calc);
    let quotes = checked_quotes(calc);
    calc.scenario.with_untracked(|scenario| {
        warnings.list.with_value(|warnings| {
            let report = Report {
                scenario,
                warnings,
                outcome: &outcome,
                quotes: &quotes,
            };
            to_json(&report, browser::js_string)
        })
    })
}

/// The CSV's words in the page's language: the pick's reasons, the
/// choices as the form names them, the quotes' bases and verdicts.
fn csv_words(calc: Calc, outcome: &Outcome) -> Words {
    let (f, t) = (calc.fmt_untracked(), calc.t());
    let reasons = outcome
        .recommendation
        .reasons
        .iter()
        .map(|r| messages::reason(r, &f, t))
        .collect();
    let choices = calc.scenario.with_untracked(|s| {
        Input::all()
            .filter(|i| !matches!(i, Input::Number(_)))
            .map(|i| {
                (
                    messages::input_name(i, t).to_string(),
                    messages::input_value(i, s, &f, t),
                )
            })
            .collect()
    });
    let quotes = checked_quotes(calc)
        .into_iter()
        .map(|quote| QuoteWords {
            basis: basis_name(&quote.named.quote.basis, t),
            verdict: flag_text(&quote.check, &f, t),
            quote,
        })
        .collect();
    Words {
        reasons,
        choices,
        quotes,
    }
}

/// The download's name: the scenario and today.
fn named(calc: Calc, extension: &str) -> String {
    calc.scenario
        .with_untracked(|s| file_name(s, &browser::today(), extension))
}

#[component]
pub fn Share() -> impl IntoView {
    let calc = Calc::from_context();
    let t = calc.t();
    let warnings = use_context::<LinkWarnings>().expect("App provides LinkWarnings");
    let below = Below::from_context();
    let download_csv = move |_| {
        let outcome = settled_outcome(calc);
        let words = csv_words(calc, &outcome);
        let text = calc
            .scenario
            .with_untracked(|s| csv(s, &outcome, calc.money.get_untracked(), calc.t(), &words));
        browser::download(&named(calc, "csv"), "text/csv;charset=utf-8", &text);
    };
    let download_json = move |_| {
        let json = report_json(calc, warnings);
        browser::download(&named(calc, "json"), "application/json", &json);
    };
    view! {
        <section class="panel share" aria-labelledby="share-title" data-testid="share">
            <h2 id="share-title">{t.share_title}</h2>
            <div class="actions">
                <CopyLink />
                <button type="button" data-testid="download-csv" on:click=download_csv>
                    {t.later().download_csv}
                </button>
                <button type="button" data-testid="download-json" on:click=download_json>
                    {t.later().download_json}
                </button>
                <button type="button" data-testid="print" on:click=move |_| below.print()>
                    {t.later().print}
                </button>
            </div>
        </section>
    }
}

/// "Copy link": the page's share link to the clipboard, and what became of
/// it: copied, or the link to copy by hand (an old browser, a frame
/// without the permission), selected as soon as it has focus.
#[component]
pub fn CopyLink() -> impl IntoView {
    let calc = Calc::from_context();
    let t = calc.t();
    // None until a copy is tried; then whether it worked, and the link.
    let copied = RwSignal::new(None::<(bool, String)>);
    let copy_link = move |_| {
        calc.settle();
        let url = share_url(calc);
        let promise = browser::copy_text(&url);
        spawn_local(async move {
            let ok = wasm_bindgen_futures::JsFuture::from(promise)
                .await
                .is_ok_and(|v| v.is_truthy());
            copied.set(Some((ok, url)));
        });
    };
    let status = move || {
        copied.get().map(|(ok, url)| {
            if ok {
                Either::Left(view! { <span>{t.later().link_copied}</span> })
            } else {
                Either::Right(view! {
                    <label>
                        {t.later().link_copy_failed} " "
                        <input
                            type="text"
                            readonly
                            prop:value=url
                            on:focus=|ev| {
                                if let Some(input) = ev
                                    .target()
                                    .and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok())
                                {
                                    input.select();
                                }
                            }
                        />
                    </label>
                })
            }
        })
    };
    view! {
        <button type="button" data-testid="copy-link" on:click=copy_link>
            {t.later().copy_link}
        </button>
        <span class="copy-status" role="status" data-testid="copy-status">
            {status}
        </span>
    }
}

/// The printout's first lines, for a buyer who gets it forwarded: the
/// date, the scenario in one paragraph, what was changed from the
/// defaults, the link to open it again, and the vendors' quotes beside our
/// estimate. The cards and the recommendation print below it. Only in print.
#[component]
pub fn Proposal() -> impl IntoView {
    let calc = Calc::from_context();
    let t = calc.t();
    let date = fill(t.later().proposal_date, &[&browser::today()]);
    let summary = move || {
        let f = calc.fmt();
        calc.settled.with(|s| {
            calc.figures.with(|o| {
                let hours = if s.all_week {
                    t.later().proposal_round_the_clock.to_string()
                } else {
                    let h = |x: f64| f.plain(x);
                    fill(
                        t.later().proposal_hours,
                        &[&h(s.open_hour), &h(s.close_hour), &h(s.days)],
                    )
                };
                let pick = o.recommendation.model;
                let r = o.model(pick)?;
                Some(fill(
                    t.later().proposal_summary,
                    &[
                        &f.count(s.phone_per_month + s.chat_per_month + s.email_per_month),
                        &f.count(s.phone_per_month),
                        &f.count(s.chat_per_month),
                        &f.count(s.email_per_month),
                        &hours,
                        messages::region_name(s.region, t),
                        t.model(pick),
                        &f.estimate(r.monthly_cost),
                        &f.estimate(r.first_year_cost),
                    ],
                ))
            })
        })
    };
    let changed = move || {
        let f = calc.fmt();
        let now = Saved {
            name: String::new(),
            scenario: calc.settled.get(),
        };
        let before = Saved {
            name: String::new(),
            scenario: Scenario::default(),
        };
        let inputs = compare::differences(&[before, now.clone()]);
        if inputs.is_empty() {
            return t.later().proposal_unchanged.to_string();
        }
        let list: Vec<String> = inputs
            .into_iter()
            .map(|i| {
                let value = messages::input_value(i, &now.scenario, &f, t);
                format!("{} {value}", messages::input_name(i, t))
            })
            .collect();
        fill(t.later().proposal_changed, &[&list.join("; ")])
    };
    let kept = use_context::<KeptQuotes>().expect("App provides KeptQuotes");
    let link = move || {
        calc.settled.track();
        kept.named.track();
        fill(t.later().proposal_link, &[&share_url(calc)])
    };
    let quotes = move || {
        let f = calc.fmt();
        calc.settled.track();
        kept.named.track();
        let quotes = checked_quotes(calc);
        (!quotes.is_empty()).then(|| {
            let rows = quotes
                .into_iter()
                .map(|q| {
                    view! {
                        <tr>
                            <td>{q.named.vendor.clone()}</td>
                            <td>{basis_name(&q.named.quote.basis, t)}</td>
                            <td>{f.money(q.check.monthly_cost)}</td>
                            <td>{f.money(q.check.estimate_monthly_cost)}</td>
                            <td>{flag_text(&q.check, &f, t)}</td>
                        </tr>
                    }
                })
                .collect_view();
            view! {
                <table data-testid="proposal-quotes">
                    <caption>{t.later().proposal_quotes}</caption>
                    <thead>
                        <tr>
                            <th scope="col">{t.vendor}</th>
                            <th scope="col">{t.later().priced}</th>
                            <th scope="col">{fill(t.later().csv_monthly_cost, &[calc.money.get().currency.code()])}</th>
                            <th scope="col">{fill(t.later().csv_estimate, &[calc.money.get().currency.code()])}</th>
                            <th scope="col">{t.later().csv_against}</th>
                        </tr>
                    </thead>
                    <tbody>{rows}</tbody>
                </table>
            }
        })
    };
    view! {
        <section class="proposal" data-testid="proposal">
            <h2>{t.later().proposal_title}</h2>
            <p data-testid="proposal-summary">{summary}</p>
            <p class="proposal-small" data-testid="proposal-changed">
                {changed}
            </p>
            <p class="proposal-small">
                {date} " " <span data-testid="proposal-link">{link}</span>
            </p>
            {quotes}
        </section>
    }
}
