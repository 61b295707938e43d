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
    format!(
        "${}.{:02}",
        grouped(whole),
        (cents - whole * 100.0).abs() as u64
    )
}

pub fn percent(value_pct: f64) -> String {
    format!("{}%", value_pct.round() as i64)
}

pub fn one_decimal(value: f64) -> String {
    fixed(value, 1)
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

#[wasm_bindgen::prelude::wasm_bindgen]
extern "C" {
    /// JavaScript's `String(number)`: the shortest text that reads back as
    /// the same number, as Rust's `{}` prints it (for 1e-6 <= |x| < 1e21,
    /// where JavaScript does not switch to exponents). Asking the browser
    /// keeps Rust's float printing (grisu and dragon) out of the wasm.
    #[wasm_bindgen(js_name = String)]
    pub fn number(value: f64) -> String;
}

/// `value` with `decimals` (at most 3) digits after the point, exactly as
/// `format!("{:.N}")` rounds it (half to even on the exact binary value),
/// but in integer arithmetic so Rust's float printer stays out of the wasm.
/// Exact for |value| < 2^64; charts and figures stay far below that.
pub fn fixed(value: f64, decimals: u32) -> String {
    debug_assert!(decimals <= 3, "mantissa * 10^decimals must fit in a u64");
    if !value.is_finite() {
        return if value.is_nan() {
            "NaN".into()
        } else if value < 0.0 {
            "-inf".into()
        } else {
            "inf".into()
        };
    }
    let scale = 10u64.pow(decimals);
    let bits = value.to_bits();
    let exponent = ((bits >> 52) & 0x7ff) as i32;
    let fraction = bits & ((1 << 52) - 1);
    // |value| = mantissa / 2^shift exactly.
    let (mantissa, shift) = if exponent == 0 {
        (fraction, 1074)
    } else {
        (fraction | 1 << 52, 1075 - exponent)
    };
    let (whole, part) = if shift <= 0 {
        (value.abs() as u64, 0) // a whole number
    } else if shift > 63 {
        (0, 0) // mantissa * scale < 2^63 <= half a unit: rounds to zero
    } else {
        let n = mantissa * scale;
        let (q, rem, half) = (n >> shift, n & ((1 << shift) - 1), 1u64 << (shift - 1));
        let q = if rem > half || (rem == half && q & 1 == 1) {
            q + 1
        } else {
            q
        };
        (q / scale, q % scale)
    };
    let sign = if value.is_sign_negative() { "-" } else { "" };
    format!("{sign}{whole}.{part:0width$}", width = decimals as usize)
}
