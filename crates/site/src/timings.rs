//! How long each phase of a build took, for `cjg build --timings`.

use std::time::{Duration, Instant};

/// Durations by phase, in the order they ran.
#[derive(Debug, Default)]
pub struct Timings {
    phases: Vec<(&'static str, Duration)>,
}

impl Timings {
    /// Runs `work` and records how long it took under `phase`.
    pub fn measure<T>(&mut self, phase: &'static str, work: impl FnOnce() -> T) -> T {
        let start = Instant::now();
        let result = work();
        self.phases.push((phase, start.elapsed()));
        result
    }

    /// The recorded phases.
    pub fn phases(&self) -> &[(&'static str, Duration)] {
        &self.phases
    }
}
