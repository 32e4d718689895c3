//! Scrubbing back through the run, resuming from there, and recovering from divergence.

use backprop_lab::{activation::Activation, session::Session, setup::Setup};

fn lab() -> Session {
    Session::new(Setup::default().model().unwrap()).unwrap()
}

#[test]
fn scrub_back_then_resume_is_the_same_run_as_never_going_further() {
    let mut a = lab();
    a.train(100).unwrap();
    a.scrub_to(40).unwrap();
    let mut b = lab();
    b.train(40).unwrap();
    assert_eq!(a.epoch(), 40);
    assert_eq!(
        a.net().params(),
        b.net().params(),
        "exact weights after 40 epochs"
    );
    // The later part stays visible until training resumes…
    assert_eq!(*a.timeline_epochs().last().unwrap(), 100);
    a.train(10).unwrap();
    b.train(10).unwrap();
    assert_eq!(a.net().params(), b.net().params());
    // …then it is gone, from the timeline and from the loss curve.
    assert_eq!(*a.timeline_epochs().last().unwrap(), 50);
    assert_eq!(a.history().epochs(), b.history().epochs());
    assert_eq!(a.history().errors(), b.history().errors());
    // Phase-level stepping still works after a scrub.
    a.scrub_to(45).unwrap();
    a.step();
    assert!(a.step_back());
    assert!(!a.step_back());
    assert!(a
        .scrub_to(5000)
        .unwrap_err()
        .contains("not in the timeline"));
}

#[test]
fn a_diverged_run_restores_its_last_good_state() {
    let setup = Setup {
        activations: vec![Activation::Linear; 2],
        eta: 50.0,
        ..Setup::default()
    };
    let mut lab = Session::new(setup.model().unwrap()).unwrap();
    let ran = lab.train(1000).unwrap();
    assert!(lab.diverged());
    let good = lab.restore_last_good().unwrap();
    assert!(good < ran, "{good} < {ran}");
    assert!(!lab.diverged());
    assert!(lab.error().is_finite());
    lab.set_learning_rate(0.01).unwrap();
    lab.train(10).unwrap();
    assert!(!lab.diverged());
}

#[test]
fn set_weights_checks_its_input_and_keeps_the_state_on_error() {
    let mut lab = lab();
    let before = lab.net().params().to_vec();
    assert!(lab
        .set_weights(&[1.0; 3])
        .unwrap_err()
        .contains("expected 9 numbers"));
    let mut bad = before.clone();
    bad[4] = f64::NAN;
    assert!(lab.set_weights(&bad).unwrap_err().contains("weights[4]"));
    assert_eq!(lab.net().params(), &before[..]);
    lab.set_weights(&[0.5; 9]).unwrap();
    assert_eq!(lab.net().params(), &[0.5; 9][..]);
}

/// The training loop lets each epoch write its weights straight into the timeline's slot
/// (`Timeline::next_slot`); the timeline must end up exactly as recording every epoch's weights
/// with `Timeline::record` would leave it: across the ring's wrap (10 000 epochs for 2-2-1), the
/// moves to the sparse part, training in chunks, a scrub back and a resumed run.
#[test]
fn the_training_loop_leaves_the_timeline_as_recording_every_epoch_would() {
    use backprop_lab::{
        timeline::Timeline,
        train::{Mode, Trainer},
    };
    for activations in [
        vec![Activation::Sigmoid, Activation::Sigmoid],
        vec![Activation::Relu, Activation::Sigmoid], // the block's path, not small.rs
    ] {
        let setup = Setup {
            activations,
            ..Setup::default()
        };
        let mut lab = Session::new(setup.model().unwrap()).unwrap();
        let mut net = lab.net().clone();
        let data = lab.data().clone();
        let mut trainer = Trainer::new(&net);
        let mut replay = Timeline::new(net.params().len());
        replay.record(0, net.params()).unwrap();
        let mut weights = vec![net.params().to_vec()];
        for chunk in [1, 2, 997, 9_000, 3, 12_000, 5_000] {
            lab.train(chunk).unwrap();
            for _ in 0..chunk {
                trainer.epoch(&mut net, &data, lab.eta(), Mode::Batch);
                replay.record(weights.len() as u64, net.params()).unwrap();
                weights.push(net.params().to_vec());
            }
        }
        assert_eq!(lab.net().params(), net.params());
        assert_eq!(format!("{:?}", lab.timeline()), format!("{replay:?}"));
        // Back to a kept epoch, then on from there: the old future is dropped in both.
        let back = *lab
            .timeline_epochs()
            .iter()
            .rev()
            .nth(20_000 % 997)
            .unwrap();
        lab.scrub_to(back).unwrap();
        lab.train(300).unwrap();
        let mut net = backprop_lab::network::Network::clone(lab.net());
        net.params_mut().copy_from_slice(&weights[back as usize]);
        let mut trainer = Trainer::new(&net);
        replay.truncate_from(back + 1);
        for k in 1..=300 {
            trainer.epoch(&mut net, &data, lab.eta(), Mode::Batch);
            replay.record(back + k, net.params()).unwrap();
        }
        assert_eq!(lab.net().params(), net.params());
        assert_eq!(format!("{:?}", lab.timeline()), format!("{replay:?}"));
    }
}
