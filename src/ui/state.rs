//! The page's state: the last valid scenario, what it computes to, the text
//! of fields that do not (yet) hold a valid value, and how to show it all
//! (language, currency). It lives above the language switch, which
//! renders the page again, so nothing typed is lost when it does.

use leptos::prelude::*;

use super::format::Fmt;
use crate::i18n::{Lang, Texts};
use crate::model::compare::Saved;
use crate::model::{Money, Outcome, Scenario, compute};
use crate::options::PageOptions;

/// The key under which the exchange rate's text is pending.
pub const RATE_KEY: &str = "fx";

#[derive(Clone, Copy)]
pub struct Calc {
    /// The last valid scenario: results always describe this one.
    pub scenario: RwSignal<Scenario>,
    pub outcome: Memo<Outcome>,
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
    pub lang: RwSignal<Lang>,
    pub money: RwSignal<Money>,
    pub options: StoredValue<PageOptions>,
    /// The id of the control that takes the keyboard once the page is
    /// drawn again: the language select after a language switch, the
    /// Present button after present mode.
    pub refocus: StoredValue<Option<&'static str>>,
}

impl Calc {
    pub fn new(initial: Scenario, saved: Vec<Saved>, lang: Lang, options: PageOptions) -> Self {
        let scenario = RwSignal::new(initial);
        Self {
            scenario,
            outcome: Memo::new(move |_| scenario.with(compute)),
            saved: RwSignal::new(saved),
            presenting: RwSignal::new(options.present && !options.embed),
            pasted: RwSignal::new(String::new()),
            pending: RwSignal::new(Vec::new()),
            revision: RwSignal::new(0),
            lang: RwSignal::new(lang),
            money: RwSignal::new(options.money),
            options: StoredValue::new(options),
            refocus: StoredValue::new(None),
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
        self.lang.get_untracked().texts()
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
