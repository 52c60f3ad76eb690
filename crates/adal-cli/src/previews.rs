//! `adal share --bundle DIR --out DIR`: the preview pages and cards of every unit, in every language
//! (`adal_publish::previews`), the cards rasterised with resvg.

use std::fs;
use std::path::Path;

use adal_core::dataset::{Dataset, GEO_FILE, parse_geo};
use adal_core::labels::Lang;
use adal_publish::previews::{
    CARD_HEIGHT, CARD_WIDTH, card_file, card_svg, national_preview, page_file, page_html, preview,
};

use crate::cli::ShareArgs;
use crate::{Failure, Outcome};

fn read(dir: &Path, name: &str) -> Result<Vec<u8>, Failure> {
    let path = dir.join(name);
    fs::read(&path).map_err(|e| Failure::Io(format!("cannot read {}: {e}", path.display())))
}

fn write(path: &Path, bytes: &[u8]) -> Result<(), Failure> {
    fs::write(path, bytes).map_err(|e| Failure::Io(format!("cannot write {}: {e}", path.display())))
}

/// The card as PNG, with the system's fonts (DejaVu Sans is asked for).
fn render(svg: &str, fonts: &resvg::usvg::fontdb::Database) -> Result<Vec<u8>, Failure> {
    let options = resvg::usvg::Options {
        fontdb: std::sync::Arc::new(fonts.clone()),
        ..resvg::usvg::Options::default()
    };
    let tree = resvg::usvg::Tree::from_str(svg, &options)
        .map_err(|e| Failure::Io(format!("cannot draw a card: {e}")))?;
    let mut pixmap = resvg::tiny_skia::Pixmap::new(CARD_WIDTH, CARD_HEIGHT)
        .ok_or_else(|| Failure::Io("cannot allocate a card".to_owned()))?;
    resvg::render(
        &tree,
        resvg::tiny_skia::Transform::default(),
        &mut pixmap.as_mut(),
    );
    pixmap
        .encode_png()
        .map_err(|e| Failure::Io(format!("cannot encode a card: {e}")))
}

/// The fonts the cards are drawn with: the system's, and those the release archive carries in
/// `share/adal-atlas/fonts/` beside the program's folder (DejaVu Sans), so that a machine without fonts
/// still gets cards with their text.
fn fonts() -> resvg::usvg::fontdb::Database {
    let mut fonts = resvg::usvg::fontdb::Database::new();
    fonts.load_system_fonts();
    let exe = std::env::current_exe().ok();
    if let Some(root) = exe.as_deref().and_then(Path::parent).and_then(Path::parent) {
        let carried = root.join("share").join("adal-atlas").join("fonts");
        if carried.is_dir() {
            fonts.load_fonts_dir(carried);
        }
    }
    fonts
}

/// `--site-url`, ending in `/`; an address that is not http(s) is refused.
pub fn site_url(given: Option<&str>) -> Result<Option<String>, Failure> {
    let site = given.filter(|s| !s.is_empty()).map(|s| {
        if s.ends_with('/') {
            s.to_owned()
        } else {
            format!("{s}/")
        }
    });
    if let Some(s) = &site
        && !(s.starts_with("https://") || s.starts_with("http://"))
    {
        return Err(Failure::Usage(format!(
            "--site-url must start with https:// or http://, not {s}"
        )));
    }
    Ok(site)
}

pub fn run(args: &ShareArgs) -> Result<Outcome, Failure> {
    let dir = &args.bundle;
    let dataset = Dataset::open(
        &read(dir, "manifest.json")?,
        &read(dir, "audits.json")?,
        &read(dir, "complaints.json")?,
    )
    .map_err(|e| Failure::Usage(format!("{}: {e:?}", dir.display())))?;
    let geo = parse_geo(&read(dir, GEO_FILE)?)
        .map_err(|e| Failure::Usage(format!("{}: {e:?}", dir.join(GEO_FILE).display())))?;
    let site = site_url(args.site_url.as_deref())?;
    let fonts = fonts();
    let mut written = 0;
    for unit in &dataset.manifest.regions {
        let folder = args.out.join(&unit.code);
        fs::create_dir_all(&folder)
            .map_err(|e| Failure::Io(format!("cannot create {}: {e}", folder.display())))?;
        for lang in [Lang::Kk, Lang::Ru, Lang::En] {
            let Some(p) = preview(&dataset, &unit.code, lang) else {
                continue;
            };
            write(
                &folder.join(page_file(lang)),
                page_html(&p, site.as_deref()).as_bytes(),
            )?;
            write(
                &folder.join(card_file(lang)),
                &render(&card_svg(&p, &geo), &fonts)?,
            )?;
            written += 1;
        }
    }
    // The country's card, for the pages that are not a unit's (`adal pages` names it).
    for lang in Lang::ALL {
        let p = national_preview(&dataset, lang);
        write(
            &args.out.join(card_file(lang)),
            &render(&card_svg(&p, &geo), &fonts)?,
        )?;
    }
    println!(
        "wrote {written} preview pages and cards for {} units, and the country's cards, to {}",
        dataset.manifest.regions.len(),
        args.out.display()
    );
    Ok(Outcome::Done)
}
