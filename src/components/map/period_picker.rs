//! The period: its first and last month, as two lists of the blocks the bundle is published by (months,
//! quarters or years), so that a period picked counts every record. Written to the URL (`period=`): the
//! map's controls and a unit's page show the same one.

use adal_core::format;
use adal_core::period::{Month, Period};
use leptos::prelude::*;

use crate::contexts::map_state::use_map_state;
use crate::contexts::view_state::use_view_state;
use crate::i18n::{t, use_i18n};

/// The two lists, `{id}-from` and `{id}-to`.
#[component]
pub fn PeriodPicker(id: &'static str) -> impl IntoView {
    let i18n = use_i18n();
    let state = use_map_state();
    let lang = use_view_state().lang;
    let blocks = state.loaded.with_value(|l| l.dataset.period_blocks());
    // A period starts with a block's first month and ends with a block's last: months, or the quarters
    // or years the bundle is published by, so that a period picked here counts every record.
    let month_options = move |is_from: bool| {
        let blocks = blocks.clone();
        move || {
            let period = state.view.with(|(v, _)| v.period);
            let chosen = if is_from { period.from } else { period.to };
            let edge = |b: &Period| if is_from { b.from } else { b.to };
            // A period from a link that cuts a block (`period=2025-02..2025-11`) keeps its own month as
            // the selected option, so that the control shows what the map shows.
            let own = (!blocks.iter().any(|b| edge(b) == chosen)).then(|| {
                view! {
                    <option value=chosen.to_string() selected=true>
                        {format::month(chosen, lang.get())}
                    </option>
                }
            });
            let options = blocks
                .iter()
                .map(|b| {
                    let m = edge(b);
                    view! {
                        <option value=m.to_string() selected=m == chosen>
                            {format::step(*b, lang.get())}
                        </option>
                    }
                })
                .collect_view();
            (own, options)
        }
    };
    let set_month = move |is_from: bool, value: String| {
        let Ok(month) = value.parse::<Month>() else {
            return;
        };
        state.update(|v| {
            if is_from {
                v.period.from = month;
                v.period.to = v.period.to.max(month);
            } else {
                v.period.to = month;
                v.period.from = v.period.from.min(month);
            }
        });
    };

    let (from, to) = (format!("{id}-from"), format!("{id}-to"));
    view! {
        <div class="control">
            <label for=from.clone()>{t!(i18n, period_from)}</label>
            <select id=from disabled=crate::contexts::ready::inert() on:change=move |ev| set_month(true, event_target_value(&ev))>
                {month_options(true)}
            </select>
        </div>
        <div class="control">
            <label for=to.clone()>{t!(i18n, period_to)}</label>
            <select id=to disabled=crate::contexts::ready::inert() on:change=move |ev| set_month(false, event_target_value(&ev))>
                {month_options(false)}
            </select>
        </div>
    }
}
