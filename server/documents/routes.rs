//! The documents routes, in the order actix matches them.

use super::handlers;

pub fn config(cfg: &mut utoipa_actix_web::service_config::ServiceConfig) {
    cfg.service(handlers::upload)
        .service(handlers::list)
        .service(handlers::get_document)
        .service(handlers::add_version)
        .service(handlers::content)
        .service(handlers::version_content)
        .service(handlers::delete_document);
}
