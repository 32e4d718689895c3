//! Teaching: the derivation's sum over paths against backprop's δ and gradient, the quiz's
//! questions against what stepping then computes and its tolerance at the edges, and the exercise
//! sheet's numbers against the trace.

use backprop_lab::{
    activation::Activation,
    backprop::backprop,
    dataset::Dataset,
    json::Value,
    network::Network,
    rng::Rng,
    teach::derive::{derive, MAX_LISTED},
};

mod common;

fn pick(rng: &mut Rng, k: usize) -> usize {
    (rng.next_u64() % k as u64) as usize
}

/// A random network of 1 to 4 layers (1 to 5 neurons each, any activations) and 1 to 4 patterns.
fn random_case(rng: &mut Rng) -> (Network, Dataset) {
    let inputs = 1 + pick(rng, 3);
    let depth = 1 + pick(rng, 4);
    let layers: Vec<_> = (0..depth)
        .map(|_| (1 + pick(rng, 5), Activation::ALL[pick(rng, 4)]))
        .collect();
    let mut net = Network::new(inputs, &layers).unwrap();
    net.init(rng.next_u64());
    let patterns = 1 + pick(rng, 4);
    let data = common::random_patterns(rng, &net, patterns);
    (net, data)
}

fn num(v: &Value) -> f64 {
    v.as_f64().unwrap_or_else(|| panic!("not a number: {v}"))
}

fn close(a: f64, b: f64, scale: f64) -> bool {
    (a - b).abs() <= 1e-12 * scale.max(1e-3)
}

#[test]
fn the_sum_over_paths_is_delta_and_delta_x_is_the_gradient_on_random_networks() {
    let mut rng = Rng::new(14);
    let mut shapes = std::collections::HashSet::new();
    for _ in 0..300 {
        let (net, data) = random_case(&mut rng);
        shapes.insert(net.depth());
        let bp = backprop(&net, &data);
        for k in 0..net.params().len() {
            let (n, i, j) = net.param_location(k).unwrap();
            for mu in [None, Some(pick(&mut rng, data.len()))] {
                let d = Value::parse(&derive(&net, &data, &bp, 0.5, (n, i, j), mu)).unwrap();
                let patterns = d["patterns"].as_array().unwrap();
                assert_eq!(patterns.len(), mu.map_or(data.len(), |_| 1));
                let mut grad = 0.0;
                for p in patterns {
                    let m = num(&p["mu"]) as usize;
                    let pass = &bp.passes[m];
                    let delta = pass.delta(net.layer(n))[i];
                    assert_eq!(num(&p["delta"]), delta);
                    assert_eq!(num(&p["a"]), pass.a(net.layer(n))[i]);
                    let x = j.map_or(1.0, |j| pass.x(&net, n - 1)[j]);
                    assert_eq!(num(&p["x"]), x);
                    assert_eq!(num(&p["grad"]), delta * x);
                    grad += delta * x;
                    // Σ over all paths = δ; each listed path's product = Π of its factors.
                    let count: usize = (n + 1..=net.depth()).map(|l| net.layer(l).m).product();
                    assert_eq!(num(&p["pathCount"]) as usize, count);
                    let paths = p["paths"].as_array().unwrap();
                    assert_eq!(paths.len(), count.min(MAX_LISTED));
                    let scale = paths.iter().map(|q| num(&q["product"]).abs()).sum::<f64>();
                    assert!(
                        close(num(&p["pathSum"]), delta, scale),
                        "{} vs δ = {delta}",
                        p["pathSum"]
                    );
                    let mut last = f64::INFINITY;
                    for q in paths {
                        let product = num(&q["product"]);
                        assert!(product.abs() <= last, "largest first");
                        last = product.abs();
                        let f = q["factors"].as_array().unwrap();
                        assert_eq!(f.len(), 2 * (net.depth() - n) + 2);
                        let mut prod = 1.0;
                        for factor in f {
                            prod *= num(&factor["value"]);
                        }
                        assert_eq!(prod, product);
                        let nodes = q["nodes"].as_array().unwrap();
                        assert_eq!(nodes.len(), net.depth() - n + 1);
                        assert_eq!(nodes[0], Value::from(vec![n, i]));
                    }
                }
                if mu.is_none() {
                    assert_eq!(num(&d["grad"]), bp.grad[k], "∂E/∂w of parameter {k}");
                }
                assert_eq!(num(&d["grad"]), grad);
                assert_eq!(num(&d["deltaW"]), -0.5 * grad);
                assert_eq!(num(&d["w"]), net.params()[k]);
                assert_eq!(num(&d["j"]), j.map_or(-1.0, |j| j as f64));
            }
        }
    }
    assert_eq!(shapes.len(), 4, "every depth 1 to 4 came up");
}

#[test]
fn the_lectures_weight_on_xor_names_its_factors() {
    // 2-2-1 sigmoid: w_23^(1) does not exist; w_12^(1) (n = 1, i = 0, j = 1) has m^(2) = 1 path.
    let lab =
        backprop_lab::session::Session::new(backprop_lab::setup::Setup::default().model().unwrap())
            .unwrap();
    let (net, data) = (lab.net(), lab.data());
    let bp = backprop(net, data);
    let d = Value::parse(&derive(net, data, &bp, 2.0, (1, 0, Some(1)), Some(3))).unwrap();
    assert_eq!(d["symbol"].as_str(), Some("w₁₂⁽¹⁾"));
    assert_eq!(num(&d["L"]), 2.0);
    let p = &d["patterns"][0];
    assert_eq!(num(&p["mu"]), 3.0);
    assert_eq!(num(&p["x"]), 1.0, "x₂⁽⁰⁾ of pattern (1, 1)");
    let path = &p["paths"][0];
    assert_eq!(path["nodes"].to_string(), "[[1,0],[2,0]]");
    let kinds: Vec<&str> = path["factors"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["kind"].as_str().unwrap())
        .collect();
    assert_eq!(kinds, ["gprime", "w", "gprime", "error"]);
    let w = &path["factors"][1];
    assert_eq!((num(&w["n"]), num(&w["i"]), num(&w["j"])), (2.0, 0.0, 0.0));
    assert_eq!(num(&w["value"]), net.w(2, 0, 0));
    let y = bp.passes[3].y(net)[0];
    assert_eq!(
        num(&path["factors"][3]["value"]),
        y - 0.0,
        "ŷ − t with t = 0"
    );
    let bias = Value::parse(&derive(net, data, &bp, 2.0, (2, 0, None), None)).unwrap();
    assert_eq!(bias["symbol"].as_str(), Some("b₁⁽²⁾"));
    assert_eq!(num(&bias["j"]), -1.0);
    assert_eq!(num(&bias["mu"]), -1.0);
    assert_eq!(num(&bias["patterns"][2]["x"]), 1.0);
}

#[test]
fn the_widest_network_sums_all_4096_paths_and_lists_64() {
    let g = Activation::Tanh;
    let mut net = Network::new(2, &[(16, g), (16, g), (16, g), (16, g)]).unwrap();
    net.init(3);
    let data = Dataset::inline(&[vec![0.3, -0.7]], &[vec![0.5; 16]]).unwrap();
    let bp = backprop(&net, &data);
    let d = Value::parse(&derive(&net, &data, &bp, 1.0, (1, 5, Some(1)), None)).unwrap();
    let p = &d["patterns"][0];
    assert_eq!(num(&p["pathCount"]), 4096.0, "16 · 16 · 16 above layer 1");
    assert_eq!(p["paths"].as_array().unwrap().len(), 64);
    let delta = bp.passes[0].delta(net.layer(1))[5];
    assert!(
        (num(&p["pathSum"]) - delta).abs() < 1e-12,
        "{} {delta}",
        p["pathSum"]
    );
}

mod quiz {
    use backprop_lab::{
        activation::Activation::*,
        session::Session,
        setup::DatasetSpec,
        setup::Setup,
        stepper::Phase,
        teach::quiz::{check, is_right, question, read_answer},
        teach::symbol,
        train::Mode,
    };

    use super::{num, Value};

    /// XOR on a 2-3-2-1 network (sigmoid, tanh, relu) so every kind of layer comes up.
    fn deep(mode: Mode) -> Session {
        let mut s = Setup {
            mode,
            hidden: vec![3, 2],
            activations: vec![Sigmoid, Tanh, Relu],
            ..Setup::default()
        };
        s.eta = 0.7;
        Session::new(s.model().unwrap()).unwrap()
    }

    fn xor(mode: Mode) -> Session {
        Session::new(
            Setup {
                mode,
                ..Setup::default()
            }
            .model()
            .unwrap(),
        )
        .unwrap()
    }

    /// Three patterns with two targets each, on a 2-2-2 network (linear outputs).
    fn two_outputs(mode: Mode) -> Session {
        let s = Setup {
            mode,
            dataset: DatasetSpec::Inline {
                inputs: vec![vec![0.0, 1.0], vec![0.5, -1.0], vec![2.0, 0.25]],
                targets: vec![vec![1.0, 0.0], vec![-0.5, 2.0], vec![0.0, 0.3]],
            },
            activations: vec![Sigmoid, Linear],
            ..Setup::default()
        };
        Session::new(s.model().unwrap()).unwrap()
    }

    /// The number stepping showed for a question's place, after the step.
    fn shown_after(lab: &Session, q: &Value) -> f64 {
        let s = lab.stepper().state();
        let (n, i) = (num(&q["n"]) as usize, num(&q["i"]) as usize);
        let mu = num(&q["mu"]);
        let layer = lab.net().layer(n);
        match q["quantity"].as_str().unwrap() {
            "a" => s.passes[mu as usize].a(layer)[i],
            "E" => s.passes[mu as usize].e,
            "delta" => s.passes[mu as usize].delta(layer)[i],
            _ => {
                let j = num(&q["j"]);
                let k = if j < 0.0 {
                    layer.b_index(i)
                } else {
                    layer.w_index(i, j as usize)
                };
                s.delta_w[k]
            }
        }
    }

    #[test]
    fn the_truth_is_what_the_next_step_computes_through_two_epochs_of_each_mode() {
        for mode in [Mode::Batch, Mode::Online] {
            for mut lab in [deep(mode), xor(mode), two_outputs(mode)] {
                let depth = lab.net().depth();
                let mut kinds = std::collections::BTreeSet::new();
                while lab.epoch() < 2 {
                    // Every selection: none, each neuron of each layer, each weight and bias.
                    let mut selections = vec![None];
                    for n in 1..=depth {
                        let l = lab.net().layer(n).clone();
                        for i in 0..l.m {
                            selections.push(Some((n, i, None)));
                            for j in 0..l.fan_in {
                                selections.push(Some((n, i, Some(j))));
                            }
                        }
                    }
                    let state = lab.stepper().state();
                    let next = lab.stepper().peek(lab.data(), lab.eta(), mode);
                    let qs: Vec<Value> = selections
                        .iter()
                        .map(|&sel| {
                            let q = question(state, &next, lab.data(), lab.eta(), "all", sel);
                            Value::parse(&q.unwrap().expect("always a question for \"all\""))
                                .unwrap()
                        })
                        .collect();
                    lab.step();
                    let phase = lab.stepper().state().phase;
                    for (q, sel) in qs.iter().zip(&selections) {
                        let truth = num(&q["truth"]);
                        assert_eq!(
                            truth.to_bits(),
                            shown_after(&lab, q).to_bits(),
                            "{phase:?} {q}"
                        );
                        kinds.insert(q["quantity"].as_str().unwrap().to_string());
                        let (n, i) = (num(&q["n"]) as usize, num(&q["i"]) as usize);
                        // The forward step's second question, x = g(a), and only there.
                        let then = &q["then"];
                        if q["quantity"].as_str() == Some("a") {
                            let s = lab.stepper().state();
                            let x = s.passes[num(&q["mu"]) as usize].x_out(lab.net().layer(n))[i];
                            assert_eq!(num(&then["truth"]).to_bits(), x.to_bits(), "{q}");
                            assert_eq!(
                                then["symbol"].as_str(),
                                Some(symbol("x", n, i, None).as_str())
                            );
                            assert!(then["hint"].as_str().unwrap().contains("= g(a"), "{q}");
                        } else {
                            assert!(matches!(then, Value::Null), "{q}");
                        }
                        let expect_n = match phase {
                            Phase::Forward { n, .. } | Phase::Backward { n, .. } => n,
                            Phase::Error { .. } => depth,
                            _ => sel.map_or(1, |s| s.0),
                        };
                        assert_eq!(n, expect_n, "{phase:?} {q}");
                        match sel {
                            Some((sn, si, _)) if *sn == n => assert_eq!(i, *si),
                            _ => assert_eq!(i, 0, "neuron 1 of the phase's layer"),
                        }
                        let hint = q["hint"].as_str().unwrap();
                        assert!(hint.contains(" = ") && !hint.contains("NaN"), "{hint}");
                    }
                    let q = &qs[0];
                    let expect = match phase {
                        Phase::Forward { n, .. } => symbol("a", n, 0, None),
                        Phase::Error { mu } => format!("Ẽ(μ={})", mu + 1),
                        Phase::Backward { n, .. } => symbol("δ", n, 0, None),
                        _ => "Δw₁₁⁽¹⁾".into(),
                    };
                    assert_eq!(q["symbol"].as_str(), Some(expect.as_str()), "no selection");
                }
                assert_eq!(kinds.len(), 4, "{kinds:?}");
            }
        }
    }

    fn shown(v: f64) -> String {
        let mut s = String::new();
        backprop_lab::teach::put(&mut s, v);
        s
    }

    /// At an update step the page shows the numbers the update was computed with; the derivation
    /// (`Stepper::computed_with`) agrees with them, and its Δw is the update's.
    #[test]
    fn at_an_update_the_derivation_uses_the_weights_before_it() {
        for mode in [Mode::Online, Mode::Batch] {
            let mut lab = xor(mode);
            while !matches!(lab.stepper().state().phase, Phase::Update { .. }) {
                lab.step();
            }
            let s = lab.stepper().state();
            let net = lab.stepper().computed_with();
            assert_ne!(
                net.params(),
                s.net.params(),
                "the update changed the weights"
            );
            let bp = backprop_lab::backprop::backprop(net, lab.data());
            let mu = if mode == Mode::Online { Some(0) } else { None };
            let d = backprop_lab::teach::derive::derive(
                net,
                lab.data(),
                &bp,
                lab.eta(),
                (1, 0, Some(0)),
                mu,
            );
            let d = Value::parse(&d).unwrap();
            let delta = num(&d["patterns"][0]["delta"]);
            assert_eq!(
                delta.to_bits(),
                s.passes[0].delta(net.layer(1))[0].to_bits(),
                "{mode:?}"
            );
            assert_eq!(
                num(&d["deltaW"]),
                s.delta_w[net.layer(1).w_index(0, 0)],
                "{mode:?}"
            );
        }
    }

    /// Diverged training: the truth is written as text, and read back by the check.
    #[test]
    fn a_diverged_truth_is_text_and_only_the_same_answer_is_right() {
        let mut s = Setup {
            activations: vec![Linear, Linear],
            ..Setup::default()
        };
        s.eta = 1e300;
        let mut lab = Session::new(s.model().unwrap()).unwrap();
        lab.train(3).unwrap();
        for _ in 0..200 {
            let next = lab.stepper().peek(lab.data(), lab.eta(), lab.mode());
            let q = question(
                lab.stepper().state(),
                &next,
                lab.data(),
                lab.eta(),
                "all",
                None,
            );
            let q = Value::parse(&q.unwrap().unwrap()).unwrap();
            if let Some(t) = q["truth"].as_str() {
                let v = read_answer(t).unwrap();
                assert!(!v.is_finite(), "{q}");
                assert!(
                    is_right(read_answer(t).unwrap(), v),
                    "the truth's own text: {q}"
                );
                assert!(!is_right(0.0, v));
                for other in [f64::NAN, f64::INFINITY, f64::NEG_INFINITY] {
                    let same = other == v || other.is_nan() && v.is_nan();
                    assert_eq!(is_right(other, v), same, "{other} against {v}");
                }
                return;
            }
            lab.step();
        }
        panic!("no diverged number in 200 steps");
    }

    #[test]
    fn kinds_filter_the_questions() {
        let lab = Session::new(Setup::default().model().unwrap()).unwrap();
        let s = lab.stepper().state();
        let next = lab.stepper().peek(lab.data(), 2.0, Mode::Batch);
        let ask = |kinds: &str| question(s, &next, lab.data(), 2.0, kinds, None);
        // At "ready" the next step is the forward pass of layer 1.
        let q = Value::parse(&ask("forward").unwrap().unwrap()).unwrap();
        assert_eq!(q["symbol"].as_str(), Some("a₁⁽¹⁾"));
        assert_eq!(
            (num(&q["mu"]), num(&q["n"]), num(&q["j"])),
            (0.0, 1.0, -1.0)
        );
        let hint = q["hint"].as_str().unwrap();
        let w = lab.net();
        let want = format!(
            "a₁⁽¹⁾ = Σⱼ w₁ⱼ⁽¹⁾ xⱼ⁽⁰⁾ + b₁⁽¹⁾ = {} · 0 + {} · 0 + {}",
            shown(w.w(1, 0, 0)),
            shown(w.w(1, 0, 1)),
            shown(w.b(1, 0)),
        );
        assert_eq!(hint, want);
        assert!(ask("all").unwrap().is_some());
        assert!(ask("delta, update").unwrap().is_none());
        assert!(ask("delta,forward").unwrap().is_some());
        let e = ask("everything").unwrap_err();
        assert!(
            e.starts_with("kinds: expected") && e.contains("\"everything\""),
            "{e}"
        );
    }

    #[test]
    fn the_tolerance_is_one_percent_or_one_ten_thousandth() {
        // Just inside and just outside 1 % (exact edges: 100 ± 1 and −100 ± 1 are right).
        for truth in [100.0, -100.0, 2.0, -0.5, 1234.5] {
            let tol = 0.01 * f64::abs(truth);
            assert!(is_right(truth, truth));
            assert!(is_right(truth + 0.999 * tol, truth) && is_right(truth - 0.999 * tol, truth));
            assert!(!is_right(truth + 1.001 * tol, truth) && !is_right(truth - 1.001 * tol, truth));
            assert!(!is_right(-truth, truth), "the sign matters");
        }
        assert!(is_right(101.0, 100.0) && is_right(99.0, 100.0) && is_right(-101.0, -100.0));
        // The 1e-4 floor for tiny truths.
        for truth in [0.0, 1e-6, -3e-5, 0.001] {
            assert!(
                is_right(truth + 0.99e-4, truth) && is_right(truth - 0.99e-4, truth),
                "{truth}"
            );
            assert!(
                !is_right(truth + 1.01e-4, truth) && !is_right(truth - 1.01e-4, truth),
                "{truth}"
            );
        }
        assert!(is_right(1e-4, 0.0) && is_right(-1e-4, 0.0));
        // Non-finite: only the same non-finite answer.
        assert!(is_right(f64::NAN, f64::NAN) && !is_right(0.0, f64::NAN));
        assert!(
            is_right(f64::INFINITY, f64::INFINITY) && !is_right(f64::NEG_INFINITY, f64::INFINITY)
        );
        assert!(
            !is_right(f64::NAN, 1.0)
                && !is_right(f64::INFINITY, 1e300)
                && !is_right(1e300, f64::INFINITY)
        );
    }

    #[test]
    fn answers_are_read_as_people_type_them() {
        for (text, v) in [
            ("0.5", 0.5),
            (" -1e-3 ", -1e-3),
            ("0,5", 0.5),
            ("−0.2", -0.2),
            ("−0,25", -0.25),
            ("+3", 3.0),
            ("1E2", 100.0),
            (".5", 0.5),
            ("Infinity", f64::INFINITY),
            ("−∞", f64::NEG_INFINITY),
            ("-infinity", f64::NEG_INFINITY),
        ] {
            assert_eq!(read_answer(text), Ok(v), "{text}");
        }
        assert!(read_answer("NaN").unwrap().is_nan());
        assert!(
            read_answer("1e-400").unwrap_err().contains("too small"),
            "never 0"
        );
        for junk in [
            "abc", "", "  ", "1,000.5", "0x10", "1/2", "5 %", "e3", "--1", "1..2", "0,5,1",
        ] {
            let e = read_answer(junk).unwrap_err();
            let why = match junk.trim() {
                "" => "the field is empty; type a number".to_string(),
                t => format!("“{t}” is not a number"),
            };
            assert_eq!(e, format!("Your answer: {why}"));
        }
        assert_eq!(
            check("0,2", 0.2005),
            Ok(r#"{"right":true,"value":0.2}"#.to_string())
        );
        assert_eq!(
            check("−0.2", 0.2),
            Ok(r#"{"right":false,"value":-0.2}"#.to_string())
        );
        assert_eq!(
            check("NaN", f64::NAN),
            Ok(r#"{"right":true,"value":null}"#.to_string())
        );
        assert!(check("abc", 1.0).unwrap_err().contains("“abc”"));
    }
}

mod sheet {
    use backprop_lab::{
        activation::Activation::*,
        session::Session,
        setup::{DatasetSpec, Setup},
        teach::sheet::sheet,
        train::Mode,
    };

    use super::{num, Value};

    fn sessions() -> Vec<Session> {
        let deep = Setup {
            hidden: vec![3, 2],
            activations: vec![Tanh, Relu, Sigmoid],
            mode: Mode::Online,
            ..Setup::default()
        };
        let circle = Setup::parse(r#"{"dataset": "circle", "hidden": [4], "seed": 3}"#).unwrap();
        let mut trained = Session::new(Setup::default().model().unwrap()).unwrap();
        trained.train(50).unwrap();
        [deep, circle]
            .iter()
            .map(|s| Session::new(s.model().unwrap()).unwrap())
            .chain([trained])
            .collect()
    }

    /// `v` rounded to 4 significant digits, as the sheet prints it.
    pub fn four(v: f64) -> f64 {
        format!("{v:.3e}").parse().unwrap()
    }

    /// The session with the weights, patterns and η rounded to 4 digits, as the sheet prints them.
    fn on_paper(lab: &Session) -> Session {
        let (xs, ts) = lab.data().rows();
        let round = |rows: Vec<Vec<f64>>| -> Vec<Vec<f64>> {
            rows.into_iter()
                .map(|r| r.into_iter().map(four).collect())
                .collect()
        };
        let setup = Setup {
            dataset: DatasetSpec::Inline {
                inputs: round(xs),
                targets: round(ts),
            },
            eta: four(lab.eta()),
            ..lab.setup().clone()
        };
        let mut paper = Session::new(setup.model().unwrap()).unwrap();
        let w: Vec<f64> = lab.net().params().iter().map(|&w| four(w)).collect();
        paper.set_weights(&w).unwrap();
        paper
    }

    #[test]
    fn every_blank_is_the_trace_of_the_printed_numbers_and_dw_is_minus_eta_times_the_gradient() {
        for lab in sessions() {
            let paper = on_paper(&lab);
            let trace = paper.trace();
            let (net, eta) = (paper.net(), paper.eta());
            let depth = net.depth();
            for mu in [None, Some(0), Some(lab.data().len() - 1)] {
                let s = Value::parse(&sheet(&lab, mu).unwrap()).unwrap();
                assert_eq!(num(&s["mu"]), mu.map_or(-1.0, |m| m as f64));
                assert_eq!(num(&s["eta"]), eta);
                assert_eq!(num(&s["seed"]), lab.seed() as f64);
                assert_eq!(num(&s["digits"]), 4.0);
                assert_eq!(s["mode"].as_str(), Some(lab.mode().name()));
                assert_eq!(s["sizes"].as_array().unwrap().len(), depth + 1);
                assert_eq!(s["activations"].as_array().unwrap().len(), depth);
                let patterns = s["patterns"].as_array().unwrap();
                assert_eq!(patterns.len(), lab.data().len());
                for (p, mu) in patterns.iter().zip(0..) {
                    let (x, t) = paper.data().pattern(mu);
                    assert_eq!(p["input"], Value::from(x.to_vec()));
                    assert_eq!(p["target"], Value::from(t.to_vec()));
                }
                for (n, w) in (1..).zip(s["weights"].as_array().unwrap()) {
                    assert_eq!(num(&w["n"]), n as f64);
                    let l = net.layer(n);
                    for i in 0..l.m {
                        assert_eq!(num(&w["b"][i]), net.b(n, i));
                        for j in 0..l.fan_in {
                            assert_eq!(num(&w["w"][i][j]), net.w(n, i, j));
                        }
                    }
                }
                let blanks = s["blanks"].as_array().unwrap();
                let neurons = net.neurons();
                let per_pattern = 3 * neurons + 1;
                let patterns = mu.map_or(lab.data().len(), |_| 1);
                let updates = net.params().len() * if mu.is_some() { 1 } else { 2 };
                let kinds: Vec<String> = blanks.iter().map(|b| b["kind"].to_string()).collect();
                assert_eq!(blanks.len(), patterns * per_pattern + updates, "{kinds:?}");
                let (mut order, mut last) = (String::new(), "");
                for b in blanks {
                    let (n, i, j) = (num(&b["n"]) as usize, num(&b["i"]) as usize, num(&b["j"]));
                    let kind = b["kind"].as_str().unwrap();
                    let value = num(&b["value"]);
                    let m = num(&b["mu"]);
                    let p = &trace["patterns"][m.max(0.0) as usize];
                    let want = match kind {
                        "a" | "x" | "delta" => num(&p[kind][n - 1][i]),
                        "E" => num(&p["E"]),
                        _ => {
                            let g = match mu {
                                None if j < 0.0 => num(&trace["gradient"][n - 1]["biases"][i]),
                                None => num(&trace["gradient"][n - 1]["weights"][i][j as usize]),
                                Some(_) => {
                                    let x = match (j < 0.0, n) {
                                        (true, _) => 1.0,
                                        (false, 1) => num(&p["input"][j as usize]),
                                        (false, _) => num(&p["x"][n - 2][j as usize]),
                                    };
                                    num(&p["delta"][n - 1][i]) * x
                                }
                            };
                            if kind == "dw" {
                                -eta * g
                            } else {
                                g
                            }
                        }
                    };
                    assert_eq!(value.to_bits(), want.to_bits(), "{b}");
                    // Runs of one kind (a and x alternate, neuron by neuron) as one word.
                    let run = if kind == "x" { "a" } else { kind };
                    if last != run {
                        order = order + " " + run;
                        last = run;
                    }
                }
                let want =
                    " a E delta".repeat(patterns) + if mu.is_some() { " dw" } else { " grad dw" };
                assert_eq!(order, want);
            }
        }
    }

    #[test]
    fn symbols_follow_the_lecture() {
        let lab = Session::new(Setup::default().model().unwrap()).unwrap();
        let s = Value::parse(&sheet(&lab, Some(1)).unwrap()).unwrap();
        let symbols: Vec<&str> = s["blanks"]
            .as_array()
            .unwrap()
            .iter()
            .map(|b| b["symbol"].as_str().unwrap())
            .collect();
        assert_eq!(
            &symbols[..10],
            [
                "a₁⁽¹⁾",
                "x₁⁽¹⁾",
                "a₂⁽¹⁾",
                "x₂⁽¹⁾",
                "a₁⁽²⁾",
                "x₁⁽²⁾",
                "Ẽ(μ=2)",
                "δ₁⁽²⁾",
                "δ₁⁽¹⁾",
                "δ₂⁽¹⁾"
            ]
        );
        assert_eq!(&symbols[10..13], ["Δw₁₁⁽¹⁾", "Δw₁₂⁽¹⁾", "Δb₁⁽¹⁾"]);
        assert_eq!(s["title"].as_str(), Some("XOR (the lecture)"));
        assert_eq!(s["dataset"].as_str(), Some("xor"));
        assert_eq!(
            s["patterns"][3].to_string(),
            r#"{"mu":3,"input":[1,1],"target":[0]}"#
        );
        let batch = Value::parse(&sheet(&lab, None).unwrap()).unwrap();
        let last = batch["blanks"].as_array().unwrap().last().unwrap().clone();
        assert_eq!(last["symbol"].as_str(), Some("Δb₁⁽²⁾"));
        assert_eq!(num(&last["mu"]), -1.0);
    }
}

#[test]
fn symbols_write_indices_from_one_and_separate_two_digit_ones() {
    use backprop_lab::teach::{fill, symbol, weight_symbol};
    assert_eq!(symbol("a", 1, 0, None), "a₁⁽¹⁾");
    assert_eq!(weight_symbol(2, 1, Some(2)), "w₂₃⁽²⁾");
    assert_eq!(weight_symbol(3, 15, None), "b₁₆⁽³⁾");
    assert_eq!(weight_symbol(1, 9, Some(1)), "w₁₀,₂⁽¹⁾");
    assert_eq!(weight_symbol(4, 2, Some(12)), "w₃,₁₃⁽⁴⁾");
    let mut s = String::new();
    fill(&mut s, "x#< → a@^ → δₖ>", (12, 0, 4));
    assert_eq!(s, "x₅⁽¹¹⁾ → a₁⁽¹²⁾ → δₖ⁽¹³⁾");
}

/// Students who fill the exercise sheet from the numbers printed on it: every weight, bias, input,
/// target and η at the sheet's significant digits, each answer written at that many digits.
mod printed {
    use std::cell::RefCell;
    use std::collections::HashMap;

    use backprop_lab::{
        rng::Rng, session::Session, setup::Setup, teach::quiz::is_right, teach::sheet::sheet,
    };

    use super::{num, Value};

    /// Significant digits of every number the sheet prints.
    const DIGITS: usize = 4;

    /// `v` as the sheet prints it.
    fn printed(v: f64) -> f64 {
        format!("{v:.*e}", DIGITS - 1).parse().unwrap()
    }

    /// Half a unit in the last printed digit of `v`.
    fn half_unit(v: f64) -> f64 {
        if v == 0.0 || !v.is_finite() {
            return 0.0;
        }
        let text = format!("{v:e}");
        let exponent: i32 = text[text.find('e').unwrap() + 1..].parse().unwrap();
        0.5 * 10f64.powi(exponent + 1 - DIGITS as i32)
    }

    /// How a student carries numbers from step to step.
    #[derive(Clone, Copy, Debug)]
    enum Student {
        /// In full precision (a calculator's memory), each answer written rounded.
        Keeps,
        /// With each answer, and g′, as written at the sheet's digits.
        Rounds,
        /// With each answer, and g′, off by anything up to half a unit in its last digit (seeded).
        Wobbles(u64),
    }

    /// g(a) and g′ as the sheet gives it (from x; relu from a), by name.
    fn g(name: &str, a: f64) -> f64 {
        match name {
            "sigmoid" => 1.0 / (1.0 + (-a).exp()),
            "tanh" => a.tanh(),
            "relu" => a.max(0.0),
            _ => a,
        }
    }
    fn g_prime(name: &str, a: f64, x: f64) -> f64 {
        match name {
            "sigmoid" => x * (1.0 - x),
            "tanh" => 1.0 - x * x,
            "relu" => f64::from(u8::from(a > 0.0)),
            _ => 1.0,
        }
    }

    /// Place of a blank: kind, μ, n, i, j.
    type Place = (String, i64, usize, usize, i64);

    fn place(b: &Value) -> Place {
        let k = b["kind"].as_str().unwrap().to_string();
        let at = |key: &str| num(&b[key]);
        (
            k,
            at("mu") as i64,
            at("n") as usize,
            at("i") as usize,
            at("j") as i64,
        )
    }

    /// What `student` writes in every blank of sheet `s`, worked out from the printed numbers.
    fn answers(s: &Value, student: Student) -> HashMap<Place, f64> {
        let rng = RefCell::new(Rng::new(match student {
            Student::Wobbles(seed) => seed,
            _ => 0,
        }));
        // (what the student writes, what they work on with)
        let write = |v: f64| match student {
            Student::Keeps => (printed(v), v),
            Student::Rounds => (printed(v), printed(v)),
            Student::Wobbles(_) => {
                let w = v + rng.borrow_mut().uniform(-1.0, 1.0) * half_unit(v);
                (w, w)
            }
        };
        let layers = s["weights"].as_array().unwrap();
        let acts: Vec<&str> = s["activations"]
            .as_array()
            .unwrap()
            .iter()
            .map(|g| g.as_str().unwrap())
            .collect();
        let w = |n: usize, i: usize, j: usize| printed(num(&layers[n - 1]["w"][i][j]));
        let b = |n: usize, i: usize| printed(num(&layers[n - 1]["b"][i]));
        let eta = printed(num(&s["eta"]));
        let depth = layers.len();
        let sheet_mu = num(&s["mu"]) as i64;
        let mut out = HashMap::new();
        let mut put = |p: (&str, i64, usize, usize, i64), v: f64| {
            out.insert((p.0.to_string(), p.1, p.2, p.3, p.4), v);
        };
        let mut grad: HashMap<(usize, usize, i64), f64> = HashMap::new();
        for p in s["patterns"].as_array().unwrap() {
            let mu = num(&p["mu"]) as i64;
            if sheet_mu >= 0 && mu != sheet_mu {
                continue;
            }
            let row = |key: &str| -> Vec<f64> {
                p[key]
                    .as_array()
                    .unwrap()
                    .iter()
                    .map(|v| printed(num(v)))
                    .collect()
            };
            // Forward: x[n] the outputs of layer n as the student works on with them (x[0] the
            // input), g′[n] likewise.
            let mut x = vec![row("input")];
            let mut gp = vec![vec![]];
            for n in 1..=depth {
                let (mut xs, mut gs) = (Vec::new(), Vec::new());
                for i in 0..layers[n - 1]["b"].as_array().unwrap().len() {
                    let sum = x[n - 1]
                        .iter()
                        .enumerate()
                        .map(|(j, x)| w(n, i, j) * x)
                        .sum::<f64>();
                    let (shown, ai) = write(sum + b(n, i));
                    put(("a", mu, n, i, -1), shown);
                    let (shown, xi) = write(g(acts[n - 1], ai));
                    put(("x", mu, n, i, -1), shown);
                    let gi = g_prime(acts[n - 1], ai, xi);
                    // g′ is written down too, unless it is a plain 0 or 1.
                    let gi = if matches!(acts[n - 1], "sigmoid" | "tanh") {
                        write(gi).1
                    } else {
                        gi
                    };
                    xs.push(xi);
                    gs.push(gi);
                }
                x.push(xs);
                gp.push(gs);
            }
            let t = row("target");
            let e = 0.5
                * t.iter()
                    .zip(&x[depth])
                    .map(|(t, y)| (t - y) * (t - y))
                    .sum::<f64>();
            put(("E", mu, depth, 0, -1), write(e).0);
            // Backward: δ[n], the last layer's from ŷ − t, the others through the weights above.
            let mut delta = vec![vec![]; depth + 1];
            for n in (1..=depth).rev() {
                for k in 0..x[n].len() {
                    let s = if n == depth {
                        x[depth][k] - t[k]
                    } else {
                        delta[n + 1]
                            .iter()
                            .enumerate()
                            .map(|(i, d)| d * w(n + 1, i, k))
                            .sum()
                    };
                    let (shown, d) = write(gp[n][k] * s);
                    put(("delta", mu, n, k, -1), shown);
                    delta[n].push(d);
                }
            }
            for n in 1..=depth {
                for (i, d) in delta[n].iter().enumerate() {
                    for j in -1..x[n - 1].len() as i64 {
                        let xj = if j < 0 { 1.0 } else { x[n - 1][j as usize] };
                        if sheet_mu >= 0 {
                            put(("dw", mu, n, i, j), write(-eta * d * xj).0);
                        }
                        *grad.entry((n, i, j)).or_default() += d * xj;
                    }
                }
            }
        }
        if sheet_mu < 0 {
            for ((n, i, j), g) in grad {
                let (shown, g) = write(g);
                put(("grad", -1, n, i, j), shown);
                put(("dw", -1, n, i, j), write(-eta * g).0);
            }
        }
        out
    }

    /// Many setups: built-in data, narrow and wide networks, every activation, two seeds, at the
    /// seed's weights and after training.
    fn sessions() -> impl Iterator<Item = Session> {
        let shapes = [
            r#""dataset": "spiral""#,
            r#""dataset": "spiral", "hidden": [16, 16, 16], "activations": ["tanh", "tanh", "tanh", "sigmoid"]"#,
            r#""dataset": "circle", "hidden": [16], "activations": ["tanh", "sigmoid"]"#,
            r#""dataset": "circle", "hidden": [16, 16], "activations": ["relu", "sigmoid", "tanh"]"#,
            r#""dataset": "xor-noisy", "hidden": [8, 16], "activations": ["sigmoid", "relu", "linear"]"#,
            r#""dataset": "blobs""#,
            r#""dataset": "xor""#,
            r#""dataset": "xor", "hidden": [16, 16, 16], "activations": ["tanh", "relu", "tanh", "sigmoid"]"#,
            r#""dataset": "xor", "hidden": [16], "activations": ["tanh", "sigmoid"], "mode": "online""#,
        ];
        shapes.into_iter().flat_map(|shape| {
            (1..=2).flat_map(move |seed| {
                [0, 300].map(|epochs| {
                    let setup = Setup::parse(&format!("{{{shape}, \"seed\": {seed}}}")).unwrap();
                    let mut lab = Session::new(setup.model().unwrap()).unwrap();
                    lab.train(epochs).unwrap();
                    lab
                })
            })
        })
    }

    #[test]
    fn computing_from_the_printed_numbers_lands_within_each_blanks_tolerance() {
        let (mut blanks, mut widened, mut wrong) = (0, 0, Vec::new());
        for lab in sessions() {
            let count = lab.data().len();
            // The batch sheet (the page offers it for up to 12 patterns), and patterns across the data.
            let batch = (count <= 12).then_some(None);
            let mus = batch
                .into_iter()
                .chain((0..count).step_by(count.div_ceil(7)).map(Some));
            for mu in mus {
                let s = Value::parse(&sheet(&lab, mu).unwrap()).unwrap();
                for student in [
                    Student::Keeps,
                    Student::Rounds,
                    Student::Wobbles(lab.seed()),
                ] {
                    let mine = answers(&s, student);
                    for b in s["blanks"].as_array().unwrap() {
                        let Some(value) = b["value"].as_f64() else {
                            continue; // diverged: only the same non-finite answer counts
                        };
                        let answer = mine[&place(b)];
                        blanks += 1;
                        // Within `within` of the key as printed, or by the quiz's rule.
                        let right = match b["within"].as_f64() {
                            Some(far) => {
                                widened += 1;
                                (answer - printed(value)).abs() <= far
                            }
                            None => is_right(answer, value),
                        };
                        if !right {
                            let setup = lab.setup();
                            wrong.push(format!(
                                "{} {:?} seed {} epoch {}, {student:?}: {b} answered {answer}",
                                setup.dataset_name(),
                                setup.hidden,
                                lab.seed(),
                                lab.epoch(),
                            ));
                        }
                    }
                }
            }
        }
        assert!(blanks > 200_000, "{blanks}");
        // Few blanks need more than the rule: most answers are within 1 % (or 10⁻⁴) whatever the rounding.
        assert!(widened * 20 < blanks, "{widened} of {blanks} widened");
        assert!(
            wrong.is_empty(),
            "{} of {blanks} blanks: {:#?}",
            wrong.len(),
            &wrong[..wrong.len().min(10)]
        );
    }
}
