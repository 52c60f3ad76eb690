//! Sharing: «Share» gives the link to the view, «Embed» on a chart or the map gives an `<iframe>` snippet;
//! both in a dialog to copy them from (see [`open`]).

use adal_core::view::{EmbedKind, embed_query, link_query};

use crate::contexts::location::{Location, use_location};
use js_sys::{Object, Reflect};
use leptos::prelude::*;
use wasm_bindgen::JsValue;

use super::export;
use crate::contexts::view_state::use_view_state;
use crate::i18n::{t, t_string, use_i18n};

/// What the dialog offers.
#[derive(Clone, Debug, PartialEq)]
pub enum Offer {
    /// The link to the view.
    Link(String),
    /// An embed: the frame's address, its title and its height before it reports its own.
    Embed {
        /// The embed's address.
        src: String,
        /// Which piece (names the frame).
        kind: EmbedKind,
        /// The frame's title.
        title: String,
    },
}

/// The absolute address of the view `search`: the site's root (`<base href>`) and the view's page
/// ([`Location::href`](crate::contexts::location::Location::href)).
fn address(location: Location, search: &str) -> String {
    let root = document().base_uri().ok().flatten().unwrap_or_default();
    let root = root.split(['?', '#']).next().unwrap_or_default();
    let href = location.href(search);
    format!("{root}{}", href.trim_start_matches("./"))
}

/// The link to the view `search`, with the link format's version.
pub fn link_to(location: Location, search: &str) -> String {
    address(location, &link_query(search))
}

/// The embed of `kind` made from the view `search`, titled `title`, its dataset pinned to the version
/// shown. The helper writes the snippet: a full-width, borderless, lazily loaded frame of a height that
/// shows the whole piece (`EmbedKind::height`), and a script that fits the frame to the height the
/// embedded page reports (messages are matched to the frame by its name and window).
pub fn embed_offer(search: &str, kind: EmbedKind, title: String) -> Offer {
    let pin = use_context::<crate::contexts::map_state::MapState>()
        .map(|state| state.loaded.with_value(|l| l.pin()));
    let src = address(
        use_location(),
        &embed_query(search, kind, &pin.unwrap_or_default()),
    );
    Offer::Embed { src, kind, title }
}

/// Opens the dialog with `offer`, its words in the reader's language. The dialog is drawn by the helper
/// script that also makes the downloads (`js/adal-export.js`, loaded on first use): a modal `<dialog>`
/// with the text selected in a read-only box, «Copy» (Clipboard API; where it is refused the text stays
/// selected and the dialog says to press Ctrl+C), «Share…» for a link where the Web Share API exists, and
/// «Close» (Escape too); focus returns to the button that opened it.
pub fn open(offer: Offer) {
    let i18n = use_i18n();
    let words = Object::new();
    let set = |key: &str, value: &JsValue| {
        let _ = Reflect::set(&words, &key.into(), value);
    };
    match offer {
        Offer::Link(text) => {
            set("title", &t_string!(i18n, share_title).into());
            set("hint", &t_string!(i18n, share_hint).into());
            set("share", &t_string!(i18n, share_native).into());
            set("text", &text.into());
        }
        Offer::Embed { src, kind, title } => {
            set("title", &t_string!(i18n, embed_title).into());
            set("hint", &t_string!(i18n, embed_hint).into());
            let embed = Object::new();
            let _ = Reflect::set(&embed, &"src".into(), &src.into());
            let _ = Reflect::set(&embed, &"kind".into(), &kind.id().into());
            let _ = Reflect::set(&embed, &"title".into(), &title.into());
            let _ = Reflect::set(&embed, &"height".into(), &kind.height().into());
            set("embed", &embed);
        }
    }
    set("copy", &t_string!(i18n, copy).into());
    set("copied", &t_string!(i18n, copied).into());
    set("manual", &t_string!(i18n, copy_manually).into());
    set("close", &t_string!(i18n, close).into());
    export::run("dialog", js_sys::Array::of1(&words));
}

/// «Share»: opens the dialog with the link to the current view.
#[component]
pub fn ShareButton() -> impl IntoView {
    let i18n = use_i18n();
    let search = use_view_state().search;
    let location = use_location();
    let open = move |_| open(Offer::Link(link_to(location, &search.get_untracked())));
    view! {
        <button type="button" class="share-button" disabled=crate::contexts::ready::inert() on:click=open>
            {t!(i18n, share)}
        </button>
    }
}
