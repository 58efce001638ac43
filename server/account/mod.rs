//! Closing an account, on the person's own request (`DELETE /me`, with their password) or
//! an admin's (`DELETE /users/{id}`). The highest domain, because closing one touches all
//! the others: organization memberships, event seats and waitlists, room lists, sessions.

pub mod dto;
pub mod handlers;
pub mod pages;
pub mod routes;
pub mod service;
