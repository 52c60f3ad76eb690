//! A loading failure, told in the reader's language: what happened, what they can do, and a retry.

use adal_core::dataset::LoadError;
use leptos::prelude::*;

use crate::contexts::dataset::use_dataset;
use crate::i18n::{Locale, t, t_string, use_i18n};
use leptos_i18n::I18nContext;

/// The message and retry button.
#[component]
pub fn LoadErrorView(error: LoadError) -> impl IntoView {
    let i18n = use_i18n();
    let data = use_dataset();
    let kind = match &error {
        LoadError::Network { .. } => "network",
        LoadError::Http { .. } => "http",
        LoadError::Json { .. } => "json",
        LoadError::SchemaVersion { .. } => "schema",
        LoadError::NotInManifest { .. } => "not-listed",
        LoadError::Checksum { .. } => "checksum",
        LoadError::UnequalColumns { .. } => "columns",
        LoadError::UnknownRegion { .. } => "region",
        LoadError::BadIndex { .. } => "index",
        LoadError::Disagree { .. } => "disagree",
    };
    let message = move || error_message(i18n, error.clone());
    view! {
        <section class="load-error" role="alert" data-error=kind aria-labelledby="error-heading">
            <h2 id="error-heading">{t!(i18n, error_heading)}</h2>
            <p>{message}</p>
            <button type="button" on:click=move |_| data.retry()>
                {t!(i18n, retry)}
            </button>
        </section>
    }
}

/// What happened, and what the reader can do, in their language.
pub fn error_message(i18n: I18nContext<Locale>, error: LoadError) -> String {
    match error {
        LoadError::Network { file } => t_string!(i18n, error_network, file = file).to_string(),
        LoadError::Http { file, status } => {
            t_string!(i18n, error_http, file = file, status = status).to_string()
        }
        LoadError::Json {
            file, line, column, ..
        } => t_string!(i18n, error_json, file = file, line = line, column = column).to_string(),
        LoadError::SchemaVersion {
            file,
            found,
            oldest,
            ..
        } => {
            if found.parse::<u32>().is_ok_and(|v| v < oldest) {
                t_string!(i18n, error_schema_old, file = file, found = found).to_string()
            } else {
                t_string!(i18n, error_schema, file = file, found = found).to_string()
            }
        }
        LoadError::NotInManifest { file } => {
            t_string!(i18n, error_not_listed, file = file).to_string()
        }
        LoadError::Checksum { file } => t_string!(i18n, error_checksum, file = file).to_string(),
        LoadError::UnequalColumns {
            file,
            column,
            len,
            rows,
        } => t_string!(
            i18n,
            error_columns,
            file = file,
            column = column,
            len = len,
            rows = rows
        )
        .to_string(),
        LoadError::UnknownRegion { file, code } => {
            t_string!(i18n, error_region, file = file, code = code).to_string()
        }
        LoadError::BadIndex { detail } => t_string!(i18n, error_index, detail = detail).to_string(),
        LoadError::Disagree { file, with } => {
            t_string!(i18n, error_disagree, file = file, with = with).to_string()
        }
    }
}
