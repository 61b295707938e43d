//! The sections below the results, each mounted when it is wanted rather
//! than all at load: when it comes within a screen of the viewport (or its
//! fold, in a frame, opens and shows it), and all of them at once, with the
//! printout's proposal, for printing. Until then a placeholder holds its
//! place. Mounting a section is a long task on a phone (up to a quarter of
//! a second at 4x throttle); a visitor who reads the first screen and
//! types pays for none of them, and a host page that frames the calculator
//! shares no such task.

use leptos::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen::closure::Closure;

use super::browser;
use super::state::after_paint;
use crate::options::Section;

/// How many sections there are below the results (`LATER` in mod.rs).
pub const COUNT: usize = 8;

/// Which sections below the results are mounted, by their place in
/// `LATER`.
#[derive(Clone, Copy)]
pub struct Below {
    mounted: [RwSignal<bool>; COUNT],
    /// Whether the page has been printed, or is being: the proposal, which
    /// only paper shows, is mounted from then on.
    printed: RwSignal<bool>,
}

impl Below {
    /// None mounted, and the page's placeholders watched once its first
    /// screen is painted (they are all there then: none is added later).
    pub fn new() -> Below {
        let below = Below {
            mounted: std::array::from_fn(|_| RwSignal::new(false)),
            printed: RwSignal::new(false),
        };
        // The closures live as long as the tab: a language switch draws a
        // new page, whose call unhooks these (browser.js); one already
        // queued finds its signals gone and does nothing.
        after_paint(move || {
            let near = Closure::<dyn Fn(usize)>::new(move |i| below.want(i));
            let print = Closure::<dyn Fn()>::new(move || below.mount_all());
            browser::watch_below(
                near.as_ref().unchecked_ref(),
                print.as_ref().unchecked_ref(),
            );
            near.forget();
            print.forget();
        });
        below
    }

    pub fn from_context() -> Below {
        use_context::<Below>().expect("Page provides Below")
    }

    /// Whether section `i` is mounted; once it is, it stays.
    pub fn mounted(self, i: usize) -> bool {
        self.mounted[i].get()
    }

    /// Whether the proposal is mounted: from the first print on.
    pub fn printed(self) -> bool {
        self.printed.get()
    }

    /// Mounts section `i` in a task of its own once the page has painted:
    /// a fast scroll to the end wants several at once, and one task for
    /// them all would be long.
    fn want(self, i: usize) {
        after_paint(move || self.mount(i));
    }

    fn mount(self, i: usize) {
        if self.mounted[i].try_get_untracked() == Some(false) {
            self.mounted[i].set(true);
        }
    }

    /// Every section and the proposal, in this task: paper has no scroll
    /// to wait for. A section whose chunk is there draws in the same task
    /// (`lazy::Part`); the chunks are fetched once the first screen is idle.
    pub fn mount_all(self) {
        for i in 0..COUNT {
            self.mount(i);
        }
        if self.printed.try_get_untracked() == Some(false) {
            self.printed.set(true);
        }
    }

    /// The print button: everything mounted, then the print dialog once the
    /// page has drawn it (a `beforeprint` that `print()` fires from inside
    /// the wasm would run the redraw after the printout).
    pub fn print(self) {
        self.mount_all();
        after_paint(browser::print_page);
    }
}

/// Where section `i` goes until it is mounted, then hidden: as tall as a
/// section is about, so the page below it keeps its length as it mounts,
/// and busy for screen readers. `watch_below` finds it by its
/// `data-later`.
pub fn placeholder(below: Below, i: usize, section: Section) -> impl IntoView {
    view! {
        <div
            class="later"
            data-testid="later"
            data-section=section.key()
            data-later=i
            aria-busy="true"
            hidden=move || below.mounted(i)
        ></div>
    }
}
