//! Documents attached to a practice, an event, a room or an organization: streamed uploads
//! into content-addressed storage, versions, downloads with Range and ETag. There is no
//! access list of their own: whoever may read the parent reads them, whoever may edit the
//! parent (for a room: take part in it) uploads.

pub mod dto;
pub mod handlers;
pub mod repo;
pub mod service;
pub mod sniff;
pub mod storage;

crate::text_enum! {
    pub enum AttachedType {
        Practice => "practice",
        Event => "event",
        Room => "room",
        Organization => "organization",
    }
}

pub fn config(cfg: &mut utoipa_actix_web::service_config::ServiceConfig) {
    cfg.service(handlers::upload)
        .service(handlers::list)
        .service(handlers::get_document)
        .service(handlers::add_version)
        .service(handlers::content)
        .service(handlers::version_content)
        .service(handlers::delete_document);
}
