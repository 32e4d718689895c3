//! Blackboard 2.3 measured: networks wider than the editor allows, built only to time backprop
//! against numerical differentiation (issue #14).
