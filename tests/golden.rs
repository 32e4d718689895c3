//! Matt Mazur's published step-by-step backpropagation example, number for number.

use backprop_lab::{backprop::backprop, model::Model};

const MAZUR: &str = r#"{
  "format": "backprop-lab/model@1", "inputs": 2,
  "layers": [
    { "activation": "sigmoid", "weights": [[0.15, 0.20], [0.25, 0.30]], "biases": [0.35, 0.35] },
    { "activation": "sigmoid", "weights": [[0.40, 0.45], [0.50, 0.55]], "biases": [0.60, 0.60] } ],
  "learning_rate": 0.5,
  "dataset": { "inputs": [[0.05, 0.10]], "targets": [[0.01, 0.99]] } }"#;

#[test]
fn mazur_error_and_gradients_match_the_published_numbers() {
    let model = Model::parse(MAZUR).unwrap();
    let bp = backprop(&model.net, &model.dataset().unwrap());
    let close = |got: f64, want: f64, what: &str| {
        assert!(
            (got - want).abs() < 1e-8,
            "{what}: got {got}, published {want}"
        );
    };
    close(bp.e, 0.298371109, "E");
    // Mazur's w5 is h1 → o1: w_11^(2); his w1 is i1 → h1: w_11^(1).
    close(
        bp.grad[model.net.layer(2).w_index(0, 0)],
        0.082167041,
        "∂E/∂w5",
    );
    close(
        bp.grad[model.net.layer(1).w_index(0, 0)],
        0.000438568,
        "∂E/∂w1",
    );
    // His intermediate outputs: out_h1 = 0.593269992, out_o1 = 0.75136507.
    let pass = &bp.passes[0];
    close(pass.x(&model.net, 1)[0], 0.593269992, "x_1^(1)");
    close(pass.x(&model.net, 2)[0], 0.751365070, "ŷ_1");
}

#[test]
fn mazur_update_gives_his_new_weights() {
    let mut model = Model::parse(MAZUR).unwrap();
    let data = model.dataset().unwrap();
    let bp = backprop(&model.net, &data);
    backprop_lab::train::update(&mut model.net, &bp.grad, model.eta);
    // Published after one update with η = 0.5: w5⁺ = 0.35891648, w1⁺ = 0.149780716.
    assert!((model.net.w(2, 0, 0) - 0.35891648).abs() < 1e-8);
    assert!((model.net.w(1, 0, 0) - 0.149780716).abs() < 1e-8);
}
