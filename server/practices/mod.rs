//! Good-practice write-ups: the record and its revisions, search with facets, comments,
//! endorsements and adoptions (a city recording that it took up another city's practice).
//! Published records and search pages are served from `cache`, which every write clears,
//! on this instance at once and on the others through NOTIFY.

pub mod cache;
pub mod dto;
pub mod handlers;
pub mod repo;
pub mod search;
pub mod service;

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

pub fn config(cfg: &mut utoipa_actix_web::service_config::ServiceConfig) {
    // `/practices/export` before `/practices/{id}`, which would take "export" as an id.
    cfg.service(handlers::export_practices)
        .service(handlers::create_practice)
        .service(handlers::search_practices)
        .service(handlers::get_practice)
        .service(handlers::update_practice)
        .service(handlers::publish_practice)
        .service(handlers::archive_practice)
        .service(handlers::hide_practice)
        .service(handlers::unhide_practice)
        .service(handlers::list_revisions)
        .service(handlers::get_revision)
        .service(handlers::create_comment)
        .service(handlers::list_comments)
        .service(handlers::update_comment)
        .service(handlers::delete_comment)
        .service(handlers::get_endorsement)
        .service(handlers::endorse)
        .service(handlers::unendorse)
        .service(handlers::create_adoption)
        .service(handlers::list_adoptions)
        .service(handlers::update_adoption)
        .service(handlers::delete_adoption)
        .service(handlers::organization_adoptions)
        .service(handlers::organization_practices);
}
