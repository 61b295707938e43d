//! The parts of the page that the first screen does not need, each in a
//! wasm chunk of its own that loads when the part is shown or, ahead of
//! that, once the page is idle; and `Part`, which shows one.
//!
//! A split build (the `split` feature, which Trunk builds with) marks each
//! part's function as a split point, as Leptos's `#[lazy]` does, and
//! `scripts/split.mjs` cuts the wasm there. Unlike `#[lazy]`, the points
//! are `fallible`: a chunk that cannot be fetched is an `Err`, which `Part`
//! shows with a retry, where `#[lazy]` would panic and stop the app.

use std::future::Future;

use leptos::prelude::*;
use send_wrapper::SendWrapper;
use wasm_split_helpers::SplitLoaderError;

use super::state::Calc;

/// A part's view, or the failure to fetch its chunk.
pub type Loaded = Result<AnyView, SplitLoaderError>;

/// `split!(name, prefetch_name => view)` declares `async fn name() ->
/// Loaded`, drawing `view`, and `async fn prefetch_name()`, which loads the
/// chunk without drawing. Without the `split` feature both are plain
/// functions in the one wasm.
macro_rules! split {
    ($(#[$doc:meta])* $name:ident, $prefetch:ident => $view:expr) => {
        $(#[$doc])*
        #[cfg(feature = "split")]
        #[wasm_split_helpers::wasm_split($name, fallible, preload($prefetch))]
        pub fn $name() -> Loaded {
            Ok($view.into_any())
        }

        $(#[$doc])*
        #[cfg(not(feature = "split"))]
        pub async fn $name() -> Loaded {
            Ok($view.into_any())
        }

        #[cfg(not(feature = "split"))]
        async fn $prefetch() -> Result<(), SplitLoaderError> {
            Ok(())
        }
    };
}

split!(
    /// The saved scenarios side by side.
    scenarios, prefetch_scenarios => view! { <super::scenarios::Scenarios /> }
);
split!(
    /// Cost across volume.
    curves, prefetch_curves => view! { <super::charts::CostCurves /> }
);
split!(
    /// Who covers each hour of the week.
    coverage, prefetch_coverage => view! { <super::charts::CoverageHeatmap /> }
);
split!(
    /// Where each model's money goes.
    breakdown, prefetch_breakdown => view! { <super::results::Breakdowns /> }
);
split!(
    /// What buyers weigh beside price.
    comparison, prefetch_comparison => view! { <super::results::Comparison /> }
);
split!(
    /// The vendor quotes checked against the model.
    quotes, prefetch_quotes => view! { <super::quotes::QuoteCheck /> }
);
split!(
    /// The link, the downloads and print.
    share, prefetch_share => view! { <super::share::Share /> }
);
split!(
    /// Present mode, in place of the page.
    present, prefetch_present => view! { <super::present::Present /> }
);

/// Loads every chunk, one after another, once the browser is idle: a part
/// opened later (present mode) then draws at once, and offline too. A
/// chunk that fails here is left for its `Part` to report when shown.
pub fn prefetch() {
    request_idle_callback(|| {
        leptos::task::spawn_local(async {
            let _ = prefetch_present().await;
            let _ = prefetch_scenarios().await;
            let _ = prefetch_curves().await;
            let _ = prefetch_coverage().await;
            let _ = prefetch_breakdown().await;
            let _ = prefetch_comparison().await;
            let _ = prefetch_quotes().await;
            let _ = prefetch_share().await;
        })
    });
}

#[derive(Clone, Copy, PartialEq)]
enum State {
    Loading,
    Shown,
    Failed,
}

/// The part `load` draws. Until its chunk is there, a line says it is
/// loading; if the chunk cannot be fetched (a blocked request, offline
/// before a visit cached it), the part says so in place with a button that
/// tries again, and `children` (a way out, where the part is the whole
/// page). The rest of the page works meanwhile. A loaded chunk draws in the
/// same task, with no loading line.
#[component]
pub fn Part<F, Fut>(load: F, #[prop(optional)] children: Option<ChildrenFn>) -> impl IntoView
where
    F: Fn() -> Fut + Copy + Send + Sync + 'static,
    Fut: Future<Output = Loaded> + 'static,
{
    let t = Calc::from_context().t();
    let state = RwSignal::new(State::Loading);
    let attempt = RwSignal::new(0u32);
    let part = move || {
        attempt.track();
        Suspend::new(SendWrapper::new(async move {
            let loaded = load().await;
            state.set(if loaded.is_ok() {
                State::Shown
            } else {
                State::Failed
            });
            loaded.ok()
        }))
    };
    let retry = move |_| {
        state.set(State::Loading);
        attempt.update(|n| *n += 1);
    };
    let note = move || match state.get() {
        State::Shown => None,
        State::Loading => Some(
            view! {
                <p class="note part-note" role="status" data-testid="part-loading">
                    {t.part_loading}
                </p>
            }
            .into_any(),
        ),
        State::Failed => Some(
            view! {
                <div class="part-note part-failed" role="alert" data-testid="part-failed">
                    <p>{t.part_failed}</p>
                    <button type="button" on:click=retry>
                        {t.part_retry}
                    </button>
                    {children.clone().map(|c| c())}
                </div>
            }
            .into_any(),
        ),
    };
    view! {
        {part}
        {note}
    }
}
