//! The settings table, walked: every setting round-trips through a link, a model file and setup
//! JSON, and the three build the same network — alone, and with every other setting beside it
//! (a built-in data set brings its own setup first, under the rest). A setting added to the table
//! without sample values here fails the test.

use backprop_lab::json::Value;
use backprop_lab::model::Model;
use backprop_lab::network::{MAX_LAYERS, MAX_NEURONS};
use backprop_lab::setup::table::{link_text, SETTINGS};
use backprop_lab::setup::Setup;
use backprop_lab::url_state::UrlState;

/// Values worth trying for each setting, as setup JSON writes them.
fn samples(key: &str) -> Vec<Value> {
    let parse = |t: &str| Value::parse(t).unwrap();
    let texts: &[&str] = match key {
        "dataset" => &[
            r#""xor""#,
            r#""and""#,
            r#""or""#,
            r#""xor-noisy""#,
            r#""circle""#,
            r#""blobs""#,
            r#""spiral""#,
        ],
        "hidden" => {
            // The largest layer, and the most layers, the core allows.
            let (m, l) = (MAX_NEURONS, MAX_LAYERS - 1);
            let widest = format!("[{m}]");
            let deepest = format!("[{}]", vec!["2"; l].join(", "));
            let mut all = vec![
                "[]".to_string(),
                "[1]".into(),
                "[4]".into(),
                "[8, 3]".into(),
            ];
            all.extend([widest, deepest]);
            return all.iter().map(|t| parse(t)).collect();
        }
        "activations" => &[
            r#"["tanh", "sigmoid"]"#,
            r#"["relu", "linear"]"#,
            r#"["linear", "tanh"]"#,
        ],
        "seed" => &["0", "1", "7", "123456789", "9007199254740991"],
        "learning_rate" => &[
            "2",
            "0.1",
            "5e-324",
            "1e300",
            "0.30000000000000004",
            "1.7976931348623157e308",
        ],
        "mode" => &[r#""batch""#, r#""online""#],
        other => panic!("the settings table has {other}: add sample values for it here"),
    };
    texts.iter().map(|t| parse(t)).collect()
}

/// `{ key: value, … }` as setup JSON text.
fn json(pairs: &[(&str, &Value)]) -> String {
    Value::Object(
        pairs
            .iter()
            .map(|(k, v)| (k.to_string(), (*v).clone()))
            .collect(),
    )
    .to_string()
}

/// The same pairs as a link.
fn link(pairs: &[(&str, &Value)]) -> String {
    let part = |&(k, v): &(&str, &Value)| {
        let s = SETTINGS.iter().find(|s| s.key == k).unwrap();
        format!("{}={}", s.link, link_text(v))
    };
    pairs.iter().map(part).collect::<Vec<_>>().join("&")
}

/// Reads the pairs as setup JSON and as a link, writes the setup to a model file, a link and JSON
/// and reads each back: one setup, one network.
fn agree(pairs: &[(&str, &Value)]) {
    let what = json(pairs);
    let from_json = Setup::parse(&what).unwrap_or_else(|e| panic!("{what}: {e}"));
    let from_link = UrlState::parse(&link(pairs));
    assert_eq!(from_link.ignored, Vec::<String>::new(), "{}", link(pairs));
    assert_eq!(
        from_link.setup, from_json,
        "a link and setup JSON disagree on {what}"
    );
    let model = from_json.model().unwrap_or_else(|e| panic!("{what}: {e}"));
    let file = Model::parse(&model.to_json().unwrap()).unwrap();
    assert_eq!(Setup::of(&file), from_json, "the model file of {what}");
    assert_eq!(file.net, model.net, "the model file's network for {what}");
    let hash = UrlState::to_hash(&from_json, 0, None).unwrap();
    assert_eq!(UrlState::parse(&hash).setup, from_json, "{hash}");
    assert_eq!(
        Setup::parse(&from_json.to_value().to_string()).unwrap(),
        from_json
    );
    let nets = [&from_link.setup, &Setup::of(&file)].map(|s| s.model().unwrap().net);
    assert!(
        nets.iter().all(|n| *n == model.net),
        "{what}: the same network three ways"
    );
}

#[test]
fn every_setting_round_trips_through_link_model_file_and_setup_alike() {
    let mut tried = 0;
    for s in &SETTINGS {
        let values = samples(s.key);
        for v in &values {
            // Activations come with their layers (two here: one hidden, the output).
            match s.key {
                "activations" => agree(&[("hidden", &Value::parse("[3]").unwrap()), (s.key, v)]),
                _ => agree(&[(s.key, v)]),
            }
            tried += 1;
        }
        assert!(
            (s.write)(&Setup::default()) != Value::Null,
            "{} writes a value",
            s.key
        );
    }
    assert!(tried >= 25, "{tried}");
}

#[test]
fn settings_together_agree_too_whatever_the_data_set_brings() {
    // Every data set with every architecture and every other setting: the data set's own setup
    // comes first and the rest applies on top, the same in a link and in setup JSON (a link and
    // withSetup once gave a new hidden layer different activations here).
    let (datasets, hidden) = (samples("dataset"), samples("hidden"));
    for d in &datasets {
        for h in &hidden {
            agree(&[("dataset", d), ("hidden", h)]);
            for s in SETTINGS
                .iter()
                .filter(|s| !matches!(s.key, "dataset" | "hidden" | "activations"))
            {
                for v in samples(s.key) {
                    agree(&[("dataset", d), ("hidden", h), (s.key, &v)]);
                }
            }
        }
    }
}

#[test]
fn a_new_hidden_layer_gets_the_same_activation_from_a_link_and_from_setup_json() {
    let link = UrlState::parse("#dataset=and&hidden=4").setup;
    let json = Setup::parse(r#"{"dataset": "and", "hidden": [4]}"#).unwrap();
    assert_eq!(link.activations, json.activations);
    assert_eq!(
        link.activations
            .iter()
            .map(|g| g.name())
            .collect::<Vec<_>>(),
        ["tanh", "sigmoid"],
        "no hidden layer before: the new one is tanh, the output keeps sigmoid"
    );
}
