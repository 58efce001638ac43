use serde::{Deserialize, Serialize};
use utoipa::ToSchema;
use uuid::Uuid;

use super::repo::Theme;

#[derive(Debug, Serialize, ToSchema)]
pub struct ThemeView {
    pub id: Uuid,
    #[schema(example = "green-mobility")]
    pub slug: String,
    pub name: String,
    pub description: String,
}

impl From<Theme> for ThemeView {
    fn from(t: Theme) -> Self {
        Self {
            id: t.id,
            slug: t.slug,
            name: t.name,
            description: t.description,
        }
    }
}

#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct CreateThemeRequest {
    #[schema(example = "urban-greening")]
    pub slug: String,
    pub name: String,
    #[serde(default)]
    pub description: String,
}
