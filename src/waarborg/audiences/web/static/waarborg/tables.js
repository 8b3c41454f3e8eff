// Tables reflow on a narrow screen (WCAG 2.1 1.4.10, docs/design.md): waarborg.css lays each row out as a block
// below 40em, and every cell shows its column's heading before it, from `data-label`. This names the cells from
// the table's own header row (its <thead>, else a first row of <th> only), so no template has to; a cell that
// already has a data-label keeps it. A table inside .waarborg-table-scroll keeps its columns and scrolls itself.
document.querySelectorAll("table").forEach(function (table) {
  if (table.closest(".waarborg-table-scroll")) return;
  var head = table.querySelector("thead tr:last-child");
  if (!head) {
    var first = table.rows[0];
    if (!first || first.querySelector("td")) return;
    head = first;
  }
  var heads = head.children;
  table.classList.add("waarborg-reflow");
  head.classList.add("waarborg-reflow__head");
  Array.prototype.forEach.call(table.rows, function (row) {
    if (row === head || row.parentNode.tagName === "THEAD") return;
    Array.prototype.forEach.call(row.children, function (cell, i) {
      if (heads[i] && !cell.hasAttribute("data-label")) cell.setAttribute("data-label", heads[i].textContent.trim());
    });
  });
});
