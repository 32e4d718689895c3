//! The phase stepper against whole-epoch training: same numbers, exact undo, the documented order.

use backprop_lab::{
    backprop::backprop, dataset::Dataset, session::Session, setup::Setup, stepper::Phase,
    train::Mode,
};

fn session(mode: Mode) -> Session {
    let setup = Setup {
        mode,
        ..Setup::default()
    };
    Session::new(setup.model().unwrap()).unwrap()
}

#[test]
fn one_batch_epoch_is_21_phases_in_the_lectures_order() {
    let mut lab = session(Mode::Batch);
    let mut phases = Vec::new();
    while lab.epoch() == 0 {
        lab.step();
        phases.push(lab.stepper().state().phase);
    }
    assert_eq!(phases.len(), 4 * (2 + 1 + 2) + 1);
    assert_eq!(
        &phases[..6],
        &[
            Phase::Forward { mu: 0, n: 1 },
            Phase::Forward { mu: 0, n: 2 },
            Phase::Error { mu: 0 },
            Phase::Backward { mu: 0, n: 2 },
            Phase::Backward { mu: 0, n: 1 },
            Phase::Forward { mu: 1, n: 1 },
        ]
    );
    assert_eq!(phases.last(), Some(&Phase::Update { mu: None }));
}

#[test]
fn online_updates_after_every_pattern() {
    let mut lab = session(Mode::Online);
    let mut updates = Vec::new();
    while lab.epoch() == 0 {
        lab.step();
        if let Phase::Update { mu } = lab.stepper().state().phase {
            updates.push(mu);
        }
    }
    assert_eq!(updates, vec![Some(0), Some(1), Some(2), Some(3)]);
}

#[test]
fn stepping_an_epoch_equals_training_one_in_both_modes() {
    for mode in [Mode::Batch, Mode::Online] {
        let mut stepped = session(mode);
        let mut trained = stepped.clone();
        for _ in 0..3 {
            let e = stepped.epoch();
            while stepped.epoch() == e {
                stepped.step();
            }
        }
        trained.train(3).unwrap();
        assert_eq!(stepped.net().params(), trained.net().params(), "{mode:?}");
        assert_eq!(
            stepped.history().errors(),
            trained.history().errors(),
            "{mode:?}"
        );
    }
}

#[test]
fn stepped_numbers_equal_the_backprop_trace_before_the_update() {
    let mut lab = session(Mode::Batch);
    let bp = backprop(lab.net(), lab.data());
    for _ in 0..20 {
        lab.step(); // everything but the update
    }
    let state = lab.stepper().state();
    assert_eq!(state.phase, Phase::Backward { mu: 3, n: 1 });
    for (mu, pass) in state.passes.iter().enumerate() {
        assert_eq!(pass.a, bp.passes[mu].a);
        assert_eq!(pass.x, bp.passes[mu].x);
        assert_eq!(pass.delta, bp.passes[mu].delta);
        assert_eq!(pass.e, bp.passes[mu].e);
    }
    assert_eq!(*state.grad, bp.grad);
    lab.step();
    let state = lab.stepper().state();
    let want: Vec<f64> = bp.grad.iter().map(|g| -lab.eta() * g).collect();
    assert_eq!(*state.delta_w, want, "Δw = −η ∂E/∂w");
}

#[test]
fn previous_step_restores_every_number_exactly() {
    let mut lab = session(Mode::Online);
    let mut seen = Vec::new();
    for _ in 0..30 {
        let s = lab.stepper().state();
        seen.push((
            s.phase,
            s.epoch,
            s.net.params().to_vec(),
            s.passes.clone(),
            s.grad.clone(),
        ));
        lab.step();
    }
    for want in seen.into_iter().rev() {
        assert!(lab.step_back());
        let s = lab.stepper().state();
        assert_eq!((s.phase, s.epoch), (want.0, want.1));
        assert_eq!(s.net.params(), &want.2[..]);
        assert_eq!(s.passes.len(), want.3.len());
        for (a, b) in s.passes.iter().zip(&want.3) {
            // NaN marks "not computed yet": compare bit patterns so NaN equals NaN.
            let bits = |v: &[f64]| v.iter().map(|x| x.to_bits()).collect::<Vec<_>>();
            assert_eq!(bits(&a.a), bits(&b.a));
            assert_eq!(bits(&a.delta), bits(&b.delta));
        }
        assert_eq!(s.grad, want.4);
    }
    assert!(!lab.step_back(), "nothing before the first step");
}

#[test]
fn a_new_learning_rate_applies_to_the_very_next_update() {
    let mut lab = session(Mode::Batch);
    for _ in 0..20 {
        lab.step();
    }
    lab.set_learning_rate(0.125).unwrap();
    lab.step();
    assert_eq!(lab.stepper().state().eta, 0.125);
    for bad in [f64::NAN, f64::INFINITY, -1.0, 0.0] {
        assert!(lab.set_learning_rate(bad).is_err());
        assert_eq!(lab.eta(), 0.125, "η kept after a bad value");
    }
}

#[test]
fn batch_and_online_follow_different_trajectories() {
    let (mut batch, mut online) = (session(Mode::Batch), session(Mode::Online));
    assert_eq!(batch.net().params(), online.net().params());
    batch.train(1).unwrap();
    online.train(1).unwrap();
    assert_ne!(batch.net().params(), online.net().params());
    // Online's first update is −η times pattern 1's gradient alone, at the starting weights.
    let mut stepped = session(Mode::Online);
    let start = stepped.net().clone();
    while stepped.stepper().state().phase != (Phase::Update { mu: Some(0) }) {
        stepped.step();
    }
    let (x, t) = stepped.data().pattern(0);
    let first = Dataset::inline(&[x.to_vec()], &[t.to_vec()]).unwrap();
    let want: Vec<f64> = backprop(&start, &first)
        .grad
        .iter()
        .map(|g| -stepped.eta() * g)
        .collect();
    assert_eq!(*stepped.stepper().state().delta_w, want);
}

#[test]
fn training_stops_at_divergence() {
    let setup = Setup {
        activations: vec![backprop_lab::activation::Activation::Linear; 2],
        eta: 50.0,
        ..Setup::default()
    };
    let mut lab = Session::new(setup.model().unwrap()).unwrap();
    let ran = lab.train(10_000).unwrap();
    assert!(ran < 10_000, "η = 50 on a linear net must blow up");
    assert!(lab.diverged());
    assert_eq!(lab.epoch(), ran);
}
