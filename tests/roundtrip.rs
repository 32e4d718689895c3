//! Everything the app writes, it reads back to the same bits: every setting over its whole range
//! (η from the smallest positive f64 to the largest, seeds to 2⁵³ − 1, every speed, both modes,
//! every activation and shape) through links, model files and traces. Numbers are written in the
//! shortest form that reads back to the same f64, so no writer makes a text its reader refuses.

use backprop_lab::{
    activation::Activation,
    json::Value,
    model::Model,
    rng::Rng,
    setup::Setup,
    setup::{DatasetSpec, MAX_SEED},
    train::Mode,
    url_state::{UrlState, SPEEDS},
};

/// A positive finite f64 from anywhere in its range: random bits, subnormals and the extremes.
fn eta(rng: &mut Rng, k: usize) -> f64 {
    const EDGES: [f64; 8] = [
        5e-324,
        f64::MIN_POSITIVE,
        1e-300,
        0.1,
        1.0 / 3.0,
        2.0,
        1e308,
        f64::MAX,
    ];
    if k < EDGES.len() {
        return EDGES[k];
    }
    loop {
        let v = f64::from_bits(rng.next_u64() >> 1); // sign bit clear
        if v.is_finite() && v > 0.0 {
            return v;
        }
    }
}

/// Any finite f64, sign included.
fn any_finite(rng: &mut Rng) -> f64 {
    loop {
        let v = f64::from_bits(rng.next_u64());
        if v.is_finite() {
            return v;
        }
    }
}

fn setup(rng: &mut Rng, k: usize) -> Setup {
    let layers = 1 + (rng.next_u64() % 4) as usize;
    let pick = |rng: &mut Rng| Activation::ALL[(rng.next_u64() % 4) as usize];
    let seed = match k % 4 {
        0 => MAX_SEED,
        1 => 0,
        _ => rng.next_u64() % (MAX_SEED + 1),
    };
    let names = backprop_lab::dataset::NAMES;
    Setup {
        dataset: names[k % names.len()].into(),
        seed,
        hidden: (1..layers)
            .map(|_| 1 + (rng.next_u64() % 16) as usize)
            .collect(),
        activations: (0..layers).map(|_| pick(rng)).collect(),
        eta: eta(rng, k),
        mode: if k % 2 == 0 {
            Mode::Batch
        } else {
            Mode::Online
        },
    }
}

#[test]
fn links_carry_every_setting_and_weight_exactly() {
    let mut rng = Rng::new(53);
    for k in 0..3000 {
        let s = setup(&mut rng, k);
        let speed = (k % SPEEDS.len()) as u32;
        let mut w = s.model().unwrap().net.params().to_vec();
        w.iter_mut().for_each(|v| *v = any_finite(&mut rng));
        let hash = UrlState::to_hash(&s, speed, Some(&w)).unwrap();
        let back = UrlState::parse(&hash);
        assert!(back.ignored.is_empty(), "{hash}: {:?}", back.ignored);
        assert_eq!(back.setup, s, "{hash}");
        assert_eq!(back.speed, Some(speed));
        let bits = |v: &[f64]| v.iter().map(|x| x.to_bits()).collect::<Vec<_>>();
        assert_eq!(bits(back.weights.as_deref().unwrap()), bits(&w), "{hash}");
    }
}

#[test]
fn model_files_carry_every_setting_weight_and_pattern_exactly() {
    let mut rng = Rng::new(54);
    for k in 0..1500 {
        let s = setup(&mut rng, k);
        let mut model = s.model().unwrap();
        model
            .net
            .params_mut()
            .iter_mut()
            .for_each(|v| *v = any_finite(&mut rng));
        if k % 3 == 0 {
            let (n, m) = (model.net.inputs(), model.net.outputs());
            let rows = |rng: &mut Rng, width: usize| -> Vec<Vec<f64>> {
                (0..5)
                    .map(|_| (0..width).map(|_| any_finite(rng)).collect())
                    .collect()
            };
            model.dataset = DatasetSpec::Inline {
                inputs: rows(&mut rng, n),
                targets: rows(&mut rng, m),
            };
        }
        let text = model.to_json().unwrap();
        let back = Model::parse(&text).unwrap_or_else(|e| panic!("{e}\n{text}"));
        assert_eq!(back.net.params().len(), model.net.params().len());
        let bits = |m: &Model| {
            m.net
                .params()
                .iter()
                .map(|x| x.to_bits())
                .collect::<Vec<_>>()
        };
        assert_eq!(bits(&back), bits(&model));
        assert_eq!(back.eta.to_bits(), model.eta.to_bits());
        assert_eq!((back.seed, back.mode), (model.seed, model.mode));
        assert_eq!(back.dataset, model.dataset);
    }
}

/// Every number inside a JSON value, in order.
fn numbers(v: &Value, out: &mut Vec<f64>) {
    match v {
        Value::Number(x) => out.push(*x),
        Value::Array(items) => items.iter().for_each(|i| numbers(i, out)),
        Value::Object(pairs) => pairs.iter().for_each(|(_, i)| numbers(i, out)),
        _ => {}
    }
}

#[test]
fn traces_read_back_to_the_same_numbers() {
    let mut rng = Rng::new(55);
    for k in 0..300 {
        let model = setup(&mut rng, k).model().unwrap();
        let data = model.dataset().unwrap();
        let trace = backprop_lab::trace::trace(&model.net, &data);
        let back = Value::parse(&trace.to_string()).unwrap();
        let (mut a, mut b) = (Vec::new(), Vec::new());
        numbers(&trace, &mut a);
        numbers(&back, &mut b);
        assert!(a.len() > 10);
        let bits = |v: &[f64]| v.iter().map(|x| x.to_bits()).collect::<Vec<_>>();
        assert_eq!(bits(&a), bits(&b));
        assert_eq!(Value::parse(&trace.pretty()).unwrap(), back);
    }
}

/// Random sessions as a person drives them (training at any η, stepping, data edits, restoring,
/// resetting): at every point a model file and a link with the weights are either written and read
/// back to the same weights, or — after a divergence, and only then — refused with the way out:
/// never written in a form the app refuses or that opens on a network that cannot train.
#[test]
fn what_a_session_writes_it_reads_back_or_refuses_with_the_way_out() {
    use backprop_lab::session::Session;
    let mut rng = Rng::new(57);
    let (mut written, mut refused) = (0, 0);
    for k in 0..120 {
        let mut s = setup(&mut rng, k);
        s.hidden.truncate(2);
        s.activations = vec![Activation::ALL[(rng.next_u64() % 4) as usize]; s.hidden.len() + 1];
        s.dataset = ["xor", "and", "or"][k % 3].into();
        s.eta = [0.5, 2.0, 50.0, 1e3, 1e12][k % 5];
        let mut lab = Session::new(s.model().unwrap()).unwrap();
        for _ in 0..12 {
            match rng.next_u64() % 6 {
                0 | 1 => drop(lab.train(1 + rng.next_u64() % 50)),
                2 => (0..1 + rng.next_u64() % 30).for_each(|_| lab.step()),
                3 => drop(lab.restore_last_good()),
                4 if rng.next_u64() % 4 == 0 => lab.reset(),
                _ => drop(lab.flip_target(0, 0)),
            }
            let w = lab.net().params().to_vec();
            let diverged = w.iter().any(|x| !x.is_finite()) || (lab.diverged() && lab.epoch() > 0);
            match lab.model_file() {
                Ok(text) => {
                    written += 1;
                    assert!(!diverged, "wrote a diverged network");
                    let back = Model::parse(&text).expect("a written model file reads back");
                    assert_eq!(back.net.params(), &w[..]);
                }
                Err(reason) => {
                    refused += 1;
                    assert!(diverged, "refused a network that trains: {reason}");
                    assert!(
                        reason.contains("restore the last good state or reset"),
                        "{reason}"
                    );
                }
            }
            match lab.to_hash(0, true) {
                Ok(hash) => {
                    let back = UrlState::parse(&format!("#{hash}"));
                    assert_eq!(back.ignored, Vec::<String>::new(), "{hash}");
                    assert_eq!(back.weights.as_deref(), Some(&w[..]));
                }
                Err(reason) => {
                    assert!(diverged, "refused a network that trains: {reason}");
                    assert!(
                        lab.to_hash(0, false).is_ok(),
                        "the setup alone still fits a link"
                    );
                }
            }
        }
    }
    assert!(
        written > 200 && refused > 50,
        "{written} written, {refused} refused"
    );
}
