//! What do a buyer's own hourly volumes say? Reads what people paste from a
//! spreadsheet or a help desk's export (a 7 × 24 grid either way round, 24
//! or 168 values, `hour,count` rows, one timestamp per contact, or
//! `timestamp,count` rows)
//! into the contacts of each hour of an average week, and lays them on a
//! scenario.

use super::decimal::{read_decimal, write_shortest};
use super::pattern::{ArrivalPattern, HOURS_PER_WEEK, WEEKS_PER_MONTH, Week, WeekShape};
use super::scenario::{Field, Scenario};

/// About four months of a busy help desk's export, one contact a line; a
/// longer text is refused rather than read for seconds on a phone.
pub const MAX_PASTE_CHARS: usize = 5_000_000;
/// How much of an offending cell an error quotes.
const MAX_FOUND_CHARS: usize = 40;

/// Contacts per hour of an average week, and what they were read from.
#[derive(Clone, Debug, PartialEq)]
pub struct Hourly {
    pub per_hour: Week<f64>,
    pub source: Source,
}

#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Source {
    /// 168 values, or 7 days × 24 hours in either orientation.
    Week,
    /// 24 values, one day, laid on each of the first `days` days.
    Day { days: usize },
    /// Timestamps, one per contact or with a count, from `first` to `last`:
    /// each weekday's hours are averaged over the times that weekday
    /// occurs in the span.
    Log {
        contacts: f64,
        first: Date,
        last: Date,
    },
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct Date {
    pub year: i32,
    pub month: u32,
    pub day: u32,
}

impl Date {
    /// Days since 1970-01-01 (H. Hinnant's `days_from_civil`).
    fn days(self) -> i64 {
        let y = i64::from(self.year) - i64::from(self.month <= 2);
        let era = y.div_euclid(400);
        let yoe = y - era * 400;
        let m = i64::from(self.month);
        let doy = (153 * (m + if m > 2 { -3 } else { 9 }) + 2) / 5 + i64::from(self.day) - 1;
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        era * 146_097 + doe - 719_468
    }

    fn valid(self) -> bool {
        let leap = self.year % 4 == 0 && (self.year % 100 != 0 || self.year % 400 == 0);
        let days_in_month = match self.month {
            2 if leap => 29,
            2 => 28,
            4 | 6 | 9 | 11 => 30,
            1..=12 => 31,
            _ => 0,
        };
        (1..=days_in_month).contains(&self.day)
    }
}

/// Monday 0 … Sunday 6 of a day counted from 1970-01-01, a Thursday.
fn weekday(days: i64) -> usize {
    // In 0..7, so the cast is exact.
    (days + 3).rem_euclid(7) as usize
}

#[derive(Clone, Debug, PartialEq)]
pub struct PasteError {
    /// 1-based line of the text; 0 when the error is about the whole text.
    pub line: usize,
    /// The offending cell or line, cut to 40 characters.
    pub found: String,
    pub kind: PasteErrorKind,
}

#[derive(Clone, Copy, Debug, PartialEq)]
pub enum PasteErrorKind {
    Empty,
    TooLong {
        max_chars: usize,
    },
    NotANumber,
    Negative,
    /// A row of a grid whose length is not the grid's.
    RowLength {
        found: usize,
        expected: usize,
    },
    /// Values that make neither a day, a week nor a grid.
    Count {
        found: usize,
    },
    /// A line of a log without a date and time in it.
    NotATimestamp,
    /// Every count is 0.
    NoContacts,
    /// The first of `hour,count` rows is not an hour from 0 to 23.
    NotAnHour,
}

fn error(line: usize, found: &str, kind: PasteErrorKind) -> PasteError {
    PasteError {
        line,
        found: found.chars().take(MAX_FOUND_CHARS).collect(),
        kind,
    }
}

impl Hourly {
    pub fn per_week(&self) -> f64 {
        self.per_hour.iter().sum()
    }

    pub fn per_month(&self) -> f64 {
        self.per_week() * WEEKS_PER_MONTH
    }

    /// Uses this week's shape as the scenario's arrival pattern and, unless
    /// `keep_volumes`, its monthly total as the scenario's volume, split
    /// between the channels as the scenario splits it (all on phone when
    /// it has none), in whole contacts within the fields' range.
    pub fn apply_to(&self, s: &mut Scenario, keep_volumes: bool) {
        let Some(shape) = WeekShape::from_counts(&self.per_hour) else {
            return;
        };
        s.pattern = ArrivalPattern::Custom(shape);
        if keep_volumes {
            return;
        }
        let fields = [Field::Phone, Field::Chat, Field::Email];
        let typed = fields.map(|f| s.get(f));
        let typed_total: f64 = typed.iter().sum();
        let total = self.per_month().round();
        let mut left = total;
        for (i, f) in fields.into_iter().enumerate() {
            let share = if typed_total > 0.0 {
                typed[i] / typed_total
            } else {
                f64::from(u8::from(i == 0))
            };
            // The last channel takes the rounding, so the split sums to the
            // total exactly.
            let value = if i + 1 == fields.len() {
                left
            } else {
                (total * share).round().min(left)
            };
            left -= value;
            let spec = f.spec();
            s.set(f, value.max(spec.min).min(spec.max));
        }
    }
}

/// How a line's cells are separated: the text's first tab, else its first
/// semicolon, else comma, else runs of spaces.
#[derive(Clone, Copy, PartialEq)]
enum Sep {
    Tab,
    Semicolon,
    Comma,
    Space,
}

impl Sep {
    fn of(text: &str) -> Sep {
        if text.contains('\t') {
            Sep::Tab
        } else if text.contains(';') {
            Sep::Semicolon
        } else if text.contains(',') {
            Sep::Comma
        } else {
            Sep::Space
        }
    }

    /// The line's cells, trimmed, with CSV quoting (`"a, b"`, `""`) undone
    /// and trailing empty cells dropped.
    fn cells(self, line: &str) -> Vec<String> {
        let sep = match self {
            Sep::Space => return line.split_whitespace().map(str::to_owned).collect(),
            Sep::Tab => '\t',
            Sep::Semicolon => ';',
            Sep::Comma => ',',
        };
        let mut out = vec![String::new()];
        let mut quoted = false;
        let mut chars = line.chars().peekable();
        while let Some(c) = chars.next() {
            match c {
                '"' if quoted && chars.peek() == Some(&'"') => {
                    chars.next();
                    push_char(&mut out, '"');
                }
                '"' => quoted = !quoted,
                c if c == sep && !quoted => out.push(String::new()),
                c => push_char(&mut out, c),
            }
        }
        let mut cells: Vec<String> = out.into_iter().map(|c| c.trim().to_owned()).collect();
        while cells.last().is_some_and(String::is_empty) {
            cells.pop();
        }
        cells
    }
}

fn push_char(cells: &mut [String], c: char) {
    if let Some(cell) = cells.last_mut() {
        cell.push(c);
    }
}

/// A count as spreadsheets write it: `1234`, `1,234`, `1 234`, `1.234,5`,
/// `12,5`, `12%`. `None` if it is not a number at all.
fn number(cell: &str) -> Option<f64> {
    let t: String = cell
        .strip_suffix('%')
        .unwrap_or(cell)
        .chars()
        .filter(|c| !matches!(c, ' ' | '\u{a0}' | '\u{202f}' | '\u{2009}' | '\'' | '_'))
        .collect();
    let groups_of_three = |t: &str| {
        let mut parts = t.trim_start_matches('-').split(',');
        parts.next().is_some_and(|p| (1..=3).contains(&p.len())) && parts.all(|p| p.len() == 3)
    };
    let plain = match (t.rfind('.'), t.rfind(',')) {
        (Some(dot), Some(comma)) if comma > dot => t.replace('.', "").replace(',', "."),
        (Some(_), Some(_)) => t.replace(',', ""),
        (None, Some(_)) if groups_of_three(&t) => t.replace(',', ""),
        (None, Some(_)) => t.replace(',', "."),
        _ => t,
    };
    read_decimal(&plain).map(|x| x + 0.0)
}

/// Monday 0 … Sunday 6 for a day's name in English, Russian or Japanese,
/// short or long (`Mon`, `monday`, `Пн`, `понедельник`, `月`, `月曜日`).
fn day_of_name(name: &str) -> Option<usize> {
    const EN: [&str; 7] = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"];
    const RU_SHORT: [&str; 7] = ["пн", "вт", "ср", "чт", "пт", "сб", "вс"];
    const RU_LONG: [&str; 7] = ["пон", "вто", "сре", "чет", "пят", "суб", "вос"];
    const JA: [char; 7] = ['月', '火', '水', '木', '金', '土', '日'];
    let lower = lowercase(name.trim().trim_end_matches('.'));
    let starts = |list: [&str; 7]| list.iter().position(|p| lower.starts_with(p));
    RU_SHORT
        .iter()
        .position(|p| lower == *p)
        .or_else(|| starts(EN))
        .or_else(|| starts(RU_LONG))
        .or_else(|| {
            let mut chars = lower.chars();
            let first = chars.next()?;
            let rest = chars.as_str();
            let day = JA.iter().position(|&c| c == first)?;
            matches!(rest, "" | "曜" | "曜日").then_some(day)
        })
}

/// Latin and Cyrillic letters in lower case, the rest as they are: all
/// that day names and totals need, without `str::to_lowercase`'s tables.
fn lowercase(text: &str) -> String {
    text.chars()
        .map(|c| match c {
            'А'..='Я' => char::from_u32(c as u32 + 32).unwrap_or(c),
            'Ё' => 'ё',
            c => c.to_ascii_lowercase(),
        })
        .collect()
}

/// Rows labelled as totals, which spreadsheets add under a grid.
fn is_total(label: &str) -> bool {
    let lower = lowercase(label.trim());
    ["total", "sum", "итого", "всего", "合計", "計"].contains(&lower.as_str())
}

/// Reads pasted hourly volumes. `days` (1–7) are the requested days from
/// Monday, on which a single day's 24 values are laid. Never panics; an
/// error names the line and what was expected there.
pub fn read_hourly(text: &str, days: usize) -> Result<Hourly, PasteError> {
    if text.len() > MAX_PASTE_CHARS {
        let kind = PasteErrorKind::TooLong {
            max_chars: MAX_PASTE_CHARS,
        };
        return Err(error(0, "", kind));
    }
    // `\r\n`, `\n` and a lone `\r` all end a line, each counted once.
    let lines: Vec<(usize, &str)> = text
        .split('\n')
        .flat_map(|l| l.strip_suffix('\r').unwrap_or(l).split('\r'))
        .enumerate()
        .map(|(i, l)| (i + 1, l.trim()))
        .filter(|(_, l)| !l.is_empty())
        .collect();
    if lines.is_empty() {
        return Err(error(0, "", PasteErrorKind::Empty));
    }
    let sep = Sep::of(text);
    let rows: Vec<(usize, Vec<String>)> = lines
        .iter()
        .map(|&(n, line)| (n, sep.cells(line)))
        .collect();
    let is_log = rows
        .iter()
        .take(2)
        .any(|(_, cells)| cells.iter().any(|c| read_date(c).is_some()));
    if is_log {
        read_log(&rows)
    } else {
        read_table(&rows, days.clamp(1, 7))
    }
}

/// A row of numbers, with the label before them if it has one.
struct Row<'a> {
    line: usize,
    label: Option<&'a str>,
    values: Vec<f64>,
}

fn read_table(rows: &[(usize, Vec<String>)], days: usize) -> Result<Hourly, PasteError> {
    let mut header: Option<&[String]> = None;
    let mut data: Vec<Row> = Vec::new();
    for (line, cells) in rows {
        let is_number = |c: &String| !c.is_empty() && number(c).is_some();
        if !cells.iter().any(is_number) {
            if data.is_empty() && header.is_none() {
                header = Some(cells);
                continue;
            }
            // A label before the values is fine: the first value is not.
            let values = cells.get(1..).filter(|rest| !rest.is_empty());
            let shown = values
                .unwrap_or(cells)
                .iter()
                .find(|c| !c.is_empty())
                .map_or("", String::as_str);
            return Err(error(*line, shown, PasteErrorKind::NotANumber));
        }
        // A row's first cell is its label when it is text or left empty
        // (a spreadsheet's corner).
        let label = cells
            .first()
            .filter(|c| cells.len() > 1 && !is_number(c))
            .map(String::as_str);
        if label.is_some_and(is_total) {
            continue;
        }
        let mut values = Vec::with_capacity(cells.len());
        for cell in cells.iter().skip(usize::from(label.is_some())) {
            // An empty cell inside a row is a spreadsheet's 0.
            let value = if cell.is_empty() {
                Some(0.0)
            } else {
                number(cell)
            };
            match value {
                Some(x) if x < 0.0 => return Err(error(*line, cell, PasteErrorKind::Negative)),
                Some(x) => values.push(x),
                None => return Err(error(*line, cell, PasteErrorKind::NotANumber)),
            }
        }
        data.push(Row {
            line: *line,
            label,
            values,
        });
    }
    // A first row of hours (0…23 or 1…24) heads the columns.
    let counts_hours = |row: &Row| {
        let from = row.values.first().copied().unwrap_or(-1.0);
        row.values.len() == 24
            && (from == 0.0 || from == 1.0)
            && row
                .values
                .iter()
                .zip(0..)
                .all(|(&v, i)| v == from + f64::from(i))
    };
    let total: usize = data.iter().map(|r| r.values.len()).sum();
    let fits = |n: usize| matches!(n, 24 | HOURS_PER_WEEK);
    if data.first().is_some_and(counts_hours) && !fits(total) && fits(total - 24) {
        data.remove(0);
    }
    let rows_of = |n: usize| data.iter().filter(|r| r.values.len() == n).count();
    let mut week = [0.0; HOURS_PER_WEEK];
    let source = if let Some((read, days_read)) = hour_counts(&data)? {
        week = read;
        if days_read == 1 {
            for day in 1..days {
                week.copy_within(..24, day * 24);
            }
            Source::Day { days }
        } else {
            Source::Week
        }
    } else if data.len() == 7 && rows_of(24) >= 4 {
        let order = day_order(data.iter().map(|r| r.label.unwrap_or("")));
        for (row, day) in data.iter().zip(order) {
            check_length(row, 24)?;
            week[day * 24..][..24].copy_from_slice(&row.values);
        }
        Source::Week
    } else if data.len() == 24 && rows_of(7) >= 12 {
        let names = header.unwrap_or_default().iter().map(String::as_str);
        let order = day_order(names.filter(|n| day_of_name(n).is_some()));
        for (hour, row) in data.iter().enumerate() {
            check_length(row, 7)?;
            for (&v, &day) in row.values.iter().zip(&order) {
                week[day * 24 + hour] = v;
            }
        }
        Source::Week
    } else {
        let values: Vec<f64> = data.iter().flat_map(|r| r.values.iter().copied()).collect();
        match values.len() {
            HOURS_PER_WEEK => {
                week.copy_from_slice(&values);
                Source::Week
            }
            24 => {
                for day in 0..days {
                    week[day * 24..][..24].copy_from_slice(&values);
                }
                Source::Day { days }
            }
            found => {
                let line = data.first().map_or(0, |r| r.line);
                return Err(error(line, "", PasteErrorKind::Count { found }));
            }
        }
    };
    if week.iter().all(|&v| v == 0.0) {
        return Err(error(0, "", PasteErrorKind::NoContacts));
    }
    Ok(Hourly {
        per_hour: week,
        source,
    })
}

/// `hour,count` rows (an hour 0–23, then its contacts) as a week: one day
/// from Monday, or seven when the hours start again six times (a week's
/// 168 rows). Rows are read so when each holds two values without a label
/// and the hours, whole numbers, rise within each day; an hour left out had
/// no contacts. `Ok(None)` when the rows are not of that shape; an hour
/// past 23 is an error on its line.
fn hour_counts(data: &[Row]) -> Result<Option<([f64; HOURS_PER_WEEK], usize)>, PasteError> {
    let shaped = data.len() >= 2
        && data.iter().all(|r| {
            r.label.is_none()
                && matches!(r.values[..], [hour, _] if hour >= 0.0 && hour.fract() == 0.0)
        });
    if !shaped {
        return Ok(None);
    }
    // Each row's day: a new one whenever the hour does not rise.
    let days: Vec<usize> = data
        .iter()
        .scan((0, f64::INFINITY), |(day, last), row| {
            let hour = row.values[0];
            *day += usize::from(hour <= *last && last.is_finite());
            *last = hour;
            Some(*day)
        })
        .collect();
    let runs = days.last().map_or(0, |d| d + 1);
    if !matches!(runs, 1 | 7) {
        return Ok(None);
    }
    let mut week = [0.0; HOURS_PER_WEEK];
    for (row, day) in data.iter().zip(days) {
        let (hour, count) = (row.values[0], row.values[1]);
        if hour > 23.0 {
            let found = write_shortest(hour);
            return Err(error(row.line, &found, PasteErrorKind::NotAnHour));
        }
        // A whole number from 0 to 23, so the cast is exact.
        week[day * 24 + hour as usize] = count;
    }
    Ok(Some((week, runs)))
}

fn check_length(row: &Row, expected: usize) -> Result<(), PasteError> {
    if row.values.len() == expected {
        Ok(())
    } else {
        let found = row.values.len();
        Err(error(
            row.line,
            row.label.unwrap_or(""),
            PasteErrorKind::RowLength { found, expected },
        ))
    }
}

/// Where each of seven rows or columns goes, Monday 0 … Sunday 6: by its
/// day's name when all seven name distinct days (a week that starts on
/// Sunday), else in order from Monday.
fn day_order<'a>(names: impl Iterator<Item = &'a str>) -> [usize; 7] {
    let named: Vec<usize> = names.filter_map(day_of_name).collect();
    let mut seen = [false; 7];
    for &d in &named {
        seen[d] = true;
    }
    match <[usize; 7]>::try_from(named) {
        Ok(order) if seen.iter().all(|&s| s) => order,
        _ => [0, 1, 2, 3, 4, 5, 6],
    }
}

/// A date as written: year first (ISO, Japanese), or year last in the day
/// and month order the whole text decides.
#[derive(Clone, Copy)]
enum WrittenDate {
    YearFirst(Date),
    YearLast {
        a: u32,
        b: u32,
        year: i32,
        dots: bool,
    },
}

/// A date at the start of `text`, and the rest.
fn read_date(text: &str) -> Option<(WrittenDate, &str)> {
    let (n1, rest) = digits(text)?;
    let mark = rest
        .chars()
        .next()
        .filter(|c| matches!(c, '-' | '/' | '.'))?;
    let (n2, rest) = digits(rest.strip_prefix(mark)?)?;
    let rest = rest.strip_prefix(mark)?;
    let (n3, rest) = digits(rest)?;
    let value = |s: &str| s.parse::<u32>().ok();
    let date = if n1.len() == 4 {
        WrittenDate::YearFirst(Date {
            year: value(n1)? as i32,
            month: value(n2)?,
            day: value(n3)?,
        })
    } else if n1.len() <= 2 && n2.len() <= 2 && matches!(n3.len(), 2 | 4) {
        let year = value(n3)? as i32;
        WrittenDate::YearLast {
            a: value(n1)?,
            b: value(n2)?,
            year: if n3.len() == 2 { 2000 + year } else { year },
            dots: mark == '.',
        }
    } else {
        return None;
    };
    // A date runs into a time only through `T`, a space or a comma.
    let rest = rest.strip_prefix(['T', 't']).unwrap_or(rest);
    match rest.chars().next() {
        None => Some((date, rest)),
        Some(c) if c.is_whitespace() || c == ',' || c.is_ascii_digit() => Some((date, rest)),
        _ => None,
    }
}

/// The leading ASCII digits (1 to 4 of them) and the rest.
fn digits(text: &str) -> Option<(&str, &str)> {
    let n = text.bytes().take_while(u8::is_ascii_digit).count();
    // `split_at_checked`, not `split_at`: a str slice's panic path links
    // char Debug formatting into the wasm.
    text.split_at_checked(n).filter(|_| (1..=4).contains(&n))
}

/// The hour of a time of day: `9:05`, `09:05:59`, `09:05:59.123`, then an
/// optional `AM`/`PM` and a zone (`Z`, `+09:00`, `-0500`, `UTC`), which is
/// read as written: the clock the export was written in is the one used.
fn read_hour(text: &str) -> Option<usize> {
    let t = text.trim_start_matches([' ', ',']);
    let (h, rest) = digits(t)?;
    let (m, mut rest) = digits(rest.strip_prefix(':')?)?;
    if m.len() != 2 {
        return None;
    }
    if let Some(after) = rest.strip_prefix(':') {
        let (s, after) = digits(after)?;
        rest = after;
        if s.len() != 2 {
            return None;
        }
        if let Some(frac) = rest.strip_prefix(['.', ',']) {
            rest = frac.trim_start_matches(|c: char| c.is_ascii_digit());
        }
    }
    let hour: usize = h.parse().ok()?;
    let minute: usize = m.parse().ok()?;
    let rest = rest.trim().to_ascii_lowercase();
    let (meridiem, zone) = match rest
        .strip_prefix("am")
        .or_else(|| rest.strip_prefix("a.m."))
    {
        Some(z) => (Some(0), z),
        None => match rest
            .strip_prefix("pm")
            .or_else(|| rest.strip_prefix("p.m."))
        {
            Some(z) => (Some(12), z),
            None => (None, rest.as_str()),
        },
    };
    let zone = zone.trim();
    let zone_ok = zone.is_empty()
        || zone == "z"
        || zone == "utc"
        || zone == "gmt"
        || zone
            .strip_prefix(['+', '-'])
            .is_some_and(|z| z.bytes().all(|b| b.is_ascii_digit() || b == b':'));
    let hour = match meridiem {
        Some(add) if (1..=12).contains(&hour) => hour % 12 + add,
        Some(_) => return None,
        None => hour,
    };
    (zone_ok && hour < 24 && minute < 60).then_some(hour)
}

/// One line of a log: its date, its hour and how many contacts it counts.
struct Entry {
    line: usize,
    date: WrittenDate,
    hour: usize,
    count: f64,
}

fn read_log(rows: &[(usize, Vec<String>)]) -> Result<Hourly, PasteError> {
    let mut entries: Vec<Entry> = Vec::with_capacity(rows.len());
    // Rows are `timestamp,count` when the first one is a timestamp followed
    // by one number; otherwise each row is one contact.
    let mut pairs: Option<bool> = None;
    for (i, (line, cells)) in rows.iter().enumerate() {
        let found = cells.iter().enumerate().find_map(|(at, c)| {
            let (date, rest) = read_date(c)?;
            if !rest.trim().is_empty() {
                return Some((at, date, read_hour(rest), 1));
            }
            // Date and time in cells of their own (and `AM` in a third when
            // spaces separate them).
            let time = cells.get(at + 1)?;
            let meridiem = cells.get(at + 2).filter(|m| {
                let m = m.to_ascii_lowercase();
                matches!(m.as_str(), "am" | "pm" | "a.m." | "p.m.")
            });
            let joined = match meridiem {
                Some(m) => format!("{time} {m}"),
                None => time.clone(),
            };
            Some((
                at,
                date,
                read_hour(&joined),
                2 + usize::from(meridiem.is_some()),
            ))
        });
        let Some((at, date, hour, used)) = found else {
            if i == 0 {
                continue;
            }
            let shown = cells.join(" ");
            return Err(error(*line, &shown, PasteErrorKind::NotATimestamp));
        };
        let Some(hour) = hour else {
            let shown = cells.join(" ");
            return Err(error(*line, &shown, PasteErrorKind::NotATimestamp));
        };
        let after = cells.get(at + used..).unwrap_or_default();
        let is_pairs =
            *pairs.get_or_insert(at == 0 && after.len() == 1 && number(&after[0]).is_some());
        let count = if is_pairs {
            let cell = after.first().map_or("", String::as_str);
            match number(cell) {
                Some(x) if x < 0.0 => return Err(error(*line, cell, PasteErrorKind::Negative)),
                Some(x) => x,
                None => return Err(error(*line, cell, PasteErrorKind::NotANumber)),
            }
        } else {
            1.0
        };
        entries.push(Entry {
            line: *line,
            date,
            hour,
            count,
        });
    }
    // Year-last dates with slashes are month first (US) unless one of them
    // can only be day first; with dots they are day first.
    let day_first = entries
        .iter()
        .any(|e| matches!(e.date, WrittenDate::YearLast { a, .. } if a > 12));
    let mut counts = [0.0; HOURS_PER_WEEK];
    let mut span: Option<(Date, Date)> = None;
    let mut contacts = 0.0;
    for e in &entries {
        let date = match e.date {
            WrittenDate::YearFirst(d) => d,
            WrittenDate::YearLast { a, b, year, dots } => {
                let (day, month) = if dots || day_first { (a, b) } else { (b, a) };
                Date { year, month, day }
            }
        };
        if !date.valid() {
            return Err(error(
                e.line,
                &line_text(rows, e.line),
                PasteErrorKind::NotATimestamp,
            ));
        }
        counts[weekday(date.days()) * 24 + e.hour] += e.count;
        contacts += e.count;
        span = Some(match span {
            Some((first, last)) => (first.min(date), last.max(date)),
            None => (date, date),
        });
    }
    let Some((first, last)) = span else {
        return Err(error(0, "", PasteErrorKind::Empty));
    };
    if contacts <= 0.0 {
        return Err(error(0, "", PasteErrorKind::NoContacts));
    }
    // Each weekday's hours are an average over its days in the span, so a
    // ten-day export does not count three weekdays twice.
    let (from, to) = (first.days(), last.days());
    let mut occurs = [0.0_f64; 7];
    let whole_weeks = (to - from + 1) / 7;
    for (d, n) in occurs.iter_mut().enumerate() {
        let extra = (from + whole_weeks * 7..=to)
            .filter(|&x| weekday(x) == d)
            .count();
        *n = (whole_weeks as f64) + extra as f64;
    }
    let per_hour = std::array::from_fn(|h| {
        let n = occurs[h / 24];
        if n > 0.0 { counts[h] / n } else { 0.0 }
    });
    Ok(Hourly {
        per_hour,
        source: Source::Log {
            contacts,
            first,
            last,
        },
    })
}

/// A line's cells as one text, for an error about the whole line.
fn line_text(rows: &[(usize, Vec<String>)], line: usize) -> String {
    rows.iter()
        .find(|(l, _)| *l == line)
        .map(|(_, cells)| cells.join(" "))
        .unwrap_or_default()
}
