//! The components in a real browser (headless Chromium through
//! wasm-bindgen-test-runner): the app mounts, and a typed value reaches the
//! model and comes back as a different number.
#![cfg(target_arch = "wasm32")]

use supportcalc::model::advice::ESTIMATE_DIGITS;
use supportcalc::model::decimal::round_significant;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{HtmlElement, HtmlInputElement};

wasm_bindgen_test_configure!(run_in_browser);

fn document() -> web_sys::Document {
    web_sys::window()
        .and_then(|w| w.document())
        .expect("a document")
}

fn text_of(selector: &str) -> String {
    document()
        .query_selector(selector)
        .ok()
        .flatten()
        .and_then(|e| e.dyn_into::<HtmlElement>().ok())
        .map(|e| e.inner_text())
        .unwrap_or_default()
}

fn type_into(id: &str, value: &str) {
    let input: HtmlInputElement = document()
        .get_element_by_id(id)
        .expect("input")
        .dyn_into()
        .expect("an input");
    input.set_value(value);
    // Bubbling, as a browser's own input events do.
    let init = web_sys::EventInit::new();
    init.set_bubbles(true);
    let event = web_sys::Event::new_with_event_init_dict("input", &init).expect("event");
    input.dispatch_event(&event).expect("dispatch");
}

async fn microtask() {
    let promise = js_sys::Promise::resolve(&wasm_bindgen::JsValue::NULL);
    wasm_bindgen_futures::JsFuture::from(promise).await.ok();
}

/// Effects run on a microtask, and the results follow a keystroke after
/// its paint (a frame, then a timeout): wait the same way, behind the
/// page's own wait, before reading the page.
async fn settle() {
    microtask().await;
    let after_paint = js_sys::Promise::new(&mut |resolve, _| {
        let later = wasm_bindgen::closure::Closure::once_into_js(move || {
            if let Some(window) = web_sys::window() {
                let _ = window.set_timeout_with_callback(&resolve);
            }
        });
        if let Some(window) = web_sys::window() {
            let _ = window.request_animation_frame(later.unchecked_ref());
        }
    });
    wasm_bindgen_futures::JsFuture::from(after_paint).await.ok();
    microtask().await;
}

/// The form is mounted a few paints after the results (the page's stages):
/// wait for it as a reader would, a paint at a time.
async fn form_mounted() {
    while document().get_element_by_id("f-phone").is_none() {
        settle().await;
    }
}

fn mount() -> impl Drop {
    let host: HtmlElement = document()
        .create_element("div")
        .unwrap()
        .dyn_into()
        .unwrap();
    document().body().unwrap().append_child(&host).unwrap();
    leptos::mount::mount_to(host, supportcalc::ui::App)
}

#[wasm_bindgen_test]
async fn renders_three_model_cards_with_costs() {
    let _app = mount();
    settle().await;
    let cards = document()
        .query_selector_all("[data-testid=model-card]")
        .unwrap();
    assert_eq!(cards.length(), 3);
    // The scenario the page shows is in its address (another test may
    // have typed one before): each card carries the model's cost for it.
    let query = web_sys::window().unwrap().location().search().unwrap();
    let (scenario, _) = supportcalc::model::Scenario::from_query(&query);
    let outcome = supportcalc::model::compute(&scenario);
    for kind in supportcalc::model::ModelKind::ALL {
        let shown = text_of(&format!(
            "[data-model={}] [data-testid=monthly-cost]",
            kind.key()
        ));
        // Estimates show to three significant figures, as the page rounds them.
        let cost = round_significant(outcome.model(kind).unwrap().monthly_cost, ESTIMATE_DIGITS);
        assert_eq!(shown, dollars(cost), "{query}");
    }
}

/// Whole dollars as an English page writes them: "$12,345".
fn dollars(usd: f64) -> String {
    let digits = format!("{}", usd.round() as u64);
    let mut out = String::from("$");
    for (i, d) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(d);
    }
    out
}

#[wasm_bindgen_test]
async fn typed_volume_changes_the_shared_cost_and_bad_text_marks_stale() {
    let _app = mount();
    form_mounted().await;
    let before = text_of("[data-model=shared] [data-testid=monthly-cost]");
    type_into("f-phone", "40000");
    settle().await;
    let after = text_of("[data-model=shared] [data-testid=monthly-cost]");
    assert_ne!(before, after);

    type_into("f-phone", "lots");
    settle().await;
    let input: HtmlInputElement = document()
        .get_element_by_id("f-phone")
        .unwrap()
        .dyn_into()
        .unwrap();
    assert_eq!(input.get_attribute("aria-invalid").as_deref(), Some("true"));
    assert_eq!(input.value(), "lots", "what the user typed stays");
    assert_eq!(
        text_of("[data-model=shared] [data-testid=monthly-cost]"),
        after,
        "results keep the last valid scenario"
    );
    assert!(
        document()
            .query_selector("[data-testid=stale-note]")
            .unwrap()
            .is_some()
    );
}

/// The model's decimal reading and writing use u128 arithmetic, which
/// wasm32 does in software: here they are checked on the target itself,
/// with Rust's own float formatting (which the test may use) as the oracle.
#[wasm_bindgen_test]
fn decimals_agree_with_rust_on_wasm32() {
    use supportcalc::model::decimal::{read_decimal, write_fixed, write_shortest};
    let mut x: u64 = 0x9e37_79b9_7f4a_7c15;
    let mut samples = vec![
        0.0,
        0.05,
        0.15,
        0.25,
        1.005,
        2.675,
        1234.5,
        -7.25,
        99.995,
        1e9 + 0.5,
    ];
    for _ in 0..5000 {
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        let magnitude = 10f64.powi((x % 9) as i32 - 3);
        samples.push(((x >> 11) as f64 / (1u64 << 53) as f64 - 0.5) * magnitude);
    }
    for value in samples {
        for places in 1..=3u32 {
            let expected = format!("{:.*}", places as usize, value);
            let expected = if expected
                .trim_start_matches('-')
                .trim_matches(['0', '.'])
                .is_empty()
            {
                expected.trim_start_matches('-').to_owned()
            } else {
                expected
            };
            assert_eq!(
                write_fixed(value, places),
                Some(expected),
                "{value} to {places} places"
            );
        }
        let text = write_shortest(value);
        assert_eq!(
            read_decimal(&text),
            Some(value),
            "{value} written as {text}"
        );
    }
}
