//! # The engine: the lecture's numbers
//!
//! Network, forward pass, δ by backpropagation, numerical differentiation, training, data sets and
//! the boundary grid — everything the training loop and the boundary run through every frame. No
//! browser crates. It is its own crate only so that the release build can compile it for speed
//! (opt-level 3) and the rest of the app for size; `backprop_lab` re-exports every module, so
//! `backprop_lab::backward::backward_layer` is where δ is computed.
//!
//! Cold functions only the app calls (building a data set or a network, comparing and copying
//! patterns, reading a name) are `#[inline]`: an inline function is compiled in the crate that
//! calls it, so these get the app's size optimisation (about 4.5 KB less wasm) while the training
//! loop and the grid stay at opt-level 3.

pub mod activation;
pub mod backprop;
pub mod backward;
pub mod block;
pub mod cost;
pub mod dataset;
pub mod forward;
pub mod grid;
pub mod lanes;
pub mod math;
pub mod network;
pub mod numerical;
pub mod pass;
pub mod rng;
pub mod small;
pub mod train;
