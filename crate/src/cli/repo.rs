//! Model repositories on disk: where they are, and what of them Fine Print reads.
//!
//! In: a folder. Out: [`ModelDir`]s, each then read into a [`Model`] (the documents, the card's
//! metadata, the problems met). Three layouts are recognised:
//! - a Hugging Face cache (`hub/`): `models--{owner}--{name}/snapshots/{rev}/`, whose files are
//!   symbolic links into `../../blobs/` (the revision is the one `refs/main` names, else the newest
//!   snapshot);
//! - a folder of model repositories (`{name}/` or `{owner}/{name}/`, each with a README.md, a license
//!   file or model files);
//! - one model repository.
//!
//! What is read is what the extension reads on the Hub (`extension/sites/hf-read.js`): the file
//! `license_link` names (when it is a path in the repository), else the first readable LICENSE /
//! LICENCE / COPYING file (`.md`, `.txt`, `.markdown`, `.rst`), and USE_POLICY.md beside it; the
//! README's front matter (`license`, `license_name`, `license_link`, `base_model`, ...) as the Hub's
//! `cardData`; the README itself as the model card. Nothing is fetched.

use super::frontmatter;
use fineprint::hub::{CardData, HubModel};
use fineprint::report::Document;
use serde::Deserialize;
use std::fs;
use std::io::Read;
use std::path::{Path, PathBuf};

/// One model found on disk.
#[derive(Debug, Clone)]
pub struct ModelDir {
    /// `owner/name` (or the folder's name).
    pub id: String,
    /// The folder whose files are the model's (a snapshot, or the repository).
    pub root: Option<PathBuf>,
    /// The cache's snapshot revision.
    pub revision: Option<String>,
    /// The model's own folder (`models--{owner}--{name}` in a cache; the repository otherwise).
    pub folder: Option<PathBuf>,
    /// Problems met while finding it (no snapshot, a dangling ref).
    pub problems: Vec<String>,
}

/// What was read of one model.
#[derive(Debug, Clone)]
pub struct Model {
    /// Where it was found.
    pub dir: ModelDir,
    /// The license documents read (names relative to the model's folder).
    pub docs: Vec<Document>,
    /// The metadata, as the Hub's `/api/models/{id}` would give it.
    pub meta: HubModel,
    /// The README text.
    pub card: Option<String>,
    /// Whether the README has front matter.
    pub has_front_matter: bool,
    /// Files that could not be read, and why.
    pub problems: Vec<String>,
}

/// Files of one model listed at most (names only, for the recipe: weights, code, ...).
const MAX_LISTED: usize = 5000;
/// A README or license file over this size is not read.
const MAX_FILE_BYTES: u64 = fineprint::analyze::MAX_INPUT_BYTES as u64;

/// The default cache: `$HF_HUB_CACHE`, else `$HF_HOME/hub`, else `~/.cache/huggingface/hub`
/// (`$XDG_CACHE_HOME/huggingface/hub` when that is set), as `huggingface_hub` decides it.
pub fn default_cache() -> PathBuf {
    let var = |k: &str| std::env::var_os(k).filter(|v| !v.is_empty()).map(PathBuf::from);
    if let Some(p) = var("HF_HUB_CACHE") {
        return p;
    }
    if let Some(p) = var("HF_HOME") {
        return p.join("hub");
    }
    let cache = var("XDG_CACHE_HOME").unwrap_or_else(|| var("HOME").unwrap_or_else(|| PathBuf::from(".")).join(".cache"));
    cache.join("huggingface").join("hub")
}

/// The models under `dir`, sorted by id. An error when `dir` is not a readable folder.
pub fn discover(dir: &Path) -> Result<Vec<ModelDir>, String> {
    let meta = fs::metadata(dir).map_err(|e| format!("{}: {}", dir.display(), io_reason(&e)))?;
    if !meta.is_dir() {
        return Err(format!("{}: not a folder", dir.display()));
    }
    // HF_HOME given instead of its hub/ folder.
    let hub = dir.join("hub");
    if !is_cache(dir) && is_cache(&hub) {
        return discover(&hub);
    }
    let mut out = vec![];
    if is_cache(dir) {
        for e in read_dir_sorted(dir)? {
            let name = e.file_name().to_string_lossy().to_string();
            if let Some(rest) = name.strip_prefix("models--") {
                out.push(cache_entry(&e.path(), rest));
            }
        }
    } else if let Some(rest) = dir.file_name().and_then(|n| n.to_str()).and_then(|n| n.strip_prefix("models--")) {
        // One cache entry given directly.
        out.push(cache_entry(dir, rest));
    } else if is_repo(dir) {
        out.push(ModelDir {
            id: folder_name(dir),
            root: Some(dir.to_path_buf()),
            revision: None,
            folder: Some(dir.to_path_buf()),
            problems: vec![],
        });
    } else {
        for e in read_dir_sorted(dir)? {
            let p = e.path();
            if !p.is_dir() || hidden(&p) {
                continue;
            }
            if is_repo(&p) {
                out.push(ModelDir { id: folder_name(&p), root: Some(p.clone()), revision: None, folder: Some(p), problems: vec![] });
                continue;
            }
            // owner/name
            for e2 in read_dir_sorted(&p).unwrap_or_default() {
                let q = e2.path();
                if q.is_dir() && !hidden(&q) && is_repo(&q) {
                    out.push(ModelDir {
                        id: format!("{}/{}", folder_name(&p), folder_name(&q)),
                        root: Some(q.clone()),
                        revision: None,
                        folder: Some(q),
                        problems: vec![],
                    });
                }
            }
        }
    }
    out.sort_by(|a, b| a.id.to_ascii_lowercase().cmp(&b.id.to_ascii_lowercase()));
    Ok(out)
}

fn hidden(p: &Path) -> bool {
    p.file_name().and_then(|n| n.to_str()).is_some_and(|n| n.starts_with('.'))
}

fn folder_name(p: &Path) -> String {
    p.file_name().map(|n| n.to_string_lossy().to_string()).unwrap_or_else(|| p.display().to_string())
}

/// A cache root holds `models--*` (or `datasets--*`, `spaces--*`) folders.
fn is_cache(dir: &Path) -> bool {
    read_dir_sorted(dir).unwrap_or_default().iter().any(|e| {
        let n = e.file_name();
        let n = n.to_string_lossy();
        (n.starts_with("models--") || n.starts_with("datasets--") || n.starts_with("spaces--")) && e.path().is_dir()
    })
}

/// A model repository: a README.md, a license file, a config or weights at its top level.
fn is_repo(dir: &Path) -> bool {
    read_dir_sorted(dir).unwrap_or_default().iter().any(|e| {
        let n = e.file_name().to_string_lossy().to_string();
        n.eq_ignore_ascii_case("README.md")
            || is_license_name(&n)
            || n == "config.json"
            || n == "model_index.json"
            || n == "adapter_config.json"
            || fineprint::recipe::is_weight_file(&n)
    })
}

fn read_dir_sorted(dir: &Path) -> Result<Vec<fs::DirEntry>, String> {
    let rd = fs::read_dir(dir).map_err(|e| format!("{}: {}", dir.display(), io_reason(&e)))?;
    let mut v: Vec<fs::DirEntry> = rd.filter_map(Result::ok).collect();
    v.sort_by_key(|e| e.file_name());
    Ok(v)
}

/// `models--{owner}--{name}` → the snapshot to read.
fn cache_entry(path: &Path, rest: &str) -> ModelDir {
    let id = match rest.split_once("--") {
        Some((owner, name)) => format!("{owner}/{name}"),
        None => rest.to_string(),
    };
    let mut problems = vec![];
    let snaps = path.join("snapshots");
    let wanted = fs::read_to_string(path.join("refs").join("main")).ok().map(|s| s.trim().to_string()).filter(|s| !s.is_empty());
    let mut revision = None;
    let mut root = None;
    if let Some(rev) = &wanted {
        let p = snaps.join(rev);
        if p.is_dir() {
            revision = Some(rev.clone());
            root = Some(p);
        } else {
            problems.push(format!("refs/main names snapshot {} which is not in the cache", short(rev)));
        }
    }
    if root.is_none() {
        // The newest snapshot.
        let newest = read_dir_sorted(&snaps)
            .unwrap_or_default()
            .into_iter()
            .filter(|e| e.path().is_dir())
            .max_by_key(|e| e.metadata().and_then(|m| m.modified()).ok());
        match newest {
            Some(e) => {
                revision = Some(e.file_name().to_string_lossy().to_string());
                root = Some(e.path());
            }
            None => problems.push("no snapshot in the cache (download incomplete or removed)".into()),
        }
    }
    ModelDir { id, root, revision, folder: Some(path.to_path_buf()), problems }
}

fn short(rev: &str) -> &str {
    &rev[..rev.len().min(12)]
}

/// `LICENSE`, `LICENSE.md`, `licence.txt`, `COPYING`, ... (as the extension matches them).
pub fn is_license_name(name: &str) -> bool {
    let lower = name.to_ascii_lowercase();
    let (stem, ext) = match lower.rsplit_once('.') {
        Some((s, e)) => (s, Some(e)),
        None => (lower.as_str(), None),
    };
    matches!(stem, "license" | "licence" | "copying") && matches!(ext, None | Some("md" | "txt" | "markdown" | "rst"))
}

fn io_reason(e: &std::io::Error) -> String {
    match e.kind() {
        std::io::ErrorKind::NotFound => "not found".into(),
        std::io::ErrorKind::PermissionDenied => "permission denied".into(),
        _ => e.to_string(),
    }
}

/// A text file, or why it cannot be read. A dangling link (a blob the cache lost) says so.
fn read_text(path: &Path) -> Result<String, String> {
    let f = match fs::File::open(path) {
        Ok(f) => f,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound && fs::symlink_metadata(path).is_ok() => {
            return Err("its blob is missing from the cache (a broken link: download incomplete?)".into())
        }
        Err(e) => return Err(io_reason(&e)),
    };
    let mut bytes = vec![];
    f.take(MAX_FILE_BYTES + 1).read_to_end(&mut bytes).map_err(|e| io_reason(&e))?;
    if bytes.len() as u64 > MAX_FILE_BYTES {
        return Err(format!("over {} MiB, not read", MAX_FILE_BYTES / (1024 * 1024)));
    }
    String::from_utf8(bytes).map_err(|_| "not UTF-8 text".into())
}

/// The files of a model, relative to its folder, sorted (names only, bounded).
fn list_files(root: &Path) -> Vec<String> {
    let mut out = vec![];
    let mut stack = vec![(root.to_path_buf(), String::new(), 0usize)];
    while let Some((dir, prefix, depth)) = stack.pop() {
        for e in read_dir_sorted(&dir).unwrap_or_default() {
            if out.len() >= MAX_LISTED {
                break;
            }
            let name = e.file_name().to_string_lossy().to_string();
            if name.starts_with('.') {
                continue;
            }
            let rel = if prefix.is_empty() { name.clone() } else { format!("{prefix}/{name}") };
            // file_type() does not follow links: a link (the cache's blobs) is a file here.
            let is_dir = e.file_type().map(|t| t.is_dir()).unwrap_or(false);
            if is_dir {
                if depth < 4 {
                    stack.push((e.path(), rel, depth + 1));
                }
            } else {
                out.push(rel);
            }
        }
    }
    out.sort();
    out
}

/// Read one model.
pub fn read(dir: ModelDir) -> Model {
    let mut problems = dir.problems.clone();
    let mut docs = vec![];
    let mut card = None;
    let mut has_front_matter = false;
    let mut card_data = CardData::default();
    let Some(root) = dir.root.clone() else {
        let meta = HubModel { id: Some(dir.id.clone()), ..HubModel::default() };
        return Model { dir, docs, meta, card, has_front_matter, problems };
    };
    let files = list_files(&root);
    let readme = files.iter().find(|f| f.eq_ignore_ascii_case("README.md")).cloned();
    if let Some(name) = &readme {
        match read_text(&root.join(name)) {
            Ok(text) => {
                if let Some((body, _)) = frontmatter::split(&text) {
                    has_front_matter = true;
                    let map = frontmatter::parse(body);
                    card_data = CardData::deserialize(serde_json::Value::Object(map)).unwrap_or_default();
                }
                card = Some(text);
            }
            Err(why) => problems.push(format!("{name}: {why}")),
        }
    }
    // The license file: the one license_link names, else the first readable license file.
    let mut candidates: Vec<String> = vec![];
    if let Some(link) = card_data.license_link.as_deref().and_then(|l| local_link(l, &dir.id)) {
        if files.iter().any(|f| *f == link) {
            candidates.push(link);
        } else {
            problems.push(format!("license_link names {link}, which is not in the folder"));
        }
    }
    for f in files.iter().filter(|f| !f.contains('/') && is_license_name(f)) {
        if !candidates.contains(f) {
            candidates.push(f.clone());
        }
    }
    for name in candidates {
        match read_text(&root.join(&name)) {
            Ok(text) if !text.trim().is_empty() => {
                docs.push(Document::new(name, text));
                break;
            }
            Ok(_) => problems.push(format!("{name}: empty")),
            Err(why) => problems.push(format!("{name}: {why}")),
        }
    }
    if files.iter().any(|f| f == "USE_POLICY.md") {
        match read_text(&root.join("USE_POLICY.md")) {
            Ok(text) if !text.trim().is_empty() => docs.push(Document::new("USE_POLICY.md", text)),
            Ok(_) => {}
            Err(why) => problems.push(format!("USE_POLICY.md: {why}")),
        }
    }
    // All documents of one analysis stay under the engine's limit: the policy goes first.
    while docs.iter().map(|d| d.text.len()).sum::<usize>() > fineprint::analyze::MAX_INPUT_BYTES && docs.len() > 1 {
        let d = docs.pop().unwrap();
        problems.push(format!("{}: left out, the documents together are over the size limit", d.name));
    }
    let meta = HubModel { id: Some(dir.id.clone()), siblings: Some(files), card_data, ..HubModel::default() };
    Model { dir, docs, meta, card, has_front_matter, problems }
}

/// A `license_link` that is a path inside the repository (`LICENSE`, `./LICENSE.md`, or a Hub URL
/// of this repository's file), as a relative path.
fn local_link(link: &str, id: &str) -> Option<String> {
    let link = link.trim();
    let path = if let Some(i) = ["/blob/", "/resolve/", "/raw/"].iter().find_map(|m| link.find(m).map(|i| i + m.len())) {
        if !link.to_ascii_lowercase().contains(&format!("huggingface.co/{}/", id.to_ascii_lowercase())) {
            return None;
        }
        // After the revision.
        link[i..].split_once('/')?.1.to_string()
    } else if link.contains("://") || link.starts_with("//") {
        return None;
    } else {
        link.trim_start_matches("./").to_string()
    };
    (!path.is_empty() && !path.split('/').any(|p| p == ".." || p.is_empty())).then_some(path)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn license_names_and_links() {
        for n in ["LICENSE", "LICENSE.md", "licence.txt", "COPYING", "License.rst"] {
            assert!(is_license_name(n), "{n}");
        }
        for n in ["LICENSE-MODEL.pdf", "README.md", "license.py", "USE_POLICY.md"] {
            assert!(!is_license_name(n), "{n}");
        }
        let id = "microsoft/Phi-3-mini-4k-instruct";
        assert_eq!(local_link("LICENSE", id).as_deref(), Some("LICENSE"));
        assert_eq!(local_link("./LICENSE.md", id).as_deref(), Some("LICENSE.md"));
        assert_eq!(
            local_link("https://huggingface.co/microsoft/Phi-3-mini-4k-instruct/resolve/main/LICENSE", id).as_deref(),
            Some("LICENSE")
        );
        assert_eq!(local_link("https://huggingface.co/other/model/blob/main/LICENSE", id), None, "another repository's file");
        assert_eq!(local_link("https://ai.google.dev/gemma/terms", id), None);
        assert_eq!(local_link("../LICENSE", id), None);
    }
}
