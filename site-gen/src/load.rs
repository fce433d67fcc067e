//! Step 1 of the pipeline, load: the whole content model — the handbook's parts and chapters
//! and the advisories that passed the TLP gate — each item with the file it comes from (and
//! every error with its file and line). Folders of drafts are never read.
use std::path::PathBuf;

use anyhow::{anyhow, Result};

use crate::content::{self, Handbook};
use crate::error::{ContentError, ContentErrors};
use crate::gate::{self, Advisories};
use crate::Options;

/// Everything the site is made from.
#[derive(Debug, Clone)]
pub struct Content {
    pub handbook: Handbook,
    pub advisories: Advisories,
    /// Folders named `advisory-drafts` inside the content folder, left unread.
    pub drafts: Vec<PathBuf>,
}

impl Content {
    /// Source files read (chapters, part leads, advisories).
    pub fn file_count(&self) -> usize {
        self.handbook.sources().count() + self.advisories.report_count()
    }

    /// What the build says besides its result: the draft folders it did not read.
    pub fn notes(&self) -> Vec<String> {
        self.drafts
            .iter()
            .map(|d| format!("site-gen: {} は下書きのフォルダ ({}) のため読みません。中のファイルは公開されません", d.display(), gate::DRAFTS))
            .collect()
    }
}

/// Loads the content folder of `opts`. Every error of every file is reported together.
pub fn load(opts: &Options) -> Result<Content> {
    // `--content` pointing into a drafts folder: nothing there may be published.
    let absolute = opts
        .content
        .canonicalize()
        .unwrap_or_else(|_| opts.content.clone());
    if absolute
        .components()
        .any(|c| content::is_drafts_folder(c.as_os_str()))
    {
        return Err(anyhow!(ContentErrors(vec![ContentError::new(
            &opts.content,
            0,
            format!("下書きのフォルダ {} の中は公開できません。公開する内容は content/ の handbook/ か {}/ に置いてください", gate::DRAFTS, gate::FOLDER),
        )])));
    }
    let handbook = content::load(&opts.content);
    let advisories = gate::load(&opts.content);
    match (handbook, advisories) {
        (Ok(loaded), Ok(advisories)) => {
            let mut drafts = loaded.drafts;
            // The drafts folder beside the handbook, where the README says drafts go.
            if let Ok(entries) = std::fs::read_dir(&opts.content) {
                for e in entries.flatten() {
                    if e.file_type().is_ok_and(|t| t.is_dir())
                        && content::is_drafts_folder(&e.file_name())
                        && !drafts.contains(&e.path())
                    {
                        drafts.push(e.path());
                    }
                }
            }
            drafts.sort();
            Ok(Content {
                handbook: loaded.handbook,
                advisories,
                drafts,
            })
        }
        (h, a) => {
            let mut errors = h.err().unwrap_or_default();
            errors.extend(a.err().unwrap_or_default());
            Err(anyhow!(ContentErrors(errors)))
        }
    }
}
