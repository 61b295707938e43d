//! Reading a plain decimal numeral ("-12.5") as the nearest `f64`.
//!
//! Why not `str::parse::<f64>`: its correctly rounded algorithm carries a
//! 10 KB table of powers of five that gzip cannot shrink, which was the
//! largest single item in the page's wasm. Numerals here come from people
//! and from our own links, so 19 significant digits are enough (any `f64`
//! prints in at most 17), and in that range exact integer arithmetic
//! rounds correctly without a table.

/// The value of `text`, rounded to the nearest `f64` (ties to even), as
/// `str::parse` would give it. `None` unless `text` is an optional sign,
/// digits and at most one decimal point with a digit somewhere: no spaces,
/// exponents, "inf" or "NaN". Also `None` for more than 27 decimal places
/// among the first 19 significant digits; a value too large for 128 bits
/// reads as infinity, which every range check turns away.
pub fn read_decimal(text: &str) -> Option<f64> {
    // No indexing into the text: a slice out of bounds is a panic path,
    // and its message brings Debug formatting of chars into the wasm.
    let (negative, body) = match text.strip_prefix('-') {
        Some(body) => (true, body),
        None => (false, text.strip_prefix('+').unwrap_or(text)),
    };
    let (whole, fraction) = body.split_once('.').unwrap_or((body, ""));
    let all_digits = |s: &str| s.bytes().all(|b| b.is_ascii_digit());
    if whole.len() + fraction.len() == 0 || !all_digits(whole) || !all_digits(fraction) {
        return None;
    }
    // Significant digits only: zeros at either end move the exponent.
    let fraction = fraction.trim_end_matches('0');
    let (whole, zeros) = if fraction.is_empty() {
        let trimmed = whole.trim_end_matches('0');
        (trimmed, whole.len() - trimmed.len())
    } else {
        (whole, 0)
    };
    let digits = whole
        .bytes()
        .chain(fraction.bytes())
        .enumerate()
        .skip_while(|(_, b)| *b == b'0');
    // Digits past the 19th are dropped (the value is then truncated, not
    // rounded): only a run of digits nobody types gets there, and it must
    // still read as a number too large rather than as no number.
    let mut significand: u64 = 0;
    let (mut kept, mut dropped_whole, mut dropped_places) = (0, 0, 0);
    let whole_len = whole.len();
    for (i, b) in digits {
        if kept < 19 {
            significand = significand * 10 + u64::from(b - b'0');
            kept += 1;
        } else if i < whole_len {
            dropped_whole += 1;
        } else {
            dropped_places += 1;
        }
    }
    let places = fraction.len() - dropped_places;
    let magnitude = if significand == 0 {
        0.0
    } else if places == 0 {
        scale_up(significand, zeros + dropped_whole)
    } else {
        scale_down(significand, places)?
    };
    Some(if negative { -magnitude } else { magnitude })
}

/// `significand * 10^exponent`, correctly rounded: the product is an exact
/// integer whenever it fits in 128 bits, and `as f64` rounds to nearest.
fn scale_up(significand: u64, exponent: usize) -> f64 {
    let mut value = u128::from(significand);
    for _ in 0..exponent {
        match value.checked_mul(10) {
            Some(v) => value = v,
            None => return f64::INFINITY,
        }
    }
    value as f64
}

/// `significand / 10^places`, correctly rounded. 10^k = 5^k * 2^k and a
/// power of two scales exactly, so only the division by 5^k rounds: done
/// in integers with at least 63 quotient bits, the remainder kept as a
/// sticky low bit, it rounds exactly once, in the final `as f64`.
fn scale_down(significand: u64, places: usize) -> Option<f64> {
    if places > 27 {
        return None; // 5^28 no longer fits in 64 bits
    }
    let five_pow = 5u128.pow(places as u32);
    let shift = 127 - (128 - u128::from(significand).leading_zeros());
    let numerator = u128::from(significand) << shift;
    let quotient = (numerator / five_pow) | u128::from(numerator % five_pow != 0);
    // quotient * 2^-(shift + places); the power of two is built from its
    // bits because `powi` is not guaranteed exact.
    let exponent = -((shift + places as u32) as i32);
    let two_pow = f64::from_bits(((1023 + exponent) as u64) << 52);
    Some(quotient as f64 * two_pow)
}

/// The shortest plain numeral that [`read_decimal`] reads back as `value`,
/// for links. Rust's `{}` prints the same digits in all but rare cases at
/// a power of two, where both are exact; it is not used because its
/// shortest-digits algorithm brings tens of KB of tables into the wasm.
/// Exact for |value| from 1e-5 to 1e19; finer values keep 22 places,
/// larger ones are written whole.
pub fn write_shortest(value: f64) -> String {
    if !value.is_finite() {
        let text = if value.is_nan() {
            "NaN"
        } else if value < 0.0 {
            "-inf"
        } else {
            "inf"
        };
        return text.into();
    }
    (0..=22)
        .filter_map(|places| write_fixed(value, places))
        .find(|text| read_decimal(text) == Some(value))
        .or_else(|| write_fixed(value, if value.abs() < 1.0 { 22 } else { 0 }))
        .unwrap_or_else(|| "0".into())
}

/// `value` with exactly `places` digits after the point (none and no point
/// for 0), rounded half to even on the exact binary value. `None` when the
/// digits do not fit in 128 bits.
pub fn write_fixed(value: f64, places: u32) -> Option<String> {
    let scale = 10u128.checked_pow(places)?;
    let bits = value.to_bits();
    let exponent = ((bits >> 52) & 0x7ff) as i32;
    let fraction = u128::from(bits & ((1 << 52) - 1));
    // |value| = mantissa * 2^-shift exactly.
    let (mantissa, shift) = if exponent == 0 {
        (fraction, 1074)
    } else {
        (fraction | 1 << 52, 1075 - exponent)
    };
    let scaled = if shift <= 0 {
        mantissa.checked_shl((-shift) as u32)?.checked_mul(scale)?
    } else if shift > 127 {
        0 // below half a unit in the last place
    } else {
        let n = mantissa.checked_mul(scale)?;
        let (q, rem, half) = (n >> shift, n & ((1 << shift) - 1), 1u128 << (shift - 1));
        if rem > half || (rem == half && q & 1 == 1) {
            q + 1
        } else {
            q
        }
    };
    let mut text = String::new();
    if value.is_sign_negative() && scaled != 0 {
        text.push('-');
    }
    push_digits(&mut text, scaled / scale, 1);
    if places > 0 {
        text.push('.');
        push_digits(&mut text, scaled % scale, places as usize);
    }
    Some(text)
}

/// `n` in decimal, zero-padded to `width`. By hand: `u128`'s `Display`
/// would add a kilobyte of wasm for numbers that all fit this loop.
fn push_digits(out: &mut String, mut n: u128, width: usize) {
    let mut digits = Vec::with_capacity(width.max(4));
    while n > 0 || digits.len() < width {
        digits.push(char::from(b'0' + (n % 10) as u8));
        n /= 10;
    }
    out.extend(digits.iter().rev());
}

/// `value` rounded to `digits` significant figures: how an estimate is
/// shown ($52,994 as $53,000), since its inputs are not known closer than
/// that. Exact figures stay in the exports. The power of ten is found by
/// counting tenfolds, not by `log10`/`powf`, which would bring libm into
/// the wasm.
pub fn round_significant(value: f64, digits: u32) -> f64 {
    if !value.is_finite() || value == 0.0 || digits == 0 {
        return value;
    }
    let (low, high) = (10f64.powi(digits as i32 - 1), 10f64.powi(digits as i32));
    let mut magnitude = value.abs();
    let mut tens: i32 = 0;
    // Bounded: an f64 spans about 630 powers of ten.
    while magnitude >= high && tens < 400 {
        magnitude /= 10.0;
        tens += 1;
    }
    while magnitude < low && tens > -400 {
        magnitude *= 10.0;
        tens -= 1;
    }
    // Scaled once, by an exact power of ten where one exists, so that
    // 216,221,606 gives exactly 216,000,000.
    if tens >= 0 {
        let scale = 10f64.powi(tens);
        (value / scale).round() * scale
    } else {
        let scale = 10f64.powi(-tens);
        (value * scale).round() / scale
    }
}
