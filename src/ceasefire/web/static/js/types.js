// Event types (ACLED's) and their colours, shared by the map, the timeline and the legends.
export const TYPES = [
  ["Battles", "#c2410c"],
  ["Explosions/Remote violence", "#6d28d9"],
  ["Violence against civilians", "#be185d"],
  ["Strategic developments", "#0f766e"],
  ["Protests", "#4d7c0f"],
  ["Riots", "#a16207"],
];
const COLOURS = new Map(TYPES);
export const OTHER = "#52525b";

export function colour(type) {
  return COLOURS.get(type) || OTHER;
}

export function shortType(type) {
  return type === "Explosions/Remote violence" ? "Explosions" : type || "unknown type";
}
