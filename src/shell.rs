//! The app shell: the skip link, the header, the main area and the footer around every page. The main
//! area shows the loading progress while the bundle loads, why it failed (with a retry) when it does,
//! and otherwise the page `view=` picks: the overview, a unit's page, the comparison, or the data and
//! method (an embed shows its one piece, without the shell's header and footer).

use std::sync::Arc;

use leptos::prelude::*;

use adal_core::labels::Lang;
use adal_core::pages::{self, PageKind};
use adal_core::view::{Key, ViewKind};

use crate::components::footer::site_footer::SiteFooter;
use crate::components::header::site_header::SiteHeader;
use crate::components::header::view_nav::ViewNav;
use crate::components::later::Later;
use crate::components::status::dataset_notice::DatasetNotice;
use crate::components::status::load_error::LoadErrorView;
use crate::components::status::loading_status::LoadingStatus;
use crate::contexts::dataset::{Loaded, use_dataset};
use crate::contexts::map_state::provide_map_state;
use crate::contexts::view_state::use_view_state;
use crate::i18n::{t, t_string, use_i18n};
use crate::pages::compare_page::ComparePage;
use crate::pages::data_page::DataPage;
use crate::pages::embed_page::EmbedPage;
use crate::pages::overview_page::OverviewPage;
use crate::pages::region_page::RegionPage;

/// The codes a `compare=` notice lists (comma-separated), each by its unit's name where the dataset has
/// it, in quotes: «Абай облысы», «KZ-99».
fn dropped_units(loaded: &Loaded, codes: &str, lang: Lang) -> String {
    codes
        .split(',')
        .map(|code| {
            let unit = loaded
                .dataset
                .manifest
                .regions
                .iter()
                .find(|r| r.code == code);
            format!("«{}»", unit.map_or(code, |r| r.name.get(lang)))
        })
        .collect::<Vec<_>>()
        .join(", ")
}

/// The page for a loaded dataset.
#[component]
fn LoadedView(loaded: Arc<Loaded>) -> impl IntoView {
    let i18n = use_i18n();
    let state = provide_map_state(loaded.clone());
    let page = Memo::new(move |_| state.view.with(|(v, _)| (v.kind, v.region.clone())));
    let lang = use_view_state().lang;
    let regions = loaded.clone();
    let notices = move || {
        state.view.with(|(_, notices)| {
            notices
                .iter()
                .map(|n| {
                    let (key, value) = (n.key, n.value().to_owned());
                    let regions = regions.clone();
                    let text = move || match key {
                        // The units the comparison leaves out, by name where they are known.
                        Key::Compare => {
                            let units = dropped_units(&regions, &value, lang.get());
                            t_string!(i18n, compare_dropped, units = units).to_string()
                        }
                        _ => {
                            t_string!(i18n, invalid_param, key = key.name(), value = value.clone())
                                .to_string()
                        }
                    };
                    view! { <p class="notice" role="status">{text}</p> }
                })
                .collect_view()
        })
    };
    // The document's title follows the view, as each pre-rendered page's does (adal_core::pages::title).
    let names = loaded.clone();
    Effect::new(move |_| {
        let (kind, region, embed) = state
            .view
            .with(|(v, _)| (v.kind, v.region.clone(), v.embed));
        let kind = match (embed, kind, region) {
            (Some(_), _, _) => PageKind::EmbedMap,
            (None, ViewKind::Region, Some(code)) => PageKind::Region(code),
            (None, ViewKind::Compare, _) => PageKind::Compare,
            (None, ViewKind::Data, _) => PageKind::Data,
            _ => PageKind::Overview,
        };
        let l = lang.get();
        let unit = match &kind {
            PageKind::Region(code) => names
                .dataset
                .manifest
                .regions
                .iter()
                .find(|r| r.code == *code),
            _ => None,
        };
        let title = pages::title(l, &kind, unit.map(|r| r.name.get(l)));
        document().set_title(&format!("{title} — Adal Atlas"));
    });
    // An embed is one piece and stays that piece: no navigation, and `embed=` does not change later.
    let embed = state.view.with_untracked(|(v, _)| v.embed);
    let notice = view! { <DatasetNotice loaded=loaded.clone() /> };
    let body = move || {
        if let Some(embed) = embed {
            return view! { <EmbedPage loaded=loaded.clone() embed /> }.into_any();
        }
        match page.get() {
            (ViewKind::Region, Some(code)) => {
                view! { <RegionPage loaded=loaded.clone() code /> }.into_any()
            }
            (ViewKind::Compare, _) => view! { <ComparePage /> }.into_any(),
            (ViewKind::Data, _) => view! { <DataPage loaded=loaded.clone() /> }.into_any(),
            _ => view! { <OverviewPage loaded=loaded.clone() /> }.into_any(),
        }
    };
    view! {
        {notice}
        {embed.is_none().then(|| view! { <ViewNav /> })}
        {notices}
        {body}
    }
}

/// The shell, around the page of the loaded dataset.
#[component]
pub fn AppShell() -> impl IntoView {
    let i18n = use_i18n();
    let data = use_dataset();
    let loaded = move || data.state.get().and_then(Result::ok);
    let embedded = use_view_state().embedded.get_untracked();
    let location = crate::contexts::location::use_location();
    view! {
        // The header and the footer are hydrated in tasks of their own (see `Later`).
        {(!embedded).then(|| view! {
            <Later>
                <a class="skip-link" href=move || location.fragment("main")>{t!(i18n, skip_to_content)}</a>
                <SiteHeader loaded=Signal::derive(loaded) />
            </Later>
        })}
        // `data-dataset`: the dataset shown, as the address asked for it (empty for the default one).
        <main
            id="main"
            tabindex="-1"
            class:embedded=embedded
            data-dataset=move || loaded().map(|l| l.requested.clone().unwrap_or_default())
        >
            {move || match data.state.get() {
                None => view! { <LoadingStatus /> }.into_any(),
                Some(Err(error)) => view! { <LoadErrorView error /> }.into_any(),
                Some(Ok(loaded)) => view! { <LoadedView loaded /> }.into_any(),
            }}
        </main>
        {(!embedded).then(|| view! { <Later><SiteFooter loaded=Signal::derive(loaded) /></Later> })}
    }
}
