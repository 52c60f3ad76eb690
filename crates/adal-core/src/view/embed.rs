//! Embeds: the view an embed shows ([`Embed`]) and the addresses that embed it or link it.

use super::keys::{Key, value, with};
use super::kind::EmbedKind;
use super::notice::Notice;

/// An embed: which piece, and its flags.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Embed {
    /// The piece.
    pub kind: EmbedKind,
    /// `plain=1`: no title and no source line.
    pub plain: bool,
    /// `static=1`: no interaction.
    pub still: bool,
}

/// The keys only an embed has; a link to the full view leaves them out.
const EMBED_KEYS: [Key; 3] = [Key::Embed, Key::Plain, Key::Static];

/// The query string of the full view an embed shows a piece of: `search` without the embed's parameters.
pub fn full_view_query(search: &str) -> String {
    EMBED_KEYS
        .iter()
        .fold(search.to_owned(), |s, key| with(&s, *key, None))
}

/// Reads `embed=` with its flags.
pub fn read_embed(search: &str, notices: &mut Vec<Notice>) -> Option<Embed> {
    let v = value(search, Key::Embed)?;
    let Some(kind) = EmbedKind::parse(&v) else {
        notices.push(Notice::new(Key::Embed, &v));
        return None;
    };
    Some(Embed {
        kind,
        plain: value(search, Key::Plain).as_deref() == Some("1"),
        still: value(search, Key::Static).as_deref() == Some("1"),
    })
}

/// The query string of the embed of `kind` made from the view `search`: the view's parameters (language,
/// metric, period, filters, units, theme) kept, `view=` dropped (the embed picks the piece), the dataset
/// pinned to `pin` (`<id>@<version>`, so that the embed keeps its figures when newer data are published)
/// and the link format's version written, so that the embed keeps opening the same piece.
pub fn embed_query(search: &str, kind: EmbedKind, pin: &str) -> String {
    let s = with(&full_view_query(search), Key::View, None);
    let s = with(&s, Key::Dataset, Some(pin));
    with(&link_query(&s), Key::Embed, Some(kind.id()))
}

/// The query string of a link given out for the view `search` (Share, the embeds): the full view, with
/// the link format's version written.
pub fn link_query(search: &str) -> String {
    with(&full_view_query(search), Key::Version, Some(LINK_VERSION))
}

/// The version of the link format, written as `v=` into the links people copy and share. A link without
/// `v=` is read as this version; when the parameters change meaning, a new version number keeps old links
/// opening the view they were made for.
pub const LINK_VERSION: &str = "1";
