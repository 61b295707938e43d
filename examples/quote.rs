//! A quote without a browser: a Supportcalc link query in, JSON out.
//!
//!     cargo run --release --example quote -- 'v=1&phone=12000&region=nearshore'
//!     cargo run --release --example quote -- '?preset=enterprise'   # UI keys are ignored
//!     echo 'phone=500' | cargo run --release --example quote
//!
//! Prints `{ "scenario": …, "warnings": […], "outcome": … }`, one object per
//! query. Warnings list the values that could not be used (they keep their
//! defaults); a link is untrusted input, so nothing here can fail on it.

use std::io::Read;
use supportcalc::export::Report;
use supportcalc::model::{Scenario, compute};

fn main() {
    // Lossy: a link is untrusted bytes, and args() would panic on non-UTF-8.
    let mut queries: Vec<String> = std::env::args_os()
        .skip(1)
        .map(|a| a.to_string_lossy().into_owned())
        .collect();
    if queries.is_empty() {
        let mut input = Vec::new();
        if std::io::stdin().read_to_end(&mut input).is_err() {
            eprintln!("could not read a query from standard input");
            std::process::exit(2);
        }
        queries.push(String::from_utf8_lossy(&input).trim().to_string());
    }
    for query in &queries {
        let (scenario, warnings) = Scenario::from_query(query);
        for w in &warnings {
            eprintln!("warning: {}={:?}: {:?}", w.key, w.value, w.kind);
        }
        let outcome = compute(&scenario);
        let report = Report {
            scenario: &scenario,
            warnings: &warnings,
            outcome: &outcome,
            quotes: &[],
        };
        match serde_json::to_string_pretty(&report) {
            Ok(text) => println!("{text}"),
            Err(e) => {
                eprintln!("could not write JSON: {e}");
                std::process::exit(1);
            }
        }
    }
}
