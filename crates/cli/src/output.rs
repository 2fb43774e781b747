//! Writing results: JSON lines or text to stdout, summaries to stderr. A closed pipe
//! (`factdesk list | head`) ends output quietly instead of panicking.

use serde::Serialize;
use std::io::{ErrorKind, Write};

pub struct Output {
    json: bool,
    closed: bool,
    stdout: std::io::StdoutLock<'static>,
}

impl Output {
    pub fn new(json: bool) -> Output {
        Output {
            json,
            closed: false,
            stdout: std::io::stdout().lock(),
        }
    }

    /// Switches to JSON lines (`analyze --jsonl` speaks JSON on both sides).
    pub fn use_json(&mut self) {
        self.json = true;
    }

    /// True once stdout was closed by the reader.
    pub fn closed(&self) -> bool {
        self.closed
    }

    /// Prints one record: `value` as a JSON line, or `text()` for people.
    pub fn record<T: Serialize>(&mut self, value: &T, text: impl FnOnce() -> String) {
        if self.closed {
            return;
        }
        let line = if self.json {
            serde_json::to_string(value)
                .unwrap_or_else(|e| format!("{{\"error\":\"cannot serialise output: {e}\"}}"))
        } else {
            text()
        };
        if let Err(error) = writeln!(self.stdout, "{line}") {
            if error.kind() == ErrorKind::BrokenPipe {
                self.closed = true;
            } else {
                eprintln!("factdesk: cannot write output: {error}");
                self.closed = true;
            }
        }
    }

    /// A closing line for people (stderr, so stdout stays clean for pipes); silent with --json.
    pub fn summary(&mut self, text: &str) {
        if !self.json {
            let _ = self.stdout.flush();
            eprintln!("{text}");
        }
    }
}
