//! `adal site`: raw files in, a finished static site out, with nothing else installed.
//!
//! 1. The raw files are published (`adal publish`'s anonymiser) into a staging folder inside the site's
//!    `data/`, so that a run that fails leaves the site as it was.
//! 2. The version the site published before, if another, moves to `data/versions/<id>/<version>/` and is
//!    listed in `datasets.json` ([`versions`]), so that links and embeds pinned to it keep their figures
//!    and the feeds gain an entry; the new bundle takes its place.
//! 3. The app's built files (`index.html`, `assets/`, `data/geo/`; [`app`]) are copied in; assets of
//!    the earlier build stay, so that a page opened before the upload finds its files.
//! 4. `adal validate`, `adal share` and `adal pages` run over the result: the cards, every page in three
//!    languages with its static charts drawn by `adal` itself, and the feeds.
//!
//! `--dry-run` stops after 1, in a temporary folder outside the site, and says what would change
//! ([`changes`]). `--strict` turns every warning into exit 1, before anything of the site changes. The
//! summary speaks `--lang`.

mod app;
mod changes;
mod init;
mod logo;
mod report;
mod versions;
mod words;

use std::fs;
use std::path::{Path, PathBuf};

use adal_core::labels::Lang;
use adal_publish::config::PublisherConfig;

use crate::cli::{PagesArgs, PublishArgs, ShareArgs, SiteArgs, SummaryLang, ValidateArgs};
use crate::{Failure, Outcome};

use words::Words;

impl SummaryLang {
    fn lang(self) -> Lang {
        match self {
            SummaryLang::Kk => Lang::Kk,
            SummaryLang::Ru => Lang::Ru,
            SummaryLang::En => Lang::En,
        }
    }
}

/// The staging folder of a run, inside the site's `data/` (renames from it stay on one file system).
const INCOMING: &str = ".incoming";

pub fn run(args: &SiteArgs) -> Result<Outcome, Failure> {
    if let Some(path) = &args.init {
        return init::write(path);
    }
    let say = Words::new(args.lang.lang());
    let (Some(audits), Some(complaints), Some(out)) = (&args.audits, &args.complaints, &args.out)
    else {
        return Err(Failure::Usage(
            "--audits, --complaints and --out are needed (or --init FILE)".to_owned(),
        ));
    };
    let (config, config_text) = read_config(args.config.as_deref())?;
    let logo = read_logo(&config, &config_text, args.config.as_deref())?;
    let version_given = config.dataset.version.is_some();
    let site_url = config.site.as_ref().and_then(|s| s.url.clone());
    let site_url = crate::previews::site_url(site_url.as_deref())?;
    let app = app::find(args.app.as_deref())?;
    let html_report = args
        .report
        .as_ref()
        .filter(|p| p.extension().is_some_and(|e| e == "html" || e == "htm"));
    if let Some(path) = &args.report
        && inside(path, out)
    {
        return Err(Failure::Usage(
            say.report_inside(&path.display().to_string()),
        ));
    }
    let data = out.join("data");
    let current = versions::current(&data)?;

    // 1. The bundle, staged: in the site's data/ for a real run, in a temporary folder for a dry one.
    let staging = if args.dry_run {
        std::env::temp_dir().join(format!("adal-site-{}", std::process::id()))
    } else {
        data.join(INCOMING)
    };
    let _ = fs::remove_dir_all(&staging);
    let publish_args = PublishArgs {
        audits: audits.clone(),
        complaints: complaints.clone(),
        findings: args.findings.clone(),
        out: staging.clone(),
        config: args.config.clone(),
        report: if html_report.is_some() {
            None
        } else {
            args.report.clone()
        },
        skip_invalid: args.skip_invalid,
        generated_at: args.generated_at.clone(),
    };
    let published = crate::publish::publish(
        &publish_args,
        |settings, date| {
            if !version_given {
                settings.dataset.version = date.to_owned();
            }
            if logo.is_some() {
                settings.publisher.logo = Some(LOGO.to_owned());
            }
        },
        false,
    );
    let published = match published {
        Ok(p) => p,
        Err(e) => {
            let _ = fs::remove_dir_all(&staging);
            return Err(e);
        }
    };
    let write_report = |warnings: &[String], counted: Option<&report::Counted>| match html_report {
        Some(path) => {
            let page = report::html(&published.report, warnings, counted, say.lang());
            fs::write(path, page)
                .map_err(|e| Failure::Io(format!("cannot write {}: {e}", path.display())))?;
            println!("{}", say.report_written(&path.display().to_string()));
            Ok(())
        }
        None => Ok::<(), Failure>(()),
    };
    if matches!(published.outcome, Outcome::Problems) {
        let _ = fs::remove_dir_all(&staging);
        write_report(&[], None)?;
        println!("{}", say.nothing_written());
        return Ok(Outcome::Problems);
    }
    if let Some(logo) = &logo {
        let path = staging.join(LOGO);
        fs::write(&path, logo)
            .map_err(|e| Failure::Io(format!("cannot write {}: {e}", path.display())))?;
    }
    let new = versions::open_bundle(&staging)?;
    for file in [&published.report.audits, &published.report.complaints] {
        println!("{}", say.file_counts(file));
    }
    let mut warnings = changes::warnings(&published.report, &new, &say);
    let id = published.settings.dataset.id.clone();
    let version = published.settings.dataset.version.clone();
    let replaced = current
        .as_ref()
        .filter(|c| c.id == id && c.version == version);
    if replaced.is_some() {
        warnings.push(say.same_version(&version));
    }
    let before = current.as_ref().and_then(|c| c.open(&data).ok());
    write_report(&warnings, Some(&changes::counted(&new, &say)))?;

    if args.dry_run {
        let _ = fs::remove_dir_all(&staging);
        println!("{}", say.dry_run());
        changes::print(before.as_ref(), &new, current.as_ref(), &say);
        return Ok(finish(&warnings, args.strict, &say));
    }
    // With --strict a warning stops the run before anything of the site changes.
    if args.strict && !warnings.is_empty() {
        let _ = fs::remove_dir_all(&staging);
        println!("{}", say.nothing_written());
        return Ok(finish(&warnings, true, &say));
    }

    // 2. The earlier version kept, the new one in place; 3. the app's files.
    let path = versions::put_in_place(&data, &staging, current.as_ref(), &published.settings)?;
    app::copy(&app, out)?;

    // 4. Checked, then the cards, the pages and the feeds.
    let bundle = data.join(&path);
    if matches!(
        crate::validate::run(&ValidateArgs {
            dir: bundle.clone()
        })?,
        Outcome::Problems
    ) {
        return Err(Failure::Io(say.invalid_bundle()));
    }
    crate::previews::run(&ShareArgs {
        bundle: data.clone(),
        out: out.join("r"),
        site_url: site_url.clone(),
    })?;
    crate::pages::run(&PagesArgs {
        site: out.clone(),
        site_url,
    })?;
    changes::print(before.as_ref(), &new, current.as_ref(), &say);
    println!("{}", say.written(&format!("{id}@{version}"), out));
    Ok(finish(&warnings, args.strict, &say))
}

/// Prints the warnings; with `--strict`, any of them fails the run.
fn finish(warnings: &[String], strict: bool, say: &Words) -> Outcome {
    for w in warnings {
        eprintln!("{}: {w}", say.warning());
    }
    if strict && !warnings.is_empty() {
        eprintln!("{}", say.strict_failed(warnings.len()));
        Outcome::Problems
    } else {
        Outcome::Done
    }
}

/// Whether `path` would be inside the folder `dir` (made or not yet).
fn inside(path: &Path, dir: &Path) -> bool {
    let absolute = |p: &Path| {
        std::path::absolute(p)
            .map(|a| {
                a.components()
                    .filter(|c| !matches!(c, std::path::Component::CurDir))
                    .collect::<PathBuf>()
            })
            .unwrap_or_else(|_| p.to_path_buf())
    };
    absolute(path).starts_with(absolute(dir))
}

/// The logo's file name beside the bundle.
const LOGO: &str = "logo.svg";

/// The config as written (to see what it leaves out) and its text, with the key and line of a mistake.
fn read_config(path: Option<&Path>) -> Result<(PublisherConfig, String), Failure> {
    let Some(path) = path else {
        return Ok((PublisherConfig::default(), String::new()));
    };
    let text = fs::read_to_string(path)
        .map_err(|e| Failure::Usage(format!("cannot read the config {}: {e}", path.display())))?;
    let config = toml::from_str(&text)
        .map_err(|e| Failure::Usage(format!("the config {} is not valid: {e}", path.display())))?;
    Ok((config, text))
}

/// `[site] logo`, read (relative to the config's folder) and checked ([`logo::check`]).
fn read_logo(
    config: &PublisherConfig,
    text: &str,
    config_path: Option<&Path>,
) -> Result<Option<String>, Failure> {
    let Some(given) = config.site.as_ref().and_then(|s| s.logo.as_deref()) else {
        return Ok(None);
    };
    let folder = config_path.and_then(Path::parent).unwrap_or(Path::new("."));
    let path = folder.join(given);
    let at = crate::publish::config_line(text, "site.logo")
        .map_or_else(String::new, |l| format!(" (line {l})"));
    let refuse = |why: String| {
        Failure::Usage(format!(
            "the config {}: site.logo{at}: {}: {why}",
            config_path.map_or_else(String::new, |p| p.display().to_string()),
            path.display()
        ))
    };
    let svg = fs::read_to_string(&path).map_err(|e| refuse(format!("cannot be read: {e}")))?;
    logo::check(&svg).map_err(refuse)?;
    Ok(Some(svg))
}
