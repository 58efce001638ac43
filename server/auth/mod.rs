//! Accounts and sessions: register, login, rotating refresh tokens, logout.

pub mod dto;
pub mod extractor;
pub mod handlers;
pub mod pages;
pub mod password;
pub mod repo;
pub mod routes;
pub mod service;

pub use extractor::{AuthUser, ClientIp, MaybeAuthUser};
