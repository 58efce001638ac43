//! The site as a whole: the home page (what is new across every domain, and the viewer's
//! own rooms, registrations and organizations), `robots.txt` and `sitemap.xml`. It sits
//! above every domain because it shows a little of each.

pub mod pages;
