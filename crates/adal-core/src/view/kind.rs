//! Which page a view shows ([`ViewKind`]) and which figure an embed shows ([`EmbedKind`]).

/// Which page is shown (`view=`). Without `view=`, a link with `region=` opens that unit's page, so that
/// the short `?region=KZ-11` keeps working.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ViewKind {
    /// The map, the ranking and the national figures.
    Overview,
    /// One unit's page (needs `region=`).
    Region,
    /// Up to [`MAX_COMPARE`] units side by side, and the scatter of all units.
    Compare,
    /// What the metrics mean, how the data were anonymised, sources.
    Data,
}

impl ViewKind {
    /// The id used in links.
    pub fn id(self) -> &'static str {
        match self {
            ViewKind::Overview => "overview",
            ViewKind::Region => "region",
            ViewKind::Compare => "compare",
            ViewKind::Data => "data",
        }
    }

    pub(crate) fn parse(id: &str) -> Option<ViewKind> {
        [
            ViewKind::Overview,
            ViewKind::Region,
            ViewKind::Compare,
            ViewKind::Data,
        ]
        .into_iter()
        .find(|v| v.id() == id)
    }
}

/// `embed=`: one piece of a view alone, sized to an `<iframe>` in someone else's page.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum EmbedKind {
    /// The map with its legend.
    Map,
    /// The trend of `region=` (or of the country) against the country.
    Trend,
    /// The ranking of the units.
    Ranking,
    /// The trends of the units in `compare=`.
    Compare,
    /// Service quality against complaints, every unit.
    Scatter,
    /// The key figures of `region=` (or of the country).
    Figures,
    /// The breakdown by service of `region=`.
    Services,
    /// Complaints by category in `region=`.
    Complaints,
    /// What came of the reports of `region=` (or of the country).
    Outcomes,
}

impl EmbedKind {
    /// Every kind.
    pub const ALL: [EmbedKind; 9] = [
        EmbedKind::Map,
        EmbedKind::Trend,
        EmbedKind::Ranking,
        EmbedKind::Compare,
        EmbedKind::Scatter,
        EmbedKind::Figures,
        EmbedKind::Services,
        EmbedKind::Complaints,
        EmbedKind::Outcomes,
    ];

    /// The id used in links.
    pub fn id(self) -> &'static str {
        match self {
            EmbedKind::Map => "map",
            EmbedKind::Trend => "trend",
            EmbedKind::Ranking => "ranking",
            EmbedKind::Compare => "compare",
            EmbedKind::Scatter => "scatter",
            EmbedKind::Figures => "figures",
            EmbedKind::Services => "services",
            EmbedKind::Complaints => "complaints",
            EmbedKind::Outcomes => "outcomes",
        }
    }

    /// The kind with this id.
    pub fn parse(id: &str) -> Option<EmbedKind> {
        EmbedKind::ALL.into_iter().find(|k| k.id() == id)
    }

    /// The frame's height in CSS pixels before the embedded page reports its own: enough for the whole
    /// piece in an article column 640 px wide or wider (measured there, with some room), so that the
    /// snippet works without its script too. Narrower frames need the script.
    pub fn height(self) -> u32 {
        match self {
            EmbedKind::Map => 700,
            // The trend's note on what the key figures compare made it 884 px at 640 px wide.
            EmbedKind::Trend | EmbedKind::Compare => 960,
            EmbedKind::Complaints => 880,
            // The reports' funnel and the recommendations after the audits: 1,937 px.
            EmbedKind::Outcomes => 2000,
            EmbedKind::Ranking | EmbedKind::Scatter => 1040,
            // With the demonstration label (shown in every embed of demonstration data) it was 1,046 px.
            EmbedKind::Services => 1080,
            EmbedKind::Figures => 1280,
        }
    }
}
