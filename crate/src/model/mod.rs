//! Stage 5, model: the model around the license.
//!
//! In: the hub's metadata and model card ([`hub`]), the verdict of the license, and what is known
//! of the base models. Out: what the release discloses ([`recipe`]) and whose license applies
//! through the base models ([`lineage`]). Imports every earlier stage, never the orchestrator.
pub mod bases;
pub mod hub;
pub mod lineage;
pub mod recipe;
