//! The command line: `adal publish`, `validate`, `demo`, `schema`, `share`, `pages`, `site` and `serve`.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand};

/// Adal Atlas publisher: turns raw mystery-shopper audits and corruption complaints into an anonymised
/// static bundle for the web app.
#[derive(Debug, Parser)]
#[command(name = "adal", version, about)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Read raw audits.csv and complaints.csv, anonymise them and write the bundle.
    Publish(PublishArgs),
    /// Check a published bundle: schema version, checksums, columns, references and anonymity.
    Validate(ValidateArgs),
    /// Write realistic synthetic raw files (with fake personal data) for demonstrations and tests.
    Demo(DemoArgs),
    /// Write the JSON Schemas of the bundle files and the report.
    Schema(SchemaArgs),
    /// Write, for each unit and language, a preview page with Open Graph and Twitter tags and a 1200×630
    /// PNG card, for links shared on social networks (which do not run the app).
    Share(ShareArgs),
    /// Write the site's pages as static HTML with their content, in every language, from the default
    /// bundle of `SITE/data`: run after every publication (no rebuild of the app is needed).
    Pages(PagesArgs),
    /// Raw files in, a finished static site out: the anonymised bundle (earlier versions kept for pinned
    /// links), the app's files, every page in three languages with its static charts, the cards, the
    /// feeds and datasets.json. Needs no other program and no network.
    Site(SiteArgs),
    /// Serve a site folder on 127.0.0.1 as a plain static host would (gzip, deep links, a sub-path), to
    /// preview it before it is uploaded. Not for the web.
    Serve(ServeArgs),
}

#[derive(Debug, Args)]
pub struct SiteArgs {
    /// Write a commented example config to this file and stop.
    #[arg(long, value_name = "atlas.toml", conflicts_with_all = ["audits", "complaints", "out"])]
    pub init: Option<PathBuf>,
    /// The raw visits file (CSV).
    #[arg(long, value_name = "A.csv", required_unless_present = "init")]
    pub audits: Option<PathBuf>,
    /// The raw complaints file (CSV).
    #[arg(long, value_name = "C.csv", required_unless_present = "init")]
    pub complaints: Option<PathBuf>,
    /// The raw recommendations given after the audits, with their state (CSV; optional).
    #[arg(long, value_name = "F.csv", conflicts_with = "init")]
    pub findings: Option<PathBuf>,
    /// The config (TOML): the publisher, the programme, the licence, k, the lists, `[site] url`.
    /// `adal site --init atlas.toml` writes a commented example.
    #[arg(long, value_name = "atlas.toml")]
    pub config: Option<PathBuf>,
    /// The site folder, created if missing. Run again over the same folder with newer raw files: the
    /// earlier version is kept for the links and embeds pinned to it.
    #[arg(long, value_name = "DIR", required_unless_present = "init")]
    pub out: Option<PathBuf>,
    /// The app's built files (index.html, assets/, data/geo/). Default: `share/adal-atlas/app` beside
    /// the folder of the `adal` program, as the release archive has it.
    #[arg(long, value_name = "DIR")]
    pub app: Option<PathBuf>,
    /// Say what would change (figures that move most, units that become thin) without writing.
    #[arg(long)]
    pub dry_run: bool,
    /// Fail (exit 1) on any warning: rows skipped, unknown columns, suppressed visits or totals, thin
    /// units, a version published again. For CI.
    #[arg(long)]
    pub strict: bool,
    /// Publish the valid rows even when some rows are invalid (a warning; with --strict, a failure).
    #[arg(long)]
    pub skip_invalid: bool,
    /// The language of the summary on the terminal: kk, ru or en.
    #[arg(long, value_enum, default_value_t = SummaryLang::En)]
    pub lang: SummaryLang,
    /// Also write the publication report (JSON) here: outside the site folder, it is for the publisher.
    #[arg(long, value_name = "R.json")]
    pub report: Option<PathBuf>,
    /// The publication's date (YYYY-MM-DD), and its version where the config gives none. Default:
    /// SOURCE_DATE_EPOCH if set, else today (UTC).
    #[arg(long, value_name = "YYYY-MM-DD")]
    pub generated_at: Option<String>,
}

/// A language of the terminal's summary.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum SummaryLang {
    /// Қазақша.
    Kk,
    /// Русский.
    Ru,
    /// English.
    En,
}

#[derive(Debug, Args)]
pub struct ServeArgs {
    /// The site folder.
    pub dir: PathBuf,
    /// The port on 127.0.0.1 (0: any free one).
    #[arg(long, default_value_t = 8000)]
    pub port: u16,
    /// Serve the site under this sub-path, as a host that puts it at `/atlas/` would.
    #[arg(long, value_name = "/PATH/", default_value = "/")]
    pub base: String,
}

#[derive(Debug, Args)]
pub struct PagesArgs {
    /// The site folder (the built app, `dist/`), holding `data/datasets.json` and its bundles.
    #[arg(long, value_name = "DIR")]
    pub site: PathBuf,
    /// The site's absolute address, ending in `/`: canonical and Open Graph addresses are then absolute;
    /// without it they are relative to the site's root.
    #[arg(long, value_name = "URL")]
    pub site_url: Option<String>,
}

#[derive(Debug, Args)]
pub struct ShareArgs {
    /// The bundle folder (holding manifest.json and geo/kz-regions.json).
    #[arg(long, value_name = "DIR")]
    pub bundle: PathBuf,
    /// The folder to write `<code>/index.html`, `<code>/ru.html`, `<code>/en.html` and the cards to.
    #[arg(long, value_name = "DIR")]
    pub out: PathBuf,
    /// The app's absolute address, ending in `/` (Open Graph wants absolute image addresses); without it
    /// the pages use addresses relative to themselves.
    #[arg(long, value_name = "URL")]
    pub site_url: Option<String>,
}

#[derive(Debug, Args)]
pub struct PublishArgs {
    /// The raw visits file (CSV).
    #[arg(long, value_name = "A.csv")]
    pub audits: PathBuf,
    /// The raw complaints file (CSV).
    #[arg(long, value_name = "C.csv")]
    pub complaints: PathBuf,
    /// The raw recommendations given after the audits, with their state (CSV; optional).
    #[arg(long, value_name = "F.csv")]
    pub findings: Option<PathBuf>,
    /// The folder to write the bundle to (created if missing).
    #[arg(long, value_name = "DIR")]
    pub out: PathBuf,
    /// The publisher's config file (TOML): dataset, publisher, licence, k, lists.
    #[arg(long, value_name = "F")]
    pub config: Option<PathBuf>,
    /// Write a JSON report of what happened to every row.
    #[arg(long, value_name = "R.json")]
    pub report: Option<PathBuf>,
    /// Publish the valid rows even when some rows are invalid (they are listed in the report).
    #[arg(long)]
    pub skip_invalid: bool,
    /// The generation date written to the manifest (YYYY-MM-DD). Default: SOURCE_DATE_EPOCH if set,
    /// else today (UTC).
    #[arg(long, value_name = "YYYY-MM-DD")]
    pub generated_at: Option<String>,
}

#[derive(Debug, Args)]
pub struct ValidateArgs {
    /// The bundle folder (holding manifest.json).
    pub dir: PathBuf,
}

#[derive(Debug, Args)]
pub struct DemoArgs {
    /// Seed of the random generator: the same seed gives the same files.
    #[arg(long, default_value_t = 42)]
    pub seed: u64,
    /// The folder to write audits.csv and complaints.csv to.
    #[arg(long, value_name = "DIR")]
    pub out: PathBuf,
    /// How the programme samples: `waves` (each unit audited in one month a quarter, four focus services
    /// per wave; 16,000 visits and 60,000 complaints by default) or `thin` (a thin, flat programme:
    /// visits in every month, over every service and channel; 6,000 visits and 9,000 complaints).
    #[arg(long, value_enum, default_value_t = DemoProfile::Waves)]
    pub profile: DemoProfile,
    /// Number of visits (default: the profile's).
    #[arg(long)]
    pub visits: Option<u64>,
    /// Number of complaints (default: the profile's).
    #[arg(long)]
    pub complaints: Option<u64>,
    /// The last day of data (YYYY-MM-DD). Default: today (UTC). Data start in January 2023.
    #[arg(long, value_name = "YYYY-MM-DD")]
    pub until: Option<String>,
}

/// The sampling profile of `adal demo`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum DemoProfile {
    /// Audits in waves with focus services: a well-fed programme.
    Waves,
    /// A thin programme spread evenly over months, services and channels.
    Thin,
}

impl DemoProfile {
    /// The default numbers of visits and complaints.
    pub fn sizes(self) -> (u64, u64) {
        match self {
            DemoProfile::Waves => (16_000, 60_000),
            DemoProfile::Thin => (6_000, 9_000),
        }
    }
}

#[derive(Debug, Args)]
pub struct SchemaArgs {
    /// The folder to write the schemas to.
    #[arg(long, value_name = "DIR", default_value = "public/schema")]
    pub out: PathBuf,
}
