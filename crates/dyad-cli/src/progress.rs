//! Progress on standard error (only when it is a terminal) and the run summary.

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use std::io::IsTerminal;
use std::process::ExitCode;
use std::time::{Duration, Instant};

/// Counts of one run.
#[derive(Debug, Default, Clone, Copy)]
pub struct Summary {
    pub read: usize,
    pub coded: usize,
    pub skipped: usize,
    pub sentences: usize,
    pub events: usize,
    pub bytes: usize,
    /// Documents whose id an earlier document of the run had (renamed `ID~2`, ...).
    pub repeated_ids: usize,
    /// Sentences cut into pieces before parsing (text without sentence-ending punctuation).
    pub long_sentences: usize,
    /// Documents read without a publication date (their events have date null).
    pub undated: usize,
}

impl Summary {
    pub fn render(&self, elapsed: Duration) -> String {
        let secs = elapsed.as_secs_f64().max(1e-9);
        // Counts of what was warned about appear only when there is something to count.
        let mut notes = String::new();
        if self.undated > 0 {
            notes += &format!(", {} undated", self.undated);
        }
        if self.repeated_ids > 0 {
            notes += &format!("; repeated ids: {}", self.repeated_ids);
        }
        if self.long_sentences > 0 {
            notes += &format!("; long sentences cut: {}", self.long_sentences);
        }
        format!(
            "documents: {} read, {} coded, {} skipped{notes}; sentences: {}; events: {}; {:.2} s ({:.0} sentences/s, {:.0} documents/s)",
            self.read,
            self.coded,
            self.skipped,
            self.sentences,
            self.events,
            secs,
            self.sentences as f64 / secs,
            self.coded as f64 / secs
        )
    }

    /// 0 when every document was read; 2 when some were skipped (the rest were still coded).
    pub fn exit_code(&self) -> ExitCode {
        if self.skipped > 0 {
            ExitCode::from(2)
        } else {
            ExitCode::SUCCESS
        }
    }
}

pub struct Progress {
    bar: ProgressBar,
    start: Instant,
}

impl Progress {
    pub fn new(what: &str) -> Progress {
        let bar = if std::io::stderr().is_terminal() {
            let bar = ProgressBar::with_draw_target(None, ProgressDrawTarget::stderr());
            if let Ok(style) =
                ProgressStyle::with_template("{spinner} {prefix} {pos} documents {msg} [{elapsed}]")
            {
                bar.set_style(style);
            }
            bar.set_prefix(what.to_string());
            bar
        } else {
            ProgressBar::hidden()
        };
        Progress {
            bar,
            start: Instant::now(),
        }
    }

    /// No display: errors are still printed, one per line (for logs such as `dyad watch`'s).
    pub fn hidden() -> Progress {
        Progress {
            bar: ProgressBar::hidden(),
            start: Instant::now(),
        }
    }

    pub fn advance(&self, docs: u64, summary: &Summary) {
        self.bar.inc(docs);
        self.bar.set_message(format!(
            "{} sentences, {} events",
            summary.sentences, summary.events
        ));
    }

    /// Prints a line without breaking the progress display.
    pub fn println(&self, line: &str) {
        if self.bar.is_hidden() {
            eprintln!("{line}");
        } else {
            self.bar.suspend(|| eprintln!("{line}"));
        }
    }

    pub fn finish(&self) {
        self.bar.finish_and_clear();
    }

    pub fn elapsed(&self) -> Duration {
        self.start.elapsed()
    }
}
