//! The orgs routes, in the order actix matches them.

use super::handlers;

pub fn config(cfg: &mut utoipa_actix_web::service_config::ServiceConfig) {
    cfg.service(handlers::create_organization)
        .service(handlers::list_organizations)
        .service(handlers::get_organization)
        .service(handlers::update_organization)
        .service(handlers::verify_organization)
        .service(handlers::unverify_organization)
        .service(handlers::add_member)
        .service(handlers::list_members)
        .service(handlers::update_member)
        .service(handlers::remove_member);
}
