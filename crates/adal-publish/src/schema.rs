//! JSON Schemas of the published files, generated from the contract types.
//!
//! `adal schema --out public/schema` writes them; a test keeps the committed copies in step with the types.

use schemars::{JsonSchema, generate::SchemaSettings};

use crate::publication_report::PublishReport;
use adal_core::contract::{
    AuditCellsFile, AuditsFile, ComplaintCellsFile, ComplaintsFile, Manifest, OutcomesFile,
};

fn schema_of<T: JsonSchema>() -> String {
    let generator = SchemaSettings::draft2020_12().into_generator();
    let schema = generator.into_root_schema_for::<T>();
    let mut text = serde_json::to_string_pretty(&schema).unwrap_or_default();
    text.push('\n');
    text
}

/// Every schema as (file name, pretty JSON): the bundle's files (`outcomes.json` optional), the publication report, and
/// `audits.json` as contract version 2 published it (every visit), which versions kept from then still
/// hold.
pub fn all() -> Vec<(&'static str, String)> {
    vec![
        ("manifest.schema.json", schema_of::<Manifest>()),
        ("audits.schema.json", schema_of::<AuditCellsFile>()),
        ("audits-v2.schema.json", schema_of::<AuditsFile>()),
        ("complaints.schema.json", schema_of::<ComplaintsFile>()),
        (
            "complaints-detail.schema.json",
            schema_of::<ComplaintCellsFile>(),
        ),
        ("outcomes.schema.json", schema_of::<OutcomesFile>()),
        ("report.schema.json", schema_of::<PublishReport>()),
    ]
}

#[cfg(test)]
mod tests {
    #[test]
    fn schemas_are_valid_json_with_titles() {
        for (name, text) in super::all() {
            let value: serde_json::Value = serde_json::from_str(&text).expect(name);
            assert!(value.get("title").is_some(), "{name}");
            assert!(value.get("$schema").is_some(), "{name}");
        }
    }
}
