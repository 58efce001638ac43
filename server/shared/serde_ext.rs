//! Serde helpers shared by request types.

use serde::{Deserialize, Deserializer};

/// Tells "field absent" (outer None) from "field: null" (Some(None)) in a PATCH body.
pub fn double_option<'de, T: Deserialize<'de>, D: Deserializer<'de>>(
    d: D,
) -> Result<Option<Option<T>>, D::Error> {
    Option::<T>::deserialize(d).map(Some)
}
