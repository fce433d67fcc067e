// kyoyu — the site's script: registers the service worker (offline) and offers its updates,
// shows a large site's whole navigation, starts search on the search page. No third-party
// code; nothing is sent anywhere.
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
// A large site's pages hold only links to the contents pages in the sidebar (they, the
// breadcrumbs and the previous/next links work without this script); the whole navigation is
// one shared file (stored gzip-compressed, read by json.js), fetched once and cached like every
// asset, shown with the page's group open. Each other group's links are added when it is
// opened.
const sidebar = document.querySelector("nav.sidebar[data-nav]");
if (sidebar) {
  import("./json.js")
    .then(({ getJson }) => getJson(sidebar.dataset.nav))
    .then((nav) => {
      const open = nav.groups.findIndex((g) => g.links.some(([url]) => url === location.pathname));
      const fill = (ul, links) => {
        for (const [url, title] of links) {
          const li = document.createElement("li");
          const a = document.createElement("a");
          a.href = url;
          a.textContent = title;
          if (url === location.pathname) a.setAttribute("aria-current", "page");
          li.append(a);
          ul.append(li);
        }
      };
      const groups = nav.groups.map((group, i) => {
        const details = document.createElement("details");
        const summary = document.createElement("summary");
        summary.textContent = group.title;
        const ul = document.createElement("ul");
        details.append(summary, ul);
        if (i === open) {
          details.open = true;
          fill(ul, group.links);
        } else {
          details.addEventListener("toggle", () => { if (details.open && !ul.firstChild) fill(ul, group.links); });
        }
        return details;
      });
      sidebar.replaceChildren(...groups);
      sidebar.dataset.navFull = "true";
    })
    .catch(() => {}); // the page's own neighbourhood stays
}
if (document.getElementById("search-input")) {
  import("./search.js").catch(() => {});
}
// On a wide screen the table of contents is the sidebar, always shown: without this script,
// CSS shows the closed <details> through ::details-content; with it, the menu is opened, so
// that its links are what they look like to assistive technology and keyboards too (the
// links of a closed <details> are not: a sidebar taller than the screen would be a scrolling
// region without one), and in a browser without ::details-content. On a phone it stays closed
// until opened.
const menu = document.querySelector("details.nav-menu");
if (menu) {
  const wide = matchMedia("(min-width: 52.01rem)");
  const sync = () => { if (wide.matches) menu.open = true; };
  sync();
  wide.addEventListener("change", sync);
}
