//! One timed operation of `leadline bench`: run once to warm the caches, then several times,
//! reported as median, fastest and slowest against its budget.

use std::time::{Duration, Instant};

/// One timed operation.
#[derive(Debug, Clone)]
pub struct Measurement {
    pub name: String,
    pub median: Duration,
    pub fastest: Duration,
    pub slowest: Duration,
    /// The budget it must stay under, if it has one.
    pub target: Option<Duration>,
}

impl Measurement {
    pub fn within_target(&self) -> bool {
        self.target.is_none_or(|target| self.median < target)
    }
}

/// Runs `operation` once to warm the statement cache, then `runs` times, timing each.
pub fn measure<T, E>(
    name: impl Into<String>,
    target: Option<Duration>,
    runs: usize,
    mut operation: impl FnMut() -> Result<T, E>,
) -> anyhow::Result<Measurement>
where
    E: Into<anyhow::Error>,
{
    operation().map_err(Into::into)?;
    let mut times = Vec::with_capacity(runs);
    for _ in 0..runs {
        let started = Instant::now();
        std::hint::black_box(operation().map_err(Into::into)?);
        times.push(started.elapsed());
    }
    times.sort();
    Ok(Measurement {
        name: name.into(),
        median: times[times.len() / 2],
        fastest: times[0],
        slowest: times[times.len() - 1],
        target,
    })
}
