//! Your own data: CSV in and out, every rejection with its line and column, data edits with undo,
//! and custom data through links and model files.

mod common;

use backprop_lab::csv::{parse, parse_link, round_to_view, write, write_link};
use backprop_lab::dataset::{Dataset, MAX_PATTERNS};
use backprop_lab::model::Model;
use backprop_lab::rng::Rng;
use backprop_lab::session::Session;
use backprop_lab::setup::DatasetSpec;
use backprop_lab::setup::Setup;
use backprop_lab::url_state::UrlState;

fn xor() -> Session {
    Session::from_setup(&Setup::default()).unwrap()
}

/// A random data set: N inputs, K targets, P patterns of numbers of every magnitude.
fn random_data(rng: &mut Rng) -> Dataset {
    let n = 1 + (rng.next_u64() % 4) as usize;
    let k = 1 + (rng.next_u64() % 3) as usize;
    let p = 1 + (rng.next_u64() % 40) as usize;
    let mut number = || {
        let v = f64::from_bits(rng.next_u64());
        match rng.next_u64() % 4 {
            0 if v.is_finite() => v,
            1 => (rng.next_u64() % 3) as f64,
            _ => (rng.next_u64() as f64 / u64::MAX as f64 - 0.5) * 10.0,
        }
    };
    let inputs: Vec<Vec<f64>> = (0..p).map(|_| (0..n).map(|_| number()).collect()).collect();
    let targets: Vec<Vec<f64>> = (0..p).map(|_| (0..k).map(|_| number()).collect()).collect();
    Dataset::inline(&inputs, &targets).unwrap()
}

#[test]
fn csv_round_trips_bit_for_bit_in_files_and_links() {
    let mut rng = Rng::new(12);
    for _ in 0..300 {
        let d = random_data(&mut rng);
        let text = write(&d);
        let back = parse(&text, (0, 0)).unwrap();
        let again = Dataset::inline(&back.inputs, &back.targets).unwrap();
        assert!(again.same_patterns(&d), "{text}");
        assert_eq!(
            write(&again),
            text,
            "exported again, the bytes are the same"
        );
        assert!(back.notes.is_empty(), "{:?}", back.notes);
        let link = parse_link(&write_link(&d)).unwrap();
        assert!(Dataset::inline(&link.inputs, &link.targets)
            .unwrap()
            .same_patterns(&d));
    }
}

#[test]
fn spreadsheet_forms_are_read() {
    let xor = Dataset::named("xor", 7).unwrap();
    let read = |text: &str| {
        let t = parse(text, (2, 1)).unwrap();
        (Dataset::inline(&t.inputs, &t.targets).unwrap(), t.notes)
    };
    for text in [
        "x1,x2,t1\n0,0,0\n0,1,1\n1,0,1\n1,1,0\n",
        "\u{feff}x1,x2,t\r\n0,0,0\r\n0,1,1\r\n1,0,1\r\n1,1,0",
        "X1\tX2\tT1\n0\t0\t0\n0\t1\t1\n1\t0\t1\n1\t1\t0\n",
        "x1;x2;t1\n0,0;0;0\n0;1;1\n1;0;1\n1;1;0\n",
        "\"x1\",\"x2\",\"t1\"\n\"0\",\"0\",\"0\"\n0,1,1\n\n1,0,1\n1,1,0\n",
        "  x1   x2  t1\n 0 0 0\n0 1 1\n1 0 1\n1  1 0\n",
    ] {
        let (d, notes) = read(text);
        assert!(d.same_patterns(&xor), "{text:?}");
        assert!(notes.is_empty());
    }
    let (d, notes) = read("0 0 0\n0 1 1\n1 0 1\n1 1 0\n");
    assert!(d.same_patterns(&xor));
    assert_eq!(notes, ["no header: the columns were read as x1, x2, t1"]);
    let t = parse("0.5,1.5\n2,3\n", (2, 1)).unwrap();
    assert_eq!(
        (t.inputs[1].clone(), t.targets[1].clone()),
        (vec![2.0], vec![3.0])
    );
    let t = parse("x1,t1,t2\n1,0,1\n", (2, 1)).unwrap();
    assert_eq!(t.targets[0], vec![0.0, 1.0]);
}

#[test]
fn every_rejection_names_its_line_and_column() {
    let big = format!("x1,x2,t1\n{}", "0,0,1\n".repeat(MAX_PATTERNS + 1));
    let ten_mb = "0,0,1\n".repeat((10 << 20) / 6);
    let cases: &[(&str, &str)] = &[
        (
            "x1,x2,t1\n0,0,0\n0,1\n",
            "line 3, column 3: t1 is missing (expected 3 columns: x1, x2, t1)",
        ),
        (
            "x1,x2,t1\n0,0,0\n0,1,1,1\n",
            "line 3, column 4: one column too many",
        ),
        (
            "x1,x2,t1\n0,0,0\n0,abc,1\n",
            "line 3, column 2 (x2): “abc” is not a number",
        ),
        (
            "x1,x2,t1\nNaN,0,0\n",
            "line 2, column 1 (x1): “NaN” is not a number",
        ),
        (
            "x1,x2,t1\n0,Infinity,0\n",
            "line 2, column 2 (x2): “Infinity” is not a number",
        ),
        (
            "x1,x2,t1\n0,1e400,0\n",
            "line 2, column 2 (x2): “1e400” is too large",
        ),
        (
            "x1,x2,t1\n0,,0\n",
            "line 2, column 2 (x2): the cell is empty",
        ),
        ("", "the data is empty"),
        ("  \n\n", "the data is empty"),
        ("x1,x2,t1\n", "line 1: a header and no patterns"),
        (
            "x1,y,t1\n0,0,0\n",
            "line 1, column 2: header “y”: expected x2 or t1",
        ),
        ("t1,x1\n0,0\n", "line 1, column 1: header “t1”: expected x1"),
        (
            "x1,x2\n0,0\n",
            "line 1: the header has no target column (t1)",
        ),
        ("7\n", "line 1: one column"),
        (
            "x1,x2,t1\n0,0,\u{0}1\n",
            "line 2, column 5: this is not text (a binary file?)",
        ),
        ("\u{fffd}PNG\r\n", "line 1, column 1: this is not text"),
        (&big, "line 1002: more than 1000 patterns"),
        (&ten_mb, "the data is 10.0 MB, more than the 1 MB"),
    ];
    for (text, expected) in cases {
        let e = parse(text, (2, 1)).unwrap_err();
        assert!(e.starts_with(expected), "{expected:?}\n got {e:?}");
    }
}

#[test]
fn generated_csv_never_panics_and_explains_every_rejection() {
    let mut rng = Rng::new(99);
    let alphabet = b"0123456789.,;-+eE \t\n\rxtXTabc\"\x00";
    for round in 0..3000 {
        let d = random_data(&mut rng);
        let text = common::mutate(&mut rng, &write(&d), alphabet, 6);
        match parse(&text, (d.inputs(), d.outputs())) {
            Ok(t) => {
                let again = Dataset::inline(&t.inputs, &t.targets).unwrap();
                let back = parse(&write(&again), (0, 0)).unwrap();
                assert_eq!(
                    (back.inputs, back.targets),
                    (t.inputs, t.targets),
                    "round {round}"
                );
            }
            Err(e) => assert!(
                e.starts_with("line ") || e.starts_with("the data is"),
                "round {round}: {e:?} for {text:?}"
            ),
        }
    }
}

#[test]
fn a_drawn_point_keeps_a_thousandth_of_the_view() {
    assert_eq!(round_to_view(0.123456789, 2.0), 0.123);
    assert_eq!(round_to_view(-0.30000000000000004, 2.0), -0.3);
    assert_eq!(round_to_view(123456.7, 3e6), 123000.0);
    assert_eq!(round_to_view(0.1 + 0.2, 1.0), 0.3);
    assert_eq!(round_to_view(-1234.5678, 30.0), -1234.57);
    assert_eq!(
        round_to_view(1.5e-300, 1e-297),
        1.5e-300,
        "finer than 1e-22: kept"
    );
    assert_eq!(round_to_view(f64::MAX, f64::INFINITY), f64::MAX);
    assert_eq!(backprop_lab::json::read_number("0,5", true), Ok(0.5));
    assert!(backprop_lab::json::read_number("0,5", false).is_err());
}

#[test]
fn flipping_one_target_of_xor_gives_or_and_undo_brings_xor_back() {
    let mut s = xor();
    s.train(50).unwrap();
    let w = s.net().params().to_vec();
    assert_eq!(s.data_match(), None, "not edited yet");
    s.flip_target(3, 0).unwrap();
    assert_eq!(
        s.setup().dataset_name(),
        "or",
        "equal to a built-in set: named so"
    );
    assert_eq!(s.data_match(), Some("OR"));
    assert_eq!(s.net().params(), &w[..], "the weights stay");
    assert_eq!(s.epoch(), 50, "training goes on from here");
    assert_eq!(s.data_edits(), (true, false));
    assert!(s.undo_data());
    assert_eq!(s.setup().dataset_name(), "xor");
    assert!(s.redo_data());
    assert_eq!(s.setup().dataset_name(), "or");
    assert!(!s.redo_data());
    // OR needs no hidden layer.
    let mut flat = s
        .with_changes(r#"{"hidden": [], "learning_rate": 2}"#)
        .unwrap();
    assert_eq!(flat.setup().dataset_name(), "or");
    flat.train(5000).unwrap();
    assert!(flat.error() < 0.1, "E = {}", flat.error());
}

#[test]
fn drawing_moving_and_removing_points() {
    let mut s = xor();
    let mu = s.add_pattern_at(0.123456, 1.3333333, &[1.0]).unwrap();
    assert_eq!(mu, 4);
    assert_eq!(s.data().pattern(4), (&[0.123, 1.333][..], &[1.0][..]));
    assert_eq!(s.setup().dataset_name(), "custom");
    assert_eq!(
        s.view(),
        [-0.5, 1.5, -0.5, 1.5],
        "inside the view: the view stays"
    );
    s.move_pattern(4, 0.2, 0.2, false).unwrap();
    s.move_pattern(4, 0.3, 0.3, true).unwrap();
    s.move_pattern(4, 3.0, 0.4, true).unwrap();
    assert!(
        s.view()[1] > 3.0,
        "a point outside the view widens it: {:?}",
        s.view()
    );
    s.fit_view();
    assert_eq!(s.view(), s.data().domain());
    assert!(s.undo_data(), "one drag is one undo step");
    assert_eq!(s.data().pattern(4).0, &[0.123, 1.333]);
    s.remove_pattern(4).unwrap();
    assert_eq!(s.setup().dataset_name(), "xor");
    for _ in 0..3 {
        s.remove_pattern(0).unwrap();
    }
    assert!(s
        .remove_pattern(0)
        .unwrap_err()
        .contains("at least one pattern"));
    assert!(s
        .remove_pattern(9)
        .unwrap_err()
        .contains("not one of 0 to 0"));
    let e = s.set_pattern_value(0, 1, "abc").unwrap_err();
    assert_eq!(e, "x2 of pattern 1: “abc” is not a number");
    s.set_pattern_value(0, 2, " 0,25 ").unwrap();
    assert_eq!(s.data().pattern(0).1, &[0.25]);
    assert!(s
        .set_pattern_value(0, 3, "1")
        .unwrap_err()
        .contains("column 3"));
}

#[test]
fn an_edit_reaches_the_stepper_and_the_error_at_once() {
    let mut s = xor();
    s.step();
    s.step();
    let e = s.error();
    s.add_pattern(&[0.5, 0.5], &[1.0]).unwrap();
    assert_ne!(s.error(), e);
    assert_eq!(
        s.stepper().state().passes.len(),
        5,
        "the stepper steps through 5 patterns"
    );
    for _ in 0..100 {
        s.step();
    }
    assert!(s.epoch() >= 1);
}

#[test]
fn import_of_another_shape_builds_a_network_for_it_and_undo_returns() {
    let mut s = xor();
    let notes = s.import_csv("x1,t1,t2\n0,0,1\n1,1,0\n").unwrap();
    assert!(notes.is_empty(), "{notes:?}");
    assert_eq!((s.net().inputs(), s.net().outputs()), (1, 2));
    let e = s.import_csv("x1,x2,t1\n0,0,0\n1,bad,0\n").unwrap_err();
    assert!(e.starts_with("line 3, column 2"), "{e}");
    assert_eq!(s.net().inputs(), 1, "a refused import changes nothing");
    let notes = s.import_csv("x1,t1\n0,2\n1,-1\n").unwrap();
    assert_eq!(notes.len(), 1);
    assert!(
        notes[0].starts_with("2 targets lie outside what a sigmoid output reaches (0 to 1)"),
        "{notes:?}"
    );
    assert!(s.undo_data());
    assert_eq!(s.net().outputs(), 2);
    assert!(s.undo_data());
    assert_eq!((s.setup().dataset_name(), s.net().inputs()), ("xor", 2));
    assert!(!s.undo_data());
}

#[test]
fn drawn_data_travels_in_links_and_model_files() {
    let mut s = xor();
    for k in 0..20 {
        s.add_pattern_at(k as f64 / 7.0, 1.0 - k as f64 / 9.0, &[(k % 2) as f64])
            .unwrap();
    }
    let hash = s.to_hash(7, true).unwrap();
    assert!(hash.starts_with("data=x1,x2,t1;0,0,0;0,1,1;"), "{hash}");
    let back = UrlState::parse(&hash);
    assert!(back.ignored.is_empty(), "{:?}", back.ignored);
    let opened = Session::from_setup(&back.setup).unwrap();
    assert!(opened.data().same_patterns(s.data()));
    let model = Model::parse(&s.model().to_json().unwrap()).unwrap();
    assert!(matches!(model.dataset, DatasetSpec::Inline { .. }));
    assert!(Session::new(model).unwrap().data().same_patterns(s.data()));
    // A bad data= part is skipped with its reason; the rest of the link is kept.
    let bad = UrlState::parse("#data=x1,x2,t1;0,zz,1&seed=3");
    assert_eq!(bad.setup.seed, 3);
    assert_eq!(bad.setup.dataset_name(), "xor");
    assert!(
        bad.ignored[0].starts_with("data: line 2, column 2 (x2)"),
        "{:?}",
        bad.ignored
    );
}

#[test]
fn a_thousand_drawn_points_fit_in_a_link_and_long_numbers_say_why_not() {
    let mut s = xor();
    let mut rng = Rng::new(5);
    let mut r = || rng.next_u64() as f64 / u64::MAX as f64 * 2.0 - 0.5;
    for _ in 4..MAX_PATTERNS {
        s.add_pattern_at(r(), r(), &[1.0]).unwrap();
    }
    assert!(s
        .add_pattern(&[0.0, 0.0], &[0.0])
        .unwrap_err()
        .contains("1000 patterns"));
    let hash = s.to_hash(7, true).unwrap();
    assert!(hash.len() < 20_000, "{} bytes", hash.len());
    let rows: Vec<String> = (0..MAX_PATTERNS)
        .map(|k| {
            let v = |j: f64| 1.0 / (k as f64 + j) + 0.1;
            format!("{},{},{},{},1", v(3.0), v(7.0), v(11.0), v(13.0))
        })
        .collect();
    s.import_csv(&format!("x1,x2,x3,x4,t1\n{}", rows.join("\n")))
        .unwrap();
    let e = s.to_hash(7, false).map(|h| h.len()).unwrap_err();
    assert!(
        e.starts_with("the data (1000 patterns) makes the link"),
        "{e}"
    );
    assert!(e.ends_with("use Export model to share it as a file"), "{e}");
}

#[test]
fn picking_a_built_in_set_over_ones_own_data_can_be_undone() {
    let mut s = xor();
    s.add_pattern(&[0.5, 0.5], &[1.0]).unwrap();
    let mine = s.data().clone();
    let mut circle = s.with_changes(r#"{"dataset": "circle"}"#).unwrap();
    assert_eq!(circle.setup().dataset_name(), "circle");
    assert_eq!(circle.data_edits(), (true, false));
    assert!(circle.undo_data());
    assert!(
        circle.data().same_patterns(&mine),
        "one undo brings one's own data back"
    );
    // From a built-in set that was not edited there is nothing to undo.
    let fresh = xor().with_changes(r#"{"dataset": "or"}"#).unwrap();
    assert_eq!(fresh.data_edits(), (false, false));
    let mut or = xor();
    or.flip_target(3, 0).unwrap();
    assert!(or.data_separable());
    or.flip_target(3, 0).unwrap();
    assert!(!or.data_separable(), "XOR again");
    assert_eq!(or.data_match(), Some("XOR (the lecture)"));
}

#[test]
fn a_built_in_set_opens_with_its_defaults_from_the_menu_and_from_a_link() {
    use backprop_lab::setup::defaults;
    let spiral = defaults("spiral").unwrap();
    let s = Setup::parse(r#"{"dataset": "spiral"}"#).unwrap();
    assert_eq!(
        (&s.hidden, s.eta, s.seed),
        (&spiral.hidden, spiral.eta, spiral.seed)
    );
    let s = Setup::parse(r#"{"learning_rate": 0.3, "dataset": "spiral", "hidden": [3]}"#).unwrap();
    assert_eq!(
        (s.hidden.clone(), s.eta),
        (vec![3], 0.3),
        "fields given win"
    );
    assert_eq!(
        s.activations,
        [spiral.activations[0], spiral.activations[2]]
    );
    let url = UrlState::parse("#dataset=circle");
    assert_eq!(url.setup.hidden, defaults("circle").unwrap().hidden);
    let url = UrlState::parse("#eta=0.7&dataset=circle&hidden=");
    assert_eq!((url.setup.eta, url.setup.hidden.len()), (0.7, 0));
    let url = UrlState::parse("#dataset=circle&dataset=and");
    assert_eq!(
        url.setup.dataset_name(),
        "circle",
        "the first given counts, defaults too"
    );
    assert_eq!(url.setup.hidden, defaults("circle").unwrap().hidden);
    // The lecture's default is XOR's own.
    let xor = defaults("xor").unwrap();
    let d = Setup::default();
    assert_eq!(
        (xor.hidden, xor.activations, xor.eta, xor.mode, xor.seed),
        (d.hidden, d.activations, d.eta, d.mode, d.seed)
    );
}

#[test]
fn undo_across_another_shape_or_a_menu_pick_brings_the_whole_network_back() {
    let mut s = xor();
    s.train(500).unwrap();
    let (w, e, epoch) = (s.net().params().to_vec(), s.error(), s.epoch());
    s.import_csv("x1,t1,t2\n0,0,1\n1,1,0\n0.5,1,1\n").unwrap();
    assert_eq!(s.net().outputs(), 2);
    s.train(10).unwrap();
    assert!(s.undo_data());
    assert_eq!((s.net().params(), s.error(), s.epoch()), (&w[..], e, epoch));
    assert!(s.scrub_to(50).is_ok(), "the timeline is back too");
    assert!(s.redo_data());
    assert_eq!(
        (s.net().outputs(), s.epoch()),
        (2, 10),
        "redo brings the trained K = 2 network"
    );
    // A menu pick over one's own data, undone: data, weights and η come back.
    let mut mine = xor();
    mine.add_pattern(&[0.5, 0.5], &[1.0]).unwrap();
    mine.train(20).unwrap();
    let w = mine.net().params().to_vec();
    let mut spiral = mine.with_changes(r#"{"dataset": "spiral"}"#).unwrap();
    assert_eq!(
        spiral.data_match(),
        None,
        "opened from the menu, the data is just spiral"
    );
    assert!(spiral.undo_data());
    assert_eq!((spiral.net().params(), spiral.eta()), (&w[..], 2.0));
    assert!(spiral.data().same_patterns(mine.data()));
}

#[test]
fn edits_that_change_nothing_are_no_undo_step_and_zeros_have_no_sign() {
    let mut s = xor();
    s.move_pattern(0, 0.0, 0.0, false).unwrap();
    s.set_pattern_value(0, 0, "0").unwrap();
    assert_eq!(s.data_edits(), (false, false));
    s.move_pattern(0, 0.0004, -0.0004, false).unwrap();
    assert_eq!(
        s.setup().dataset_name(),
        "xor",
        "(0.0004, −0.0004) rounds to (0, 0), not −0"
    );
    assert_eq!(s.data_edits(), (false, false));
    s.set_pattern_value(0, 1, "-0").unwrap();
    assert_eq!(s.setup().dataset_name(), "xor");
    assert!(s.data_csv().lines().all(|l| !l.contains("-0")));
}

#[test]
fn built_in_and_and_or_are_separable_and_a_seed_change_keeps_undo_exact() {
    let and = Session::from_setup(&Setup::parse(r#"{"dataset": "and"}"#).unwrap()).unwrap();
    assert!(and.data_separable());
    assert_eq!(and.data_match(), None);
    let circle = Session::from_setup(&Setup::parse(r#"{"dataset": "circle"}"#).unwrap()).unwrap();
    let before = circle.data().clone();
    let mut c = circle;
    c.move_pattern(0, 0.0, 0.0, false).unwrap();
    let mut c = c.with_changes(r#"{"seed": 3}"#).unwrap();
    assert!(c.undo_data());
    assert!(
        c.data().same_patterns(&before),
        "the points seed 7 drew, not seed 3's"
    );
}

#[test]
fn spreadsheet_quirks_are_read() {
    let xor = Dataset::named("xor", 7).unwrap();
    for text in [
        "x1\tx2\tt1\t\n0\t0\t0\t\n0\t1\t1\t\n1\t0\t1\t\n1\t1\t0\t\n",
        "0\t0\t0\t\n0\t1\t1\t\n1\t0\t1\t\n1\t1\t0\t\n",
        "x1,x2,t1\r0,0,0\r0,1,1\r1,0,1\r1,1,0\r",
        "x1,x2,t1\n0,0,0\n,,\n0,1,1\n;;\n1,0,1\n1,1,0\n",
        "x1,x2,t1\n\"0,0\",0,0\n0,1,1\n1,0,1\n1,1,0\n",
    ] {
        let t = parse(text, (2, 1)).unwrap_or_else(|e| panic!("{text:?}: {e}"));
        assert!(
            Dataset::inline(&t.inputs, &t.targets)
                .unwrap()
                .same_patterns(&xor),
            "{text:?}"
        );
    }
    let e = parse("x1,x2,t1\n\"1,5\",2,0,1\n", (2, 1)).unwrap_err();
    assert!(
        e.starts_with("line 2, column 4: one column too many"),
        "{e}"
    );
}

#[test]
fn notes_say_what_an_output_cannot_reach() {
    let mut s = Session::from_setup(
        &Setup::parse(r#"{"hidden": [2], "activations": ["tanh", "relu"]}"#).unwrap(),
    )
    .unwrap();
    let notes = s.import_csv("x1,x2,t1\n0,0,-1\n1,1,2\n").unwrap();
    assert!(
        notes[0].contains("relu output reaches (0 to ∞)"),
        "{notes:?}"
    );
    let notes = s.import_csv("x1,x2,t1\n0,0,1e308\n1,1,0\n").unwrap();
    assert!(notes.iter().any(|n| n.starts_with("E = ∞")), "{notes:?}");
}

#[test]
fn the_view_holds_every_point_of_a_generated_set_and_of_an_import() {
    for seed in [1, 7, 42] {
        let s = Session::from_setup(
            &Setup::parse(&format!(r#"{{"dataset": "blobs", "seed": {seed}}}"#)).unwrap(),
        )
        .unwrap();
        let v = s.view();
        for mu in 0..s.data().len() {
            let x = s.data().pattern(mu).0;
            assert!(
                v[0] <= x[0] && x[0] <= v[1] && v[2] <= x[1] && x[1] <= v[3],
                "seed {seed}"
            );
        }
    }
    let mut s = xor();
    s.import_csv("x1,x2,t1\n1000,1000,1\n1001,1002,0\n")
        .unwrap();
    assert!(
        s.view()[0] > 900.0,
        "an import gets its own view: {:?}",
        s.view()
    );
}

#[test]
fn training_after_an_edit_learns_the_new_patterns() {
    // The batch block is cached between epochs; an edit that keeps P must not leave it stale.
    let mut s = Session::from_setup(&Setup::parse(r#"{"hidden": []}"#).unwrap()).unwrap();
    s.train(1).unwrap();
    s.flip_target(3, 0).unwrap(); // OR: a network with no hidden layer can learn it
    let e = s.error();
    s.train(1).unwrap();
    assert_eq!(
        s.history().errors().last(),
        Some(&e),
        "the epoch's E is the new data's"
    );
    s.move_pattern(0, 0.25, 0.0, false).unwrap();
    let e = s.error();
    s.train(1).unwrap();
    assert_eq!(s.history().errors().last(), Some(&e));
    s.move_pattern(0, 0.0, 0.0, false).unwrap();
    s.train(3000).unwrap();
    assert!(
        s.error() < 0.05,
        "OR learnt without a hidden layer: E = {}",
        s.error()
    );
}

#[test]
fn the_history_survives_redo_and_a_new_seed_after_a_menu_pick() {
    let mut mine = xor();
    mine.add_pattern(&[0.5, 0.5], &[1.0]).unwrap();
    let mut circle = mine.with_changes(r#"{"dataset": "circle"}"#).unwrap();
    assert!(circle.undo_data() && circle.redo_data());
    assert_eq!(
        circle.data_match(),
        None,
        "redone, circle is still just circle"
    );
    let mut reseeded = circle.with_changes(r#"{"seed": 3}"#).unwrap();
    assert!(reseeded.data_edits().0, "a new seed keeps the history");
    assert!(reseeded.undo_data());
    assert!(reseeded.data().same_patterns(mine.data()));
}

#[test]
fn the_first_problem_is_named_in_a_headerless_file_and_after_old_mac_line_ends() {
    let e = parse("0,abc,1\n1,1,0\n", (2, 1)).unwrap_err();
    assert!(
        e.starts_with("line 1, column 2 (x2): “abc” is not a number"),
        "{e}"
    );
    let e = parse("x1,x2,t1\r0,0,0\r1,\u{1}1,0\r", (2, 1)).unwrap_err();
    assert!(e.starts_with("line 3, column 3: this is not text"), "{e}");
}

#[test]
fn undo_through_many_data_set_switches_brings_each_whole_network_back() {
    // Own data, then 20 picks from the menu, each trained a little at its own η: undoing every
    // pick brings each network back as it was (η, weights, epoch, loss curve), however old.
    let mut s = xor();
    s.add_pattern(&[0.5, 0.5], &[1.0]).unwrap();
    let names = ["xor", "circle", "and", "spiral", "or"];
    let mut was = Vec::new();
    for k in 0..20 {
        s.set_learning_rate(0.1 + k as f64 / 10.0).unwrap();
        s.train(1 + k as u64).unwrap();
        was.push((
            s.eta(),
            s.net().params().to_vec(),
            s.epoch(),
            s.history().epochs().to_vec(),
        ));
        s = s
            .with_changes(&format!(r#"{{"dataset": "{}"}}"#, names[k % names.len()]))
            .unwrap();
        s.move_pattern(0, 0.25, 0.25, false).unwrap(); // one's own again: the next pick is an undo step
    }
    for (k, (eta, w, epoch, curve)) in was.iter().enumerate().rev() {
        assert!(s.undo_data(), "the move of pick {k}");
        assert!(s.undo_data(), "pick {k}");
        assert_eq!(
            (s.eta(), s.net().params(), s.epoch(), s.history().epochs()),
            (*eta, &w[..], *epoch, &curve[..]),
            "pick {k}"
        );
        assert!(
            s.scrub_to(*epoch).is_ok(),
            "the epoch in force is kept ({k})"
        );
    }
    assert_eq!(s.data().len(), 5, "XOR and the pattern added first");
}

#[test]
fn cells_pasted_into_a_cell_fill_from_that_cell_on_as_in_a_spreadsheet() {
    let mut s = xor();
    let before = s.data().clone();
    // Two cells of one row into x1 of pattern 2: x1 and x2 of pattern 2, nothing else.
    assert_eq!(s.paste_cells(1, 0, "7\t8"), Ok(2));
    assert_eq!(
        (s.data().len(), s.data().inputs()),
        (4, 2),
        "still XOR's shape"
    );
    assert_eq!(s.data().pattern(1).0, &[7.0, 8.0]);
    assert_eq!(s.data().pattern(0), before.pattern(0));
    assert!(s.undo_data(), "one undo step");
    assert!(s.data().same_patterns(&before));
    // A 2 × 2 block from x2 of pattern 3: x2 and t of patterns 3 and 4 (a spreadsheet's \r\n, −, decimal comma).
    assert_eq!(s.paste_cells(2, 1, "0,5\t1\r\n−2\t0\r\n"), Ok(4));
    assert_eq!(s.data().pattern(2), (&[1.0, 0.5][..], &[1.0][..]));
    assert_eq!(s.data().pattern(3), (&[1.0, -2.0][..], &[0.0][..]));
    // Too wide, too long, or not a number: refused with the reason, nothing changes.
    let now = s.data().clone();
    for (mu, col, text, says) in [
        (0, 2, "1\t2", "does not fit"),
        (3, 0, "1\n2", "does not fit"),
        (0, 0, "1\tabc", "line 1, column 2: “abc” is not a number"),
        (0, 0, "1\t1e999", "too large"),
        (0, 0, " \n ", "nothing was pasted"),
    ] {
        let err = s.paste_cells(mu, col, text).unwrap_err();
        assert!(err.contains(says), "{text:?}: {err}");
        assert!(s.data().same_patterns(&now), "{text:?} changed the data");
    }
}

#[test]
fn restoring_a_network_whose_every_kept_epoch_is_not_finite_says_so() {
    // A diverged network replaced by many menu picks keeps only its diverged epoch: restoring it
    // has nothing finite to go to, and says it is the weights, not E, that are not numbers.
    let s = Setup::parse(r#"{"activations": ["linear", "linear"], "learning_rate": 50}"#).unwrap();
    let mut s = Session::from_setup(&s).unwrap();
    s.add_pattern(&[0.5, 0.5], &[1.0]).unwrap();
    s.train(100).unwrap();
    (0..100).for_each(|_| s.step());
    assert!(s.net().params().iter().all(|w| w.is_nan()));
    for k in 0..10 {
        let name = ["and", "or"][k % 2];
        s = s
            .with_changes(&format!(r#"{{"dataset": "{name}"}}"#))
            .unwrap();
        s.move_pattern(0, 0.25, 0.25, false).unwrap();
    }
    (0..20).for_each(|_| {
        s.undo_data();
    });
    assert!(
        s.net().params().iter().all(|w| w.is_nan()),
        "back at the diverged network"
    );
    let err = s.restore_last_good().unwrap_err();
    assert!(
        err.contains("weights of every kept epoch are no longer finite"),
        "{err}"
    );
    s.reset();
    assert!(s.restore_last_good().is_ok(), "Reset is the way out");
}
