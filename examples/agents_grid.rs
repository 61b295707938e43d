//! Our side of the pyworkforce comparison in scripts/bench.sh:
//! required_agents over loads 0.5, 1.0, … 200 Erlangs (AHT 180 s, 80 % in
//! 20 s, occupancy at most 85 %, no shrinkage). Prints the agents summed
//! over the grid and the time per call, as JSON.
//!
//!     cargo run --release --example agents_grid

use std::hint::black_box;
use std::time::Instant;
use supportcalc::model::required_agents;

fn agents(erlangs: f64) -> u32 {
    required_agents(black_box(erlangs), 180.0, 0.8, 20.0, 0.85)
}

fn main() {
    // Halves are exact in f64, so both sides see the very same loads.
    let loads: Vec<f64> = (1..=400).map(|k| f64::from(k) / 2.0).collect();
    let total: u64 = loads.iter().map(|&a| u64::from(agents(a))).sum();
    // The fastest of many passes (one takes under a millisecond): on a shared
    // machine other work only ever adds time. scripts/bench.sh times
    // pyworkforce by its fastest calls likewise.
    let fastest = (0..201)
        .map(|_| {
            let start = Instant::now();
            loads.iter().for_each(|&a| {
                black_box(agents(a));
            });
            start.elapsed().as_secs_f64()
        })
        .fold(f64::INFINITY, f64::min);
    let ns_per_call = fastest / loads.len() as f64 * 1e9;
    println!(
        r#"{{"calls": {}, "total_agents": {total}, "ns_per_call": {ns_per_call:.1}}}"#,
        loads.len()
    );
}
