//! The exercise sheet.
