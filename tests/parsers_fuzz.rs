//! Property tests of the two parsers people feed by hand: model files and URL hashes. Over ten
//! thousand generated inputs each — truncations and type confusions of valid inputs, random edits
//! and junk — none may panic, every rejection must say why, and every accepted input round-trips.

mod common;

use backprop_lab::{
    activation::Activation, model::Model, rng::Rng, session::Session, setup::Setup, train::Mode,
    url_state::UrlState,
};
use serde_json::{json, Value};

fn valid_models() -> Vec<String> {
    let mut out = vec![r#"{ "format": "backprop-lab/model@1", "inputs": 2,
  "layers": [ { "activation": "sigmoid", "weights": [[0.1, -0.2], [0.3, 0.4]], "biases": [0.0, 0.1] },
              { "activation": "sigmoid", "weights": [[0.5, -0.6]], "biases": [0.2] } ],
  "learning_rate": 0.5, "mode": "batch", "seed": 7, "dataset": "xor" }"#
        .to_string()];
    let setup = Setup {
        hidden: vec![3, 2],
        activations: vec![Activation::Tanh, Activation::Relu, Activation::Linear],
        dataset: "circle".into(),
        mode: Mode::Online,
        ..Setup::default()
    };
    let mut lab = Session::new(setup.model().unwrap()).unwrap();
    lab.train(3).unwrap();
    out.push(lab.model().to_json().unwrap());
    out.push(
        json!({ "format": "backprop-lab/model@1", "inputs": 1,
            "layers": [ { "activation": "linear", "weights": [[0.5]], "biases": [0.0] } ],
            "dataset": { "inputs": [[1.0], [2.0]], "targets": [[2.0], [4.0]] } })
        .to_string(),
    );
    out
}

/// Every JSON value inside `v`, as a path of keys and indices.
fn paths(v: &Value, at: Vec<Value>, out: &mut Vec<Vec<Value>>) {
    out.push(at.clone());
    match v {
        Value::Object(m) => m.iter().for_each(|(k, c)| {
            let mut p = at.clone();
            p.push(json!(k));
            paths(c, p, out);
        }),
        Value::Array(a) => a.iter().enumerate().for_each(|(i, c)| {
            let mut p = at.clone();
            p.push(json!(i));
            paths(c, p, out);
        }),
        _ => {}
    }
}

fn replace(v: &mut Value, path: &[Value], with: Value) {
    match path.split_first() {
        None => *v = with,
        Some((Value::String(k), rest)) => replace(&mut v[k.as_str()], rest, with),
        Some((Value::Number(i), rest)) => replace(&mut v[i.as_u64().unwrap() as usize], rest, with),
        _ => unreachable!(),
    }
}

/// Bytes the random edits insert.
const ALPHABET: &[u8] = b"{}[]\",:0123456789.-eE truefalsnul\\xyz\n";

fn mutate(rng: &mut Rng, text: &str) -> String {
    common::mutate(rng, text, ALPHABET, 4)
}

#[test]
fn model_files_never_panic_explain_every_rejection_and_round_trip() {
    let mut inputs = Vec::new();
    let confusions = [
        json!(null),
        json!(true),
        json!("x"),
        json!("sigmoid"),
        json!(0),
        json!(-1),
        json!(2.5),
        json!(1e308),
        json!(u64::MAX),
        json!([]),
        json!({}),
        json!([[1]]),
        json!([1, 2, 3]),
    ];
    for text in valid_models() {
        for cut in 0..text.len() {
            if text.is_char_boundary(cut) {
                inputs.push(text[..cut].to_string());
            }
        }
        let doc: Value = serde_json::from_str(&text).unwrap();
        let mut all = Vec::new();
        paths(&doc, Vec::new(), &mut all);
        for path in &all {
            for c in &confusions {
                let mut v = doc.clone();
                replace(&mut v, path, c.clone());
                inputs.push(v.to_string());
            }
        }
        let mut rng = Rng::new(text.len() as u64);
        for _ in 0..2500 {
            inputs.push(mutate(&mut rng, &text));
        }
    }
    assert!(inputs.len() >= 10_000, "only {} inputs", inputs.len());
    let (mut accepted, mut rejected) = (0, 0);
    for text in &inputs {
        match Model::parse(text) {
            Ok(model) => {
                accepted += 1;
                let again =
                    Model::parse(&model.to_json().unwrap()).expect("a written model reads back");
                assert_eq!(again, model, "round trip of {text}");
            }
            Err(reason) => {
                rejected += 1;
                assert!(
                    reason.contains(": ") && reason.len() > 8,
                    "vague rejection {reason:?} of {text}"
                );
            }
        }
    }
    println!("model files: {} inputs, {accepted} accepted and round-tripped, {rejected} rejected with a reason", inputs.len());
    assert!(accepted > 100 && rejected > 5000);
}

#[test]
fn url_hashes_never_panic_always_give_a_working_setup_and_round_trip() {
    let mut rng = Rng::new(11);
    let mut inputs = Vec::new();
    let setups = [
        Setup::default(),
        Setup {
            hidden: vec![4, 4, 2],
            activations: vec![Activation::Tanh; 4],
            dataset: "spiral".into(),
            ..Setup::default()
        },
        Setup {
            hidden: vec![],
            activations: vec![Activation::Sigmoid],
            dataset: "and".into(),
            eta: 1e-3,
            ..Setup::default()
        },
    ];
    for setup in &setups {
        let w = setup.model().unwrap().net.params().to_vec();
        for hash in [
            UrlState::to_hash(setup, 3, None).unwrap(),
            UrlState::to_hash(setup, 14, Some(&w)).unwrap(),
        ] {
            for cut in 0..hash.len() {
                inputs.push(hash[..cut].to_string());
            }
            for _ in 0..1500 {
                inputs.push(mutate(&mut rng, &hash));
            }
        }
    }
    let keys = [
        "dataset", "hidden", "g", "seed", "eta", "mode", "speed", "w", "v", "x", "",
    ];
    let values = [
        "xor",
        "spiral",
        "moons",
        "2",
        "2,2",
        "16,16,16",
        "17",
        "0",
        "-1",
        "1e400",
        "NaN",
        "abc",
        "tanh,sigmoid",
        "relu,relu,relu",
        "batch",
        "online",
        "%",
        "%zz",
        "%2C",
        "1,2,3",
        "9007199254740993",
        "",
    ];
    for _ in 0..4000 {
        let parts: Vec<String> = (0..1 + rng.next_u64() % 6)
            .map(|_| {
                let k = keys[(rng.next_u64() as usize) % keys.len()];
                let v = values[(rng.next_u64() as usize) % values.len()];
                format!("{k}={v}")
            })
            .collect();
        inputs.push(format!("#{}", parts.join("&")));
    }
    inputs.push("#".repeat(1 << 20));
    assert!(inputs.len() >= 10_000, "only {} inputs", inputs.len());
    let mut with_notes = 0;
    for hash in &inputs {
        let state = UrlState::parse(hash);
        assert!(
            state.ignored.iter().all(|r| r.len() > 5),
            "vague note in {:?}",
            state.ignored
        );
        with_notes += !state.ignored.is_empty() as usize;
        let model = state
            .setup
            .model()
            .expect("a parsed hash always gives a network that builds");
        if let Some(w) = &state.weights {
            assert_eq!(w.len(), model.net.params().len());
        }
        let again = UrlState::parse(
            &UrlState::to_hash(
                &state.setup,
                state.speed.unwrap_or(7),
                state.weights.as_deref(),
            )
            .expect("a parsed hash names a built-in data set"),
        );
        assert!(again.ignored.is_empty(), "{:?}", again.ignored);
        assert_eq!(
            (again.setup, again.weights),
            (state.setup, state.weights),
            "round trip of {hash}"
        );
    }
    println!(
        "URL hashes: {} inputs, {with_notes} with something ignored (and said so)",
        inputs.len()
    );
}
