//! Which scenarios is the buyer weighing? Up to four saved scenarios, each
//! with a name: the inputs on which they differ, the cheapest of them, and
//! the one link value (`cmp=`) that carries them all.
//!
//! The link value is `2~NAME*FIELDS~NAME*FIELDS…~*N`: the format's
//! version, then each scenario as its percent-encoded name and its own link
//! query without `v=1`, with `;` for `&`, and last `*` and the number of
//! scenarios, so a link cut anywhere inside the value is seen to be cut.
//! Only the values that differ from the defaults are written, so four
//! scenarios stay a short link. Version 1, the same without the count, is
//! still read.

use super::query::{
    QueryWarning, QueryWarningKind, SetProblem, collapse_spaces, decode, is_scenario_key,
    push_encoded_keeping, warning,
};
use super::{Field, Figures, ModelKind, Scenario};

pub const MAX_SAVED: usize = 4;
pub const MAX_NAME_CHARS: usize = 40;
/// The longest `cmp=` value read: four scenarios with every value changed
/// take about 2,500 characters.
pub const MAX_LINK_CHARS: usize = 6_000;
const VERSION: &str = "2";
/// The format before the count was added: read, never written.
const VERSION_1: &str = "1";

#[derive(Clone, Debug, PartialEq)]
pub struct Saved {
    pub name: String,
    pub scenario: Scenario,
}

/// A name as a person typed or a link carried it: spaces collapsed,
/// control characters dropped, cut to [`MAX_NAME_CHARS`].
pub fn clean_name(text: &str) -> String {
    let name = collapse_spaces(text);
    // Cut, then trimmed: a cut after a space must not leave one at the end.
    let cut: String = name.chars().take(MAX_NAME_CHARS).collect();
    cut.trim_end().to_string()
}

/// What a comparison can show differing between scenarios.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Input {
    Number(Field),
    Region,
    Pattern,
    /// The twelve months' volumes.
    Year,
    Languages,
    AllWeek,
    Multilingual,
    Specialised,
    Tier2Outsourced,
    SeasonalAgents,
    AcwBilled,
}

impl Input {
    /// Every input, in the order of the form.
    pub fn all() -> impl Iterator<Item = Input> {
        let choices = [
            Input::AllWeek,
            Input::Region,
            Input::Pattern,
            Input::Year,
            Input::Languages,
            Input::Multilingual,
            Input::Specialised,
            Input::Tier2Outsourced,
            Input::SeasonalAgents,
            Input::AcwBilled,
        ];
        Field::ALL.into_iter().map(Input::Number).chain(choices)
    }

    fn same(self, a: &Scenario, b: &Scenario) -> bool {
        match self {
            // The bits, so 0 and -0 or two NaNs never read as a difference.
            Input::Number(f) => a.get(f).to_bits() == b.get(f).to_bits(),
            Input::Region => a.region == b.region,
            Input::Pattern => a.pattern == b.pattern,
            Input::Year => a.year == b.year,
            Input::Languages => a.languages == b.languages,
            Input::AllWeek => a.all_week == b.all_week,
            Input::Multilingual => a.multilingual == b.multilingual,
            Input::Specialised => a.specialised == b.specialised,
            Input::Tier2Outsourced => a.tier2_outsourced == b.tier2_outsourced,
            Input::SeasonalAgents => a.seasonal_agents == b.seasonal_agents,
            Input::AcwBilled => a.acw_billed == b.acw_billed,
        }
    }
}

/// The inputs on which the saved scenarios do not all agree, in form order.
pub fn differences(saved: &[Saved]) -> Vec<Input> {
    let Some((first, rest)) = saved.split_first() else {
        return Vec::new();
    };
    Input::all()
        .filter(|input| {
            rest.iter()
                .any(|s| !input.same(&first.scenario, &s.scenario))
        })
        .collect()
}

/// The model each scenario's advice picks, and what it costs over the
/// first year: the figure a buyer compares scenarios by. `None` when the
/// figures lack the pick's column (never, from `figures`).
pub fn first_year_of_pick(outcome: &Figures) -> Option<(ModelKind, f64)> {
    let kind = outcome.recommendation.model;
    outcome.model(kind).map(|r| (kind, r.first_year_cost))
}

/// The scenario whose recommended model costs least over the first year;
/// `None` for fewer than two, or a tie for the least.
pub fn cheapest(outcomes: &[Figures]) -> Option<usize> {
    if outcomes.len() < 2 {
        return None;
    }
    let costs: Vec<f64> = outcomes
        .iter()
        .map(|o| first_year_of_pick(o).map_or(f64::INFINITY, |(_, cost)| cost))
        .collect();
    let least = costs.iter().copied().fold(f64::INFINITY, f64::min);
    let mut at = costs.iter().enumerate().filter(|(_, c)| **c == least);
    match (at.next(), at.next()) {
        (Some((i, _)), None) => Some(i),
        _ => None,
    }
}

/// The `cmp=` value for these scenarios (empty for none).
pub fn to_link(saved: &[Saved]) -> String {
    if saved.is_empty() {
        return String::new();
    }
    let saved = &saved[..saved.len().min(MAX_SAVED)];
    let mut out = String::from(VERSION);
    for s in saved {
        out.push('~');
        // Nothing but letters, digits and `-._` unencoded, so a name
        // cannot contain the separators `~ * ;`.
        push_encoded_keeping(&mut out, &s.name, b"-._");
        out.push('*');
        let query = s.scenario.to_query();
        let fields = query.strip_prefix("v=1").unwrap_or(&query);
        out.push_str(&fields.trim_start_matches('&').replace('&', ";"));
    }
    out.push_str("~*");
    out.push_str(&saved.len().to_string());
    out
}

/// Reads a `cmp=` value as the link has it (not yet percent-decoded). The
/// set is one thing, a comparison: cut short, too long, of another
/// version, with more than four scenarios or with one that does not read
/// whole (a value it must default, a key the model does not read), it is
/// dropped whole, so no scenario is ever shown as saved that was not, and
/// named in one warning on `cmp` that says why.
pub fn from_link(raw: &str) -> (Vec<Saved>, Option<QueryWarning>) {
    if raw.is_empty() {
        return (Vec::new(), None);
    }
    match read_set(raw) {
        Ok(saved) => (saved, None),
        Err(problem) => {
            let kind = QueryWarningKind::BadSet { problem };
            (Vec::new(), Some(warning("cmp", &decode(raw), kind)))
        }
    }
}

fn read_set(raw: &str) -> Result<Vec<Saved>, SetProblem> {
    if raw.len() > MAX_LINK_CHARS {
        return Err(SetProblem::TooLong);
    }
    let pieces: Vec<&str> = raw.split('~').collect();
    let entries = match pieces.split_first() {
        Some((&VERSION_1, entries)) => entries,
        Some((&VERSION, rest)) => {
            let (count, entries) = rest.split_last().ok_or(SetProblem::Cut)?;
            let count = count
                .strip_prefix('*')
                .and_then(|n| n.parse::<usize>().ok());
            if count != Some(entries.len()) {
                return Err(SetProblem::Cut);
            }
            entries
        }
        _ => return Err(SetProblem::Version),
    };
    if entries.len() > MAX_SAVED {
        return Err(SetProblem::TooMany);
    }
    let mut saved = Vec::with_capacity(entries.len());
    for (i, entry) in entries.iter().enumerate() {
        let unreadable = SetProblem::Unreadable { index: i + 1 };
        let (name, fields) = entry.split_once('*').ok_or(unreadable)?;
        let query = fields.replace(';', "&");
        let keys_known = query
            .split('&')
            .filter(|p| !p.is_empty())
            .all(|p| is_scenario_key(&decode(p.split_once('=').map_or(p, |(k, _)| k))));
        let (scenario, warnings) = Scenario::from_query(&query);
        if !keys_known || !warnings.is_empty() {
            return Err(unreadable);
        }
        saved.push(Saved {
            name: clean_name(&decode(name)),
            scenario,
        });
    }
    Ok(saved)
}
