//! The teaching side of the boundary: derivation, quiz and exercise sheet (issue #14).
