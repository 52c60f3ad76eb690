//! Generates the `i18n` module from `locales/{kk,ru,en}.json` with leptos_i18n's code generation.
//! Kazakh is the default locale. A key missing from a locale is reported here and by the `locales` test.

use std::error::Error;
use std::path::PathBuf;

use leptos_i18n_build::{Config, ParseOptions, TranslationsInfos};

fn main() -> Result<(), Box<dyn Error>> {
    println!("cargo::rerun-if-changed=build.rs");
    let out = PathBuf::from(std::env::var_os("OUT_DIR").ok_or("OUT_DIR is not set")?).join("i18n");
    // Interpolation into plain strings (`t_string!`) serves attributes and computed texts.
    let config = Config::new("kk")?
        .add_locale("ru")?
        .add_locale("en")?
        .parse_options(ParseOptions::new().interpolate_display(true));
    let translations = TranslationsInfos::parse(config)?;
    translations.emit_diagnostics();
    translations.rerun_if_locales_changed();
    translations.generate_i18n_module(out)?;
    Ok(())
}
