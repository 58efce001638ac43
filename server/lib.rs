//! livinglab: the collaboration server behind city living-lab programmes.
//!
//! `main.rs` only parses the command line and calls into here. Domains (`auth`, `users`,
//! `orgs`, `themes`, `rooms`, `events`, `practices`) each keep handlers -> service -> repo; `startup` wires them into one
//! actix-web application whose OpenAPI document is collected from the same registrations.

pub mod account;
pub mod admin;
pub mod auth;
pub mod cli;
pub mod csv_export;
pub mod db;
pub mod documents;
pub mod domain;
pub mod error;
pub mod events;
pub mod extract;
pub mod health;
pub mod jwt;
pub mod markdown;
pub mod metrics;
pub mod orgs;
pub mod pagination;
pub mod practices;
pub mod pubsub;
pub mod rate_limit;
pub mod rooms;
pub mod settings;
pub mod shared;
pub mod site;
pub mod startup;
pub mod state;
pub mod storage;
pub mod telemetry;
pub mod themes;
pub mod users;
pub mod web;

#[cfg(test)]
mod layers;
