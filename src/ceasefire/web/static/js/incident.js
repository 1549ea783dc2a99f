// One incident: what it is, the derived figures and the policy, the flags with the claims on each
// side, the violation check, the claims side by side with each sentence highlighted in its
// report's text, the statements, the actors, the history, and the correction form (editors).
import {API, h, append, clear, el, getJSON, pathId, reportPage, agreementPage, rangeText, figureText, dateText,
  placeText, PRECISION, gradeBadge, contestedBadge, showError, highlighted, fmt, urlLink, ApiError} from "./dom.js";
import {shortType} from "./types.js";
import {correctionForm} from "./edit.js";

const POLICIES = {
  conservative: "best = low: the lowest credible figure (ACLED's habit)",
  best: "best = the figure of the most reliable source, a source's later claim superseding its earlier ones (UCDP-like)",
  max: "best = high",
};
const KIND_ORDER = ["killed", "wounded", "casualties", "missing", "captured", "displaced"];
const CONTEXT = 320; // characters of report text shown around a claim's sentence

const id = pathId("/incidents/");
const box = el("incident");

let config = null;

async function load() {
  config = config || await getJSON("/web/config.json").catch(() => ({}));
  let inc;
  try {
    inc = await getJSON(`${API}/incidents/${id}`);
  } catch (e) {
    if (e instanceof ApiError && e.body && e.body.error && e.body.error.successors) {
      clear(box);
      append(box, [h("p", {class: "error", role: "alert"}, e.message),
        h("p", {}, "Its mentions are now in: ", ...e.body.error.successors.map((s) =>
          h("a", {href: `/incidents/${encodeURIComponent(s)}`}, s, " ")))]);
      return;
    }
    showError(box, e);
    return;
  }
  const reports = await fetchReports(inc.report_details || []);
  const violations = await fetchViolations(inc);
  render(inc, reports, violations);
}

async function fetchReports(details) {
  const out = new Map();
  await Promise.all(details.map(async (d) => {
    try {
      out.set(`${d.report_id}#${d.part}`, {...d, ...(await getJSON(d.href))});
    } catch {
      out.set(`${d.report_id}#${d.part}`, d);
    }
  }));
  return out;
}

// The incident's judgements: its own "violations" field when the API gives one, else each
// agreement's list of results read for this incident's id.
async function fetchViolations(inc) {
  if (Array.isArray(inc.violations)) return inc.violations;
  if (!config.agreements) return [];
  let agreements;
  try {
    const r = await getJSON(`${API}/agreements`);
    agreements = r.agreements || r.data || [];
  } catch {
    return [];
  }
  const out = [];
  await Promise.all(agreements.slice(0, 20).map(async (a) => {
    try {
      const r = await getJSON(`${API}/agreements/${encodeURIComponent(a.id)}/violations`);
      const list = Array.isArray(r) ? r : r.violations || r.data || [];
      for (const v of list) {
        const vid = v.incident_id || (v.incident && v.incident.id);
        if (vid === inc.id) out.push({agreement: a.id, agreement_name: a.name, ...v});
      }
    } catch {
      /* an agreement whose results cannot be read adds no badge */
    }
  }));
  return out;
}

function render(inc, reports, violations) {
  clear(box);
  document.title = `${shortType(inc.event_type)}, ${placeText(inc.location)}, ${dateText(inc.date)} — ceasefire`;
  const loc = inc.location;
  const disputes = disputedSources(inc.flags || []);
  append(box, [
    h("h1", {}, `${inc.sub_event_type || inc.event_type || "Incident"} — ${placeText(loc)}`),
    h("div", {class: "badges"}, gradeBadge(inc.grade), contestedBadge(inc),
      inc.review && inc.review.confirmed ? h("span", {class: "badge reviewed", title: inc.review.confirmed.why || ""},
        `confirmed by ${inc.review.confirmed.by}`) : null,
      ((inc.review && inc.review.corrections) || []).map((c) => h("span", {class: "badge reviewed",
        title: c.why || ""}, `${c.field.replace("_", " ")} corrected by ${c.by}`)),
      violations.filter((v) => v.status === "possible_violation").map((v) =>
        h("a", {class: "badge violation", href: agreementPage(v.agreement), title: v.reason || ""},
          `possible violation: ${v.agreement_name || v.agreement}${v.term && v.term.ref ? ` · ${v.term.ref}` : ""}`))),
    h("div", {class: "summary"},
      h("span", {title: (inc.date && inc.date.basis) || ""}, h("strong", {}, "Date "), dateText(inc.date)),
      h("span", {title: (loc && loc.basis) || ""}, h("strong", {}, "Place "), placeText(loc),
        loc ? ` (${PRECISION[loc.precision] || loc.precision})` : ""),
      h("span", {}, h("strong", {}, "Type "), `${inc.event_type || "?"}${inc.sub_event_type ? ` / ${inc.sub_event_type}` : ""}`),
      h("span", {}, h("strong", {}, "Reports "), String((inc.report_details || inc.reports || []).length)),
      h("span", {class: "note"}, `id ${inc.id}`)),
    figuresPanel(inc),
    (inc.flags || []).length ? flagsPanel(inc.flags) : null,
    violations.length ? violationsPanel(violations) : null,
    claimsPanel(inc, reports, disputes),
    (inc.statements || []).length ? statementsPanel(inc.statements, reports) : null,
    (inc.actors || []).length ? h("section", {class: "panel", "aria-labelledby": "actors-h"},
      h("h2", {id: "actors-h"}, "Actors"),
      h("ul", {class: "actors"}, inc.actors.map((a) => h("li", {}, h("strong", {}, a.name), ` — ${a.role}${a.type ? `, ${a.type}` : ""}`)))) : null,
    reportsPanel(inc, reports),
    historyPanel(inc.history || []),
    config.corrections ? correctionForm(inc, load) : null,
  ]);
  if (location.hash) {
    const target = document.getElementById(location.hash.slice(1));
    if (target) target.scrollIntoView();
  }
}

function figuresPanel(inc) {
  const kinds = ["killed", "wounded"].filter((k) => inc[k]);
  const figure = (kind) => {
    const r = inc[kind];
    const cell = (label, v, cls) => h("div", {class: cls}, h("span", {}, label), h("b", {}, v === null || v === undefined ? "?" : fmt.format(v)));
    return h("div", {class: "figure"}, h("div", {class: "what"}, kind),
      h("div", {class: "lbh"}, cell("low", r.low, "low"), cell("best", r.best, "best"),
        cell("high", r.high === null ? "open" : r.high, "high")),
      h("div", {class: "note"}, rangeText(r)));
  };
  return h("section", {class: "panel", "aria-labelledby": "fig-h"},
    h("h2", {id: "fig-h"}, "Derived figures"),
    kinds.length ? h("div", {class: "figures"}, kinds.map(figure)) : h("p", {}, "No killed or wounded figure was claimed."),
    h("p", {class: "policy"}, `Policy: ${inc.policy || "?"} — low = the lowest figure any claim supports, high = the highest; `,
      POLICIES[inc.policy] || "", "."),
    corrections(inc));
}

// What reviewers changed: the value given, the machine's value it replaces, who, when and why.
function corrections(inc) {
  const list = (inc.review && inc.review.corrections) || [];
  if (!list.length) return null;
  const show = (v) => (v && typeof v === "object" ? ("low" in v ? rangeText(v) : JSON.stringify(v)) : String(v ?? "—"));
  return h("ul", {class: "corrections"}, list.map((c) => h("li", {},
    h("strong", {}, `${c.field.replace("_", " ")}: `), show(c.value), ` (the machine said ${show(c.machine)}) — `,
    `${c.by}, ${(c.at || "").replace("T", " ").slice(0, 16)}`, c.why ? `: ${c.why}` : "")));
}

// "killed: A: 6 vs B: 9; C: 6 vs D: 9" -> [{kind, left, right}]
function sides(flag) {
  const m = /^([a-z_ ]+): (.*)$/s.exec(flag.detail || "");
  if (!m || flag.type !== "count_disagreement") return null;
  const pairs = m[2].split("; ").map((p) => p.split(" vs ")).filter((p) => p.length === 2);
  return pairs.length ? pairs.map(([left, right]) => ({kind: m[1], left, right})) : null;
}

// "12.." (12 or more, as the flag's detail writes an open range) -> "at least 12"
function openEnded(side) {
  return side.replace(/: (\d+)\.\.$/, ": at least $1").replace(/: \.\.(\d+)$/, ": at most $1");
}

function disputedSources(flags) {
  const names = new Set();
  for (const f of flags) for (const s of sides(f) || []) {
    for (const side of [s.left, s.right]) names.add(`${s.kind}|${side.replace(/: [^:]*$/, "")}`);
  }
  return names;
}

function flagsPanel(flags) {
  return h("section", {class: "panel", "aria-labelledby": "flags-h"},
    h("h2", {id: "flags-h"}, `Flags (${flags.length})`),
    h("ul", {class: "flags"}, flags.map((f) => {
      const pairs = sides(f);
      return h("li", {}, h("strong", {}, f.type.replace(/_/g, " ")),
        pairs ? pairs.map((p) => h("div", {class: "sides"}, h("span", {class: "side"}, `${p.kind}: ${openEnded(p.left)}`),
          h("span", {class: "vs"}, "vs"), h("span", {class: "side"}, `${p.kind}: ${openEnded(p.right)}`)))
          : h("div", {}, f.detail));
    })));
}

function violationsPanel(violations) {
  return h("section", {class: "panel", "aria-labelledby": "viol-h"},
    h("h2", {id: "viol-h"}, "Ceasefire agreements"),
    h("ul", {class: "violations"}, violations.map((v) => h("li", {},
      h("span", {class: `badge status-${String(v.status).replace(/[^a-z_]/g, "")}`}, String(v.status || "").replace(/_/g, " ")), " ",
      h("a", {href: agreementPage(v.agreement)}, v.agreement_name || v.agreement),
      v.term ? h("div", {}, h("strong", {}, `Term ${v.term.ref || ""}: `), v.term.text || "") : null,
      v.reason ? h("div", {}, h("strong", {}, "Reason: "), v.reason) : null))));
}

function reportOf(reports, item) {
  return reports.get(`${item.report_id}#${item.part}`);
}

function reportDate(r) {
  if (!r) return null;
  return r.published || r.dateline || r.publication_date || null;
}

// The report text around [start, end) with that sentence marked.
function excerpt(report, item, cls) {
  if (!report || (report.text === undefined && item.field !== "title")) {
    return h("blockquote", {class: "excerpt"}, h("mark", {class: cls}, item.quote));
  }
  const text = item.field === "title" ? report.title || "" : report.text;
  let a = Math.max(0, item.start - CONTEXT), b = Math.min(text.length, item.end + CONTEXT);
  const para = text.lastIndexOf("\n\n", item.start);
  if (para >= a) a = para + 2;
  const paraEnd = text.indexOf("\n\n", item.end);
  if (paraEnd !== -1 && paraEnd <= b) b = paraEnd;
  const piece = text.slice(a, b);
  return h("blockquote", {class: "excerpt"}, a > 0 ? "… " : null,
    highlighted(piece, [{start: item.start, end: item.end, cls}], a), b < text.length ? " …" : null);
}

function claimsPanel(inc, reports, disputes) {
  const claims = [...(inc.claims || [])].sort((x, y) =>
    (KIND_ORDER.indexOf(x.kind) - KIND_ORDER.indexOf(y.kind)) || ((x.min ?? 0) - (y.min ?? 0)));
  return h("section", {class: "panel", "aria-labelledby": "claims-h"},
    h("h2", {id: "claims-h"}, `Claims side by side (${claims.length})`),
    claims.length ? h("div", {class: "claims"}, claims.map((c) => {
      const r = reportOf(reports, c);
      const disputed = disputes.has(`${c.kind}|${c.source}`);
      const link = r && r.href ? `${reportPage(r.href)}#claim-${c.field}-${c.start}` : null;
      const wrong = c.wrong ? h("p", {class: "error"}, `Marked wrong by ${c.wrong.by}${c.wrong.why ? `: ${c.wrong.why}` : ""}`,
        " — not counted in the ranges") : null;
      return h("article", {class: `claim${disputed ? " disputed" : ""}${c.wrong ? " wrong" : ""}`,
        "aria-label": `${c.kind} ${figureText(c)}, ${c.source}`}, wrong,
        h("div", {class: "head"}, h("span", {class: "fig"}, figureText(c)),
          h("span", {}, h("span", {class: "badge kind"}, c.kind), " ",
            c.hedged ? h("span", {class: "badge hedged", title: "the report hedges this figure"}, "hedged") : null,
            disputed ? h("span", {class: "badge contested-figures"}, "disputed") : null)),
        h("dl", {},
          h("dt", {}, "Source"), h("dd", {}, c.source || "?", c.source_type ? ` (${c.source_type})` : ""),
          h("dt", {}, "Carried by"), h("dd", {}, c.carried_by || "—"),
          h("dt", {}, "Victims"), h("dd", {}, c.victims || "—"),
          h("dt", {}, "Hedge"), h("dd", {}, c.hedged ? "hedged (\"reportedly\", \"may have\" …)" : "stated"),
          h("dt", {}, "Report date"), h("dd", {}, reportDate(r) || "unknown"),
          c.copy_of ? [h("dt", {}, "Copy of"), h("dd", {}, `${c.copy_of.report_id} part ${c.copy_of.part}`)] : null),
        excerpt(r, c, "claim-span"),
        link ? h("a", {href: link}, "Open the report") : null);
    })) : h("p", {}, "No figure was claimed."));
}

function statementsPanel(statements, reports) {
  return h("section", {class: "panel", "aria-labelledby": "st-h"},
    h("h2", {id: "st-h"}, `Accusations, denials and acknowledgments (${statements.length})`),
    h("ul", {class: "statements"}, statements.map((s) => {
      const r = reportOf(reports, s);
      return h("li", {}, h("strong", {}, s.kind), " — ", s.source || "?", s.carried_by ? `, carried by ${s.carried_by}` : "",
        s.hedged ? [" ", h("span", {class: "badge hedged"}, "hedged")] : null,
        excerpt(r, s, "statement-span"));
    })));
}

function reportsPanel(inc, reports) {
  const rows = [...reports.values()];
  return h("section", {class: "panel", "aria-labelledby": "rep-h"},
    h("h2", {id: "rep-h"}, `Reports (${rows.length})`),
    h("table", {class: "plain"}, h("thead", {}, h("tr", {}, h("th", {}, "report"), h("th", {}, "outlet"), h("th", {}, "date"), h("th", {}, "link"))),
      h("tbody", {}, rows.map((r) => h("tr", {},
        h("td", {}, h("a", {href: reportPage(r.href)}, r.title || (r.headline && r.headline.quote) || `${r.report_id}${r.part > 1 ? ` part ${r.part}` : ""}`)),
        h("td", {}, r.outlet || "—"), h("td", {class: "nowrap"}, reportDate(r) || "—"), h("td", {class: "url"}, urlLink(r.url) || "—"))))));
}

function historyPanel(history) {
  return h("section", {class: "panel", "aria-labelledby": "hist-h"},
    h("h2", {id: "hist-h"}, `History (${history.length} version${history.length === 1 ? "" : "s"})`),
    h("ol", {class: "history"}, [...history].reverse().map((v) => h("li", {class: v.kind === "review" ? "review" : "machine"},
      h("div", {}, h("strong", {}, `Version ${v.version}`), " ",
        h("span", {class: "when"}, (v.at || v.recorded_at || "").replace("T", " ").slice(0, 19)),
        " ", h("span", {class: "badge kind"}, v.kind === "review" ? `review${v.by ? ` by ${v.by}` : ""}` : "machine")),
      h("div", {class: "change"}, v.cause || ""),
      v.why ? h("div", {class: "change"}, h("strong", {}, "Why: "), v.why) : null,
      (v.successors || []).length ? h("div", {class: "change"}, "successors: ",
        v.successors.map((s) => h("a", {href: `/incidents/${encodeURIComponent(s)}`}, s, " "))) : null))));
}

load();
