//! Field paths: the one reading of `header.tlp`, `timeline[2].at`, `attacks[].source.ip`.
//!
//! A path is the serde field names of a report joined by `.`, with `[i]` for a list item; a
//! *pattern* has its indexes left out (`timeline[].at`) and stands for every item. Paths are
//! plain strings where they travel (validation findings, files, element ids); [`FieldPath`]
//! is their typed form, and every reader of a path — the form specification, print, plain
//! text, labels, validation, the app — goes through it.
//!
//! ```
//! use kyoyu_core::forms::path::{FieldPath, Segment};
//! let p = FieldPath::parse("attacks[1].source.ip").unwrap();
//! assert_eq!(p.to_string(), "attacks[1].source.ip");
//! assert_eq!(p.pattern().to_string(), "attacks[].source.ip");
//! assert_eq!(p.first_index(), Some(1));
//! assert_eq!(p.segments()[1], Segment::Index(Some(1)));
//! let v = serde_json::json!({"attacks": [{}, {"source": {"ip": "192.0.2.1"}}]});
//! assert_eq!(p.get(&v).and_then(|x| x.as_str()), Some("192.0.2.1"));
//! ```

use std::fmt;

use serde_json::{Map, Value};

/// One step of a path: a member name, or a list index (`None` in a pattern: `[]`).
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum Segment {
    Name(String),
    Index(Option<usize>),
}

/// A parsed field path.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Default)]
pub struct FieldPath(Vec<Segment>);

impl FieldPath {
    /// The empty path: the report itself.
    pub fn root() -> FieldPath {
        FieldPath(Vec::new())
    }

    /// Reads `header.tlp`, `timeline[2].at`, `timeline[].at`. None for anything else (an
    /// empty name, an index that is not a number, an unclosed bracket).
    pub fn parse(s: &str) -> Option<FieldPath> {
        let mut out = Vec::new();
        if s.is_empty() {
            return Some(FieldPath(out));
        }
        for part in s.split('.') {
            let (name, mut rest) = match part.find('[') {
                Some(i) => (&part[..i], &part[i..]),
                None => (part, ""),
            };
            if name.contains(']') || (name.is_empty() && (out.is_empty() || rest.is_empty())) {
                return None;
            }
            if !name.is_empty() {
                out.push(Segment::Name(name.to_string()));
            }
            while let Some(inner) = rest.strip_prefix('[') {
                let end = inner.find(']')?;
                let idx = &inner[..end];
                out.push(Segment::Index(if idx.is_empty() {
                    None
                } else {
                    Some(idx.parse().ok()?)
                }));
                rest = &inner[end + 1..];
            }
            if !rest.is_empty() {
                return None;
            }
        }
        Some(FieldPath(out))
    }

    pub fn segments(&self) -> &[Segment] {
        &self.0
    }

    pub fn is_root(&self) -> bool {
        self.0.is_empty()
    }

    /// `self.name`.
    pub fn field(&self, name: &str) -> FieldPath {
        let mut p = self.clone();
        p.0.push(Segment::Name(name.to_string()));
        p
    }

    /// `self[i]`.
    pub fn item(&self, i: usize) -> FieldPath {
        let mut p = self.clone();
        p.0.push(Segment::Index(Some(i)));
        p
    }

    /// `self` followed by the (relative) path `rest`.
    pub fn join(&self, rest: &FieldPath) -> FieldPath {
        let mut p = self.clone();
        p.0.extend(rest.0.iter().cloned());
        p
    }

    /// The pattern: every index left out (`timeline[2].at` → `timeline[].at`).
    pub fn pattern(&self) -> FieldPath {
        FieldPath(
            self.0
                .iter()
                .map(|s| match s {
                    Segment::Index(_) => Segment::Index(None),
                    n => n.clone(),
                })
                .collect(),
        )
    }

    /// The first list index (`attacks[1].source.ip` → 1).
    pub fn first_index(&self) -> Option<usize> {
        self.indexes().next()
    }

    /// Every list index, in order.
    pub fn indexes(&self) -> impl Iterator<Item = usize> + '_ {
        self.0.iter().filter_map(|s| match s {
            Segment::Index(i) => *i,
            Segment::Name(_) => None,
        })
    }

    /// Whether this path is `ancestor` or lies under it (`timeline[0].at` is under
    /// `timeline` and `timeline[0]`).
    pub fn is_under(&self, ancestor: &FieldPath) -> bool {
        self.0.len() >= ancestor.0.len() && self.0[..ancestor.0.len()] == ancestor.0[..]
    }

    /// The path up to its first list index: the list (`attacks` of `attacks[1].source.ip`).
    pub fn list(&self) -> FieldPath {
        FieldPath(
            self.0
                .iter()
                .take_while(|s| matches!(s, Segment::Name(_)))
                .cloned()
                .collect(),
        )
    }

    /// The path without its last step (`header.contact.email` → `header.contact`).
    pub fn parent(&self) -> Option<FieldPath> {
        let n = self.0.len().checked_sub(1)?;
        Some(FieldPath(self.0[..n].to_vec()))
    }

    /// The value at this path of a report's JSON value ([`super::Report::to_value`]). A
    /// pattern index (`[]`) reads nothing.
    pub fn get<'a>(&self, value: &'a Value) -> Option<&'a Value> {
        let mut v = value;
        for s in &self.0 {
            v = match s {
                Segment::Name(n) => v.get(n.as_str())?,
                Segment::Index(Some(i)) => v.get(*i)?,
                Segment::Index(None) => return None,
            };
        }
        Some(v)
    }

    /// The value at this path, for writing: members are created on the way (as `null`, and
    /// a non-object holding a member becomes an object); list items must exist.
    pub fn get_mut<'a>(&self, value: &'a mut Value) -> Option<&'a mut Value> {
        let mut v = value;
        for s in &self.0 {
            v = match s {
                Segment::Name(n) => {
                    if !v.is_object() {
                        *v = Value::Object(Map::new());
                    }
                    v.as_object_mut()?.entry(n.as_str()).or_insert(Value::Null)
                }
                Segment::Index(Some(i)) => v.as_array_mut()?.get_mut(*i)?,
                Segment::Index(None) => return None,
            };
        }
        Some(v)
    }

    /// Sets the value at this path (see [`FieldPath::get_mut`]); false when the path cannot
    /// be reached (a missing list item).
    pub fn set(&self, value: &mut Value, new: Value) -> bool {
        match self.get_mut(value) {
            Some(v) => {
                *v = new;
                true
            }
            None => false,
        }
    }
}

impl fmt::Display for FieldPath {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, s) in self.0.iter().enumerate() {
            match s {
                Segment::Name(n) if i == 0 => f.write_str(n)?,
                Segment::Name(n) => write!(f, ".{n}")?,
                Segment::Index(Some(i)) => write!(f, "[{i}]")?,
                Segment::Index(None) => f.write_str("[]")?,
            }
        }
        Ok(())
    }
}

impl std::str::FromStr for FieldPath {
    type Err = String;
    fn from_str(s: &str) -> Result<FieldPath, String> {
        FieldPath::parse(s).ok_or_else(|| format!("項目のパスとして読めません: {s}"))
    }
}

// --- String conveniences (paths travel as strings) -----------------------------------------

/// `parent.name` (or `name` at the root).
pub fn field(parent: &str, name: &str) -> String {
    if parent.is_empty() {
        name.to_string()
    } else {
        format!("{parent}.{name}")
    }
}

/// `parent[i]`.
pub fn item(parent: &str, i: usize) -> String {
    format!("{parent}[{i}]")
}

/// The pattern of a path as text (`timeline[2].at` → `timeline[].at`); a path that cannot be
/// read is returned as it is.
pub fn pattern(path: &str) -> String {
    FieldPath::parse(path)
        .map(|p| p.pattern().to_string())
        .unwrap_or_else(|| path.to_string())
}

/// The first list index in a path (`attacks[1].source.ip` → Some(1)).
pub fn first_index(path: &str) -> Option<usize> {
    FieldPath::parse(path)?.first_index()
}

/// Whether `path` is `ancestor` or lies under it.
pub fn is_under(path: &str, ancestor: &str) -> bool {
    match (FieldPath::parse(path), FieldPath::parse(ancestor)) {
        (Some(p), Some(a)) => p.is_under(&a),
        _ => false,
    }
}

/// The value at `path` of a report's JSON value.
pub fn get<'a>(value: &'a Value, path: &str) -> Option<&'a Value> {
    FieldPath::parse(path)?.get(value)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_and_writes_back() {
        for s in [
            "header.tlp",
            "timeline[2].at",
            "timeline[].at",
            "attacks[0].source.ip",
            "a[1][2]",
            "",
        ] {
            assert_eq!(FieldPath::parse(s).unwrap().to_string(), s);
        }
        for bad in [".a", "a..b", "a[x]", "a[1", "a]b", "[0]"] {
            assert!(FieldPath::parse(bad).is_none(), "{bad}");
        }
    }

    #[test]
    fn under_and_pattern() {
        assert!(is_under("timeline[0].at", "timeline"));
        assert!(is_under("timeline[0].at", "timeline[0]"));
        assert!(!is_under("timeline_x", "timeline"));
        assert!(!is_under("timeline[1].at", "timeline[0]"));
        assert_eq!(pattern("a[3].b[4].c"), "a[].b[].c");
        assert_eq!(first_index("a.b"), None);
    }

    #[test]
    fn set_creates_members() {
        let mut v = serde_json::json!({"rows": [{}]});
        assert!(FieldPath::parse("x.y").unwrap().set(&mut v, Value::from(1)));
        assert!(FieldPath::parse("rows[0].at")
            .unwrap()
            .set(&mut v, Value::from("t")));
        assert!(!FieldPath::parse("rows[3].at")
            .unwrap()
            .set(&mut v, Value::from("t")));
        assert_eq!(v, serde_json::json!({"x": {"y": 1}, "rows": [{"at": "t"}]}));
    }
}
