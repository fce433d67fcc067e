// kyoyu's service worker. VERSION (the hash of every file of this build) and PRECACHE (what must
// work offline after one visit, with content hashes) are written above by site-gen. Drafts live
// in localStorage, which this worker never touches (a worker cannot reach it).
//
// What is precached: the shell (home, 404, search, the assets), the form filler, the reference
// pages and the handbook — the whole handbook while it is of a readable size (site-gen's
// PRECACHE_HANDBOOK_MAX), else its contents page. The rest (advisories, which grow over the years;
// a large site's other pages and search shards) is cached as it is visited: precaching every page
// of a 10,000-page site would make every first visit download all of it.
//
// Lifecycle: the first install activates at once; a later version installs in the background
// (every page and asset of the new build into its own cache) and waits until a page posts
// "skip-waiting" (site.js's 「更新」); activating removes the caches of older versions.
//
// Nothing is cached unchecked: each entry's bytes must have the SHA-256 whose first 10 hex
// digits the build wrote beside it (for an asset, the hash in its name). A mismatch (a proxy's
// or a half-deployed server's bytes) is not cached and is fetched again; when an entry stays
// wrong or unreachable, the install fails, its cache is removed, and the version in charge
// stays (the browser tries again on a later visit).
const CACHE = `kyoyu-${VERSION}`;
const ATTEMPTS = 3;
const PARALLEL = 6;

self.addEventListener("install", (event) => {
  event.waitUntil(
    caches.open(CACHE).then(async (cache) => {
      const queue = PRECACHE.slice();
      const worker = async () => {
        for (let entry = queue.shift(); entry; entry = queue.shift()) await precache(cache, entry);
      };
      try {
        await Promise.all(Array.from({ length: PARALLEL }, worker));
      } catch (e) {
        queue.length = 0;
        await caches.delete(CACHE);
        throw e;
      }
    })
  );
});

/** Fetches one entry of the precache list and caches it once its bytes match its hash. */
async function precache(cache, entry) {
  let why = "";
  for (let attempt = 1; attempt <= ATTEMPTS; attempt++) {
    if (attempt > 1) await new Promise((r) => setTimeout(r, 250 * attempt));
    let resp;
    try {
      resp = await fetch(new Request(entry.url, { cache: "reload" }));
    } catch (e) {
      why = String(e);
      continue;
    }
    if (!resp.ok) {
      why = `HTTP ${resp.status}`;
      continue;
    }
    const hash = await sha256Prefix(await resp.clone().arrayBuffer());
    if (hash === entry.hash) return cache.put(entry.url, resp);
    why = `SHA-256 ${hash}… ≠ ${entry.hash}…`;
  }
  throw new Error(`事前キャッシュできません: ${entry.url} (${why}; ${ATTEMPTS} 回試しました)`);
}

/** The first 10 hex digits of the SHA-256 of `bytes` (site-gen's content hash). */
async function sha256Prefix(bytes) {
  const digest = new Uint8Array(await crypto.subtle.digest("SHA-256", bytes));
  return Array.from(digest.subarray(0, 5), (b) => b.toString(16).padStart(2, "0")).join("");
}

self.addEventListener("activate", (event) => {
  event.waitUntil(
    caches.keys()
      .then((keys) => Promise.all(keys.filter((k) => k.startsWith("kyoyu-") && k !== CACHE).map((k) => caches.delete(k))))
      .then(() => self.clients.claim())
  );
});

// The page asks the waiting worker to take over when the user accepts 「更新」.
self.addEventListener("message", (event) => {
  if (event.data === "skip-waiting") self.skipWaiting();
});

self.addEventListener("fetch", (event) => {
  const req = event.request;
  if (req.method !== "GET") return;
  const url = new URL(req.url);
  if (url.origin !== self.location.origin) return;
  if (url.pathname.startsWith("/assets/")) {
    // Fingerprinted: the cache is always right. One not precached (a search shard of a large
    // site) is kept once fetched.
    event.respondWith(caches.match(req).then((hit) => hit || fetchAndKeep(req, req)));
    return;
  }
  // Pages: the cached build (consistent with its assets); the network only for what is not
  // cached, kept in this version's cache once fetched. A navigation to `/app` or
  // `/app/index.html` is the cached `/app/` (the hash of `/app/#/edit/<id>` is never sent).
  event.respondWith(
    caches.open(CACHE).then(async (cache) => {
      const hit = await cache.match(req, { ignoreSearch: true })
        || (req.mode === "navigate" ? await cache.match(pageUrl(url), { ignoreSearch: true }) : undefined);
      if (hit) return hit;
      try {
        return await fetchAndKeep(req, req.mode === "navigate" ? pageUrl(url) : req);
      } catch (e) {
        if (req.mode !== "navigate") return Response.error();
        return (await cache.match("/404.html")) || Response.error();
      }
    })
  );
});

/** Fetches `req`; a whole, successful response of the site is kept in this version's cache under `key`. */
async function fetchAndKeep(req, key) {
  const resp = await fetch(req);
  if (resp.ok && resp.status === 200 && resp.type === "basic") {
    const copy = resp.clone();
    caches.open(CACHE).then((cache) => cache.put(key, copy)).catch(() => {});
  }
  return resp;
}

// `/a/index.html` and `/a` → `/a/`.
function pageUrl(url) {
  let p = url.pathname.replace(/index\.html$/, "");
  if (!p.endsWith("/") && !/\.[a-z0-9]+$/i.test(p)) p += "/";
  return new URL(p, url).href;
}
