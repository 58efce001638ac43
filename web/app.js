// livinglab live rooms and events (until they move to pages): plain DOM, no build step. The
// access token comes from the browser session (/session/token) and lives in memory only;
// every server string is inserted as text (never as HTML).
"use strict";

const API = "/api/v1";
const $ = (id) => document.getElementById(id);
// The browser's session is a cookie (the sign-in pages set it); this page asks the server
// for a short-lived access token from it, for the API calls and the room socket.
let session = null; // { access_token }
let currentUser = null; // GET /me: id, display_name, role, memberships

function say(message, ok = false) {
  $("status").textContent = message;
  $("status").className = ok ? "ok" : "";
}

function saveSession(s) {
  session = s;
}

let refreshing = null;

// Single flight: parallel requests that all hit an expired token share one new token.
function refresh() {
  if (!refreshing) {
    refreshing = (async () => {
      const res = await fetch("/session/token", { credentials: "same-origin" });
      if (!res.ok) { saveSession(null); return false; }
      const body = await res.json();
      saveSession({ access_token: body.access_token });
      return true;
    })().finally(() => { refreshing = null; });
  }
  return refreshing;
}

// Sends a request; on an expired access token, gets a new one once and retries.
async function apiFetch(method, path, body, retry = true) {
  const headers = {};
  if (body !== undefined) headers["content-type"] = "application/json";
  if (session) headers.authorization = `Bearer ${session.access_token}`;
  const res = await fetch(`${API}${path}`, {
    method, headers, body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (res.status === 401 && session && retry && await refresh()) {
    return apiFetch(method, path, body, false);
  }
  return res;
}

function apiError(res, data) {
  const err = data && data.error ? data.error : { code: "error", message: res.statusText };
  const fields = Object.entries(err.details || {}).map(([k, v]) => `${k}: ${v}`).join("; ");
  return new Error(fields ? `${err.message} (${fields})` : err.message);
}

// Calls the API and returns the JSON body (null for 204); errors become exceptions.
async function api(method, path, body) {
  const res = await apiFetch(method, path, body);
  const data = res.status === 204 ? null : await res.json().catch(() => null);
  if (!res.ok) throw apiError(res, data);
  return data;
}

function li(text, badge) {
  const item = document.createElement("li");
  item.textContent = text;
  if (badge) {
    const b = document.createElement("span");
    b.className = "badge";
    b.textContent = badge;
    item.append(b);
  }
  return item;
}

function formJson(form) {
  const out = {};
  for (const [k, v] of new FormData(form)) if (v !== "") out[k] = v;
  return out;
}

async function showMe() {
  if (!session && !(await refresh())) {
    $("auth").hidden = false; $("nav").hidden = true;
    currentUser = null; leaveRoom(); $("rooms").hidden = true;
    $("my-calendar").hidden = true;
    loadEvents(true);
    return;
  }
  try {
    const me = await api("GET", "/me");
    currentUser = me;
    $("auth").hidden = true; $("nav").hidden = false;
    $("who").textContent = `${me.display_name} (${me.role})`;
    for (const m of me.memberships) knownOrgs.set(m.organization_id, m.organization_name);
    showRooms();
    $("my-calendar").hidden = false;
    loadEvents(true);
  } catch (e) {
    saveSession(null);
    $("auth").hidden = false;
  }
}

function onSubmit(id, handler) {
  $(id).addEventListener("submit", async (ev) => {
    ev.preventDefault();
    try { await handler(ev.target); } catch (e) { say(e.message); }
  });
}

// ---------------------------------------------------------------------------------------
// Rooms: the live workshop client. REST lists and creates rooms and loads history; one
// websocket per open room carries everything live (docs/rooms-protocol.md).

const knownOrgs = new Map(); // organization id -> name, for the room form
const EMOJI = ["👍", "❤️", "🎉", "💡", "❓"];
const HISTORY_EVENTS = 500; // how far back the chat goes when a room opens
const MAX_UNACKED = 100;
let roomCursor = null;
let room = null; // the open room (see newRoom)

function el(tag, cls, text) {
  const e = document.createElement(tag);
  if (cls) e.className = cls;
  if (text !== undefined && text !== null) e.textContent = text;
  return e;
}

function btn(text, onClick, cls = "small") {
  const b = el("button", cls, text);
  b.type = "button";
  b.addEventListener("click", onClick);
  return b;
}

function isStaff() {
  return !!currentUser && (currentUser.role === "admin" || currentUser.role === "moderator");
}

function clock(at) {
  const d = new Date(at);
  return isNaN(d) ? "" : d.toLocaleTimeString([], { hour: "2-digit", minute: "2-digit" });
}

function newRef() {
  if (crypto.randomUUID) return crypto.randomUUID();
  const b = crypto.getRandomValues(new Uint8Array(16)); // randomUUID needs a secure context
  return Array.from(b, (x) => x.toString(16).padStart(2, "0")).join("");
}

// ---- the room list and the create form --------------------------------------------------

function showRooms() {
  $("rooms").hidden = false;
  $("room-form").hidden = !isStaff();
  const sel = $("room-form").elements.organization_id;
  const keep = sel.value;
  const opts = [...knownOrgs].sort((a, b) => a[1].localeCompare(b[1])).map(([id, name]) => {
    const o = el("option", null, name);
    o.value = id;
    return o;
  });
  const none = el("option", null, "(none)");
  none.value = "";
  sel.replaceChildren(none, ...opts);
  sel.value = keep;
  loadRooms(true);
}

async function loadRooms(reset) {
  if (!session) return;
  if (reset) roomCursor = null;
  const params = new URLSearchParams({ limit: "50" });
  if (roomCursor) params.set("cursor", roomCursor);
  try {
    const page = await api("GET", `/rooms?${params}`);
    const items = page.items.map((r) => {
      const item = el("li");
      const name = el("span", "name", r.name);
      if (r.description) name.append(el("span", "muted small", ` ${r.description}`));
      item.append(name);
      const access = el("span", "badge", r.access);
      item.append(access);
      if (r.is_moderator) item.append(el("span", "badge", "moderator"));
      item.append(btn("Enter", () => openRoom(r.id).catch((e) => say(e.message))));
      item.dataset.roomId = r.id;
      return item;
    });
    if (reset) $("room-list").replaceChildren(...items);
    else $("room-list").append(...items);
    if (reset && !items.length) $("room-list").replaceChildren(li("No rooms yet."));
    roomCursor = page.next_cursor;
    $("more-rooms").hidden = !roomCursor;
  } catch (e) { say(e.message); }
}

onSubmit("room-form", async (form) => {
  const body = formJson(form);
  const created = await api("POST", "/rooms", body);
  form.reset(); say(`Room “${created.name}” created.`, true);
  await loadRooms(true);
  await openRoom(created.id);
});
$("more-rooms").addEventListener("click", () => loadRooms(false));

// ---- one open room --------------------------------------------------------------------

function newRoom(info) {
  return {
    id: info.id, info, ws: null, welcomed: false, stopped: false,
    me: currentUser ? currentUser.id : null, isMod: !!info.is_moderator,
    // Seqs already applied: chat from history and resumed events, state from `welcome`.
    chatSeq: 0, stateSeq: Infinity, historyLoaded: false, loading: false, buffer: [],
    chat: new Map(), nodes: new Map(), editing: null, editDraft: "",
    names: new Map(), present: new Map(), presentCount: 0,
    hands: [], polls: new Map(), pollDraft: new Map(), questions: new Map(), ideas: new Map(),
    dotsLeft: 0, dotBudget: 0, locked: false, slow: 0, mutedUntil: null,
    muted: new Map(), kicked: new Map(),
    unacked: new Map(), attempt: 0, authFails: 0, timer: null,
  };
}

async function openRoom(id) {
  leaveRoom();
  const info = await api("GET", `/rooms/${id}`);
  const r = newRoom(info);
  room = r;
  document.body.classList.add("in-room");
  $("room").hidden = false;
  $("room").classList.remove("stopped");
  notice("");
  renderAll(r);
  $("room").scrollIntoView({ block: "start" });
  setConn(r, "connecting", "Loading…");
  await loadHistory(r, Math.max(0, info.last_seq - HISTORY_EVENTS));
  if (room !== r) return;
  r.historyLoaded = true;
  connect(r);
}

function leaveRoom() {
  const r = room;
  if (!r) return;
  r.stopped = true;
  clearTimeout(r.timer);
  if (r.ws) r.ws.close(1000, "bye");
  room = null;
  $("room").hidden = true;
  document.body.classList.remove("in-room");
  $("chat-log").replaceChildren();
}

// Stops for good (4003, 4004, session over): says why and keeps the page where it is.
function stopRoom(r, message) {
  r.stopped = true;
  clearTimeout(r.timer);
  if (r.ws) r.ws.close(1000, "bye");
  r.ws = null;
  setConn(r, "down", "Disconnected");
  $("room").classList.add("stopped");
  notice(message, true);
  loadRooms(true);
}

// Loads the log after `after` over REST (oldest first, page by page) into the chat.
async function loadHistory(r, after) {
  for (let pages = 0; pages < 50; pages++) {
    const page = await api("GET", `/rooms/${r.id}/events?after_seq=${after}&limit=1000`);
    if (room !== r) return;
    for (const e of page.items) applyEvent(r, e);
    if (page.next_after_seq === null || page.next_after_seq === undefined) {
      r.chatSeq = Math.max(r.chatSeq, page.last_seq);
      break;
    }
    after = page.next_after_seq;
  }
  scrollChat(true);
}

// The access token expires after 15 minutes: refresh it before saying hello with it.
async function freshToken() {
  if (!session) return false;
  try {
    const part = session.access_token.split(".")[1].replace(/-/g, "+").replace(/_/g, "/");
    const exp = JSON.parse(atob(part)).exp;
    if (exp && exp * 1000 - Date.now() < 60_000) return await refresh();
  } catch (e) { /* not a JWT we can read: the server will say 4001 if it is stale */ }
  return true;
}

async function connect(r) {
  r.timer = null;
  if (room !== r || r.stopped) return;
  setConn(r, "connecting", "Connecting…");
  let ok = !!session;
  if (ok) {
    try { ok = r.authFails ? await refresh() : await freshToken(); } catch (e) { ok = null; }
  }
  if (room !== r || r.stopped) return;
  if (ok === null) return reconnectLater(r); // offline: try again
  if (!ok || !session) {
    stopRoom(r, "Your session has ended: please sign in again.");
    showMe();
    return;
  }
  const scheme = location.protocol === "https:" ? "wss:" : "ws:";
  const ws = new WebSocket(`${scheme}//${location.host}${API}/rooms/${r.id}/ws`);
  r.ws = ws;
  r.welcomed = false;
  ws.addEventListener("open", () => {
    ws.send(JSON.stringify({
      type: "hello", token: session ? session.access_token : "",
      after_seq: r.historyLoaded ? r.chatSeq : null, ref: newRef(),
    }));
  });
  ws.addEventListener("message", (ev) => {
    if (room !== r || r.ws !== ws) return;
    let frame;
    try { frame = JSON.parse(ev.data); } catch (e) { return; }
    try { handleFrame(r, frame); } catch (e) { console.error(e); }
  });
  ws.addEventListener("close", (ev) => onClose(r, ws, ev));
}

function onClose(r, ws, ev) {
  if (room !== r || r.ws !== ws || r.stopped) return;
  r.ws = null;
  r.welcomed = false;
  const why = ev.reason ? `: ${ev.reason}` : "";
  switch (ev.code) {
    case 4003: return stopRoom(r, `You may not enter this room${why}.`);
    case 4004: return stopRoom(r, "A moderator removed you from this room.");
    case 4001:
      r.authFails += 1; // refresh before the next hello
      if (r.authFails > 2) {
        stopRoom(r, "The server did not accept your sign-in: please sign in again.");
        return;
      }
      break;
    default: break;
  }
  reconnectLater(r, ev.code);
}

function reconnectLater(r, code) {
  if (r.stopped || r.timer) return;
  const base = Math.min(30_000, 500 * 2 ** r.attempt);
  const delay = r.authFails && r.attempt === 0 ? 0 : Math.round(base * (0.5 + Math.random() / 2));
  r.attempt += 1;
  setConn(r, "down", `Reconnecting in ${Math.ceil(delay / 1000)} s${code ? ` (closed ${code})` : ""}…`);
  r.timer = setTimeout(() => connect(r), delay);
}

window.addEventListener("online", () => {
  if (room && !room.ws && room.timer && !room.stopped) {
    clearTimeout(room.timer);
    connect(room);
  }
});

// Sends an action with a fresh `ref`. Until acked it stays queued, and a reconnect sends
// it again with the same ref (the server stores it once).
function send(frame, onAck) {
  const r = room;
  if (!r || r.stopped) return;
  if (r.unacked.size >= MAX_UNACKED) { notice("Too many unsent actions: wait for the connection."); return; }
  const ref = newRef();
  const text = JSON.stringify({ ...frame, ref });
  r.unacked.set(ref, { text, what: frame.type, onAck, sentAt: Date.now() });
  if (r.ws && r.welcomed && r.ws.readyState === WebSocket.OPEN) r.ws.send(text);
  else notice("Not connected: this will be sent when the connection is back.");
}

function resendUnacked(r, olderThan = Infinity) {
  if (!r.ws || !r.welcomed || r.ws.readyState !== WebSocket.OPEN) return;
  for (const u of r.unacked.values()) {
    if (Date.now() - u.sentAt < olderThan) continue;
    u.sentAt = Date.now();
    r.ws.send(u.text);
  }
}

function resendAll(r) {
  for (const u of r.unacked.values()) u.sentAt = 0;
  resendUnacked(r, 0);
}

let noticeTimer = null;
function notice(message, sticky = false) {
  const n = $("room-notice");
  n.textContent = message;
  n.hidden = !message;
  clearTimeout(noticeTimer);
  if (message && !sticky) noticeTimer = setTimeout(() => { n.hidden = true; }, 8000);
}

function setConn(r, kind, text) {
  const c = $("room-conn");
  c.textContent = text;
  c.className = `conn ${kind}`;
}

// ---- frames from the server ------------------------------------------------------------

function handleFrame(r, f) {
  switch (f.type) {
    case "welcome": {
      r.welcomed = true;
      r.attempt = 0;
      r.authFails = 0;
      r.me = f.you.user_id;
      r.isMod = !!f.you.is_moderator;
      r.info = { ...r.info, ...f.room };
      r.present = new Map(f.present.map((p) => [p.user_id, p.display_name]));
      for (const [id, name] of r.present) r.names.set(id, name);
      r.presentCount = f.present.length;
      applySnapshot(r, f.state);
      r.stateSeq = f.last_seq;
      setConn(r, "live", "Live");
      renderAll(r);
      for (const m of r.chat.values()) renderChatItem(r, m);
      resendAll(r);
      return;
    }
    case "presence": {
      const who = f.joined || f.left;
      if (who) {
        r.names.set(who.user_id, who.display_name);
        if (f.joined) r.present.set(who.user_id, who.display_name);
        else r.present.delete(who.user_id);
      }
      r.presentCount = f.count;
      renderPresence(r);
      return;
    }
    case "poll.results": {
      const p = r.polls.get(f.poll_id);
      if (p && !p.closed) { p.results = f.results; renderPolls(r); }
      return;
    }
    case "resync_required":
      resync(r).catch((e) => notice(`Could not reload the history: ${e.message}`));
      return;
    case "ack": {
      const u = r.unacked.get(f.ref);
      r.unacked.delete(f.ref);
      if (u && u.onAck) u.onAck(f.seq);
      return;
    }
    case "error": {
      const u = f.ref ? r.unacked.get(f.ref) : null;
      if (f.ref) r.unacked.delete(f.ref);
      // A refused hello is followed by its close code, which says it better.
      if (!u && (f.code === "unauthorized" || f.code === "forbidden")) return;
      notice(u ? `${u.what}: ${f.message}` : f.message);
      if (f.code === "rate_limited" || f.code === "unavailable") {
        setTimeout(() => { if (room === r) resendUnacked(r, 1000); }, 1500);
      }
      return;
    }
    default:
      if (typeof f.seq === "number" && f.actor) {
        if (r.loading) r.buffer.push(f);
        else applyEvent(r, f);
      }
  }
}

// More than 1000 events were missed: the state in `welcome` is current, the chat is not.
async function resync(r) {
  r.loading = true;
  try {
    r.chat.clear(); r.nodes.clear(); r.editing = null;
    $("chat-log").replaceChildren();
    r.chatSeq = 0;
    await loadHistory(r, Math.max(0, r.stateSeq - HISTORY_EVENTS));
  } finally {
    r.loading = false;
    const queued = r.buffer;
    r.buffer = [];
    for (const e of queued) applyEvent(r, e);
  }
}

function applySnapshot(r, s) {
  r.hands = s.hands || [];
  r.polls = new Map((s.polls || []).map((p) => [p.poll_id, p]));
  r.questions = new Map((s.questions || []).map((q) => [q.question_id, q]));
  r.ideas = new Map((s.ideas || []).map((i) => [i.idea_id, i]));
  r.locked = !!s.locked;
  r.slow = s.slow_mode_seconds || 0;
  r.dotBudget = s.dot_votes_per_user || 0;
  r.dotsLeft = s.my_dots_left || 0;
  r.mutedUntil = s.muted_until || null;
  if (r.mutedUntil && r.me) r.muted.set(r.me, r.mutedUntil);
}

function nameOf(r, id) {
  return r.names.get(id) || "someone";
}

// One event of the log, live or from history. The chat part and the state part are
// applied once each: the chat from the REST history on, the state past `welcome`.
function applyEvent(r, e) {
  r.names.set(e.actor.user_id, e.actor.display_name);
  if (e.seq > r.chatSeq) {
    r.chatSeq = e.seq;
    applyChat(r, e);
  }
  if (e.seq > r.stateSeq) {
    r.stateSeq = e.seq;
    applyState(r, e);
  }
}

function system(r, e, text) {
  const m = { seq: e.seq, system: true, at: e.at, text };
  r.chat.set(e.seq, m);
  renderChatItem(r, m);
}

function applyChat(r, e) {
  const who = e.actor.display_name;
  switch (e.type) {
    case "chat": {
      const m = {
        seq: e.seq, actor: e.actor, at: e.at, text: e.text || "", edited: !!e.edited,
        deleted: !!e.deleted, reactions: new Map(),
      };
      r.chat.set(e.seq, m);
      renderChatItem(r, m);
      break;
    }
    case "chat.edited": {
      const m = r.chat.get(e.target_seq);
      if (m && !m.deleted && !m.system) { m.text = e.text; m.edited = true; renderChatItem(r, m); }
      break;
    }
    case "chat.deleted": {
      const m = r.chat.get(e.target_seq);
      if (m && !m.system) {
        m.deleted = true; m.text = "";
        if (r.editing === m.seq) r.editing = null;
        renderChatItem(r, m);
      }
      break;
    }
    case "reaction": {
      const m = r.chat.get(e.target_seq);
      if (!m || m.system) break;
      const prev = m.reactions.get(e.emoji) || { count: 0, mine: false };
      const mine = e.actor.user_id === r.me ? !!e.added : prev.mine;
      m.reactions.set(e.emoji, { count: e.count, mine });
      renderChatItem(r, m);
      break;
    }
    case "poll.created": system(r, e, `${who} started a poll: ${e.question}`); break;
    case "poll.closed": system(r, e, `${who} closed a poll.`); break;
    case "room.locked":
      system(r, e, e.locked ? `${who} locked the room: only moderators may post.` : `${who} unlocked the room.`);
      break;
    case "room.closed":
      system(r, e, `The event is over (${e.reason}): the room is read-only.`);
      break;
    case "room.slow_mode":
      system(r, e, e.seconds ? `${who} turned on slow mode (${e.seconds} s).` : `${who} turned off slow mode.`);
      break;
    case "user.muted":
      if (e.until) r.muted.set(e.user_id, e.until); else r.muted.delete(e.user_id);
      renderPresence(r);
      system(r, e, e.until
        ? `${who} muted ${nameOf(r, e.user_id)} until ${clock(e.until)}.`
        : `${who} unmuted ${nameOf(r, e.user_id)}.`);
      break;
    case "user.kicked":
      r.kicked.set(e.user_id, nameOf(r, e.user_id));
      renderMod(r);
      system(r, e, `${who} removed ${nameOf(r, e.user_id)} from the room.`);
      break;
    case "user.unkicked":
      r.kicked.delete(e.user_id);
      renderMod(r);
      system(r, e, `${who} let ${nameOf(r, e.user_id)} back in.`);
      break;
    default: break;
  }
}

function applyState(r, e) {
  const mine = e.actor.user_id === r.me;
  switch (e.type) {
    case "hands":
      r.hands = e.queue || [];
      renderHands(r);
      break;
    case "poll.created":
      r.polls.set(e.poll_id, {
        poll_id: e.poll_id, question: e.question, options: e.options, multiple: !!e.multiple,
        hide_results: !!e.hide_results, closed: false, my_choices: null,
        results: e.hide_results ? undefined : { counts: e.options.map(() => 0), voters: 0 },
      });
      renderPolls(r);
      break;
    case "poll.closed": {
      const p = r.polls.get(e.poll_id);
      if (p) { p.closed = true; p.results = e.results; renderPolls(r); }
      break;
    }
    case "question.asked":
      r.questions.set(e.question_id, {
        question_id: e.question_id, text: e.text, actor: e.actor, at: e.at, votes: 0,
        upvoted_by_me: false, answered: false, pinned: false, hidden: false,
      });
      renderQuestions(r);
      break;
    case "question.upvoted":
    case "question.answered":
    case "question.pinned":
    case "question.hidden": {
      const q = r.questions.get(e.question_id);
      if (!q) {
        // A question hidden before we came is back: only a new snapshot has it.
        if (e.type === "question.hidden" && !e.hidden && r.ws) r.ws.close(1000, "resnapshot");
        break;
      }
      if (e.type === "question.upvoted") {
        q.votes = e.votes;
        if (mine) q.upvoted_by_me = !!e.upvoted;
      } else if (e.type === "question.answered") q.answered = !!e.answered;
      else if (e.type === "question.pinned") q.pinned = !!e.pinned;
      else q.hidden = !!e.hidden;
      renderQuestions(r);
      break;
    }
    case "idea.added":
      r.ideas.set(e.idea_id, {
        idea_id: e.idea_id, text: e.text, column: e.column, actor: e.actor, votes: 0,
        voted_by_me: false,
      });
      renderIdeas(r);
      break;
    case "idea.voted":
    case "idea.unvoted":
    case "idea.moved": {
      const i = r.ideas.get(e.idea_id);
      if (!i) break;
      if (e.type === "idea.moved") i.column = e.column;
      else {
        i.votes = e.votes;
        if (mine) {
          i.voted_by_me = e.type === "idea.voted";
          r.dotsLeft += i.voted_by_me ? -1 : 1;
        }
      }
      renderIdeas(r);
      break;
    }
    case "idea.removed": {
      const i = r.ideas.get(e.idea_id);
      if (i && i.voted_by_me) r.dotsLeft += 1;
      r.ideas.delete(e.idea_id);
      renderIdeas(r);
      break;
    }
    case "room.locked": r.locked = !!e.locked; renderHead(r); renderMod(r); break;
    case "room.closed": r.locked = true; r.closed = true; renderHead(r); renderMod(r); break;
    case "room.slow_mode": r.slow = e.seconds || 0; renderHead(r); renderMod(r); break;
    case "user.muted":
      if (e.user_id === r.me) { r.mutedUntil = e.until || null; renderHead(r); }
      break;
    case "user.kicked":
      r.hands = r.hands.filter((h) => h.user_id !== e.user_id);
      renderHands(r);
      break;
    default: break;
  }
}

// ---- rendering (all user text goes through textContent) -------------------------------

function renderAll(r) {
  $("room").classList.toggle("is-mod", r.isMod);
  renderHead(r); renderPresence(r); renderHands(r); renderMod(r);
  renderPolls(r); renderQuestions(r); renderIdeas(r);
}

function renderHead(r) {
  $("room-title").textContent = r.info.name;
  $("room-desc").textContent = r.info.description || "";
  const flags = [];
  if (r.locked) flags.push(el("span", "badge warn", "locked"));
  if (r.slow) flags.push(el("span", "badge warn", `slow mode ${r.slow} s`));
  if (r.mutedUntil && new Date(r.mutedUntil) > new Date()) {
    flags.push(el("span", "badge warn", `you are muted until ${clock(r.mutedUntil)}`));
  }
  if (r.isMod) flags.push(el("span", "badge", "you moderate"));
  $("room-flags").replaceChildren(...flags);
}

function scrollChat(force) {
  const log = $("chat-log");
  if (force || log.scrollHeight - log.scrollTop - log.clientHeight < 80) log.scrollTop = log.scrollHeight;
}

function renderChatItem(r, m) {
  if (room !== r) return;
  const node = chatNode(r, m);
  const old = r.nodes.get(m.seq);
  r.nodes.set(m.seq, node);
  if (old) { old.replaceWith(node); return; }
  const log = $("chat-log");
  const stick = log.scrollHeight - log.scrollTop - log.clientHeight < 80;
  log.append(node); // events arrive in seq order
  if (stick) log.scrollTop = log.scrollHeight;
}

function chatNode(r, m) {
  const item = el("li");
  item.dataset.seq = m.seq;
  item.append(el("span", "when", clock(m.at)));
  if (m.system) {
    item.className = "system";
    item.append(el("span", "text", m.text));
    return item;
  }
  const own = m.actor.user_id === r.me;
  if (own) item.classList.add("mine");
  item.append(el("span", "who", m.actor.display_name));
  if (m.deleted) {
    item.append(el("span", "text deleted", "(message deleted)"));
    return item;
  }
  if (r.editing === m.seq) {
    const form = el("form", "inline-form");
    const input = el("input");
    input.name = "text"; input.required = true; input.maxLength = 4000; input.value = r.editDraft;
    input.setAttribute("aria-label", "Edit message");
    input.addEventListener("input", () => { r.editDraft = input.value; });
    const save = el("button", "small", "Save");
    save.type = "submit";
    form.append(input, save, btn("Cancel", () => { r.editing = null; renderChatItem(r, m); }, "small secondary"));
    form.addEventListener("submit", (ev) => {
      ev.preventDefault();
      const text = input.value.trim();
      if (text && text !== m.text) send({ type: "chat.edit", seq: m.seq, text });
      r.editing = null;
      renderChatItem(r, m);
    });
    item.append(form);
    setTimeout(() => input.focus(), 0);
    return item;
  }
  item.append(el("span", "text", m.text));
  if (m.edited) item.append(el("span", "muted small", " (edited)"));
  const tools = el("div", "tools");
  const emojis = [...new Set([...EMOJI, ...m.reactions.keys()])];
  for (const emoji of emojis) {
    const re = m.reactions.get(emoji) || { count: 0, mine: false };
    const b = btn(re.count ? `${emoji} ${re.count}` : emoji, () => send({ type: "react", seq: m.seq, emoji }),
      `small secondary${re.mine ? " on" : ""}${re.count ? "" : " idle"}`);
    b.title = re.mine ? "Take back your reaction" : "React";
    b.setAttribute("aria-pressed", String(re.mine));
    tools.append(b);
  }
  if (own) {
    tools.append(btn("Edit", () => {
      r.editing = m.seq; r.editDraft = m.text; renderChatItem(r, m);
    }, "small secondary idle"));
  }
  if (own || r.isMod) {
    tools.append(btn("Delete", () => send({ type: "chat.delete", seq: m.seq }), "small secondary idle"));
  }
  item.append(tools);
  return item;
}

function renderPresence(r) {
  $("presence-count").textContent = String(r.presentCount);
  const people = [...r.present].sort((a, b) => a[1].localeCompare(b[1]));
  $("presence").replaceChildren(...people.map(([id, name]) => {
    const item = el("li");
    item.append(el("span", "name", id === r.me ? `${name} (you)` : name));
    const until = r.muted.get(id);
    const muted = until && new Date(until) > new Date();
    if (muted) item.append(el("span", "badge warn", "muted"));
    if (r.isMod && id !== r.me) {
      item.append(btn(muted ? "Unmute" : "Mute", () => {
        const minutes = muted ? 0 : Number($("mute-minutes").value || 0);
        send({ type: "mod.mute", user_id: id, minutes });
      }, "small secondary"));
      item.append(btn("Remove", () => send({ type: "mod.kick", user_id: id }), "small secondary"));
    }
    return item;
  }));
}

function renderHands(r) {
  const raised = r.hands.some((h) => h.user_id === r.me);
  $("hand-toggle").textContent = raised ? "Lower my hand" : "Raise hand";
  $("hand-toggle").classList.toggle("on", raised);
  $("hands-clear").disabled = !r.hands.length;
  const items = r.hands.map((h) => {
    const item = el("li");
    item.append(el("span", "name", h.user_id === r.me ? `${h.display_name} (you)` : h.display_name));
    item.append(el("span", "muted small", clock(h.raised_at)));
    if (r.isMod && h.user_id !== r.me) {
      item.append(btn("Lower", () => send({ type: "hand.lower", user_id: h.user_id }), "small secondary"));
    }
    return item;
  });
  $("hands").replaceChildren(...(items.length ? items : [el("li", "muted", "No hands raised.")]));
}

function renderMod(r) {
  $("mod-lock").textContent = r.locked ? "Unlock room" : "Lock room";
  $("mod-lock").classList.toggle("on", r.locked);
  const sec = $("slow-form").elements.seconds;
  if (document.activeElement !== sec) sec.value = String(r.slow);
  const kicked = [...r.kicked].map(([id, name]) => {
    const item = el("li");
    item.append(el("span", "name", `${name} (removed)`));
    item.append(btn("Let back in", () => send({ type: "mod.unkick", user_id: id }), "small secondary"));
    return item;
  });
  $("kicked").replaceChildren(...kicked);
}

function renderPolls(r) {
  const polls = [...r.polls.values()].sort((a, b) => b.poll_id - a.poll_id);
  $("polls").replaceChildren(...polls.map((p) => pollCard(r, p)));
}

function pollCard(r, p) {
  const card = el("li");
  card.dataset.pollId = p.poll_id;
  card.append(el("div", "title", p.question));
  const meta = [p.multiple ? "several choices" : "one choice"];
  if (p.closed) meta.push("closed");
  else if (p.hide_results) meta.push("results shown when the poll closes");
  if (p.results) meta.push(`${p.results.voters} voted`);
  card.append(el("div", "meta", meta.join(" · ")));
  const mineSet = new Set(p.my_choices || []);
  if (!r.pollDraft.has(p.poll_id)) r.pollDraft.set(p.poll_id, new Set(mineSet));
  const draft = r.pollDraft.get(p.poll_id);
  const voters = p.results ? Math.max(1, p.results.voters) : 1;
  p.options.forEach((text, i) => {
    const row = el("div", "poll-option");
    const label = el("label", "check");
    const input = el("input");
    input.type = p.multiple ? "checkbox" : "radio";
    input.name = `poll-${p.poll_id}`;
    input.checked = draft.has(i);
    input.disabled = p.closed;
    input.addEventListener("change", () => {
      if (!p.multiple) draft.clear();
      if (input.checked) draft.add(i); else draft.delete(i);
    });
    label.append(input, el("span", null, mineSet.has(i) ? `${text} ✓` : text));
    row.append(label);
    if (p.results) {
      const meter = el("meter");
      meter.min = 0; meter.max = voters; meter.value = p.results.counts[i] || 0;
      row.append(meter, el("span", "small", String(p.results.counts[i] || 0)));
    }
    card.append(row);
  });
  const tools = el("div", "row");
  if (!p.closed) {
    tools.append(btn(mineSet.size ? "Change vote" : "Vote", () => {
      const choices = [...draft].sort((a, b) => a - b);
      if (!choices.length) { notice("Pick an option first."); return; }
      send({ type: "poll.vote", poll_id: p.poll_id, choices }, () => {
        const cur = r.polls.get(p.poll_id);
        if (cur) { cur.my_choices = choices; renderPolls(r); }
      });
    }));
    if (r.isMod) tools.append(btn("Close poll", () => send({ type: "poll.close", poll_id: p.poll_id }), "small secondary"));
  }
  card.append(tools);
  return card;
}

function renderQuestions(r) {
  const qs = [...r.questions.values()]
    .filter((q) => r.isMod || !q.hidden)
    .sort((a, b) => (b.pinned - a.pinned) || (b.votes - a.votes) || (a.question_id - b.question_id));
  $("questions").replaceChildren(...qs.map((q) => {
    const card = el("li");
    card.dataset.questionId = q.question_id;
    if (q.pinned) card.classList.add("pinned");
    if (q.answered) card.classList.add("answered");
    if (q.hidden) card.classList.add("hidden-q");
    card.append(el("div", "title", q.text));
    const meta = el("div", "meta", `asked by ${q.actor.display_name} at ${clock(q.at)}`);
    if (q.pinned) meta.append(el("span", "badge", "pinned"));
    if (q.answered) meta.append(el("span", "badge", "answered"));
    if (q.hidden) meta.append(el("span", "badge warn", "hidden"));
    card.append(meta);
    const tools = el("div", "row");
    const up = btn(`▲ ${q.votes}`, () => send({ type: "question.upvote", question_id: q.question_id }),
      `small secondary${q.upvoted_by_me ? " on" : ""}`);
    up.title = q.upvoted_by_me ? "Take back your vote" : "Upvote";
    up.setAttribute("aria-pressed", String(!!q.upvoted_by_me));
    tools.append(up);
    if (r.isMod) {
      const id = q.question_id;
      tools.append(
        btn(q.answered ? "Not answered" : "Answered", () => send({ type: "question.answer", question_id: id, answered: !q.answered }), "small secondary"),
        btn(q.pinned ? "Unpin" : "Pin", () => send({ type: "question.pin", question_id: id, pinned: !q.pinned }), "small secondary"),
        btn(q.hidden ? "Show" : "Hide", () => send({ type: "question.hide", question_id: id, hidden: !q.hidden }), "small secondary"),
      );
    }
    card.append(tools);
    return card;
  }));
}

function renderIdeas(r) {
  $("dots-left").textContent = `${r.dotsLeft} of ${r.dotBudget} dots left`;
  const ideas = [...r.ideas.values()].sort((a, b) => a.idea_id - b.idea_id);
  const columns = ["ideas"];
  for (const i of ideas) if (!columns.includes(i.column)) columns.push(i.column);
  $("idea-columns").replaceChildren(...columns.map((c) => { const o = el("option"); o.value = c; return o; }));
  $("board").replaceChildren(...columns.map((col) => {
    const box = el("div", "column");
    box.dataset.column = col;
    box.append(el("h4", null, col));
    const here = ideas.filter((i) => i.column === col)
      .sort((a, b) => (b.votes - a.votes) || (a.idea_id - b.idea_id));
    for (const i of here) box.append(ideaCard(r, i, columns));
    if (!here.length) box.append(el("p", "muted small", "Nothing yet."));
    return box;
  }));
}

function ideaCard(r, i, columns) {
  const card = el("div", "idea");
  card.dataset.ideaId = i.idea_id;
  card.append(el("div", "text", i.text));
  card.append(el("div", "meta muted small", i.actor.display_name));
  const tools = el("div", "row");
  tools.append(el("span", "dots", `${"●".repeat(Math.min(i.votes, 20))} ${i.votes}`));
  if (i.voted_by_me) {
    tools.append(btn("− dot", () => send({ type: "idea.unvote", idea_id: i.idea_id }), "small on"));
  } else {
    const b = btn("+ dot", () => send({ type: "idea.vote", idea_id: i.idea_id }), "small secondary");
    b.disabled = r.dotsLeft <= 0;
    tools.append(b);
  }
  if (r.isMod || i.actor.user_id === r.me) {
    const move = el("select");
    move.setAttribute("aria-label", "Move to column");
    for (const c of columns) {
      const o = el("option", null, c);
      o.value = c;
      move.append(o);
    }
    move.value = i.column;
    move.addEventListener("change", () => send({ type: "idea.move", idea_id: i.idea_id, column: move.value }));
    tools.append(move, btn("Remove", () => send({ type: "idea.remove", idea_id: i.idea_id }), "small secondary"));
  }
  card.append(tools);
  return card;
}

// ---- room controls -------------------------------------------------------------------

function roomSubmit(id, handler) {
  $(id).addEventListener("submit", (ev) => {
    ev.preventDefault();
    if (!room) return;
    try { handler(ev.target); } catch (e) { notice(e.message); }
  });
}

roomSubmit("chat-form", (form) => {
  const text = form.elements.text.value.trim();
  if (!text) return;
  send({ type: "chat.send", text });
  form.reset();
});

roomSubmit("question-form", (form) => {
  const text = form.elements.text.value.trim();
  if (!text) return;
  send({ type: "question.ask", text });
  form.reset();
});

roomSubmit("idea-form", (form) => {
  const text = form.elements.text.value.trim();
  const column = form.elements.column.value.trim();
  if (!text) return;
  send(column ? { type: "idea.add", text, column } : { type: "idea.add", text });
  form.elements.text.value = "";
});

roomSubmit("poll-form", (form) => {
  const options = form.elements.options.value.split("\n").map((o) => o.trim()).filter(Boolean);
  if (options.length < 2 || options.length > 10) throw new Error("A poll needs 2 to 10 options.");
  send({
    type: "poll.create", question: form.elements.question.value.trim(), options,
    multiple: form.elements.multiple.checked, hide_results: form.elements.hide_results.checked,
  });
  form.reset();
});

roomSubmit("slow-form", (form) => {
  send({ type: "mod.slow", seconds: Number(form.elements.seconds.value || 0) });
});

$("hand-toggle").addEventListener("click", () => {
  if (!room) return;
  const raised = room.hands.some((h) => h.user_id === room.me);
  send(raised ? { type: "hand.lower" } : { type: "hand.raise" });
});
$("hands-clear").addEventListener("click", () => send({ type: "hand.clear" }));
$("mod-lock").addEventListener("click", () => { if (room) send({ type: "mod.lock", locked: !room.locked }); });
$("room-leave").addEventListener("click", () => { leaveRoom(); loadRooms(true); });

$("room-export").addEventListener("click", async () => {
  if (!room) return;
  const r = room;
  try {
    const res = await apiFetch("GET", `/rooms/${r.id}/export?format=md`);
    if (!res.ok) throw apiError(res, await res.json().catch(() => null));
    const blob = await res.blob();
    const url = URL.createObjectURL(blob);
    const a = el("a");
    a.href = url;
    a.download = `${(r.info.name || "room").replace(/[^\p{L}\p{N}]+/gu, "-").replace(/^-|-$/g, "") || "room"}.md`;
    document.body.append(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 30_000);
  } catch (e) { notice(`Export: ${e.message}`); }
});

// ---- events --------------------------------------------------------------------------

let eventCursor = null;

function when(at) {
  const d = new Date(at);
  return isNaN(d) ? "" : d.toLocaleString([], { dateStyle: "medium", timeStyle: "short" });
}

function eventItem(ev) {
  const item = el("li");
  item.id = `event-${ev.id}`;
  const name = el("span", "name", ev.title);
  const where = ev.location ? ` · ${ev.location}` : "";
  name.append(el("span", "muted small",
    ` ${when(ev.starts_at)} · ${ev.kind.replaceAll("_", " ")} · ${ev.mode.replace("_", " ")}${where}`));
  item.append(name, el("span", "badge", ev.status));
  if (ev.capacity) item.append(el("span", "badge", `${ev.seats_left} of ${ev.capacity} seats left`));
  if (ev.counts.waitlisted) item.append(el("span", "badge", `${ev.counts.waitlisted} waiting`));
  if (ev.cancel_reason) item.append(el("span", "muted small", ` Cancelled: ${ev.cancel_reason}`));
  const mine = ev.my_registration;
  if (mine) {
    item.append(el("span", "badge", mine.status === "waitlisted" ? `waitlist #${mine.position}` : "you have a seat"));
  }
  if (session && mine && ev.status !== "ended") {
    item.append(btn("Cancel registration", () => eventAction("DELETE", `/events/${ev.id}/registrations/me`)));
  } else if (session && !mine && ev.registration_open) {
    item.append(btn("Register", () => eventAction("POST", `/events/${ev.id}/registrations`)));
  }
  if (session && (ev.is_moderator || (mine && mine.status === "registered"))) {
    item.append(btn("Enter room", () => openRoom(ev.room_id).catch((e) => say(e.message))));
  }
  if (ev.online_url && /^https?:\/\//.test(ev.online_url)) {
    const a = el("a", "small", " online link");
    a.href = ev.online_url; a.rel = "noopener noreferrer"; a.target = "_blank";
    item.append(a);
  }
  const ics = el("a", "small", " .ics");
  ics.href = `/api/v1/events/${ev.id}.ics`;
  item.append(ics);
  return item;
}

async function eventAction(method, path) {
  try {
    const r = await api(method, path);
    if (r && r.status) say(r.status === "waitlisted" ? `On the waitlist, place ${r.position}.` : "You have a seat.", true);
    await loadEvents(true);
  } catch (e) { say(e.message); }
}

async function loadEvents(reset) {
  if (reset) eventCursor = null;
  // Events that have not ended yet, and those of the last day.
  const params = new URLSearchParams({ limit: "20", from: new Date(Date.now() - 86_400_000).toISOString() });
  if (eventCursor) params.set("cursor", eventCursor);
  try {
    const page = await api("GET", `/events?${params}`);
    const items = page.items.map(eventItem);
    if (reset) $("event-list").replaceChildren(...items);
    else $("event-list").append(...items);
    if (reset && !items.length) $("event-list").replaceChildren(li("No upcoming events."));
    eventCursor = page.next_cursor;
    $("more-events").hidden = !eventCursor;
    await showLinkedEvent();
  } catch (e) { say(e.message); }
}

// Calendar entries link to `#/events/<id>`: show that event even if it is not on this page.
async function showLinkedEvent() {
  const m = location.hash.match(/^#\/events\/([0-9a-f-]{36})$/);
  if (!m) return;
  let node = $(`event-${m[1]}`);
  if (!node) {
    try {
      node = eventItem(await api("GET", `/events/${m[1]}`));
      $("event-list").prepend(node);
    } catch (e) { say(e.message); return; }
  }
  node.classList.add("linked");
  node.scrollIntoView({ block: "center" });
}

$("more-events").addEventListener("click", () => loadEvents(false));
window.addEventListener("hashchange", () => showLinkedEvent());
$("calendar-token").addEventListener("click", async () => {
  try {
    const r = await api("POST", "/me/calendar-token");
    $("calendar-url").textContent = r.url;
    say("Add this address to your calendar app; it replaces any earlier one.", true);
  } catch (e) { say(e.message); }
});

showMe();
