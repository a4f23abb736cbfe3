//! Stage 1, text: what every later stage reads a license through.
//!
//! In: raw document text. Out: normalized word tokens with a byte-offset map back to the text
//! ([`normalize`]), word-level alignment of two token streams ([`align`]), and the one hash
//! used for exact keys ([`fx`]), the script and language of each passage, so a report can
//! say what it did not read ([`lang`]), and the bytes of a file as text, in whatever encoding they
//! came ([`decode`]). Imports nothing of the crate but [`crate::report`].
pub mod align;
pub mod decode;
pub mod fx;
pub mod lang;
pub mod normalize;
pub mod terms;
