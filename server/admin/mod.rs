//! Administration pages for platform admins and moderators: users and roles,
//! organizations, practices, themes, rooms and the status of the platform. It sits on top
//! of the domains because it looks at all of them; the rules stay in their services.

pub mod pages;
pub mod status;
