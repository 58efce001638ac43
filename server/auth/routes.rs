//! The auth routes, in the order actix matches them.

use super::handlers;

pub fn config(cfg: &mut utoipa_actix_web::service_config::ServiceConfig) {
    cfg.service(handlers::register)
        .service(handlers::login)
        .service(handlers::refresh)
        .service(handlers::logout)
        .service(handlers::logout_all)
        .service(handlers::change_password);
}
