//! A table of the three models by rows, for the comparison, the breakdown
//! and the cost curves' text alternative. It scrolls in its own focusable
//! wrapper, so a keyboard can scroll it on a phone.

use leptos::either::Either;
use leptos::prelude::*;

use super::state::Calc;
use crate::model::ModelKind;

/// A row: its header, a colour swatch before it if any, a cell per model.
#[derive(Clone, PartialEq)]
pub struct Row {
    pub label: String,
    pub swatch: Option<&'static str>,
    pub cells: [String; 3],
}

impl Row {
    pub fn new(label: impl Into<String>, cells: [String; 3]) -> Self {
        Row {
            label: label.into(),
            swatch: None,
            cells,
        }
    }
}

/// `corner` heads the row labels' column; empty, it is a blank cell.
#[component]
pub fn ModelTable(
    label: &'static str,
    class: &'static str,
    corner: &'static str,
    rows: Signal<Vec<Row>>,
) -> impl IntoView {
    let t = Calc::from_context().t();
    let corner = if corner.is_empty() {
        Either::Left(view! { <td></td> })
    } else {
        Either::Right(view! { <th scope="col">{corner}</th> })
    };
    view! {
        <div class="table-wrap" tabindex="0" role="region" aria-label=label>
            <table class=class>
                <thead>
                    <tr>
                        {corner}
                        {ModelKind::ALL
                            .map(|kind| view! { <th scope="col">{t.model(kind)}</th> })
                            .collect_view()}
                    </tr>
                </thead>
                <tbody>
                    {move || rows.get().into_iter().map(row_view).collect_view()}
                </tbody>
            </table>
        </div>
    }
}

fn row_view(row: Row) -> impl IntoView {
    let [a, b, c] = row.cells;
    view! {
        <tr>
            <th scope="row">
                {row
                    .swatch
                    .map(|colour| {
                        view! {
                            <span class="swatch cell" style:--series=colour></span>
                            " "
                        }
                    })}
                {row.label}
            </th>
            <td>{a}</td>
            <td>{b}</td>
            <td>{c}</td>
        </tr>
    }
}
