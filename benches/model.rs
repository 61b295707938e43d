//! How long does a quote take? compute() runs on every keystroke in the
//! browser, so it must stay around a millisecond, curves and break-even
//! included; the link is written (and read, on opening) as often. A pasted
//! help desk export is read once per paste, in the browser too.

use criterion::{Criterion, black_box, criterion_group, criterion_main};
use supportcalc::model::decimal::{read_decimal, write_shortest};
use supportcalc::model::hourly::read_hourly;
use supportcalc::model::{
    Preset, Scenario, compute, erlang_a, figures, price, required_agents, sensitivity,
};

fn model(c: &mut Criterion) {
    let default = Scenario::default();
    c.bench_function("compute/default", |b| {
        b.iter(|| compute(black_box(&default)))
    });
    // The parts: the three models alone, then with the advice, curves and
    // what-ifs (compute); round the clock, where the core window and the
    // regions are levers too.
    // A flat year (no busy month to staff) too, which is what the
    // default page priced before the year had twelve months.
    let (h24, _) = Scenario::from_query("v=1&h24=1");
    let (flat, _) = Scenario::from_query("v=1&season=flat");
    let (flat_h24, _) = Scenario::from_query("v=1&season=flat&h24=1");
    for (name, s) in [
        ("default", &default),
        ("h24", &h24),
        ("flat", &flat),
        ("flat_h24", &flat_h24),
    ] {
        c.bench_function(&format!("price/{name}"), |b| b.iter(|| price(black_box(s))));
    }
    c.bench_function("compute/h24", |b| b.iter(|| compute(black_box(&h24))));
    // compute's two parts, as the page runs them: the figures (cards and
    // recommendation) painted first, the sensitivity (what-ifs, curves,
    // break-even) in the next task.
    let enterprise = Preset::Enterprise247.scenario();
    for (name, s) in [
        ("default", &default),
        ("h24", &h24),
        ("enterprise", &enterprise),
    ] {
        c.bench_function(&format!("figures/{name}"), |b| {
            b.iter(|| figures(black_box(s)))
        });
        let f = figures(s);
        c.bench_function(&format!("sensitivity/{name}"), |b| {
            b.iter(|| sensitivity(black_box(s), black_box(&f)))
        });
    }
    c.bench_function("compute/enterprise_247_four_languages", |b| {
        b.iter(|| compute(black_box(&enterprise)))
    });
    let ecommerce = Preset::SeasonalEcommerce.scenario();
    c.bench_function("compute/seasonal_ecommerce", |b| {
        b.iter(|| compute(black_box(&ecommerce)))
    });
    let link = enterprise.to_query();
    c.bench_function("link/write_enterprise", |b| {
        b.iter(|| black_box(&enterprise).to_query())
    });
    c.bench_function("link/read_enterprise", |b| {
        b.iter(|| Scenario::from_query(black_box(&link)))
    });
    c.bench_function("decimal/read_write_0.30000000000000004", |b| {
        b.iter(|| read_decimal(&write_shortest(black_box(0.1 + 0.2))))
    });
    // A month of a help desk's tickets: 10,000 rows of id, time, subject.
    let export: String = (0..10_000)
        .map(|i| {
            let (day, hour, minute) = (1 + i % 30, 8 + i % 11, i % 60);
            format!("{i},2026-11-{day:02}T{hour:02}:{minute:02}:00Z,\"Order {i}, late\"\n")
        })
        .collect();
    c.bench_function("hourly/read_10000_row_export", |b| {
        b.iter(|| read_hourly(black_box(&export), 5))
    });
    // One blended hour's live service: Erlang A read at phone's target
    // time, as the pool and specialised queues read it (a blended queue
    // reads phone and chat in one sweep, within price).
    c.bench_function("erlang_a/5_agents", |b| {
        b.iter(|| erlang_a(5, black_box(4.2), 330.0, 180.0, 20.0))
    });
    for erlangs in [1_000.0, 10_000.0] {
        c.bench_function(&format!("required_agents/{erlangs}_erlangs"), |b| {
            b.iter(|| required_agents(black_box(erlangs), 180.0, 0.8, 20.0, 0.85))
        });
    }
}

criterion_group!(benches, model);
criterion_main!(benches);
