//! Live workshop rooms: REST for rooms and their history, a websocket for the live session.
//! `docs/rooms-protocol.md` describes the protocol; `hub.rs` and `writer.rs` how events get
//! from one client to everyone, in order, across instances.

pub mod api;
pub mod dto;
pub mod export;
pub mod handlers;
pub mod hub;
pub mod pages;
pub mod protocol;
pub mod repo;
pub mod routes;
pub mod service;
pub mod session;
pub mod state;
pub mod writer;
