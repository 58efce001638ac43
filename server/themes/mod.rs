//! Thematic tracks (seeded with the Intelligent Cities Challenge and CLIMABOROUGH themes).

pub mod dto;
pub mod handlers;
pub mod repo;
pub mod routes;
pub mod service;
