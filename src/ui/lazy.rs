//! The parts of the page that the first screen does not need, in wasm
//! chunks that load when a part is shown or, ahead of that, once the page
//! is idle; and `Part`, which shows one.
//!
//! A split build (the `split` feature, which Trunk builds with) marks each
//! part's function as a split point, as Leptos's `#[lazy]` does, and
//! `scripts/split.mjs` cuts the wasm there. Unlike `#[lazy]`, the points
//! are `fallible`: a chunk that cannot be fetched is an `Err`, which `Part`
//! shows with a retry, where `#[lazy]` would panic and stop the app.

use std::future::Future;
use std::pin::pin;
use std::task::{Context, Poll, Waker};

use leptos::prelude::*;
use send_wrapper::SendWrapper;
use wasm_split_helpers::SplitLoaderError;

use super::state::Calc;

/// The function in a part's chunk that draws it, or the failure to fetch
/// the chunk.
pub type Loaded = Result<fn() -> AnyView, SplitLoaderError>;

/// `split!(chunk: name => view)` declares `async fn name() -> Loaded`,
/// whose function draws `view`; the parts of one `chunk` share its file. With `,
/// prefetch_name` after the name, also `async fn prefetch_name()`, which
/// loads the chunk without drawing. Without the `split` feature these are
/// plain functions in the one wasm.
macro_rules! split {
    ($(#[$doc:meta])* $chunk:ident: $name:ident => $view:expr) => {
        $(#[$doc])*
        #[cfg(feature = "split")]
        #[wasm_split_helpers::wasm_split($chunk, fallible)]
        pub fn $name() -> Loaded {
            Ok(|| $view.into_any())
        }

        $(#[$doc])*
        #[cfg(not(feature = "split"))]
        pub async fn $name() -> Loaded {
            Ok(|| $view.into_any())
        }
    };
    ($(#[$doc:meta])* $chunk:ident: $name:ident, $prefetch:ident => $view:expr) => {
        $(#[$doc])*
        #[cfg(feature = "split")]
        #[wasm_split_helpers::wasm_split($chunk, fallible, preload($prefetch))]
        pub fn $name() -> Loaded {
            Ok(|| $view.into_any())
        }

        $(#[$doc])*
        #[cfg(not(feature = "split"))]
        pub async fn $name() -> Loaded {
            Ok(|| $view.into_any())
        }

        #[cfg(not(feature = "split"))]
        async fn $prefetch() -> Result<(), SplitLoaderError> {
            Ok(())
        }
    };
}

split!(
    /// The saved scenarios side by side.
    below: scenarios => view! { <super::scenarios::Scenarios /> }
);
split!(
    /// Cost across volume.
    below: curves, prefetch_below => view! { <super::charts::CostCurves /> }
);
split!(
    /// Each model's year month by month, and the teams' hiring plan.
    below: year => view! {
        <super::year::YearCosts />
        <super::year::HiringPlan />
    }
);
split!(
    /// Who covers each hour of the week.
    below: coverage => view! { <super::charts::CoverageHeatmap /> }
);
split!(
    /// Where each model's money goes.
    below: breakdown => view! { <super::results::Breakdowns /> }
);
split!(
    /// What buyers weigh beside price.
    below: comparison => view! { <super::results::Comparison /> }
);
split!(
    /// The vendor quotes checked against the model.
    below: quotes => view! { <super::quotes::QuoteCheck /> }
);
split!(
    /// The link, the downloads and print.
    below: share => view! { <super::share::Share /> }
);
split!(
    /// Present mode, in place of the page.
    present: present, prefetch_present => view! { <super::present::Present /> }
);

split!(
    /// The languages editor, in its closed section of the form.
    form: languages => view! { <super::languages::Languages /> }
);
split!(
    /// The hourly volumes box and its parser, when first opened.
    hourly: hourly_panel, prefetch_hourly => view! { <super::hourly::HourlyPanel /> }
);
split!(
    /// The buyer's own twelve months, when first chosen.
    months: months_panel => view! { <super::year::MonthsPanel /> }
);

/// Loads every chunk once the browser is idle: a part shown later (present
/// mode, a section a link hid) then draws at once. A chunk that fails
/// here is left for its `Part` to report when shown.
pub fn prefetch() {
    request_idle_callback(|| {
        leptos::task::spawn_local(async {
            let _ = prefetch_present().await;
            let _ = prefetch_below().await;
            let _ = prefetch_hourly().await;
        })
    });
}

/// Waits for a task of its own (a timeout), after what is queued now.
async fn next_task() {
    let timeout = js_sys::Promise::new(&mut |resolve, _| {
        if let Some(window) = web_sys::window() {
            let _ = window.set_timeout_with_callback(&resolve);
        }
    });
    let _ = wasm_bindgen_futures::JsFuture::from(timeout).await;
}

/// Bumped by any part's retry, which every part that failed follows: the
/// cause, the network, is the same for all.
#[derive(Clone, Copy, Default)]
pub struct Retries(RwSignal<u32>);

#[derive(Clone, Copy, PartialEq)]
enum State {
    Loading,
    Shown,
    Failed,
}

/// The part `load` draws. Until its chunk is there, a line says it is
/// loading; if the chunk cannot be fetched (a blocked request, offline
/// before a visit cached it), the part says so in place with a button that
/// tries again (every part that failed), and `children` (a way out, where
/// the part is the whole page). The rest of the page works meanwhile. A loaded chunk draws in the
/// same task, with no loading line.
#[component]
pub fn Part<F, Fut>(load: F, #[prop(optional)] children: Option<ChildrenFn>) -> impl IntoView
where
    F: Fn() -> Fut + Copy + Send + Sync + 'static,
    Fut: Future<Output = Loaded> + 'static,
{
    let t = Calc::from_context().t();
    let Retries(retries) = use_context().expect("App provides Retries");
    let state = RwSignal::new(State::Loading);
    let attempt = RwSignal::new(0u32);
    Effect::watch(
        move || retries.track(),
        move |_, _, _| {
            if state.get_untracked() == State::Failed {
                state.set(State::Loading);
                attempt.update(|n| *n += 1);
            }
        },
        false,
    );
    let part = move || {
        attempt.track();
        Suspend::new(SendWrapper::new(async move {
            let mut loading = pin!(load());
            // A chunk that is there draws in this task. One that had to be
            // fetched draws in a task of its own: the parts waiting for the
            // same chunk would otherwise all draw in one long task.
            let loaded = match loading
                .as_mut()
                .poll(&mut Context::from_waker(Waker::noop()))
            {
                Poll::Ready(loaded) => loaded,
                Poll::Pending => {
                    let loaded = loading.await;
                    next_task().await;
                    loaded
                }
            };
            state.set(if loaded.is_ok() {
                State::Shown
            } else {
                State::Failed
            });
            loaded.ok().map(|draw| draw())
        }))
    };
    let retry = move |_| retries.update(|n| *n += 1);
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
