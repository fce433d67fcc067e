// kyoyu — the site's script: registers the service worker (offline), starts search on the
// search page. No third-party code; nothing is sent anywhere.
if ("serviceWorker" in navigator) {
  window.addEventListener("load", () => {
    navigator.serviceWorker.register("/sw.js", { scope: "/" }).catch(() => {});
  });
}
if (document.getElementById("search-input")) {
  import("./search.js").catch(() => {});
}
