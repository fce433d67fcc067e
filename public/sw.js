// kyoyu's service worker. VERSION and PRECACHE (every page and asset of this build, with
// content hashes) are written above by site-gen. Drafts live in localStorage, which this
// worker never touches (a worker cannot reach it).
//
// Lifecycle: the first install activates at once; a later version installs in the background
// (every page and asset of the new build into its own cache) and waits until a page posts
// "skip-waiting" (site.js's 「更新」); activating removes the caches of older versions.
const CACHE = `kyoyu-${VERSION}`;

self.addEventListener("install", (event) => {
  event.waitUntil(
    caches.open(CACHE).then((cache) => cache.addAll(PRECACHE.map((e) => new Request(e.url, { cache: "reload" }))))
  );
});

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
    // Fingerprinted: the cache is always right.
    event.respondWith(caches.match(req).then((hit) => hit || fetch(req)));
    return;
  }
  // Pages: the cached build (consistent with its assets); the network only for what is not
  // cached. A navigation to `/app` or `/app/index.html` is the cached `/app/` (the hash of
  // `/app/#/edit/<id>` is never sent).
  event.respondWith(
    caches.open(CACHE).then(async (cache) => {
      const hit = await cache.match(req, { ignoreSearch: true })
        || (req.mode === "navigate" ? await cache.match(pageUrl(url), { ignoreSearch: true }) : undefined);
      if (hit) return hit;
      try {
        return await fetch(req);
      } catch (e) {
        if (req.mode !== "navigate") return Response.error();
        return (await cache.match("/404.html")) || Response.error();
      }
    })
  );
});

// `/a/index.html` and `/a` → `/a/`.
function pageUrl(url) {
  let p = url.pathname.replace(/index\.html$/, "");
  if (!p.endsWith("/") && !/\.[a-z0-9]+$/i.test(p)) p += "/";
  return new URL(p, url).href;
}
