//! Profiles, `/me`, and platform roles.

pub mod dto;
pub mod handlers;
pub mod repo;
pub mod routes;
pub mod service;
