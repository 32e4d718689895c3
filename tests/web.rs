//! The wasm boundary in a real browser (headless Chromium via wasm-bindgen-test): errors become JS
//! `Error`s with messages, typed arrays carry the lecture's numbers, and the grid view is readable.
#![cfg(target_arch = "wasm32")]

mod common;

use backprop_lab::web::Lab;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

/// A JS value of anything: `js(3.0)`, `js("x")`, `js(true)`.
fn js(v: impl Into<JsValue>) -> JsValue {
    v.into()
}

fn message(err: wasm_bindgen::JsError) -> String {
    let value: JsValue = err.into();
    let error: js_sys::Error = value.dyn_into().expect("a JS Error object");
    error.message().into()
}

#[wasm_bindgen_test]
fn bad_model_files_become_errors_with_the_reason() {
    let err = Lab::from_model(&js("{\"format\": 3}"))
        .err()
        .expect("rejected");
    assert!(message(err).contains("format: expected"));
    let err = Lab::from_setup(&js("{\"dataset\": \"moons\"}"))
        .err()
        .expect("rejected");
    assert!(message(err).contains("“moons” is not a data set"));
}

#[wasm_bindgen_test]
fn learning_rate_is_validated_and_kept() {
    let mut lab = Lab::from_setup(&js("{}")).unwrap();
    let eta = lab.learning_rate();
    let err = lab.set_learning_rate(&js(f64::NAN)).unwrap_err();
    assert!(message(err).contains("learning rate"));
    assert_eq!(lab.learning_rate(), eta);
}

#[wasm_bindgen_test]
fn training_in_the_browser_solves_xor() {
    let mut lab = Lab::from_setup(&js("{}")).unwrap();
    let e0 = lab.error();
    assert_eq!(lab.train(&js(3000.0)).unwrap(), 3000.0);
    assert!(lab.error() < 0.01 && lab.error() < e0);
    let y: Vec<f64> = (0..4)
        .map(|mu| lab.x(&js(mu as f64), &js(2.0)).unwrap()[0])
        .collect();
    assert!(
        y[0] < 0.5 && y[1] > 0.5 && y[2] > 0.5 && y[3] < 0.5,
        "{y:?}"
    );
}

#[wasm_bindgen_test]
fn grid_view_holds_the_output_over_the_plane() {
    let mut lab = Lab::from_setup(&js("{}")).unwrap();
    let view = lab.grid(&js(8), &js(6), &js("x"), &js(true)).unwrap();
    assert_eq!(view.length(), 48);
    let values = view.to_vec();
    assert!(values.iter().all(|v| (0.0..=1.0).contains(v)));
    let all = lab.grid(&js(4), &js(4), &js("a"), &js(false)).unwrap();
    assert_eq!(all.length(), 3 * 16);
    assert!(lab.grid(&js(0), &js(4), &js("x"), &js(true)).is_err());
    assert!(lab.grid(&js(4), &js(4), &js("y"), &js(true)).is_err());
}

#[wasm_bindgen_test]
fn same_seed_gives_the_same_weights_as_natively() {
    // The native build's numbers, bit for bit (tests/xor.rs checks them natively): the browser
    // build must draw the exact same first layer for seed 7.
    let lab = Lab::from_setup(&js("{\"seed\": 7}")).unwrap();
    let bits: Vec<u64> = lab
        .weights(&js(1.0))
        .unwrap()
        .iter()
        .map(|w| w.to_bits())
        .collect();
    assert_eq!(bits, common::SEED_7_LAYER_1_BITS);
}

#[wasm_bindgen_test]
fn wrong_argument_types_are_errors_naming_the_argument_not_traps() {
    let mut lab = Lab::from_setup(&js("{}")).unwrap();
    let err = lab.train(&js(true)).expect_err("a boolean is not a count");
    assert!(message(err).starts_with("epochs: expected a whole number"));
    let err = Lab::from_model(&js(42.0))
        .err()
        .expect("a number is not a model file");
    assert!(message(err).starts_with("model file: expected a string"));
    let Err(err) = lab.grid(&js(-1), &js(4), &js("x"), &js(true)) else {
        panic!("no wrap-around");
    };
    assert!(message(err).starts_with("nx: expected a whole number"));
    assert_eq!(lab.epoch(), 0.0, "nothing ran");
}
