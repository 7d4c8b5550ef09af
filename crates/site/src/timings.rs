//! How long each phase of a build took, for `cjg build --timings`.

use std::time::{Duration, Instant};

/// Runs `work`, returning its result and how long it took.
fn timed_run<T>(work: impl FnOnce() -> T) -> (T, Duration) {
    let start = Instant::now();
    let result = work();
    (result, start.elapsed())
}

/// Durations by phase, in the order they ran.
#[derive(Debug, Default)]
pub struct Timings {
    phases: Vec<(&'static str, Duration)>,
}

impl Timings {
    /// Runs `work` and records how long it took under `phase`.
    pub fn measure<T>(&mut self, phase: &'static str, work: impl FnOnce() -> T) -> T {
        let (result, took) = timed_run(work);
        self.phases.push((phase, took));
        result
    }

    /// Runs two phases at the same time, each on the cores the other leaves free, and
    /// records how long each took; together they take about as long as the longer one.
    pub fn measure_side_by_side<A: Send, B: Send>(
        &mut self,
        (first, work_a): (&'static str, impl FnOnce() -> A + Send),
        (second, work_b): (&'static str, impl FnOnce() -> B + Send),
    ) -> (A, B) {
        let ((a, took_a), (b, took_b)) = rayon::join(|| timed_run(work_a), || timed_run(work_b));
        self.phases.push((first, took_a));
        self.phases.push((second, took_b));
        (a, b)
    }

    /// The recorded phases.
    pub fn phases(&self) -> &[(&'static str, Duration)] {
        &self.phases
    }
}
