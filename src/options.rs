//! What does a link ask of the page itself, beside the scenario? The
//! language, the currency and its rate, and for a host page that embeds
//! the calculator: embed mode, an accent colour, a starting preset, which
//! sections show and the label of its call-to-action button. They share the query string with the scenario
//! (the model skips these keys: `query::UI_KEYS`).
//!
//! Untrusted like the rest of a link: a bad value is dropped with a
//! warning, and an accent colour must be a hex colour, so nothing from a
//! link reaches the page's CSS or markup as written.

use crate::i18n::Lang;
use crate::model::query::{collapse_spaces, decode, parse_bool, push_encoded, warning};
use crate::model::{Currency, Money, Preset, QueryWarning, QueryWarningKind};
use crate::model::{currency::PER_USD_SPEC, decimal::write_shortest};

/// A part of the page a host can show or hide with `show=`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Section {
    Inputs,
    Results,
    Scenarios,
    Curves,
    Year,
    Coverage,
    Breakdown,
    Comparison,
    Quotes,
    Share,
}

impl Section {
    pub const ALL: [Section; 10] = [
        Section::Inputs,
        Section::Results,
        Section::Scenarios,
        Section::Curves,
        Section::Year,
        Section::Coverage,
        Section::Breakdown,
        Section::Comparison,
        Section::Quotes,
        Section::Share,
    ];

    pub fn key(self) -> &'static str {
        match self {
            Section::Inputs => "inputs",
            Section::Results => "results",
            Section::Scenarios => "scenarios",
            Section::Curves => "curves",
            Section::Year => "year",
            Section::Coverage => "coverage",
            Section::Breakdown => "breakdown",
            Section::Comparison => "comparison",
            Section::Quotes => "quotes",
            Section::Share => "share",
        }
    }

    fn from_key(key: &str) -> Option<Section> {
        Section::ALL.into_iter().find(|s| s.key() == key)
    }

    fn bit(self) -> u16 {
        1 << self as u16
    }
}

#[derive(Clone, Debug, PartialEq)]
pub struct PageOptions {
    /// Compact layout for an iframe: no page header, height sent to the parent.
    pub embed: bool,
    /// Chosen in the link or on the page; `None` follows the browser.
    pub lang: Option<Lang>,
    pub money: Money,
    /// A hex colour such as "#0f766e".
    pub accent: Option<String>,
    /// Where the scenario starts when the link carries none.
    pub preset: Option<Preset>,
    /// In a frame, the label of a button that hands the visitor's scenario
    /// to the host page (`supportcalc:cta`), such as "Get this quote".
    pub cta: Option<String>,
    /// Opens in present mode: big figures for a call or a shared screen.
    pub present: bool,
    shown: u16,
}

impl Default for PageOptions {
    fn default() -> Self {
        PageOptions {
            embed: false,
            lang: None,
            money: Money::default(),
            accent: None,
            preset: None,
            cta: None,
            present: false,
            shown: u16::MAX,
        }
    }
}

/// The sections a `show=` list names, as bits. `None` for a name we do not
/// know, and for a list that would leave no calculator on the page: empty
/// (`show=`, `show=,,,`) or naming neither the form nor the results, whose
/// charts and tables would have nothing to read them by. The page then shows
/// every section and the notice names the list, so a host sees its mistake.
fn shown_sections(value: &str) -> Option<u16> {
    let mut shown = 0;
    for key in value.split(',').filter(|s| !s.is_empty()) {
        shown |= Section::from_key(key)?.bit();
    }
    let calculator = Section::Inputs.bit() | Section::Results.bit();
    (shown & calculator != 0).then_some(shown)
}

/// "#abc", "#a1b2c3" or the same without '#', as "#..." in lower case.
fn hex_colour(value: &str) -> Option<String> {
    let hex = value.strip_prefix('#').unwrap_or(value);
    (matches!(hex.len(), 3 | 6) && hex.bytes().all(|b| b.is_ascii_hexdigit()))
        .then(|| format!("#{}", hex.to_ascii_lowercase()))
}

impl PageOptions {
    /// The text colour on the accent: white, or near-black on a light
    /// accent, whichever contrasts more (WCAG relative luminance; the two
    /// contrasts are equal near luminance 0.18).
    pub fn accent_ink(&self) -> Option<&'static str> {
        let hex = self.accent.as_deref()?.trim_start_matches('#');
        let digits: Vec<u32> = hex.chars().filter_map(|c| c.to_digit(16)).collect();
        let channels: [f64; 3] = match digits[..] {
            [r, g, b] => [r * 17, g * 17, b * 17].map(f64::from),
            [r1, r2, g1, g2, b1, b2] => [r1 * 16 + r2, g1 * 16 + g2, b1 * 16 + b2].map(f64::from),
            _ => return None,
        };
        let linear = channels.map(|c| {
            let c = c / 255.0;
            if c <= 0.04045 {
                c / 12.92
            } else {
                // x^2.4 as exp(2.4 ln x): `powf` would link libm's pow
                // into the wasm for a choice between two text colours.
                (2.4 * ((c + 0.055) / 1.055).ln()).exp()
            }
        });
        let luminance = 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2];
        Some(if luminance > 0.18 {
            "#111827"
        } else {
            "#ffffff"
        })
    }

    pub fn shows(&self, section: Section) -> bool {
        self.shown & section.bit() != 0
    }

    /// Whether a section below the results starts open. In a frame only
    /// those the host named in `show=`: the rest start closed, so the
    /// frame is as short as the host asked for.
    pub fn opens(&self, section: Section) -> bool {
        !self.embed || (self.shown != u16::MAX && self.shows(section))
    }

    /// Reads the page's keys from a link query; other keys are the model's.
    pub fn from_query(query: &str) -> (PageOptions, Vec<QueryWarning>) {
        let query = query.strip_prefix('?').unwrap_or(query);
        let mut options = PageOptions::default();
        let mut warnings = Vec::new();
        let mut rate = None;
        for pair in query.split('&') {
            let (key, value) = pair.split_once('=').unwrap_or((pair, ""));
            let (key, value) = (decode(key), decode(value));
            let bad = |kind| warning(&key, &value, kind);
            let checked = match key.as_str() {
                "embed" => parse_bool(&value)
                    .map(|on| options.embed = on)
                    .ok_or(QueryWarningKind::NotABool),
                "present" => parse_bool(&value)
                    .map(|on| options.present = on)
                    .ok_or(QueryWarningKind::NotABool),
                "lang" => Lang::from_tag(&value)
                    .map(|l| options.lang = Some(l))
                    .ok_or(QueryWarningKind::UnknownChoice),
                "cur" => Currency::from_code(&value)
                    .map(|c| options.money = Money::at_typical_rate(c))
                    .ok_or(QueryWarningKind::UnknownChoice),
                // Checked where it stands, so a bad rate is named even when
                // the currency makes it moot; applied after the loop.
                "fx" => PER_USD_SPEC
                    .parse(&value)
                    .map(|per_usd| rate = Some(per_usd))
                    .map_err(|error| QueryWarningKind::BadNumber { error }),
                "accent" => hex_colour(&value)
                    .map(|c| options.accent = Some(c))
                    .ok_or(QueryWarningKind::UnknownChoice),
                "preset" => Preset::from_key(&value)
                    .map(|p| options.preset = Some(p))
                    .ok_or(QueryWarningKind::UnknownChoice),
                "cta" => button_label(&value)
                    .map(|label| options.cta = Some(label))
                    .ok_or(QueryWarningKind::BadLabel),
                "show" => shown_sections(&value)
                    .map(|shown| options.shown = shown)
                    .ok_or(QueryWarningKind::UnknownChoice),
                _ => Ok(()),
            };
            if let Err(kind) = checked {
                warnings.push(bad(kind));
            }
        }
        // The rate after the currency, wherever each stands in the link. A
        // rate for dollars means nothing and is ignored.
        if let Some(per_usd) = rate
            && options.money.currency != Currency::Usd
        {
            options.money.per_usd = per_usd;
        }
        (options, warnings)
    }

    /// The keys a shared link carries: what the reader should see the
    /// numbers in. Embed, accent, preset and sections belong to the host
    /// page's frame and stay out of a link meant for a person.
    pub fn share_query(&self) -> String {
        let mut out = String::new();
        if let Some(lang) = self.lang {
            out.push_str("&lang=");
            out.push_str(lang.code());
        }
        if self.money.currency != Currency::Usd {
            out.push_str("&cur=");
            out.push_str(self.money.currency.code());
            out.push_str("&fx=");
            out.push_str(&write_shortest(self.money.per_usd));
        }
        out
    }

    /// Every key this page was opened with and still uses, for its own
    /// address: a reload in a frame stays embedded and styled.
    pub fn page_query(&self) -> String {
        let mut out = self.share_query();
        if self.embed {
            out.push_str("&embed=1");
        }
        if let Some(accent) = &self.accent {
            out.push_str("&accent=");
            out.push_str(accent.trim_start_matches('#'));
        }
        if self.shown != u16::MAX {
            out.push_str("&show=");
            let keys: Vec<&str> = Section::ALL
                .into_iter()
                .filter(|s| self.shows(*s))
                .map(Section::key)
                .collect();
            out.push_str(&keys.join(","));
        }
        if let Some(label) = &self.cta {
            out.push_str("&cta=");
            push_encoded(&mut out, label);
        }
        if self.present {
            out.push_str("&present=1");
        }
        out
    }
}

/// The longest call-to-action label, in characters: what a button on a
/// phone holds on one line.
pub const MAX_LABEL_CHARS: usize = 40;

/// A button label from a link: spaces collapsed and control characters
/// dropped; `None` when nothing is left or it is too long to be a label.
/// It is only ever shown as text.
fn button_label(value: &str) -> Option<String> {
    let label = collapse_spaces(value);
    let fits = !label.is_empty() && label.chars().nth(MAX_LABEL_CHARS).is_none();
    fits.then_some(label)
}

/// Does the query describe a scenario (any key the model reads), rather
/// than only how to show one?
pub fn has_scenario(query: &str) -> bool {
    let query = query.strip_prefix('?').unwrap_or(query);
    query.split('&').filter(|p| !p.is_empty()).any(|pair| {
        let key = decode(pair.split_once('=').map_or(pair, |(k, _)| k));
        !crate::model::query::UI_KEYS.contains(&key.as_str())
    })
}
