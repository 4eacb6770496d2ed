// The JSON API: a GET with query parameters, and errors as exceptions carrying the API's
// own message (`{"error": "..."}`).

export class ApiError extends Error {}

/** GETs `path` with the given parameters (empty values left out). */
export async function get(path, params = {}, { signal } = {}) {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) {
    if (v != null && v !== "" && v !== false) q.set(k, String(v));
  }
  const url = q.toString() ? `${path}?${q}` : path;
  let r;
  try {
    r = await fetch(url, { headers: { Accept: "application/json" }, signal });
  } catch (e) {
    if (e.name === "AbortError") throw e;
    throw new ApiError(`the server did not answer (${e.message}); is dyad serve still running?`);
  }
  let body = null;
  try { body = await r.json(); } catch { /* not JSON */ }
  if (!r.ok) throw new ApiError(body?.error || `${r.status} ${r.statusText}`);
  return body;
}

let atlas = null;
/** The world's country shapes (embedded world-atlas TopoJSON), fetched once. */
export function worldAtlas() {
  atlas ??= fetch("/assets/vendor/countries-110m.json").then((r) => {
    if (!r.ok) throw new ApiError("the map's shapes could not be loaded");
    return r.json();
  });
  return atlas;
}
