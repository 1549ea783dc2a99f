// The timeline: incidents per day stacked by event type (top band) and the killed range per day
// (bottom band: a bar from the summed lows to the summed highs, a tick at the summed best, an
// arrow where some figure is open-ended). Dragging over it selects days (the brush); the
// caller's onBrush gets [from, to] (ISO days) or null. Keyboard: arrows move the selection by a
// day, Shift+arrows widen it, Escape clears it.
import {append, clear, fmt} from "./dom.js";
import {TYPES, colour, shortType} from "./types.js";

const NS = "http://www.w3.org/2000/svg";
const DAY = 86400000;
const M = {left: 44, right: 10, top: 8, bottom: 22, gap: 14};

function s(tag, attrs, text) {
  const el = document.createElementNS(NS, tag);
  for (const [k, v] of Object.entries(attrs || {})) el.setAttribute(k, String(v));
  if (text !== undefined) el.textContent = text;
  return el;
}

const dayNum = (iso) => Date.parse(`${iso}T00:00:00Z`) / DAY;
const isoDay = (n) => new Date(Math.round(n) * DAY).toISOString().slice(0, 10);
const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
// An axis label: "12 Sep", with the year on the first label and over long spans ("Sep 2016").
function dayLabel(n, first, long) {
  const d = new Date(Math.round(n) * DAY);
  const month = MONTHS[d.getUTCMonth()], year = d.getUTCFullYear();
  if (long) return `${month} ${year}`;
  return first ? `${d.getUTCDate()} ${month} ${year}` : `${d.getUTCDate()} ${month}`;
}

export class Timeline {
  constructor(svg, legend, note, onBrush) {
    this.svg = svg;
    this.legend = legend;
    this.note = note;
    this.onBrush = onBrush;
    this.days = [];
    this.selection = null; // [fromDayNum, toDayNum]
    svg.setAttribute("tabindex", "0");
    svg.setAttribute("role", "slider");
    svg.addEventListener("pointerdown", (e) => this.down(e));
    svg.addEventListener("pointermove", (e) => this.move(e));
    svg.addEventListener("pointerup", (e) => this.up(e));
    svg.addEventListener("keydown", (e) => this.key(e));
    new ResizeObserver(() => this.draw()).observe(svg.parentElement);
  }

  set(days, selection) {
    this.days = days;
    this.selection = selection ? selection.map(dayNum) : null;
    this.draw();
  }

  draw() {
    const svg = this.svg;
    clear(svg);
    const width = Math.max(240, svg.parentElement.clientWidth);
    const height = width < 500 ? 150 : 170;
    svg.setAttribute("viewBox", `0 0 ${width} ${height}`);
    svg.setAttribute("width", width);
    svg.setAttribute("height", height);
    const dated = this.days.filter((d) => d.day);
    const undated = this.days.filter((d) => !d.day).reduce((n, d) => n + d.incidents, 0);
    this.note.textContent = undated ? `${fmt.format(undated)} undated incident(s) are not on the timeline.` : "";
    this.drawLegend(dated);
    if (!dated.length) {
      svg.append(s("text", {x: width / 2, y: height / 2, "text-anchor": "middle", class: "empty"}, "No dated incidents"));
      this.scale = null;
      this.updateLabel();
      return;
    }
    let lo = Math.min(...dated.map((d) => dayNum(d.day))), hi = Math.max(...dated.map((d) => dayNum(d.day)));
    if (this.selection) {
      lo = Math.min(lo, this.selection[0]);
      hi = Math.max(hi, this.selection[1]);
    }
    lo -= 1;
    hi += 1;
    const plotW = width - M.left - M.right;
    const x = (n) => M.left + ((n - lo) / (hi - lo + 1)) * plotW;
    const barW = Math.max(1.5, plotW / (hi - lo + 1) - 1);
    const bandH = (height - M.top - M.bottom - M.gap) / 2;
    const top = M.top, bottom = M.top + bandH + M.gap;
    this.scale = {lo, hi, x, inv: (px) => lo + ((px - M.left) / plotW) * (hi - lo + 1), top, height};

    // per day: stacked counts by type; summed killed range
    const perDay = new Map();
    for (const d of dated) {
      const e = perDay.get(d.day) || {types: [], low: 0, best: 0, high: 0, open: 0, without: 0, n: 0};
      e.types.push(d);
      e.n += d.incidents;
      e.low += d.killed_low || 0;
      e.best += d.killed_best || 0;
      e.high += d.killed_high || 0;
      e.open += d.open_ended || 0;
      e.without += d.without_killed || 0;
      perDay.set(d.day, e);
    }
    const maxN = Math.max(...[...perDay.values()].map((e) => e.n));
    const maxK = Math.max(1, ...[...perDay.values()].map((e) => Math.max(e.high, e.best, e.low)));
    const order = new Map(TYPES.map(([t], i) => [t, i]));

    svg.append(s("text", {x: 4, y: top + 10, class: "band-label"}, "incidents"));
    svg.append(s("text", {x: 4, y: top + 22, class: "axis"}, fmt.format(maxN)));
    svg.append(s("text", {x: 4, y: bottom + 10, class: "band-label"}, "killed"));
    svg.append(s("text", {x: 4, y: bottom + 22, class: "axis"}, fmt.format(maxK)));
    svg.append(s("line", {x1: M.left, x2: width - M.right, y1: top + bandH, y2: top + bandH, class: "baseline"}));
    svg.append(s("line", {x1: M.left, x2: width - M.right, y1: bottom + bandH, y2: bottom + bandH, class: "baseline"}));

    for (const [day, e] of perDay) {
      const px = x(dayNum(day));
      let y = top + bandH;
      e.types.sort((a, b) => (order.get(a.event_type) ?? 99) - (order.get(b.event_type) ?? 99));
      for (const t of e.types) {
        const bh = (t.incidents / maxN) * bandH;
        y -= bh;
        const r = s("rect", {x: px, y, width: barW, height: Math.max(1, bh), fill: colour(t.event_type)});
        r.append(s("title", {}, `${day}: ${t.incidents} × ${shortType(t.event_type)}`));
        svg.append(r);
      }
      const ky = (v) => bottom + bandH - (v / maxK) * bandH;
      const cx = px + barW / 2;
      if (e.high > 0 || e.low > 0) {
        const g = s("g", {class: "killed"});
        g.append(s("rect", {x: px, y: ky(Math.max(e.high, e.low)), width: barW,
          height: Math.max(1.5, ky(e.low) - ky(Math.max(e.high, e.low))), class: "range"}));
        g.append(s("line", {x1: px - 1, x2: px + barW + 1, y1: ky(e.best), y2: ky(e.best), class: "best"}));
        if (e.open) g.append(s("path", {d: `M${cx - 4},${ky(e.high) - 3} L${cx},${ky(e.high) - 9} L${cx + 4},${ky(e.high) - 3}Z`,
          class: "open"}));
        const open = e.open ? `, ${e.open} with no upper bound (at least)` : "";
        const without = e.without ? `, ${e.without} without a figure` : "";
        g.append(s("title", {}, `${day}: killed ${fmt.format(e.low)}–${fmt.format(e.high)} (best ${fmt.format(e.best)})${open}${without}`));
        svg.append(g);
      } else if (e.without) {
        const c = s("circle", {cx, cy: bottom + bandH - 3, r: 2.5, class: "nofigure"});
        c.append(s("title", {}, `${day}: ${e.without} incident(s) without a killed figure`));
        svg.append(c);
      }
    }
    // axis: a few day labels
    const span = hi - lo - 2; // days from the first to the last
    const ticks = Math.max(1, Math.min(span, Math.floor(plotW / 95)));
    const labelled = new Set();
    let lastRight = -Infinity; // a label that would touch the one before it is left out (narrow screens)
    for (let i = 0; i <= ticks; i++) {
      const n = Math.round(lo + 1 + (span * i) / ticks);
      if (labelled.has(n)) continue;
      labelled.add(n);
      const anchor = i === 0 ? "start" : i === ticks ? "end" : "middle";
      const at = anchor === "start" ? x(n) : anchor === "end" ? x(n) + barW : x(n) + barW / 2;
      const label = s("text", {x: at, y: height - 6, class: "axis day", "text-anchor": anchor}, dayLabel(n, i === 0, span > 400));
      svg.append(label);
      const box = label.getBBox ? label.getBBox() : null;
      if (box && box.width > 0) {
        if (box.x < lastRight + 8) { label.remove(); continue; }
        lastRight = box.x + box.width;
      }
    }
    // the brush
    this.brush = s("rect", {class: "brush", y: top - 4, height: height - M.bottom - top + 4, x: 0, width: 0});
    svg.append(this.brush);
    this.paintBrush();
  }

  drawLegend(dated) {
    clear(this.legend);
    const present = new Set(dated.map((d) => d.event_type));
    for (const [t, c] of [...TYPES, ...[...present].filter((t) => !TYPES.some(([k]) => k === t)).map((t) => [t, colour(t)])]) {
      if (!present.has(t)) continue;
      const sw = document.createElement("span");
      sw.className = "swatch";
      sw.style.background = c;
      const li = document.createElement("li");
      append(li, [sw, t || "unknown type"]);
      this.legend.append(li);
    }
    const k = document.createElement("li");
    const sw = document.createElement("span");
    sw.className = "swatch killed-swatch";
    append(k, [sw, "killed: low–high, tick at best; ▲ open-ended"]);
    this.legend.append(k);
  }

  paintBrush() {
    if (!this.brush || !this.scale) return;
    if (!this.selection) {
      this.brush.setAttribute("width", 0);
      this.updateLabel();
      return;
    }
    const [a, b] = this.selection;
    const x0 = this.scale.x(a), x1 = this.scale.x(b + 1);
    this.brush.setAttribute("x", Math.min(x0, x1));
    this.brush.setAttribute("width", Math.max(2, Math.abs(x1 - x0)));
    this.updateLabel();
  }

  updateLabel() {
    const text = this.selection ? `selected ${isoDay(this.selection[0])} to ${isoDay(this.selection[1])}` : "no days selected";
    this.svg.setAttribute("aria-label", `Timeline of incidents and killed per day; drag or use arrow keys to select days; ${text}`);
    this.svg.setAttribute("aria-valuetext", text);
  }

  px(e) {
    const r = this.svg.getBoundingClientRect();
    return ((e.clientX - r.left) / r.width) * Number(this.svg.getAttribute("width"));
  }

  down(e) {
    if (!this.scale) return;
    this.svg.setPointerCapture(e.pointerId);
    this.dragFrom = Math.floor(this.scale.inv(this.px(e)));
    this.dragged = false;
  }

  move(e) {
    if (this.dragFrom === undefined || !this.scale) return;
    const here = Math.floor(this.scale.inv(this.px(e)));
    if (here !== this.dragFrom) this.dragged = true;
    if (!this.dragged) return;
    this.selection = [Math.min(this.dragFrom, here), Math.max(this.dragFrom, here)];
    this.paintBrush();
  }

  up() {
    if (this.dragFrom === undefined) return;
    if (!this.dragged) this.selection = null;
    this.dragFrom = undefined;
    this.paintBrush();
    this.emit();
  }

  key(e) {
    if (!this.scale) return;
    const step = {ArrowLeft: -1, ArrowRight: 1}[e.key];
    if (e.key === "Escape" && this.selection) {
      this.selection = null;
    } else if (step) {
      const first = Math.floor(this.scale.lo + 1);
      let [a, b] = this.selection || [first, first];
      if (this.selection) {
        if (e.shiftKey) b = Math.max(a, b + step);
        else { a += step; b += step; }
      }
      this.selection = [a, b];
    } else {
      return;
    }
    e.preventDefault();
    this.paintBrush();
    clearTimeout(this.timer);
    this.timer = setTimeout(() => this.emit(), 350);
  }

  emit() {
    this.onBrush(this.selection ? [isoDay(this.selection[0]), isoDay(this.selection[1])] : null);
  }
}
