//! The collector's global rate limit: one token bucket for all senders together, because the
//! collector never looks at who sends (no address, no state per client).

use std::num::NonZeroU32;
use std::sync::Mutex;
use std::time::Instant;

/// A token bucket holding one second's worth of events.
pub(crate) struct RateLimiter {
    per_second: f64,
    state: Mutex<(f64, Instant)>,
}

impl RateLimiter {
    pub fn new(per_second: NonZeroU32) -> RateLimiter {
        let per_second = f64::from(per_second.get());
        RateLimiter { per_second, state: Mutex::new((per_second, Instant::now())) }
    }

    /// Takes one token; `false` when the bucket is empty.
    pub fn try_acquire(&self) -> bool {
        let mut state = self.state.lock().unwrap_or_else(|vergiftigd| vergiftigd.into_inner());
        let (tokens, since) = &mut *state;
        let now = Instant::now();
        *tokens = (*tokens + now.duration_since(*since).as_secs_f64() * self.per_second).min(self.per_second);
        *since = now;
        if *tokens >= 1.0 {
            *tokens -= 1.0;
            true
        } else {
            false
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_bucket_holds_one_second_and_refills() {
        let limiter = RateLimiter::new(NonZeroU32::new(3).unwrap());
        assert!((0..3).all(|_| limiter.try_acquire()));
        assert!(!limiter.try_acquire());
        // Pretend half a second passed: 1.5 tokens back, so one more event.
        limiter.state.lock().unwrap().1 -= std::time::Duration::from_millis(500);
        assert!(limiter.try_acquire());
        assert!(!limiter.try_acquire());
    }
}
