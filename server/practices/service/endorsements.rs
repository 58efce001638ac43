//! Endorsements: one per person and published practice, counted on the record.

use diesel_async::AsyncConnection;
use uuid::Uuid;

use super::{changed, not_published, visible};
use crate::auth::AuthUser;
use crate::error::{AppError, AppResult};
use crate::practices::dto::EndorsementView;
use crate::practices::repo::{self, Counter};
use crate::shared::vocab::PracticeStatus;
use crate::state::AppState;

// ---- endorsements ----

pub async fn endorsement(
    state: &AppState,
    user: &AuthUser,
    id: Uuid,
) -> AppResult<EndorsementView> {
    let mut conn = state.conn().await?;
    let p = visible(&mut conn, id, Some(user), false).await?;
    Ok(EndorsementView {
        endorsed: repo::has_endorsed(&mut conn, id, user.id).await?,
        endorsement_count: p.endorsement_count,
    })
}

/// Idempotent: endorsing twice counts once, withdrawing twice changes nothing.
pub async fn set_endorsement(
    state: &AppState,
    user: &AuthUser,
    id: Uuid,
    endorse: bool,
) -> AppResult<EndorsementView> {
    let mut conn = state.conn().await?;
    let (count, did) = conn
        .transaction::<_, AppError, _>(async move |conn| {
            let p = visible(conn, id, Some(user), true).await?;
            if endorse && (p.status != PracticeStatus::Published || p.hidden_at.is_some()) {
                return Err(not_published());
            }
            let did = if endorse {
                repo::endorse(conn, id, user.id).await?
            } else {
                repo::unendorse(conn, id, user.id).await?
            };
            let count = if did {
                repo::bump(
                    conn,
                    id,
                    Counter::Endorsements,
                    if endorse { 1 } else { -1 },
                )
                .await?
            } else {
                p.endorsement_count
            };
            Ok((count, did))
        })
        .await?;
    if did {
        changed(state, id);
    }
    Ok(EndorsementView {
        endorsed: endorse,
        endorsement_count: count,
    })
}
