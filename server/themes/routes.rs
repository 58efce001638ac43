//! The themes routes.

use super::handlers;

pub fn config(cfg: &mut utoipa_actix_web::service_config::ServiceConfig) {
    cfg.service(handlers::list_themes)
        .service(handlers::get_theme)
        .service(handlers::create_theme)
        .service(handlers::set_theme_text);
}
