// Moderation: lock, slow mode, and the removed people (let back in). Muting and removing
// are on the people list; deleting others' messages in each message's actions.

import { $, h, t, refusal } from "./render.js";

let room;
let state;

export function init(r) {
  room = r;
  state = r.state;
  state.on("state", render);
  state.on("controls", render);
  state.on("people", render);
  $("live-lock").addEventListener("click", () => act({ type: "mod.lock", locked: !state.locked }));
  $("live-slow-form").addEventListener("submit", (ev) => {
    ev.preventDefault();
    act({ type: "mod.slow", seconds: Number($("live-slow").value) });
  });
}

async function act(frame) {
  const { done } = room.send(frame);
  const a = await done;
  if (!a.ok) $("live-kicked").before(h("p", { class: "live-form-state", role: "status" }, refusal(a, state)));
}

function render() {
  for (const el of document.querySelectorAll("[data-mod]")) el.hidden = !state.isMod;
  const can = room.canAct();
  const lock = $("live-lock");
  lock.setAttribute("aria-pressed", state.locked ? "true" : "false");
  lock.textContent = state.locked ? t("room-mod-unlock") : t("room-mod-lock");
  lock.disabled = !can;
  $("live-slow").disabled = !can;
  $("live-slow-form").querySelector("button").disabled = !can;
  if (document.activeElement !== $("live-slow")) {
    const sel = $("live-slow");
    if (![...sel.options].some((o) => Number(o.value) === state.slow)) {
      sel.append(h("option", { value: state.slow }, t("room-mod-slow-seconds", { seconds: state.slow })));
    }
    sel.value = String(state.slow);
  }
  const list = $("live-kicked");
  list.replaceChildren();
  for (const [id, name] of state.kicked) {
    list.append(h("li", {}, name || t("room-someone"), " ", h("button", {
      type: "button", disabled: !can, "aria-label": t("room-mod-unkick-who", { name }),
      onclick: () => act({ type: "mod.unkick", user_id: id }),
    }, t("room-mod-unkick"))));
  }
  if (!state.kicked.size) list.append(h("li", { class: "meta" }, t("room-mod-removed-none")));
}
