//! Every STIX 2.1 bundle site-gen writes — for the repository's own content/ and for the test
//! data's advisory with every kind of indicator — is valid against the OASIS STIX 2.1 JSON
//! schemas (`tests/data/cti-stix2-json-schemas`, vendored; their `$id`s are resolved to those
//! files, nothing is fetched).

mod common;

use std::fs;
use std::path::{Path, PathBuf};

use jsonschema::{Retrieve, Uri, Validator};
use serde_json::Value;

use common::{copy_dir, options, root, Temp};

/// Where the schemas say they live.
const SCHEMA_BASE: &str =
    "http://raw.githubusercontent.com/oasis-open/cti-stix2-json-schemas/stix2.1/schemas/";

fn schemas() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/cti-stix2-json-schemas/schemas")
}

/// Resolves the schemas' own URLs to the vendored files; anything else is an error.
struct Vendored;

impl Retrieve for Vendored {
    fn retrieve(
        &self,
        uri: &Uri<String>,
    ) -> Result<Value, Box<dyn std::error::Error + Send + Sync>> {
        let rel = uri
            .as_str()
            .strip_prefix(SCHEMA_BASE)
            .ok_or_else(|| format!("not a vendored STIX schema: {uri}"))?;
        let text = fs::read_to_string(schemas().join(rel))?;
        Ok(serde_json::from_str(&text)?)
    }
}

fn bundle_validator() -> Validator {
    let text = fs::read_to_string(schemas().join("common/bundle.json")).unwrap();
    let schema: Value = serde_json::from_str(&text).unwrap();
    jsonschema::options()
        .with_retriever(Vendored)
        .build(&schema)
        .unwrap_or_else(|e| panic!("the bundle schema does not compile: {e}"))
}

/// The types whose schemas `common/bundle.json` lists for its `objects`.
fn bundle_types() -> Vec<String> {
    let text = fs::read_to_string(schemas().join("common/bundle.json")).unwrap();
    text.split("\"$ref\": \"")
        .skip(1)
        .filter_map(|r| r.split('"').next())
        .filter_map(|r| r.rsplit('/').next()?.strip_suffix(".json"))
        .map(str::to_string)
        .collect()
}

/// The errors of `bundle`, and of each of its objects against its own type's schema.
///
/// The bundle schema's list of object types leaves out some SDOs of STIX 2.1 — `note` among
/// them — and its branch for custom objects (`oneOf` core / cyber-observable core) refuses
/// them too, so a `note` fails the bundle schema whatever it holds. The bundle is therefore
/// checked without the objects of unlisted types, and every object, listed or not, against the
/// schema of its own type (`sdos/note.json` for a note).
fn errors(bundle_schema: &Validator, bundle: &Value) -> Vec<String> {
    let listed = bundle_types();
    assert!(listed.iter().any(|t| t == "indicator") && !listed.iter().any(|t| t == "note"));
    let mut envelope = bundle.clone();
    if let Some(objects) = envelope["objects"].as_array_mut() {
        objects.retain(|o| listed.iter().any(|t| o["type"] == t.as_str()));
    }
    let mut out: Vec<String> = bundle_schema
        .iter_errors(&envelope)
        .map(|e| format!("bundle {}: {e}", e.instance_path()))
        .collect();
    for o in bundle["objects"].as_array().into_iter().flatten() {
        let t = o["type"].as_str().unwrap_or("");
        let file = match t {
            "marking-definition" => "common/marking-definition.json".to_string(),
            "relationship" | "sighting" => format!("sros/{t}.json"),
            _ => format!("sdos/{t}.json"),
        };
        let Ok(text) = fs::read_to_string(schemas().join(&file)) else {
            out.push(format!("{t}: no schema {file}"));
            continue;
        };
        let schema: Value = serde_json::from_str(&text).unwrap();
        let v = jsonschema::options()
            .with_retriever(Vendored)
            .build(&schema)
            .unwrap();
        out.extend(
            v.iter_errors(o)
                .map(|e| format!("{t} {}: {e}", o["id"].as_str().unwrap_or(""))),
        );
    }
    out
}

/// Every `stix.json` under `dir`.
fn bundles(dir: &Path) -> Vec<(PathBuf, Value)> {
    walkdir::WalkDir::new(dir)
        .sort_by_file_name()
        .into_iter()
        .map(Result::unwrap)
        .filter(|e| e.file_name() == "stix.json")
        .map(|e| {
            let v = serde_json::from_slice(&fs::read(e.path()).unwrap()).unwrap();
            (e.path().to_path_buf(), v)
        })
        .collect()
}

fn build(content: &Path, out: &Path) {
    kyoyu_site_gen::build(&options(content, out)).unwrap_or_else(|e| panic!("build failed: {e:#}"));
}

/// The bundles of the test data (a handbook of one chapter and the advisory with every kind of
/// indicator), built below `tmp`.
fn test_data_bundles(tmp: &Temp) -> Vec<(PathBuf, Value)> {
    let content = tmp.join("data");
    common::write(
        &content.join("handbook/01-part/01-chapter.md"),
        "+++\ntitle = \"章\"\n+++\n\n本文。\n",
    );
    copy_dir(
        &Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/indicators"),
        &content.join("advisories"),
    );
    build(&content, &tmp.join("dist-data"));
    bundles(&tmp.join("dist-data"))
}

#[test]
fn every_bundle_of_the_repository_and_the_test_data_is_valid_stix_2_1() {
    let validator = bundle_validator();
    let tmp = Temp::new("stix-schema");

    // The repository's content/, as it is.
    build(&root().join("content"), &tmp.join("dist"));
    let mut all = bundles(&tmp.join("dist"));
    let repository = all.len();
    assert!(
        repository >= 5,
        "one bundle per published report: {repository}"
    );

    let data = test_data_bundles(&tmp);
    assert_eq!(data.len(), 1);
    all.extend(data);

    let mut kinds = std::collections::BTreeSet::new();
    for (path, bundle) in &all {
        let e = errors(&validator, bundle);
        assert!(e.is_empty(), "{}:\n{}", path.display(), e.join("\n"));
        for o in bundle["objects"].as_array().unwrap() {
            kinds.insert(o["type"].as_str().unwrap().to_string());
        }
    }
    // What was validated holds every kind of object site-gen writes.
    for t in [
        "marking-definition",
        "identity",
        "note",
        "indicator",
        "vulnerability",
        "report",
    ] {
        assert!(kinds.contains(t), "no {t} was validated: {kinds:?}");
    }
}

#[test]
fn the_schemas_refuse_what_is_not_stix() {
    // The validator is not lenient: a bundle written by site-gen, then broken in each of these
    // ways, is refused.
    let validator = bundle_validator();
    let tmp = Temp::new("stix-schema-broken");
    let (_, good) = test_data_bundles(&tmp).remove(0);
    assert!(errors(&validator, &good).is_empty());
    // (what, the object's type, its property, the property's new value: None removes it)
    let breakages: [(&str, &str, &str, Option<Value>); 4] = [
        ("indicator without pattern", "indicator", "pattern", None),
        ("vulnerability without name", "vulnerability", "name", None),
        (
            "report id of another type",
            "report",
            "id",
            Some(Value::from("note--6ba7b810-9dad-51d1-80b4-00c04fd430c8")),
        ),
        (
            "time without a zone",
            "indicator",
            "valid_from",
            Some(Value::from("2025-11-04T00:30:00")),
        ),
    ];
    for (name, t, property, value) in breakages {
        let mut bad = good.clone();
        let object = bad["objects"]
            .as_array_mut()
            .unwrap()
            .iter_mut()
            .find(|o| o["type"] == t)
            .unwrap()
            .as_object_mut()
            .unwrap();
        match value {
            Some(v) => object.insert(property.to_string(), v),
            None => object.remove(property),
        };
        assert!(!errors(&validator, &bad).is_empty(), "{name} was accepted");
    }
}
