//! The quiz.
