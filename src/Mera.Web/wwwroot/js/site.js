// Mera: charts from data-* attributes, sortable and searchable tables. No inline scripts (CSP: script-src 'self').
(function () {
  "use strict";
  const ru = new Intl.NumberFormat("ru-RU", { maximumFractionDigits: 1 });
  const fmt = (v, unit) => v === null || v === undefined ? "нет данных" : ru.format(v) + (unit === "%" ? " %" : "");

  function chart(canvas) {
    const kind = canvas.dataset.chart;
    const values = JSON.parse(canvas.dataset.values || "[]");
    const labels = JSON.parse(canvas.dataset.labels || "[]");
    const titles = JSON.parse(canvas.dataset.titles || "null"); // full names in the tooltip, short ones on the axis
    const unit = canvas.dataset.unit || "";
    if (typeof Chart === "undefined") return;
    if (kind === "spark") {
      new Chart(canvas, {
        type: "line",
        data: { labels: values.map((_, i) => i), datasets: [{ data: values, borderColor: "#1f4e79", borderWidth: 1.5, pointRadius: 0, spanGaps: true, tension: 0.3 }] },
        options: { responsive: false, animation: false, plugins: { legend: { display: false }, tooltip: { enabled: false } }, scales: { x: { display: false }, y: { display: false } } },
      });
      return;
    }
    const datasets = [{ data: values, backgroundColor: "#4a7fb5", borderColor: "#1f4e79", spanGaps: true, tension: 0.25 }];
    if (canvas.dataset.reference) {
      const ref = Number(canvas.dataset.reference);
      datasets.push({ type: "line", data: values.map(() => ref), borderColor: "#d9822b", borderDash: [5, 4], pointRadius: 0, label: canvas.dataset.referenceLabel || "итого" });
    }
    new Chart(canvas, {
      type: kind,
      data: { labels: labels, datasets: datasets },
      options: {
        indexAxis: kind === "bar" ? "y" : "x",
        animation: false,
        plugins: { legend: { display: false }, tooltip: { callbacks: {
          title: (items) => titles && items.length ? titles[items[0].dataIndex] : (items.length ? items[0].label : ""),
          label: (c) => fmt(c.parsed[kind === "bar" ? "x" : "y"], unit) } } },
        scales: kind === "bar"
          // Every school gets its label: none is skipped to make room.
          ? { x: { beginAtZero: true, ticks: { callback: (v) => fmt(v, unit) } }, y: { ticks: { autoSkip: false } } }
          : { y: { beginAtZero: true, ticks: { callback: (v) => fmt(v, unit) } } },
      },
    });
  }

  function sortable(table) {
    table.querySelectorAll("th[data-sort]").forEach((th, index) => {
      th.classList.add("sort");
      th.addEventListener("click", () => {
        const body = table.tBodies[0];
        const asc = th.dataset.dir !== "asc";
        th.dataset.dir = asc ? "asc" : "desc";
        const key = (tr) => {
          const cell = tr.cells[index];
          if (th.dataset.sort === "number") {
            const v = cell.dataset.value;
            return v === "" || v === undefined ? -Infinity : Number(v);
          }
          return cell.textContent.trim().toLowerCase();
        };
        Array.from(body.rows)
          .sort((a, b) => (key(a) > key(b) ? 1 : key(a) < key(b) ? -1 : 0) * (asc ? 1 : -1))
          .forEach((tr) => body.appendChild(tr));
      });
    });
  }

  function filter(input) {
    const table = document.querySelector(input.dataset.filter);
    input.addEventListener("input", () => {
      const q = input.value.trim().toLowerCase();
      Array.from(table.tBodies[0].rows).forEach((tr) => {
        tr.hidden = q.length > 0 && !tr.textContent.toLowerCase().includes(q);
      });
    });
  }

  function lagging(box) {
    const table = document.querySelector(box.dataset.lagging);
    box.addEventListener("change", () => {
      Array.from(table.tBodies[0].rows).forEach((tr) => {
        tr.classList.toggle("d-none", box.checked && tr.dataset.laggingRow !== "1");
      });
    });
  }

  // Big exports over a slow line: show how much of the file has gone, then that the server is checking it.
  // Without JavaScript the form posts normally.
  function uploadProgress(form) {
    const box = document.querySelector(form.dataset.uploadProgress);
    form.addEventListener("submit", (event) => {
      if (!window.XMLHttpRequest || !window.FormData) return;
      event.preventDefault();
      const bar = box.querySelector("progress");
      const text = box.querySelector("[role=status]");
      box.hidden = false;
      form.querySelectorAll("button").forEach((b) => { b.disabled = true; });
      const xhr = new XMLHttpRequest();
      xhr.open("POST", form.action);
      xhr.upload.addEventListener("progress", (e) => {
        if (!e.lengthComputable) return;
        const share = Math.round((e.loaded / e.total) * 100);
        bar.value = share;
        text.textContent = "Передано " + share + " % (" + ru.format(e.loaded / 1048576) + " из " + ru.format(e.total / 1048576) + " МБ)";
      });
      xhr.upload.addEventListener("load", () => {
        bar.removeAttribute("value");
        text.textContent = "Файл передан, идёт проверка строк…";
      });
      xhr.addEventListener("load", () => {
        document.open();
        document.write(xhr.responseText);
        document.close();
      });
      xhr.addEventListener("error", () => {
        text.textContent = "Связь прервалась: файл не загружен, данные не изменены. Повторите попытку.";
        form.querySelectorAll("button").forEach((b) => { b.disabled = false; });
      });
      xhr.send(new FormData(form));
    });
  }

  function checkAll(box) {
    box.addEventListener("change", () => {
      document.querySelectorAll(box.dataset.checkAll).forEach((b) => { if (!b.disabled) b.checked = box.checked; });
    });
  }

  document.addEventListener("DOMContentLoaded", () => {
    document.querySelectorAll("canvas[data-chart]").forEach(chart);
    document.querySelectorAll("table.sortable").forEach(sortable);
    document.querySelectorAll("input[data-filter]").forEach(filter);
    document.querySelectorAll("input[data-check-all]").forEach(checkAll);
    document.querySelectorAll("input[data-lagging]").forEach(lagging);
    document.querySelectorAll("form[data-upload-progress]").forEach(uploadProgress);
  });
})();
