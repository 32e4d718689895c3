//! Helpers shared by the property tests.
// Each test crate uses only some of these helpers.
#![allow(dead_code)]

use backprop_lab::{dataset::Dataset, network::Network, rng::Rng};

/// `count` random patterns for `net`: inputs uniform in [−1, 1], targets in [0, 1).
pub fn random_patterns(rng: &mut Rng, net: &Network, count: usize) -> Dataset {
    let xs: Vec<Vec<f64>> = (0..count)
        .map(|_| (0..net.inputs()).map(|_| rng.uniform(-1.0, 1.0)).collect())
        .collect();
    let ts: Vec<Vec<f64>> = (0..count)
        .map(|_| (0..net.outputs()).map(|_| rng.unit()).collect())
        .collect();
    Dataset::inline(&xs, &ts).unwrap()
}

/// `text` with 1 to `max_edits` random one-byte edits (delete, replace or insert a byte of
/// `alphabet`), as lossy UTF-8.
pub fn mutate(rng: &mut Rng, text: &str, alphabet: &[u8], max_edits: u64) -> String {
    let mut bytes = text.as_bytes().to_vec();
    for _ in 0..1 + rng.next_u64() % max_edits {
        let at = (rng.next_u64() as usize) % (bytes.len() + 1);
        let c = alphabet[(rng.next_u64() as usize) % alphabet.len()];
        match rng.next_u64() % 3 {
            0 if at < bytes.len() => {
                bytes.remove(at);
            }
            1 if at < bytes.len() => bytes[at] = c,
            _ => bytes.insert(at, c),
        }
    }
    String::from_utf8_lossy(&bytes).into_owned()
}
