import { geoMercator, geoPath, type GeoPermissibleObjects } from "d3-geo";
import { feature } from "topojson-client";
import type { GeometryCollection, Topology } from "topojson-specification";
import land from "world-atlas/land-110m.json";
import { round1 } from "./scale";

/**
 * The meeting-places map, projected on the server when the page is built:
 * Natural Earth land outlines (public domain, via world-atlas) in Mercator,
 * fitted to the places with a margin. No tiles, no client code.
 */

export const MAP_WIDTH = 360;
export const MAP_FONT_SIZE = 15;
/** Degrees of margin around the outermost places, so their labels fit. */
const MARGIN = { west: 6, east: 11, south: 3, north: 3 } as const;

export interface MapPoint {
  longitude: number;
  latitude: number;
}

export interface ProjectedMap {
  /** Follows from the width and the places' spread. */
  height: number;
  landPath: string;
  project(point: MapPoint): { x: number; y: number };
}

function landShape(): GeoPermissibleObjects {
  const topology = land as unknown as Topology<{ land: GeometryCollection }>;
  return feature(topology, topology.objects.land);
}

export function projectMap(points: readonly MapPoint[]): ProjectedMap {
  const lons = points.map((p) => p.longitude);
  const lats = points.map((p) => p.latitude);
  const corners: GeoPermissibleObjects = {
    type: "MultiPoint",
    coordinates: [
      [Math.min(...lons) - MARGIN.west, Math.min(...lats) - MARGIN.south],
      [Math.max(...lons) + MARGIN.east, Math.max(...lats) + MARGIN.north],
    ],
  };
  const projection = geoMercator().fitWidth(MAP_WIDTH, corners);
  const [[, top], [, bottom]] = geoPath(projection).bounds(corners);
  const height = Math.ceil(bottom - top);
  projection.clipExtent([
    [0, 0],
    [MAP_WIDTH, height],
  ]);
  const landPath = geoPath(projection).digits(1)(landShape()) ?? "";
  return {
    height,
    landPath,
    project(point) {
      const [x, y] = projection([point.longitude, point.latitude]) ?? [0, 0];
      return { x: round1(x), y: round1(y) };
    },
  };
}
