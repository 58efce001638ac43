//! Documents attached to a practice, an event, a room or an organization: streamed uploads
//! into content-addressed storage, versions, downloads with Range and ETag. There is no
//! access list of their own: whoever may read the parent reads them, whoever may edit the
//! parent (for a room: take part in it) uploads.

pub mod dto;
pub mod handlers;
pub mod pages;
pub mod repo;
pub mod routes;
pub mod service;
pub mod sniff;
pub mod sweep;
