// The idea board: ideas by column, a dot per idea (a budget per person), authors and
// moderators remove ideas.

import { $, h, t, tp, number, refusal } from "./render.js";

let room;
let state;

export function init(r) {
  room = r;
  state = r.state;
  state.on("ideas", render);
  state.on("state", render);
  state.on("controls", render);
  const form = $("live-idea-form");
  form.addEventListener("submit", async (ev) => {
    ev.preventDefault();
    const area = $("live-idea-text");
    const text = area.value.trim();
    const column = $("live-idea-column").value.trim();
    const out = form.querySelector(".live-form-state");
    if (!text) return;
    const frame = { type: "idea.add", text };
    if (column) frame.column = column;
    const { done } = room.send(frame);
    const a = await done;
    if (a.ok) { if (area.value.trim() === text) area.value = ""; out.textContent = ""; } else out.textContent = refusal(a, state);
  });
}

export function columns(ideas) {
  const cols = new Map();
  for (const i of ideas.values()) {
    if (!cols.has(i.column)) cols.set(i.column, []);
    cols.get(i.column).push(i);
  }
  return cols;
}

function card(i, out) {
  const can = room.canAct();
  const mine = i.actor && i.actor.user_id === state.me;
  const li = h("li", { class: "live-idea" },
    h("p", {}, i.text),
    h("p", { class: "meta" }, t("room-idea-by", { name: i.actor ? i.actor.display_name : t("room-someone") }), " · ", tp("room-idea-dots", i.votes)));
  const actions = h("p", { class: "actions" });
  if (i.voted_by_me) {
    actions.append(h("button", { type: "button", "aria-pressed": "true", disabled: !can, onclick: () => act({ type: "idea.unvote", idea_id: i.idea_id }, out) }, t("room-idea-unvote")));
  } else {
    actions.append(h("button", { type: "button", "aria-pressed": "false", disabled: !can || state.dotsLeft <= 0, onclick: () => act({ type: "idea.vote", idea_id: i.idea_id }, out) }, t("room-idea-vote")));
  }
  if (mine || state.isMod) {
    actions.append(" ", h("button", { type: "button", class: "danger", disabled: !can, onclick: () => act({ type: "idea.remove", idea_id: i.idea_id }, out) }, t("room-idea-remove")));
  }
  li.append(actions);
  const elsewhere = [...columns(state.ideas).keys()].filter((c) => c !== i.column);
  if ((mine || state.isMod) && elsewhere.length) li.append(mover(i, elsewhere, can, out));
  return li;
}

// Moving an idea to another column (its author or a moderator): a select and a button,
// so that it works with a keyboard and on touch, not only by dragging.
function mover(i, elsewhere, can, out) {
  const id = `live-idea-move-${i.idea_id}`;
  const select = h("select", { id, disabled: !can }, elsewhere.map((c) => h("option", { value: c }, c)));
  return h("form", {
    class: "live-idea-move",
    onsubmit: (ev) => {
      ev.preventDefault();
      act({ type: "idea.move", idea_id: i.idea_id, column: select.value }, out);
    },
  },
  h("label", { for: id }, t("room-idea-move-to")), " ", select, " ",
  h("button", { type: "submit", disabled: !can }, t("room-idea-move")));
}

async function act(frame, out) {
  const { done } = room.send(frame);
  const a = await done;
  if (!a.ok) out.textContent = refusal(a, state);
}

function render() {
  const box = $("live-ideas");
  const focusText = box.contains(document.activeElement) ? document.activeElement.textContent : null;
  const out = h("p", { class: "live-form-state", "aria-live": "polite" });
  box.replaceChildren();
  const cols = columns(state.ideas);
  const datalist = $("live-columns");
  datalist.replaceChildren(...[...cols.keys()].map((c) => h("option", { value: c })));
  for (const [name, ideas] of cols) {
    box.append(h("section", { class: "live-column", "aria-label": t("room-idea-column-named", { name }) },
      h("h3", {}, name),
      h("ul", { class: "live-list" }, ideas.map((i) => card(i, out)))));
  }
  if (!cols.size) box.append(h("p", { class: "meta" }, t("room-ideas-none")));
  box.append(out);
  $("live-dots").textContent = t("room-idea-dots-left", { left: number(state.dotsLeft), budget: number(state.dotBudget) });
  const form = $("live-idea-form");
  for (const el of form.elements) el.disabled = !room.canPost();
  if (focusText) { const b = [...box.querySelectorAll("button")].find((x) => x.textContent === focusText); if (b) b.focus(); }
}
