//! Profiles, `/me`, the account page, and platform roles.

pub mod dto;
pub mod handlers;
pub mod pages;
pub mod repo;
pub mod routes;
pub mod service;
