// One report: its facts, its text with every claim and statement sentence highlighted and every
// event trigger underlined, and the list of those spans with their incidents.
import {API, h, append, clear, el, getJSON, pathId, incidentPage, showError, highlighted, figureText, urlLink} from "./dom.js";

const key = pathId("/reports/");
const box = el("report");

async function load() {
  let r;
  try {
    r = await getJSON(`${API}/reports/${key}`);
  } catch (e) {
    showError(box, e);
    return;
  }
  render(r);
}

function spansOf(r, field) {
  const spans = [];
  for (const c of r.claims || []) if (c.field === field) {
    spans.push({start: c.start, end: c.end, cls: "claim-span", id: `claim-${c.field}-${c.start}`,
      title: `${c.kind} ${figureText(c)} — ${c.source}`});
  }
  for (const s of r.statements || []) if (s.field === field) {
    spans.push({start: s.start, end: s.end, cls: "statement-span", id: `statement-${s.field}-${s.start}`,
      title: `${s.kind} — ${s.source}`});
  }
  for (const m of r.mentions || []) if (m.trigger && m.trigger.field === field) {
    spans.push({start: m.trigger.start, end: m.trigger.end, cls: "trigger", title: m.event_type || "event"});
  }
  return spans;
}

function render(r) {
  clear(box);
  const headline = r.headline && r.headline.quote ? r.headline.quote.trim() : null;
  const name = r.title || headline || `${r.report_id}${r.part > 1 ? ` part ${r.part}` : ""}`;
  document.title = `${name} — ceasefire`;
  const body = r.body || {start: 0, end: r.text.length};
  const text = r.text.slice(body.start, body.end);
  const incidents = [...new Set([...(r.mentions || []).map((m) => m.incident_id)].filter(Boolean))];
  append(box, [
    h("h1", {}, r.title ? highlighted(r.title, spansOf(r, "title")) : name),
    h("dl", {class: "report-meta"},
      h("dt", {}, "Outlet"), h("dd", {}, r.outlet || r.article_outlet || "—"),
      h("dt", {}, "Published"), h("dd", {}, r.published || r.publication_date || "—"),
      r.dateline ? [h("dt", {}, "Dateline"), h("dd", {}, r.dateline)] : null,
      r.byline ? [h("dt", {}, "Byline"), h("dd", {}, r.byline)] : null,
      h("dt", {}, "Input"), h("dd", {}, `${r.report_id}${r.part ? `, part ${r.part}` : ""}`),
      h("dt", {}, "URL"), h("dd", {}, urlLink(r.url) || "—"),
      r.copy_of ? [h("dt", {}, "Copy of"), h("dd", {}, `${r.copy_of.report_id} part ${r.copy_of.part}`)] : null,
      h("dt", {}, "Incidents"), h("dd", {}, incidents.length ? incidents.map((i) => [h("a", {href: incidentPage(i)}, i), " "]) : "none")),
    h("p", {class: "note"}, h("mark", {class: "claim-span"}, "claim sentence"), " ", h("mark", {class: "statement-span"}, "accusation or denial"),
      " ", h("mark", {class: "trigger"}, "event word")),
    h("div", {class: "report-layout"},
      h("article", {class: "report-text", "aria-label": "Report text"}, highlighted(text, spansOf(r, "text"), body.start)),
      h("aside", {"aria-labelledby": "spans-h"}, h("h2", {id: "spans-h"}, `Claims in this report (${(r.claims || []).length})`),
        h("ul", {class: "span-list"}, (r.claims || []).map((c) => h("li", {},
          h("a", {href: `#claim-${c.field}-${c.start}`}, `${c.kind} ${figureText(c)}`), ` — ${c.source || "?"}`,
          c.hedged ? " (hedged)" : "",
          c.incident_id ? [" · ", h("a", {href: incidentPage(c.incident_id)}, "incident")] : null))))),
  ]);
  if (location.hash) {
    const wanted = decodeURIComponent(location.hash.slice(1));
    const parts = [...document.querySelectorAll("mark[data-spans]")].filter((m) => m.dataset.spans.split(" ").includes(wanted));
    for (const m of parts) m.classList.add("focus");
    if (parts.length) parts[0].scrollIntoView({block: "center"});
  }
}

load();
