//! src/json/ against serde_json, an independent implementation: over generated documents (odd
//! number forms, escapes, surrogate pairs, white space) and random edits of them, both accept and
//! reject the same texts and read the same values; our text reads back in serde_json unchanged.

mod common;

use backprop_lab::json::Value;
use backprop_lab::rng::Rng;

fn pick<'a>(rng: &mut Rng, from: &[&'a str]) -> &'a str {
    from[(rng.next_u64() as usize) % from.len()]
}

/// A random JSON text, `depth` levels deep at most, written with odd but valid spellings.
fn document(rng: &mut Rng, depth: usize) -> String {
    let space = |rng: &mut Rng| pick(rng, &["", "", " ", "\n  ", "\t", "\r\n"]).to_string();
    let kind = rng.next_u64() % if depth == 0 { 4 } else { 6 };
    let inner = match kind {
        0 => pick(rng, &["null", "true", "false"]).to_string(),
        1 => {
            let sign = pick(rng, &["", "-"]);
            let int = pick(rng, &["0", "1", "7", "42", "123456789", "9007199254740993"]);
            let frac = pick(rng, &["", ".5", ".000", ".1234567890123456789", ".0001"]);
            let exp = pick(rng, &["", "e5", "E+2", "e-7", "e308", "e-320", "E0"]);
            format!("{sign}{int}{frac}{exp}")
        }
        2 | 3 => {
            let parts = [
                "a",
                "é",
                "😀",
                "\\n",
                "\\\"",
                "\\\\",
                "\\/",
                "\\u00e9",
                "\\ud83d\\ude00",
                " ",
                "\\t",
            ];
            let n = rng.next_u64() % 4;
            let s: String = (0..n).map(|_| pick(rng, &parts)).collect();
            format!("\"{s}\"")
        }
        4 => {
            let n = rng.next_u64() % 4;
            let items: Vec<String> = (0..n).map(|_| document(rng, depth - 1)).collect();
            format!(
                "[{}{}]",
                items.join(&format!(",{}", space(rng))),
                space(rng)
            )
        }
        _ => {
            let n = rng.next_u64() % 4;
            let items: Vec<String> = (0..n)
                .map(|_| {
                    let key = pick(rng, &["a", "b", "format", "é", "a"]);
                    format!("\"{key}\"{}:{}", space(rng), document(rng, depth - 1))
                })
                .collect();
            format!("{{{}}}", items.join(","))
        }
    };
    format!("{}{inner}{}", space(rng), space(rng))
}

/// Bytes the random edits insert.
const ALPHABET: &[u8] = b"{}[]\",:0123456789.-+eE truefalsnul\\u\n\x01";

fn mutate(rng: &mut Rng, text: &str) -> String {
    common::mutate(rng, text, ALPHABET, 3)
}

/// Whether our value and serde_json's are the same (objects: last repeated key, any order).
fn same(ours: &Value, theirs: &serde_json::Value) -> bool {
    use serde_json::Value as S;
    match (ours, theirs) {
        (Value::Null, S::Null) => true,
        (Value::Bool(a), S::Bool(b)) => a == b,
        (Value::Number(a), S::Number(b)) => Some(*a) == b.as_f64(),
        (Value::String(a), S::String(b)) => a == b,
        (Value::Array(a), S::Array(b)) => {
            a.len() == b.len() && a.iter().zip(b).all(|(x, y)| same(x, y))
        }
        (Value::Object(a), S::Object(b)) => {
            let mut keys: Vec<&String> = a.iter().map(|(k, _)| k).collect();
            keys.sort();
            keys.dedup();
            keys.len() == b.len()
                && keys
                    .iter()
                    .all(|k| b.get(*k).is_some_and(|y| same(&ours[k.as_str()], y)))
        }
        _ => false,
    }
}

#[test]
fn agrees_with_serde_json_on_generated_and_edited_texts() {
    let mut rng = Rng::new(2026);
    let (mut both_ok, mut both_err, mut duplicates) = (0, 0, 0);
    for k in 0..20_000 {
        let doc = document(&mut rng, 4);
        let text = if k % 2 == 0 {
            doc
        } else {
            mutate(&mut rng, &doc)
        };
        let ours = Value::parse(&text);
        let theirs = serde_json::from_str::<serde_json::Value>(&text);
        match (&ours, &theirs) {
            (Ok(a), Ok(b)) => {
                both_ok += 1;
                assert!(same(a, b), "{text:?}: {a:?} vs {b:?}");
                let written: serde_json::Value = serde_json::from_str(&a.to_string()).unwrap();
                assert!(
                    same(a, &written),
                    "our text of {text:?} reads back differently"
                );
                assert_eq!(Value::parse(&a.pretty()).as_ref(), Ok(a));
            }
            (Err(e), Err(_)) => {
                both_err += 1;
                assert!(e.contains(" at line "), "{e}");
            }
            // serde_json keeps the last of two equal keys; we refuse them, naming the key.
            (Err(e), Ok(_)) if e.starts_with("duplicate key \"") => {
                duplicates += 1;
                let key = e.split('"').nth(1).unwrap();
                assert!(
                    text.matches(&format!("\"{key}\"")).count() >= 2,
                    "{text:?}: {e}"
                );
            }
            _ => panic!("{text:?}: ours {ours:?}, serde_json {theirs:?}"),
        }
    }
    println!(
        "json: {both_ok} texts read alike, {both_err} rejected by both, {duplicates} refused for a repeated key"
    );
    assert!(both_ok > 8_000 && both_err > 3_000);
}
