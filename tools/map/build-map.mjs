// Generates src/Rumbo.Core/Indicators/Charts/RegionMapData.cs: the outlines of the countries of Latin America and the
// Caribbean that ECLAC counts (its 33 member States in the region and its Caribbean associate members), projected to
// a 600 × 640 box, for the server-rendered SVG map (RegionMap.cs).
//
// Run once by a developer, when the map should change:  cd tools/map && npm ci && node build-map.mjs
//
// Source: Natural Earth 1:50m admin-0 countries (public domain), through the npm package world-atlas 2.0.2 (ISC),
// whose ids are ISO 3166-1 numeric codes. The 1:110m file lacks seven small Caribbean States, hence 1:50m.
//
// How: the TopoJSON arcs of the chosen polygons are decoded, projected with a Lambert azimuthal equal-area projection
// centred on the region (equal area, so a choropleth does not exaggerate the south), simplified arc by arc
// (Douglas–Peucker, so neighbours keep one shared border and no slivers open between them) and rounded to 0.1.
// Small States get a callout marker; in the Lesser Antilles the markers stand in a column in the Atlantic, joined to
// their islands by a leader line, since their centroids are too close together for markers to sit on them.
//
// Guadeloupe and Martinique are parts of France in Natural Earth (no ids of their own): their polygons are taken from
// France's by bounding box. French Guiana, also part of France and not (yet) in Rumbo's list, is drawn as context
// land only, so that no hole opens between Suriname and Brazil.

import { readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";
import { dirname, resolve } from "node:path";
import { geoAzimuthalEqualArea } from "d3-geo";

const require = createRequire(import.meta.url);
const here = dirname(fileURLToPath(import.meta.url));
const repo = resolve(here, "../..");
const output = resolve(repo, "src/Rumbo.Core/Indicators/Charts/RegionMapData.cs");
const referenceData = resolve(repo, "src/Rumbo.Core/People/ReferenceData.cs");

const topology = JSON.parse(readFileSync(require.resolve("world-atlas/countries-50m.json"), "utf8"));
const atlasVersion = JSON.parse(readFileSync(require.resolve("world-atlas/package.json"), "utf8")).version;

const Width = 600;
const Height = 640;
const Pad = 8;

/** Simplification tolerance in viewBox units; arcs of small States are only rounded. */
const Tolerance = 0.15;
const SmallTolerance = 0.02;

/** Below this projected area (viewBox units²) a State also gets a marker: about 5,000 km² at this scale. */
const SmallArea = 30;

/** Islands smaller than this (units²) are dropped from large countries (they would be under a pixel anyway). */
const MinRingArea = 0.08;

// ISO 3166-1: alpha-2, alpha-3, numeric. The member States first, then the associate members.
const Countries = [
  ["AG", "ATG", "028"], ["AR", "ARG", "032"], ["BS", "BHS", "044"], ["BB", "BRB", "052"], ["BZ", "BLZ", "084"],
  ["BO", "BOL", "068"], ["BR", "BRA", "076"], ["CL", "CHL", "152"], ["CO", "COL", "170"], ["CR", "CRI", "188"],
  ["CU", "CUB", "192"], ["DM", "DMA", "212"], ["DO", "DOM", "214"], ["EC", "ECU", "218"], ["SV", "SLV", "222"],
  ["GD", "GRD", "308"], ["GT", "GTM", "320"], ["GY", "GUY", "328"], ["HT", "HTI", "332"], ["HN", "HND", "340"],
  ["JM", "JAM", "388"], ["MX", "MEX", "484"], ["NI", "NIC", "558"], ["PA", "PAN", "591"], ["PY", "PRY", "600"],
  ["PE", "PER", "604"], ["KN", "KNA", "659"], ["LC", "LCA", "662"], ["VC", "VCT", "670"], ["SR", "SUR", "740"],
  ["TT", "TTO", "780"], ["UY", "URY", "858"], ["VE", "VEN", "862"],
  ["AI", "AIA", "660"], ["AW", "ABW", "533"], ["BM", "BMU", "060"], ["VG", "VGB", "092"], ["KY", "CYM", "136"],
  ["CW", "CUW", "531"], ["GP", "GLP", "312"], ["MQ", "MTQ", "474"], ["MS", "MSR", "500"], ["PR", "PRI", "630"],
  ["SX", "SXM", "534"], ["TC", "TCA", "796"], ["VI", "VIR", "850"],
];

/**
 * Territories that Natural Earth draws as part of another country: the polygons of that country whose bounding box
 * lies inside [west, south, east, north] (degrees). If none is found the territory is drawn as a marker at `at`.
 */
const PartsOf = {
  GP: { of: "250", box: [-62, 15.8, -60.9, 16.6], at: [-61.55, 16.25] },
  MQ: { of: "250", box: [-61.3, 14.3, -60.7, 15.0], at: [-61.02, 14.64] },
};

/** Land drawn for context only (not a country of the map). */
const Context = {
  GF: { of: "250", box: [-55, 2, -51, 6.1] },
};

/**
 * The Lesser Antilles (and the Virgin Islands) whose markers stand in a column in the Atlantic, east of the islands,
 * north to south (neighbours swapped where their leader lines would cross), the column's foot clear of the Guianas' coast.
 */
const CalloutColumn = ["VG", "VI", "AI", "SX", "KN", "AG", "MS", "GP", "DM", "MQ", "LC", "VC", "BB", "GD"];
const ColumnOffset = 75; // from the easternmost centroid of the column's islands
const ColumnFoot = 190;
/** Markers moved off a neighbour's coast or off each other: [dx, dy] in viewBox units from the centroid. */
const MarkerOffsets = { AW: [-12, -14], CW: [8, -14], KY: [0, -9] };
/** Markers whose code is written to their left rather than their right. */
const LabelLeft = new Set(["AW"]);
const MarkerRadius = 6;
const ColumnGap = 2 * MarkerRadius + 2;

// --- Check the table against ReferenceData.cs --------------------------------------------------------------------

const problems = [];
const reference = [...readFileSync(referenceData, "utf8").matchAll(/new\("([A-Z]{2})", "([A-Z]{3})"/g)].map((m) => [m[1], m[2]]);
for (const [a2, a3] of reference) {
  const row = Countries.find((c) => c[0] === a2);
  if (!row) problems.push(`${a2} (${a3}) is in ReferenceData.cs but not in the generator's table`);
  else if (row[1] !== a3) problems.push(`${a2}: ReferenceData.cs says ${a3}, the generator's table ${row[1]}`);
}
for (const [a2] of Countries) {
  if (!reference.some(([r]) => r === a2)) problems.push(`${a2} is in the generator's table but not in ReferenceData.cs`);
}

// --- Select polygons ---------------------------------------------------------------------------------------------

const geometries = topology.objects.countries.geometries;
const [sx, sy] = topology.transform.scale;
const [tx, ty] = topology.transform.translate;

/** Arc i decoded to [lon, lat] pairs. */
const decoded = topology.arcs.map((arc) => {
  let x = 0;
  let y = 0;
  return arc.map(([dx, dy]) => {
    x += dx;
    y += dy;
    return [x * sx + tx, y * sy + ty];
  });
});

/** The polygons (arrays of rings, each an array of arc indices) of a geometry. */
function polygonsOf(geometry) {
  if (geometry.type === "Polygon") return [geometry.arcs];
  if (geometry.type === "MultiPolygon") return geometry.arcs;
  return [];
}

/** A ring's points, from its arcs (a negative index ~i is arc i reversed), without the closing repeat. */
function ringPoints(ring, arcPoints) {
  const points = [];
  for (const index of ring) {
    let arc = arcPoints(index < 0 ? ~index : index);
    if (index < 0) arc = arc.slice().reverse();
    points.push(...(points.length ? arc.slice(1) : arc));
  }
  if (points.length > 1) {
    const [a, b] = [points[0], points[points.length - 1]];
    if (a[0] === b[0] && a[1] === b[1]) points.pop();
  }
  return points;
}

function insideBox(polygon, [w, s, e, n]) {
  return ringPoints(polygon[0], (i) => decoded[i]).every(([x, y]) => x >= w && x <= e && y >= s && y <= n);
}

const shapes = []; // { code, polygons, context }
const missing = [];
for (const [a2, a3, numeric] of Countries) {
  const part = PartsOf[a2];
  const geometry = geometries.find((g) => g.id === (part ? part.of : numeric));
  let polygons = geometry ? polygonsOf(geometry) : [];
  if (part) polygons = polygons.filter((p) => insideBox(p, part.box));
  if (polygons.length === 0) {
    missing.push(`${a2} ${a3} ${numeric}`);
    shapes.push({ code: a2, polygons: [], at: part?.at });
    if (!part?.at) problems.push(`${a2} (${numeric}) is not in the atlas and has no marker coordinate`);
  } else {
    shapes.push({ code: a2, polygons });
  }
}
for (const [code, { of, box }] of Object.entries(Context)) {
  const polygons = polygonsOf(geometries.find((g) => g.id === of)).filter((p) => insideBox(p, box));
  if (polygons.length === 0) problems.push(`context land ${code} not found`);
  else shapes.push({ code, polygons, context: true });
}

// --- Project ------------------------------------------------------------------------------------------------------

const fitting = {
  type: "FeatureCollection",
  features: shapes.map((shape) => ({
    type: "Feature",
    properties: {},
    geometry: shape.polygons.length
      ? { type: "MultiPolygon", coordinates: shape.polygons.map((p) => p.map((r) => closed(ringPoints(r, (i) => decoded[i])))) }
      : { type: "Point", coordinates: shape.at },
  })),
};

function closed(points) {
  return [...points, points[0]];
}

const projection = geoAzimuthalEqualArea()
  .rotate([76, 11.5])
  .fitExtent([[Pad, Pad], [Width - Pad, Height - Pad]], fitting);

// Arcs used by small States keep their detail.
const smallArcs = new Set();
for (const shape of shapes) {
  if (shape.context || !shape.polygons.length) continue;
  const area = shape.polygons.reduce((sum, p) => sum + Math.abs(planarArea(p[0].flatMap((i) => decoded[i < 0 ? ~i : i].map((c) => projection(c))))), 0);
  if (area < SmallArea * 2) for (const p of shape.polygons) for (const r of p) for (const i of r) smallArcs.add(i < 0 ? ~i : i);
}

const projectedArcs = new Map();
function projectedArc(i) {
  let arc = projectedArcs.get(i);
  if (!arc) {
    const points = decoded[i].map((c) => projection(c));
    arc = dedupe(simplify(points, smallArcs.has(i) ? SmallTolerance : Tolerance).map(([x, y]) => [round(x), round(y)]));
    projectedArcs.set(i, arc);
  }
  return arc;
}

function round(v) {
  const r = Math.round(v * 10) / 10;
  return r === 0 ? 0 : r;
}

function dedupe(points) {
  const out = [];
  for (const p of points) {
    const last = out[out.length - 1];
    if (!last || last[0] !== p[0] || last[1] !== p[1]) out.push(p);
  }
  return out;
}

/** Douglas–Peucker keeping both ends; a closed arc is split at its farthest point first. */
function simplify(points, tolerance) {
  if (points.length < 3) return points;
  const [first, last] = [points[0], points[points.length - 1]];
  if (first[0] === last[0] && first[1] === last[1]) {
    let far = 0;
    let best = -1;
    points.forEach((p, k) => {
      const d = (p[0] - first[0]) ** 2 + (p[1] - first[1]) ** 2;
      if (d > best) [best, far] = [d, k];
    });
    if (far === 0) return points;
    return [...simplify(points.slice(0, far + 1), tolerance).slice(0, -1), ...simplify(points.slice(far), tolerance)];
  }
  const keep = new Uint8Array(points.length);
  keep[0] = keep[points.length - 1] = 1;
  const stack = [[0, points.length - 1]];
  while (stack.length) {
    const [a, b] = stack.pop();
    let index = -1;
    let max = tolerance * tolerance;
    for (let k = a + 1; k < b; k++) {
      const d = segmentDistance2(points[k], points[a], points[b]);
      if (d > max) [max, index] = [d, k];
    }
    if (index >= 0) {
      keep[index] = 1;
      stack.push([a, index], [index, b]);
    }
  }
  return points.filter((_, k) => keep[k]);
}

function segmentDistance2([px, py], [ax, ay], [bx, by]) {
  const dx = bx - ax;
  const dy = by - ay;
  const len = dx * dx + dy * dy;
  let t = len ? ((px - ax) * dx + (py - ay) * dy) / len : 0;
  t = Math.max(0, Math.min(1, t));
  return (px - ax - t * dx) ** 2 + (py - ay - t * dy) ** 2;
}

function planarArea(points) {
  let sum = 0;
  for (let k = 0, j = points.length - 1; k < points.length; j = k++) sum += points[j][0] * points[k][1] - points[k][0] * points[j][1];
  return sum / 2;
}

function ringCentroid(points) {
  let cx = 0;
  let cy = 0;
  let a = 0;
  for (let k = 0, j = points.length - 1; k < points.length; j = k++) {
    const f = points[j][0] * points[k][1] - points[k][0] * points[j][1];
    cx += (points[j][0] + points[k][0]) * f;
    cy += (points[j][1] + points[k][1]) * f;
    a += f;
  }
  return a ? [cx / (3 * a), cy / (3 * a)] : points[0];
}

function fmt(v) {
  return String(round(v));
}

// --- Build paths ----------------------------------------------------------------------------------------------------

const built = [];
for (const shape of shapes) {
  if (!shape.polygons.length) {
    const [x, y] = projection(shape.at);
    built.push({ code: shape.code, d: "", cx: round(x), cy: round(y), area: 0, context: false });
    continue;
  }
  const polygons = shape.polygons.map((polygon) => {
    const rings = polygon.map((ring) => ringPoints(ring, projectedArc)).map(dedupe);
    const outer = rings[0];
    const area = Math.abs(planarArea(outer)) - rings.slice(1).reduce((s, r) => s + Math.abs(planarArea(r)), 0);
    return { rings, area, centroid: ringCentroid(outer) };
  });
  const total = polygons.reduce((s, p) => s + p.area, 0);
  const largest = Math.max(...polygons.map((p) => p.area));
  // Large countries drop islets below a pixel; small States keep every island.
  const kept = polygons.filter((p) => p.rings[0].length >= 3 && (total < SmallArea * 2 || p.area >= MinRingArea || p.area === largest));
  let d = "";
  for (const p of kept) {
    for (const ring of p.rings) {
      if (ring.length < 3) continue;
      d += `M${fmt(ring[0][0])},${fmt(ring[0][1])}L${ring.slice(1).map(([x, y]) => `${fmt(x)},${fmt(y)}`).join(" ")}Z`;
    }
  }
  const weight = kept.reduce((s, p) => s + p.area, 0);
  // The centroid of the largest polygon for a scattered country would miss its other parts; the area-weighted one
  // can fall in the sea (the Bahamas), which is fine for a marker.
  const cx = kept.reduce((s, p) => s + p.centroid[0] * p.area, 0) / weight;
  const cy = kept.reduce((s, p) => s + p.centroid[1] * p.area, 0) / weight;
  built.push({ code: shape.code, d, cx: round(cx), cy: round(cy), area: Math.round(total * 100) / 100, context: !!shape.context });
}

// --- Markers ------------------------------------------------------------------------------------------------------

const byCode = Object.fromEntries(built.map((b) => [b.code, b]));
for (const b of built) {
  if (b.context || b.area >= SmallArea) continue;
  const [dx, dy] = MarkerOffsets[b.code] ?? [0, 0];
  b.mx = round(b.cx + dx);
  b.my = round(b.cy + dy);
}
{
  const column = CalloutColumn.map((c) => byCode[c]).filter((b) => b && b.mx !== undefined);
  const x = Math.max(...column.map((b) => b.cx)) + ColumnOffset;
  const mid = (Math.min(...column.map((b) => b.cy)) + Math.max(...column.map((b) => b.cy))) / 2;
  const top = Math.min(mid - ((column.length - 1) * ColumnGap) / 2, ColumnFoot - (column.length - 1) * ColumnGap);
  // Swap neighbours whose leader lines cross, until none do.
  const slot = (k) => [x, top + k * ColumnGap];
  for (let pass = 0; pass < column.length * column.length; pass++) {
    let swapped = false;
    for (let k = 0; k + 1 < column.length; k++) {
      const [a, b] = [column[k], column[k + 1]];
      if (segmentsCross([a.cx, a.cy], slot(k), [b.cx, b.cy], slot(k + 1))) {
        [column[k], column[k + 1]] = [b, a];
        swapped = true;
      }
    }
    if (!swapped) break;
  }
  column.forEach((b, k) => {
    b.mx = round(x);
    b.my = round(top + k * ColumnGap);
  });
}

function segmentsCross(p1, p2, q1, q2) {
  const side = (a, b, c) => Math.sign((b[0] - a[0]) * (c[1] - a[1]) - (b[1] - a[1]) * (c[0] - a[0]));
  return side(p1, p2, q1) * side(p1, p2, q2) < 0 && side(q1, q2, p1) * side(q1, q2, p2) < 0;
}

// --- Check and write ------------------------------------------------------------------------------------------------

for (const b of built) {
  for (const [x, y] of [[b.cx, b.cy], ...(b.mx !== undefined ? [[b.mx, b.my]] : [])]) {
    if (x < MarkerRadius || y < MarkerRadius || x > Width - MarkerRadius || y > Height - MarkerRadius) {
      problems.push(`${b.code}: point ${x},${y} outside the box`);
    }
  }
  for (const m of b.d.matchAll(/-?\d+(\.\d+)?,-?\d+(\.\d+)?/g)) {
    const [x, y] = m[0].split(",").map(Number);
    if (x < 0 || y < 0 || x > Width || y > Height) {
      problems.push(`${b.code}: path point ${x},${y} outside the box`);
      break;
    }
  }
}

const cs = (s) => JSON.stringify(s); // ASCII only: the same escapes in C# and JSON
const n = (v) => (v === undefined ? "null" : String(v));
const entry = (b) =>
  `        new(${cs(b.code)}, ${n(b.cx)}, ${n(b.cy)}, ${n(b.area)}, ${n(b.mx)}, ${n(b.my)}, ${LabelLeft.has(b.code)},\n` +
  `            ${cs(b.d)}),\n`;

const countries = built.filter((b) => !b.context).sort((a, b) => (a.code < b.code ? -1 : 1));
const context = built.filter((b) => b.context);
const source =
  `// <auto-generated>\n` +
  `// Generated by tools/map/build-map.mjs from Natural Earth 1:50m admin-0 countries (public domain) via the npm\n` +
  `// package world-atlas ${atlasVersion} (ISC). Do not edit: change the script and run\n` +
  `//   cd tools/map && npm ci && node build-map.mjs\n` +
  `// Lambert azimuthal equal-area projection centred on 76° W, 11.5° S, fitted to ${Width} × ${Height}; coordinates rounded to 0.1.\n` +
  `// Guadeloupe and Martinique are cut from France's polygons; French Guiana is context land only.\n` +
  `// </auto-generated>\n\n` +
  `namespace Rumbo.Core.Indicators.Charts;\n\n` +
  `/// <summary>One shape of the map: an SVG path in viewBox units, its centroid, its projected area (units²) and, for a small\n` +
  `/// State, where its marker stands (at the centroid, or moved to a callout joined to the centroid by a leader line) and\n` +
  `/// whether the marker's code label goes to its left.</summary>\n` +
  `internal sealed record RegionMapShape(string Code, double X, double Y, double Area, double? MarkerX, double? MarkerY, bool LabelLeft, string Path);\n\n` +
  `internal static class RegionMapData\n{\n` +
  `    public const int Width = ${Width};\n` +
  `    public const int Height = ${Height};\n` +
  `    public const string ViewBox = "0 0 ${Width} ${Height}";\n\n` +
  `    /// <summary>Below this projected area (units²) a State gets a marker.</summary>\n` +
  `    public const double SmallArea = ${SmallArea};\n\n` +
  `    public const double MarkerRadius = ${MarkerRadius};\n\n` +
  `    /// <summary>The countries, by ISO 3166-1 alpha-2 code.</summary>\n` +
  `    public static readonly IReadOnlyList<RegionMapShape> Countries =\n    [\n` +
  countries.map(entry).join("") +
  `    ];\n\n` +
  `    /// <summary>Land drawn for context only, not part of the map's data.</summary>\n` +
  `    public static readonly IReadOnlyList<RegionMapShape> Context =\n    [\n` +
  context.map(entry).join("") +
  `    ];\n}\n`;

writeFileSync(output, source);

console.log(`Wrote ${output} (${(Buffer.byteLength(source) / 1024).toFixed(1)} KB, ${countries.length} countries).`);
console.log(`Drawn: ${countries.map((b) => b.code).join(" ")}`);
console.log(`Not in the atlas under their own id: ${missing.length ? missing.join(", ") : "none"}`);
for (const b of countries) {
  console.log(`  ${b.code}  area ${b.area}  centroid ${b.cx},${b.cy}${b.mx !== undefined ? `  marker ${b.mx},${b.my}` : ""}${b.d ? "" : "  (marker only)"}`);
}
if (problems.length) {
  console.error("Problems:\n  " + problems.join("\n  "));
  process.exitCode = 1;
}
