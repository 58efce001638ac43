// The projector view: the same socket and state, read-only; polls as bars, the top
// questions by votes, the idea board by columns with its dots.

import { $, h, t, tp, loadStrings } from "./render.js";
import { Connection } from "./connection.js";
import { RoomState } from "./state.js";
import { bars } from "./polls.js";
import { ordered } from "./questions.js";
import { columns } from "./ideas.js";

const TOP_QUESTIONS = 5;

const boot = JSON.parse($("room-boot").textContent);
const state = new RoomState(boot.me.id);

function status(kind, detail) {
  const el = $("live-status");
  const key = {
    connecting: "room-status-connecting", "reconnecting-now": "room-status-reconnecting-now",
    connected: "room-status-connected", resumed: "room-status-resumed", reconnecting: "room-status-reconnecting",
    kicked: "room-status-kicked", forbidden: "room-status-forbidden", session: "room-status-session",
  }[kind] || "room-status-broken";
  el.dataset.state = state.closed ? "closed" : kind;
  el.textContent = state.closed ? t("room-status-closed") : t(key, { seconds: detail });
}

function render() {
  const polls = [...state.polls.values()].reverse();
  $("present-polls").replaceChildren(...polls.slice(0, 2).map((p) => h("article", { class: "present-poll" },
    h("h3", {}, p.question), p.closed ? h("p", {}, h("span", { class: "badge" }, t("room-poll-closed"))) : null, bars(p, true))));
  if (!polls.length) $("present-polls").append(h("p", { class: "meta" }, t("room-polls-none")));
  const qs = ordered(state.questions, false).slice(0, TOP_QUESTIONS);
  $("present-questions").replaceChildren(...qs.map((q) => h("li", {},
    h("span", { class: "present-votes" }, tp("room-question-votes", q.votes)), " ", q.text,
    q.answered ? [" ", h("span", { class: "badge" }, t("room-question-answered"))] : null)));
  if (!qs.length) $("present-questions").append(h("li", { class: "meta" }, t("room-questions-none")));
  const cols = columns(state.ideas);
  $("present-ideas").replaceChildren(...[...cols].map(([name, ideas]) => h("section", { class: "live-column", "aria-label": t("room-idea-column-named", { name }) },
    h("h3", {}, name),
    h("ul", { class: "live-list" }, [...ideas].sort((a, b) => b.votes - a.votes).map((i) => h("li", { class: "live-idea" },
      h("p", {}, i.text), h("p", { class: "present-dots" }, tp("room-idea-dots", i.votes))))))));
  if (!cols.size) $("present-ideas").append(h("p", { class: "meta" }, t("room-ideas-none")));
}

async function start() {
  await loadStrings(boot.strings, boot.locale, boot.timezone);
  for (const topic of ["state", "polls", "questions", "ideas"]) state.on(topic, render);
  const conn = new Connection({
    roomId: `${boot.room_id}-present`,
    wsPath: boot.ws_path,
    // Only the state matters here: no history to resume.
    afterSeq: () => null,
    onFrame: (f) => {
      if (f.type === "welcome") state.welcome(f);
      else if (f.type === "poll.results") state.results(f);
      else if (f.type === "role") state.isMod = !!f.moderator;
      else if (typeof f.seq === "number") state.event(f, true);
    },
    onStatus: status,
    onStop: (reason) => status(reason),
  });
  $("live-title").focus();
  conn.connect();
}

start();
