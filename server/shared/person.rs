//! One way to name a person in a response, whichever domain answers.

use chrono::{DateTime, Utc};
use serde::Serialize;
use utoipa::ToSchema;
use uuid::Uuid;

/// An account as others see it: enough to show a name and link to a profile.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct PersonRef {
    pub user_id: Uuid,
    pub display_name: String,
}

impl PersonRef {
    /// `id`'s entry among `people` (loaded in one query for a whole list).
    pub fn among(people: &[PersonRef], id: Option<Uuid>) -> Option<PersonRef> {
        let id = id?;
        people.iter().find(|p| p.user_id == id).cloned()
    }
}

/// A person on a list (participants, moderators), with when they were added.
#[derive(Debug, Serialize, ToSchema)]
pub struct PersonView {
    pub user_id: Uuid,
    pub display_name: String,
    pub added_at: DateTime<Utc>,
}
