//! Native figures for the benchmark: XOR batch epochs per second and grid forward passes per second,
//! the same Rust code the browser runs. `npm run bench` prints these next to the browser's.

use std::hint::black_box;
use std::time::Instant;

use backprop_lab::{
    activation::Activation,
    grid::{evaluate_grid, Quantity},
    rng::Rng,
    session::Session,
    setup::DatasetSpec,
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
    restore_on_the_largest_network();
    experiments();
}

/// The median of `runs` timings of `f`, in milliseconds.
fn median_ms(runs: usize, mut f: impl FnMut()) -> f64 {
    let mut ms: Vec<f64> = (0..runs)
        .map(|_| {
            let start = Instant::now();
            f();
            start.elapsed().as_secs_f64() * 1e3
        })
        .collect();
    ms.sort_by(f64::total_cmp);
    ms[runs / 2]
}

/// The experiments on 2-2-1 XOR (the default setup), single-threaded: the η sweep (13 ×
/// 2000 epochs), 1000 seeds × 5000 epochs (batch, 16 × 16 thumbnails) and the loss landscape
/// (101 × 101, along the two parameters that moved most, after 300 epochs).
fn experiments() {
    use backprop_lab::experiments::{
        landscape::{landscape, moved_most},
        seeds::seed_runs,
        sweep::sweep_eta,
        DEFAULT_ETAS,
    };
    use backprop_lab::train::Mode;
    let mut lab = Session::from_setup(&Setup::default()).unwrap();
    let sweep = median_ms(5, || {
        black_box(sweep_eta(&lab, &DEFAULT_ETAS, 2000).unwrap());
    });
    println!("native sweep 13x2000: {sweep:.1} ms");
    let mut solved = 0;
    let seeds = median_ms(1, || {
        let runs = seed_runs(&lab, (0, 1000), 5000, Mode::Batch, 16).unwrap();
        solved = runs.iter().filter(|r| r.solved_at.is_some()).count();
    });
    println!("native seeds 1000x5000 batch: {seeds:.0} ms (one thread; {solved} of 1000 solved)");
    lab.train(300).unwrap();
    let pq = moved_most(lab.timeline(), lab.epoch(), lab.net().params(), 100);
    let land = median_ms(51, || {
        black_box(landscape(lab.net(), lab.data(), pq, 4.0, 101).unwrap());
    });
    println!("native landscape 101x101: {land:.2} ms");
}

/// "Restore last good state" after a blow-up on the largest network the app allows (16-16-16-16-16,
/// 1000 patterns): a user action, so it must fit in a frame whatever the timeline holds.
fn restore_on_the_largest_network() {
    let mut rng = Rng::new(5);
    let mut rows = |width: usize| -> Vec<Vec<f64>> {
        (0..1000)
            .map(|_| (0..width).map(|_| rng.uniform(-1.0, 1.0)).collect())
            .collect()
    };
    let setup = Setup {
        dataset: DatasetSpec::Inline {
            inputs: rows(16),
            targets: rows(16),
        },
        hidden: vec![16, 16, 16],
        activations: vec![Activation::Linear; 4],
        eta: 1e-4,
        ..Setup::default()
    };
    let mut lab = Session::from_setup(&setup).unwrap();
    lab.train(1500).unwrap();
    lab.set_learning_rate(1.0).unwrap();
    let ran = lab.train(10_000).unwrap();
    let kept = lab.timeline_epochs().len();
    let start = Instant::now();
    let epoch = lab.restore_last_good().unwrap();
    let ms = start.elapsed().as_secs_f64() * 1e3;
    println!(
        "native restore last good state, 16-16-16-16-16 on 1000 patterns, {kept} kept epochs \
         (diverged after {ran} more): {ms:.1} ms (back to epoch {epoch}; target: within a frame)"
    );
}
