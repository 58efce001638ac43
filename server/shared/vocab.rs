//! The words every domain speaks: enums stored as text and shared across domains, in one
//! place so that importing one does not drag in a domain's handlers.

// ---- auth ----

crate::text_enum! {
    /// Platform role. Organization roles are separate (see `orgs`).
    pub enum Role {
        Admin => "admin",
        Moderator => "moderator",
        Member => "member",
    }
}

// ---- orgs ----

crate::text_enum! {
    pub enum OrgKind {
        City => "city",
        Region => "region",
        Company => "company",
        Research => "research",
        Ngo => "ngo",
        PublicAgency => "public_agency",
        CitizenGroup => "citizen_group",
        Other => "other",
    }
}

crate::text_enum! {
    /// Role inside one organization: owners manage members; editors write on its behalf.
    pub enum MemberRole {
        Owner => "owner",
        Editor => "editor",
        Member => "member",
    }
}

// ---- rooms ----

crate::text_enum! {
    /// Who may enter: any signed-in user, members of the room's organization, or invited
    /// participants. Moderators and platform moderators may always enter.
    pub enum RoomAccess {
        Open => "open",
        Members => "members",
        Invite => "invite",
        /// The room of a workshop event: its registered participants (not the waitlist).
        /// Set by the event; rooms cannot be switched to or from it.
        Event => "event",
    }
}

// ---- events ----

crate::text_enum! {
    pub enum EventKind {
        Workshop => "workshop",
        Training => "training",
        Webinar => "webinar",
        LivingLabSession => "living_lab_session",
        StudyVisit => "study_visit",
        Conference => "conference",
        Meeting => "meeting",
    }
}

crate::text_enum! {
    pub enum EventMode {
        Online => "online",
        InPerson => "in_person",
        Hybrid => "hybrid",
    }
}

crate::text_enum! {
    /// draft -> published -> live -> ended; draft, published or live -> cancelled.
    pub enum EventStatus {
        Draft => "draft",
        Published => "published",
        Live => "live",
        Ended => "ended",
        Cancelled => "cancelled",
    }
}

impl EventStatus {
    /// Ended and cancelled events are history: their details no longer change.
    pub fn is_over(self) -> bool {
        matches!(self, Self::Ended | Self::Cancelled)
    }
}

crate::text_enum! {
    pub enum RegistrationStatus {
        /// Has a seat.
        Registered => "registered",
        Waitlisted => "waitlisted",
        /// Cancelled by the person (kept for the organisers' records).
        Cancelled => "cancelled",
    }
}

// ---- practices ----

crate::text_enum! {
    /// draft -> published <-> archived. Hiding is separate (`hidden_at`): a moderator's
    /// decision that overrides the status without losing it.
    pub enum PracticeStatus {
        Draft => "draft",
        Published => "published",
        Archived => "archived",
    }
}

crate::text_enum! {
    pub enum ImplementationStatus {
        Planned => "planned",
        Ongoing => "ongoing",
        Completed => "completed",
    }
}

crate::text_enum! {
    pub enum AdoptionStatus {
        Planned => "planned",
        InProgress => "in_progress",
        Completed => "completed",
    }
}

crate::text_enum! {
    /// How a revision of an event's minutes was made.
    pub enum MinutesSource {
        /// Written by hand (`PUT .../minutes`).
        Written => "written",
        /// Filled from the event room's record (`POST .../minutes/from-room`).
        FromRoom => "from_room",
    }
}

// ---- documents ----

crate::text_enum! {
    pub enum AttachedType {
        Practice => "practice",
        Event => "event",
        Room => "room",
        Organization => "organization",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The values the OpenAPI document lists for `T`.
    fn documented<T: utoipa::PartialSchema>() -> Vec<String> {
        let schema = serde_json::to_value(T::schema()).unwrap();
        serde_json::from_value(schema["enum"].clone()).unwrap_or_default()
    }

    fn served<T: serde::Serialize>(all: &[T]) -> Vec<String> {
        all.iter()
            .map(|v| {
                serde_json::to_value(v)
                    .unwrap()
                    .as_str()
                    .unwrap()
                    .to_owned()
            })
            .collect()
    }

    /// Generated clients read the document: its enums must be the words on the wire.
    #[test]
    fn documented_enum_values_are_the_wire_values() {
        macro_rules! check {
            ($($t:ty),+) => {$(
                assert_eq!(
                    documented::<$t>(),
                    served(<$t>::ALL),
                    "{} is documented with other values than it is served with",
                    stringify!($t)
                );
                let words: Vec<&str> = <$t>::ALL.iter().map(|v| v.as_str()).collect();
                assert_eq!(served(<$t>::ALL), words, "{}", stringify!($t));
            )+};
        }
        check!(
            Role,
            OrgKind,
            MemberRole,
            RoomAccess,
            EventKind,
            EventMode,
            EventStatus,
            RegistrationStatus,
            PracticeStatus,
            ImplementationStatus,
            AdoptionStatus,
            AttachedType
        );
    }
}
