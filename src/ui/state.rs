//! The page's state: the last valid scenario, what it computes to, and which
//! fields hold text that is not (yet) a valid value.

use leptos::prelude::*;

use crate::model::{Outcome, Scenario, compute};

#[derive(Clone, Copy)]
pub struct Calc {
    /// The last valid scenario: results always describe this one.
    pub scenario: RwSignal<Scenario>,
    pub outcome: Memo<Outcome>,
    /// Query keys of the fields whose typed text is not a valid value.
    invalid: RwSignal<Vec<&'static str>>,
    /// Bumped when the whole scenario is replaced (preset, reset, link), so
    /// every field drops its pending text and shows the new value.
    pub revision: RwSignal<u32>,
}

impl Calc {
    pub fn new(initial: Scenario) -> Self {
        let scenario = RwSignal::new(initial);
        Self {
            scenario,
            outcome: Memo::new(move |_| scenario.with(compute)),
            invalid: RwSignal::new(Vec::new()),
            revision: RwSignal::new(0),
        }
    }

    /// The `Calc` that `App` provides. Not `expect_context`: its panic
    /// message prints the type name with `{:?}`, which links Debug string
    /// escaping and its Unicode tables into the wasm.
    pub fn from_context() -> Self {
        use_context::<Calc>().expect("App provides Calc")
    }

    pub fn replace(&self, next: Scenario) {
        self.invalid.set(Vec::new());
        self.scenario.set(next);
        self.revision.update(|r| *r += 1);
    }

    pub fn update(&self, change: impl FnOnce(&mut Scenario)) {
        self.scenario.update(change);
    }

    pub fn set_invalid(&self, key: &'static str, invalid: bool) {
        let listed = self.invalid.with_untracked(|keys| keys.contains(&key));
        if invalid && !listed {
            self.invalid.update(|keys| keys.push(key));
        } else if !invalid && listed {
            self.invalid.update(|keys| keys.retain(|k| *k != key));
        }
    }

    /// True while some field holds text that is not applied: the results are
    /// then those of the last valid scenario and say so.
    pub fn stale(&self) -> bool {
        self.invalid.with(|keys| !keys.is_empty())
    }
}
