//! The practices routes, in the order actix matches them.

use super::handlers;

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
