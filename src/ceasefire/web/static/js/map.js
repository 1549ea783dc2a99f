// The map: Leaflet over the bundled Natural Earth countries (or configured tiles). Precision is
// drawn honestly: a point only for incidents placed at a point, near one or in a town; a dashed
// area for a district or province; the whole country outlined for a country.
import {h, incidentPage, rangeText, dateText, placeText, PRECISION, gradeBadge, contested} from "./dom.js";
import {colour, shortType} from "./types.js";

const AREA_METRES = {admin2: 20000, admin1: 80000};
const POINT = new Set(["point", "near", "locality"]);

export class IncidentMap {
  constructor(container, config, onSelect) {
    this.onSelect = onSelect;
    this.map = L.map(container, {worldCopyJump: true, keyboard: true, zoomSnap: 0.5, preferCanvas: false});
    this.map.attributionControl.setPrefix(false);
    this.map.setView([30, 30], 2);
    this.byCountry = new Map();
    this.layer = L.featureGroup().addTo(this.map);
    this.layers = new Map();
    if (config.tiles) {
      L.tileLayer(config.tiles, {maxZoom: 18}).addTo(this.map);
      this.map.attributionControl.addAttribution(`tiles: ${escapeText(new URL(config.tiles.replace(/[{}]/g, "")).host)}`);
    }
    this.map.attributionControl.addAttribution(escapeText(config.attribution || "Natural Earth"));
    this.world = fetch("/web/world.geojson").then((r) => r.json()).then((geo) => {
      const base = L.geoJSON(geo, {
        interactive: false,
        style: {color: "#94a3b8", weight: 0.7, fillColor: config.tiles ? "transparent" : "#f1f5f9", fillOpacity: 1},
      });
      base.addTo(this.map);
      base.bringToBack();
      for (const f of geo.features) if (f.properties.iso2) this.byCountry.set(f.properties.iso2, f);
    }).catch(() => null);
  }

  async show(incidents) {
    await this.world;
    this.layer.clearLayers();
    this.layers.clear();
    const countries = new Map();
    for (const inc of incidents) {
      const loc = inc.location;
      if (!loc || loc.lat === null || loc.lon === null) {
        if (loc && loc.precision === "country" && loc.country) pushTo(countries, loc.country, inc);
        continue;
      }
      if (loc.precision === "country") {
        pushTo(countries, loc.country || "?", inc);
        continue;
      }
      const c = colour(inc.event_type);
      let layer;
      if (POINT.has(loc.precision)) {
        const killed = inc.killed ? inc.killed.best ?? inc.killed.low ?? 0 : 0;
        const disputed = contested(inc) || inc.grade === "contested";
        layer = L.circleMarker([loc.lat, loc.lon], {
          radius: 5 + Math.min(14, Math.sqrt(killed) * 1.6),
          color: disputed ? "#b91c1c" : "#1f2937",
          weight: disputed ? 3 : 1,
          dashArray: inc.grade === "single_source" ? "2 3" : null,
          fillColor: c,
          fillOpacity: 0.85,
          className: `incident-marker grade-${inc.grade}`,
        });
      } else {
        layer = L.circle([loc.lat, loc.lon], {
          radius: AREA_METRES[loc.precision] || 40000,
          color: c,
          weight: 2,
          dashArray: "6 5",
          fillColor: c,
          fillOpacity: 0.12,
          className: "incident-area",
        });
      }
      layer.bindTooltip(this.card([inc]), {sticky: true});
      layer.on("click", () => this.onSelect(inc.id));
      layer.addTo(this.layer);
      this.layers.set(inc.id, layer);
    }
    for (const [iso2, list] of countries) {
      const f = this.byCountry.get(iso2);
      if (!f) continue;
      const c = list.length === 1 ? colour(list[0].event_type) : "#334155";
      const layer = L.geoJSON(f, {
        style: {color: c, weight: 2, dashArray: "2 6", fillColor: c, fillOpacity: 0.08, className: "incident-country"},
      });
      layer.bindTooltip(this.card(list), {sticky: true});
      layer.on("click", () => this.onSelect(list[0].id));
      layer.addTo(this.layer);
      for (const inc of list) this.layers.set(inc.id, layer);
    }
  }

  card(list) {
    const first = list[0];
    const where = first.location || {};
    const precision = PRECISION[where.precision] || where.precision || "unplaced";
    if (list.length > 1) {
      return h("div", {class: "tip"}, h("strong", {}, `${list.length} incidents known only by country`),
        h("div", {}, placeText(where)));
    }
    return h("div", {class: "tip"},
      h("strong", {}, shortType(first.event_type)), " ", gradeBadge(first.grade),
      h("div", {}, dateText(first.date)),
      h("div", {}, placeText(where), " — ", precision),
      h("div", {}, "killed: ", rangeText(first.killed)));
  }

  fit() {
    const b = this.layer.getBounds();
    if (b.isValid()) this.map.fitBounds(b, {padding: [30, 30], maxZoom: 9});
  }

  focus(id) {
    const layer = this.layers.get(id);
    if (!layer) return;
    const b = layer.getBounds ? layer.getBounds() : L.latLngBounds([layer.getLatLng()]);
    if (!this.map.getBounds().contains(b)) this.map.panTo(b.getCenter());
    layer.openTooltip && layer.openTooltip(b.getCenter());
  }

  blur(id) {
    const layer = this.layers.get(id);
    if (layer && layer.closeTooltip) layer.closeTooltip();
  }

  bbox() {
    const b = this.map.getBounds();
    const w = Math.max(-180, b.getWest()), e = Math.min(180, b.getEast());
    return [w, Math.max(-90, b.getSouth()), e, Math.min(90, b.getNorth())].map((x) => x.toFixed(4)).join(",");
  }
}

function pushTo(map, key, value) {
  if (!map.has(key)) map.set(key, []);
  map.get(key).push(value);
}

// Leaflet's attribution takes HTML: our constant strings only, escaped all the same.
function escapeText(s) {
  return String(s).replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

export {incidentPage};
