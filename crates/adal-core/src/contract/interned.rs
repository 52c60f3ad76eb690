//! Columns of strings with few distinct values (unit codes, service and channel ids, categories), read
//! with one shared `Arc<str>` per distinct value instead of one allocation per cell: parsing a bundle in
//! the browser was mostly allocating tens of thousands of copies of «KZ-75».

use std::fmt;
use std::sync::Arc;

use serde::de::{self, DeserializeSeed, Deserializer, SeqAccess, Visitor};

/// The values seen so far; the last one found is tried first (rows come grouped by unit).
#[derive(Default)]
struct Table {
    values: Vec<Arc<str>>,
    last: usize,
}

impl Table {
    fn get(&mut self, text: &str) -> Arc<str> {
        if let Some(v) = self.values.get(self.last)
            && &**v == text
        {
            return v.clone();
        }
        match self.values.iter().position(|v| &**v == text) {
            Some(i) => {
                self.last = i;
                self.values[i].clone()
            }
            None => {
                let v: Arc<str> = Arc::from(text);
                self.values.push(v.clone());
                self.last = self.values.len() - 1;
                v
            }
        }
    }
}

/// One cell: a string, or `null` where `nullable`.
struct Cell<'t> {
    table: &'t mut Table,
    nullable: bool,
}

impl<'de> Visitor<'de> for Cell<'_> {
    type Value = Option<Arc<str>>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(if self.nullable {
            "a string or null"
        } else {
            "a string"
        })
    }

    fn visit_str<E: de::Error>(self, v: &str) -> Result<Self::Value, E> {
        Ok(Some(self.table.get(v)))
    }

    fn visit_unit<E: de::Error>(self) -> Result<Self::Value, E> {
        if self.nullable {
            Ok(None)
        } else {
            Err(E::invalid_type(de::Unexpected::Unit, &self))
        }
    }
}

impl<'de> DeserializeSeed<'de> for Cell<'_> {
    type Value = Option<Arc<str>>;

    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<Self::Value, D::Error> {
        // `deserialize_any`: serde_json hands a string to `visit_str` without copying it, and `null`
        // to `visit_unit`.
        d.deserialize_any(self)
    }
}

struct Column {
    nullable: bool,
}

impl<'de> Visitor<'de> for Column {
    type Value = Vec<Option<Arc<str>>>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("an array of strings")
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Self::Value, A::Error> {
        let mut table = Table::default();
        let mut out = Vec::with_capacity(seq.size_hint().unwrap_or(0).min(1 << 20));
        while let Some(cell) = seq.next_element_seed(Cell {
            table: &mut table,
            nullable: self.nullable,
        })? {
            out.push(cell);
        }
        Ok(out)
    }
}

/// `#[serde(deserialize_with = "interned::strings")]`: an array of strings.
pub fn strings<'de, D: Deserializer<'de>>(d: D) -> Result<Vec<Arc<str>>, D::Error> {
    let cells = d.deserialize_seq(Column { nullable: false })?;
    Ok(cells.into_iter().flatten().collect())
}

/// `#[serde(deserialize_with = "interned::nullable")]`: an array of strings and `null`s.
pub fn nullable<'de, D: Deserializer<'de>>(d: D) -> Result<Vec<Option<Arc<str>>>, D::Error> {
    d.deserialize_seq(Column { nullable: true })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(serde::Deserialize)]
    struct Columns {
        #[serde(deserialize_with = "strings")]
        region: Vec<Arc<str>>,
        #[serde(deserialize_with = "nullable")]
        service: Vec<Option<Arc<str>>>,
    }

    #[test]
    fn repeated_values_share_one_allocation_and_read_as_before() {
        let c: Columns = serde_json::from_str(
            r#"{"region":["KZ-75","KZ-75","KZ-11","KZ-\u0037\u0035"],"service":["a",null,"a"]}"#,
        )
        .expect("valid");
        assert_eq!(
            c.region.iter().map(|r| &**r).collect::<Vec<_>>(),
            ["KZ-75", "KZ-75", "KZ-11", "KZ-75"]
        );
        assert!(Arc::ptr_eq(&c.region[0], &c.region[1]));
        assert!(Arc::ptr_eq(&c.region[0], &c.region[3]));
        assert_eq!(c.service, vec![Some("a".into()), None, Some("a".into())]);
        for bad in [
            r#"{"region":[null],"service":[]}"#,
            r#"{"region":[1],"service":[]}"#,
        ] {
            assert!(serde_json::from_str::<Columns>(bad).is_err(), "{bad}");
        }
    }
}
