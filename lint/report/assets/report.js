// cnlint corpus health report: filters, pages and finding notes. Reads only the page itself
// and builds every node with textContent or cloned nodes, never innerHTML from text.
(function () {
  "use strict";
  const section = document.getElementById("documents");
  if (!section) return;
  const pageSize = Number(section.dataset.pageSize) || 10;
  const docs = Array.from(section.querySelectorAll("article.doc"));
  const notes = new Map();
  section.querySelectorAll("li.note").forEach((li) => notes.set(li.id, li));
  const marks = Array.from(section.querySelectorAll("pre.text mark")).map((el) => ({
    el: el,
    notes: el.dataset.f.split(" ").filter(Boolean).map((id) => notes.get(id)).filter(Boolean),
  }));
  const rules = new Set();
  const severities = new Set();
  const rank = { error: 2, warning: 1, info: 0 };
  let page = 0;

  function shows(li) {
    return (!rules.size || rules.has(li.dataset.rule)) &&
      (!severities.size || severities.has(li.dataset.sev));
  }

  function applyFilters() {
    notes.forEach((li) => li.classList.toggle("off", !shows(li)));
    marks.forEach((mark) => {
      const on = mark.notes.filter((li) => !li.classList.contains("off"));
      mark.el.classList.toggle("off", on.length === 0);
      if (on.length) {
        mark.el.dataset.sev = on.reduce((a, li) =>
          rank[li.dataset.sev] > rank[a] ? li.dataset.sev : a, on[0].dataset.sev);
      }
    });
    docs.forEach((doc) => {
      const count = doc.querySelectorAll("li.note:not(.off)").length;
      doc.dataset.shown = String(count);
      doc.querySelector(".shown").textContent = count.toLocaleString("en");
    });
    document.querySelectorAll("[data-filter-rule]").forEach((el) => {
      const active = rules.has(el.dataset.filterRule);
      if (el.tagName === "BUTTON") el.setAttribute("aria-pressed", String(active));
      else el.classList.toggle("active", active);
    });
    document.querySelectorAll("[data-filter-sev]").forEach((el) =>
      el.setAttribute("aria-pressed", String(severities.has(el.dataset.filterSev))));
    page = 0;
    paginate();
  }

  function matching() {
    return docs.filter((doc) => doc.dataset.shown !== "0");
  }

  function paginate() {
    const list = matching();
    const pages = Math.max(1, Math.ceil(list.length / pageSize));
    page = Math.min(page, pages - 1);
    const visible = new Set(list.slice(page * pageSize, (page + 1) * pageSize));
    docs.forEach((doc) => { doc.hidden = !visible.has(doc); });
    section.querySelectorAll("nav.pager").forEach((nav) => drawPager(nav, pages, list.length));
  }

  function button(label, target, current) {
    const b = document.createElement("button");
    b.type = "button";
    b.textContent = label;
    if (target === null) b.disabled = true;
    else b.addEventListener("click", () => { page = target; paginate(); section.scrollIntoView(); });
    if (current) b.setAttribute("aria-current", "page");
    return b;
  }

  function drawPager(nav, pages, count) {
    nav.replaceChildren();
    const info = document.createElement("span");
    info.textContent = `${count.toLocaleString("en")} documents match · page ${page + 1} of ${pages}`;
    if (!count && section.dataset.embedded !== section.dataset.affected) {
      info.textContent += " (among the documents embedded in this page; see the note above)";
    }
    nav.append(button("‹ previous", page > 0 ? page - 1 : null, false));
    const first = Math.max(0, Math.min(page - 4, pages - 9));
    for (let p = first; p < Math.min(pages, first + 9); p++) {
      nav.append(button(String(p + 1), p === page ? null : p, p === page));
    }
    nav.append(button("next ›", page < pages - 1 ? page + 1 : null, false), info);
  }

  function toggle(set, value) {
    if (set.has(value)) set.delete(value); else set.add(value);
    applyFilters();
  }

  document.querySelectorAll("[data-filter-rule]").forEach((el) => {
    el.addEventListener("click", () => toggle(rules, el.dataset.filterRule));
    el.addEventListener("keydown", (event) => {
      if (event.key === "Enter" || event.key === " ") {
        event.preventDefault();
        toggle(rules, el.dataset.filterRule);
      }
    });
  });
  document.querySelectorAll("[data-filter-sev]").forEach((el) =>
    el.addEventListener("click", () => toggle(severities, el.dataset.filterSev)));
  document.querySelectorAll("[data-filter-clear]").forEach((el) =>
    el.addEventListener("click", () => { rules.clear(); severities.clear(); applyFilters(); }));

  // The note of a finding, shown beside its mark on hover.
  const tip = document.getElementById("tip");
  function showTip(mark) {
    const on = mark.notes.filter((li) => !li.classList.contains("off"));
    if (!on.length) return;
    const list = document.createElement("ul");
    on.forEach((li) => {
      const item = document.createElement("li");
      item.append(...Array.from(li.childNodes, (node) => node.cloneNode(true)));
      list.append(item);
    });
    tip.replaceChildren(list);
    tip.hidden = false;
    const box = mark.el.getBoundingClientRect();
    const left = Math.min(box.left, document.documentElement.clientWidth - tip.offsetWidth - 8);
    tip.style.left = `${Math.max(8, left) + window.scrollX}px`;
    tip.style.top = `${box.bottom + window.scrollY + 6}px`;
  }
  marks.forEach((mark) => {
    mark.el.addEventListener("mouseenter", () => showTip(mark));
    mark.el.addEventListener("mouseleave", () => { tip.hidden = true; });
  });

  // A click on a note jumps to its mark in the text.
  const firstMark = new Map();
  marks.forEach((mark) => mark.notes.forEach((li) => {
    if (!firstMark.has(li.id)) firstMark.set(li.id, mark.el);
  }));
  notes.forEach((li, id) => li.addEventListener("click", (event) => {
    if (event.target.closest("a")) return;
    const el = firstMark.get(id);
    if (!el) return;
    el.scrollIntoView({ block: "center" });
    el.classList.add("flash");
    setTimeout(() => el.classList.remove("flash"), 1200);
  }));

  // A link to a rule opens its explain text.
  function openRule() {
    const target = location.hash.startsWith("#rule-") &&
      document.getElementById(decodeURIComponent(location.hash.slice(1)));
    if (target && target.tagName === "DETAILS") target.open = true;
  }
  window.addEventListener("hashchange", openRule);
  openRule();
  applyFilters();
})();

// The table of files: sort by a column, search file names, narrow to a folder; the first
// rows drawn and the rest behind "Show all", so thousands of rows cost nothing until asked.
(function () {
  "use strict";
  const section = document.getElementById("files");
  if (!section) return;
  const shownRows = Number(section.dataset.rowsShown) || 50;
  const search = document.getElementById("file-search");
  const count = document.getElementById("file-count");
  const more = document.getElementById("file-more");
  const fileBody = section.querySelector("table.files tbody");
  let all = false;

  function draw() {
    const query = search.value.trim().toLowerCase();
    let matching = 0;
    Array.from(fileBody.rows).forEach((row) => {
      const match = !query || row.dataset.path.toLowerCase().includes(query);
      if (match) matching++;
      row.hidden = !match || (!all && matching > shownRows);
    });
    count.textContent = `${matching.toLocaleString("en")} files match`;
    more.hidden = all || matching <= shownRows;
    more.textContent = `Show all ${matching.toLocaleString("en")}`;
  }

  function sortBy(th) {
    const table = th.closest("table");
    const body = table.tBodies[0];
    const key = th.dataset.sort;
    const number = th.dataset.type === "number";
    // Numbers largest first on the first click, names A to Z; a second click reverses.
    const descending = th.getAttribute("aria-sort") === "none" ? number
      : th.getAttribute("aria-sort") === "ascending";
    table.querySelectorAll("th[data-sort]").forEach((h) => h.setAttribute("aria-sort", "none"));
    th.setAttribute("aria-sort", descending ? "descending" : "ascending");
    const value = (row) => number ? Number(row.dataset[key]) : row.dataset[key];
    const rows = Array.from(body.rows).sort((a, b) => {
      const x = value(a), y = value(b);
      const order = x < y ? -1 : x > y ? 1 : Number(a.dataset.rank || 0) - Number(b.dataset.rank || 0);
      return descending ? -order : order;
    });
    body.append(...rows);
    if (body === fileBody) draw();
  }

  section.querySelectorAll("th[data-sort] button").forEach((b) =>
    b.addEventListener("click", () => sortBy(b.closest("th"))));
  search.addEventListener("input", () => { all = false; draw(); });
  more.addEventListener("click", () => { all = true; draw(); });
  section.querySelectorAll("button.folder").forEach((b) => b.addEventListener("click", () => {
    search.value = `${b.closest("tr").dataset.folder}/`;
    all = false;
    draw();
    search.scrollIntoView({ block: "center" });
  }));
  draw();
})();
