// Newswire live page: one EventSource on /api/stream, cards per article grouped by story, filters
// that reconnect with query parameters, live counters. Text only through textContent (no innerHTML).
// Plain DOM, no libraries (works on closed networks).
(function () {
  "use strict";
  const MAX_CARDS = 200;
  const $ = (id) => document.getElementById(id);
  const params = new URLSearchParams(location.search);
  // An API key given as ?key= is read once, kept for this tab only (sessionStorage survives a reload),
  // and taken out of the address bar at once: it must not stay visible, in history, or in a shared link.
  // EventSource cannot send headers, so the stream URL carries it, but the page never shows that URL.
  const apiKey = params.get("key") || sessionStorage.getItem("newswire.key");
  if (params.has("key")) {
    sessionStorage.setItem("newswire.key", params.get("key"));
    params.delete("key");
    history.replaceState(null, "", params.toString() ? "?" + params : location.pathname);
  }
  const state = { source: null, lastId: null, count: 0, tags: new Map(), seen: new Set(), stories: new Map() };
  let retryTimer = null;

  for (const name of ["tag", "entity", "q"]) { $("f-" + name).value = params.get(name) || ""; }

  // The stream URL without the key (what the page shows); withKey adds it for the EventSource only.
  function streamUrl(withKey) {
    const q = new URLSearchParams();
    for (const name of ["tag", "entity", "q"]) {
      const v = $("f-" + name).value.trim();
      if (v) q.set(name, v);
    }
    // First connect: show what is already there; later reconnects resume exactly from the last id.
    if (state.lastId) q.set("lastEventId", state.lastId); else q.set("from", params.get("from") || "earliest");
    if (withKey && apiKey) q.set("key", apiKey);
    return "/api/stream?" + q.toString();
  }

  function setStatus(text, cls) { const s = $("status"); s.textContent = text; s.className = "status " + cls; }

  function connect() {
    if (state.source) state.source.close();
    clearTimeout(retryTimer);
    $("stream-url").textContent = streamUrl(false);
    setStatus("connecting…", "connecting");
    const source = new EventSource(streamUrl(true));
    state.source = source;
    source.onopen = () => setStatus("live", "live");
    source.addEventListener("article", (e) => {
      state.lastId = e.lastEventId;
      $("last-id").textContent = e.lastEventId;
      try { add(JSON.parse(e.data)); } catch (err) { console.warn("bad article", err); }
    });
    source.addEventListener("gap", (e) => { state.lastId = e.lastEventId; notice("Some older articles are no longer available: " + e.data); });
    source.addEventListener("resync", (e) => {
      // The server cut us off because we fell behind: reconnect from its position.
      const info = JSON.parse(e.data);
      state.lastId = info.lastEventId;
      reconnectSoon(200);
    });
    source.onerror = () => {
      // EventSource retries on its own with Last-Event-ID; when the browser gives up (closed), we do it ourselves.
      setStatus("reconnecting…", "reconnecting");
      if (source.readyState === EventSource.CLOSED) reconnectSoon(3000);
    };
  }

  function reconnectSoon(ms) { clearTimeout(retryTimer); retryTimer = setTimeout(connect, ms); }

  function notice(text) {
    const li = document.createElement("li");
    li.className = "notice"; li.textContent = text;
    $("cards").prepend(li);
  }

  function el(tag, cls, text) { const e = document.createElement(tag); if (cls) e.className = cls; if (text != null) e.textContent = text; return e; }

  function when(a) {
    const t = a.publishedAt || a.receivedAt || a.enrichedAt;
    if (!t) return "";
    const d = new Date(t);
    return d.toLocaleString(undefined, { dateStyle: "medium", timeStyle: "short" });
  }

  // One card per article; an article with a storyId goes into its story's group (issue 11): the group
  // shows how many of the story's articles this page has and the latest headline, and expands to them.
  function add(a) {
    if (state.seen.has(a.id)) {
      const old = document.querySelector('#cards [data-id="' + CSS.escape(a.id) + '"]');
      if (old) detach(old);
    }
    state.seen.add(a.id);
    $("empty").hidden = true;
    const card = articleCard(a);
    if (a.storyId) {
      const group = storyGroup(a.storyId);
      group.list.prepend(card);
      group.latest.textContent = headline(a);
      group.meta.textContent = [when(a), a.source || ""].filter(Boolean).join(" · ");
      sizeChanged(group);
      $("cards").prepend(group.li);
    } else {
      $("cards").prepend(card);
    }
    while ($("cards").children.length > MAX_CARDS) {
      const last = $("cards").lastElementChild;
      if (last.dataset.story) state.stories.delete(last.dataset.story);
      last.remove();
    }
    count(a);
  }

  function headline(a) { return a.title || (a.text || "").slice(0, 90) || a.id; }

  function articleCard(a) {
    const card = el("li", "card fresh");
    card.dataset.id = a.id;
    card.appendChild(el("h3", null, headline(a)));
    const meta = el("div", "meta");
    meta.appendChild(el("span", null, when(a)));
    meta.appendChild(el("span", null, a.source || ""));
    if (a.language) meta.appendChild(el("span", null, a.language.toUpperCase()));
    if (a.url) { const link = el("a", null, "original"); link.href = a.url; link.rel = "noopener"; link.target = "_blank"; meta.appendChild(link); }
    const json = el("a", "json", "JSON"); json.href = "/api/articles/" + encodeURIComponent(a.id); meta.appendChild(json);
    card.appendChild(meta);
    if (a.summary) card.appendChild(el("p", "summary", a.summary));
    const chips = el("div", "chips");
    for (const t of (a.tags || []).slice(0, 5)) {
      const c = el("button", "chip", t.label || t.id); c.type = "button"; c.title = "filter by tag " + t.id;
      c.onclick = () => { $("f-tag").value = t.id; apply(); };
      chips.appendChild(c);
    }
    const entities = (a.entities || []).slice().sort((x, y) => (y.salience || 0) - (x.salience || 0)).slice(0, 5);
    for (const en of entities) {
      const c = el("button", "chip entity", en.name); c.type = "button"; c.title = "filter by entity " + en.name;
      if (en.type) c.appendChild(el("span", "kind", en.type.slice(0, 3)));
      c.onclick = () => { $("f-entity").value = en.name; apply(); };
      chips.appendChild(c);
    }
    card.appendChild(chips);
    return card;
  }

  function storyGroup(storyId) {
    let group = state.stories.get(storyId);
    if (group) return group;
    const li = el("li", "card story fresh");
    li.dataset.story = storyId;
    const head = el("div", "story-head");
    const size = el("span", "story-size");
    const latest = el("h3", "story-title");
    head.appendChild(size);
    head.appendChild(latest);
    li.appendChild(head);
    const meta = el("div", "meta");
    li.appendChild(meta);
    const bar = el("div", "story-bar");
    const toggle = el("button", "secondary expand"); toggle.type = "button"; toggle.setAttribute("aria-expanded", "false");
    const json = el("a", "json", "story JSON"); json.href = "/api/stories/" + encodeURIComponent(storyId);
    bar.appendChild(toggle); bar.appendChild(json);
    li.appendChild(bar);
    const list = el("ol", "cards story-articles");
    list.hidden = true;
    li.appendChild(list);
    group = { li, list, latest, meta, size, toggle };
    toggle.onclick = () => { list.hidden = !list.hidden; sizeChanged(group); };
    state.stories.set(storyId, group);
    return group;
  }

  function sizeChanged(group) {
    const n = group.list.children.length;
    group.size.textContent = n === 1 ? "1 article" : n + " articles";
    group.toggle.setAttribute("aria-expanded", String(!group.list.hidden));
    group.toggle.textContent = group.list.hidden ? "Show " + (n === 1 ? "the article" : "all " + n) : "Hide";
  }

  // A new version of an article replaces the old card, which may sit in another story (a merge).
  function detach(card) {
    const groupLi = card.parentElement && card.parentElement.closest("[data-story]");
    card.remove();
    if (!groupLi) return;
    const group = state.stories.get(groupLi.dataset.story);
    if (!group) return;
    if (group.list.children.length === 0) { state.stories.delete(groupLi.dataset.story); groupLi.remove(); return; }
    group.latest.textContent = group.list.firstElementChild.querySelector("h3").textContent;
    sizeChanged(group);
  }

  function count(a) {
    state.count++;
    $("count-articles").textContent = state.count;
    $("count-label").textContent = state.count === 1 ? " article" : " articles";
    for (const t of a.tags || []) state.tags.set(t.label || t.id, (state.tags.get(t.label || t.id) || 0) + 1);
    const list = $("tag-counts");
    list.replaceChildren();
    [...state.tags.entries()].sort((x, y) => y[1] - x[1]).slice(0, 12).forEach(([label, n]) => {
      const li = el("li"); li.appendChild(el("span", null, label)); li.appendChild(el("strong", null, String(n))); list.appendChild(li);
    });
  }

  function reset() {
    state.lastId = null; state.count = 0; state.tags.clear(); state.seen.clear(); state.stories.clear();
    $("cards").replaceChildren(); $("empty").hidden = false; $("count-articles").textContent = "0"; $("count-label").textContent = " articles"; $("tag-counts").replaceChildren();
  }

  function apply() {
    const q = new URLSearchParams();
    for (const name of ["tag", "entity", "q"]) { const v = $("f-" + name).value.trim(); if (v) q.set(name, v); }
    history.replaceState(null, "", q.toString() ? "?" + q : location.pathname);
    reset();
    connect();
  }

  $("filters").addEventListener("submit", (e) => { e.preventDefault(); apply(); });
  $("clear").addEventListener("click", () => { for (const n of ["tag", "entity", "q"]) $("f-" + n).value = ""; apply(); });
  $("since-label").textContent = "since page load · filters apply on the server";
  connect();
})();
