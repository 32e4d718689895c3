//! The experiments against plain loops: the η sweep and the seeds give what
//! `Trainer::epoch` / `Session::train` give, bit for bit; the loss landscape's centre is E and its
//! slopes are the gradient; the limits and messages.

use backprop_lab::activation::Activation;
use backprop_lab::experiments::landscape::{landscape, landscape_at, moved_most, path};
use backprop_lab::experiments::seeds::{seed_runs, SeedRun};
use backprop_lab::experiments::sweep::{curve_epochs, sweep_eta};
use backprop_lab::experiments::{
    self as ex, parse_count, parse_eta_list, right_count, solved, DEFAULT_ETAS,
};
use backprop_lab::forward::error;
use backprop_lab::grid::{evaluate_grid, Quantity};
use backprop_lab::network::Network;
use backprop_lab::session::Session;
use backprop_lab::setup::Setup;
use backprop_lab::timeline::Timeline;
use backprop_lab::train::{Mode, Trainer};

fn session(setup: Setup) -> Session {
    Session::from_setup(&setup).unwrap()
}

fn bits(v: f64) -> u64 {
    v.to_bits()
}

/// What a plain loop over `Trainer::epoch` gives: (curve at `marks`, final E, solved at, diverged
/// at, epochs run, final weights).
#[allow(clippy::type_complexity)]
fn plain_run(
    start: &Network,
    s: &Session,
    eta: f64,
    mode: Mode,
    epochs: u64,
    marks: &[u64],
) -> (Vec<(u64, f64)>, f64, Option<u64>, Option<u64>, Network) {
    let data = s.data();
    let mut net = start.clone();
    let mut trainer = Trainer::new(&net);
    let mut curve = vec![(0, error(&net, data))];
    let mut solved_at = solved(&net, data).then_some(0);
    let mut diverged_at = None;
    let mut done = 0;
    for k in 1..=epochs {
        let e = trainer.epoch(&mut net, data, eta, mode);
        done = k;
        if solved_at.is_none() && solved(&net, data) {
            solved_at = Some(k);
        }
        let diverged = !e.is_finite() || !net.is_finite();
        if marks.contains(&k) || diverged {
            curve.push((k, error(&net, data)));
        }
        if diverged {
            diverged_at = Some(k);
            break;
        }
    }
    let _ = done;
    let final_e = error(&net, data);
    (curve, final_e, solved_at, diverged_at, net)
}

#[test]
fn the_sweep_equals_plain_loops_and_session_train() {
    let linear = Setup {
        hidden: vec![3],
        activations: vec![Activation::Tanh, Activation::Linear],
        ..Setup::default()
    };
    for (setup, etas) in [
        (Setup::default(), vec![0.1, 2.0, 46.4]),
        (
            Setup {
                mode: Mode::Online,
                ..Setup::default()
            },
            vec![0.5, 4.64],
        ),
        (linear, vec![0.05, 10.0]), // 10 diverges
    ] {
        let s = session(setup.clone());
        let epochs = 1500;
        let runs = sweep_eta(&s, &etas, epochs).unwrap();
        let marks = curve_epochs(epochs);
        assert_eq!(runs.len(), etas.len());
        for (run, &eta) in runs.iter().zip(&etas) {
            let (curve, final_e, solved_at, diverged_at, _) =
                plain_run(s.net(), &s, eta, setup.mode, epochs, &marks);
            assert_eq!(run.eta, eta);
            assert_eq!(run.curve.len(), curve.len(), "η = {eta}");
            for (a, b) in run.curve.iter().zip(&curve) {
                assert_eq!((a.0, bits(a.1)), (b.0, bits(b.1)), "η = {eta}");
            }
            assert_eq!(bits(run.final_e), bits(final_e), "η = {eta}");
            assert_eq!(run.solved_at, solved_at, "η = {eta}");
            assert_eq!(run.diverged_at, diverged_at, "η = {eta}");
            // and the main view trained at that η from epoch 0: the same E, the same epochs
            let mut main = session(Setup {
                eta,
                ..setup.clone()
            });
            let ran = main.train(epochs).unwrap();
            assert_eq!(ran, run.curve.last().unwrap().0, "η = {eta}");
            assert_eq!(bits(main.error()), bits(run.final_e), "η = {eta}");
        }
        if s.net().layer(2).activation == Activation::Linear {
            assert!(
                runs[1].diverged_at.is_some(),
                "η = 10 on a linear output diverges"
            );
            assert!(runs[0].diverged_at.is_none());
        } else {
            assert!(runs.iter().any(|r| r.solved_at.is_some()));
        }
    }
}

#[test]
fn the_sweep_starts_from_the_seeds_weights_not_the_current_ones() {
    let mut s = session(Setup::default());
    let before = sweep_eta(&s, &[2.0], 200).unwrap();
    s.train(50).unwrap();
    assert_eq!(sweep_eta(&s, &[2.0], 200).unwrap(), before);
    assert_eq!(bits(before[0].curve[0].1), {
        s.reset();
        bits(s.error())
    });
}

#[test]
fn curve_epochs_are_log_spread_and_end_at_the_last() {
    assert_eq!(curve_epochs(5), [0, 1, 2, 3, 4, 5]);
    for epochs in [256, 257, 2000, 5000, 99_999, 100_000] {
        let k = curve_epochs(epochs);
        assert_eq!(k[0], 0);
        assert_eq!(*k.last().unwrap(), epochs);
        assert!(k.len() <= 257, "{epochs}: {}", k.len());
        assert!(k.windows(2).all(|w| w[0] < w[1]));
        if epochs >= 2000 {
            // log-even: about as many points below √epochs as above
            let mid = (epochs as f64).sqrt() as u64;
            let below = k.iter().filter(|&&e| e > 0 && e <= mid).count();
            assert!(below < k.len() / 2 + 10, "{epochs}: {below} of {}", k.len());
        }
    }
}

/// What the seeds experiment should say of one seed, from Session::train and a loop of train(1).
fn plain_seed(setup: &Setup, seed: u64, epochs: u64, thumb: usize) -> SeedRun {
    let setup = Setup {
        seed,
        ..setup.clone()
    };
    let mut s = session(setup);
    let mut solved_at = solved(s.net(), s.data()).then_some(0);
    let mut diverged_at = None;
    for k in 1..=epochs {
        s.train(1).unwrap();
        if solved_at.is_none() && solved(s.net(), s.data()) {
            solved_at = Some(k);
        }
        if s.diverged() {
            diverged_at = Some(k);
            break;
        }
    }
    let mut grid = Vec::new();
    evaluate_grid(
        s.net(),
        s.data().domain(),
        (thumb, thumb),
        Quantity::X,
        true,
        &mut grid,
    )
    .unwrap();
    SeedRun {
        seed,
        final_e: s.error(),
        solved_at,
        right: right_count(s.net(), s.data()),
        diverged_at,
        thumb: grid.iter().map(|&y| f64::from(y)).collect(),
    }
}

#[test]
fn seeds_equal_session_train_seed_by_seed() {
    for mode in [Mode::Batch, Mode::Online] {
        let setup = Setup {
            mode,
            ..Setup::default()
        };
        let s = session(setup.clone());
        let runs = seed_runs(&s, (0, 10), 400, mode, 8).unwrap();
        for (k, run) in runs.iter().enumerate() {
            let want = plain_seed(&setup, k as u64, 400, 8);
            assert_eq!(run.seed, k as u64);
            assert_eq!(bits(run.final_e), bits(want.final_e), "{mode:?} seed {k}");
            assert_eq!(run.solved_at, want.solved_at, "{mode:?} seed {k}");
            assert_eq!(run.right, want.right, "{mode:?} seed {k}");
            assert_eq!(run.diverged_at, want.diverged_at, "{mode:?} seed {k}");
            assert_eq!(run.thumb, want.thumb, "{mode:?} seed {k}");
            assert_eq!(run.thumb.len(), 64);
        }
        assert!(
            runs.iter().any(|r| r.solved_at.is_some()),
            "{mode:?}: some seed solves XOR in 400 epochs"
        );
    }
}

#[test]
fn seeds_split_over_calls_give_the_same_numbers() {
    let s = session(Setup::default());
    let whole = seed_runs(&s, (0, 10), 300, Mode::Batch, 4).unwrap();
    let mut parts = seed_runs(&s, (0, 4), 300, Mode::Batch, 4).unwrap();
    parts.extend(seed_runs(&s, (4, 6), 300, Mode::Batch, 4).unwrap());
    assert_eq!(whole, parts);
    // the session's own state (trained, other seed) does not matter, only its setup
    let mut other = session(Setup {
        seed: 99,
        ..Setup::default()
    });
    other.train(10).unwrap();
    assert_eq!(
        seed_runs(&other, (4, 6), 300, Mode::Batch, 4).unwrap(),
        whole[4..]
    );
}

#[test]
fn seeds_on_a_generated_data_set_keep_the_sessions_patterns() {
    let setup = Setup::parse(r#"{"dataset": "circle", "seed": 5}"#).unwrap();
    let s = session(setup);
    let runs = seed_runs(&s, (7, 1), 50, Mode::Batch, 4).unwrap();
    // seed 7's weights on seed 5's patterns
    let mut net = s.net().clone();
    net.init(7);
    let mut main = Session::new(backprop_lab::model::Model { net, ..s.model() }).unwrap();
    assert!(main.data().same_patterns(s.data()));
    main.train(50).unwrap();
    assert_eq!(bits(runs[0].final_e), bits(main.error()));
}

#[test]
fn the_solved_criterion_is_xor_rs_s() {
    let mut s = session(Setup::default());
    assert!(!solved(s.net(), s.data()));
    s.train(2000).unwrap();
    assert!(
        solved(s.net(), s.data()),
        "tests/xor.rs solves the default in 2000"
    );
    assert!(s.error() < 0.01);
    assert_eq!(right_count(s.net(), s.data()), 4);
}

/// Cell of the landscape at (row, column).
fn cell(grid: &[f64], res: usize, r: usize, c: usize) -> f64 {
    grid[r * res + c]
}

#[test]
fn the_landscape_centre_is_e_and_its_slopes_are_the_gradient() {
    let deep = Setup {
        hidden: vec![3, 2],
        activations: vec![Activation::Tanh, Activation::Tanh, Activation::Sigmoid],
        ..Setup::default()
    };
    for (setup, trained) in [(Setup::default(), 300), (deep, 150)] {
        let mut s = session(setup);
        s.train(trained).unwrap();
        let (net, data) = (s.net(), s.data());
        let n = net.params().len();
        // pairs in layer 1, across layers, and above layer 1 (only the layers above are recomputed)
        for (p, q) in [
            (0, 1),
            (n - 1, 2),
            (3, n - 2),
            (n - 1, n - 2),
            (n - 4, n - 2),
            (n - 3, n - 1),
        ] {
            let big = landscape(net, data, (p, q), 2.0, 101).unwrap();
            assert_eq!(big.len(), 101 * 101);
            assert_eq!(bits(cell(&big, 101, 50, 50)), bits(s.error()), "centre = E");
            // every cell of a coarse one is E at its weights, bit for bit (top left: w_p − span,
            // w_q + span)
            let coarse = landscape(net, data, (p, q), 3.0, 11).unwrap();
            for (k, &e) in coarse.iter().enumerate() {
                let (r, c) = ((k / 11) as f64, (k % 11) as f64);
                let mut w = net.clone();
                w.params_mut()[p] += 3.0 * (2.0 * c / 10.0 - 1.0);
                w.params_mut()[q] += 3.0 * (1.0 - 2.0 * r / 10.0);
                assert_eq!(bits(e), bits(error(&w, data)), "({p}, {q}) cell {k}");
            }

            let (span, res) = (1e-3, 11);
            let fine = landscape(net, data, (p, q), span, res).unwrap();
            let h = span * 2.0 / (res - 1) as f64;
            let slope_p = (cell(&fine, res, 5, 6) - cell(&fine, res, 5, 4)) / (2.0 * h);
            let slope_q = (cell(&fine, res, 4, 5) - cell(&fine, res, 6, 5)) / (2.0 * h);
            let [e, gp, gq] = landscape_at(net, data, (p, q)).unwrap();
            assert_eq!(bits(e), bits(s.error()));
            let close = |a: f64, b: f64| (a - b).abs() <= 1e-4 * a.abs().max(b.abs()).max(1e-6);
            assert!(close(slope_p, gp), "p = {p}: {slope_p} vs {gp}");
            assert!(close(slope_q, gq), "q = {q}: {slope_q} vs {gq}");
        }
    }
}

#[test]
fn a_diverged_network_still_has_a_landscape() {
    let mut s = session(Setup {
        activations: vec![Activation::Linear, Activation::Linear],
        eta: 50.0,
        ..Setup::default()
    });
    s.train(1000).unwrap();
    assert!(s.diverged());
    let grid = landscape(s.net(), s.data(), (7, 8), 1.0, 11).unwrap();
    assert_eq!(grid.len(), 121);
    assert!(grid.iter().all(|e| !e.is_finite()));
}

#[test]
fn moved_most_breaks_ties_low_and_ignores_nan() {
    let mut t = Timeline::new(4);
    t.record(0, &[0.0; 4]).unwrap();
    t.record(1, &[0.0; 4]).unwrap();
    assert_eq!(moved_most(&t, 1, &[1.0, f64::NAN, 1.0, -1.0], 1), (0, 2));
    assert_eq!(moved_most(&t, 1, &[0.0, f64::NAN, 0.0, 5.0], 5), (3, 0));
    assert_eq!(moved_most(&t, 1, &[f64::NAN; 4], 1), (0, 1));
    assert_eq!(moved_most(&t, 1, &[0.0, 0.0, 0.0, 0.0], 1), (0, 1));
    // a window of 0 compares with the kept weights of the current epoch
    assert_eq!(moved_most(&t, 1, &[0.0, 0.0, 2.0, 0.0], 0), (2, 0));
    assert_eq!(moved_most(&t, 1, &[0.0, 3.0, 2.0, 0.0], 1), (1, 2));
}

#[test]
fn moved_most_and_the_path_read_the_timeline() {
    let mut s = session(Setup::default());
    assert_eq!(
        moved_most(s.timeline(), s.epoch(), s.net().params(), 100),
        (0, 1),
        "nothing moved at epoch 0"
    );
    s.train(300).unwrap();
    let now = s.net().params().to_vec();
    let then = s.timeline().weights(200).unwrap().to_vec();
    let mut order: Vec<usize> = (0..now.len()).collect();
    let moved = |k: usize| (now[k] - then[k]).abs();
    order.sort_by(|&a, &b| moved(b).total_cmp(&moved(a)).then(a.cmp(&b)));
    assert_eq!(
        moved_most(s.timeline(), 300, &now, 100),
        (order[0], order[1])
    );
    // a window longer than the run: from epoch 0
    let start = s.timeline().weights(0).unwrap().to_vec();
    let moved0 = |k: usize| (now[k] - start[k]).abs();
    let (p, q) = moved_most(s.timeline(), 300, &now, 1_000_000);
    assert!((0..now.len()).all(|k| moved0(k) <= moved0(p)) && moved0(q) <= moved0(p));

    let points = path(s.net(), s.timeline(), s.epoch(), (p, q)).unwrap();
    assert_eq!(points.len(), 301);
    assert_eq!(points[0], (start[p], start[q]));
    assert_eq!(*points.last().unwrap(), (now[p], now[q]));
    // scrubbed back: the path ends at the current epoch
    s.scrub_to(100).unwrap();
    let back = path(s.net(), s.timeline(), s.epoch(), (p, q)).unwrap();
    assert_eq!(back.len(), 101);
    assert_eq!(back[..], points[..101]);
    // a long run: thinned to 2000, first and last kept
    s.train(25_000).unwrap();
    let long = path(s.net(), s.timeline(), s.epoch(), (p, q)).unwrap();
    assert_eq!(long.len(), ex::MAX_PATH_POINTS);
    assert_eq!(long[0], (start[p], start[q]));
    let w = s.net().params();
    assert_eq!(*long.last().unwrap(), (w[p], w[q]));
}

#[test]
fn bad_settings_are_refused_with_a_message_for_the_field() {
    assert_eq!(
        parse_eta_list(" 0.1, 1;10  2e-2 "),
        Ok(vec![0.1, 1.0, 10.0, 0.02])
    );
    let cases = [
        ("", "η values: enter at least one"),
        (" , ", "η values: enter at least one"),
        ("0.1, abc", "η values: \"abc\" is not a number"),
        ("0.1 0", "η values: 0 is not > 0"),
        ("-2", "η values: -2 is not > 0"),
        ("1e999", "η values: “1e999” is too large for a number"),
        (
            "1e-999",
            "η values: “1e-999” is too small for a number (the smallest is 5e-324), and is not 0",
        ),
        ("Infinity", "η values: \"Infinity\" is not a number"),
    ];
    for (text, want) in cases {
        assert_eq!(parse_eta_list(text).unwrap_err(), want, "{text:?}");
    }
    let many = vec!["1"; 65].join(", ");
    assert_eq!(
        parse_eta_list(&many).unwrap_err(),
        "η values: at most 64, got 65"
    );
    assert_eq!(parse_eta_list(&vec!["1"; 64].join(" ")).unwrap().len(), 64);

    assert_eq!(parse_count(" 100 ", "seeds", 1, ex::MAX_SEEDS), Ok(100));
    for bad in [
        "",
        "0",
        "10001",
        "1.5",
        "-3",
        "1e3",
        "ten",
        "99999999999999999999999",
    ] {
        assert_eq!(
            parse_count(bad, "seeds", 1, ex::MAX_SEEDS).unwrap_err(),
            "seeds: enter a whole number from 1 to 10000",
            "{bad:?}"
        );
    }

    let s = session(Setup::default());
    let sweep = |etas: &[f64], epochs| sweep_eta(&s, etas, epochs).unwrap_err();
    assert_eq!(sweep(&[], 10), "η values: enter at least one");
    assert_eq!(sweep(&[1.0; 65], 10), "η values: at most 64, got 65");
    assert_eq!(sweep(&[1.0, 0.0], 10), "η values: 0 is not > 0");
    assert_eq!(
        sweep(&[f64::NAN], 10),
        "η values: NaN is not a finite number"
    );
    assert_eq!(
        sweep(&[1.0], 0),
        "epochs: enter a whole number from 1 to 100000"
    );
    assert!(sweep_eta(&s, &[1.0], 100_001).is_err());

    let seeds = |first, count, epochs, thumb| {
        seed_runs(&s, (first, count), epochs, Mode::Batch, thumb).unwrap_err()
    };
    assert_eq!(
        seeds(0, 0, 10, 8),
        "seeds: enter a whole number from 1 to 10000"
    );
    assert_eq!(
        seeds(0, 10_001, 10, 8),
        "seeds: enter a whole number from 1 to 10000"
    );
    assert!(seeds((1 << 53) - 2, 5, 10, 8).contains("last seed"));
    assert!(seeds(0, 1, 100_001, 8).starts_with("epochs:"));
    assert!(seeds(0, 1, 10, 3).starts_with("thumb:"));
    assert!(seeds(0, 1, 10, 33).starts_with("thumb:"));

    let (net, data) = (s.net(), s.data());
    assert_eq!(
        landscape(net, data, (2, 2), 1.0, 11).unwrap_err(),
        "the two parameters must differ"
    );
    assert_eq!(
        landscape_at(net, data, (4, 4)).unwrap_err(),
        "the two parameters must differ"
    );
    assert!(landscape(net, data, (0, 9), 1.0, 11)
        .unwrap_err()
        .starts_with("parameters:"));
    assert!(landscape(net, data, (0, 1), 0.0, 11)
        .unwrap_err()
        .starts_with("span:"));
    assert!(landscape(net, data, (0, 1), f64::NAN, 11)
        .unwrap_err()
        .starts_with("span:"));
    assert!(landscape(net, data, (0, 1), 1e4, 11)
        .unwrap_err()
        .starts_with("span:"));
    assert!(landscape(net, data, (0, 1), 1.0, 10)
        .unwrap_err()
        .starts_with("res:"));
    assert!(landscape(net, data, (0, 1), 1.0, 302)
        .unwrap_err()
        .starts_with("res:"));
    assert!(path(net, s.timeline(), 0, (1, 1)).is_err());
}

#[test]
fn the_default_etas_are_log_spaced_from_0_01_to_100() {
    assert_eq!(DEFAULT_ETAS.len(), 13);
    for (k, &eta) in DEFAULT_ETAS.iter().enumerate() {
        let exact = 10f64.powf(-2.0 + k as f64 / 3.0);
        assert!(
            (eta / exact - 1.0).abs() < 2.5e-3,
            "k = {k}: {eta} vs {exact}"
        ); // 3 digits
    }
    assert_eq!(ex::DEFAULT_EPOCHS, 2000);
    assert_eq!(ex::DEFAULT_SEEDS, 100);
    assert_eq!(ex::DEFAULT_SEED_EPOCHS, 5000);
    assert_eq!(
        ex::DEFAULT_RES % 2,
        1,
        "odd: the centre cell is the current weights"
    );
}

#[test]
fn a_lab_from_the_model_file_sweeps_and_seeds_alike() {
    // A worker gets Lab.fromModel(lab.toModel()): the current weights, the same seed and data.
    let mut page = session(Setup::parse(r#"{"dataset": "circle", "seed": 4}"#).unwrap());
    page.train(120).unwrap();
    let model = backprop_lab::model::Model::parse(&page.model().to_json().unwrap()).unwrap();
    let worker = Session::new(model).unwrap();
    assert_eq!(
        sweep_eta(&page, &[0.3, 3.0], 150).unwrap(),
        sweep_eta(&worker, &[0.3, 3.0], 150).unwrap()
    );
    assert_eq!(
        seed_runs(&page, (2, 3), 150, Mode::Online, 4).unwrap(),
        seed_runs(&worker, (2, 3), 150, Mode::Online, 4).unwrap()
    );
}

#[test]
fn a_network_without_an_input_plane_has_blank_thumbnails() {
    use backprop_lab::setup::DatasetSpec;
    let parity = Setup {
        dataset: DatasetSpec::Inline {
            inputs: vec![
                vec![0.0, 0.0, 1.0],
                vec![0.0, 1.0, 0.0],
                vec![1.0, 0.0, 0.0],
                vec![1.0, 1.0, 1.0],
            ],
            targets: vec![vec![1.0], vec![1.0], vec![1.0], vec![1.0]],
        },
        ..Setup::default()
    };
    let s = session(parity);
    let runs = seed_runs(&s, (0, 2), 100, Mode::Batch, 4).unwrap();
    assert!(runs
        .iter()
        .all(|r| r.thumb.len() == 16 && r.thumb.iter().all(|y| y.is_nan())));
    assert!(runs.iter().all(|r| r.final_e.is_finite()));
}

#[test]
fn the_landscape_range_is_read_from_its_field() {
    use backprop_lab::experiments::{parse_span, MAX_SPAN, MIN_SPAN};
    assert_eq!(parse_span(" 2.5 "), Ok(2.5));
    assert_eq!(parse_span("2,5"), Ok(2.5));
    assert_eq!(parse_span("1e-3"), Ok(MIN_SPAN));
    assert_eq!(parse_span("1000"), Ok(MAX_SPAN));
    for bad in [
        "", "abc", "0", "−1", "0.0009", "1000.5", "1e9", "NaN", "inf", "2 3",
    ] {
        assert_eq!(
            parse_span(bad),
            Err("range: enter a number from 0.001 to 1000".to_string()),
            "{bad:?}"
        );
    }
}

#[test]
fn a_comma_between_digits_in_the_eta_list_is_refused_not_split() {
    use backprop_lab::experiments::parse_eta_list;
    assert_eq!(
        parse_eta_list("0.1, 1 10;100"),
        Ok(vec![0.1, 1.0, 10.0, 100.0])
    );
    assert_eq!(parse_eta_list("0.1 ,1"), Ok(vec![0.1, 1.0]));
    for (text, item) in [("1,5", "1,5"), ("0.1 0,5", "0,5"), ("0.1,1,10", "0.1,1,10")] {
        assert_eq!(
            parse_eta_list(text),
            Err(format!(
                "η values: \"{item}\" — write a decimal with a point (1.5) and separate values with \", \" or spaces"
            )),
            "{text}"
        );
    }
}
