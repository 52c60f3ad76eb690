//! The map's controls: metric, period (with a play button that steps through quarters), service and
//! channel filters, classing, and the map/table toggle. Every control writes the URL.

use adal_core::binning::Method;
use adal_core::contract::Term;
use adal_core::dataset::Grain;
use adal_core::format;
use leptos::prelude::*;

use super::period_picker::PeriodPicker;
use crate::components::trends::metric_picker::MetricPicker;
use crate::contexts::map_state::use_map_state;
use crate::contexts::view_state::{reduced_motion, use_view_state};
use crate::i18n::{t, t_string, use_i18n};

/// A filter over one of the manifest's lists: "all", or one term.
#[component]
fn TermSelect(
    id: &'static str,
    label: Signal<String>,
    all: Signal<String>,
    terms: Vec<Term>,
    current: Signal<Option<String>>,
    on_pick: impl Fn(Option<String>) + 'static,
) -> impl IntoView {
    let lang = use_view_state().lang;
    let options = move || {
        let chosen = current.get();
        terms
            .iter()
            .map(|t| {
                view! {
                    <option value=t.id.clone() selected=chosen.as_deref() == Some(t.id.as_str())>
                        {t.label.get(lang.get()).to_owned()}
                    </option>
                }
            })
            .collect_view()
    };
    view! {
        <div class="control">
            <label for=id>{label}</label>
            <select
                id=id
                disabled=crate::contexts::ready::inert()
                on:change=move |ev| {
                    let value = event_target_value(&ev);
                    on_pick((!value.is_empty()).then_some(value));
                }
            >
                <option value="" selected=move || current.with(Option::is_none)>
                    {all}
                </option>
                {options}
            </select>
        </div>
    }
}

/// The controls.
#[component]
pub fn MapControls() -> impl IntoView {
    let i18n = use_i18n();
    let state = use_map_state();
    let lang = use_view_state().lang;
    let (services, channels, grain) = state.loaded.with_value(|l| {
        let m = &l.dataset.manifest;
        (
            m.services.clone(),
            m.audit_channels.clone(),
            l.dataset.grain(),
        )
    });

    let blocks_note = move || {
        let unit = match grain {
            Grain::Month => return None,
            Grain::Quarter => t_string!(i18n, grain_quarters),
            Grain::Year => t_string!(i18n, grain_years),
        };
        Some(t_string!(i18n, period_whole, unit = unit).to_string())
    };
    // Play: step through the quarters; with reduced motion, one quarter per press.
    let reduced = use_view_state().reduced;
    let steps = state.loaded.with_value(|l| l.dataset.play_frames());
    let playing = RwSignal::new(false);
    let timer = StoredValue::new_local(None::<IntervalHandle>);
    // The quarter after the one shown, or the first quarter when the period shown is not a quarter.
    let next_quarter = {
        let steps = steps.clone();
        move || {
            let current = state.view.with_untracked(|(v, _)| v.period);
            let next = match steps.iter().position(|q| *q == current) {
                Some(i) => steps.get(i + 1).or_else(|| steps.first()),
                None => steps.first(),
            }
            .copied();
            if let Some(q) = next {
                state.update(|v| v.period = q);
            }
            next.is_some_and(|q| Some(q) != steps.last().copied())
        }
    };
    let stop = move || {
        playing.set(false);
        timer.update_value(|t| {
            if let Some(handle) = t.take() {
                handle.clear();
            }
        });
    };
    // Each frame played is said in a polite live region, once playing (or stepping) has begun.
    let stepped = RwSignal::new(false);
    let frame = move || {
        stepped.get().then(|| {
            let period = state.view.with(|(v, _)| v.period);
            t_string!(i18n, play_frame, period = format::step(period, lang.get())).to_string()
        })
    };
    let on_play = move |_| {
        stepped.set(true);
        if playing.get_untracked() {
            stop();
            return;
        }
        if reduced_motion() {
            next_quarter();
            return;
        }
        playing.set(true);
        next_quarter();
        let step = next_quarter.clone();
        let handle = set_interval_with_handle(
            move || {
                if !step() {
                    stop();
                }
            },
            std::time::Duration::from_millis(1500),
        )
        .ok();
        timer.set_value(handle);
    };
    on_cleanup(stop);

    let method_is = move |id: &'static str| state.view.with(|(v, _)| v.method.id() == id);
    let is_complaints = move || !state.view.with(|(v, _)| v.metric.from_visits());

    view! {
        <div class="map-controls">
            <MetricPicker id="map-metric" />
            <PeriodPicker id="map" />
            <div class="control control-button">
                <button type="button" class="play" disabled=crate::contexts::ready::inert() aria-pressed=move || playing.get().to_string() on:click=on_play>
                    {move || {
                        if playing.get() {
                            t_string!(i18n, pause).to_string()
                        } else if reduced.get() && grain == Grain::Year {
                            t_string!(i18n, next_year).to_string()
                        } else if reduced.get() {
                            t_string!(i18n, next_quarter).to_string()
                        } else if grain == Grain::Year {
                            t_string!(i18n, play_year).to_string()
                        } else {
                            t_string!(i18n, play).to_string()
                        }
                    }}
                </button>
                <p class="visually-hidden" aria-live="polite">{frame}</p>
            </div>
            <TermSelect
                id="map-service"
                label=Signal::derive(move || t_string!(i18n, service_label).to_string())
                all=Signal::derive(move || t_string!(i18n, all_services).to_string())
                terms=services
                current=Signal::derive(move || state.view.with(|(v, _)| v.service.clone()))
                on_pick=move |value| state.update(|v| v.service = value)
            />
            <TermSelect
                id="map-channel"
                label=Signal::derive(move || t_string!(i18n, channel_label).to_string())
                all=Signal::derive(move || t_string!(i18n, all_channels).to_string())
                terms=channels
                current=Signal::derive(move || state.view.with(|(v, _)| v.channel.clone()))
                on_pick=move |value| state.update(|v| v.channel = value)
            />
            <div class="control">
                <label for="map-classes">{t!(i18n, classes_label)}</label>
                <select
                    id="map-classes"
                    disabled=crate::contexts::ready::inert()
                    on:change=move |ev| {
                        let value = event_target_value(&ev);
                        state.update(|v| {
                            v.method = match value.as_str() {
                                "equal" => Method::EqualInterval,
                                "fixed" => v.method.clone(),
                                _ => Method::Quantile,
                            };
                        });
                    }
                >
                    <option value="quantile" selected=move || method_is("quantile")>
                        {t!(i18n, classes_quantile)}
                    </option>
                    <option value="equal" selected=move || method_is("equal")>
                        {t!(i18n, classes_equal)}
                    </option>
                    <Show when=move || method_is("fixed")>
                        <option value="fixed" selected=true>
                            {t!(i18n, classes_fixed)}
                        </option>
                    </Show>
                </select>
            </div>
            <div class="control control-button">
                <button
                    type="button"
                    class="table-toggle"
                    disabled=crate::contexts::ready::inert()
                    aria-pressed=move || state.show_table.get().to_string()
                    on:click=move |_| state.show_table.update(|t| *t = !*t)
                >
                    {move || {
                        if state.show_table.get() {
                            t_string!(i18n, show_map).to_string()
                        } else {
                            t_string!(i18n, show_table).to_string()
                        }
                    }}
                </button>
            </div>
        </div>
        {blocks_note().map(|note| view! { <p class="note period-note">{note}</p> })}
        <Show when=is_complaints>
            <p class="note">{t!(i18n, complaints_filters_note)}</p>
        </Show>
    }
}
