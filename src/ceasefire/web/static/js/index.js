// The map page: filters (mirrored in the page's query string), the timeline with its brush, the
// map and the list. The map and the list read the API's cursor pages, up to MAX_LOADED
// incidents; the list renders LIST_STEP at a time.
import {API, h, append, clear, el, getJSON, incidentPage, rangeText, dateText, placeText, PRECISION,
  gradeBadge, contestedBadge, setStatus, showError, fmt} from "./dom.js";
import {TYPES, colour, shortType} from "./types.js";
import {IncidentMap} from "./map.js";
import {Timeline} from "./timeline.js";

const MAX_LOADED = 2000; // incidents drawn on the map at most; the count says when there are more
const FIRST_PAGE = 100; // the list shows these while the rest load
const PAGE = 500;
const LIST_STEP = 200;
const FIELDS = ["from", "to", "q", "type", "country", "actor", "source", "grade", "agreement", "status", "sort"];

const form = el("filters");
let generation = 0;
let loaded = [];
let listed = 0;
let total = 0;
let map = null;
let timeline = null;
let fitted = false;

function filters() {
  const p = new URLSearchParams();
  const data = new FormData(form);
  for (const name of FIELDS) {
    for (const v of data.getAll(name)) if (String(v).trim()) p.append(name, String(v).trim());
  }
  if (p.get("sort") === "-date") p.delete("sort");
  if (el("in-view").checked && map) p.set("bbox", map.bbox());
  return p;
}

function fillForm(p) {
  for (const name of FIELDS) {
    const inputs = form.querySelectorAll(`[name="${name}"]`);
    for (const input of inputs) {
      if (input.type === "checkbox") input.checked = p.getAll(name).includes(input.value);
      else if (input.tagName === "SELECT" && p.get(name) && ![...input.options].some((o) => o.value === p.get(name))) {
        input.append(h("option", {value: p.get(name)}, p.get(name)));
        input.value = p.get(name);
      } else input.value = p.get(name) || (name === "sort" ? "-date" : "");
    }
  }
}

async function load() {
  const mine = ++generation;
  const p = filters();
  const shown = new URLSearchParams(p);
  shown.delete("bbox");
  history.replaceState(null, "", shown.toString() ? `/?${shown}` : "/");
  const fmtSel = el("download-format").value;
  const dl = new URLSearchParams(p);
  dl.set("format", fmtSel);
  el("download").setAttribute("href", `${API}/incidents?${dl}`);
  setStatus(el("problem"), "");
  el("count").textContent = "Loading…";

  const withoutDates = new URLSearchParams(p);
  withoutDates.delete("from");
  withoutDates.delete("to");
  withoutDates.delete("sort");
  getJSON(`${API}/timeline?${withoutDates}`).then((t) => {
    if (mine === generation) timeline.set(t.days, p.get("from") || p.get("to") ? [p.get("from") || p.get("to"), p.get("to") || p.get("from")] : null);
  }).catch((e) => setStatus(el("problem"), `Timeline: ${e.message}`, "error"));

  loaded = [];
  listed = 0;
  clear(el("list"));
  try {
    let url = `${API}/incidents?${p}&limit=${FIRST_PAGE}`;
    let first = true;
    while (url && loaded.length < MAX_LOADED) {
      const page = await getJSON(url);
      if (mine !== generation) return;
      total = page.total;
      loaded.push(...page.incidents);
      if (first) {
        renderList();
        first = false;
      }
      url = page.next_cursor ? `${API}/incidents?${p}&limit=${Math.min(PAGE, MAX_LOADED - loaded.length)}&cursor=${encodeURIComponent(page.next_cursor)}` : null;
      if (url && MAX_LOADED - loaded.length <= 0) url = null;
    }
  } catch (e) {
    if (mine !== generation) return;
    el("count").textContent = "No incidents";
    showError(el("problem"), e);
    return;
  }
  if (mine !== generation) return;
  renderCount();
  if (!listed) renderList();
  updateMore();
  await map.show(loaded);
  if (!fitted && !el("in-view").checked) {
    map.fit();
    fitted = true;
  }
  const placed = loaded.filter((i) => i.location && i.location.lat !== null).length;
  const notes = [];
  if (total > loaded.length) notes.push(`The map and list hold the first ${fmt.format(loaded.length)} of ${fmt.format(total)} matches; narrow the filters to see the rest.`);
  if (loaded.length > placed) notes.push(`${fmt.format(loaded.length - placed)} unplaced incident(s) are in the list only.`);
  el("map-note").textContent = notes.join(" ");
}

function renderCount() {
  const more = total > loaded.length ? ` (first ${fmt.format(loaded.length)} loaded)` : "";
  el("count").textContent = `${fmt.format(total)} incident${total === 1 ? "" : "s"}${more}`;
}

function renderList() {
  renderCount();
  const list = el("list");
  const next = loaded.slice(listed, listed + LIST_STEP);
  for (const inc of next) list.append(item(inc));
  listed += next.length;
  updateMore();
  if (!loaded.length) list.append(h("li", {class: "empty"}, "No incident matches these filters."));
}

function updateMore() {
  const more = el("more");
  more.hidden = listed >= loaded.length;
  more.textContent = `Show ${fmt.format(Math.min(LIST_STEP, loaded.length - listed))} more`;
}

function item(inc) {
  const loc = inc.location;
  const sw = h("span", {class: "swatch", "aria-hidden": "true"});
  sw.style.background = colour(inc.event_type);
  const precise = loc && ["point", "near", "locality"].includes(loc.precision);
  const a = h("a", {href: incidentPage(inc.id), class: "incident-link", "data-id": inc.id},
    h("span", {class: "row1"}, sw, h("span", {class: "type"}, shortType(inc.event_type)),
      h("span", {class: "date"}, dateText(inc.date))),
    h("span", {class: "row2"}, h("span", {class: "place"}, placeText(loc)),
      loc && !precise ? h("span", {class: "precision"}, ` (${PRECISION[loc.precision] || loc.precision})`) : null),
    h("span", {class: "row3"}, h("span", {class: "killed"}, "killed ", rangeText(inc.killed)), " ",
      gradeBadge(inc.grade), " ", contestedBadge(inc)));
  a.addEventListener("mouseenter", () => map.focus(inc.id));
  a.addEventListener("focus", () => map.focus(inc.id));
  a.addEventListener("mouseleave", () => map.blur(inc.id));
  a.addEventListener("blur", () => map.blur(inc.id));
  return h("li", {}, a);
}

function select(id) {
  const link = document.querySelector(`.incident-link[data-id="${CSS.escape(id)}"]`);
  if (!link) {
    location.href = incidentPage(id);
    return;
  }
  for (const x of document.querySelectorAll(".incident-link.selected")) x.classList.remove("selected");
  link.classList.add("selected");
  link.scrollIntoView({block: "nearest"});
  link.focus({preventScroll: true});
}

async function catalogues(config) {
  const types = form.querySelector('[name="type"]');
  for (const [t] of TYPES) if (![...types.options].some((o) => o.value === t)) types.append(h("option", {value: t}, t));
  getJSON(`${API}/actors`).then((r) => {
    const names = [...new Set(r.actors.map((a) => a.name))].slice(0, 500);
    append(el("actor-names"), names.map((n) => h("option", {value: n})));
  }).catch(() => null);
  getJSON(`${API}/sources`).then((r) => {
    const names = [...new Set(r.sources.map((s) => s.name))].slice(0, 500);
    append(el("source-names"), names.map((n) => h("option", {value: n})));
  }).catch(() => null);
  if (config.agreements) getJSON(`${API}/agreements`).then((r) => {
    const list = r.agreements || r.data || [];
    if (!list.length) return;
    const sel = form.querySelector('[name="agreement"]');
    for (const a of list) {
      const label = a.name ? `${a.name} (${a.id})` : a.id;
      const there = [...sel.options].find((o) => o.value === a.id); // put there from the address
      if (there) there.textContent = label;
      else sel.append(h("option", {value: a.id}, label));
    }
    el("agreement-filter").hidden = false;
  }).catch(() => null);
}

function debounce(f, ms) {
  let t;
  return () => {
    clearTimeout(t);
    t = setTimeout(f, ms);
  };
}

async function main() {
  const config = await getJSON("/web/config.json");
  if (typeof L === "undefined" || config.missing.length) {
    setStatus(el("problem"), config.hint, "error");
    return;
  }
  if (matchMedia("(max-width: 760px)").matches && !location.search) el("filter-box").open = false;
  fillForm(new URLSearchParams(location.search));
  map = new IncidentMap(el("map"), config, select);
  timeline = new Timeline(el("timeline"), el("legend"), el("timeline-note"), (range) => {
    form.querySelector('[name="from"]').value = range ? range[0] : "";
    form.querySelector('[name="to"]').value = range ? range[1] : "";
    load();
  });
  await catalogues(config);
  const later = debounce(load, 300);
  form.addEventListener("input", (e) => (e.target.type === "search" || e.target.type === "text" || e.target.list ? later() : load()));
  form.addEventListener("submit", (e) => { e.preventDefault(); load(); });
  form.addEventListener("reset", () => setTimeout(load, 0));
  el("download-format").addEventListener("change", () => {
    const u = new URL(el("download").href);
    u.searchParams.set("format", el("download-format").value);
    el("download").setAttribute("href", u.pathname + u.search);
  });
  el("more").addEventListener("click", renderList);
  map.map.on("moveend", () => { if (el("in-view").checked) later(); });
  load();
}

main();
