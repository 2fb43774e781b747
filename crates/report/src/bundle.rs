//! The evidence bundle: a zip with the report (HTML and JSON), every archived capture and
//! source it cites, and a SHA-256 manifest; and the check that finds a changed, missing or
//! extra file. The same input gives the same bytes: entries are sorted and stamped with
//! the export time.

use crate::names::safe_relative_path;
use crate::{Renderer, ReportData, ReportError, json_report};
use serde::Serialize;
use sha2::{Digest, Sha256};
use std::collections::BTreeMap;
use std::io::{Cursor, Read, Write};
use zip::write::SimpleFileOptions;

/// The manifest's name in the bundle: `sha256sum` format, one `HASH  PATH` line per file.
pub const MANIFEST: &str = "manifest.sha256";

/// A file to put in the bundle, such as an archived capture.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Attachment {
    /// Relative path inside the bundle ("captures/article-1-version-2.html"); made safe.
    pub path: String,
    pub bytes: Vec<u8>,
}

/// What [`verify_bundle`] found.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct BundleCheck {
    /// Files the manifest lists.
    pub listed: usize,
    pub problems: Vec<BundleProblem>,
}

impl BundleCheck {
    pub fn is_intact(&self) -> bool {
        self.problems.is_empty()
    }
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct BundleProblem {
    pub path: String,
    pub problem: Problem,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Problem {
    /// Its SHA-256 is not the manifest's.
    Changed,
    /// Listed in the manifest, absent from the bundle.
    Missing,
    /// In the bundle, not in the manifest.
    Extra,
}

impl std::fmt::Display for BundleProblem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let what = match self.problem {
            Problem::Changed => "changed: its SHA-256 is not the manifest's",
            Problem::Missing => "missing: listed in the manifest but not in the bundle",
            Problem::Extra => "extra: in the bundle but not in the manifest",
        };
        write!(f, "{} {what}", self.path)
    }
}

fn sha256_hex(bytes: &[u8]) -> String {
    Sha256::digest(bytes)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

/// The zip timestamp of an RFC 3339 time ("2025-06-20T10:00:00Z"); 1980-01-01 when it
/// cannot be read (zip times start in 1980).
fn zip_time(rfc3339: &str) -> zip::DateTime {
    let field =
        |range: std::ops::Range<usize>| rfc3339.get(range).and_then(|s| s.parse::<u16>().ok());
    let parts = (
        field(0..4),
        field(5..7),
        field(8..10),
        field(11..13),
        field(14..16),
        field(17..19),
    );
    if let (Some(y), Some(mo), Some(d), Some(h), Some(mi), Some(s)) = parts
        && let Ok(time) =
            zip::DateTime::from_date_and_time(y, mo as u8, d as u8, h as u8, mi as u8, s as u8)
    {
        return time;
    }
    zip::DateTime::default()
}

/// Writes the bundle of `data` with its attachments.
pub fn bundle(
    data: &ReportData,
    renderer: &Renderer,
    attachments: &[Attachment],
) -> Result<Vec<u8>, ReportError> {
    let mut files: BTreeMap<String, Vec<u8>> = BTreeMap::new();
    files.insert("report.html".into(), renderer.html(data)?.into_bytes());
    files.insert("report.json".into(), json_report(data)?);
    for attachment in attachments {
        let path = safe_relative_path(&attachment.path);
        if path == MANIFEST || files.contains_key(&path) {
            return Err(ReportError::write(
                "bundle",
                format!("two files would be named {path}"),
            ));
        }
        files.insert(path, attachment.bytes.clone());
    }
    let manifest: String = files
        .iter()
        .map(|(path, bytes)| format!("{}  {path}\n", sha256_hex(bytes)))
        .collect();
    let options = SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated)
        .last_modified_time(zip_time(&data.exported_at))
        .unix_permissions(0o644);
    let mut writer = zip::ZipWriter::new(Cursor::new(Vec::new()));
    let fail = |e: &dyn std::fmt::Display| ReportError::write("bundle", e);
    for (path, bytes) in files
        .iter()
        .map(|(p, b)| (p.as_str(), b.as_slice()))
        .chain(std::iter::once((MANIFEST, manifest.as_bytes())))
    {
        writer.start_file(path, options).map_err(|e| fail(&e))?;
        writer.write_all(bytes).map_err(|e| fail(&e))?;
    }
    Ok(writer.finish().map_err(|e| fail(&e))?.into_inner())
}

/// Checks a bundle against its manifest: every listed file present with the listed
/// SHA-256, and nothing else besides the manifest.
pub fn verify_bundle(bytes: &[u8]) -> Result<BundleCheck, ReportError> {
    let mut archive = zip::ZipArchive::new(Cursor::new(bytes))
        .map_err(|e| ReportError::NotABundle(format!("not a readable zip file ({e})")))?;
    let mut hashes: BTreeMap<String, String> = BTreeMap::new();
    let mut manifest: Option<String> = None;
    for index in 0..archive.len() {
        let mut file = archive
            .by_index(index)
            .map_err(|e| ReportError::NotABundle(format!("entry {index} cannot be read ({e})")))?;
        if file.is_dir() {
            continue;
        }
        let name = file
            .name()
            .map_err(|e| {
                ReportError::NotABundle(format!("entry {index} has an unreadable name ({e})"))
            })?
            .to_string();
        let mut content = Vec::new();
        file.read_to_end(&mut content)
            .map_err(|e| ReportError::NotABundle(format!("{name} cannot be read ({e})")))?;
        if name == MANIFEST {
            manifest =
                Some(String::from_utf8(content).map_err(|_| {
                    ReportError::NotABundle(format!("{MANIFEST} is not UTF-8 text"))
                })?);
        } else {
            hashes.insert(name, sha256_hex(&content));
        }
    }
    let manifest =
        manifest.ok_or_else(|| ReportError::NotABundle(format!("it has no {MANIFEST}")))?;
    let mut check = BundleCheck::default();
    let mut listed: BTreeMap<&str, &str> = BTreeMap::new();
    for (number, line) in manifest
        .lines()
        .enumerate()
        .filter(|(_, l)| !l.trim().is_empty())
    {
        let (hash, path) = line
            .split_once("  ")
            .filter(|(h, _)| h.len() == 64 && h.bytes().all(|b| b.is_ascii_hexdigit()))
            .ok_or_else(|| {
                ReportError::NotABundle(format!(
                    "{MANIFEST} line {} is not \"SHA256  PATH\"",
                    number + 1
                ))
            })?;
        listed.insert(path, hash);
    }
    check.listed = listed.len();
    for (path, hash) in &listed {
        match hashes.get(*path) {
            None => check.problems.push(BundleProblem {
                path: path.to_string(),
                problem: Problem::Missing,
            }),
            Some(actual) if !actual.eq_ignore_ascii_case(hash) => {
                check.problems.push(BundleProblem {
                    path: path.to_string(),
                    problem: Problem::Changed,
                })
            }
            Some(_) => {}
        }
    }
    for path in hashes.keys().filter(|p| !listed.contains_key(p.as_str())) {
        check.problems.push(BundleProblem {
            path: path.clone(),
            problem: Problem::Extra,
        });
    }
    Ok(check)
}
