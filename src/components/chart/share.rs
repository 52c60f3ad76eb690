//! Sharing: «Share» gives the link to the view, «Embed» on a chart or the map gives an `<iframe>` snippet;
//! both in a dialog to copy them from (see [`open`]).

use adal_core::view::{EmbedKind, embed_query, full_view_query};
use js_sys::{Object, Reflect};
use leptos::prelude::*;

use super::export;
use crate::contexts::view_state::use_view_state;
use crate::i18n::{t, t_string, use_i18n};

/// What the dialog offers.
#[derive(Clone, Debug, PartialEq)]
pub enum Offer {
    /// The link to the view.
    Link(String),
    /// The snippet of an embed.
    Embed(String),
}

/// The page's address without query or fragment: the base of the links given out.
fn page_address() -> String {
    let href = window().location().href().unwrap_or_default();
    href.split(['?', '#']).next().unwrap_or_default().to_owned()
}

/// The link to the view `search`, with the link format's version.
pub fn link_to(search: &str) -> String {
    let query = adal_core::query::with_param(
        &full_view_query(search),
        "v",
        Some(adal_core::view::LINK_VERSION),
    );
    format!("{}{query}", page_address())
}

/// `text` safe inside a double-quoted HTML attribute.
fn attribute(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('"', "&quot;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

/// The snippet that embeds `kind` of the view `search`, titled `title`: a full-width, borderless, lazily
/// loaded frame of a height that shows the whole piece, and a script that fits the frame to the height the
/// embedded page reports (messages are matched to the frame by its name and window).
pub fn embed_snippet(search: &str, kind: EmbedKind, title: &str) -> String {
    let src = format!("{}{}", page_address(), embed_query(search, kind));
    let id = format!(
        "adal-atlas-{}-{}",
        kind.id(),
        (js_sys::Math::random() * 1e9) as u32
    );
    let height = kind.height();
    format!(
        "<iframe src=\"{src}\" name=\"{id}\" title=\"{title}\" width=\"100%\" height=\"{height}\" \
         style=\"width:100%;max-width:100%;height:{height}px;border:0\" loading=\"lazy\"></iframe>\n\
         <script>addEventListener(\"message\",function(e){{var d=e.data&&e.data[\"adal-atlas-height\"];\
         if(d)for(var k in d){{var f=document.getElementsByName(k)[0];\
         if(f&&f.contentWindow===e.source)f.style.height=d[k]+\"px\"}}}})</script>",
        src = attribute(&src),
        title = attribute(title),
    )
}

/// Opens the dialog with `offer`, its words in the reader's language. The dialog is drawn by the helper
/// script that also makes the downloads (`js/adal-export.js`, loaded on first use): a modal `<dialog>`
/// with the text selected in a read-only box, «Copy» (Clipboard API; where it is refused the text stays
/// selected and the dialog says to press Ctrl+C), «Share…» for a link where the Web Share API exists, and
/// «Close» (Escape too); focus returns to the button that opened it.
pub fn open(offer: Offer) {
    let i18n = use_i18n();
    let (link, text) = match offer {
        Offer::Link(t) => (true, t),
        Offer::Embed(t) => (false, t),
    };
    let words = Object::new();
    let set = |key: &str, value: &str| {
        let _ = Reflect::set(&words, &key.into(), &value.into());
    };
    if link {
        set("title", t_string!(i18n, share_title));
        set("hint", t_string!(i18n, share_hint));
        set("share", t_string!(i18n, share_native));
    } else {
        set("title", t_string!(i18n, embed_title));
        set("hint", t_string!(i18n, embed_hint));
    }
    set("text", &text);
    set("copy", t_string!(i18n, copy));
    set("copied", t_string!(i18n, copied));
    set("manual", t_string!(i18n, copy_manually));
    set("close", t_string!(i18n, close));
    leptos::task::spawn_local(async move {
        let _ = export::call("dialog", &words).await;
    });
}

/// «Share»: opens the dialog with the link to the current view.
#[component]
pub fn ShareButton() -> impl IntoView {
    let i18n = use_i18n();
    let search = use_view_state().search;
    let open = move |_| open(Offer::Link(link_to(&search.get_untracked())));
    view! {
        <button type="button" class="share-button" on:click=open>
            {t!(i18n, share)}
        </button>
    }
}
