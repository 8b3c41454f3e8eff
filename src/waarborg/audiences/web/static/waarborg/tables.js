// Tables reflow on a narrow screen (WCAG 2.1 1.4.10, docs/design.md): waarborg.css lays each row out as a block
// below 40em, and every cell shows its column's heading before it, from `data-label`. This names the cells from
// the table's own <thead>, so no template has to; a cell that already has a data-label keeps it.
document.querySelectorAll("table").forEach(function (table) {
  var heads = table.querySelectorAll("thead tr:last-child th");
  if (!heads.length) return;
  table.classList.add("waarborg-reflow");
  table.querySelectorAll("tbody tr").forEach(function (row) {
    Array.prototype.forEach.call(row.children, function (cell, i) {
      if (heads[i] && !cell.hasAttribute("data-label")) cell.setAttribute("data-label", heads[i].textContent.trim());
    });
  });
});
