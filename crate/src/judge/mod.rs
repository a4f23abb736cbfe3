//! Stage 4, judge: from what was identified and read to what it means for a user.
//!
//! In: the identified license ([`crate::report::LicenseMatch`] and its knowledge-base facts) and the
//! clauses found. Out: the verdict ([`verdict`]), the published terms of a declared id
//! ([`declared`]), the five answers to the questions people bring to a license ([`answers`]), and the personal answer to a user's profile ([`profile`]);
//! the messages of the UI's message files for the rest of what the core says ([`said`]).
//! Imports the text, identify and clauses stages, never the model stage or the orchestrator.
pub mod answers;
pub mod badge;
pub mod declared;
pub mod profile;
pub mod said;
pub mod verdict;
