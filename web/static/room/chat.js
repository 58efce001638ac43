// The chat: the log (history outside any live region), a separate polite announcer for new
// messages (at most one announcement per 2 s), the composer, and per message a "Message
// actions" button that is always there: reply and edit in inline forms, react, delete.

import { $, h, t, tp, clock, refusal } from "./render.js";
import { fileCard } from "./documents.js";

const EMOJIS = ["👍", "❤️", "🎉", "👏", "😮", "🤔"];
const ANNOUNCE_EVERY_MS = 2000;
const QUOTE_CHARS = 80;

let room;
let state;
let list;
const nodes = new Map();
let pending = [];
let announceTimer = null;
let lastAnnounce = 0;

export function init(r) {
  room = r;
  state = r.state;
  list = $("live-messages");
  state.on("message", ({ m, added, live, mine }) => {
    render(m);
    if (added && live && !m.system && !mine) announce(m);
    if (added) scrollIfNear();
  });
  state.on("state", () => { for (const m of state.messages.values()) render(m); controls(); });
  state.on("controls", controls);
  $("live-composer").addEventListener("submit", (ev) => {
    ev.preventDefault();
    sendComposer();
  });
  $("live-text").addEventListener("keydown", (ev) => {
    if (ev.key === "Enter" && !ev.shiftKey && !ev.isComposing) {
      ev.preventDefault();
      sendComposer();
    }
  });
}

export function notice(text) {
  $("live-composer-state").textContent = text;
}

function controls() {
  const can = room.canPost();
  $("live-text").disabled = !room.mayPost();
  $("live-send").disabled = !room.mayPost();
  $("live-file").disabled = !can;
  const why = state.closed ? t("room-composer-closed") : state.stopped ? "" : room.postBlock();
  const box = $("live-composer-state");
  if (why) box.textContent = why;
  else if (box.dataset.block) box.textContent = "";
  box.dataset.block = why ? "1" : "";
  for (const el of list.querySelectorAll("[data-post]")) el.disabled = !can;
  for (const el of list.querySelectorAll("[data-act]")) el.disabled = !room.canAct();
}

export function scrollToEnd() {
  list.scrollTop = list.scrollHeight;
}

function scrollIfNear() {
  if (list.scrollHeight - list.scrollTop - list.clientHeight < 120 || !room.loaded) scrollToEnd();
}

function announce(m) {
  pending.push(m);
  const wait = Math.max(0, lastAnnounce + ANNOUNCE_EVERY_MS - Date.now());
  if (announceTimer) return;
  announceTimer = setTimeout(() => {
    announceTimer = null;
    lastAnnounce = Date.now();
    const box = $("live-announcer");
    box.textContent = pending.length === 1
      ? t("room-announce-one", { name: pending[0].actor.display_name, text: pending[0].text.slice(0, 140) })
      : tp("room-announce-many", pending.length);
    pending = [];
  }, wait);
}

async function sendComposer() {
  const box = $("live-text");
  const text = box.value.trim();
  const file = $("live-file").files[0];
  if (!text && !file) return;
  if (!room.mayPost() || (file && !room.canPost())) { notice(room.postBlock() || refusal({ code: "offline" }, state)); return; }
  let documentId = null;
  if (file) {
    notice(t("room-file-uploading"));
    const doc = await import("./documents.js").then((d) => d.upload(file));
    if (!doc.ok) { notice(doc.message); return; }
    documentId = doc.id;
    $("live-file").value = "";
  }
  const frame = { type: "chat.send", text: text || file.name };
  if (documentId) frame.document_id = documentId;
  const { queued, done } = room.send(frame);
  if (queued) { box.value = ""; notice(t("room-composer-queued")); }
  else notice("");
  const answer = await done;
  if (answer.ok) {
    if (box.value.trim() === text) box.value = "";
    if (!box.dataset.block) notice("");
  } else {
    if (!box.value) box.value = text;
    notice(refusal(answer, state));
  }
}

// Sends an action from a message's tools; a refusal is said next to the composer.
async function act(frame) {
  const { done } = room.send(frame);
  const answer = await done;
  if (!answer.ok) notice(refusal(answer, state));
  return answer;
}

function systemText(e) {
  const who = e.actor.display_name || t("room-someone");
  const whom = state.nameOf(e.user_id) || t("room-someone");
  switch (e.type) {
    case "poll.created": return t("room-log-poll-created", { name: who, question: e.question });
    case "poll.closed": return t("room-log-poll-closed", { name: who });
    case "room.locked": return e.locked ? t("room-log-locked", { name: who }) : t("room-log-unlocked", { name: who });
    case "room.closed": return t("room-log-closed");
    case "room.slow_mode": return e.seconds ? t("room-log-slow-on", { name: who, seconds: e.seconds }) : t("room-log-slow-off", { name: who });
    case "user.muted": return e.until ? t("room-log-muted", { name: who, person: whom, time: clock(e.until) }) : t("room-log-unmuted", { name: who, person: whom });
    case "user.kicked": return t("room-log-kicked", { name: who, person: whom });
    case "user.unkicked": return t("room-log-unkicked", { name: who, person: whom });
    default: return "";
  }
}

function render(m) {
  const old = nodes.get(m.seq);
  const node = m.system
    ? h("li", { class: "live-system", id: `live-m-${m.seq}` }, h("p", {}, systemText(m.event)))
    : message(m);
  nodes.set(m.seq, node);
  if (old) {
    // An open reply or edit form, and an open tools menu, survive a re-render.
    const form = old.querySelector(".live-inline");
    if (form && !m.deleted) node.append(form);
    const toggle = old.querySelector(".live-tools-toggle[aria-expanded=true]");
    const hadFocus = old.contains(document.activeElement) && !form?.contains(document.activeElement);
    old.replaceWith(node);
    if (toggle && !m.deleted) {
      const t2 = node.querySelector(".live-tools-toggle");
      t2.setAttribute("aria-expanded", "true");
      node.querySelector(".live-tools-menu").hidden = false;
    }
    if (hadFocus) { const f = node.querySelector(".live-tools-toggle"); if (f) f.focus(); }
    return;
  }
  // Keep seq order: most arrive at the end.
  let after = null;
  for (const [seq, n] of nodes) if (seq > m.seq && n.isConnected && (!after || seq < Number(after.dataset.seq))) after = n;
  node.dataset.seq = m.seq;
  if (after) list.insertBefore(node, after); else list.append(node);
}

function message(m) {
  const mine = m.actor.user_id === state.me;
  const li = h("li", { class: mine ? "live-msg mine" : "live-msg", id: `live-m-${m.seq}`, "data-seq": m.seq });
  li.append(h("p", { class: "live-msg-head" },
    h("strong", {}, m.actor.display_name || t("room-someone")), " ",
    h("time", { datetime: m.at }, clock(m.at)),
    m.edited && !m.deleted ? h("span", { class: "meta" }, ` · ${t("room-msg-edited")}`) : null));
  if (m.deleted) {
    li.append(h("p", { class: "meta" }, t("room-msg-deleted")));
    return li;
  }
  const lines = m.text.split("\n");
  if (lines[0].startsWith("> ") && lines.length > 1) {
    li.append(h("p", { class: "live-quote" }, lines[0].slice(2)));
    li.append(h("p", { class: "live-text" }, lines.slice(1).join("\n")));
  } else {
    li.append(h("p", { class: "live-text" }, m.text));
  }
  if (m.document) li.append(fileCard(m.document));
  if (m.reactions.size) {
    const rx = h("p", { class: "live-reactions" });
    for (const [emoji, r] of m.reactions) {
      rx.append(h("button", {
        type: "button", class: "live-reaction", "aria-pressed": r.mine ? "true" : "false", "data-post": true,
        "aria-label": tp("room-reaction-count", r.count, { emoji }), disabled: !room.canPost(),
        onclick: () => act({ type: "react", seq: m.seq, emoji }),
      }, `${emoji} ${r.count}`));
    }
    li.append(rx);
  }
  li.append(tools(m, mine));
  return li;
}

function tools(m, mine) {
  const menuId = `live-tools-${m.seq}`;
  const wrap = h("div", { class: "live-tools" });
  const toggle = h("button", {
    type: "button", class: "live-tools-toggle", "aria-expanded": "false", "aria-controls": menuId,
    "aria-label": t("room-msg-actions-for", { name: m.actor.display_name }),
  }, t("room-msg-actions"));
  const menu = h("div", { id: menuId, class: "live-tools-menu", hidden: true });
  toggle.addEventListener("click", () => {
    const open = toggle.getAttribute("aria-expanded") !== "true";
    toggle.setAttribute("aria-expanded", String(open));
    menu.hidden = !open;
    if (open) { const first = menu.querySelector("button:not([disabled])"); if (first) first.focus(); }
  });
  menu.addEventListener("keydown", (ev) => {
    if (ev.key === "Escape") { toggle.click(); toggle.focus(); }
  });
  menu.append(h("button", { type: "button", "data-post": true, disabled: !room.canPost(), onclick: () => inlineForm(m, "reply") }, t("room-msg-reply")));
  for (const emoji of EMOJIS) {
    menu.append(h("button", {
      type: "button", class: "live-emoji", "data-post": true, disabled: !room.canPost(),
      "aria-label": t("room-msg-react-with", { emoji }),
      onclick: () => act({ type: "react", seq: m.seq, emoji }),
    }, emoji));
  }
  if (mine && !state.isMod) menu.append(h("button", { type: "button", "data-post": true, disabled: !room.canPost(), onclick: () => inlineForm(m, "edit") }, t("room-msg-edit")));
  if (mine || state.isMod) {
    menu.append(h("button", {
      type: "button", class: "danger", "data-act": true, disabled: !room.canAct(),
      onclick: () => askBeforeDeleting(m, menu),
    }, t("room-msg-delete")));
  }
  wrap.append(toggle, menu);
  return wrap;
}

// Deleting asks again in place, not in a browser dialog: a second button does it.
function askBeforeDeleting(m, menu) {
  if (menu.querySelector(".live-confirm")) return;
  const box = h("p", { class: "live-confirm" }, t("room-msg-delete-confirm"), " ");
  const yes = h("button", { type: "button", class: "danger", onclick: () => act({ type: "chat.delete", seq: m.seq }) }, t("room-msg-delete-yes"));
  const no = h("button", { type: "button", onclick: () => box.remove() }, t("room-cancel"));
  box.append(yes, " ", no);
  menu.append(box);
  yes.focus();
}

function inlineForm(m, kind) {
  const li = nodes.get(m.seq);
  if (!li || li.querySelector(".live-inline")) return;
  const id = `live-${kind}-${m.seq}`;
  const area = h("textarea", { id, rows: 2, maxlength: 4000 });
  if (kind === "edit") area.value = m.text;
  const state_ = h("p", { class: "live-form-state", "aria-live": "polite" });
  const form = h("form", { class: "live-inline" },
    h("label", { for: id }, kind === "edit" ? t("room-msg-edit-label") : t("room-msg-reply-label", { name: m.actor.display_name })),
    area, state_,
    h("p", { class: "actions" },
      h("button", { type: "submit", class: "primary" }, kind === "edit" ? t("room-msg-save") : t("room-composer-send")),
      " ",
      h("button", { type: "button", onclick: () => { form.remove(); li.querySelector(".live-tools-toggle").focus(); } }, t("room-cancel"))));
  form.addEventListener("submit", async (ev) => {
    ev.preventDefault();
    const text = area.value.trim();
    if (!text) return;
    const frame = kind === "edit"
      ? { type: "chat.edit", seq: m.seq, text }
      : { type: "chat.send", text: `> ${m.actor.display_name}: ${m.text.split("\n").pop().slice(0, QUOTE_CHARS)}\n${text}` };
    const { done } = room.send(frame);
    const answer = await done;
    if (answer.ok) { form.remove(); $("live-text").focus(); } else state_.textContent = refusal(answer, state);
  });
  li.append(form);
  area.focus();
}
