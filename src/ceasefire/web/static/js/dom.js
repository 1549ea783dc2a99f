// Shared helpers of every page. Stored text (article text, titles, outlets, URLs, names) is
// attacker-controlled: it only ever reaches the page as text nodes (textContent), and links
// are made only from http(s) URLs. Nothing here parses markup.

export const API = "/api/v1";

// h("a", {href: "/x", class: "c"}, "text", child) -> element; strings become text nodes.
export function h(tag, attrs, ...children) {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v === null || v === undefined || v === false) continue;
    if (k === "href") el.setAttribute("href", safeHref(v));
    else if (k.startsWith("on")) el.addEventListener(k.slice(2), v);
    else el.setAttribute(k, v === true ? "" : String(v));
  }
  append(el, children);
  return el;
}

export function append(el, children) {
  for (const c of children.flat(Infinity)) {
    if (c === null || c === undefined || c === false) continue;
    el.append(c instanceof Node ? c : document.createTextNode(String(c)));
  }
  return el;
}

export function clear(el) {
  while (el.firstChild) el.removeChild(el.firstChild);
  return el;
}

// A link target we build ourselves (a path on this server), or an outside http(s) URL; anything
// else (javascript:, data:, vbscript:, ...) becomes "#".
export function safeHref(value) {
  const s = String(value);
  if (s.startsWith("/") && !s.startsWith("//")) return s;
  return externalUrl(s) || "#";
}

// An http(s) URL from stored data, or null.
export function externalUrl(value) {
  if (typeof value !== "string" || !value) return null;
  let url;
  try {
    url = new URL(value);
  } catch {
    return null;
  }
  return url.protocol === "http:" || url.protocol === "https:" ? url.href : null;
}

// A stored URL shown as a link when it is http(s), as plain text otherwise.
export function urlLink(value) {
  const href = externalUrl(value);
  if (!href) return value ? h("span", {class: "refused-url", title: "not an http(s) link"}, value) : null;
  return h("a", {href, rel: "noopener noreferrer nofollow", target: "_blank"}, value);
}

export class ApiError extends Error {
  constructor(status, body) {
    super((body && body.error && body.error.message) || `HTTP ${status}`);
    this.status = status;
    this.body = body;
  }
}

// The token of `ceasefire user add`, kept for this browser tab only (never a cookie): sent with every
// API call when the server needs one to read (serve --read-token), and with corrections.
export const TOKEN_KEY = "ceasefire.token";

export function tokenHeaders() {
  const token = sessionStorage.getItem(TOKEN_KEY);
  return token ? {authorization: `Bearer ${token}`} : {};
}

export async function getJSON(url, options) {
  const headers = url.startsWith(API) ? {accept: "application/json", ...tokenHeaders()} : {accept: "application/json"};
  const r = await fetch(url, {headers, ...(options || {})});
  let body = null;
  try {
    body = await r.json();
  } catch {
    body = null;
  }
  if (!r.ok) throw new ApiError(r.status, body);
  return body;
}

export const incidentPage = (id) => `/incidents/${encodeURIComponent(id)}`;
export const agreementPage = (id) => `/agreements/${encodeURIComponent(id)}`;
// A report's API href (/api/v1/reports/<key, encoded>) -> its page (/reports/<key, encoded>).
export const reportPage = (apiHref) => apiHref.replace(/^\/api\/v1\/reports\//, "/reports/");

// The last path segment of this page, as it was in the URL (still encoded).
export function pathId(prefix) {
  const rest = location.pathname.slice(prefix.length);
  return rest.replace(/\/+$/, "");
}

export const GRADES = {
  confirmed: "confirmed",
  fair: "fair",
  weak: "weak",
  contested: "contested",
  single_source: "single source",
};

export function gradeBadge(grade) {
  if (!grade) return null;
  return h("span", {class: `badge grade grade-${grade.replace(/[^a-z_]/g, "")}`, title: `grade: ${grade}`},
    GRADES[grade] || grade);
}

export const fmt = new Intl.NumberFormat("en");

// {low, best, high} -> "4–7 (best 4)", "≥ 4", "12"; null -> "—".
export function rangeText(r) {
  if (!r) return "—";
  const {low, best, high} = r;
  if (low === null && high === null && best === null) return "—";
  if (high === null || high === undefined) return `≥ ${fmt.format(low ?? best ?? 0)}`;
  if (low === high) return fmt.format(low);
  const b = best !== null && best !== undefined && best !== low && best !== high ? ` (best ${fmt.format(best)})` : "";
  return `${fmt.format(low ?? 0)}–${fmt.format(high)}${b}`;
}

// A claim's figure: min/max with approx and open ends.
export function figureText(c) {
  const approx = c.approx ? "~" : "";
  if (c.min === null && c.max === null) return "unknown";
  if (c.max === null) return `≥ ${approx}${fmt.format(c.min)}`;
  if (c.min === null) return `≤ ${approx}${fmt.format(c.max)}`;
  if (c.min === c.max) return `${approx}${fmt.format(c.min)}`;
  return `${approx}${fmt.format(c.min)}–${fmt.format(c.max)}`;
}

export function dateText(d) {
  if (!d || !d.start) return "undated";
  const span = d.end && d.end !== d.start ? `${d.start} – ${d.end}` : d.start;
  return d.precision && d.precision !== "day" ? `${span} (${d.precision})` : span;
}

export const PRECISION = {
  point: "exact point",
  near: "near a named place",
  locality: "town or village",
  admin2: "district only",
  admin1: "province only",
  country: "country only",
};

export function placeText(loc) {
  if (!loc) return "unplaced";
  const parts = [loc.name, loc.admin1 && loc.admin1 !== loc.name ? loc.admin1 : null, loc.country].filter(Boolean);
  return parts.join(", ");
}

// Whether an incident's figures are disputed between sources (a count flag).
export function contested(inc) {
  return (inc.flags || []).some((f) => f.type === "count_disagreement");
}

export function contestedBadge(inc) {
  return contested(inc) ? h("span", {class: "badge contested-figures", title: "sources disagree on the figures"},
    "figures disputed") : null;
}

export function setStatus(el, text, kind) {
  clear(el);
  el.className = `status ${kind || ""}`;
  append(el, [text]);
}

// The one error box of a page; a 401 asks for a token (a server that needs one to read).
export function showError(where, err) {
  const msg = err instanceof ApiError && err.status === 404 ? `Not found: ${err.message}` : String(err.message || err);
  clear(where);
  append(where, [h("p", {class: "error", role: "alert"}, msg)]);
  if (err instanceof ApiError && err.status === 401) where.append(tokenForm());
}

export function tokenForm() {
  const input = h("input", {type: "password", name: "read-token", autocomplete: "off", "aria-label": "token"});
  return h("form", {class: "token-form", onsubmit: (e) => {
    e.preventDefault();
    sessionStorage.setItem(TOKEN_KEY, input.value.trim());
    location.reload();
  }}, h("label", {}, "This server needs a token to read: ", input), " ", h("button", {type: "submit"}, "Use it"));
}

// Spans over a text -> nodes: plain text, and <mark> for the covered parts (overlaps nest as
// classes of one mark). spans: [{start, end, cls, id, title}] with offsets into text.
export function highlighted(text, spans, offset = 0) {
  const cuts = new Set([0, text.length]);
  for (const s of spans) {
    cuts.add(Math.max(0, Math.min(text.length, s.start - offset)));
    cuts.add(Math.max(0, Math.min(text.length, s.end - offset)));
  }
  const points = [...cuts].sort((a, b) => a - b);
  const out = [];
  const used = new Set();
  for (let i = 0; i + 1 < points.length; i++) {
    const a = points[i], b = points[i + 1];
    const piece = text.slice(a, b);
    const over = spans.filter((s) => s.start - offset <= a && s.end - offset >= b && s.end > s.start);
    if (!over.length) {
      out.push(document.createTextNode(piece));
      continue;
    }
    const attrs = {class: [...new Set(over.map((s) => s.cls))].join(" ")};
    const ids = over.map((s) => s.id).filter(Boolean);
    if (ids.length) attrs["data-spans"] = ids.join(" ");
    const first = over.find((s) => s.id && !used.has(s.id));
    if (first) {
      attrs.id = first.id;
      used.add(first.id);
    }
    const titles = over.map((s) => s.title).filter(Boolean);
    if (titles.length) attrs.title = [...new Set(titles)].join("\n");
    out.push(h("mark", attrs, piece));
  }
  return out;
}

export function el(id) {
  return document.getElementById(id);
}
