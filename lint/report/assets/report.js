// cnlint corpus health report: documents decoded when shown, filters, pages and finding notes.
// Reads only the page itself. Corpus text reaches the DOM through textContent, or inside the
// body markup the report wrote (escaped text), parsed in an inert <template>.
(function () {
  "use strict";
  const section = document.getElementById("documents");
  if (!section) return;
  const pageSize = Number(section.dataset.pageSize) || 10;
  const rank = { error: 2, warning: 1, info: 0 };
  const docs = Array.from(section.querySelectorAll("article.doc"), (el) => ({
    el: el,
    // Every finding of the document counted by rule and severity, decoded or not.
    counts: el.dataset.rules.split(" ").filter(Boolean).map((item) => {
      const [rule, sev, n] = item.split(":");
      return { rule: rule, sev: sev, n: Number(n) };
    }),
    body: null, // the promise of the decoded body, once the document was shown
    notes: [],
    marks: [],
  }));
  const rules = new Set();
  const severities = new Set();
  let onlyPath = null; // a file picked in the table of files: only its documents
  const fileTag = document.getElementById("doc-file");
  let page = 0;
  let drawing = 0;

  function wanted(rule, sev) {
    return (!rules.size || rules.has(rule)) && (!severities.size || severities.has(sev));
  }

  function shownCount(doc) {
    if (onlyPath !== null && doc.el.dataset.path !== onlyPath) return 0;
    return doc.counts.reduce((sum, c) => sum + (wanted(c.rule, c.sev) ? c.n : 0), 0);
  }

  async function inflate(base64) {
    const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
    const stream = new Blob([bytes]).stream().pipeThrough(new DecompressionStream("gzip"));
    return new Response(stream).text();
  }

  // The body (text with marks, notes) is gzip + base64 in an inert script block until shown.
  function open(doc) {
    if (doc.body) return doc.body;
    const block = doc.el.querySelector('script[type="application/x-cnlint-doc"]');
    doc.body = inflate(block.textContent.trim()).then((markup) => {
      const template = document.createElement("template");
      template.innerHTML = markup;
      block.replaceWith(template.content);
      doc.notes = Array.from(doc.el.querySelectorAll("li.note"));
      const byId = new Map(doc.notes.map((li) => [li.id, li]));
      doc.marks = Array.from(doc.el.querySelectorAll("pre.text mark"), (el) => ({
        el: el,
        notes: el.dataset.f.split(" ").map((id) => byId.get(id)).filter(Boolean),
      }));
      filterBody(doc);
    }, () => {
      const notice = document.createElement("p");
      notice.className = "notice";
      notice.textContent = "This browser cannot decompress the document's text " +
        "(it needs DecompressionStream: Chrome 80, Firefox 113, Safari 16.4 or later).";
      block.replaceWith(notice);
    });
    return doc.body;
  }

  function filterBody(doc) {
    doc.notes.forEach((li) => li.classList.toggle("off", !wanted(li.dataset.rule, li.dataset.sev)));
    doc.marks.forEach((mark) => {
      const on = mark.notes.filter((li) => !li.classList.contains("off"));
      mark.el.classList.toggle("off", on.length === 0);
      if (on.length) {
        mark.el.dataset.sev = on.reduce((a, li) =>
          rank[li.dataset.sev] > rank[a] ? li.dataset.sev : a, on[0].dataset.sev);
      }
    });
  }

  function applyFilters() {
    docs.forEach((doc) => {
      const count = shownCount(doc);
      doc.shown = count;
      doc.el.querySelector(".shown").textContent = count.toLocaleString("en");
      filterBody(doc);
    });
    document.querySelectorAll("[data-filter-rule]").forEach((el) => {
      const active = rules.has(el.dataset.filterRule);
      if (el.tagName === "BUTTON") el.setAttribute("aria-pressed", String(active));
      else el.classList.toggle("active", active);
    });
    document.querySelectorAll("[data-filter-sev]").forEach((el) =>
      el.setAttribute("aria-pressed", String(severities.has(el.dataset.filterSev))));
    fileTag.hidden = onlyPath === null;
    fileTag.querySelector("b").textContent = onlyPath === null ? "" : onlyPath;
    page = 0;
    paginate();
  }

  // Shows one page of the matching documents and decodes those not yet decoded;
  // aria-busy is set until they are in place.
  function paginate() {
    const list = docs.filter((doc) => doc.shown > 0);
    const pages = Math.max(1, Math.ceil(list.length / pageSize));
    page = Math.min(page, pages - 1);
    const visible = new Set(list.slice(page * pageSize, (page + 1) * pageSize));
    docs.forEach((doc) => { doc.el.hidden = !visible.has(doc); });
    section.querySelectorAll("nav.pager").forEach((nav) => drawPager(nav, pages, list.length));
    const current = ++drawing;
    section.setAttribute("aria-busy", "true");
    Promise.all(Array.from(visible, open)).then(() => {
      if (current === drawing) section.removeAttribute("aria-busy");
    });
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
  document.querySelectorAll("[data-filter-clear]").forEach((el) => el.addEventListener("click", () => {
    rules.clear();
    severities.clear();
    onlyPath = null;
    applyFilters();
  }));
  fileTag.querySelector("button").addEventListener("click", () => { onlyPath = null; applyFilters(); });
  // A file picked in the table of files (its documents are embedded): show only those.
  document.addEventListener("cnlint:show-file", (event) => {
    onlyPath = event.detail;
    applyFilters();
    section.scrollIntoView();
  });

  function notesOf(markEl) {
    return markEl.dataset.f.split(" ").map((id) => document.getElementById(id))
      .filter((li) => li && !li.classList.contains("off"));
  }

  // The note of a finding, shown beside its mark on hover (one listener for every document).
  const tip = document.getElementById("tip");
  function showTip(markEl) {
    const on = notesOf(markEl);
    if (!on.length) return;
    const list = document.createElement("ul");
    on.forEach((li) => {
      const item = document.createElement("li");
      item.append(...Array.from(li.childNodes, (node) => node.cloneNode(true)));
      list.append(item);
    });
    tip.replaceChildren(list);
    tip.hidden = false;
    const box = markEl.getBoundingClientRect();
    const left = Math.min(box.left, document.documentElement.clientWidth - tip.offsetWidth - 8);
    tip.style.left = `${Math.max(8, left) + window.scrollX}px`;
    tip.style.top = `${box.bottom + window.scrollY + 6}px`;
  }
  section.addEventListener("mouseover", (event) => {
    const markEl = event.target.closest("pre.text mark");
    if (markEl) showTip(markEl);
  });
  section.addEventListener("mouseout", (event) => {
    const markEl = event.target.closest("pre.text mark");
    if (markEl && !markEl.contains(event.relatedTarget)) tip.hidden = true;
  });

  // A click on a note jumps to its mark in the text.
  section.addEventListener("click", (event) => {
    const li = event.target.closest("li.note");
    if (!li || event.target.closest("a")) return;
    const el = li.closest("article").querySelector(`pre.text mark[data-f~="${li.id}"]`);
    if (!el) return;
    el.scrollIntoView({ block: "center" });
    el.classList.add("flash");
    setTimeout(() => el.classList.remove("flash"), 1200);
  });

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

// The tables of files and folders, drawn from the page's JSON (#files-data): sort by a
// column, search file names, narrow to a folder. Only the rows asked for are drawn: the
// first of the files that match, more on each "Show more" (thousands of table rows at once
// take seconds of layout).
(function () {
  "use strict";
  const section = document.getElementById("files");
  if (!section) return;
  const data = JSON.parse(document.getElementById("files-data").textContent);
  const density = (findings, characters) => characters ? findings * data.per / characters : 0;
  const folders = data.folders.map(([folder, files, documents, characters, findings], i) => ({
    rank: i + 1, folder, files, documents, characters, findings,
    density: density(findings, characters),
  }));
  const files = data.files.map(([path, folder, documents, characters, findings], i) => ({
    rank: i + 1, path, folder: folders[folder].folder, lowerPath: path.toLowerCase(),
    documents, characters, findings, density: density(findings, characters),
  }));
  const firstRows = Number(section.dataset.rowsShown) || 50;
  const moreRows = Number(section.dataset.rowsMore) || 500;
  const search = document.getElementById("file-search");
  const count = document.getElementById("file-count");
  const more = document.getElementById("file-more");
  const folderTag = document.getElementById("file-folder");
  const fileBody = section.querySelector("table.files tbody");
  const folderBody = section.querySelector("table.folders tbody");
  const embedded = new Set(Array.from(document.querySelectorAll("article.doc"), (a) => a.dataset.path));
  const whole = new Intl.NumberFormat("en");
  const tenths = new Intl.NumberFormat("en", { minimumFractionDigits: 1, maximumFractionDigits: 1 });
  let fileOrder = files;
  let folderOrder = folders;
  let folder = null;
  let limit = firstRows;

  function cell(text, className) {
    const td = document.createElement("td");
    td.textContent = text;
    if (className) td.className = className;
    return td;
  }

  function numbers(row) {
    return [whole.format(row.documents), whole.format(row.characters),
      whole.format(row.findings), tenths.format(row.density)].map((n) => cell(n, "num"));
  }

  function fileRow(file) {
    const tr = document.createElement("tr");
    Object.assign(tr.dataset, { rank: file.rank, path: file.path, folder: file.folder,
      findings: file.findings });
    const path = cell(embedded.has(file.path) ? "" : file.path, "path");
    if (embedded.has(file.path)) {
      const open = document.createElement("button");
      open.type = "button";
      open.className = "file";
      open.title = "Show this file's documents";
      open.textContent = file.path;
      path.append(open);
    }
    tr.append(cell(whole.format(file.rank), "num"), path, ...numbers(file));
    return tr;
  }

  function folderRow(row) {
    const tr = document.createElement("tr");
    Object.assign(tr.dataset, { folder: row.folder, files: row.files, findings: row.findings });
    const name = document.createElement("button");
    name.type = "button";
    name.className = "folder";
    name.title = "Show this folder's files";
    name.textContent = row.folder;
    const first = document.createElement("td");
    first.append(name);
    tr.append(first, cell(whole.format(row.files), "num"), ...numbers(row));
    return tr;
  }

  function draw() {
    const query = search.value.trim().toLowerCase();
    const matching = fileOrder.filter((f) =>
      (folder === null || f.folder === folder) && (!query || f.lowerPath.includes(query)));
    fileBody.replaceChildren(...matching.slice(0, limit).map(fileRow));
    count.textContent = matching.length === 1 ? "1 file matches"
      : `${whole.format(matching.length)} files match`;
    const rest = matching.length - limit;
    more.hidden = rest <= 0;
    more.textContent = `Show ${whole.format(Math.min(rest, moreRows))} more ` +
      `(${whole.format(rest)} not shown)`;
    folderTag.hidden = folder === null;
    folderTag.querySelector("b").textContent = folder === null ? "" : folder;
  }

  function drawFolders() {
    folderBody.replaceChildren(...folderOrder.map(folderRow));
  }

  // Numbers largest first on the first click, names A to Z; a second click reverses.
  function sortBy(th) {
    const table = th.closest("table");
    const key = th.dataset.sort;
    const number = th.dataset.type === "number";
    const descending = th.getAttribute("aria-sort") === "none" ? number
      : th.getAttribute("aria-sort") === "ascending";
    table.querySelectorAll("th[data-sort]").forEach((h) => h.setAttribute("aria-sort", "none"));
    th.setAttribute("aria-sort", descending ? "descending" : "ascending");
    const sorted = (rows) => rows.slice().sort((a, b) => {
      const x = a[key], y = b[key];
      const order = x < y ? -1 : x > y ? 1 : a.rank - b.rank;
      return descending ? -order : order;
    });
    if (table.tBodies[0] === fileBody) {
      fileOrder = sorted(files);
      draw();
    } else {
      folderOrder = sorted(folders);
      drawFolders();
    }
  }

  section.querySelectorAll("th[data-sort] button").forEach((b) =>
    b.addEventListener("click", () => sortBy(b.closest("th"))));
  search.addEventListener("input", () => { limit = firstRows; draw(); });
  more.addEventListener("click", () => { limit += moreRows; draw(); });
  folderBody.addEventListener("click", (event) => {
    const name = event.target.closest("button.folder");
    if (!name) return;
    folder = name.closest("tr").dataset.folder;
    limit = firstRows;
    draw();
    search.scrollIntoView({ block: "center" });
  });
  folderTag.querySelector("button").addEventListener("click", () => { folder = null; draw(); });
  fileBody.addEventListener("click", (event) => {
    const open = event.target.closest("button.file");
    if (open) {
      document.dispatchEvent(new CustomEvent("cnlint:show-file", { detail: open.textContent }));
    }
  });
  drawFolders();
  draw();
})();
