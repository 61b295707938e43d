//! Sharing and exporting: copy the link, download CSV or JSON, print.

use leptos::either::Either;
use leptos::prelude::*;
use leptos::task::spawn_local;
use wasm_bindgen::JsCast;

use super::browser;
use super::link::{LinkWarnings, share_url};
use super::state::Calc;
use crate::export::{Report, csv};
use crate::json::to_json;

fn report_json(calc: Calc, warnings: LinkWarnings) -> String {
    calc.settle();
    calc.scenario.with_untracked(|scenario| {
        warnings.list.with_value(|warnings| {
            calc.outcome.with_untracked(|outcome| {
                let report = Report {
                    scenario,
                    warnings,
                    outcome,
                };
                to_json(&report, browser::js_string)
            })
        })
    })
}

#[component]
pub fn Share() -> impl IntoView {
    let calc = Calc::from_context();
    let t = calc.t();
    let warnings = use_context::<LinkWarnings>().expect("App provides LinkWarnings");
    let download_csv = move |_| {
        calc.settle();
        let text = calc.scenario.with_untracked(|s| {
            calc.outcome.with_untracked(|o| {
                csv(s, o, calc.money.get_untracked(), calc.lang.get_untracked())
            })
        });
        browser::download("supportcalc.csv", "text/csv;charset=utf-8", &text);
    };
    let download_json = move |_| {
        let json = report_json(calc, warnings);
        browser::download("supportcalc.json", "application/json", &json);
    };
    view! {
        <section class="panel share" aria-labelledby="share-title" data-testid="share">
            <h2 id="share-title">{t.share_title}</h2>
            <div class="actions">
                <CopyLink />
                <button type="button" data-testid="download-csv" on:click=download_csv>
                    {t.download_csv}
                </button>
                <button type="button" data-testid="download-json" on:click=download_json>
                    {t.download_json}
                </button>
                <button type="button" data-testid="print" on:click=|_| browser::print_page()>
                    {t.print}
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
                Either::Left(view! { <span>{t.link_copied}</span> })
            } else {
                Either::Right(view! {
                    <label>
                        {t.link_copy_failed} " "
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
            {t.copy_link}
        </button>
        <span class="copy-status" role="status" data-testid="copy-status">
            {status}
        </span>
    }
}
