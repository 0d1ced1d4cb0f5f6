//! A progress line on stderr for long phases: a bar on a terminal, a line every tenth of
//! the way otherwise (logs, CI).
use std::io::{IsTerminal, Write};
use std::time::{Duration, Instant};

/// Redraws at most this often on a terminal.
const REDRAW: Duration = Duration::from_millis(150);
/// The bar's width in characters.
const WIDTH: usize = 30;

/// The progress of one phase of `total` steps.
pub struct Progress {
    label: String,
    total: usize,
    done: usize,
    started: Instant,
    drawn_at: Option<Instant>,
    tenths_shown: usize,
    terminal: bool,
}

impl Progress {
    /// Starts a phase called `label` of `total` steps.
    pub fn new(label: &str, total: usize) -> Progress {
        let progress = Progress {
            label: label.to_string(),
            total: total.max(1),
            done: 0,
            started: Instant::now(),
            drawn_at: None,
            tenths_shown: 0,
            terminal: std::io::stderr().is_terminal(),
        };
        if !progress.terminal {
            eprintln!("    {label}: {total} steps");
        }
        progress
    }

    /// One more step done.
    pub fn step(&mut self) {
        self.set(self.done + 1);
    }

    /// `done` steps done so far.
    pub fn set(&mut self, done: usize) {
        self.done = done.min(self.total);
        if self.terminal {
            if self.drawn_at.is_none_or(|at| at.elapsed() >= REDRAW) || self.done == self.total {
                self.draw();
            }
        } else {
            let tenths = self.done * 10 / self.total;
            if tenths > self.tenths_shown {
                self.tenths_shown = tenths;
                eprintln!("    {}", self.line());
            }
        }
    }

    /// Ends the phase; returns how long it took.
    pub fn finish(mut self) -> Duration {
        self.done = self.total;
        if self.terminal {
            self.draw();
            eprintln!();
        }
        self.started.elapsed()
    }

    fn line(&self) -> String {
        let secs = self.started.elapsed().as_secs_f64();
        let rate = self.done as f64 / secs.max(1e-6);
        let left = if self.done > 0 { (self.total - self.done) as f64 / rate } else { 0.0 };
        format!(
            "{} {:>3}% {}/{} {:.1}/s {:.0}s elapsed, about {:.0}s left",
            self.label,
            self.done * 100 / self.total,
            self.done,
            self.total,
            rate,
            secs,
            left
        )
    }

    fn draw(&mut self) {
        let filled = self.done * WIDTH / self.total;
        let bar = format!("{}{}", "#".repeat(filled), ".".repeat(WIDTH - filled));
        let mut err = std::io::stderr().lock();
        let _ = write!(err, "\r\x1b[2K    [{bar}] {}", self.line());
        let _ = err.flush();
        self.drawn_at = Some(Instant::now());
    }
}
