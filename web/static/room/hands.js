// The raised-hands queue.

import { $, h, t, refusal, clock } from "./render.js";

let room;
let state;

export function init(r) {
  room = r;
  state = r.state;
  state.on("hands", render);
  state.on("state", render);
  state.on("controls", render);
  $("live-hand").addEventListener("click", () => {
    const raised = state.hands.some((x) => x.user_id === state.me);
    act(raised ? { type: "hand.lower", user_id: state.me } : { type: "hand.raise" });
  });
  $("live-hands-clear").addEventListener("click", () => act({ type: "hand.clear" }));
}

async function act(frame) {
  const { done } = room.send(frame);
  const a = await done;
  if (!a.ok) $("live-hands").after(h("p", { class: "live-form-state", role: "status" }, refusal(a, state)));
}

function render() {
  const list = $("live-hands");
  list.replaceChildren();
  for (const x of state.hands) {
    const li = h("li", {}, x.display_name, " ", h("time", { class: "meta", datetime: x.raised_at }, clock(x.raised_at)));
    if (state.isMod && x.user_id !== state.me) {
      li.append(" ", h("button", {
        type: "button", disabled: !room.canAct(),
        "aria-label": t("room-hand-lower-for", { name: x.display_name }),
        onclick: () => act({ type: "hand.lower", user_id: x.user_id }),
      }, t("room-hand-lower-other")));
    }
    list.append(li);
  }
  if (!state.hands.length) list.append(h("li", { class: "meta" }, t("room-hands-none")));
  const raised = state.hands.some((x) => x.user_id === state.me);
  const btn = $("live-hand");
  btn.textContent = raised ? t("room-hand-lower") : t("room-hand-raise");
  btn.setAttribute("aria-pressed", raised ? "true" : "false");
  btn.disabled = !room.canAct();
  const clear = $("live-hands-clear");
  clear.hidden = !state.isMod;
  clear.disabled = !room.canAct() || !state.hands.length;
}
