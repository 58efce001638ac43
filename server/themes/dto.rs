use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};
use utoipa::ToSchema;
use uuid::Uuid;

use super::repo::{Theme, Translation};

/// A theme's name and description in one language.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct ThemeText {
    pub name: String,
    pub description: String,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct ThemeView {
    pub id: Uuid,
    #[schema(example = "green-mobility")]
    pub slug: String,
    /// In English, the fallback for a language without a translation.
    pub name: String,
    pub description: String,
    /// By language code (`es`, `it`, `fr`, `de`): the translations there are.
    pub translations: BTreeMap<String, ThemeText>,
}

impl ThemeView {
    pub fn new(t: Theme, translations: impl IntoIterator<Item = Translation>) -> Self {
        Self {
            id: t.id,
            slug: t.slug,
            name: t.name,
            description: t.description,
            translations: translations
                .into_iter()
                .map(|tr| {
                    (
                        tr.lang,
                        ThemeText {
                            name: tr.name,
                            description: tr.description,
                        },
                    )
                })
                .collect(),
        }
    }

    /// The name in `lang`, or in English when it has no translation there.
    pub fn name_in(&self, lang: &str) -> &str {
        self.translations
            .get(lang)
            .map_or(self.name.as_str(), |t| t.name.as_str())
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

/// A theme's text in one language. For a language other than English, an empty name and
/// description remove the translation (English is shown instead).
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ThemeTextRequest {
    #[schema(example = "Mobilité verte")]
    pub name: String,
    #[serde(default)]
    pub description: String,
}
