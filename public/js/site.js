// kyoyu — the site's script: registers the service worker (offline) and offers its updates,
// starts search on the search page. No third-party code; nothing is sent anywhere.
//
// Updates: a new version installs in the background; then a banner 「新しい版があります」 offers
// 「更新」, which asks the waiting worker to take over ("skip-waiting") and reloads once it
// controls the page. Drafts (localStorage) are never touched by an update.
if ("serviceWorker" in navigator) {
  window.addEventListener("load", () => {
    const sw = navigator.serviceWorker;
    const hadController = Boolean(sw.controller);
    let requested = false;
    let banner = null;

    const offer = (registration) => {
      if (banner) return;
      banner = document.createElement("div");
      banner.className = "update-banner";
      banner.setAttribute("role", "status");
      const text = document.createElement("span");
      text.className = "update-banner-text";
      text.textContent = "新しい版があります";
      const button = document.createElement("button");
      button.type = "button";
      button.className = "update-banner-button";
      button.textContent = "更新";
      button.addEventListener("click", () => {
        requested = true;
        button.disabled = true;
        const waiting = registration && registration.waiting;
        if (waiting) waiting.postMessage("skip-waiting");
        else window.location.reload();
      });
      banner.append(text, " ", button);
      document.body.append(banner);
    };

    sw.register("/sw.js", { scope: "/" }).then((registration) => {
      // A version that finished installing while no page accepted it yet.
      if (registration.waiting && sw.controller) offer(registration);
      registration.addEventListener("updatefound", () => {
        const installing = registration.installing;
        if (!installing) return;
        installing.addEventListener("statechange", () => {
          // "installed" with a controller: an update is waiting (the first install has none).
          if (installing.state === "installed" && sw.controller) offer(registration);
        });
      });
    }).catch(() => {});

    sw.addEventListener("controllerchange", () => {
      if (requested) {
        requested = false;
        window.location.reload();
      } else if (hadController) {
        // Another tab accepted the update: this page still runs the old version.
        offer(null);
      }
    });
  });
}
if (document.getElementById("search-input")) {
  import("./search.js").catch(() => {});
}
