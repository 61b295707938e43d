//! The page's state: the last valid scenario, what it computes to, the text
//! of fields that do not (yet) hold a valid value, and how to show it all
//! (language, currency). It lives above the language switch, which
//! renders the page again, so nothing typed is lost when it does.

use std::sync::Arc;
use std::time::Duration;

use leptos::prelude::*;

use super::format::Fmt;
use super::lazy::{self, OwnTeamFns};
use crate::i18n::{Lang, Texts};
use crate::model::compare::Saved;
use crate::model::own_team::OwnTeamWhatIf;
use crate::model::{
    Figures, Money, Outcome, Preset, Reason, Scenario, Sensitivity, WhatIf, outsourcing_figures,
    outsourcing_sensitivity,
};
use crate::options::PageOptions;

/// The key under which the exchange rate's text is pending.
pub const RATE_KEY: &str = "fx";

/// Runs `f` in a task of its own once the browser has painted what is on
/// screen now: a frame, then a timeout, since a frame's callbacks run
/// before its paint.
pub fn after_paint(f: impl FnOnce() + 'static) {
    request_animation_frame(move || set_timeout(f, Duration::ZERO));
}

/// Parts of the page mounted one task at a time after the first paint:
/// the first screen is the first task, and no later part makes it longer
/// or comes in one long task of its own (TBT).
#[derive(Clone, Copy)]
pub struct Stages {
    mounted: RwSignal<usize>,
    count: usize,
}

impl Stages {
    pub fn new(count: usize) -> Stages {
        let mounted = RwSignal::new(0);
        Effect::new(move |_| {
            let n = mounted.get();
            if n < count {
                after_paint(move || mounted.set(n + 1));
            }
        });
        Stages { mounted, count }
    }

    /// Whether part `i` (from 0) is mounted: a memo, so that what it
    /// guards is made once, when it turns true.
    pub fn reached(self, i: usize) -> Memo<bool> {
        Memo::new(move |_| self.mounted.get() > i)
    }

    /// Whether every part is.
    pub fn done(self) -> bool {
        self.mounted.get() >= self.count
    }
}

/// How the answer moves with the inputs (what would change it, the cost
/// curves, the break-even), as far as it is known for the scenario the
/// results show.
#[derive(Clone)]
pub enum Answer {
    /// Still to be computed for this scenario.
    Pending,
    /// The chunk that computes it could not be fetched.
    Failed,
    /// Shared: the page and its memos read it without copying the curves.
    /// With the words for its what-ifs, which come in the chunk that
    /// computes them, so the first screen's wasm carries neither.
    Ready(Arc<Sensitivity>, WhatIfWords),
}

/// `messages::what_if`, as the chunk that computes the what-ifs gives it.
pub type WhatIfWords = fn(&WhatIf, Option<&OwnTeamWhatIf>, &Fmt, &Texts) -> Vec<String>;

/// Two answers are the same when they are the same computation. Comparing
/// the what-ifs and curves value by value would bring their whole equality
/// into the first screen's wasm; at worst an equal answer computed again
/// draws its identical lines once more.
impl PartialEq for Answer {
    fn eq(&self, other: &Self) -> bool {
        match (self, other) {
            (Answer::Ready(a, _), Answer::Ready(b, _)) => Arc::ptr_eq(a, b),
            _ => std::mem::discriminant(self) == std::mem::discriminant(other),
        }
    }
}

impl Answer {
    /// The list's `data-state`.
    pub fn key(&self) -> &'static str {
        match self {
            Answer::Pending => "pending",
            Answer::Failed => "failed",
            Answer::Ready(..) => "ready",
        }
    }

    pub fn ready(&self) -> Option<&Sensitivity> {
        match self {
            Answer::Ready(sensitivity, _) => Some(sensitivity),
            _ => None,
        }
    }

    /// The recommendation's reasons to show: with the break-even's, as the
    /// what-ifs leave them, once they are known; the figures' until then.
    pub fn reasons<'a>(&'a self, figures: &'a Figures) -> &'a [Reason] {
        match self {
            Answer::Ready(s, _) => &s.recommendation.reasons,
            _ => &figures.recommendation.reasons,
        }
    }
}

/// What replaced the whole scenario, so Undo can say what it takes back.
#[derive(Clone, Copy, PartialEq)]
pub enum Replaced {
    Reset,
    Preset(Preset),
}

/// What a preset or a reset replaced: the scenario and the text of the
/// fields it cleared, offered back until the next change.
#[derive(Clone)]
pub struct Undo {
    pub what: Replaced,
    before: (Scenario, Vec<(&'static str, String)>),
    /// What the preset or reset left, to tell its own change from the next.
    after: (Scenario, Vec<(&'static str, String)>),
}

#[derive(Clone, Copy)]
pub struct Calc {
    /// The last valid scenario the form holds.
    pub scenario: RwSignal<Scenario>,
    /// The scenario the results show and the address carries: `scenario`,
    /// taken once the keystroke that changed it has been painted (see
    /// `new`). `settle` takes it at once.
    pub settled: RwSignal<Scenario>,
    /// What `settled` computes to first: its figures.
    pub figures: Memo<Figures>,
    /// How `settled`'s answer moves with its inputs: computed in a task
    /// after its figures have been painted (`lazy::answer_what_ifs`), and
    /// until then `Pending`, never an earlier scenario's as if it were this
    /// one's.
    pub what_if: Memo<Answer>,
    /// The last sensitivity computed, with the scenario it answers and
    /// whether it counts the own team's column; `None` for one whose chunk
    /// could not be fetched.
    answered: RwSignal<Option<Answered>>,
    /// How many parts of the settled scenario's what-ifs are computed, one
    /// a task (`lazy::answer_what_ifs`): the list's `data-parts`.
    pub what_if_parts: RwSignal<usize>,
    /// The own team's pricing: its chunk is fetched once a scenario (the
    /// form's or a saved one) has a team.
    own_team: RwSignal<OwnChunk>,
    /// The scenarios saved to compare.
    pub saved: RwSignal<Vec<Saved>>,
    /// Present mode in place of the page.
    pub presenting: RwSignal<bool>,
    /// The text in the hourly volumes box, kept here so that a language
    /// switch, which draws the form again, does not lose a paste.
    pub pasted: RwSignal<String>,
    /// Field keys with the text typed in them that is not a valid value.
    pending: RwSignal<Vec<(&'static str, String)>>,
    /// Bumped when the whole scenario is replaced (preset, reset, link), so
    /// every field drops its pending text and shows the new value.
    pub revision: RwSignal<u32>,
    /// What the last preset or reset replaced, until the next change.
    pub undo: RwSignal<Option<Undo>>,
    /// The language shown; only ever one whose texts are loaded (`texts`).
    pub lang: RwSignal<Lang>,
    texts: StoredValue<&'static Texts>,
    pub money: RwSignal<Money>,
    pub options: StoredValue<PageOptions>,
    /// The id of the control that takes the keyboard once the page is
    /// drawn again: the language select after a language switch, the
    /// Present button after present mode.
    pub refocus: StoredValue<Option<&'static str>>,
}

impl Calc {
    pub fn new(
        initial: Scenario,
        saved: Vec<Saved>,
        (lang, texts): (Lang, &'static Texts),
        options: PageOptions,
    ) -> Self {
        let scenario = RwSignal::new(initial.clone());
        let settled = RwSignal::new(initial);
        let answered = RwSignal::new(None::<Answered>);
        let own_team = RwSignal::new(OwnChunk::Idle);
        let figures = Memo::new(move |_| settled.with(|s| figures_of(own_team, s)));
        let calc = Self {
            scenario,
            settled,
            figures,
            // An answer counts the own team's column exactly when the
            // figures do: one from before its chunk came is not this one.
            what_if: Memo::new(move |_| {
                let own = figures.with(|f| f.own_team.is_some());
                settled.with(|now| {
                    answered.with(|a| match a {
                        Some((scenario, with_own, answer))
                            if scenario == now && *with_own == own =>
                        {
                            match answer {
                                Some((sensitivity, words)) => {
                                    Answer::Ready(Arc::clone(sensitivity), *words)
                                }
                                None => Answer::Failed,
                            }
                        }
                        _ => Answer::Pending,
                    })
                })
            }),
            answered,
            what_if_parts: RwSignal::new(0),
            own_team,
            saved: RwSignal::new(saved),
            presenting: RwSignal::new(options.present && !options.embed),
            pasted: RwSignal::new(String::new()),
            pending: RwSignal::new(Vec::new()),
            revision: RwSignal::new(0),
            undo: RwSignal::new(None),
            lang: RwSignal::new(lang),
            texts: StoredValue::new(texts),
            money: RwSignal::new(options.money),
            options: StoredValue::new(options),
            refocus: StoredValue::new(None),
        };
        // The typed character is painted first; the model and the redraw of
        // every figure run in a task after that paint (a frame, then a
        // timeout), so a keystroke's own feedback never waits for them. A
        // burst of keystrokes is computed once, for the last.
        let waiting = StoredValue::new(false);
        Effect::watch(
            move || scenario.track(),
            move |_, _, _| {
                if !waiting.get_value() {
                    waiting.set_value(true);
                    after_paint(move || {
                        waiting.set_value(false);
                        calc.settle();
                    });
                }
            },
            false,
        );
        // A team of the buyer's own brings its pricing's chunk; until it is
        // there its column says it is loading. A chunk that cannot be
        // fetched is tried again by its column's retry, or with the next
        // scenario that has a team.
        Effect::watch(
            move || {
                settled.with(|s| !s.own.is_none())
                    || calc
                        .saved
                        .with(|list| list.iter().any(|s| !s.scenario.own.is_none()))
            },
            move |&wanted, _, _| {
                if wanted {
                    calc.load_own_team();
                }
            },
            true,
        );
        // Undo lasts until the next change of any input: the scenario or a
        // field's text other than what the preset or reset left, the
        // currency or its rate, the pasted hours.
        Effect::watch(
            move || (scenario.track(), calc.pending.track()),
            move |_, _, _| {
                let left = calc.undo.with_untracked(|u| {
                    u.as_ref().is_some_and(|u| {
                        scenario.with_untracked(|s| *s == u.after.0)
                            && calc.pending.with_untracked(|p| *p == u.after.1)
                    })
                });
                if !left {
                    calc.drop_undo();
                }
            },
            false,
        );
        Effect::watch(
            move || (calc.money.track(), calc.pasted.track()),
            move |_, _, _| calc.drop_undo(),
            false,
        );
        calc
    }

    /// Records the sensitivity of `scenario` (`None`: its chunk could not
    /// be fetched), `with_own` when it counts the own team's column; shown
    /// as current only while it answers the settled scenario's figures.
    pub fn answer(
        &self,
        scenario: Scenario,
        with_own: bool,
        answer: Option<(Sensitivity, WhatIfWords)>,
    ) {
        let answer = answer.map(|(sensitivity, words)| (Arc::new(sensitivity), words));
        self.answered.set(Some((scenario, with_own, answer)));
    }

    /// Reads the last sensitivity computed, this scenario's or, until that
    /// comes, the one before (the cost curves stay, marked out of date).
    pub fn with_last_sensitivity<T>(&self, read: impl FnOnce(Option<&Sensitivity>) -> T) -> T {
        self.answered.with(|a| {
            read(
                a.as_ref()
                    .and_then(|(_, _, s)| s.as_ref().map(|(s, _)| &**s)),
            )
        })
    }

    /// What a scenario's figures are on this page: the three models, and
    /// the own team's column once its chunk is loaded.
    pub fn figures_of(&self, s: &Scenario) -> Figures {
        figures_of(self.own_team, s)
    }

    /// Adds the own team's what-ifs to the sensitivity of `s`, whose figures
    /// are `figures`, when those have its column (then its chunk is there).
    pub fn add_own_sensitivity(
        &self,
        s: &Scenario,
        figures: &Figures,
        sensitivity: &mut Sensitivity,
    ) {
        if let OwnChunk::Loaded(own) = self.own_team.get_untracked() {
            (own.sensitivity)(s, figures, sensitivity);
        }
    }

    /// The sensitivity of `s`, whose figures on this page are `figures`,
    /// at once: for a saved scenario in present mode.
    pub fn sensitivity_of(&self, s: &Scenario, figures: &Figures) -> Sensitivity {
        let mut sensitivity = outsourcing_sensitivity(s, figures);
        self.add_own_sensitivity(s, figures, &mut sensitivity);
        sensitivity
    }

    /// The whole outcome of `s` on this page, as `compute` gives it once
    /// the own team's chunk is loaded: for the exports.
    pub fn outcome_of(&self, s: &Scenario) -> Outcome {
        let figures = self.figures_of(s);
        let sensitivity = self.sensitivity_of(s, &figures);
        Outcome::new(figures, sensitivity)
    }

    /// Where the own team's column of `s` is; tracked.
    pub fn own_column(&self, s: &Scenario) -> OwnColumn {
        if s.own.is_none() {
            return OwnColumn::Absent;
        }
        match self.own_team.get() {
            OwnChunk::Loaded(_) => OwnColumn::Shown,
            OwnChunk::Failed => OwnColumn::Failed,
            OwnChunk::Idle | OwnChunk::Loading => OwnColumn::Loading,
        }
    }

    /// Fetches the own team's chunk, unless it is there or on its way.
    pub fn load_own_team(&self) {
        let own_team = self.own_team;
        if matches!(
            own_team.get_untracked(),
            OwnChunk::Loading | OwnChunk::Loaded(_)
        ) {
            return;
        }
        own_team.set(OwnChunk::Loading);
        leptos::task::spawn_local(async move {
            own_team.set(match lazy::own_team().await {
                Ok(own) => OwnChunk::Loaded(own),
                Err(_) => OwnChunk::Failed,
            });
        });
    }

    fn drop_undo(&self) {
        if self.undo.with_untracked(Option::is_some) {
            self.undo.set(None);
        }
    }

    /// A preset or a reset: replaces the scenario and offers it back.
    pub fn start_over(&self, next: Scenario, what: Replaced) {
        let before = (self.scenario.get_untracked(), self.pending.get_untracked());
        self.replace(next);
        let after = (self.scenario.get_untracked(), self.pending.get_untracked());
        self.undo.set(Some(Undo {
            what,
            before,
            after,
        }));
    }

    /// Brings back what the last preset or reset replaced, typed text too.
    pub fn take_back(&self) {
        if let Some(undo) = self.undo.get_untracked() {
            self.undo.set(None);
            let (scenario, pending) = undo.before;
            self.pending.set(pending);
            self.scenario.set(scenario);
            self.revision.update(|r| *r += 1);
        }
    }

    /// Brings the results to the form's scenario now: before anything
    /// hands them on (a download, a copied link, the host's button).
    pub fn settle(&self) {
        let current = self.scenario.get_untracked();
        if self.settled.with_untracked(|s| *s != current) {
            self.settled.set(current);
        }
    }

    /// The `Calc` that `App` provides. Not `expect_context`: its panic
    /// message prints the type name with `{:?}`, which links Debug string
    /// escaping and its Unicode tables into the wasm.
    pub fn from_context() -> Self {
        use_context::<Calc>().expect("App provides Calc")
    }

    /// The texts of the current language. Untracked: a language change
    /// renders the whole page again, so nothing needs to follow it.
    pub fn t(&self) -> &'static Texts {
        self.texts.get_value()
    }

    /// Shows the page in `lang`, whose texts `texts` are (loaded first:
    /// `lazy::texts`).
    pub fn show_language(&self, lang: Lang, texts: &'static Texts) {
        self.texts.set_value(texts);
        self.lang.set(lang);
    }

    /// Formats for the current language and currency; tracks the currency,
    /// so figures follow a change of rate as it is typed.
    pub fn fmt(&self) -> Fmt {
        Fmt {
            lang: self.lang.get_untracked(),
            money: self.money.get(),
        }
    }

    /// The same, read once: for text that a currency change does not touch.
    pub fn fmt_untracked(&self) -> Fmt {
        Fmt {
            lang: self.lang.get_untracked(),
            money: self.money.get_untracked(),
        }
    }

    pub fn replace(&self, next: Scenario) {
        // The exchange rate is not part of the scenario: a preset leaves
        // it as typed.
        self.pending.update(|p| p.retain(|(k, _)| *k == RATE_KEY));
        self.scenario.set(next);
        self.revision.update(|r| *r += 1);
    }

    pub fn update(&self, change: impl FnOnce(&mut Scenario)) {
        self.scenario.update(change);
    }

    /// Records the text of a field that is not valid (`Some`), or that it
    /// is valid again (`None`).
    pub fn set_pending(&self, key: &'static str, text: Option<String>) {
        let listed = self
            .pending
            .with_untracked(|p| p.iter().any(|(k, _)| *k == key));
        match text {
            Some(text) => self.pending.update(|p| {
                p.retain(|(k, _)| *k != key);
                p.push((key, text));
            }),
            None if listed => self.pending.update(|p| p.retain(|(k, _)| *k != key)),
            None => {}
        }
    }

    /// The invalid text a field held when the page was last rendered.
    pub fn pending_text(&self, key: &str) -> Option<String> {
        self.pending.with_untracked(|p| {
            p.iter()
                .find(|(k, _)| *k == key)
                .map(|(_, text)| text.clone())
        })
    }

    /// Whether the field with this key holds text that is not applied;
    /// tracked, for messages derived from it.
    pub fn is_pending(&self, key: &str) -> bool {
        self.pending.with(|p| p.iter().any(|(k, _)| *k == key))
    }

    /// True while some field holds text that is not applied: the results are
    /// then those of the last valid scenario and say so.
    pub fn stale(&self) -> bool {
        self.pending.with(|p| !p.is_empty())
    }
}

/// The own team's chunk: not asked for yet, on its way, there, or not
/// fetched.
#[derive(Clone, Copy)]
enum OwnChunk {
    Idle,
    Loading,
    Loaded(OwnTeamFns),
    Failed,
}

/// The own team's column of a scenario on this page: none (no team), on
/// its way, not fetched, or in the outcome.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum OwnColumn {
    Absent,
    Loading,
    Failed,
    Shown,
}

impl OwnColumn {
    /// Whether the pick may still change when the column comes.
    pub fn pending(self) -> bool {
        matches!(self, OwnColumn::Loading | OwnColumn::Failed)
    }
}

fn figures_of(own_team: RwSignal<OwnChunk>, s: &Scenario) -> Figures {
    let mut figures = outsourcing_figures(s);
    if let OwnChunk::Loaded(own) = own_team.get() {
        (own.figures)(s, &mut figures);
    }
    figures
}

/// A sensitivity computed: for which scenario, whether with the own team's
/// column, and the answer with its words (`None` when its chunk could not
/// be fetched).
type Answered = (Scenario, bool, Option<(Arc<Sensitivity>, WhatIfWords)>);
