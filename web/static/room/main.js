// The live room: boot data from the page, strings, history, the socket, and the panels.
// Modules import each other relatively; only this one carries the content hash in its
// address, the others are served with `no-cache` and an ETag, so a changed module is
// fetched again and an unchanged one costs a 304.

import { $, clock, loadStrings, t } from "./render.js";
import { Connection } from "./connection.js";
import { RoomState } from "./state.js";
import * as chat from "./chat.js";
import * as hands from "./hands.js";
import * as polls from "./polls.js";
import * as questions from "./questions.js";
import * as ideas from "./ideas.js";
import * as people from "./people.js";
import * as moderation from "./moderation.js";
import * as documents from "./documents.js";
import * as keyboard from "./keyboard.js";

const HISTORY_EVENTS = 500;

const boot = JSON.parse($("room-boot").textContent);
const state = new RoomState(boot.me.id);
state.isMod = !!boot.is_moderator;

const room = {
  boot,
  state,
  conn: null,
  loaded: false,
  canAct() {
    return !!(this.conn && this.conn.open) && !state.closed && !state.stopped;
  },
  canPost() {
    return this.canAct() && this.mayPost();
  },
  // Posting is allowed, connected or not: while the socket is down, what is sent waits
  // in the outbox.
  mayPost() {
    return !!this.conn && !state.closed && !state.stopped && (state.isMod || (!state.locked && !state.isMuted()));
  },
  // Why posting is not possible now, in words (or "").
  postBlock() {
    if (state.stopped || state.closed) return "";
    if (state.isMod) return "";
    if (state.locked) return t("room-composer-locked");
    if (state.isMuted()) return t("room-composer-muted", { time: clock(state.mutedUntil) });
    return "";
  },
  send(frame) {
    return this.conn.send(frame);
  },
  refresh() {
    state.emit("controls");
  },
};

function setStatus(kind, detail) {
  const el = $("live-status");
  let text;
  switch (kind) {
    case "connecting": text = t("room-status-connecting"); break;
    case "reconnecting-now": text = t("room-status-reconnecting-now"); break;
    case "connected": text = t("room-status-connected"); break;
    case "resumed": text = t("room-status-resumed"); break;
    case "reconnecting": text = t("room-status-reconnecting", { seconds: detail }); break;
    case "closed": text = t("room-status-closed"); break;
    case "kicked": text = t("room-status-kicked"); break;
    case "forbidden": text = t("room-status-forbidden"); break;
    case "session": text = t("room-status-session"); break;
    default: text = t("room-status-broken"); break;
  }
  if (state.closed && (kind === "connected" || kind === "resumed")) { kind = "closed"; text = t("room-status-closed"); }
  el.dataset.state = kind;
  el.textContent = text;
}

function onFrame(f) {
  switch (f.type) {
    case "welcome":
      state.welcome(f);
      break;
    case "presence": state.presence(f); break;
    case "poll.results": state.results(f); break;
    case "role":
      state.isMod = !!f.moderator;
      state.emit("state");
      break;
    case "resync_required":
      resync(f.last_seq);
      break;
    case "error":
      if (f.code === "rate_limited") chat.notice(t("room-refused-rate-limited"));
      break;
    default:
      if (typeof f.seq === "number" && resyncing) {
        resyncing.push(f);
      } else if (typeof f.seq === "number") {
        state.event(f, room.loaded);
        if (f.type === "room.closed") setStatus("closed");
      }
  }
  if (f.type === "welcome") room.refresh();
}

function onStop(reason) {
  state.stopped = reason;
  setStatus(reason);
  room.refresh();
  if (reason === "session") {
    location.assign(`/sign-in?next=${encodeURIComponent(location.pathname)}`);
  }
}

// More than the socket resumes was missed: the log up to `upTo` comes over REST, and the
// live events that arrive meanwhile wait, so that none is skipped or applied twice.
let resyncing = null;

async function resync(upTo) {
  if (resyncing) return;
  resyncing = [];
  try {
    await loadHistory(state.chatSeq, upTo);
  } catch (e) { /* what could not be read stays missing; the live events go on */ }
  const waiting = resyncing;
  resyncing = null;
  for (const e of waiting) onFrame(e);
}

async function loadHistory(after, upTo) {
  const token = await room.conn.accessToken();
  if (!token) return;
  let from = after;
  for (let pages = 0; pages < 50; pages++) {
    const res = await fetch(`/api/v1/rooms/${boot.room_id}/events?after_seq=${from}&limit=1000`, {
      headers: { Authorization: `Bearer ${token}` },
    });
    if (!res.ok) break;
    const page = await res.json();
    for (const e of page.items) state.event(e, false);
    if (page.next_after_seq === null || page.next_after_seq === undefined) break;
    if (upTo !== undefined && page.next_after_seq >= upTo) break;
    from = page.next_after_seq;
  }
}

async function start() {
  await loadStrings(boot.strings, boot.locale, boot.timezone);
  room.conn = new Connection({
    roomId: boot.room_id,
    wsPath: boot.ws_path,
    afterSeq: () => state.chatSeq,
    onFrame,
    onStatus: setStatus,
    onStop,
  });
  for (const m of [chat, hands, polls, questions, ideas, people, moderation, documents, keyboard]) m.init(room);
  state.on("state", () => room.refresh());
  state.on("controls", () => {
    const s = $("live-status");
    if (state.closed && s.dataset.state !== "closed" && !state.stopped) setStatus("closed");
  });
  $("live-title").focus();
  try {
    await loadHistory(Math.max(0, boot.last_seq - HISTORY_EVENTS));
  } catch (e) { /* the socket's resume still brings what is new */ }
  room.loaded = true;
  // "No messages yet" holds only until the first one arrives, from history or live.
  const hadHistory = state.messages.size > 0;
  const historyState = () => {
    const line = $("live-history-state");
    if (hadHistory) line.textContent = t("room-chat-history-loaded");
    else if (state.messages.size) line.textContent = "";
    else line.textContent = t("room-chat-empty");
  };
  historyState();
  state.on("message", historyState);
  state.on("state", historyState);
  chat.scrollToEnd();
  room.conn.connect();
}

start();
