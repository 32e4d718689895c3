//! The experiments' numbers, native, against tests/golden/experiments.json: the same file the
//! browser test (tests/e2e/experiments-pool.test.mjs) holds the page's and the workers' numbers
//! to, so native, page and worker agree bit for bit. Finals are stored as the hex of their IEEE-754
//! bits. Regenerate after an intended change of the numbers:
//! `BPL_WRITE_GOLDEN=1 cargo test --test experiments_golden`.

use backprop_lab::experiments::{seeds::seed_runs, sweep::sweep_eta, DEFAULT_ETAS};
use backprop_lab::model::Model;
use backprop_lab::session::Session;
use backprop_lab::setup::Setup;
use backprop_lab::train::Mode;
use serde_json::{json, Value};

const FILE: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/golden/experiments.json");
/// Seeds 0 … 19 of the default network (XOR, 2-2-1), 500 epochs, batch and online.
const SEEDS: u64 = 20;
const SEED_EPOCHS: u64 = 500;
/// The default η list, 200 epochs.
const SWEEP_EPOCHS: u64 = 200;
const THUMB: usize = 8;

/// The hex of a finite number's bits; null for one not finite (as the page's JSON has it).
fn bits(x: f64) -> Value {
    if x.is_finite() {
        Value::from(format!("{:016x}", x.to_bits()))
    } else {
        Value::Null
    }
}

/// FNV-1a over the little-endian bytes of the values' bits, a value not finite counted as NaN
/// 0x7ff8000000000000 (the page's JSON writes null): one number per picture or curve.
fn fnv(values: &[f64]) -> String {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for &v in values {
        let v = if v.is_finite() { v } else { f64::NAN };
        for b in v.to_bits().to_le_bytes() {
            h = (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3);
        }
    }
    format!("{h:016x}")
}

fn opt(x: Option<u64>) -> Value {
    x.map_or(Value::Null, Value::from)
}

/// The page's default Lab, and the same network as a worker gets it (Lab.fromModel(lab.toModel())).
fn sessions() -> [Session; 2] {
    let page = Session::from_setup(&Setup::parse("{}").unwrap()).unwrap();
    let worker = Session::new(Model::parse(&page.model().to_json().unwrap()).unwrap()).unwrap();
    [page, worker]
}

fn numbers(session: &Session) -> Value {
    let seeds = |mode| -> Value {
        let runs = seed_runs(session, (0, SEEDS), SEED_EPOCHS, mode, THUMB).unwrap();
        runs.iter()
            .map(|r| {
                json!({ "seed": r.seed, "final": bits(r.final_e), "solvedAt": opt(r.solved_at),
                    "right": r.right, "divergedAt": opt(r.diverged_at), "thumb": fnv(&r.thumb) })
            })
            .collect()
    };
    let sweep: Value = sweep_eta(session, &DEFAULT_ETAS, SWEEP_EPOCHS)
        .unwrap()
        .iter()
        .map(|r| {
            json!({ "eta": bits(r.eta), "final": bits(r.final_e), "solvedAt": opt(r.solved_at),
                "divergedAt": opt(r.diverged_at), "points": r.curve.len(),
                "curve": fnv(&r.curve.iter().map(|&(_, e)| e).collect::<Vec<_>>()) })
        })
        .collect();
    json!({
        "about": "tests/experiments_golden.rs: the default network (Lab.fromSetup(\"{}\")); finals as IEEE-754 bits in hex, thumbnails and curves as FNV-1a of their bits",
        "seeds": { "first": 0, "count": SEEDS, "epochs": SEED_EPOCHS, "thumb": THUMB,
            "batch": seeds(Mode::Batch), "online": seeds(Mode::Online) },
        "sweep": { "epochs": SWEEP_EPOCHS, "runs": sweep },
    })
}

#[test]
fn experiments_match_the_golden_file() {
    let [page, worker] = sessions();
    let got = numbers(&page);
    assert_eq!(
        got,
        numbers(&worker),
        "a Lab rebuilt from its model file gives other numbers"
    );
    if std::env::var_os("BPL_WRITE_GOLDEN").is_some() {
        std::fs::create_dir_all(std::path::Path::new(FILE).parent().unwrap()).unwrap();
        std::fs::write(FILE, serde_json::to_string_pretty(&got).unwrap() + "\n").unwrap();
        return;
    }
    let want: Value = serde_json::from_str(&std::fs::read_to_string(FILE).unwrap()).unwrap();
    assert_eq!(
        got, want,
        "the experiments' numbers changed; if intended, regenerate (see the doc comment)"
    );
}
