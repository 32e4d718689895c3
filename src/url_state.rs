//! The page's setup in the URL hash, so that a link reproduces what its sender saw:
//! `#dataset=xor&hidden=2&g=sigmoid,sigmoid&seed=7&eta=2&mode=batch&speed=7&w=0.1,-0.2,…`; data of
//! one's own goes as `data=x1,x2,t1;0,0,0;0,1,1;…` (CSV, see [`crate::csv`]) in place of `dataset`.
//!
//! Reading is forgiving, because a link is typed, cut off and pasted by people: every part that is
//! malformed is skipped with a short reason and the rest is kept. Nothing in a hash can fail the
//! page. The exercise sheet's address is the same hash with `sheet=μ|batch` in front, read by the
//! same reader ([`UrlState::parse_sheet`]).

use crate::setup::{table, DatasetSpec, Setup};

/// Longest hash read at all; a longer one is ignored whole.
pub const MAX_HASH: usize = 64 * 1024;
/// A training speed of the page: epochs per second (slower than one per frame), or per frame.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Speed {
    /// This many epochs each second.
    PerSecond(u32),
    /// This many epochs each animation frame.
    PerFrame(u32),
}

/// The page's speed settings, slowest first; a link names one by its index.
pub const SPEEDS: [Speed; 15] = [
    Speed::PerSecond(1),
    Speed::PerSecond(2),
    Speed::PerSecond(5),
    Speed::PerSecond(10),
    Speed::PerSecond(30),
    Speed::PerFrame(1),
    Speed::PerFrame(2),
    Speed::PerFrame(5),
    Speed::PerFrame(10),
    Speed::PerFrame(30),
    Speed::PerFrame(100),
    Speed::PerFrame(300),
    Speed::PerFrame(1000),
    Speed::PerFrame(3000),
    Speed::PerFrame(10000),
];

/// The page opens at 5 epochs per frame: XOR 2-2-1 solves in about a second, slow enough to watch.
pub const DEFAULT_SPEED: u32 = 7;

/// Which exercise the sheet's `sheet=` asks for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Exercise {
    /// Pattern μ, counted from 1 as the page counts.
    Pattern(u32),
    /// One batch epoch over all patterns.
    Batch,
}

impl Exercise {
    /// `batch`, or pattern μ from 1 in plain digits (no sign, point, exponent or hex).
    fn parse(value: &str) -> Option<Exercise> {
        if value == "batch" {
            return Some(Exercise::Batch);
        }
        let digits = !value.is_empty() && value.bytes().all(|b| b.is_ascii_digit());
        match value.parse() {
            Ok(mu) if digits && mu >= 1 => Some(Exercise::Pattern(mu)),
            _ => None,
        }
    }
}

/// What a hash asked for, and what of it was ignored (and why).
#[derive(Clone, Debug, PartialEq)]
pub struct UrlState {
    /// The setup, defaults where the hash said nothing usable.
    pub setup: Setup,
    /// The page's speed setting, if given and valid.
    pub speed: Option<u32>,
    /// All weights and biases in the parameter layout, if given and they fit the setup.
    pub weights: Option<Vec<f64>>,
    /// The exercise sheet's `sheet=`, if read by [`UrlState::parse_sheet`], given and valid.
    pub exercise: Option<Exercise>,
    /// One short reason per ignored part.
    pub ignored: Vec<String>,
}

fn short(s: &str) -> String {
    let cut: String = s.chars().take(24).collect();
    if cut.len() < s.len() {
        format!("{cut}…")
    } else {
        cut
    }
}

/// %xx-decoding (a browser may encode commas or spaces); malformed escapes stay as they are.
fn decode(s: &str) -> String {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut k = 0;
    while k < bytes.len() {
        let hex = |b: u8| (b as char).to_digit(16);
        if bytes[k] == b'%' {
            if let (Some(h), Some(l)) = (
                bytes.get(k + 1).and_then(|b| hex(*b)),
                bytes.get(k + 2).and_then(|b| hex(*b)),
            ) {
                out.push((h * 16 + l) as u8);
                k += 3;
                continue;
            }
        }
        out.push(bytes[k]);
        k += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// A number of a link: as a person types it, where a comma separates values.
fn number(v: &str) -> Option<f64> {
    crate::json::read_number(v, false).ok()
}

impl UrlState {
    /// Reads a hash (with or without the leading `#`). Never fails: see `ignored`.
    pub fn parse(hash: &str) -> UrlState {
        UrlState::read(hash, false)
    }

    /// Reads the exercise sheet's hash: [`UrlState::parse`]'s, and `sheet=` too (a pattern μ from
    /// 1, or `batch`, in `exercise`), its mistakes in `ignored` as any setting's.
    pub fn parse_sheet(hash: &str) -> UrlState {
        UrlState::read(hash, true)
    }

    fn read(hash: &str, sheet: bool) -> UrlState {
        let mut state = UrlState {
            setup: Setup::default(),
            speed: None,
            weights: None,
            exercise: None,
            ignored: Vec::new(),
        };
        let hash = hash.strip_prefix('#').unwrap_or(hash);
        if hash.len() > MAX_HASH {
            state.ignored.push(format!(
                "the link's settings are {} KB long (more than {} KB) and were ignored",
                hash.len() / 1024,
                MAX_HASH / 1024
            ));
            return state;
        }
        let mut weights_text = None;
        let mut data = None;
        let mut unknown = Vec::new();
        let parts: Vec<(&str, &str)> = hash
            .split('&')
            .filter(|p| !p.is_empty())
            .map(|part| part.split_once('=').unwrap_or((part, "")))
            .collect();
        let keys: Vec<&str> = parts.iter().map(|&(key, _)| key).collect();
        let repeats = crate::json::repeats(&keys);
        // Patterns given in data= take the place of a named set (and of its setup).
        let own_data = keys.contains(&"data");
        let mut values = Vec::new();
        let mut given = Vec::new();
        for (&(key, raw), repeat) in parts.iter().zip(repeats) {
            if repeat {
                // As in JSON, a setting given twice is not guessed at: the first one counts.
                state
                    .ignored
                    .push(format!("{} given twice: the first is kept", short(key)));
                continue;
            }
            let value = decode(raw);
            match key {
                "v" => {}
                "speed" => match value.parse::<u32>() {
                    Ok(k) if (k as usize) < SPEEDS.len() => state.speed = Some(k),
                    _ => state.ignored.push(format!(
                        "{key}={} is not a speed (0 to {})",
                        short(&value),
                        SPEEDS.len() - 1
                    )),
                },
                "w" => weights_text = Some(value),
                "sheet" if sheet => match Exercise::parse(&value) {
                    Some(e) => state.exercise = Some(e),
                    None => state.ignored.push(format!(
                        "{key}={} is not a pattern (1, 2, …) or batch",
                        short(&value)
                    )),
                },
                "data" => match crate::csv::parse_link(&value) {
                    Ok(table) => {
                        data = Some(DatasetSpec::Inline {
                            inputs: table.inputs,
                            targets: table.targets,
                        })
                    }
                    Err(e) => state.ignored.push(format!("data: {e}")),
                },
                "dataset" if own_data => state
                    .ignored
                    .push("dataset: the patterns given in data= are used instead".into()),
                _ => match table::by_link(key) {
                    Some(setting) => {
                        values.push((setting, table::link_value(setting, &value)));
                        given.push(format!("{key}={}", short(&value)));
                    }
                    None => unknown.push(short(key)),
                },
            }
        }
        if !unknown.is_empty() {
            let more = if unknown.len() > 3 { " …" } else { "" };
            state.ignored.push(format!(
                "unknown setting{} {}{more}",
                if unknown.len() > 1 { "s" } else { "" },
                unknown[..unknown.len().min(3)].join(", ")
            ));
        }
        let read = table::read(&state.setup, &values);
        state.setup = read.setup;
        for (key, problem) in read.problems {
            // The part of the link as given, then the setting's own reason.
            let setting = table::by_key(key).expect("a setting of the table");
            let at = values.iter().position(|(s, _)| s.key == key);
            let part = at.map_or(setting.link.to_string(), |k| given[k].clone());
            state.ignored.push(match key {
                "activations" if problem.starts_with("activations: expected") => format!(
                    "g: needs one activation per layer ({} here)",
                    state.setup.hidden.len() + 1
                ),
                _ => format!("{part}: {}", table::reason(setting, &problem)),
            });
        }
        if let Some(data) = data {
            state.setup.dataset = data;
        }
        if let Some(text) = weights_text {
            let n = state
                .setup
                .model()
                .map(|m| m.net.params().len())
                .unwrap_or(0);
            let values: Option<Vec<f64>> = text.split(',').map(number).collect();
            match values {
                Some(w) if w.len() == n => state.weights = Some(w),
                Some(w) => state.ignored.push(format!(
                    "w: {} numbers do not fit this network's {n} weights and biases",
                    w.len()
                )),
                None => state
                    .ignored
                    .push("w: not a list of finite numbers".to_string()),
            }
        }
        state
    }

    /// The hash (without `#`) for a setup, a speed and, optionally, the current weights. Every
    /// number is written in the shortest form that reads back to the same f64.
    ///
    /// # Errors
    /// Patterns that make the link longer than [`MAX_HASH`] (a model file carries them); a speed
    /// that is not one of [`SPEEDS`]; weights that are not finite numbers
    /// ([`crate::model::writable`]).
    pub fn to_hash(setup: &Setup, speed: u32, weights: Option<&[f64]>) -> Result<String, String> {
        if let Some(w) = weights {
            crate::model::writable(w)?;
        }
        if speed as usize >= SPEEDS.len() {
            return Err(format!(
                "speed must be a whole number from 0 to {}, got {speed}",
                SPEEDS.len() - 1
            ));
        }
        let mut parts = Vec::with_capacity(table::SETTINGS.len() + 2);
        for setting in &table::SETTINGS {
            parts.push(match (setting.key, &setup.dataset) {
                ("dataset", DatasetSpec::Inline { .. }) => {
                    let patterns = setup.dataset.build(setup.seed)?;
                    format!("data={}", crate::csv::write_link(&patterns))
                }
                _ => format!(
                    "{}={}",
                    setting.link,
                    table::link_text(&(setting.write)(setup))
                ),
            });
        }
        parts.push(format!("speed={speed}"));
        let mut hash = parts.join("&");
        if let Some(w) = weights {
            hash.push_str("&w=");
            // Comma-separated, as one CSV line without its line end; shortest digits that read
            // back to the same f64.
            crate::csv::push_line(&mut hash, w, |&x| crate::json::number(x));
            hash.pop();
        }
        if hash.len() > MAX_HASH {
            let p = setup.dataset.build(setup.seed).map_or(0, |d| d.len());
            return Err(format!(
                "the data ({p} patterns) makes the link {} KB long, more than a link can carry ({} KB): use Export model to share it as a file",
                hash.len().div_ceil(1024),
                MAX_HASH / 1024
            ));
        }
        Ok(hash)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::activation::Activation;
    use crate::train::Mode;

    #[test]
    fn a_full_hash_round_trips() {
        let setup = Setup {
            dataset: DatasetSpec::Named("spiral".into()),
            seed: 3,
            hidden: vec![8, 4],
            activations: vec![Activation::Tanh, Activation::Relu, Activation::Sigmoid],
            eta: 0.03,
            mode: Mode::Online,
        };
        let model = setup.model().unwrap();
        let w = model.net.params().to_vec();
        let hash = UrlState::to_hash(&setup, 9, Some(&w)).unwrap();
        let back = UrlState::parse(&format!("#{hash}"));
        assert_eq!(back.ignored, Vec::<String>::new());
        assert_eq!(
            (back.setup, back.speed, back.weights),
            (setup, Some(9), Some(w))
        );
    }

    #[test]
    fn hostile_parts_are_skipped_with_a_reason_and_the_rest_kept() {
        let s = UrlState::parse(
            "#dataset=moons&seed=-4&eta=abc&hidden=99&mode=online&speed=400&zzz=1&w=1,2",
        );
        assert_eq!(s.setup.mode, Mode::Online, "the valid part is kept");
        assert_eq!(s.setup.dataset_name(), "xor");
        assert_eq!(s.speed, None);
        assert_eq!(s.ignored.len(), 7, "{:?}", s.ignored);
        assert!(s.ignored.iter().any(|r| r.contains("eta=abc")));
        assert!(s.ignored.iter().any(|r| r.contains("unknown setting zzz")));
        let junk = "x".repeat(1 << 20);
        let s = UrlState::parse(&junk);
        assert_eq!(s.setup, Setup::default());
        assert!(s.ignored[0].contains("1024 KB"));
        let s = UrlState::parse("#hidden=2,2&g=tanh");
        assert!(s.ignored[0].starts_with("g: needs one activation per layer (3 here)"));
        assert_eq!(UrlState::parse("eta=1e400").setup.eta, Setup::default().eta);
        assert_eq!(UrlState::parse("eta=0.25%").setup.eta, Setup::default().eta);
        assert_eq!(UrlState::parse("hidden=4%2C4").setup.hidden, vec![4, 4]);
        let twice = UrlState::parse("#seed=1&seed=2&dataset=or&dataset=xor");
        assert_eq!((twice.setup.seed, twice.setup.dataset_name()), (1, "or"));
        assert_eq!(twice.ignored.len(), 2, "{:?}", twice.ignored);
    }

    #[test]
    fn the_sheets_exercise_is_read_by_the_same_reader_and_only_there() {
        let read = |hash: &str| {
            let s = UrlState::parse_sheet(hash);
            (s.exercise, s.ignored)
        };
        assert_eq!(
            read("#sheet=2&seed=3"),
            (Some(Exercise::Pattern(2)), vec![])
        );
        assert_eq!(read("sheet=batch"), (Some(Exercise::Batch), vec![]));
        assert_eq!(read("#seed=3"), (None, vec![]));
        for bad in [
            "1e0",
            "0x2",
            "1.0",
            "+1",
            "-1",
            "0",
            "",
            " 1",
            "%",
            "two",
            "99999999999",
        ] {
            let (exercise, ignored) = read(&format!("#sheet={bad}&seed=3"));
            assert_eq!(exercise, None, "{bad}");
            assert_eq!(
                ignored,
                [format!("sheet={bad} is not a pattern (1, 2, …) or batch")]
            );
        }
        // Given twice: noticed, as for any setting, and the first kept.
        let (exercise, ignored) = read("#sheet=1&seed=3&sheet=2");
        assert_eq!(exercise, Some(Exercise::Pattern(1)));
        assert_eq!(ignored, ["sheet given twice: the first is kept"]);
        // The app's own links have no sheet=: there it is an unknown setting.
        let app = UrlState::parse("#sheet=2&seed=3");
        assert_eq!(
            (app.exercise, app.ignored),
            (None, vec!["unknown setting sheet".to_string()])
        );
    }
}
