//! The pure model: a [`Scenario`] in, an [`Outcome`] out. It owns every
//! number Supportcalc shows; the UI only formats them. std + serde only, so
//! it compiles unchanged to WebAssembly and natively for tests.

pub mod advice;
pub mod blend;
pub mod compare;
pub mod currency;
pub mod curves;
pub mod decimal;
pub mod erlang;
pub mod hourly;
pub mod outcome;
pub mod own_team;
pub mod pattern;
pub mod pricing;
pub mod query;
pub mod quote;
pub mod scenario;
pub mod staffing;
pub mod year;

pub use currency::{Currency, Money};
pub use erlang::{
    ErlangA, average_speed_of_answer, erlang_a, erlang_b, erlang_c, required_agents,
    scheduled_agents, service_level, time_to_answer,
};
pub use outcome::{
    BreakEven, Channel, ChannelService, Curves, Figures, Flip, HourCover, HoursFlip, ModelKind,
    ModelResult, MonthResult, Outcome, Reason, Recommendation, Sensitivity, ServiceFlip,
    TargetChange, WhatIf, compute, figures, outsourcing_figures, outsourcing_sensitivity, price,
    sensitivity,
};
pub use pattern::{ArrivalPattern, HOURS_PER_WEEK, WEEKS_PER_MONTH};
pub use pricing::{Breakdown, CostItem, fte};
pub use query::{QueryWarning, QueryWarningKind};
pub use scenario::{
    Field, FieldError, FieldRef, FieldSpec, LanguageShare, Preset, Problem, ProblemKind, Region,
    Scenario, Unit,
};
pub use year::{MONTH_SPEC, MONTHS, Month, MonthsError, Season, YearProfile};
