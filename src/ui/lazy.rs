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
use std::pin::Pin;
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};
use std::task::{Context, Poll, Waker};
use std::time::Duration;

use leptos::prelude::*;
use send_wrapper::SendWrapper;
use wasm_split_helpers::SplitLoaderError;

use super::state::{Calc, WhatIfWords, after_paint};
use crate::i18n::{EN, Lang, Texts};
use crate::model::{Figures, Scenario, Sensitivity, SensitivityWork};

/// The function in a part's chunk that draws it, or the failure to fetch
/// the chunk.
pub type Loaded = Result<fn() -> AnyView, SplitLoaderError>;

/// `split!(chunk: name => view)` declares `async fn name() -> Loaded`,
/// whose function draws `view`; the parts of one `chunk` share its file. With `,
/// prefetch_name` after the name, also `async fn prefetch_name()`, which
/// loads the chunk without drawing. Without the `split` feature these are
/// plain functions in the one wasm.
macro_rules! split {
    ($(#[$doc:meta])* $chunk:ident: $name:ident $(, $prefetch:ident)? => $view:expr) => {
        $(#[$doc])*
        #[cfg(feature = "split")]
        #[wasm_split_helpers::wasm_split($chunk, fallible $(, preload($prefetch))?)]
        pub fn $name() -> Loaded {
            Ok(|| $view.into_any())
        }

        $(#[$doc])*
        #[cfg(not(feature = "split"))]
        pub async fn $name() -> Loaded {
            Ok(|| $view.into_any())
        }

        $(
            #[cfg(not(feature = "split"))]
            async fn $prefetch() -> Result<(), SplitLoaderError> {
                Ok(())
            }
        )?
    };
}

split!(
    /// The saved scenarios side by side.
    below: scenarios => view! { <super::scenarios::Scenarios /> }
);
split!(
    /// Cost across volume.
    below: curves => view! { <super::charts::CostCurves /> }
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
    /// The printout's proposal, only on paper.
    below: proposal => view! { <super::share::Proposal /> }
);
split!(
    /// The notice naming the values of the link that could not be used:
    /// shown only for such a link.
    notice: link_notice => view! { <super::link::Notice /> }
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

/// The Japanese texts. Only this function names them, so the splitter
/// moves them, code and data, into their own chunk.
#[cfg(feature = "split")]
#[wasm_split_helpers::wasm_split(ja, fallible)]
fn ja_texts() -> Result<&'static Texts, SplitLoaderError> {
    Ok(&crate::i18n::JA)
}

/// The Russian texts, likewise.
#[cfg(feature = "split")]
#[wasm_split_helpers::wasm_split(ru, fallible)]
fn ru_texts() -> Result<&'static Texts, SplitLoaderError> {
    Ok(&crate::i18n::RU)
}

/// The texts of `lang`: English's in the main module (but `Texts::later`), the
/// others in a chunk each, fetched the first time that language is shown.
/// Never `Lang::texts` in the page: it names every language.
pub async fn texts(lang: Lang) -> Result<&'static Texts, SplitLoaderError> {
    #[cfg(feature = "split")]
    return match lang {
        Lang::En => Ok(&EN),
        Lang::Ja => ja_texts().await,
        Lang::Ru => ru_texts().await,
    };
    #[cfg(not(feature = "split"))]
    return Ok(match lang {
        Lang::En => &EN,
        Lang::Ja => &crate::i18n::JA,
        Lang::Ru => &crate::i18n::RU,
    });
}

/// What the first screen waits for: the texts of `lang` and, for a link
/// with values it could not use (`notice`), the notice's chunk and the
/// parts' stylesheet, so the
/// notice is drawn with the page instead of pushing it down when it comes
/// (CLS). A notice whose chunk cannot be fetched is left to its `Part`,
/// which says so with a retry.
pub async fn first_screen(lang: Lang, notice: bool) -> Result<&'static Texts, SplitLoaderError> {
    let texts = texts(lang).await;
    if notice {
        // With the parts' stylesheet, which `Part` waits for too.
        let styles = wasm_bindgen_futures::JsFuture::from(super::browser::later_styles());
        let _ = link_notice().await;
        let _ = styles.await;
    }
    texts
}

/// `future`'s output if it is ready at once (a chunk already loaded),
/// else `Err` with the future to await.
pub fn now_or_later<F: Future>(future: F) -> Result<F::Output, std::pin::Pin<Box<F>>> {
    let mut future = Box::pin(future);
    match future
        .as_mut()
        .poll(&mut Context::from_waker(Waker::noop()))
    {
        Poll::Ready(output) => Ok(output),
        Poll::Pending => Err(future),
    }
}

/// One scenario's what-ifs to compute: wanted while the page's count of
/// scenarios to answer (`answer_what_ifs`) is still `mine`.
pub struct WhatIfJob {
    calc: Calc,
    scenario: Scenario,
    figures: Figures,
    latest: Arc<AtomicU64>,
    mine: u64,
}

impl WhatIfJob {
    fn wanted(&self) -> bool {
        self.latest.load(Ordering::Relaxed) == self.mine
    }
}

/// What the what-ifs' chunk runs: a job, to its answer.
type WhatIfRun = fn(WhatIfJob) -> Pin<Box<dyn Future<Output = ()>>>;

/// How the answer moves with the inputs (what would change it, the cost
/// curves, the break-even), with the words for what would change it: most
/// of the model's work and its own code, in a chunk the first answer
/// fetches, with the loop that computes it a part per task.
#[cfg(feature = "split")]
#[wasm_split_helpers::wasm_split(whatif, fallible)]
fn what_if_run() -> Result<WhatIfRun, SplitLoaderError> {
    Ok(|job| Box::pin(answer_in_parts(job)))
}

#[cfg(not(feature = "split"))]
async fn what_if_run() -> Result<WhatIfRun, SplitLoaderError> {
    Ok(|job| Box::pin(answer_in_parts(job)))
}

/// Computes the job's sensitivity one part (the curves, the break-even, one
/// lever) per task, so that no task is long, and answers it; a job no
/// longer wanted stops at the next part.
async fn answer_in_parts(job: WhatIfJob) {
    let calc = job.calc;
    let mut work = SensitivityWork::new(&job.scenario, &job.figures);
    while job.wanted() && work.step().is_some() {
        calc.what_if_parts.update(|n| *n += 1);
        next_task().await;
    }
    if job.wanted() {
        let mut answer = work.finish();
        calc.add_own_sensitivity(&job.scenario, &job.figures, &mut answer);
        let with_own = job.figures.own_team.is_some();
        let words: WhatIfWords = super::messages::what_if;
        calc.answer(job.scenario, with_own, Some((answer, words)));
    }
}

/// How long the scenario must stay the same before its what-ifs start,
/// after the first: a part that is running when a key is pressed delays
/// that key's paint, and in a burst of typing every scenario but the last
/// is dropped anyway. 300 ms is longer than the gap between a typist's
/// keys (150-250 ms) and short beside the what-ifs' own time.
const QUIET: Duration = Duration::from_millis(300);

/// The figures first, the what-ifs after: each scenario the results show
/// (at load, then after each keystroke) has its what-ifs computed after
/// its figures have been painted, a part per task (`answer_in_parts`); and
/// again when the own team's column joins its figures. A scenario after
/// the first waits until the inputs have been still for `QUIET`. A newer
/// scenario, or a retry (`Retries`) where the chunk failed, drops the
/// parts left of the one before: only the last is answered.
pub fn answer_what_ifs(calc: Calc) {
    let retries = use_context::<Retries>().expect("App provides Retries");
    let latest = Arc::new(AtomicU64::new(0));
    Effect::watch(
        move || {
            (
                calc.settled.track(),
                retries.track(),
                calc.figures.with(|f| f.own_team.is_some()),
            )
        },
        move |_, _, _| {
            let mine = latest.fetch_add(1, Ordering::Relaxed) + 1;
            let latest = Arc::clone(&latest);
            calc.what_if_parts.set(0);
            let start = move || {
                if latest.load(Ordering::Relaxed) != mine
                    || calc.what_if.with_untracked(|a| a.ready().is_some())
                {
                    return;
                }
                let job = WhatIfJob {
                    calc,
                    scenario: calc.settled.get_untracked(),
                    figures: calc.figures.get_untracked(),
                    latest,
                    mine,
                };
                leptos::task::spawn_local(async move {
                    match what_if_run().await {
                        Ok(run) => run(job).await,
                        Err(_) if job.wanted() => {
                            let with_own = job.figures.own_team.is_some();
                            calc.answer(job.scenario, with_own, None);
                        }
                        Err(_) => {}
                    }
                });
            };
            if mine == 1 {
                after_paint(start);
            } else {
                set_timeout(start, QUIET);
            }
        },
        true,
    );
}

/// The own team's pricing: its column in the figures, its what-ifs in
/// the sensitivity.
#[derive(Clone, Copy)]
pub struct OwnTeamFns {
    pub figures: fn(&Scenario, &mut Figures),
    pub sensitivity: fn(&Scenario, &Figures, &mut Sensitivity),
}

const OWN_TEAM: OwnTeamFns = OwnTeamFns {
    figures: crate::model::own_team::add_figures,
    sensitivity: crate::model::own_team::add_sensitivity,
};

/// The own team's pricing, in a chunk of its own: loaded when a scenario
/// has a team, so the first screen carries only the three models.
#[cfg(feature = "split")]
#[wasm_split_helpers::wasm_split(own, fallible)]
pub fn own_team() -> Result<OwnTeamFns, SplitLoaderError> {
    Ok(OWN_TEAM)
}

#[cfg(not(feature = "split"))]
pub async fn own_team() -> Result<OwnTeamFns, SplitLoaderError> {
    Ok(OWN_TEAM)
}

/// Loads every chunk once the browser is idle: a part shown later (present
/// mode, a section a link hid) then draws at once. A chunk that fails
/// here is left for its `Part` to report when shown.
pub fn prefetch() {
    request_idle_callback(|| {
        leptos::task::spawn_local(async {
            let _ = wasm_bindgen_futures::JsFuture::from(super::browser::later_styles()).await;
            let _ = prefetch_present().await;
            let _ = prefetch_hourly().await;
            // The sections below by their own loaders, which fetch their
            // chunk: each loader answers a task late the first time even
            // when its chunk is there. Asked once here, every section below
            // draws in the task that mounts it: printing mounts them all in
            // `beforeprint`, and the printout is laid out right after.
            let _ = scenarios().await;
            let _ = curves().await;
            let _ = year().await;
            let _ = coverage().await;
            let _ = breakdown().await;
            let _ = comparison().await;
            let _ = quotes().await;
            let _ = share().await;
            let _ = proposal().await;
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
/// Also counts the parts whose chunk failed: the page says so once, in
/// one box with one retry (`Failures`), not once per part.
#[derive(Clone, Copy, Default)]
pub struct Retries {
    tries: RwSignal<u32>,
    failed: RwSignal<usize>,
}

impl Retries {
    /// Tries again every part whose chunk failed.
    pub fn retry(self) {
        self.tries.update(|n| *n += 1);
    }

    fn track(self) {
        self.tries.track();
    }
}

/// The one box that says parts of the page could not load, with the
/// retry for all of them: shown while any part, or the what-ifs, failed.
#[component]
pub fn Failures() -> impl IntoView {
    let calc = Calc::from_context();
    let t = calc.t();
    let retries = use_context::<Retries>().expect("App provides Retries");
    let failed = move || {
        retries.failed.get() > 0 || calc.what_if.with(|a| *a == super::state::Answer::Failed)
    };
    let retry = Callback::new(move |()| retries.retry());
    move || failed().then(|| view! { <FailedNote message=t.parts_failed retry /> })
}

/// The line a part shows while its chunk is on its way.
#[component]
pub fn LoadingNote() -> impl IntoView {
    let t = Calc::from_context().t();
    view! {
        <p class="note part-note" role="status" data-testid="part-loading">
            {t.part_loading}
        </p>
    }
}

/// The box that says a part could not load, with its retry and, for a part
/// that is the whole page, `children`: its way out.
#[component]
pub fn FailedNote(
    message: &'static str,
    retry: Callback<()>,
    #[prop(optional)] children: Option<ChildrenFn>,
) -> impl IntoView {
    let t = Calc::from_context().t();
    view! {
        <div class="part-note part-failed" role="alert" data-testid="part-failed">
            <p>{message}</p>
            <button type="button" on:click=move |_| retry.run(())>
                {t.part_retry}
            </button>
            {children.map(|c| c())}
        </div>
    }
}

#[derive(Clone, Copy, PartialEq)]
enum State {
    Loading,
    Shown,
    Failed,
}

/// The part `load` draws. Until its chunk is there, a line says it is
/// loading; if the chunk cannot be fetched (a blocked request, offline
/// before a visit cached it), the page's one box (`Failures`) says so with
/// a retry for every part that failed; a part that is the whole page says
/// so in place, with `children` (its way out). The rest of the page works
/// meanwhile. A loaded chunk draws in the same task, with no loading line.
#[component]
pub fn Part<F, Fut>(load: F, #[prop(optional)] children: Option<ChildrenFn>) -> impl IntoView
where
    F: Fn() -> Fut + Copy + Send + Sync + 'static,
    Fut: Future<Output = Loaded> + 'static,
{
    part(Arc::new(move || Box::pin(load())), children)
}

/// A part's loader with its future boxed.
type Load = Arc<dyn Fn() -> Pin<Box<dyn Future<Output = Loaded>>> + Send + Sync>;

/// `Part`'s body, written once for every part: generic over each part's
/// loader, it was compiled again for each of the page's fifteen.
fn part(load: Load, children: Option<ChildrenFn>) -> AnyView {
    let t = Calc::from_context().t();
    let retries = use_context::<Retries>().expect("App provides Retries");
    let state = RwSignal::new(State::Loading);
    let attempt = RwSignal::new(0u32);
    // Counted among the page's failures while this part's chunk is missing.
    let set_state = move |next: State| {
        let was = state.get_untracked();
        if was != next {
            if was == State::Failed {
                retries.failed.update(|n| *n -= 1);
            }
            if next == State::Failed {
                retries.failed.update(|n| *n += 1);
            }
            state.set(next);
        }
    };
    on_cleanup(move || {
        if state.try_get_untracked() == Some(State::Failed) {
            retries.failed.try_update(|n| *n -= 1);
        }
    });
    Effect::watch(
        move || retries.track(),
        move |_, _, _| {
            if state.get_untracked() == State::Failed {
                set_state(State::Loading);
                attempt.update(|n| *n += 1);
            }
        },
        false,
    );
    let part = move || {
        attempt.track();
        let load = Arc::clone(&load);
        Suspend::new(SendWrapper::new(async move {
            let mut loading = load();
            // A chunk that is there draws in this task. One that had to be
            // fetched draws in a task of its own: the parts waiting for the
            // same chunk would otherwise all draw in one long task.
            // The parts' stylesheet comes with the first of them, fetched
            // beside its chunk: a part drawn without it would jump as it
            // arrives.
            let styles = (!super::browser::later_styles_ready())
                .then(|| wasm_bindgen_futures::JsFuture::from(super::browser::later_styles()));
            let polled = loading
                .as_mut()
                .poll(&mut Context::from_waker(Waker::noop()));
            let loaded = match (polled, styles) {
                (Poll::Ready(loaded), None) => loaded.ok(),
                (polled, styles) => {
                    let loaded = match polled {
                        Poll::Ready(loaded) => loaded,
                        Poll::Pending => loading.await,
                    };
                    let styled = match styles {
                        Some(styles) => styles.await.is_ok_and(|applied| applied.is_truthy()),
                        None => true,
                    };
                    next_task().await;
                    loaded.ok().filter(|_| styled)
                }
            };
            set_state(if loaded.is_some() {
                State::Shown
            } else {
                State::Failed
            });
            loaded.map(|draw| draw())
        }))
    };
    let retry = Callback::new(move |()| retries.retry());
    let note = move || match state.get() {
        State::Shown => None,
        State::Loading => Some(view! { <LoadingNote /> }.into_any()),
        // The page's one box says it, unless this part is the whole page
        // (present mode), which says it in place with its way out.
        State::Failed => children.clone().map(|children| {
            view! { <FailedNote message=t.part_failed retry children /> }.into_any()
        }),
    };
    view! {
        {part}
        {note}
    }
    .into_any()
}
