//! The layer below the domains: the vocabulary they share (enums stored as text), the one
//! way to name a person in a response, and serde helpers. It imports no domain.

pub mod person;
pub mod serde_ext;
pub mod vocab;
