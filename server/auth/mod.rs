//! Accounts and sessions: register, login, rotating refresh tokens, logout.

pub mod dto;
pub mod extractor;
pub mod handlers;
pub mod jwt;
pub mod password;
pub mod rate_limit;
pub mod repo;
pub mod service;

pub use extractor::{AuthUser, ClientIp, MaybeAuthUser};

crate::text_enum! {
    /// Platform role. Organization roles are separate (see `orgs`).
    pub enum Role {
        Admin => "admin",
        Moderator => "moderator",
        Member => "member",
    }
}

pub fn config(cfg: &mut utoipa_actix_web::service_config::ServiceConfig) {
    cfg.service(handlers::register)
        .service(handlers::login)
        .service(handlers::refresh)
        .service(handlers::logout);
}
