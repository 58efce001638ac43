//! Organizations (cities are organizations) and their members.

pub mod dto;
pub mod handlers;
pub mod repo;
pub mod service;

crate::text_enum! {
    pub enum OrgKind {
        City => "city",
        Region => "region",
        Company => "company",
        Research => "research",
        Ngo => "ngo",
        PublicAgency => "public_agency",
        CitizenGroup => "citizen_group",
        Other => "other",
    }
}

crate::text_enum! {
    /// Role inside one organization: owners manage members; editors write on its behalf.
    pub enum MemberRole {
        Owner => "owner",
        Editor => "editor",
        Member => "member",
    }
}

pub fn config(cfg: &mut utoipa_actix_web::service_config::ServiceConfig) {
    cfg.service(handlers::create_organization)
        .service(handlers::list_organizations)
        .service(handlers::get_organization)
        .service(handlers::update_organization)
        .service(handlers::verify_organization)
        .service(handlers::unverify_organization)
        .service(handlers::add_member)
        .service(handlers::list_members)
        .service(handlers::update_member)
        .service(handlers::remove_member);
}
