//! Short-lived HS256 access tokens. The decoder pins the algorithm and checks iss/aud/exp,
//! so a token signed with `none`, another algorithm or for another audience is refused.

use std::time::Duration;

use chrono::Utc;
use jsonwebtoken::{Algorithm, DecodingKey, EncodingKey, Header, Validation};
use serde::{Deserialize, Serialize};
use uuid::Uuid;

use crate::error::AppError;
use crate::settings::AuthSettings;

#[derive(Debug, Serialize, Deserialize)]
pub struct Claims {
    pub sub: Uuid,
    pub exp: i64,
    pub iat: i64,
    pub iss: String,
    pub aud: String,
    pub jti: Uuid,
    /// The session (refresh token family) the token was issued in: logging out ends it,
    /// and with it what the token opened (a room socket outlives the token itself).
    pub sid: Uuid,
}

pub struct JwtKeys {
    encoding: EncodingKey,
    decoding: DecodingKey,
    validation: Validation,
    /// Browser session cookies: the same key, another audience, so a cookie is never an
    /// access token and an access token never a cookie.
    browser_validation: Validation,
    issuer: String,
    audience: String,
    ttl: Duration,
}

fn browser_audience(audience: &str) -> String {
    format!("{audience}/browser")
}

/// Shortest secret accepted for HS256 (RFC 7518 §3.2: at least the hash size).
pub const MIN_SECRET_BYTES: usize = 32;

impl JwtKeys {
    pub fn new(secret: &[u8], settings: &AuthSettings) -> Self {
        let mut validation = Validation::new(Algorithm::HS256);
        validation.set_issuer(&[&settings.issuer]);
        validation.set_audience(&[&settings.audience]);
        validation.set_required_spec_claims(&["exp", "iat", "iss", "aud", "sub"]);
        // Instances share a clock source in practice; a few seconds covers drift.
        validation.leeway = 5;
        let mut browser_validation = validation.clone();
        browser_validation.set_audience(&[browser_audience(&settings.audience)]);
        Self {
            encoding: EncodingKey::from_secret(secret),
            decoding: DecodingKey::from_secret(secret),
            validation,
            browser_validation,
            issuer: settings.issuer.clone(),
            audience: settings.audience.clone(),
            ttl: settings.access_token_ttl,
        }
    }

    pub fn ttl(&self) -> Duration {
        self.ttl
    }

    pub fn issue(&self, user_id: Uuid, session: Uuid) -> Result<String, AppError> {
        let now = Utc::now().timestamp();
        let claims = Claims {
            sub: user_id,
            iat: now,
            exp: now + self.ttl.as_secs() as i64,
            iss: self.issuer.clone(),
            aud: self.audience.clone(),
            jti: Uuid::now_v7(),
            sid: session,
        };
        jsonwebtoken::encode(&Header::new(Algorithm::HS256), &claims, &self.encoding)
            .map_err(AppError::internal)
    }

    /// The value of a browser's session cookie for `session`, valid until `until` (the
    /// session's absolute end; the session itself is checked on every request).
    pub fn issue_browser(
        &self,
        user_id: Uuid,
        session: Uuid,
        until: chrono::DateTime<Utc>,
    ) -> Result<String, AppError> {
        let claims = Claims {
            sub: user_id,
            iat: Utc::now().timestamp(),
            exp: until.timestamp(),
            iss: self.issuer.clone(),
            aud: browser_audience(&self.audience),
            jti: Uuid::now_v7(),
            sid: session,
        };
        jsonwebtoken::encode(&Header::new(Algorithm::HS256), &claims, &self.encoding)
            .map_err(AppError::internal)
    }

    /// A browser session cookie's claims, if it is one of ours and not past its end.
    pub fn verify_browser(&self, token: &str) -> Option<Claims> {
        jsonwebtoken::decode::<Claims>(token, &self.decoding, &self.browser_validation)
            .ok()
            .map(|d| d.claims)
    }

    pub fn verify(&self, token: &str) -> Result<Claims, AppError> {
        use jsonwebtoken::errors::ErrorKind;
        jsonwebtoken::decode::<Claims>(token, &self.decoding, &self.validation)
            .map(|d| d.claims)
            .map_err(|e| {
                AppError::Unauthorized(
                    match e.kind() {
                        ErrorKind::ExpiredSignature => "the access token has expired",
                        _ => "the access token is invalid",
                    }
                    .into(),
                )
            })
    }
}
