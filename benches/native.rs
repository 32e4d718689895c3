//! Native figures for the benchmark: XOR batch epochs per second and grid forward passes per second,
//! the same Rust code the browser runs. `npm run bench` prints these next to the browser's.

use std::hint::black_box;
use std::time::Instant;

use backprop_lab::{
    activation::Activation,
    grid::{evaluate_grid, Quantity},
    session::Session,
    setup::Setup,
};

/// Runs `f` (which does `units` units of work) until at least `secs` have passed; units per second.
fn rate(secs: f64, units: u64, mut f: impl FnMut()) -> f64 {
    f(); // warm up
    let start = Instant::now();
    let mut done = 0;
    while start.elapsed().as_secs_f64() < secs {
        f();
        done += units;
    }
    done as f64 / start.elapsed().as_secs_f64()
}

fn main() {
    let tanh = Activation::Tanh;
    let sig = Activation::Sigmoid;
    let nets = [
        ("2-2-1", vec![2], vec![tanh, sig]),
        ("2-8-8-1", vec![8, 8], vec![tanh, tanh, tanh]),
    ];
    for (name, hidden, activations) in nets {
        let setup = Setup {
            hidden,
            activations,
            eta: 0.5,
            ..Setup::default()
        };
        let mut lab = Session::new(setup.model().unwrap()).unwrap();
        let epochs = rate(1.5, 10_000, || {
            lab.train(10_000).unwrap();
        });
        let mut out = Vec::new();
        let grid = rate(1.0, 200 * 200, || {
            evaluate_grid(
                lab.net(),
                [-0.5, 1.5, -0.5, 1.5],
                (200, 200),
                Quantity::X,
                true,
                &mut out,
            )
            .unwrap();
            black_box(&out);
        });
        println!("native {name}: {epochs:.0} XOR batch epochs/s, {grid:.0} grid forward passes/s");
    }
}
