//! Wire types. `PracticeInput` is what clients send (every field optional, so that one 422
//! names everything missing or wrong at once); `PracticeContent` is the validated normal
//! form, stored as the record's `content` and in every revision.

use crate::shared::person::PersonRef;
use std::collections::BTreeMap;

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};
use uuid::Uuid;

use crate::shared::vocab::OrgKind;
use crate::shared::vocab::{AdoptionStatus, ImplementationStatus, PracticeStatus};

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct Budget {
    /// In `currency`, at least 0.
    pub amount: f64,
    /// ISO 4217, e.g. `EUR`.
    pub currency: String,
}

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct Location {
    /// -90 to 90.
    pub lat: f64,
    /// -180 to 180.
    pub lon: f64,
    #[serde(default)]
    pub place: Option<String>,
}

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct Indicator {
    pub name: String,
    /// e.g. `%`, `t CO2e/year`, `km`.
    pub unit: String,
    #[serde(default)]
    pub baseline: Option<f64>,
    pub value: f64,
    /// The year `value` was measured.
    pub year: i32,
}

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct Link {
    /// http:// or https://
    pub url: String,
    #[serde(default)]
    pub title: Option<String>,
}

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct Contact {
    #[serde(default)]
    pub name: Option<String>,
    #[serde(default)]
    pub email: Option<String>,
    #[serde(default)]
    pub role: Option<String>,
}

/// The editable fields of a write-up as a client sends them (`POST` adds
/// `organization_id`; `PATCH` sends any subset, `null` clears an optional field).
/// `body`, `results`, `lessons_learned` and `transferability` are Markdown.
#[derive(Debug, Default, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct PracticeInput {
    /// 3 to 200 characters.
    pub title: Option<String>,
    /// Plain text, up to 1,000 characters.
    pub summary: Option<String>,
    /// Markdown, up to 50,000 characters.
    pub body: Option<String>,
    /// 1 to 16 theme ids.
    pub theme_ids: Option<Vec<Uuid>>,
    /// Up to 20 tags of up to 40 characters.
    pub tags: Option<Vec<String>>,
    /// ISO 639-1, e.g. `en`.
    pub language: Option<String>,
    pub implementation_status: Option<ImplementationStatus>,
    pub start_date: Option<NaiveDate>,
    pub end_date: Option<NaiveDate>,
    pub budget: Option<Budget>,
    pub funding_sources: Option<Vec<String>>,
    pub results: Option<String>,
    pub lessons_learned: Option<String>,
    pub transferability: Option<String>,
    pub stakeholders_involved: Option<Vec<String>>,
    pub location: Option<Location>,
    pub indicators: Option<Vec<Indicator>>,
    pub links: Option<Vec<Link>>,
    pub contact: Option<Contact>,
}

/// `POST /practices` as documented: the practice's fields plus the organization that owns
/// it. Required: `organization_id`, `title`, `summary`, `body`, `theme_ids`, `language`,
/// `implementation_status`.
#[derive(Debug, Deserialize, ToSchema)]
pub struct CreatePracticeRequest {
    pub organization_id: Uuid,
    #[serde(flatten)]
    pub practice: PracticeInput,
}

/// A JSON object body, parsed field by field by the service (so `PATCH` can tell an absent
/// field from a `null` one, and one 422 can name every bad field).
#[derive(Debug, Deserialize, ToSchema)]
#[serde(transparent)]
#[schema(value_type = Object)]
pub struct JsonObject(pub serde_json::Map<String, serde_json::Value>);

/// The validated write-up. Every key is always present (`null` or `[]` when unset), so
/// comparing two of them field by field tells which fields a revision changed.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq, ToSchema)]
pub struct PracticeContent {
    pub title: String,
    pub summary: String,
    pub body: String,
    pub theme_ids: Vec<Uuid>,
    pub tags: Vec<String>,
    pub language: String,
    pub implementation_status: ImplementationStatus,
    pub start_date: Option<NaiveDate>,
    pub end_date: Option<NaiveDate>,
    pub budget: Option<Budget>,
    pub funding_sources: Vec<String>,
    pub results: Option<String>,
    pub lessons_learned: Option<String>,
    pub transferability: Option<String>,
    pub stakeholders_involved: Vec<String>,
    pub location: Option<Location>,
    pub indicators: Vec<Indicator>,
    pub links: Vec<Link>,
    /// Shown to signed-in users only.
    pub contact: Option<Contact>,
}

#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
pub struct OrgRef {
    pub id: Uuid,
    pub name: String,
    pub kind: OrgKind,
    pub country: String,
    pub population: Option<i64>,
}

#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
pub struct ThemeRef {
    pub id: Uuid,
    pub slug: String,
    pub name: String,
}

#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
pub struct CountsView {
    pub comments: i32,
    pub endorsements: i32,
    pub adoptions: i32,
}

#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
pub struct AdopterView {
    pub adoption_id: Uuid,
    pub organization: OrgRef,
    pub status: AdoptionStatus,
    pub since: DateTime<Utc>,
}

#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
pub struct HiddenView {
    pub at: DateTime<Utc>,
    pub reason: String,
}

/// Markdown fields rendered to HTML that is safe to insert into a page.
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
pub struct HtmlView {
    pub body: String,
    pub results: Option<String>,
    pub lessons_learned: Option<String>,
    pub transferability: Option<String>,
}

#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
pub struct PracticeView {
    pub id: Uuid,
    pub organization: OrgRef,
    pub status: PracticeStatus,
    /// Set while a moderator hides the practice (only its organization and moderators see it).
    pub hidden: Option<HiddenView>,
    #[serde(flatten)]
    pub content: PracticeContent,
    pub html: HtmlView,
    pub themes: Vec<ThemeRef>,
    pub counts: CountsView,
    pub adopted_by: Vec<AdopterView>,
    /// The number of the latest revision.
    pub revision: i32,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
    pub published_at: Option<DateTime<Utc>>,
}

#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct HideRequest {
    /// Shown to the organization; up to 1,000 characters.
    pub reason: String,
}

// ---- search ----

crate::text_enum! {
    pub enum SortOrder {
        Relevance => "relevance",
        Newest => "newest",
        Endorsements => "endorsements",
    }
}

#[derive(Debug, Clone, Default, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct SearchParams {
    /// Words to look for; the last one also matches as a prefix, unknown words match
    /// similar known ones (typos).
    pub q: Option<String>,
    /// Theme slug(s), comma separated: practices in any of them.
    pub theme: Option<String>,
    /// ISO 3166-1 alpha-2 code(s) of the owning organization, comma separated.
    pub country: Option<String>,
    pub organization: Option<Uuid>,
    /// Organization kind(s), comma separated (`city`, `region`, ...).
    pub organization_kind: Option<String>,
    /// ISO 639-1 code(s), comma separated.
    pub language: Option<String>,
    /// `planned`, `ongoing`, `completed`, comma separated.
    pub implementation_status: Option<String>,
    pub min_population: Option<i64>,
    pub max_population: Option<i64>,
    /// The year the practice started.
    pub year: Option<i32>,
    /// `relevance` (the default with `q`), `newest` (the default without), `endorsements`.
    #[param(inline)]
    pub sort: Option<SortOrder>,
    /// 1 to 100, default 20.
    pub limit: Option<i64>,
    pub cursor: Option<String>,
}

#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
pub struct SearchItem {
    pub id: Uuid,
    pub title: String,
    pub summary: String,
    pub organization: OrgRefLite,
    pub themes: Vec<String>,
    pub language: String,
    pub implementation_status: ImplementationStatus,
    pub endorsement_count: i32,
    pub published_at: Option<DateTime<Utc>>,
    /// With `q`: the best passage, matches wrapped in `<mark>` (all other text escaped).
    pub snippet: Option<String>,
}

/// The organization in search results (the record has the full `OrgRef`).
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
pub struct OrgRefLite {
    pub id: Uuid,
    pub name: String,
    pub kind: String,
    pub country: String,
    pub population: Option<i64>,
}

#[derive(Debug, Clone, Default, Serialize, Deserialize, ToSchema)]
pub struct Facets {
    /// Theme slug -> matching practices.
    pub themes: BTreeMap<String, i64>,
    pub countries: BTreeMap<String, i64>,
    pub implementation_status: BTreeMap<String, i64>,
    pub languages: BTreeMap<String, i64>,
}

#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
pub struct SearchResponse {
    pub items: Vec<SearchItem>,
    pub next_cursor: Option<String>,
    /// Matches of the whole filtered set, not just this page.
    pub total: i64,
    /// Counts over the filtered set.
    pub facets: Facets,
}

#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct ExportParams {
    /// `csv` or `json`.
    pub format: Option<String>,
    #[serde(flatten)]
    #[param(ignore)]
    pub search: SearchParams,
}

// ---- revisions ----

#[derive(Debug, Serialize, ToSchema)]
pub struct RevisionSummary {
    pub number: i32,
    /// `null` when the account was deleted.
    pub author: Option<PersonRef>,
    pub created_at: DateTime<Utc>,
    pub changed_fields: Vec<String>,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct RevisionView {
    #[serde(flatten)]
    pub summary: RevisionSummary,
    pub content: PracticeContent,
}

// ---- comments, endorsements, adoptions ----

#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct CreateCommentRequest {
    /// Markdown, 1 to 5,000 characters.
    pub body: String,
    /// Reply to this top-level comment.
    #[serde(default)]
    pub parent_id: Option<Uuid>,
}

#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct UpdateCommentRequest {
    pub body: String,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct CommentView {
    pub id: Uuid,
    pub practice_id: Uuid,
    pub parent_id: Option<Uuid>,
    pub author: Option<PersonRef>,
    /// `null` once deleted (the comment keeps its place so replies stay in context).
    pub body: Option<String>,
    pub body_html: Option<String>,
    pub deleted: bool,
    pub created_at: DateTime<Utc>,
    pub edited_at: Option<DateTime<Utc>>,
    /// Replies, oldest first (top-level comments only).
    #[serde(skip_serializing_if = "Option::is_none")]
    #[schema(no_recursion)]
    pub replies: Option<Vec<CommentView>>,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct EndorsementView {
    pub endorsed: bool,
    pub endorsement_count: i32,
}

#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct CreateAdoptionRequest {
    /// The adopting organization (you must be its owner or editor).
    pub organization_id: Uuid,
    pub status: AdoptionStatus,
    /// Up to 5,000 characters.
    #[serde(default)]
    pub note: Option<String>,
}

#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct UpdateAdoptionRequest {
    pub status: Option<AdoptionStatus>,
    /// `null` clears it.
    #[serde(default, deserialize_with = "crate::shared::serde_ext::double_option")]
    #[schema(value_type = Option<String>)]
    pub note: Option<Option<String>>,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct PracticeRefView {
    pub id: Uuid,
    pub title: String,
    pub organization_id: Uuid,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct AdoptionView {
    pub id: Uuid,
    pub practice: PracticeRefView,
    pub organization: OrgRef,
    pub status: AdoptionStatus,
    pub note: Option<String>,
    pub created_by: Option<PersonRef>,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

/// A practice in an organization's own list (drafts and hidden ones included for members).
#[derive(Debug, Serialize, ToSchema)]
pub struct PracticeListItem {
    pub id: Uuid,
    pub title: String,
    pub summary: String,
    pub status: PracticeStatus,
    pub hidden: bool,
    pub revision: i32,
    pub updated_at: DateTime<Utc>,
    pub published_at: Option<DateTime<Utc>>,
}

/// A hiding or showing-again decision: when, why and by whom (`None`: a deleted account).
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct ModerationDecision {
    pub at: DateTime<Utc>,
    pub reason: Option<String>,
    pub by: Option<String>,
}

/// A practice as platform moderators review it.
#[derive(Debug, Serialize, ToSchema)]
pub struct ModeratedPractice {
    pub id: Uuid,
    pub title: String,
    pub organization_id: Uuid,
    pub organization_name: String,
    pub status: PracticeStatus,
    /// Set while the practice is hidden.
    pub hidden: Option<ModerationDecision>,
    /// The last time it was shown again after being hidden.
    pub shown_again: Option<ModerationDecision>,
    pub updated_at: DateTime<Utc>,
}
