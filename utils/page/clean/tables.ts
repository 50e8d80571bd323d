// Layout tables: old portals and blogs build the whole page, post and all, from nested tables. In
// the reader a table is a data table (smaller type, its own scroll box), so a table that only lays
// out text becomes the plain blocks it holds, cell by cell, in reading order.

const BLOCKY = 'p, div, ul, ol, blockquote, h1, h2, h3, h4, h5, h6, pre, table, br';

/** Lays text out rather than holds data: one column, cells of prose, or blocks and tables inside. */
export function isLayoutTable(table: Element): boolean {
  if (table.querySelector('th, caption, thead')) return false;
  const rows = [...table.querySelectorAll('tr')].filter((r) => r.closest('table') === table);
  let columns = 0;
  for (const r of rows) columns = Math.max(columns, [...r.children].filter((c) => /^T[DH]$/i.test(c.tagName)).length);
  if (columns <= 1) return true;
  for (const cell of table.querySelectorAll('td')) {
    if (cell.closest('table') !== table) continue;
    if (cell.querySelector(BLOCKY) || (cell.textContent ?? '').replace(/\s+/g, '').length > 200) return true;
  }
  return false;
}

/** Replaces every layout table under `root` with its cells' content; returns how many. */
export function unwrapLayoutTables(root: Element): number {
  const doc = root.ownerDocument;
  let n = 0;
  // Readability sometimes keeps a layout's rows and cells without their <table>: cells become
  // blocks, rows and row groups give way to what they hold.
  for (const el of [...root.querySelectorAll('tbody, thead, tfoot, tr, td, th')].reverse()) {
    if (el.closest('table')) continue;
    if (/^T[DH]$/i.test(el.tagName)) {
      const div = doc.createElement('div');
      while (el.firstChild) div.append(el.firstChild);
      el.replaceWith(div);
    } else el.replaceWith(...el.childNodes);
    n++;
  }
  // Innermost first, so an outer table sees its inner ones already flattened.
  for (const table of [...root.querySelectorAll('table')].reverse()) {
    if (!isLayoutTable(table)) continue;
    const box = doc.createElement('div');
    for (const cell of table.querySelectorAll('td, th')) {
      if (cell.closest('table') !== table) continue;
      const div = doc.createElement('div');
      while (cell.firstChild) div.append(cell.firstChild);
      if (div.textContent?.trim() || div.querySelector('img, video, iframe')) box.append(div);
    }
    table.replaceWith(box);
    n++;
  }
  return n;
}
