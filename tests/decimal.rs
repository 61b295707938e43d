#![cfg(not(target_arch = "wasm32"))]
//! Our table-free decimal reading and writing against Rust's own
//! correctly rounded `str::parse` and `format!`: the same `f64` for every
//! numeral read, the same digits written.

mod common;

use proptest::prelude::*;
use supportcalc::model::decimal::{read_decimal, write_fixed, write_shortest};

fn same(text: &str) {
    let ours = read_decimal(text).unwrap_or_else(|| panic!("{text:?} refused"));
    let rust: f64 = text.parse().unwrap();
    assert_eq!(ours.to_bits(), rust.to_bits(), "{text:?}");
}

#[test]
fn hand_picked_numerals() {
    for text in [
        "0",
        "-0",
        "+7",
        "4000",
        "4000.000",
        "1.",
        ".5",
        "0.1",
        "0.3",
        "0.30000000000000004",
        "12.5",
        "99.99",
        "9007199254740993",         // 2^53 + 1: a tie, rounds to even
        "9007199254740995",         // 2^53 + 3: a tie, rounds up to even
        "100000000000000000000000", // 1e23, famously hard for naive parsers
        "0.000000000000000000000000001",
        "2.2250738585072014",
        "179769313486231570000000000000000000000",
    ] {
        same(text);
    }
}

#[test]
fn refuses_what_is_not_a_plain_numeral() {
    for text in [
        "", "-", "+", ".", "-.", "1e3", "inf", "NaN", "1.2.3", "--1", "+-1", " 1", "1 ", "0x10",
        "1,5", "١٢",
    ] {
        assert_eq!(read_decimal(text), None, "{text:?}");
    }
    // Too many places is refused, not misread.
    assert_eq!(read_decimal("0.0000000000000000000000000001"), None);
}

#[test]
fn digits_past_the_19th_only_truncate() {
    for text in ["12345678901234567891", "1.23456789012345678912345"] {
        let ours = read_decimal(text).unwrap();
        let rust: f64 = text.parse().unwrap();
        assert!(
            (ours - rust).abs() <= rust * 1e-18,
            "{text}: {ours} vs {rust}"
        );
    }
}

#[test]
fn huge_values_read_as_infinity_so_range_checks_refuse_them() {
    let text = format!("1{}", "0".repeat(39));
    assert_eq!(read_decimal(&text), Some(f64::INFINITY));
    assert_eq!(read_decimal(&"9".repeat(400)), Some(f64::INFINITY));
}

proptest! {
    #![proptest_config(common::cases(20_000))]

    /// Every f64 a link can carry (far finer and larger than any field needs) survives Rust's
    /// shortest printing and our reading.
    #[test]
    fn reads_back_what_rust_prints(mantissa in any::<u64>(), exponent in -29i64..99, negative: bool) {
        let bits = (mantissa & ((1 << 52) - 1)) | ((1023 + exponent) as u64) << 52 | u64::from(negative) << 63;
        let value = f64::from_bits(bits);
        let text = format!("{value}");
        prop_assert_eq!(read_decimal(&text).map(f64::to_bits), Some(value.to_bits()), "{}", text);
    }

    /// Arbitrary digit strings, with the point anywhere, round as Rust does.
    #[test]
    fn rounds_like_rust(digits in "[0-9]{1,19}", point in 0usize..20, sign in "[-+]?") {
        let point = point.min(digits.len());
        let text = format!("{sign}{}.{}", &digits[..point], &digits[point..]);
        let rust: f64 = text.parse().unwrap();
        prop_assert_eq!(read_decimal(&text).map(f64::to_bits), Some(rust.to_bits()), "{}", text);
    }
}

#[test]
fn writes_what_rust_writes_for_typed_values() {
    for k in -20_000..=20_000 {
        for scale in [1.0, 10.0, 100.0, 1000.0] {
            let value = f64::from(k) / scale;
            assert_eq!(
                write_shortest(value),
                format!("{}", value + 0.0),
                "{k}/{scale}"
            );
        }
    }
    assert_eq!(write_shortest(1e18), "1000000000000000000");
    assert_eq!(write_shortest(0.1 + 0.2), "0.30000000000000004");
}

proptest! {
    #![proptest_config(common::cases(20_000))]

    /// Links carry what they are given: written, then read, the same f64.
    #[test]
    fn shortest_round_trips(mantissa in any::<u64>(), exponent in -16i64..63, negative: bool) {
        let bits = (mantissa & ((1 << 52) - 1)) | ((1023 + exponent) as u64) << 52 | u64::from(negative) << 63;
        let value = f64::from_bits(bits);
        let text = write_shortest(value);
        prop_assert_eq!(read_decimal(&text).map(f64::to_bits), Some(value.to_bits()), "{}", text);
        // Never longer than Rust's shortest, and almost always the same.
        prop_assert!(text.len() <= format!("{value}").len(), "{} vs {}", text, value);
    }

    /// Fixed places round exactly as `format!("{:.N}")` does.
    #[test]
    fn fixed_matches_rust(value in -1e9f64..1e9, places in 0u32..8) {
        let rust = format!("{value:.prec$}", prec = places as usize);
        let rust = if rust.trim_start_matches('-').trim_matches(['0', '.']).is_empty() { rust.trim_start_matches('-').to_owned() } else { rust };
        prop_assert_eq!(write_fixed(value, places), Some(rust));
    }
}

#[test]
fn estimates_keep_three_significant_figures() {
    use supportcalc::model::decimal::round_significant;
    for (value, shown) in [
        (52_994.0, 53_000.0),
        (216_221_606.0, 216_000_000.0),
        (502_838.0, 503_000.0),
        (45_255_454.0, 45_300_000.0),
        (999.6, 1_000.0),
        (7.294, 7.29),
        (0.012_34, 0.012_3),
        (-1_234.0, -1_230.0),
        (0.0, 0.0),
        (120.0, 120.0),
    ] {
        assert_eq!(round_significant(value, 3), shown, "{value}");
    }
    assert!(round_significant(f64::NAN, 3).is_nan());
    assert_eq!(round_significant(f64::INFINITY, 3), f64::INFINITY);
    // Far out of any price's range only the scaling's own rounding is off.
    assert!((round_significant(1.234e300, 3) / 1.23e300 - 1.0).abs() < 1e-12);
}

#[test]
fn fixed_places_round_an_exact_half_to_even() {
    // k + 1/2 and k/4 are exact in binary: ties, which go to the even
    // neighbour (0.5 → 0, 1.5 → 2, 2.5 → 2; 0.25 → 0.2, 0.75 → 0.8), as
    // `format!` rounds them.
    for (value, places, shown) in [
        (0.5, 0, "0"),
        (1.5, 0, "2"),
        (2.5, 0, "2"),
        (3.5, 0, "4"),
        (-2.5, 0, "-2"),
        (0.25, 1, "0.2"),
        (0.75, 1, "0.8"),
        (1.125, 2, "1.12"),
    ] {
        assert_eq!(
            write_fixed(value, places).as_deref(),
            Some(shown),
            "{value}"
        );
    }
    for k in 0..200 {
        for (value, places) in [(f64::from(k) + 0.5, 0), (f64::from(k) / 4.0, 1)] {
            let rust = format!("{value:.prec$}", prec = places as usize);
            assert_eq!(write_fixed(value, places), Some(rust), "{value}");
        }
    }
}
