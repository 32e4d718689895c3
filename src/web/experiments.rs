//! The experiments (η sweep, seeds, loss landscape) for JavaScript: see `crate::experiments`.
