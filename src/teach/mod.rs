//! Teaching with the blackboard (issue #14): the derivation of one weight's gradient as a sum over
//! paths, the quiz's questions and tolerance, and the exercise sheet's numbers.
