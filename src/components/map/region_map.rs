//! The choropleth: one SVG path per unit, coloured by class, hatched where there are no data and dotted
//! where the sample is thin; Astana, Almaty and Shymkent also drawn as labelled symbols, whose targets
//! are at least 44 × 44 CSS px at any width.
//!
//! Keyboard: the map is one Tab stop (a roving tabindex); arrow keys move to the neighbouring unit in that
//! direction, Home and End to the first and the last unit; Enter or Space opens the unit's view. Every
//! unit has an accessible name with its value, interval and sample; the tooltip shows on hover, on the
//! first touch and on keyboard focus.

use adal_core::binning::class_colour;
use adal_core::geo::{Direction, neighbour};
use adal_core::regions::{RegionKind, by_code};
use leptos::prelude::*;
use wasm_bindgen::JsCast;

use super::{describe, metric_label};
use crate::contexts::map_state::use_map_state;
use crate::contexts::view_state::use_view_state;
use crate::i18n::{t_string, use_i18n};

const MISSING_FILL: &str = "url(#map-no-data)";

/// Moves keyboard focus to the unit `code`.
fn focus_unit(code: &str) {
    let selector = format!("[data-region=\"{code}\"]");
    crate::contexts::location::focus_selector(&selector);
}

/// The map.
#[component]
pub fn RegionMap() -> impl IntoView {
    let i18n = use_i18n();
    let state = use_map_state();
    let lang = use_view_state().lang;
    let geo = state.loaded.with_value(|l| l.geo.clone());
    let (width, height) = (geo.width, geo.height);
    let codes: Vec<String> = geo.units.iter().map(|u| u.code.clone()).collect();

    // The unit that holds the map's single Tab stop.
    let first = codes.first().cloned().unwrap_or_default();
    let active = RwSignal::new(
        state
            .view
            .with_untracked(|(v, _)| v.region.clone())
            .unwrap_or(first),
    );
    let touched = RwSignal::new(false);

    let fill_of = move |code: &str| {
        let metric = state.view.with(|(v, _)| v.metric);
        let value = state.figures.with(|f| {
            f.regions
                .iter()
                .find(|r| r.code == code)
                .and_then(|r| r.value)
        });
        match (value, state.classes.get()) {
            (Some(v), Some(classes)) => {
                class_colour(classes.class_of(v), classes.count(), metric.better())
            }
            _ => MISSING_FILL.to_owned(),
        }
    };
    let low_sample = move |code: &str| {
        state
            .figures
            .with(|f| f.regions.iter().any(|r| r.code == code && r.low_sample))
    };
    let label_of = move |code: &str| {
        let metric = state.view.with(|(v, _)| v.metric);
        state.figures.with(|f| {
            f.regions
                .iter()
                .find(|r| r.code == code)
                .map(|r| describe(i18n, &state, r, metric, lang.get()).accessible_name())
                .unwrap_or_default()
        })
    };
    let open = move |code: String| {
        state.hover.set(None);
        state.open_region(&code);
    };
    let centres = state.centres.get_value();
    let codes_for_keys = codes.clone();
    // The map's single Tab stop and the focus, onto the unit `code`.
    let move_to = move |code: Option<&String>| {
        if let Some(code) = code {
            active.set(code.clone());
            focus_unit(code);
        }
    };
    let on_key = move |code: String, ev: web_sys::KeyboardEvent| {
        let key = ev.key();
        if let Some(direction) = Direction::from_key(&key) {
            ev.prevent_default();
            let from = codes_for_keys.iter().position(|c| *c == code);
            let next = from.and_then(|i| neighbour(&centres, i, direction));
            move_to(next.and_then(|i| codes_for_keys.get(i)));
        } else if key == "Home" || key == "End" {
            // The first or the last unit, instead of scrolling the page.
            ev.prevent_default();
            move_to(if key == "Home" {
                codes_for_keys.first()
            } else {
                codes_for_keys.last()
            });
        } else if key == "Enter" || key == " " {
            ev.prevent_default();
            open(code);
        } else if key == "Escape" {
            state.hover.set(None);
        }
    };

    // One path per unit, with what changes (tab stop, name, colour); the events are the frame's, below,
    // so that hydrating the map attaches six listeners instead of seven per unit.
    let paths: Vec<(String, String)> = geo
        .units
        .iter()
        .map(|u| (u.code.clone(), u.path()))
        .collect();
    let is_city = |code: &str| by_code(code).is_some_and(|r| r.kind == RegionKind::City);
    let units = paths
        .iter()
        .map(|(code, d)| {
            let code = code.clone();
            let c3 = code.clone();
            // A city's own shape is a few pixels across: its target is its symbol, below.
            if is_city(&code) {
                return view! {
                    <path class="unit unit-city" d=d.clone() data-unit=code fill=move || fill_of(&c3)></path>
                }
                .into_any();
            }
            let (c1, c2) = (code.clone(), code.clone());
            view! {
                <path
                    class="unit"
                    d=d.clone()
                    data-unit=code.clone()
                    data-region=code
                    role="button"
                    tabindex=move || if active.get() == c1 { "0" } else { "-1" }
                    aria-label=move || label_of(&c2)
                    fill=move || fill_of(&c3)
                ></path>
            }
            .into_any()
        })
        .collect_view();
    // The dots over the units with thin samples, drawn over every unit.
    let thin = move || {
        paths
            .iter()
            .filter(|(code, _)| low_sample(code))
            .map(|(code, d)| {
                view! {
                    <path class="unit-low-sample" d=d.clone() data-low-sample=code.clone() aria-hidden="true"></path>
                }
            })
            .collect_view()
    };
    // The unit an event happened on.
    let unit_of = |ev: &web_sys::Event| -> Option<String> {
        let target: web_sys::Element = ev.target()?.dyn_into().ok()?;
        target
            .closest("[data-region]")
            .ok()??
            .get_attribute("data-region")
    };
    let on_focus = move |ev: web_sys::FocusEvent| {
        if let Some(code) = unit_of(&ev) {
            active.set(code.clone());
            state.hover.set(Some(code));
        }
    };
    let on_over = move |ev: web_sys::PointerEvent| {
        if let Some(code) = unit_of(&ev) {
            touched.set(ev.pointer_type() == "touch");
            if state.hover.get_untracked().as_deref() != Some(code.as_str()) {
                state.hover.set(Some(code));
            }
        }
    };
    // Leaving the units, not moving from one to the next.
    let on_out = move |ev: web_sys::PointerEvent| {
        let into_unit = ev
            .related_target()
            .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
            .is_some_and(|e| e.closest("[data-region]").ok().flatten().is_some());
        if !into_unit {
            state.hover.set(None);
        }
    };
    let on_click = move |ev: web_sys::MouseEvent| {
        if let Some(code) = unit_of(&ev) {
            if touched.get_untracked()
                && state.hover.get_untracked().as_deref() != Some(code.as_str())
            {
                state.hover.set(Some(code));
            } else {
                open(code);
            }
        }
    };
    let on_keydown = move |ev: web_sys::KeyboardEvent| {
        if let Some(code) = unit_of(&ev) {
            on_key(code, ev);
        }
    };

    // Cities of republican significance, too small at national scale: a symbol at their centre in the
    // drawing (what downloads keep), and over it a labelled target of at least 44 × 44 CSS px at any
    // width, which is the city's unit on the map (its `data-region`, name, tab stop and events).
    let cities: Vec<_> = geo
        .units
        .iter()
        .filter(|u| is_city(&u.code))
        .map(|u| (u.code.clone(), u.centre()))
        .collect();
    let symbols = cities
        .iter()
        .map(|(code, centre)| {
            let c = code.clone();
            view! {
                <g class="city-symbol" data-symbol=code.clone() aria-hidden="true">
                    // A light halo and a dark ring around the class colour: seen on any fill, in both themes.
                    <circle class="city-halo" cx=centre.x cy=centre.y r="11"></circle>
                    <circle class="city-dot" cx=centre.x cy=centre.y r="8" fill=move || fill_of(&c)></circle>
                </g>
            }
        })
        .collect_view();
    let pins = cities
        .iter()
        .map(|(code, centre)| {
            let (c1, c2, c3) = (code.clone(), code.clone(), code.clone());
            let left = 100.0 * centre.x / f64::from(width);
            let top = 100.0 * centre.y / f64::from(height);
            // The dot's colour: the class's, or the surface where there are no data (the hatching is
            // the drawing's).
            let colour = move || {
                let fill = fill_of(&c3);
                let fill = if fill == MISSING_FILL {
                    "var(--surface)".to_owned()
                } else {
                    fill
                };
                format!("background: {fill}")
            };
            let name = move || {
                by_code(&c1)
                    .map(|r| r.centre.get(lang.get()).to_owned())
                    .unwrap_or_default()
            };
            let c4 = code.clone();
            view! {
                <span
                    class="city-pin"
                    data-region=code.clone()
                    role="button"
                    tabindex=move || if active.get() == c4 { "0" } else { "-1" }
                    aria-label=move || label_of(&c2)
                    style=format!("left: {left:.2}%; top: {top:.2}%;")
                >
                    <span class="pin-dot" style=colour aria-hidden="true"></span>
                    <span class="pin-name" aria-hidden="true">{name}</span>
                </span>
            }
        })
        .collect_view();

    let centres = state.centres.get_value();
    let codes_for_tip = codes.clone();
    let tooltip = move || {
        let code = state.hover.get()?;
        let i = codes_for_tip.iter().position(|c| *c == code)?;
        let centre = centres[i];
        let metric = state.view.with(|(v, _)| v.metric);
        let figure = state
            .figures
            .with(|f| f.regions.iter().find(|r| r.code == code).cloned())?;
        let d = describe(i18n, &state, &figure, metric, lang.get());
        let left = 100.0 * centre.x / f64::from(width);
        let top = 100.0 * centre.y / f64::from(height);
        let flip = if left > 60.0 { " tooltip-left" } else { "" };
        Some(view! {
            <div
                class=format!("map-tooltip{flip}")
                role="tooltip"
                id="map-tooltip"
                style=format!("left: {left:.2}%; top: {top:.2}%;")
            >
                <p class="tooltip-name">{d.name}</p>
                <p class="tooltip-value">{d.value}</p>
                {d.interval.map(|t| view! { <p>{t}</p> })}
                <p>{d.sample}</p>
                {d.rank.map(|t| view! { <p>{t}</p> })}
                {d.change.map(|t| view! { <p>{t}</p> })}
                {d.caution.map(|t| view! { <p class="tooltip-caution">{t}</p> })}
            </div>
        })
    };

    let title = move || {
        let metric = state.view.with(|(v, _)| v.metric);
        let period = state.view.with(|(v, _)| v.period);
        let lang = lang.get();
        t_string!(
            i18n,
            map_label,
            metric = metric_label(&state, metric, lang),
            period = adal_core::format::period(period, lang)
        )
        .to_string()
    };
    view! {
        <div
            class="map-frame"
            on:focusin=on_focus
            on:focusout=move |_| state.hover.set(None)
            on:pointerover=on_over
            on:pointerout=on_out
            on:click=on_click
            on:keydown=on_keydown
        >
            <div class="map-canvas">
            <svg
                class="region-map"
                viewBox=format!("0 0 {width} {height}")
                role="group"
                aria-label=title
                aria-describedby="map-summary"
            >
                <defs>
                    <pattern id="map-no-data" patternUnits="userSpaceOnUse" width="8" height="8" patternTransform="rotate(45)">
                        <rect width="8" height="8" class="hatch-bg"></rect>
                        <line x1="0" y1="0" x2="0" y2="8" class="hatch-line"></line>
                    </pattern>
                    <pattern id="map-low-sample" patternUnits="userSpaceOnUse" width="9" height="9">
                        <circle cx="4.5" cy="4.5" r="1.8" class="dot-halo"></circle>
                        <circle cx="4.5" cy="4.5" r="1.1" class="dot"></circle>
                    </pattern>
                </defs>
                <g class="units">{units}</g>
                <g class="low-samples">{thin}</g>
                <g class="cities">{symbols}</g>
            </svg>
            <div class="city-pins">{pins}</div>
            </div>
            {tooltip}
        </div>
    }
}
