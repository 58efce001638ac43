//! Organizations (cities are organizations) and their members.

pub mod dto;
pub mod handlers;
pub mod pages;
pub mod repo;
pub mod routes;
pub mod service;
