//! Sharing and exporting: copy the link, download CSV or JSON, print.

use std::fmt::Write as _;

use leptos::prelude::*;
use leptos::task::spawn_local;
use wasm_bindgen::JsCast;

use super::browser;
use super::link::{LinkWarnings, share_url};
use super::markup::esc;
use super::state::Calc;
use crate::export::{Report, csv};
use crate::i18n::Texts;
use crate::json::to_json;

fn report_json(calc: Calc, warnings: LinkWarnings) -> String {
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

/// What became of the last copy: the link on the clipboard, or the link
/// to copy by hand (an old browser, a frame without the permission).
fn copy_status(copied: Option<(bool, String)>, t: &Texts) -> String {
    match copied {
        None => String::new(),
        Some((true, _)) => format!("<span>{}</span>", esc(t.link_copied)),
        Some((false, url)) => format!(
            "<label>{} <input type=\"text\" readonly value=\"{}\"></label>",
            esc(t.link_copy_failed),
            esc(&url)
        ),
    }
}

#[component]
pub fn Share() -> impl IntoView {
    let calc = Calc::from_context();
    let t = calc.t();
    let warnings = use_context::<LinkWarnings>().expect("App provides LinkWarnings");
    // None until a copy is tried; then whether it worked, and the link.
    let copied = RwSignal::new(None::<(bool, String)>);
    let on_click =
        move |ev: web_sys::MouseEvent| match browser::event_data(&ev, "data-action").as_deref() {
            Some("copy-link") => {
                let url = share_url(calc);
                let promise = browser::copy_text(&url);
                spawn_local(async move {
                    let ok = wasm_bindgen_futures::JsFuture::from(promise)
                        .await
                        .is_ok_and(|v| v.is_truthy());
                    copied.set(Some((ok, url)));
                });
            }
            Some("download-csv") => {
                let text = calc.scenario.with_untracked(|s| {
                    calc.outcome.with_untracked(|o| {
                        csv(s, o, calc.money.get_untracked(), calc.lang.get_untracked())
                    })
                });
                browser::download("supportcalc.csv", "text/csv;charset=utf-8", &text);
            }
            Some("download-json") => browser::download(
                "supportcalc.json",
                "application/json",
                &report_json(calc, warnings),
            ),
            Some("print") => browser::print_page(),
            _ => {}
        };
    // The link to copy by hand is selected as soon as it has focus.
    let on_focus = move |ev: web_sys::FocusEvent| {
        if let Some(input) = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok())
        {
            input.select();
        }
    };
    let mut actions = String::new();
    for (action, label) in [
        ("copy-link", t.copy_link),
        ("download-csv", t.download_csv),
        ("download-json", t.download_json),
        ("print", t.print),
    ] {
        let _ = write!(
            actions,
            "<button type=\"button\" data-action=\"{action}\" data-testid=\"{action}\">{}</button>",
            esc(label)
        );
    }
    view! {
        <section class="panel share" aria-labelledby="share-title" data-testid="share" on:click=on_click on:focusin=on_focus>
            <h2 id="share-title">{t.share_title}</h2>
            <div class="actions" inner_html=actions></div>
            <p class="note" role="status" data-testid="copy-status" inner_html=move || copy_status(copied.get(), t)></p>
        </section>
    }
}
