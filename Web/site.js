// A little help on top of pages that work without it: sortable tables and a filter for long
// lists. Nothing here is needed to read the site.
(function () {
  "use strict";
  var dutch = document.documentElement.lang === "nl";

  function cellValue(row, index) {
    var cell = row.cells[index];
    if (!cell) return "";
    var text = cell.textContent.trim();
    // Dutch writes 1.234,5 and English 1,234.5: drop the thousands mark, keep the decimal one.
    var number = (dutch ? text.replace(/\./g, "").replace(",", ".") : text.replace(/,/g, ""))
      .replace("−", "-").replace("%", "");
    return cell.classList.contains("num") && !isNaN(parseFloat(number)) ? parseFloat(number) : text.toLowerCase();
  }

  // A printed report shows the numbers behind every chart.
  window.addEventListener("beforeprint", function () {
    document.querySelectorAll("details").forEach(function (details) { details.open = true; });
  });

  document.querySelectorAll("table[data-sortable]").forEach(function (table) {
    var body = table.tBodies[0];
    table.querySelectorAll("thead th").forEach(function (header, index) {
      var button = document.createElement("button");
      button.type = "button";
      button.textContent = header.textContent;
      header.textContent = "";
      header.appendChild(button);
      header.setAttribute("aria-sort", "none");
      button.addEventListener("click", function () {
        var ascending = header.getAttribute("aria-sort") !== "ascending";
        table.querySelectorAll("thead th").forEach(function (other) { other.setAttribute("aria-sort", "none"); });
        header.setAttribute("aria-sort", ascending ? "ascending" : "descending");
        Array.prototype.slice.call(body.rows)
          .sort(function (a, b) {
            var x = cellValue(a, index), y = cellValue(b, index);
            return (x < y ? -1 : x > y ? 1 : 0) * (ascending ? 1 : -1);
          })
          .forEach(function (row) { body.appendChild(row); });
      });
    });

    if (body.rows.length < 12) return;
    var label = document.createElement("label");
    label.className = "filter";
    label.textContent = dutch ? "Zoek in deze tabel: " : "Search this table: ";
    var input = document.createElement("input");
    input.type = "search";
    label.appendChild(input);
    table.parentNode.parentNode.insertBefore(label, table.parentNode);
    input.addEventListener("input", function () {
      var query = input.value.trim().toLowerCase();
      Array.prototype.forEach.call(body.rows, function (row) {
        row.hidden = query !== "" && row.textContent.toLowerCase().indexOf(query) === -1;
      });
    });
  });
})();
