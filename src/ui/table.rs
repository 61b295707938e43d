//! A table of the models by rows (the three, and the buyer's own team in
//! the comparison when one is entered), for the comparison, the breakdown
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
    pub cells: Vec<String>,
}

impl Row {
    pub fn new(label: impl Into<String>, cells: impl Into<Vec<String>>) -> Self {
        Row {
            label: label.into(),
            swatch: None,
            cells: cells.into(),
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
    /// The columns, when not the three models.
    #[prop(optional, into)]
    kinds: Option<Signal<Vec<ModelKind>>>,
) -> impl IntoView {
    let kinds = kinds.unwrap_or_else(|| Signal::stored(ModelKind::ALL.to_vec()));
    let t = Calc::from_context().t();
    let corner = if corner.is_empty() {
        Either::Left(view! { <td></td> })
    } else {
        Either::Right(view! { <th scope="col">{corner}</th> })
    };
    view! {
        <div class="table-wrap" tabindex="0" role="region" aria-label=label>
            // A phone lays each row out as its label over the figures, in
            // as many columns as there are models.
            <table class=class style:--cols=move || kinds.with(Vec::len).to_string()>
                <thead>
                    <tr>
                        {corner}
                        {move || {
                            kinds
                                .get()
                                .into_iter()
                                .map(|kind| view! { <th scope="col">{t.model(kind)}</th> })
                                .collect_view()
                        }}
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
            {row.cells.into_iter().map(|cell| view! { <td>{cell}</td> }).collect_view()}
        </tr>
    }
}
