//! One task per websocket: `hello`, then a loop over client frames, the outbox, the
//! heartbeat and the kill switch. Every way out goes through the same exit, which leaves
//! the room (presence stays exact) and closes the socket with a code that says why.

use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicI64, Ordering};
use std::time::Duration;

use actix_web::web;
use actix_ws::{AggregatedMessage, CloseCode, CloseReason, ProtocolError};
use bytestring::ByteString;
use tokio::sync::mpsc;
use tokio::time::Instant;

use super::hub::{Hub, Join, Kill, OUTBOX_FRAMES, Outbox, SessionHandle};
use super::protocol::{
    Actor, ErrorCode, Hello, MAX_FRAME_BYTES, RoomSummary, WsError, close, parse_frame,
};
use super::repo::Room;
use super::service;
use super::writer::Command;
use crate::rate_limit::IpSlot;
use crate::state::AppState;

const HELLO_TIMEOUT: Duration = Duration::from_secs(10);
const PING_EVERY: Duration = Duration::from_secs(15);
const SILENT_LIMIT: Duration = Duration::from_secs(45);
/// Frames refused in a row for the rate limit before the socket is closed (1008).
const MAX_STRIKES: u32 = 100;

enum Exit {
    /// The client left (or the connection broke): nothing to send.
    Gone,
    Close(u16, &'static str),
    /// Say why in an error frame first (hello failures).
    Refuse(WsError, u16),
}

pub async fn run(
    state: web::Data<AppState>,
    hub: Hub,
    room: Room,
    mut ws: actix_ws::Session,
    stream: actix_ws::MessageStream,
    prehello: Option<IpSlot>,
) {
    let mut stream = stream
        .max_frame_size(MAX_FRAME_BYTES)
        .aggregate_continuations()
        .max_continuation_size(MAX_FRAME_BYTES);
    state.metrics.room_sockets.inc();
    let mut joined = None;
    let rights_epoch = hub.rights_epoch();
    let said_hello =
        tokio::time::timeout(HELLO_TIMEOUT, hello(&state, &room, &mut ws, &mut stream)).await;
    // The per-IP slot of sockets waiting for `hello` is held until hello's checks are done
    // (the token, the account, the right to enter), however the client's bytes arrive.
    drop(prehello);
    let exit = match said_hello {
        Err(_) => Exit::Refuse(
            WsError::invalid("no hello within 10 s"),
            close::HELLO_REQUIRED,
        ),
        Ok(Err(exit)) => exit,
        Ok(Ok(Hi {
            actor,
            session: user_session,
            is_mod,
            after_seq,
            session_ends,
        })) => {
            let id = hub.next_session_id();
            let is_mod_now = Arc::new(AtomicBool::new(is_mod));
            let (tx, rx) = mpsc::channel::<ByteString>(OUTBOX_FRAMES);
            let outbox = Outbox {
                tx,
                kill: Arc::new(Kill::default()),
            };
            let handle = SessionHandle {
                id,
                user: actor.clone(),
                outbox: outbox.clone(),
                session: user_session,
                is_mod: is_mod_now.clone(),
                rights_applied: Arc::new(std::sync::Mutex::new(rights_epoch)),
                session_ends: Arc::new(AtomicI64::new(session_ends.timestamp_millis())),
            };
            let join = Join {
                session: handle.clone(),
                rights_epoch,
                is_mod,
                after_seq,
                room: RoomSummary {
                    id: room.id,
                    name: room.name.clone(),
                    description: room.description.clone(),
                    access: room.access,
                },
                dot_votes_per_user: u32::try_from(room.dot_votes_per_user).unwrap_or(0),
            };
            match hub.join(room.id, join).await {
                Err(e) => {
                    let code = if e.code == ErrorCode::Forbidden {
                        close::FORBIDDEN
                    } else {
                        close::RESTART
                    };
                    Exit::Refuse(e, code)
                }
                Ok(()) => {
                    joined = Some(id);
                    let session = Live {
                        hub: &hub,
                        room: &room,
                        actor,
                        is_mod: is_mod_now,
                        outbox,
                        handle,
                    };
                    session.run(&mut ws, &mut stream, rx).await
                }
            }
        }
    };
    if let Some(id) = joined {
        hub.leave(room.id, id);
    }
    state.metrics.room_sockets.dec();
    let (frame, code, why) = match exit {
        Exit::Gone => return,
        Exit::Close(code, why) => (None, code, why.to_owned()),
        Exit::Refuse(e, code) => {
            let why = e.message.clone();
            (Some(e.frame(None)), code, why)
        }
    };
    // A client that does not read blocks these sends until it reads again (then it learns
    // why it was closed, e.g. 4008) or until we give up; the outbox is already freed.
    let _ = tokio::time::timeout(Duration::from_secs(10), async move {
        if let Some(f) = frame
            && ws.text(f).await.is_err()
        {
            return;
        }
        let reason = CloseReason {
            code: CloseCode::from(code),
            description: Some(truncate(&why, 120)),
        };
        let _ = ws.close(Some(reason)).await;
    })
    .await;
}

fn truncate(s: &str, max: usize) -> String {
    let mut end = s.len().min(max);
    while !s.is_char_boundary(end) {
        end -= 1;
    }
    s[..end].to_owned()
}

fn protocol_exit(e: &ProtocolError) -> Exit {
    match e {
        ProtocolError::Overflow => Exit::Close(close::TOO_BIG, "frame larger than 64 KiB"),
        // actix-ws reports a fragmented message over the limit only by this text.
        ProtocolError::Io(e) if e.to_string().contains("maximum continuation size") => {
            Exit::Close(close::TOO_BIG, "message larger than 64 KiB")
        }
        _ => Exit::Close(close::PROTOCOL, "websocket protocol error"),
    }
}

/// A `hello` that was let in.
struct Hi {
    actor: Actor,
    /// The sign-in session of its token.
    session: uuid::Uuid,
    is_mod: bool,
    after_seq: Option<i64>,
    session_ends: chrono::DateTime<chrono::Utc>,
}

/// Waits for `hello` and checks it: the token, the account, the right to enter.
async fn hello(
    state: &AppState,
    room: &Room,
    ws: &mut actix_ws::Session,
    stream: &mut actix_ws::AggregatedMessageStream,
) -> Result<Hi, Exit> {
    let text = loop {
        match stream.recv().await {
            Some(Ok(AggregatedMessage::Text(t))) => break t,
            Some(Ok(AggregatedMessage::Ping(p))) => {
                if ws.pong(&p).await.is_err() {
                    return Err(Exit::Gone);
                }
            }
            Some(Ok(AggregatedMessage::Pong(_))) => {}
            Some(Ok(AggregatedMessage::Binary(_))) => {
                return Err(Exit::Refuse(
                    WsError::invalid("the first frame must be a `hello` text frame"),
                    close::HELLO_REQUIRED,
                ));
            }
            Some(Ok(AggregatedMessage::Close(_))) | None => return Err(Exit::Gone),
            Some(Err(e)) => return Err(protocol_exit(&e)),
        }
    };
    let hello: Hello = serde_json::from_str(&text)
        .map_err(|e| WsError::invalid(format!("the first frame must be `hello`: {e}")))
        .and_then(|h: Hello| {
            if h._type == "hello" {
                Ok(h)
            } else {
                Err(WsError::invalid("the first frame must be `hello`"))
            }
        })
        .map_err(|e| Exit::Refuse(e, close::HELLO_REQUIRED))?;
    if hello.after_seq.is_some_and(|s| s < 0) {
        return Err(Exit::Refuse(
            WsError::invalid("`after_seq` must be >= 0"),
            close::HELLO_REQUIRED,
        ));
    }
    let user = crate::auth::extractor::load(state, &hello.token)
        .await
        .map_err(|e| match e {
            crate::error::AppError::Unauthorized(m) => Exit::Refuse(
                WsError::new(ErrorCode::Unauthorized, m),
                close::UNAUTHORIZED,
            ),
            other => {
                tracing::warn!(error = %other, "hello: loading the account failed");
                Exit::Refuse(
                    WsError::new(ErrorCode::Unavailable, "try again shortly"),
                    close::RESTART,
                )
            }
        })?;
    let unavailable = |e: crate::error::AppError| {
        tracing::warn!(error = %e, "hello: access check failed");
        Exit::Refuse(
            WsError::new(ErrorCode::Unavailable, "try again shortly"),
            close::RESTART,
        )
    };
    let mut conn = state.conn().await.map_err(unavailable)?;
    let is_mod = service::access(&mut conn, room, &user)
        .await
        .map_err(unavailable)?
        .ok_or_else(|| {
            Exit::Refuse(
                WsError::forbidden("you may not enter this room"),
                close::FORBIDDEN,
            )
        })?;
    let session_ends = service::session_end(&mut conn, user.id, user.session)
        .await
        .map_err(unavailable)?
        .ok_or_else(|| {
            Exit::Refuse(
                WsError::new(ErrorCode::Unauthorized, "the session has ended"),
                close::UNAUTHORIZED,
            )
        })?;
    Ok(Hi {
        actor: Actor {
            user_id: user.id,
            display_name: user.display_name,
        },
        session: user.session,
        is_mod,
        after_seq: hello.after_seq,
        session_ends,
    })
}

struct Live<'a> {
    hub: &'a super::hub::Hub,
    room: &'a Room,
    actor: Actor,
    /// Re-checked while the socket is open (`hub::rights`): read it for every action.
    is_mod: Arc<AtomicBool>,
    outbox: Outbox,
    /// Its entry among the hub's live sockets (for the session's end).
    handle: SessionHandle,
}

impl Live<'_> {
    async fn run(
        self,
        ws: &mut actix_ws::Session,
        stream: &mut actix_ws::AggregatedMessageStream,
        mut rx: mpsc::Receiver<ByteString>,
    ) -> Exit {
        let mut last_heard = Instant::now();
        let mut heartbeat = tokio::time::interval_at(Instant::now() + PING_EVERY, PING_EVERY);
        let mut strikes = 0u32;
        let kill = self.outbox.kill.clone();
        // A session that reaches its end is re-checked (a refresh may have moved the end on;
        // if not, the re-check closes the socket with 4001); no sooner than a second after
        // the last such re-check, while it runs.
        let mut recheck_after = Instant::now();
        loop {
            let session_end = self.session_end().max(recheck_after);
            tokio::select! {
                biased;
                code = kill.fired() => return Exit::Close(code, reason(code)),
                _ = tokio::time::sleep_until(session_end) => {
                    recheck_after = Instant::now() + Duration::from_secs(1);
                    self.hub.recheck(self.room.id, self.handle.clone());
                }
                frame = rx.recv() => {
                    let Some(frame) = frame else { return Exit::Gone };
                    // What is queued goes out in one wake-up (actix writes it in one go), at
                    // most 64 frames, so a busy room does not starve reading the client.
                    let send_all = async {
                        ws.text(frame).await?;
                        for _ in 0..63 {
                            let Ok(f) = rx.try_recv() else { break };
                            ws.text(f).await?;
                        }
                        Ok::<_, actix_ws::Closed>(())
                    };
                    tokio::select! {
                        r = send_all => if r.is_err() { return Exit::Gone },
                        code = kill.fired() => return Exit::Close(code, reason(code)),
                    }
                }
                msg = stream.recv() => {
                    last_heard = Instant::now();
                    let data = matches!(
                        msg,
                        Some(Ok(AggregatedMessage::Text(_) | AggregatedMessage::Binary(_)))
                    );
                    if data && !self.hub.allow_frame(self.actor.user_id) {
                        strikes += 1;
                        if strikes > MAX_STRIKES {
                            return Exit::Close(close::POLICY, "flooding");
                        }
                        self.reply(
                            WsError::new(ErrorCode::RateLimited, "too many frames; slow down"),
                            None,
                        );
                        continue;
                    }
                    match msg {
                        Some(Ok(AggregatedMessage::Text(text))) => {
                            strikes = 0;
                            self.handle(&text);
                        }
                        Some(Ok(AggregatedMessage::Binary(_))) => self.reply(
                            WsError::invalid("binary frames are not supported; send JSON text"),
                            None,
                        ),
                        Some(Ok(AggregatedMessage::Ping(p))) => {
                            if ws.pong(&p).await.is_err() {
                                return Exit::Gone;
                            }
                        }
                        Some(Ok(AggregatedMessage::Pong(_))) => {}
                        Some(Ok(AggregatedMessage::Close(_))) => {
                            return Exit::Close(1000, "bye");
                        }
                        None => return Exit::Gone,
                        Some(Err(e)) => return protocol_exit(&e),
                    }
                }
                _ = heartbeat.tick() => {
                    if last_heard.elapsed() > SILENT_LIMIT {
                        return Exit::Close(close::IDLE, "no frames for 45 s");
                    }
                    match tokio::time::timeout(Duration::from_secs(5), ws.ping(b"")).await {
                        Ok(Ok(())) => {}
                        Ok(Err(_)) => return Exit::Gone,
                        Err(_) => return Exit::Close(close::TOO_SLOW, reason(close::TOO_SLOW)),
                    }
                }
            }
        }
    }

    /// When the socket's session ends, as an instant of this process's clock.
    fn session_end(&self) -> Instant {
        let ends = self.handle.session_ends.load(Ordering::Acquire);
        let left = ends.saturating_sub(chrono::Utc::now().timestamp_millis());
        Instant::now() + Duration::from_millis(u64::try_from(left).unwrap_or(0))
    }

    fn reply(&self, e: WsError, r#ref: Option<&str>) {
        self.outbox.send_reply(e.frame(r#ref));
    }

    fn handle(&self, text: &str) {
        let frame = parse_frame(text);
        let action = match frame.action {
            Ok(a) => a,
            Err(e) => return self.reply(e, frame.r#ref.as_deref()),
        };
        let cmd = Command {
            room: self.room.id,
            actor: self.actor.clone(),
            is_mod: self.is_mod.load(Ordering::Acquire),
            r#ref: frame.r#ref,
            action,
            reply: self.outbox.clone(),
        };
        let r = cmd.r#ref.clone();
        if let Err(e) = self.hub.submit(cmd) {
            self.reply(e, r.as_deref());
        }
    }
}

fn reason(code: u16) -> &'static str {
    match code {
        close::KICKED => "removed from the room by a moderator",
        close::UNAUTHORIZED => "the session has ended; sign in again",
        close::FORBIDDEN => "you may no longer enter this room",
        close::TOO_SLOW => "not reading fast enough; resume with after_seq",
        close::RESTART => "server restarting; reconnect and resume",
        _ => "closed",
    }
}
