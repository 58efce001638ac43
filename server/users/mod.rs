//! Profiles, `/me`, and platform roles.

pub mod dto;
pub mod handlers;
pub mod repo;
pub mod service;

pub fn config(cfg: &mut utoipa_actix_web::service_config::ServiceConfig) {
    cfg.service(handlers::me)
        .service(handlers::list_users)
        .service(handlers::get_user)
        .service(handlers::set_role);
}
