// The correction form of an incident page (editors): POST /api/v1/incidents/{id}/corrections with
// the editor's token as "Authorization: Bearer". The token is kept for this tab only
// (sessionStorage), never in a cookie.
import {API, TOKEN_KEY as TOKEN, h, clear, append} from "./dom.js";

const FIELDS = {
  killed: "figure", wounded: "figure", date: "date", place: "text", event_type: "text", actor: "text",
};

export function correctionForm(inc, reload) {
  const field = h("select", {name: "field", id: "fix-field"},
    Object.keys(FIELDS).map((f) => h("option", {value: f}, f.replace("_", " "))));
  const low = h("input", {type: "number", min: "0", name: "low", inputmode: "numeric"});
  const best = h("input", {type: "number", min: "0", name: "best", inputmode: "numeric"});
  const high = h("input", {type: "number", min: "0", name: "high", inputmode: "numeric"});
  const start = h("input", {type: "date", name: "start"});
  const end = h("input", {type: "date", name: "end"});
  const text = h("input", {type: "text", name: "value", maxlength: "300"});
  const reason = h("textarea", {name: "reason", rows: "2", required: true, maxlength: "2000"});
  const token = h("input", {type: "password", name: "token", autocomplete: "off", placeholder: "from `ceasefire user add`"});
  token.value = sessionStorage.getItem(TOKEN) || "";
  const result = h("p", {class: "status", role: "status", "aria-live": "polite"});
  const groups = {
    figure: h("div", {class: "wide pair3"}, h("label", {}, "low", low), h("label", {}, "best", best), h("label", {}, "high", high)),
    date: h("div", {class: "wide pair3"}, h("label", {}, "start", start), h("label", {}, "end", end)),
    text: h("label", {class: "wide"}, "new value", text),
  };
  const show = () => {
    for (const [k, g] of Object.entries(groups)) g.hidden = FIELDS[field.value] !== k;
    const current = inc[field.value];
    if (FIELDS[field.value] === "figure" && current) {
      low.value = current.low ?? "";
      best.value = current.best ?? "";
      high.value = current.high ?? "";
    }
  };
  field.addEventListener("change", show);

  const num = (input) => (input.value === "" ? null : Number(input.value));
  const value = () => {
    const kind = FIELDS[field.value];
    if (kind === "figure") return {low: num(low), best: num(best), high: num(high)};
    if (kind === "date") return {start: start.value || null, end: end.value || start.value || null};
    return text.value.trim();
  };

  const form = h("form", {id: "correction"},
    h("label", {}, "field", field), groups.figure, groups.date, groups.text,
    h("label", {class: "wide"}, "reason (kept in the history)", reason),
    h("label", {class: "wide"}, "editor token", token),
    h("div", {}, h("button", {type: "submit", class: "primary"}, "Save correction")), result);
  form.addEventListener("submit", async (e) => {
    e.preventDefault();
    sessionStorage.setItem(TOKEN, token.value.trim());
    const headers = {"content-type": "application/json", accept: "application/json"};
    if (token.value.trim()) headers.authorization = `Bearer ${token.value.trim()}`;
    let r;
    try {
      r = await fetch(`${API}/incidents/${encodeURIComponent(inc.id)}/corrections`, {
        method: "POST", headers, body: JSON.stringify({field: field.value, value: value(), reason: reason.value}),
      });
    } catch (err) {
      say(result, `Not saved: ${err.message}`, "error");
      return;
    }
    let body = null;
    try {
      body = await r.json();
    } catch {
      body = null;
    }
    if (r.ok) {
      say(result, "Saved: the correction is the newest version in the history.", "ok");
      reload();
      return;
    }
    const msg = (body && body.error && body.error.message) || `HTTP ${r.status}`;
    say(result, r.status === 401 || r.status === 403 ? `Refused: ${msg} (an editor's token is needed)` : `Not saved: ${msg}`, "error");
  });
  show();
  return h("section", {class: "panel edit", "aria-labelledby": "edit-h"},
    h("details", {}, h("summary", {id: "edit-h"}, h("strong", {}, "Correct this incident (editors)")), form));
}

function say(el, text, kind) {
  clear(el);
  el.className = `status ${kind}`;
  append(el, [text]);
}
