// Questions: ask, upvote (toggles); moderators answer, pin and hide. Pinned first, then by votes.

import { $, h, t, tp, refusal } from "./render.js";

let room;
let state;

export function init(r) {
  room = r;
  state = r.state;
  state.on("questions", render);
  state.on("state", render);
  state.on("controls", render);
  const form = $("live-question-form");
  form.addEventListener("submit", async (ev) => {
    ev.preventDefault();
    const area = $("live-question-text");
    const text = area.value.trim();
    const out = form.querySelector(".live-form-state");
    if (!text) return;
    const { done } = room.send({ type: "question.ask", text });
    const a = await done;
    if (a.ok) { if (area.value.trim() === text) area.value = ""; out.textContent = ""; } else out.textContent = refusal(a, state);
  });
}

export function ordered(all, withHidden) {
  return [...all.values()]
    .filter((q) => withHidden || !q.hidden)
    .sort((a, b) => (b.pinned - a.pinned) || (b.votes - a.votes) || (a.question_id - b.question_id));
}

async function act(frame, out) {
  const { done } = room.send(frame);
  const a = await done;
  if (!a.ok && out) out.textContent = refusal(a, state);
}

function item(q) {
  const out = h("p", { class: "live-form-state", "aria-live": "polite" });
  const can = room.canAct();
  const li = h("li", { class: "live-question" },
    h("p", {}, q.hidden && !q.text ? h("em", {}, t("room-question-hidden-text")) : q.text),
    h("p", { class: "meta" },
      t("room-question-by", { name: q.actor ? q.actor.display_name : t("room-someone") }), " · ",
      tp("room-question-votes", q.votes),
      q.answered ? [" ", h("span", { class: "badge" }, t("room-question-answered"))] : null,
      q.pinned ? [" ", h("span", { class: "badge" }, t("room-question-pinned"))] : null,
      q.hidden ? [" ", h("span", { class: "badge" }, t("room-question-hidden"))] : null));
  const actions = h("p", { class: "actions" },
    h("button", {
      type: "button", "aria-pressed": q.upvoted_by_me ? "true" : "false", disabled: !can || (q.hidden && !state.isMod),
      onclick: () => act({ type: "question.upvote", question_id: q.question_id }, out),
    }, t("room-question-upvote")));
  if (state.isMod) {
    actions.append(" ",
      h("button", { type: "button", "aria-pressed": q.answered ? "true" : "false", disabled: !can, onclick: () => act({ type: "question.answer", question_id: q.question_id, answered: !q.answered }, out) }, t("room-question-mark-answered")),
      " ",
      h("button", { type: "button", "aria-pressed": q.pinned ? "true" : "false", disabled: !can, onclick: () => act({ type: "question.pin", question_id: q.question_id, pinned: !q.pinned }, out) }, t("room-question-pin")),
      " ",
      h("button", { type: "button", "aria-pressed": q.hidden ? "true" : "false", disabled: !can, onclick: () => act({ type: "question.hide", question_id: q.question_id, hidden: !q.hidden }, out) }, t("room-question-hide")));
  }
  li.append(actions, out);
  return li;
}

function render() {
  const list = $("live-questions");
  const focused = list.contains(document.activeElement) ? [...list.querySelectorAll("button")].indexOf(document.activeElement) : -1;
  list.replaceChildren(...ordered(state.questions, state.isMod).map(item));
  if (!state.questions.size) list.append(h("li", { class: "meta" }, t("room-questions-none")));
  if (focused >= 0) { const b = list.querySelectorAll("button")[focused]; if (b) b.focus(); }
  const can = room.canPost();
  const form = $("live-question-form");
  for (const el of form.elements) el.disabled = !can;
}
