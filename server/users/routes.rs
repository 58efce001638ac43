//! The users routes, in the order actix matches them.

use super::handlers;

pub fn config(cfg: &mut utoipa_actix_web::service_config::ServiceConfig) {
    cfg.service(handlers::me)
        .service(handlers::update_me)
        .service(handlers::list_users)
        .service(handlers::get_user)
        .service(handlers::set_role);
}
