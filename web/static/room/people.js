// Who is here; moderators mute and remove participants from this list.

import { $, h, t, tp, clock, refusal } from "./render.js";

const MUTE_MINUTES = 10;

let room;
let state;

export function init(r) {
  room = r;
  state = r.state;
  state.on("people", render);
  state.on("state", render);
  state.on("controls", render);
}

async function act(frame, out) {
  const { done } = room.send(frame);
  const a = await done;
  out.textContent = a.ok ? "" : refusal(a, state);
}

function render() {
  const list = $("live-people");
  const out = h("p", { class: "live-form-state", "aria-live": "polite" });
  const focusText = list.contains(document.activeElement) ? document.activeElement.getAttribute("aria-label") : null;
  list.replaceChildren();
  const can = room.canAct();
  const people = [...state.present].sort((a, b) => a[1].localeCompare(b[1]));
  for (const [id, name] of people) {
    const until = state.muted.get(id);
    const muted = until && new Date(until) > new Date();
    const li = h("li", {}, name, id === state.me ? h("span", { class: "meta" }, ` (${t("room-people-you")})`) : null,
      muted ? [" ", h("span", { class: "badge" }, t("room-people-muted-until", { time: clock(until) }))] : null);
    if (state.isMod && id !== state.me) {
      li.append(" ",
        h("button", {
          type: "button", disabled: !can, "aria-label": muted ? t("room-mod-unmute-who", { name }) : t("room-mod-mute-who", { name, minutes: MUTE_MINUTES }),
          onclick: () => act({ type: "mod.mute", user_id: id, minutes: muted ? 0 : MUTE_MINUTES }, out),
        }, muted ? t("room-mod-unmute") : t("room-mod-mute", { minutes: MUTE_MINUTES })),
        " ",
        h("button", {
          type: "button", class: "danger", disabled: !can, "aria-label": t("room-mod-kick-who", { name }),
          onclick: () => act({ type: "mod.kick", user_id: id }, out),
        }, t("room-mod-kick")));
    }
    list.append(li);
  }
  list.after(out);
  const old = list.parentElement.querySelectorAll(".live-form-state");
  for (const o of old) if (o !== out) o.remove();
  $("live-people-count").textContent = tp("room-people-count", state.presentCount || people.length);
  if (focusText) { const b = [...list.querySelectorAll("button")].find((x) => x.getAttribute("aria-label") === focusText); if (b) b.focus(); }
}
