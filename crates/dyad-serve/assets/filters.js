// The state of the page is its URL: `#view?name=value&...`, the filters shared by every
// view plus the view's own parameters. Links can be shared and the back button works.

/** The parameters every view passes to the API (as `dyad events`' flags). */
export const FILTERS = ["actor", "recipient", "country", "type", "quad", "since", "until", "place", "q", "asserted_only"];

/** `{view, params}` from the location's hash. */
export function current() {
  const hash = location.hash.replace(/^#/, "");
  const [view, query = ""] = hash.split("?", 2);
  return { view: view || "events", params: new URLSearchParams(query) };
}

/** The filters among `params`, as an object for `api.get`. */
export function filterValues(params) {
  const out = {};
  for (const k of FILTERS) if (params.get(k)) out[k] = params.get(k);
  return out;
}

/** The hash for `view` with `params` (an object or URLSearchParams; empty values dropped). */
export function href(view, params = {}) {
  const q = new URLSearchParams();
  const entries = params instanceof URLSearchParams ? params.entries() : Object.entries(params);
  for (const [k, v] of entries) if (v != null && v !== "" && v !== false) q.set(k, String(v));
  const s = q.toString();
  return `#${view}${s ? `?${s}` : ""}`;
}

/** Goes to `view` keeping the current filters, with `own` parameters. */
export function go(view, own = {}) {
  location.hash = href(view, { ...filterValues(current().params), ...own });
}

/** Changes some of the current view's parameters (null removes one). */
export function update(changes) {
  const { view, params } = current();
  for (const [k, v] of Object.entries(changes)) {
    if (v == null || v === "") params.delete(k); else params.set(k, String(v));
  }
  location.hash = href(view, params);
}

/** Fills the filter bar from the URL, and makes it write the URL on submit. */
export function bindForm(form) {
  const fill = () => {
    const { params } = current();
    for (const k of FILTERS) {
      const input = form.elements.namedItem(k);
      if (!input) continue;
      if (input.type === "checkbox") input.checked = params.get(k) === "true";
      else input.value = params.get(k) || "";
    }
  };
  form.addEventListener("submit", (ev) => {
    ev.preventDefault();
    const { view, params } = current();
    for (const k of FILTERS) {
      const input = form.elements.namedItem(k);
      const v = input.type === "checkbox" ? (input.checked ? "true" : "") : input.value.trim();
      if (v) params.set(k, v); else params.delete(k);
    }
    params.delete("cursor");
    location.hash = href(view, params);
  });
  form.querySelector("#clear-filters")?.addEventListener("click", () => {
    const { view, params } = current();
    for (const k of FILTERS) params.delete(k);
    params.delete("cursor");
    location.hash = href(view, params);
  });
  window.addEventListener("hashchange", fill);
  fill();
}
