//! The account routes, in the order actix matches them.

use super::handlers;

pub fn config(cfg: &mut utoipa_actix_web::service_config::ServiceConfig) {
    cfg.service(handlers::close_own).service(handlers::close);
}
