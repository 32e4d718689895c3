//! Model file v1: round trips, defaults, and every kind of bad file rejected with its reason.

use backprop_lab::{
    model::Model,
    session::Session,
    setup::Setup,
    setup::{DatasetSpec, DEFAULT_ETA, DEFAULT_SEED},
    train::Mode,
};

const EXAMPLE: &str = r#"{ "format": "backprop-lab/model@1", "inputs": 2,
  "layers": [ { "activation": "sigmoid", "weights": [[0.1, -0.2], [0.3, 0.4]], "biases": [0.0, 0.1] },
              { "activation": "sigmoid", "weights": [[0.5, -0.6]], "biases": [0.2] } ],
  "learning_rate": 0.5, "mode": "batch", "seed": 7,
  "dataset": "xor" }"#;

#[test]
fn the_documented_example_reads_as_written() {
    let m = Model::parse(EXAMPLE).unwrap();
    assert_eq!(m.net.w(1, 0, 1), -0.2, "weights[i][j] is w_ij^(n)");
    assert_eq!(m.net.b(1, 1), 0.1);
    assert_eq!(m.net.w(2, 0, 1), -0.6);
    assert_eq!((m.eta, m.mode, m.seed), (0.5, Mode::Batch, 7));
    assert_eq!(m.dataset, DatasetSpec::Named("xor".into()));
}

#[test]
fn optional_fields_take_their_documented_defaults() {
    let text = r#"{ "format": "backprop-lab/model@1", "inputs": 2,
      "layers": [ { "activation": "tanh", "weights": [[1, 2]], "biases": [3] } ] }"#;
    let m = Model::parse(text).unwrap();
    assert_eq!(
        (m.eta, m.mode, m.seed),
        (DEFAULT_ETA, Mode::Batch, DEFAULT_SEED)
    );
    assert_eq!(m.dataset, DatasetSpec::Named("xor".into()));
}

#[test]
fn trained_models_round_trip_exactly() {
    for mode in [Mode::Batch, Mode::Online] {
        let setup = Setup {
            mode,
            hidden: vec![3, 2],
            activations: vec![
                backprop_lab::activation::Activation::Tanh,
                backprop_lab::activation::Activation::Relu,
                backprop_lab::activation::Activation::Sigmoid,
            ],
            dataset: "spiral".into(),
            ..Setup::default()
        };
        let mut lab = Session::new(setup.model().unwrap()).unwrap();
        lab.train(37).unwrap();
        let model = lab.model();
        let again = Model::parse(&model.to_json().unwrap()).unwrap();
        assert_eq!(again, model);
        assert_eq!(again.to_json(), model.to_json());
    }
    let inline = r#"{ "format": "backprop-lab/model@1", "inputs": 1,
      "layers": [ { "activation": "linear", "weights": [[0.1]], "biases": [0.3] } ],
      "dataset": { "inputs": [[1], [2]], "targets": [[0.5], [0.25]] } }"#;
    let m = Model::parse(inline).unwrap();
    assert_eq!(Model::parse(&m.to_json().unwrap()).unwrap(), m);
}

fn rejects(text: &str, reason: &str) {
    let err = Model::parse(text).expect_err(text);
    assert!(err.contains(reason), "{err:?} should contain {reason:?}");
}

fn with(field: &str, value: &str) -> String {
    let mut v: serde_json::Value = serde_json::from_str(EXAMPLE).unwrap();
    let patch: serde_json::Value = serde_json::from_str(value).unwrap();
    let mut at = &mut v;
    let parts: Vec<&str> = field.split('.').collect();
    for p in &parts[..parts.len() - 1] {
        at = match p.parse::<usize>() {
            Ok(i) => &mut at[i],
            Err(_) => &mut at[*p],
        };
    }
    at[parts[parts.len() - 1]] = patch;
    v.to_string()
}

#[test]
fn each_kind_of_bad_file_is_rejected_with_its_reason() {
    rejects("", "not valid JSON");
    rejects("[1, 2]", "expected a JSON object");
    rejects(&EXAMPLE[..EXAMPLE.len() - 10], "not valid JSON");
    rejects(
        &with("format", r#""backprop-lab/model@2""#),
        "format: expected",
    );
    rejects(
        &with("inputs", "0"),
        "inputs: expected an integer from 1 to 16, got 0",
    );
    rejects(&with("inputs", "2.5"), "inputs: expected an integer");
    rejects(
        &with("layers", "[]"),
        "layers: expected 1 to 4 layers, got 0",
    );
    rejects(&with("layers", r#""many""#), "layers: expected an array");
    rejects(
        &with("layers.1.activation", r#""softmax""#),
        "layers[1].activation: unknown activation \"softmax\"",
    );
    rejects(
        &with("layers.1.weights", "[[0.5, -0.6], [1, 2], [3, 4]]"),
        "layers[1].weights: expected 1 rows (one per bias), got 3",
    );
    rejects(
        &with("layers.0.weights", "[[0.1, -0.2, 0.3], [0.3, 0.4, 0.5]]"),
        "layers[0].weights[0]: expected 2 numbers (one per input), got 3",
    );
    rejects(
        &with("layers.1.weights", "[[0.5]]"),
        "layers[1].weights[0]: expected 2 numbers (one per neuron of layers[0]), got 1",
    );
    rejects(
        &with("layers.0.weights", r#"[[0.1, "x"], [0.3, 0.4]]"#),
        "layers[0].weights[0][1]: expected a finite number",
    );
    rejects(
        &with("layers.0.biases", "[]"),
        "layers[0].biases: expected 1 to 16 neurons, got 0",
    );
    rejects(
        &with("layers.0.biases", &format!("{:?}", vec![0.0; 17])),
        "expected 1 to 16 neurons, got 17",
    );
    rejects(
        &with("learning_rate", "0"),
        "learning_rate: learning rate η must be a number > 0, got 0",
    );
    rejects(
        &with("learning_rate", r#""fast""#),
        "learning_rate: “fast” is not a number",
    );
    rejects(
        &with("learning_rate", "[1]"),
        "learning_rate: expected a number > 0",
    );
    rejects(
        &with("mode", r#""stochastic""#),
        "mode: expected \"batch\" or \"online\"",
    );
    rejects(
        &with("seed", "-1"),
        "seed: expected a whole number from 0 to",
    );
    rejects(
        &with("dataset", r#""moons""#),
        "dataset: “moons” is not a data set (expected xor, and",
    );
    rejects(&with("dataset", "42"), "dataset: expected a name or");
    rejects(
        &with("dataset", r#"{ "inputs": [[0, 0, 0]], "targets": [[1]] }"#),
        "dataset: patterns have 3 inputs but the network has inputs = 2",
    );
    rejects(
        &with("dataset", r#"{ "inputs": [[0, 0]], "targets": [[1, 0]] }"#),
        "dataset: targets have 2 numbers but the last layer has 1 neurons",
    );
    rejects(
        &with(
            "dataset",
            r#"{ "inputs": [[0, 0], [1]], "targets": [[1], [0]] }"#,
        ),
        "dataset.inputs[1]: expected 2 numbers, got 1",
    );
    rejects(&with("learning_rat", "0.5"), "learning_rat: unknown field");
    rejects(
        &with("layers.0.bias", "[0]"),
        "layers[0].bias: unknown field",
    );
    rejects(
        &EXAMPLE.replace("0.5, \"mode\"", "1e999, \"mode\""),
        "not valid JSON",
    );
    let five: Vec<&str> =
        vec![r#"{ "activation": "tanh", "weights": [[1, 1]], "biases": [0] }"#; 5];
    rejects(
        &with("layers", &format!("[{}]", five.join(","))),
        "layers: expected 1 to 4 layers, got 5",
    );
    rejects(&" ".repeat(2 << 20), "larger than the");
}
