import type { Express } from 'express';

/**
 * Every route a running hub serves, read from its Express router (router 2.x layers), so that a route added
 * tomorrow shows up in the access and fuzz tests' coverage checks without anyone remembering to list it.
 *
 * - A route (`router.get('/x', …)`) gives one entry per method: `GET /api/x`.
 * - A router mounted with `app.use('/api', router)` is walked with its mount path as prefix.
 * - Any other middleware mounted at a path (the static `/assets` folder, the CORS preflight on `/api`) gives a
 *   `USE` entry: it answers requests too.
 * Middleware mounted at `/` (helmet, logging, the body parser, 404 and error handlers) is not a route.
 */
export interface RouteEntry {
  readonly method: string;
  readonly path: string;
}

export const routeKey = (r: RouteEntry): string => `${r.method} ${r.path}`;

interface Layer {
  readonly rawPath: unknown;
  readonly route: unknown;
  readonly handle: unknown;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return (typeof value === 'object' || typeof value === 'function') && value !== null;
}

function layersOf(value: unknown): Layer[] | null {
  if (!isRecord(value) || !Array.isArray(value.stack)) return null;
  return value.stack.map((layer: unknown) => {
    if (!isRecord(layer)) throw new Error('route inventory: a router layer is not an object');
    return { rawPath: layer.rawPath, route: layer.route, handle: layer.handle };
  });
}

function mountPath(rawPath: unknown): string {
  if (typeof rawPath !== 'string')
    throw new Error(`route inventory: unsupported mount path ${String(rawPath)}`);
  return rawPath === '/' ? '' : rawPath;
}

function walk(layers: readonly Layer[], prefix: string, into: RouteEntry[]): void {
  for (const layer of layers) {
    if (isRecord(layer.route)) {
      const { path, methods } = layer.route;
      if (typeof path !== 'string' || !isRecord(methods))
        throw new Error(`route inventory: unsupported route under ${prefix}`);
      for (const [method, on] of Object.entries(methods))
        if (on === true && method !== '_all')
          into.push({ method: method.toUpperCase(), path: prefix + path });
      continue;
    }
    const nested = layersOf(layer.handle);
    if (nested) {
      walk(nested, prefix + mountPath(layer.rawPath), into);
      continue;
    }
    const mount = mountPath(layer.rawPath);
    if (mount !== '') into.push({ method: 'USE', path: prefix + mount });
  }
}

/** The hub's routes, sorted and without duplicates (one path may be registered by two routers). */
export function routeInventory(app: Express): RouteEntry[] {
  const layers = layersOf((app as unknown as Record<string, unknown>).router);
  if (!layers) throw new Error('route inventory: the app has no router stack');
  const entries: RouteEntry[] = [];
  walk(layers, '', entries);
  const unique = new Map(entries.map((e) => [routeKey(e), e]));
  return [...unique.values()].sort((a, b) => routeKey(a).localeCompare(routeKey(b)));
}

/** `GET /api/openapi.json`'s operations in the same form (`{id}` becomes `:id`). */
export function openApiRoutes(doc: unknown): RouteEntry[] {
  if (!isRecord(doc) || !isRecord(doc.paths)) throw new Error('openapi: no paths');
  const entries: RouteEntry[] = [];
  for (const [path, operations] of Object.entries(doc.paths)) {
    if (!isRecord(operations)) continue;
    for (const method of Object.keys(operations))
      entries.push({ method: method.toUpperCase(), path: path.replace(/\{(\w+)\}/g, ':$1') });
  }
  return entries.sort((a, b) => routeKey(a).localeCompare(routeKey(b)));
}
