//! Good-practice write-ups: the record and its revisions, search with facets, comments,
//! endorsements and adoptions (a city recording that it took up another city's practice).
//! Published records and search pages are served from `cache`, which every write clears,
//! on this instance at once and on the others through NOTIFY.

pub mod cache;
pub mod dto;
pub mod handlers;
pub mod pages;
pub mod repo;
pub mod routes;
pub mod search;
pub mod service;
