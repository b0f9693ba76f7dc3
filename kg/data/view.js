// kg view: lays out, draws and explores the graph embedded in #kg-data. No external resource, no randomness.
// Data goes into the page only as text (textContent, fillText), never as HTML.
"use strict";
(function () {
  const DATA = JSON.parse(document.getElementById("kg-data").textContent);
  const nodes = DATA.nodes, edges = DATA.edges;
  const canvas = document.getElementById("graph");
  const ctx = canvas.getContext("2d");
  const details = document.getElementById("details");
  const search = document.getElementById("search");
  const results = document.getElementById("results");
  const FONT = '"WenQuanYi Micro Hei","Noto Sans CJK SC","Source Han Sans SC","PingFang SC","Microsoft YaHei",sans-serif';
  const COLOR = {};
  DATA.types.forEach(t => { COLOR[t.type] = t.color; });

  const n = nodes.length;
  const degree = new Array(n).fill(0);
  const incident = nodes.map(() => []);
  edges.forEach((e, i) => {
    degree[e.s]++; degree[e.t]++;
    incident[e.s].push(i);
    if (e.t !== e.s) incident[e.t].push(i);
  });
  const radius = nodes.map(d => 3 + Math.min(8, Math.sqrt(d.mentions)));
  // Hubs are drawn last (on top) and labelled first.
  const byDegree = nodes.map((_, i) => i).sort((a, b) => degree[b] - degree[a] || a - b);
  const X = new Float64Array(n), Y = new Float64Array(n);

  const hidden = new Set();     // types switched off in the legend
  let matches = [];             // node indices matching the search
  let selected = null;          // {kind: "node", i} or {kind: "edge", i}
  const view = { scale: 1, x: 0, y: 0 };  // screen = world * scale + (x, y)

  // ---- layout: Fruchterman-Reingold from a sunflower spiral, repulsion only between nearby nodes (grid cells),
  // so a step is linear in the graph size; the same data always gives the same positions. Entities without a
  // relation go into a band below, grouped by type, so they do not bury the connected part.
  const K = 30;
  let band = null;  // top-left corner of the band of entities without relations
  function layout() {
    const k = K, cutoff = 4 * k;
    const linked = byDegree.filter(i => degree[i] > 0);
    linked.forEach((i, r) => {
      const a = r * 2.399963229728653, d = k * Math.sqrt(r + 0.5);
      X[i] = d * Math.cos(a); Y[i] = d * Math.sin(a);
    });
    const steps = linked.length <= 600 ? 300 : linked.length <= 3000 ? 200 : 120;
    const dx = new Float64Array(n), dy = new Float64Array(n);
    const t0 = k * Math.sqrt(linked.length + 1) / 3;
    for (let step = 0; step < steps; step++) {
      dx.fill(0); dy.fill(0);
      const grid = new Map();
      for (const i of linked) {
        const key = Math.floor(X[i] / cutoff) * 65536 + Math.floor(Y[i] / cutoff);
        const cell = grid.get(key);
        if (cell) cell.push(i); else grid.set(key, [i]);
      }
      for (const i of linked) {
        const cx = Math.floor(X[i] / cutoff), cy = Math.floor(Y[i] / cutoff);
        for (let gx = cx - 1; gx <= cx + 1; gx++) {
          for (let gy = cy - 1; gy <= cy + 1; gy++) {
            const cell = grid.get(gx * 65536 + gy);
            if (!cell) continue;
            for (const j of cell) {
              if (j === i) continue;
              let ex = X[i] - X[j], ey = Y[i] - Y[j];
              let d2 = ex * ex + ey * ey;
              if (d2 < 0.01) { ex = ((i - j) % 7) * 0.1 + 0.05; ey = ((i + j) % 5) * 0.1 - 0.2; d2 = ex * ex + ey * ey; }
              if (d2 > cutoff * cutoff) continue;
              const f = k * k / d2;  // (k^2 / d) along the unit vector
              dx[i] += ex * f; dy[i] += ey * f;
            }
          }
        }
      }
      for (const e of edges) {
        if (e.s === e.t) continue;
        const ex = X[e.s] - X[e.t], ey = Y[e.s] - Y[e.t];
        const d = Math.sqrt(ex * ex + ey * ey) || 0.01;
        const f = d / k;  // (d^2 / k) along the unit vector
        dx[e.s] -= ex * f; dy[e.s] -= ey * f;
        dx[e.t] += ex * f; dy[e.t] += ey * f;
      }
      const temp = t0 * (1 - step / steps) + 0.5;
      for (const i of linked) {
        dx[i] -= X[i] * 0.03; dy[i] -= Y[i] * 0.03;  // gravity keeps separate components near the middle
        const d = Math.sqrt(dx[i] * dx[i] + dy[i] * dy[i]);
        if (d > 0) { const m = Math.min(d, temp) / d; X[i] += dx[i] * m; Y[i] += dy[i] * m; }
      }
    }
    const typeRank = new Map(DATA.types.map((t, r) => [t.type, r]));
    const alone = nodes.map((_, i) => i).filter(i => degree[i] === 0)
      .sort((a, b) => typeRank.get(nodes[a].type) - typeRank.get(nodes[b].type) || nodes[b].mentions - nodes[a].mentions || a - b);
    if (!alone.length) return;
    let x0 = 0, x1 = 0, y1 = 0;
    if (linked.length) {
      x0 = Infinity; x1 = -Infinity; y1 = -Infinity;
      for (const i of linked) { x0 = Math.min(x0, X[i]); x1 = Math.max(x1, X[i]); y1 = Math.max(y1, Y[i]); }
    }
    const gap = 0.8 * k, cols = Math.max(12, Math.round((x1 - x0) / gap) + 1, Math.ceil(Math.sqrt(alone.length * 2)));
    const left = linked.length ? (x0 + x1) / 2 - (cols - 1) * gap / 2 : 0, top = y1 + 3 * k;
    band = { x: left, y: top - gap, count: alone.length };
    alone.forEach((i, r) => { X[i] = left + (r % cols) * gap; Y[i] = top + Math.floor(r / cols) * gap; });
  }

  // ---- drawing
  function size() {
    const dpr = window.devicePixelRatio || 1, w = canvas.clientWidth, h = canvas.clientHeight;
    if (canvas.width !== Math.round(w * dpr) || canvas.height !== Math.round(h * dpr)) {
      canvas.width = Math.round(w * dpr); canvas.height = Math.round(h * dpr);
    }
    ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
    return [w, h];
  }
  const visible = i => !hidden.has(nodes[i].type);
  const sx = i => X[i] * view.scale + view.x, sy = i => Y[i] * view.scale + view.y;
  const nodeR = i => radius[i] * Math.min(2, Math.max(0.6, Math.sqrt(view.scale)));

  function focusSet() {
    const f = new Set(matches);
    if (selected && selected.kind === "node") {
      f.add(selected.i);
      for (const ei of incident[selected.i]) { f.add(edges[ei].s); f.add(edges[ei].t); }
    } else if (selected) {
      f.add(edges[selected.i].s); f.add(edges[selected.i].t);
    }
    return f;
  }

  function draw() {
    const [w, h] = size();
    ctx.clearRect(0, 0, w, h);
    const focus = focusSet(), dim = focus.size > 0;
    const pair = selected && selected.kind === "edge" ? edges[selected.i] : null;
    let drawnEdges = 0, drawnNodes = 0;
    ctx.lineWidth = 1;
    for (let ei = 0; ei < edges.length; ei++) {
      const e = edges[ei];
      if (!visible(e.s) || !visible(e.t)) continue;
      const x1 = sx(e.s), y1 = sy(e.s), x2 = sx(e.t), y2 = sy(e.t);
      if (Math.max(x1, x2) < 0 || Math.min(x1, x2) > w || Math.max(y1, y2) < 0 || Math.min(y1, y2) > h) continue;
      const strong = pair ? (e.s === pair.s && e.t === pair.t) || (e.s === pair.t && e.t === pair.s)
        : selected ? (e.s === selected.i || e.t === selected.i) : !dim || (focus.has(e.s) && focus.has(e.t));
      ctx.strokeStyle = strong ? (selected ? "rgba(40,40,40,0.85)" : "rgba(110,110,110,0.55)") : "rgba(170,170,170,0.18)";
      ctx.lineWidth = strong && selected ? 2 : 1;
      ctx.beginPath(); ctx.moveTo(x1, y1); ctx.lineTo(x2, y2); ctx.stroke();
      if (strong && view.scale > 1.2 && e.s !== e.t) arrow(x1, y1, x2, y2, nodeR(e.t));
      drawnEdges++;
    }
    const drawn = [];
    for (let r = n - 1; r >= 0; r--) {
      const i = byDegree[r];
      if (!visible(i)) continue;
      const x = sx(i), y = sy(i), rad = nodeR(i);
      if (x < -rad || x > w + rad || y < -rad || y > h + rad) continue;
      ctx.globalAlpha = dim && !focus.has(i) ? 0.2 : 1;
      ctx.fillStyle = COLOR[nodes[i].type] || "#7f7f7f";
      ctx.beginPath(); ctx.arc(x, y, rad, 0, 2 * Math.PI); ctx.fill();
      ctx.lineWidth = 1; ctx.strokeStyle = "#fff"; ctx.stroke();
      if (matches.includes(i) || (selected && selected.kind === "node" && selected.i === i)) {
        ctx.lineWidth = 2.5; ctx.strokeStyle = "#111";
        ctx.beginPath(); ctx.arc(x, y, rad + 3, 0, 2 * Math.PI); ctx.stroke();
      }
      drawnNodes++;
      drawn.push(i);
    }
    ctx.globalAlpha = 1;
    if (band) {
      ctx.font = "12px " + FONT; ctx.fillStyle = "#888"; ctx.textBaseline = "bottom";
      ctx.fillText(band.count + " entities without relations", band.x * view.scale + view.x, band.y * view.scale + view.y);
    }
    labels(drawn, focus, dim);
    canvas.dataset.drawnNodes = String(drawnNodes);
    canvas.dataset.drawnEdges = String(drawnEdges);
  }

  function arrow(x1, y1, x2, y2, r) {
    const a = Math.atan2(y2 - y1, x2 - x1), tx = x2 - Math.cos(a) * (r + 2), ty = y2 - Math.sin(a) * (r + 2);
    ctx.fillStyle = ctx.strokeStyle;
    ctx.beginPath(); ctx.moveTo(tx, ty);
    ctx.lineTo(tx - 8 * Math.cos(a - 0.4), ty - 8 * Math.sin(a - 0.4));
    ctx.lineTo(tx - 8 * Math.cos(a + 0.4), ty - 8 * Math.sin(a + 0.4));
    ctx.closePath(); ctx.fill();
  }

  // Labels in priority order (focus first, then hubs), skipping any that would overlap one already placed.
  function labels(drawn, focus, dim) {
    const rank = new Map(byDegree.map((i, r) => [i, r]));
    const order = drawn.slice().sort((a, b) => (focus.has(b) - focus.has(a)) || rank.get(a) - rank.get(b));
    const placed = [];
    ctx.font = "12px " + FONT; ctx.textBaseline = "middle"; ctx.lineJoin = "round";
    const budget = Math.max(25, Math.round(25 * view.scale * view.scale));
    for (const i of order) {
      if (!focus.has(i) && (dim || placed.length >= budget)) continue;
      const name = nodes[i].name, x = sx(i) + nodeR(i) + 3, y = sy(i);
      const wd = ctx.measureText(name).width;
      const box = [x - 1, y - 8, x + wd + 1, y + 8];
      if (placed.some(b => box[0] < b[2] && b[0] < box[2] && box[1] < b[3] && b[1] < box[3])) continue;
      placed.push(box);
      ctx.lineWidth = 3; ctx.strokeStyle = "rgba(255,255,255,0.9)"; ctx.strokeText(name, x, y);
      ctx.fillStyle = "#222"; ctx.fillText(name, x, y);
    }
  }

  function fit(indices, maxScale) {
    const [w, h] = size();
    const list = indices.filter(visible);
    if (!list.length) return;
    let x0 = Infinity, y0 = Infinity, x1 = -Infinity, y1 = -Infinity;
    for (const i of list) { x0 = Math.min(x0, X[i]); x1 = Math.max(x1, X[i]); y0 = Math.min(y0, Y[i]); y1 = Math.max(y1, Y[i]); }
    const pad = 40;
    view.scale = Math.min(maxScale, (w - 2 * pad) / Math.max(x1 - x0, 1), (h - 2 * pad) / Math.max(y1 - y0, 1));
    view.x = w / 2 - (x0 + x1) / 2 * view.scale;
    view.y = h / 2 - (y0 + y1) / 2 * view.scale;
  }

  // ---- details panel (all data inserted as text)
  function el(tag, cls, text) {
    const e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text !== undefined) e.textContent = text;
    return e;
  }
  function nodeLink(i) {
    const a = el("span", "link", nodes[i].name);
    a.addEventListener("click", () => select({ kind: "node", i: i }, true));
    return a;
  }
  function swatch(type) {
    const s = el("span", "swatch");
    s.style.background = COLOR[type] || "#7f7f7f";
    return s;
  }
  // The sentence with the names of both ends marked (the surfaces as written first, then names and aliases).
  function marked(text, terms) {
    const box = el("div", "sentence");
    const words = [...new Set(terms.filter(t => t && text.includes(t)))].sort((a, b) => b.length - a.length);
    let pos = 0;
    while (pos < text.length) {
      let best = -1, word = "";
      for (const t of words) {
        const at = text.indexOf(t, pos);
        if (at >= 0 && (best < 0 || at < best)) { best = at; word = t; }
      }
      if (best < 0) break;
      box.appendChild(document.createTextNode(text.slice(pos, best)));
      box.appendChild(el("mark", null, word));
      pos = best + word.length;
    }
    box.appendChild(document.createTextNode(text.slice(pos)));
    return box;
  }
  // "title · source · date (doc_id)"; an article without a title is named by its source and id.
  function docLabel(d) {
    if (d < 0) return "";
    const doc = DATA.docs[d];
    return [doc.title, doc.source, doc.date].filter(Boolean).concat(["(" + doc.id + ")"]).join(" · ");
  }
  function fact(ei) {
    const e = edges[ei], box = el("div", "fact");
    const head = el("div");
    head.append(nodeLink(e.s), " ", el("span", "rel", "—" + e.type + "→"), " ", nodeLink(e.t));
    box.appendChild(head);
    if (e.attrs) box.appendChild(el("div", "meta", Object.entries(e.attrs).map(([k, v]) => k + ": " + v).join(" · ")));
    const terms = [...e.surfaces, nodes[e.s].name, nodes[e.t].name, ...nodes[e.s].aliases, ...nodes[e.t].aliases];
    box.appendChild(marked(DATA.sentences[e.sent], terms));
    box.appendChild(el("div", "source", docLabel(e.doc) + " · chars " + e.start + "–" + e.end));
    return box;
  }
  function showNode(i) {
    const d = nodes[i];
    details.replaceChildren();
    const kind = el("div", "meta");
    const gloss = (DATA.types.find(t => t.type === d.type) || {}).gloss || "";
    kind.append(swatch(d.type), d.type + (gloss ? " " + gloss : "") + " · " + d.mentions + " mentions in " + d.docs.length + " article(s)");
    details.append(el("h2", null, d.name), kind);
    if (d.aliases.length) details.appendChild(el("div", "meta", "aliases: " + d.aliases.join(" | ")));
    if (d.info) details.appendChild(el("div", "meta", Object.entries(d.info).map(([k, v]) => k + ": " + v).join(" · ")));
    details.appendChild(el("h3", null, "Relations (" + incident[i].length + ")"));
    if (!incident[i].length) details.appendChild(el("p", "hint", "No relation found for this entity."));
    incident[i].slice().sort((a, b) => edges[a].type.localeCompare(edges[b].type) || a - b).forEach(ei => details.appendChild(fact(ei)));
    details.appendChild(el("h3", null, "Articles"));
    const ul = el("ul");
    d.docs.forEach(k => ul.appendChild(el("li", null, docLabel(k))));
    details.appendChild(ul);
  }
  function showEdge(ei) {
    const e = edges[ei];
    details.replaceChildren(el("h2", null, nodes[e.s].name + " — " + e.type + " → " + nodes[e.t].name));
    const same = edges.map((_, k) => k).filter(k => (edges[k].s === e.s && edges[k].t === e.t) || (edges[k].s === e.t && edges[k].t === e.s));
    details.appendChild(el("h3", null, "Evidence (" + same.length + " statement" + (same.length > 1 ? "s" : "") + " between these two)"));
    same.forEach(k => details.appendChild(fact(k)));
  }
  function select(sel, zoom) {
    selected = sel;
    canvas.dataset.selected = sel ? (sel.kind === "node" ? nodes[sel.i].id : edges[sel.i].type) : "";
    if (!sel) details.replaceChildren(el("p", "hint", "Click a node or an edge to see its evidence."));
    else if (sel.kind === "node") { showNode(sel.i); if (zoom) { hidden.delete(nodes[sel.i].type); fit([sel.i, ...incident[sel.i].flatMap(k => [edges[k].s, edges[k].t])], 2.5); } }
    else showEdge(sel.i);
    legend();
    draw();
  }

  // ---- search: names and aliases containing the text, ignoring case and white space (a search box drops line breaks)
  const fold = s => s.replace(/\s+/g, "").toLowerCase();
  function runSearch(text) {
    const q = fold(text);
    const names = i => [nodes[i].name, ...nodes[i].aliases].map(fold);
    // exact names first, then names starting with the text, then the most connected
    const score = i => names(i).includes(q) ? 0 : names(i).some(s => s.startsWith(q)) ? 1 : 2;
    matches = q ? nodes.map((_, i) => i).filter(i => names(i).some(s => s.includes(q)))
      .sort((a, b) => score(a) - score(b) || degree[b] - degree[a] || a - b) : [];
    canvas.dataset.matches = String(matches.length);
    document.getElementById("match-count").textContent = q ? matches.length + " found" : "";
    results.replaceChildren();
    matches.slice(0, 50).forEach(i => {
      const li = el("li");
      li.append(swatch(nodes[i].type), nodes[i].name);
      li.addEventListener("click", () => { results.hidden = true; select({ kind: "node", i: i }, true); });
      results.appendChild(li);
    });
    results.hidden = matches.length === 0;
    if (matches.length) fit(matches, 2.5); else if (!q) fit(nodes.map((_, i) => i), 3);
    draw();
  }
  search.addEventListener("input", () => runSearch(search.value));
  search.addEventListener("keydown", ev => {
    if (ev.key === "Enter" && matches.length) { results.hidden = true; select({ kind: "node", i: matches[0] }, true); }
    if (ev.key === "Escape") { search.value = ""; runSearch(""); select(null); }
  });

  // ---- legend: colour, type, count; a click hides or shows the type
  function legend() {
    const ul = document.getElementById("legend");
    ul.replaceChildren();
    DATA.types.forEach(t => {
      const li = el("li", hidden.has(t.type) ? "off" : null);
      li.append(swatch(t.type), t.type + " " + t.gloss + " (" + t.count + ")");
      li.addEventListener("click", () => { if (hidden.has(t.type)) hidden.delete(t.type); else hidden.add(t.type); legend(); draw(); });
      ul.appendChild(li);
    });
  }

  // ---- pointer: drag pans, wheel zooms at the cursor, a click selects the nearest node or edge
  function hit(px, py) {
    let best = -1, bestD = Infinity;
    for (let i = 0; i < n; i++) {
      if (!visible(i)) continue;
      const d = Math.hypot(sx(i) - px, sy(i) - py);
      if (d <= nodeR(i) + 4 && d < bestD) { best = i; bestD = d; }
    }
    if (best >= 0) return { kind: "node", i: best };
    for (let ei = 0; ei < edges.length; ei++) {
      const e = edges[ei];
      if (!visible(e.s) || !visible(e.t)) continue;
      const ax = sx(e.s), ay = sy(e.s), bx = sx(e.t), by = sy(e.t);
      const L = (bx - ax) ** 2 + (by - ay) ** 2;
      const t = L ? Math.max(0, Math.min(1, ((px - ax) * (bx - ax) + (py - ay) * (by - ay)) / L)) : 0;
      const d = Math.hypot(ax + t * (bx - ax) - px, ay + t * (by - ay) - py);
      if (d < 4 && d < bestD) { best = ei; bestD = d; }
    }
    return best >= 0 ? { kind: "edge", i: best } : null;
  }
  let drag = null;
  canvas.addEventListener("mousedown", ev => { drag = { x: ev.clientX, y: ev.clientY, vx: view.x, vy: view.y, moved: false }; });
  window.addEventListener("mousemove", ev => {
    if (!drag) return;
    const mx = ev.clientX - drag.x, my = ev.clientY - drag.y;
    if (Math.abs(mx) + Math.abs(my) > 3) { drag.moved = true; canvas.classList.add("dragging"); }
    if (drag.moved) { view.x = drag.vx + mx; view.y = drag.vy + my; draw(); }
  });
  window.addEventListener("mouseup", ev => {
    if (!drag) return;
    const moved = drag.moved;
    drag = null; canvas.classList.remove("dragging");
    if (!moved && ev.target === canvas) {
      const r = canvas.getBoundingClientRect();
      select(hit(ev.clientX - r.left, ev.clientY - r.top), false);
    }
  });
  canvas.addEventListener("wheel", ev => {
    ev.preventDefault();
    const r = canvas.getBoundingClientRect(), px = ev.clientX - r.left, py = ev.clientY - r.top;
    const f = Math.exp(-ev.deltaY * 0.0015), s = Math.min(20, Math.max(0.02, view.scale * f));
    view.x = px - (px - view.x) * s / view.scale; view.y = py - (py - view.y) * s / view.scale; view.scale = s;
    draw();
  }, { passive: false });
  window.addEventListener("resize", draw);

  // ---- start: lay out, fit, draw; `#q=NAME` in the address searches and opens the first match
  const st = DATA.stats;
  document.getElementById("stats").textContent = st.entities + " entities · " + st.relations + " relations · " + st.articles + " articles"
    + (st.shown < st.entities ? " (showing the " + st.shown + " most connected)" : "");
  layout();
  legend();
  fit(nodes.map((_, i) => i), 3);
  draw();
  const hash = /^#q=([\s\S]*)$/.exec(window.location.hash);
  if (hash) {
    search.value = decodeURIComponent(hash[1]);
    runSearch(search.value);
    if (matches.length) { results.hidden = true; select({ kind: "node", i: matches[0] }, true); }
  }
})();
