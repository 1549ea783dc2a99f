// /agreements: every stored agreement; /agreements/{id}: one agreement, its terms and the
// incidents judged possible violations of it (term and reason each).
import {API, h, append, clear, el, getJSON, pathId, incidentPage, agreementPage, rangeText, dateText, placeText,
  gradeBadge, showError, ApiError} from "./dom.js";

const box = el("agreement");
const id = location.pathname.startsWith("/agreements/") ? pathId("/agreements/") : null;
const listOf = (r, name) => (Array.isArray(r) ? r : r[name] || r.data || []);

async function index() {
  let list;
  try {
    list = listOf(await getJSON(`${API}/agreements`), "agreements");
  } catch (e) {
    if (e instanceof ApiError && (e.status === 404 || e.status === 405)) {
      clear(box);
      append(box, [h("h1", {}, "Agreements"), h("p", {}, "This server does not serve agreements.")]);
      return;
    }
    showError(box, e);
    return;
  }
  clear(box);
  append(box, [h("h1", {}, "Agreements"),
    list.length ? h("table", {class: "plain"},
      h("thead", {}, h("tr", {}, h("th", {}, "agreement"), h("th", {}, "from"), h("th", {}, "to"), h("th", {}, "parties"))),
      h("tbody", {}, list.map((a) => h("tr", {},
        h("td", {}, h("a", {href: agreementPage(a.id)}, a.name || a.id)),
        h("td", {}, a.start || "—"), h("td", {}, a.end || "open"),
        h("td", {}, partyNames(a).join(", ") || "—")))))
      : h("p", {}, "No agreement is stored. Add one with `ceasefire agreement add FILE`.")]);
}

function partyNames(a) {
  return (a.parties || []).map((p) => (typeof p === "string" ? p : p.name || p.id || "?"));
}

async function one() {
  let a, violations;
  try {
    [a, violations] = await Promise.all([
      getJSON(`${API}/agreements/${id}`),
      getJSON(`${API}/agreements/${id}/violations?status=possible_violation`),
    ]);
  } catch (e) {
    showError(box, e);
    return;
  }
  const list = listOf(violations, "violations").filter((v) => !v.status || v.status === "possible_violation");
  document.title = `${a.name || a.id} — ceasefire`;
  clear(box);
  append(box, [
    h("h1", {}, a.name || a.id),
    h("div", {class: "summary"}, h("span", {}, h("strong", {}, "In force "), `${a.start || "?"} – ${a.end || "open"}`),
      h("span", {}, h("strong", {}, "Parties "), partyNames(a).join(", ") || "—"),
      h("span", {class: "note"}, `id ${a.id}`)),
    (a.terms || []).length ? h("section", {class: "panel", "aria-labelledby": "terms-h"}, h("h2", {id: "terms-h"}, "Terms"),
      h("ul", {}, a.terms.map((t) => h("li", {}, h("strong", {}, `${t.ref || t.id || ""} `), t.text || t.description || "")))) : null,
    h("section", {class: "panel", "aria-labelledby": "viol-h"},
      h("h2", {id: "viol-h"}, `Possible violations (${list.length})`),
      h("p", {}, h("a", {href: `/?agreement=${encodeURIComponent(a.id)}&status=possible_violation`}, "Show them on the map")),
      list.length ? h("table", {class: "plain"},
        h("thead", {}, h("tr", {}, h("th", {}, "incident"), h("th", {}, "date"), h("th", {}, "place"), h("th", {}, "killed"),
          h("th", {}, "term"), h("th", {}, "reason"), h("th", {}, "grade"))),
        h("tbody", {}, list.map((v) => {
          const inc = v.incident || {};
          const iid = v.incident_id || inc.id;
          return h("tr", {},
            h("td", {}, iid ? h("a", {href: incidentPage(iid)}, inc.sub_event_type || inc.event_type || iid) : "?"),
            h("td", {class: "nowrap"}, dateText(inc.date)), h("td", {}, placeText(inc.location)),
            h("td", {class: "nowrap"}, rangeText(inc.killed)),
            h("td", {}, v.term ? [h("strong", {}, v.term.ref || ""), h("span", {class: "term-text"}, v.term.text || "")] : "—"),
            h("td", {}, v.reason || "—"), h("td", {}, gradeBadge(v.grade || inc.grade)));
        }))) : h("p", {}, "No incident is a possible violation of this agreement.")),
  ]);
}

getJSON("/web/config.json").then((config) => {
  if (!config.agreements) {
    clear(box);
    append(box, [h("h1", {}, "Agreements"), h("p", {}, "This server does not serve agreements yet.")]);
    return null;
  }
  return (id ? one : index)();
}).catch((e) => showError(box, e));
