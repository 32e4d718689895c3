//! Experiments a fast engine can run in seconds: an η sweep, many seeds, and the loss landscape.
