//! Integration tests: the real server on a real PostgreSQL, driven over HTTP.

mod account;
mod auth;
mod contract;
mod documents;
mod embedded;
mod errors;
mod event_seats;
mod events;
mod health;
mod helpers;
mod instances;
mod limits;
mod migrations;
mod openapi;
mod orgs;
mod practices;
mod rights;
mod rooms;
mod rooms_crash;
mod rooms_ws;
mod sessions;
mod themes;
mod users;
mod walk;
mod wire;
mod ws;
