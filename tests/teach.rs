//! Teaching (issue #14): the derivation's sum over paths against backprop's δ and gradient, the quiz's
//! questions against what stepping then computes and its tolerance at the edges, and the exercise
//! sheet's numbers against the trace.

use backprop_lab::{
    activation::Activation,
    backprop::backprop,
    dataset::Dataset,
    json::Value,
    network::Network,
    rng::Rng,
    teach::derive::{derive, MAX_LISTED},
};

fn pick(rng: &mut Rng, k: usize) -> usize {
    (rng.next_u64() % k as u64) as usize
}

/// A random network of 1 to 4 layers (1 to 5 neurons each, any activations) and 1 to 4 patterns.
fn random_case(rng: &mut Rng) -> (Network, Dataset) {
    let inputs = 1 + pick(rng, 3);
    let depth = 1 + pick(rng, 4);
    let layers: Vec<_> = (0..depth)
        .map(|_| (1 + pick(rng, 5), Activation::ALL[pick(rng, 4)]))
        .collect();
    let mut net = Network::new(inputs, &layers).unwrap();
    net.init(rng.next_u64());
    let patterns = 1 + pick(rng, 4);
    let xs: Vec<Vec<f64>> = (0..patterns)
        .map(|_| (0..inputs).map(|_| rng.uniform(-1.0, 1.0)).collect())
        .collect();
    let ts: Vec<Vec<f64>> = (0..patterns)
        .map(|_| (0..net.outputs()).map(|_| rng.unit()).collect())
        .collect();
    (net, Dataset::inline(&xs, &ts).unwrap())
}

fn num(v: &Value) -> f64 {
    v.as_f64().unwrap_or_else(|| panic!("not a number: {v}"))
}

fn close(a: f64, b: f64, scale: f64) -> bool {
    (a - b).abs() <= 1e-12 * scale.max(1e-3)
}

#[test]
fn the_sum_over_paths_is_delta_and_delta_x_is_the_gradient_on_random_networks() {
    let mut rng = Rng::new(14);
    let mut shapes = std::collections::HashSet::new();
    for _ in 0..300 {
        let (net, data) = random_case(&mut rng);
        shapes.insert(net.depth());
        let bp = backprop(&net, &data);
        for k in 0..net.params().len() {
            let (n, i, j) = net.param_location(k).unwrap();
            for mu in [None, Some(pick(&mut rng, data.len()))] {
                let d = Value::parse(&derive(&net, &data, &bp, 0.5, (n, i, j), mu)).unwrap();
                let patterns = d["patterns"].as_array().unwrap();
                assert_eq!(patterns.len(), mu.map_or(data.len(), |_| 1));
                let mut grad = 0.0;
                for p in patterns {
                    let m = num(&p["mu"]) as usize;
                    let pass = &bp.passes[m];
                    let delta = pass.delta(net.layer(n))[i];
                    assert_eq!(num(&p["delta"]), delta);
                    assert_eq!(num(&p["a"]), pass.a(net.layer(n))[i]);
                    let x = j.map_or(1.0, |j| pass.x(&net, n - 1)[j]);
                    assert_eq!(num(&p["x"]), x);
                    assert_eq!(num(&p["grad"]), delta * x);
                    grad += delta * x;
                    // Σ over all paths = δ; each listed path's product = Π of its factors.
                    let count: usize = (n + 1..=net.depth()).map(|l| net.layer(l).m).product();
                    assert_eq!(num(&p["pathCount"]) as usize, count);
                    let paths = p["paths"].as_array().unwrap();
                    assert_eq!(paths.len(), count.min(MAX_LISTED));
                    let scale = paths.iter().map(|q| num(&q["product"]).abs()).sum::<f64>();
                    assert!(
                        close(num(&p["pathSum"]), delta, scale),
                        "{} vs δ = {delta}",
                        p["pathSum"]
                    );
                    let mut last = f64::INFINITY;
                    for q in paths {
                        let product = num(&q["product"]);
                        assert!(product.abs() <= last, "largest first");
                        last = product.abs();
                        let f = q["factors"].as_array().unwrap();
                        assert_eq!(f.len(), 2 * (net.depth() - n) + 2);
                        let mut prod = 1.0;
                        for factor in f {
                            prod *= num(&factor["value"]);
                        }
                        assert_eq!(prod, product);
                        let nodes = q["nodes"].as_array().unwrap();
                        assert_eq!(nodes.len(), net.depth() - n + 1);
                        assert_eq!(nodes[0], Value::from(vec![n, i]));
                    }
                }
                if mu.is_none() {
                    assert_eq!(num(&d["grad"]), bp.grad[k], "∂E/∂w of parameter {k}");
                }
                assert_eq!(num(&d["grad"]), grad);
                assert_eq!(num(&d["deltaW"]), -0.5 * grad);
                assert_eq!(num(&d["w"]), net.params()[k]);
                assert_eq!(num(&d["j"]), j.map_or(-1.0, |j| j as f64));
            }
        }
    }
    assert_eq!(shapes.len(), 4, "every depth 1 to 4 came up");
}

#[test]
fn the_lectures_weight_on_xor_names_its_factors() {
    // 2-2-1 sigmoid: w_23^(1) does not exist; w_12^(1) (n = 1, i = 0, j = 1) has m^(2) = 1 path.
    let lab =
        backprop_lab::session::Session::new(backprop_lab::setup::Setup::default().model().unwrap())
            .unwrap();
    let (net, data) = (lab.net(), lab.data());
    let bp = backprop(net, data);
    let d = Value::parse(&derive(net, data, &bp, 2.0, (1, 0, Some(1)), Some(3))).unwrap();
    assert_eq!(d["symbol"].as_str(), Some("w₁₂⁽¹⁾"));
    assert_eq!(num(&d["L"]), 2.0);
    let p = &d["patterns"][0];
    assert_eq!(num(&p["mu"]), 3.0);
    assert_eq!(num(&p["x"]), 1.0, "x₂⁽⁰⁾ of pattern (1, 1)");
    let path = &p["paths"][0];
    assert_eq!(path["nodes"].to_string(), "[[1,0],[2,0]]");
    let kinds: Vec<&str> = path["factors"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["kind"].as_str().unwrap())
        .collect();
    assert_eq!(kinds, ["gprime", "w", "gprime", "error"]);
    let w = &path["factors"][1];
    assert_eq!((num(&w["n"]), num(&w["i"]), num(&w["j"])), (2.0, 0.0, 0.0));
    assert_eq!(num(&w["value"]), net.w(2, 0, 0));
    let y = bp.passes[3].y(net)[0];
    assert_eq!(
        num(&path["factors"][3]["value"]),
        y - 0.0,
        "ŷ − t with t = 0"
    );
    let bias = Value::parse(&derive(net, data, &bp, 2.0, (2, 0, None), None)).unwrap();
    assert_eq!(bias["symbol"].as_str(), Some("b₁⁽²⁾"));
    assert_eq!(num(&bias["j"]), -1.0);
    assert_eq!(num(&bias["mu"]), -1.0);
    assert_eq!(num(&bias["patterns"][2]["x"]), 1.0);
}

#[test]
fn the_widest_network_sums_all_4096_paths_and_lists_64() {
    let g = Activation::Tanh;
    let mut net = Network::new(2, &[(16, g), (16, g), (16, g), (16, g)]).unwrap();
    net.init(3);
    let data = Dataset::inline(&[vec![0.3, -0.7]], &[vec![0.5; 16]]).unwrap();
    let bp = backprop(&net, &data);
    let d = Value::parse(&derive(&net, &data, &bp, 1.0, (1, 5, Some(1)), None)).unwrap();
    let p = &d["patterns"][0];
    assert_eq!(num(&p["pathCount"]), 4096.0, "16 · 16 · 16 above layer 1");
    assert_eq!(p["paths"].as_array().unwrap().len(), 64);
    let delta = bp.passes[0].delta(net.layer(1))[5];
    assert!(
        (num(&p["pathSum"]) - delta).abs() < 1e-12,
        "{} {delta}",
        p["pathSum"]
    );
}
