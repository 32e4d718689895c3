//! Helpers shared by the property tests.
// Each test crate uses only some of these helpers.
#![allow(dead_code)]

use backprop_lab::{dataset::Dataset, network::Network, rng::Rng};

/// The default setup's (XOR 2-2-1 sigmoid) first layer drawn from seed 7 — w_11, w_12, w_21, w_22,
/// b_1, b_2 of layer 1 — as f64 bits, computed natively: tests/xor.rs holds the native build to
/// them and tests/web.rs the browser build, so both draw the same numbers.
/// As decimals: −0.5397218025508448, −2.3672442322920952, 1.9633183529147322, 0.406273804276561,
/// −0.23298618071122723, −1.227529832066431.
pub const SEED_7_LAYER_1_BITS: [u64; 6] = [
    0xBFE1_4566_A85C_9C0A,
    0xC002_F01D_BE7A_B6A2,
    0x3FFF_69C0_8156_7C5C,
    0x3FDA_0063_D7A5_B7A8,
    0xBFCD_D27D_BD49_8EB0,
    0xBFF3_A3F6_5239_6F62,
];

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
