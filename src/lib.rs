//! Supportcalc: what outsourced customer support costs and covers under the
//! shared, dedicated and combined models.
//!
//! `model` is pure Rust and owns every number; `ui` (wasm only) renders it.

pub mod export;
pub mod i18n;
pub mod json;
pub mod model;
pub mod options;

#[cfg(target_arch = "wasm32")]
pub mod ui;
