//! `adal site --init FILE`: a commented example config, every key the publisher may set, with the
//! defaults `adal site` uses where a key is left out.

use std::path::Path;

use crate::{Failure, Outcome};

const EXAMPLE: &str = r#"# The config of an Adal Atlas site (adal site --config atlas.toml). Every key is optional: what is
# left out takes the default shown. A key the program does not know is refused, with its line.
# Texts are given in Kazakh (kk), Russian (ru) and English (en): all three are needed.

# k of k-anonymity: every published group of visits holds at least k, and a complaint cell under k is
# withheld. At least 2; 5 is the default.
k_anonymity = 5

[dataset]
# The dataset's id, in links (?dataset=my-programme): lower-case letters, digits, - and _.
id = "my-programme"
# This publication's version. Left out, it is the publication's date (YYYY-MM-DD): each run over the
# same site keeps the earlier versions for the links and embeds pinned to them.
# version = "2026-12"
is_demo = false
title = { kk = "Мемлекеттік қызметтердің сапасы", ru = "Качество государственных услуг", en = "Public-service quality" }
# description = { kk = "…", ru = "…", en = "…" }
# methodology = { kk = "…", ru = "…", en = "…" }

[publisher]
name = { kk = "Біздің қоғамдық бірлестік", ru = "Наше общественное объединение", en = "Our civic association" }
url = "https://example.org/"
# How readers reach you, shown on the data page: an e-mail address or an https:// address.
# contact = "audit@example.org"

[licence]
id = "CC-BY-4.0"
name = "Creative Commons Attribution 4.0 International"
url = "https://creativecommons.org/licenses/by/4.0/"

[site]
# The address the site will have, ending in /: canonical links, feeds and cards use it. Left out, the
# pages link relatively (fine for a preview, less so for search engines and social networks).
# url = "https://example.org/atlas/"
# Your logo, shown in every page's header: an SVG file beside this config. It is checked: no script,
# no event handler, no reference to another file or address.
# logo = "logo.svg"

# Your own ways to report, shown after the 1424 call centre and the others (keep [reporting] out):
# [[reporting_channels]]
# id = "our_hotline"
# label = { kk = "Біздің желі", ru = "Наша линия", en = "Our hotline" }
# description = { kk = "Жұмыс күндері, 9:00–18:00", ru = "По будням, 9:00–18:00", en = "On weekdays, 9:00–18:00" }
# phone = "+7 700 000 00 00"

# Where to report corruption: left out, the 1424 call centre, eGov.kz, writing to the Agency, its portal
# and its WhatsApp bot (the project's reference list). Given, the list replaces it: keep 1424 first.
# [reporting]
# protection = { kk = "…", ru = "…", en = "…" }
# [[reporting.channels]]
# id = "hotline_1424"
# label = { kk = "1424 байланыс орталығы", ru = "Колл-центр 1424", en = "Call centre 1424" }
# description = { kk = "…", ru = "…", en = "…" }
# phone = "1424"

# The lists of services, audit channels, complaint categories and complaint channels can be replaced
# too ([[services]], [[audit_channels]], [[complaint_categories]], [[complaint_channels]], each with an
# id and a label in three languages); the raw files must then use those ids.
"#;

pub fn write(path: &Path) -> Result<Outcome, Failure> {
    if path.exists() {
        return Err(Failure::Usage(format!(
            "{} exists: it is left as it is (remove it, or give another name)",
            path.display()
        )));
    }
    std::fs::write(path, EXAMPLE)
        .map_err(|e| Failure::Io(format!("cannot write {}: {e}", path.display())))?;
    println!(
        "wrote {}: edit it, then: adal site --audits A.csv --complaints C.csv --config {} --out site/",
        path.display(),
        path.display()
    );
    Ok(Outcome::Done)
}

#[cfg(test)]
mod tests {
    /// The example is a valid config: every key in it is known and every text has its three languages.
    #[test]
    fn the_example_config_is_valid() {
        let config: adal_publish::config::PublisherConfig =
            toml::from_str(super::EXAMPLE).expect("the example parses");
        adal_publish::config::Settings::from_config(config).expect("the example is valid");
    }
}
