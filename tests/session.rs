//! The session owns its setup, so no state is a dead end: Reset returns to the model file's own
//! starting weights, a model with its own data set can be re-seeded and reshaped, a setup change
//! that is refused changes nothing, and a data set whose E is ∞ from the start still has a way out.

use backprop_lab::{model::Model, session::Session};

const CUSTOM: &str = r#"{ "format": "backprop-lab/model@1", "inputs": 1,
  "layers": [ { "activation": "tanh", "weights": [[0.7]], "biases": [-0.3] },
              { "activation": "linear", "weights": [[1.5]], "biases": [0.25] } ],
  "learning_rate": 0.1, "seed": 4,
  "dataset": { "inputs": [[0], [1], [2]], "targets": [[0], [1], [0]] } }"#;

#[test]
fn reset_returns_to_the_model_files_own_weights_keeping_eta_and_mode() {
    let model = Model::parse(CUSTOM).unwrap();
    let mut lab = Session::new(model.clone()).unwrap();
    lab.train(50).unwrap();
    lab.set_learning_rate(0.02).unwrap();
    assert_ne!(lab.net().params(), model.net.params());
    lab.reset();
    assert_eq!(
        lab.net().params(),
        model.net.params(),
        "the file's weights, not the seed's"
    );
    assert_eq!((lab.epoch(), lab.history().epochs().len()), (0, 0));
    assert_eq!(lab.timeline_epochs(), vec![0]);
    assert_eq!(lab.eta(), 0.02, "η as the user set it");
}

#[test]
fn a_custom_data_set_survives_a_new_seed_or_shape() {
    let lab = Session::new(Model::parse(CUSTOM).unwrap()).unwrap();
    let reseeded = lab.with_changes(r#"{"seed": "11"}"#).unwrap();
    assert!(
        reseeded.data().same_patterns(lab.data()),
        "the patterns stay"
    );
    assert_eq!(reseeded.seed(), 11);
    assert_ne!(
        reseeded.net().params(),
        lab.net().params(),
        "weights from the new seed"
    );
    let wider = lab.with_changes(r#"{"hidden": [5, 3]}"#).unwrap();
    assert_eq!((wider.net().depth(), wider.net().inputs()), (3, 1));
    assert!(wider.data().same_patterns(lab.data()));
    let hash = lab.to_hash(7, false).unwrap();
    assert!(
        hash.starts_with("data=x1,t1;0,0;1,1;2,0&"),
        "data of one's own travels in a link: {hash}"
    );
}

#[test]
fn a_refused_change_names_the_field_and_changes_nothing() {
    let lab = Session::new(Model::parse(CUSTOM).unwrap()).unwrap();
    let before = lab.model().to_json().unwrap();
    for (changes, says) in [
        (r#"{"seed": ""}"#, "seed: the field is empty"),
        (r#"{"seed": "-3"}"#, "seed: “-3” is not a whole number"),
        (
            r#"{"learning_rate": "abc"}"#,
            "learning rate η: “abc” is not a number",
        ),
        (r#"{"hidden": [17]}"#, "hidden: a layer has 1 to 16 neurons"),
        (
            r#"{"dataset": "moons"}"#,
            "dataset: “moons” is not a data set",
        ),
        (r#"{"seed": 1, "seed": 2}"#, "duplicate key \"seed\""),
    ] {
        let e = lab.with_changes(changes).expect_err(changes);
        assert!(e.contains(says), "{changes}: {e}");
    }
    assert_eq!(lab.model().to_json().unwrap(), before);
}

#[test]
fn a_data_set_with_infinite_e_from_the_start_can_be_left() {
    let huge = CUSTOM.replace(
        r#""targets": [[0], [1], [0]]"#,
        r#""targets": [[1e300], [-1e300], [0]]"#,
    );
    let mut lab = Session::new(Model::parse(&huge).unwrap()).unwrap();
    assert!(lab.diverged(), "E overflows at the very start");
    assert!(lab.restore_last_good().is_err(), "nothing good to restore");
    let xor = lab.with_changes(r#"{"dataset": "xor"}"#).unwrap();
    assert!(!xor.diverged(), "the built-in data set is a way out");
    assert_eq!(xor.net().inputs(), 2);
}
