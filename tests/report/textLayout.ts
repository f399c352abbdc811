// A script for a page in the browser that measures where text lands: every HTML text line (Range client rects of
// each text node) and every SVG <text> of the charts, with its bounding box in CSS px. It defines
// window.textLayout(), which lists the pieces of text that overlap another piece and those clipped by their box:
// an ancestor whose overflow is not visible, the chart's SVG, or the A4 sheet. Plain JavaScript, so the test
// runner's transforms never touch it. Each piece of text is measured by its em box (font size high, centred in the
// content area the browser reports, which a CJK font makes about 1.45 em: taller than its line, so adjacent lines'
// content areas always touch). Thresholds: two em boxes overlap when they share more than 2 px across and 1 px
// down; a box is clipped when it passes its clipping box by more than 1 px.

/** Adds `window.textLayout()` to a page (pass to `page.addScriptTag({ content })`). */
export const textLayoutScript = `
window.textLayout = function () {
  var boxes = [];
  var sheet = document.querySelector(".sheet");
  function clipBoxesOf(el) {
    var out = [];
    for (var a = el; a && a !== document.body; a = a.parentElement) {
      if (a instanceof SVGElement && a.tagName.toLowerCase() === "svg" && a.classList.contains("main-svg")) out.push({ el: a, r: a.getBoundingClientRect() });
      if (a instanceof HTMLElement) {
        var st = getComputedStyle(a);
        if (st.overflowX !== "visible" || st.overflowY !== "visible") out.push({ el: a, r: a.getBoundingClientRect() });
      }
    }
    if (sheet) out.push({ el: sheet, r: sheet.getBoundingClientRect() });
    return out;
  }
  // The em box of a text line: the rect the browser reports is the font's content area (ascent + descent, about
  // 1.45 em for Noto Sans CJK), taller than the glyphs; the em box, centred in it, holds the ink.
  function add(text, r, owner, id) {
    if (r.width <= 0 || r.height <= 0 || text.trim() === "") return;
    var size = parseFloat(getComputedStyle(owner).fontSize) || r.height;
    var inset = Math.max(0, (r.height - size) / 2);
    boxes.push({ text: text.trim().slice(0, 60), left: r.left, top: r.top + inset, right: r.right, bottom: r.bottom - inset, owner: owner, id: id });
  }
  var walker = document.createTreeWalker(sheet, NodeFilter.SHOW_TEXT);
  var n = 0;
  for (var node = walker.nextNode(); node; node = walker.nextNode()) {
    var parent = node.parentElement;
    if (!parent || parent.closest("svg") || parent.closest("script") || getComputedStyle(parent).visibility === "hidden") continue;
    var range = document.createRange();
    range.selectNodeContents(node);
    var rects = range.getClientRects();
    n += 1;
    for (var i = 0; i < rects.length; i += 1) add(node.textContent, rects[i], parent, "h" + n);
  }
  var texts = sheet.querySelectorAll("svg text");
  for (var j = 0; j < texts.length; j += 1) {
    var t = texts[j];
    if (getComputedStyle(t).display === "none" || t.closest("[display=none]")) continue;
    add(t.textContent || "", t.getBoundingClientRect(), t, "s" + j);
  }
  var overlaps = [];
  for (var a1 = 0; a1 < boxes.length; a1 += 1) {
    for (var b1 = a1 + 1; b1 < boxes.length; b1 += 1) {
      var p = boxes[a1], q = boxes[b1];
      if (p.id === q.id) continue;
      var w = Math.min(p.right, q.right) - Math.max(p.left, q.left);
      var h = Math.min(p.bottom, q.bottom) - Math.max(p.top, q.top);
      if (w > 2 && h > 1) overlaps.push(JSON.stringify(p.text) + " overlaps " + JSON.stringify(q.text) + " (" + w.toFixed(1) + " x " + h.toFixed(1) + " px)");
    }
  }
  var clipped = [];
  for (var k = 0; k < boxes.length; k += 1) {
    var b = boxes[k];
    var clips = clipBoxesOf(b.owner);
    for (var c = 0; c < clips.length; c += 1) {
      var r = clips[c].r;
      if (b.left < r.left - 1 || b.right > r.right + 1 || b.top < r.top - 1 || b.bottom > r.bottom + 1) {
        clipped.push(JSON.stringify(b.text) + " passes " + (clips[c].el.className && clips[c].el.className.baseVal !== undefined ? clips[c].el.className.baseVal : clips[c].el.className) + " by " +
          [r.left - b.left, b.right - r.right, r.top - b.top, b.bottom - r.bottom].map(function (x) { return x.toFixed(1); }).join("/") + " px");
        break;
      }
    }
  }
  return { overlaps: overlaps, clipped: clipped, texts: boxes.length };
};
`;
