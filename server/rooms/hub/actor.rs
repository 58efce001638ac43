//! A room's actor: its local sockets, presence and view of the state; delivers the log
//! in seq order, buffers what is ahead, reads gaps from the log, coalesces `poll.results`.

use super::*;

struct Member {
    name: String,
    sockets: u32,
}

struct RoomActor {
    hub: Arc<HubInner>,
    room: Uuid,
    sessions: Vec<SessionHandle>,
    present: HashMap<Uuid, Member>,
    /// Users in the room through other instances only as far as they are not also here.
    remote: HashMap<Uuid, String>,
    delivered: i64,
    pending: BTreeMap<i64, Rendered>,
    gap_since: Option<Instant>,
    view: RoomState,
    dirty_polls: HashSet<i64>,
    /// After SIGTERM: no new sockets.
    shut_down: bool,
    gap_backoff: Duration,
}

pub(super) async fn run_actor(
    hub: Arc<HubInner>,
    room: Uuid,
    mut rx: mpsc::UnboundedReceiver<ActorMsg>,
) {
    let view = loop {
        match load_view(&hub.pool, room).await {
            Ok(v) => break v,
            Err(e) => {
                tracing::warn!(%room, error = %e, "loading room state failed; retrying");
                if hub.shutting_down.load(Ordering::Acquire) {
                    return;
                }
                tokio::time::sleep(Duration::from_millis(200)).await;
            }
        }
    };
    let mut actor = RoomActor {
        hub: hub.clone(),
        room,
        sessions: Vec::new(),
        present: HashMap::new(),
        remote: HashMap::new(),
        delivered: view.applied_seq,
        pending: BTreeMap::new(),
        gap_since: None,
        view,
        dirty_polls: HashSet::new(),
        shut_down: false,
        gap_backoff: GAP_WAIT,
    };
    actor.refresh_remote().await;
    let mut idle_since = Some(Instant::now());
    // A safety net for a NOTIFY that never came (its sender failed to send it): a quiet
    // room would otherwise not notice the missing events until its next one.
    let mut safety = tokio::time::interval_at(Instant::now() + SAFETY_EVERY, SAFETY_EVERY);
    let mut results_tick = tokio::time::interval(RESULTS_EVERY);
    results_tick.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
    loop {
        let gap_deadline = actor.gap_since.map(|t| t + GAP_WAIT);
        let idle_deadline = idle_since.map(|t| t + IDLE_ROOM);
        tokio::select! {
            msg = rx.recv() => {
                let Some(msg) = msg else { break };
                actor.handle(msg).await;
            }
            _ = sleep_until(gap_deadline) => actor.fill_gap().await,
            _ = results_tick.tick(), if !actor.dirty_polls.is_empty() => actor.send_results(),
            _ = safety.tick(), if !actor.sessions.is_empty() => {
                actor.handle(ActorMsg::CatchUp).await;
            }
            _ = sleep_until(idle_deadline) => {
                // Leave only if nobody is about to join: new messages are handled first.
                let mut rooms = hub.rooms.lock().expect("rooms lock");
                if rx.is_empty() && actor.sessions.is_empty() {
                    rooms.remove(&room);
                    drop(rooms);
                    break;
                }
            }
        }
        idle_since = match (actor.sessions.is_empty(), idle_since) {
            (true, None) => Some(Instant::now()),
            (true, since) => since,
            (false, _) => None,
        };
    }
    if let Some(w) = hub.writers.get(writer_index(room, hub.writers.len())) {
        let _ = w.try_send(WriterMsg::Evict(room));
    }
}

async fn sleep_until(deadline: Option<Instant>) {
    match deadline {
        Some(d) => tokio::time::sleep_until(d).await,
        None => std::future::pending().await,
    }
}

async fn load_view(pool: &DbPool, room: Uuid) -> anyhow::Result<RoomState> {
    let mut conn = pool.get().await.map_err(|e| anyhow::anyhow!("{e}"))?;
    // One snapshot, so last_seq and the events agree.
    Ok(conn
        .build_transaction()
        .repeatable_read()
        .read_only()
        .run::<_, diesel::result::Error, _>(async |c| repo::load_state(c, room).await)
        .await?)
}

impl RoomActor {
    async fn handle(&mut self, msg: ActorMsg) {
        match msg {
            ActorMsg::Join(j, reply) => {
                let result = if self.shut_down {
                    Err(WsError::new(
                        crate::rooms::protocol::ErrorCode::Unavailable,
                        "the server is restarting; connect again",
                    ))
                } else {
                    self.join(*j).await
                };
                let _ = reply.send(result);
            }
            ActorMsg::Leave(id) => self.remove(id, None),
            ActorMsg::Presence => self.refresh_remote().await,
            ActorMsg::Local(events) => {
                for e in events {
                    if e.event.seq > self.delivered {
                        self.pending.insert(e.event.seq, e);
                    }
                }
                self.drain();
            }
            ActorMsg::Remote { from, to } => {
                if to > self.delivered
                    && (from.max(self.delivered + 1)..=to).any(|s| !self.pending.contains_key(&s))
                {
                    self.read_log(from.max(self.delivered + 1) - 1, to).await;
                }
            }
            ActorMsg::Reannounce => {
                for (user, m) in &self.present {
                    let _ = self.hub.presence_tx.send(PresenceOp {
                        room: self.room,
                        user: *user,
                        name: m.name.clone(),
                        present: true,
                    });
                }
            }
            ActorMsg::CatchUp => {
                self.refresh_remote().await;
                let last = match self.hub.pool.get().await {
                    Ok(mut c) => repo::last_seq(&mut c, self.room).await.ok().flatten(),
                    Err(_) => None,
                };
                if let Some(last) = last.filter(|l| *l > self.delivered) {
                    self.read_log(self.delivered, last).await;
                }
            }
            ActorMsg::Shutdown => {
                self.shut_down = true;
                for s in std::mem::take(&mut self.sessions) {
                    s.outbox.kill.fire(close::RESTART);
                }
                for (user, m) in self.present.drain() {
                    let _ = self.hub.presence_tx.send(PresenceOp {
                        room: self.room,
                        user,
                        name: m.name,
                        present: false,
                    });
                }
            }
        }
    }

    /// Reads `after < seq <= upto` from the log into `pending` and delivers what it can,
    /// a page at a time (a long outage must not load the whole backlog at once).
    async fn read_log(&mut self, mut after: i64, upto: i64) {
        const PAGE: i64 = 2000;
        while after < upto {
            let events = match self.hub.pool.get().await {
                Ok(mut c) => repo::events(&mut c, self.room, after, upto, PAGE)
                    .await
                    .map_err(|e| e.to_string()),
                Err(e) => Err(e.to_string()),
            };
            let events = match events {
                Ok(events) => events,
                Err(e) => {
                    tracing::warn!(room = %self.room, error = %e, "reading the room log failed");
                    return;
                }
            };
            let Some(last) = events.last().map(|e| e.seq) else {
                return;
            };
            after = last;
            for e in events {
                if e.seq > self.delivered {
                    self.pending
                        .entry(e.seq)
                        .or_insert_with(|| Rendered::new(e));
                }
            }
            self.drain();
        }
    }

    async fn fill_gap(&mut self) {
        if let Some((&first, _)) = self.pending.first_key_value() {
            self.read_log(self.delivered, first - 1).await;
        }
        // Still open (the read failed, the database is away): wait longer each time.
        if self.pending.is_empty() {
            self.gap_backoff = GAP_WAIT;
        } else {
            self.gap_backoff = (self.gap_backoff * 2).min(Duration::from_secs(5));
            self.gap_since = Some(Instant::now() + self.gap_backoff - GAP_WAIT);
        }
    }

    /// Delivers every contiguous pending event.
    fn drain(&mut self) {
        while let Some(e) = self.pending.remove(&(self.delivered + 1)) {
            self.delivered = e.event.seq;
            self.view.apply(&e.event);
            self.fan_out(&e.json);
            self.after_delivery(&e);
        }
        self.gap_since = if self.pending.is_empty() {
            None
        } else {
            self.gap_since.or(Some(Instant::now()))
        };
    }

    fn after_delivery(&mut self, e: &Rendered) {
        match e.event.kind {
            EventKind::PollVoted => {
                if let Some(v) = e.event.payload::<PollVoted>() {
                    self.dirty_polls.insert(v.poll_id);
                }
            }
            EventKind::PollClosed => {
                if let Some(c) = e.event.payload::<PollClosed>() {
                    self.dirty_polls.remove(&c.poll_id);
                }
            }
            EventKind::UserKicked => {
                if let Some(UserKicked { user_id: user }) = e.event.payload() {
                    let ids: Vec<u64> = self
                        .sessions
                        .iter()
                        .filter(|s| s.user.user_id == user)
                        .map(|s| s.id)
                        .collect();
                    for id in ids {
                        self.remove(id, Some(close::KICKED));
                    }
                }
            }
            _ => {}
        }
    }

    fn send_results(&mut self) {
        for id in std::mem::take(&mut self.dirty_polls) {
            if let Some(p) = self.view.polls.get(&id)
                && !p.hide_results
                && !p.closed
            {
                let frame = ServerMsg::PollResults {
                    poll_id: id,
                    results: p.results(),
                };
                self.fan_out(&ByteString::from(frame.to_text()));
            }
        }
    }

    fn fan_out(&mut self, frame: &ByteString) {
        let mut slow = Vec::new();
        for s in &self.sessions {
            match s.outbox.tx.try_send(frame.clone()) {
                Ok(()) => {}
                Err(mpsc::error::TrySendError::Full(_)) => slow.push((s.id, close::TOO_SLOW)),
                Err(mpsc::error::TrySendError::Closed(_)) => slow.push((s.id, 0)),
            }
        }
        for (id, code) in slow {
            self.remove(id, (code != 0).then_some(code));
        }
    }

    async fn join(&mut self, j: Join) -> Result<(), WsError> {
        let user = j.session.user.clone();
        // The client saw more than this instance has delivered (it resumes here after
        // another instance): catch up first, or it would get those events twice.
        if let Some(after) = j.after_seq.filter(|a| *a > self.delivered) {
            self.read_log(self.delivered, after).await;
        }
        if self.view.kicked.contains(&user.user_id) {
            return Err(WsError::forbidden("you were removed from this room"));
        }
        let outbox = j.session.outbox.clone();
        let first_socket = match self.present.get_mut(&user.user_id) {
            Some(m) => {
                m.sockets += 1;
                false
            }
            None => {
                self.present.insert(
                    user.user_id,
                    Member {
                        name: user.display_name.clone(),
                        sockets: 1,
                    },
                );
                true
            }
        };
        if first_socket {
            let _ = self.hub.presence_tx.send(PresenceOp {
                room: self.room,
                user: user.user_id,
                name: user.display_name.clone(),
                present: true,
            });
            if !self.remote.contains_key(&user.user_id) {
                self.announce_presence(PresenceChange::Joined, user.user_id, &user.display_name);
            }
        }
        // The right as it stands now (a re-check may have changed it since `hello`).
        let is_mod = j.session.is_mod.load(Ordering::Acquire);
        self.sessions.push(j.session);
        let mut present: Vec<Person> = self
            .present
            .iter()
            .map(|(id, m)| Person {
                user_id: *id,
                display_name: m.name.clone(),
            })
            .collect();
        present.extend(
            self.remote
                .iter()
                .filter(|(id, _)| !self.present.contains_key(*id))
                .map(|(id, name)| Person {
                    user_id: *id,
                    display_name: name.clone(),
                }),
        );
        let welcome = ServerMsg::Welcome {
            room: &j.room,
            you: You {
                user_id: user.user_id,
                display_name: user.display_name.clone(),
                is_moderator: is_mod,
            },
            last_seq: self.delivered,
            present,
            state: self
                .view
                .snapshot(user.user_id, is_mod, j.dot_votes_per_user),
        };
        let _ = outbox.tx.try_send(welcome.to_text().into());
        if let Some(after) = j.after_seq.filter(|a| *a < self.delivered) {
            if self.delivered - after > MAX_RESUME_EVENTS {
                let frame = ServerMsg::ResyncRequired {
                    last_seq: self.delivered,
                    message: format!(
                        "more than {MAX_RESUME_EVENTS} events were missed; \
                         load them with GET /api/v1/rooms/{}/events",
                        self.room
                    ),
                };
                let _ = outbox.tx.try_send(frame.to_text().into());
            } else {
                let events = match self.hub.pool.get().await {
                    Ok(mut c) => {
                        repo::events(&mut c, self.room, after, self.delivered, MAX_RESUME_EVENTS)
                            .await
                            .map_err(|e| e.to_string())
                    }
                    Err(e) => Err(e.to_string()),
                };
                let hidden: HashSet<i64> = if is_mod {
                    HashSet::new()
                } else {
                    self.view
                        .questions
                        .values()
                        .filter(|q| q.hidden)
                        .map(|q| q.id)
                        .collect()
                };
                match events {
                    Ok(events) => {
                        for e in events {
                            let frame = if hidden.is_empty() {
                                Rendered::new(e).json
                            } else {
                                let mut v = e.render();
                                crate::rooms::service::redact_hidden(&mut v, &hidden);
                                v.to_string().into()
                            };
                            if outbox.tx.try_send(frame).is_err() {
                                outbox.kill.fire(close::TOO_SLOW);
                                break;
                            }
                        }
                    }
                    Err(e) => {
                        tracing::warn!(room = %self.room, error = %e, "resume read failed");
                        let frame = ServerMsg::ResyncRequired {
                            last_seq: self.delivered,
                            message: "the missed events could not be read; load them over REST"
                                .to_owned(),
                        };
                        let _ = outbox.tx.try_send(frame.to_text().into());
                    }
                }
            }
        }
        Ok(())
    }

    /// Every way out of the room ends here: presence and the socket list stay exact.
    fn remove(&mut self, id: u64, close_with: Option<u16>) {
        let Some(pos) = self.sessions.iter().position(|s| s.id == id) else {
            return;
        };
        let s = self.sessions.swap_remove(pos);
        if let Some(code) = close_with {
            s.outbox.kill.fire(code);
        }
        let user = s.user.user_id;
        let gone = match self.present.get_mut(&user) {
            Some(m) if m.sockets > 1 => {
                m.sockets -= 1;
                false
            }
            Some(_) => {
                self.present.remove(&user);
                true
            }
            None => false,
        };
        if gone {
            let _ = self.hub.presence_tx.send(PresenceOp {
                room: self.room,
                user,
                name: s.user.display_name.clone(),
                present: false,
            });
            if !self.remote.contains_key(&user) {
                self.announce_presence(PresenceChange::Left, user, &s.user.display_name);
            }
        }
    }

    /// Distinct users in the room, on every instance.
    fn head_count(&self) -> usize {
        self.present.len()
            + self
                .remote
                .keys()
                .filter(|u| !self.present.contains_key(*u))
                .count()
    }

    fn announce_presence(&mut self, change: fn(Person) -> PresenceChange, user: Uuid, name: &str) {
        let frame = ServerMsg::Presence {
            change: change(Person {
                user_id: user,
                display_name: name.to_owned(),
            }),
            count: self.head_count(),
        };
        self.fan_out(&ByteString::from(frame.to_text()));
    }

    /// Re-reads who is here through other instances and announces the difference.
    async fn refresh_remote(&mut self) {
        let rows = match self.hub.pool.get().await {
            Ok(mut c) => repo::remote_presence(&mut c, self.room, self.hub.instance)
                .await
                .map_err(|e| e.to_string()),
            Err(e) => Err(e.to_string()),
        };
        let fresh: HashMap<Uuid, String> = match rows {
            Ok(rows) => rows.into_iter().collect(),
            Err(e) => {
                tracing::warn!(room = %self.room, error = %e, "reading presence failed");
                return;
            }
        };
        let old = std::mem::replace(&mut self.remote, fresh);
        let joined: Vec<(Uuid, String)> = self
            .remote
            .iter()
            .filter(|(u, _)| !old.contains_key(*u) && !self.present.contains_key(*u))
            .map(|(u, n)| (*u, n.clone()))
            .collect();
        for (u, n) in joined {
            self.announce_presence(PresenceChange::Joined, u, &n);
        }
        for (u, n) in old {
            if !self.remote.contains_key(&u) && !self.present.contains_key(&u) {
                self.announce_presence(PresenceChange::Left, u, &n);
            }
        }
    }
}
