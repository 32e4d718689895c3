//! # Backprop Lab
//!
//! Backpropagation on the XOR problem, in the notation of the lecture (Blackboards 2.1–2.3), step by
//! step. This crate is the pure core — no browser crates — plus one boundary module, [`web`], that
//! the wasm build exports to JavaScript.
//!
//! ## Conventions (the lecture's notation)
//!
//! | symbol | code | meaning |
//! |---|---|---|
//! | n = 1..L | `n`, `net.layer(n)` | weight layers; `layers()[n − 1]` is layer n |
//! | x^(0) | `pass.x(net, 0)` | the input of pattern μ (N numbers) |
//! | w_ij^(n), b_i^(n) | `net.w(n, i, j)`, `net.b(n, i)` | weight from neuron j below to neuron i; bias = weight on x_0 = 1 |
//! | a_i^(n) = Σ_j w_ij^(n) x_j^(n−1) + b_i^(n) | `pass.a` | drive of neuron i ([`forward::forward_layer`]) |
//! | x_i^(n) = g^(n)(a_i^(n)) | `pass.x` | output of neuron i; ŷ = x^(L) |
//! | E = ½ Σ_i Σ_μ (t_i^μ − y_i^μ)² | [`forward::error`] | a **sum** over patterns, not a mean |
//! | Ẽ(μ) | `pass.e` | one pattern's share |
//! | δ_i^(n) = ∂E/∂a_i^(n) | `pass.delta` | computed in [`backward::backward_layer`] |
//! | Δw_ij^(n) = −η δ_i^(n) x_j^(n−1) | [`train::update`] | η is `eta` |
//!
//! Indices in code count from 0 (neuron `i` is the lecture's i + 1); layer numbers n count from 1.
//!
//! ## Example: XOR with a 2-2-1 sigmoid network
//!
//! ```
//! use backprop_lab::{setup::Setup, session::Session};
//!
//! let mut lab = Session::new(Setup::default().model().unwrap()).unwrap();
//! let before = lab.error();
//! lab.train(5000).unwrap();
//! assert!(lab.error() < before);
//! let y: Vec<f64> = lab.trace()["patterns"].as_array().unwrap().iter()
//!     .map(|p| p["x"][1][0].as_f64().unwrap()).collect();
//! assert!(y[0] < 0.5 && y[1] > 0.5 && y[2] > 0.5 && y[3] < 0.5, "{y:?}");
//! ```

// The engine (src/engine/, its own crate so it is compiled for speed and the rest for size).
pub use backprop_engine::{
    activation, backprop, backward, block, cost, dataset, forward, grid, math, network, numerical,
    pass, rng, small, train,
};

pub mod advice;
pub mod check;
pub mod csv;
pub mod experiments;
pub mod history;
pub mod json;
pub mod model;
pub mod scaling;
pub mod session;
pub mod setup;
pub mod stepper;
pub mod teach;
pub mod ticks;
pub mod timeline;
pub mod trace;
pub mod url_state;

#[cfg(target_arch = "wasm32")]
pub mod web;
