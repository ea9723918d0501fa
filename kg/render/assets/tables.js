/* kg tables: sort by a heading, filter by text and date, download the rows shown as CSV.
 * Cells are written with textContent; links get their href as a DOM property. */
(function () {
  "use strict";
  var data = JSON.parse(document.getElementById("kg-data").textContent);
  var main = document.getElementById("kg-tables");

  function el(tag, className, text) {
    var node = document.createElement(tag);
    if (className) { node.className = className; }
    if (text !== undefined && text !== null) { node.textContent = String(text); }
    return node;
  }
  function text(value) { return Array.isArray(value) ? value[0] : value; }
  function csvCell(value) {
    var s = String(text(value));
    // A leading =, +, - or @ would be a formula in a spreadsheet: quote it as text.
    if (/^[=+\-@\t\r]/.test(s)) { s = "'" + s; }
    return /[",\n\r]/.test(s) ? '"' + s.replace(/"/g, '""') + '"' : s;
  }

  data.tables.forEach(function (table) {
    var section = el("section", "kg-table-section");
    section.id = "kg-table-" + table.id;
    section.appendChild(el("h2", null, table.title));
    var bar = el("div", "kg-table-bar");
    var search = el("input");
    search.type = "search";
    search.className = "kg-table-search";
    search.placeholder = "筛选 filter (name, post, body…)";
    bar.appendChild(search);
    var dated = table.columns.some(function (c) { return c.kind === "date"; });
    var from = el("input"), to = el("input");
    if (dated) {
      from.type = to.type = "date";
      from.className = "kg-date-from"; to.className = "kg-date-to";
      bar.appendChild(el("span", "kg-muted", " 时间 from "));
      bar.appendChild(from);
      bar.appendChild(el("span", "kg-muted", " to "));
      bar.appendChild(to);
    }
    var download = el("button", "kg-csv", "CSV");
    download.type = "button";
    bar.appendChild(download);
    var count = el("span", "kg-muted kg-count");
    bar.appendChild(count);
    section.appendChild(bar);

    var grid = el("table", "kg-table");
    var head = el("thead"), body = el("tbody");
    var headRow = el("tr");
    var sortBy = -1, ascending = true;
    table.columns.forEach(function (column, index) {
      var th = el("th", null, column.name);
      th.setAttribute("data-column", String(index));
      th.addEventListener("click", function () {
        ascending = sortBy === index ? !ascending : true;
        sortBy = index;
        draw();
      });
      headRow.appendChild(th);
    });
    head.appendChild(headRow);
    grid.appendChild(head);
    grid.appendChild(body);
    section.appendChild(grid);
    main.appendChild(section);

    var shown = table.rows;
    function matches(row) {
      var q = search.value.trim().toLowerCase();
      if (q && !row.some(function (cell) { return String(text(cell)).toLowerCase().indexOf(q) >= 0; })) {
        return false;
      }
      if (dated && (from.value || to.value)) {
        var dates = row.filter(function (_, i) { return table.columns[i].kind === "date"; }).map(text);
        var first = dates[0], last = dates[dates.length - 1] || first;
        if (!first) { return false; }
        if (from.value && last < from.value) { return false; }
        if (to.value && first > to.value) { return false; }
      }
      return true;
    }
    function compare(a, b) {
      var x = text(a[sortBy]), y = text(b[sortBy]);
      var numeric = table.columns[sortBy].kind === "number";
      var order = numeric ? x - y : String(x).localeCompare(String(y), "zh-CN");
      return ascending ? order : -order;
    }
    function draw() {
      shown = table.rows.filter(matches);
      if (sortBy >= 0) { shown = shown.slice().sort(compare); }
      Array.prototype.forEach.call(headRow.children, function (th, i) {
        th.className = i === sortBy ? (ascending ? "kg-sorted-up" : "kg-sorted-down") : "";
      });
      while (body.firstChild) { body.removeChild(body.firstChild); }
      var fragment = document.createDocumentFragment();
      shown.slice(0, 2000).forEach(function (row) {
        var tr = el("tr");
        row.forEach(function (cell, i) {
          var td = el("td", table.columns[i].kind === "number" ? "kg-num" : null);
          if (Array.isArray(cell)) {
            var a = el("a", null, cell[0]);
            a.href = cell[1];
            td.appendChild(a);
          } else {
            td.textContent = String(cell);
          }
          tr.appendChild(td);
        });
        fragment.appendChild(tr);
      });
      body.appendChild(fragment);
      count.textContent = " " + shown.length + " / " + table.rows.length + " rows" +
        (shown.length > 2000 ? " (first 2000 drawn; the CSV holds all)" : "");
    }
    search.addEventListener("input", draw);
    from.addEventListener("change", draw);
    to.addEventListener("change", draw);
    download.addEventListener("click", function () {
      var lines = [table.columns.map(function (c) { return csvCell(c.name); }).join(",")];
      shown.forEach(function (row) { lines.push(row.map(csvCell).join(",")); });
      var blob = new Blob(["\ufeff" + lines.join("\r\n") + "\r\n"], { type: "text/csv;charset=utf-8" });
      var a = el("a");
      a.href = URL.createObjectURL(blob);
      a.download = "kg-" + table.id + ".csv";
      document.body.appendChild(a);
      a.click();
      document.body.removeChild(a);
    });
    var hash = decodeURIComponent(location.hash.replace(/^#q=/, ""));
    if (location.hash.indexOf("#q=") === 0) { search.value = hash; }
    draw();
  });
})();
