//! How numbers read on the page: money, percentages, counts. Formatting only;
//! every number comes from the model.

/// Whole dollars with thousands separators: 12345.6 -> "$12,346".
pub fn money(value: f64) -> String {
    format!("${}", grouped(value.round()))
}

/// Dollars and cents, for small amounts such as a cost per contact.
pub fn money_cents(value: f64) -> String {
    let cents = (value * 100.0).round();
    let whole = (cents / 100.0).trunc();
    format!("${}.{:02}", grouped(whole), (cents - whole * 100.0).abs() as u64)
}

pub fn percent(value_pct: f64) -> String {
    format!("{}%", value_pct.round() as i64)
}

pub fn one_decimal(value: f64) -> String {
    format!("{:.1}", value)
}

pub fn count(value: f64) -> String {
    grouped(value.round())
}

/// Integer part with "," every three digits. Non-finite values read as "–"
/// rather than "NaN": the model never sends them, but a page must not show them.
fn grouped(whole: f64) -> String {
    if !whole.is_finite() {
        return "–".into();
    }
    let digits = format!("{}", whole.abs() as u64);
    let mut out = String::with_capacity(digits.len() + digits.len() / 3 + 1);
    if whole < 0.0 {
        out.push('-');
    }
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    out
}
