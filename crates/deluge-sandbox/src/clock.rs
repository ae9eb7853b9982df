//! The simulator's clock, injectable so tests fix `Created_Time` and can
//! move time forward past a token's expiry.

use jiff::{SignedDuration, ZonedDateTime as Zoned};
use std::sync::Mutex;

pub trait Clock: Send + Sync {
    fn now(&self) -> Zoned;
}

/// The machine's clock in its time zone.
pub struct SystemClock;

impl Clock for SystemClock {
    fn now(&self) -> Zoned {
        Zoned::now()
    }
}

/// A clock that stands still until moved.
pub struct FixedClock(Mutex<Zoned>);

impl FixedClock {
    pub fn new(now: Zoned) -> FixedClock {
        FixedClock(Mutex::new(now))
    }

    pub fn advance(&self, by: SignedDuration) {
        let mut now = self.0.lock().unwrap_or_else(|e| e.into_inner());
        if let Ok(later) = now.checked_add(by) {
            *now = later;
        }
    }
}

impl Clock for FixedClock {
    fn now(&self) -> Zoned {
        self.0.lock().unwrap_or_else(|e| e.into_inner()).clone()
    }
}
