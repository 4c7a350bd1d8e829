/* reportlint HTML report: selection, hover, filters and keyboard navigation.
   Every position was resolved when the page was made; this script only follows the
   marks' data-f (finding) and data-r (related place of finding) attributes. */
(function () {
  "use strict";
  var doc = document;
  var panel = doc.getElementById("panel-body");
  var current = null;

  function parts(id) {
    return doc.querySelectorAll('mark.f[data-f="' + id + '"], .r[data-r="' + id + '"]');
  }
  function setClass(id, cls, on) {
    parts(id).forEach(function (el) { el.classList.toggle(cls, on); });
  }
  function firsts() {
    return Array.prototype.slice.call(doc.querySelectorAll("mark.f[id]"));
  }
  function shown(el) {
    var body = doc.body;
    for (var i = 0; i < el.classList.length; i++) {
      var c = el.classList[i];
      if ((c.indexOf("c-") === 0 || c.indexOf("s-") === 0) && body.classList.contains("hide-" + c)) {
        return false;
      }
    }
    return true;
  }
  function flash(el) {
    el.classList.remove("flash");
    void el.offsetWidth;
    el.classList.add("flash");
  }
  function select(id, scroll) {
    if (current !== null) { setClass(current, "sel", false); }
    current = id;
    panel.textContent = "";
    if (id === null) { return; }
    setClass(id, "sel", true);
    var detail = doc.getElementById("d" + id);
    if (detail) {
      var view = panel.appendChild(detail.cloneNode(true));
      view.removeAttribute("id");
      var rule = doc.getElementById("rule-" + detail.getAttribute("data-rule"));
      if (rule) { view.insertBefore(rule.cloneNode(true), view.querySelector(".nav")).removeAttribute("id"); }
    }
    var first = doc.getElementById("f" + id);
    if (first) {
      if (scroll) { first.scrollIntoView({ block: "center" }); }
      first.focus({ preventScroll: true });
    }
    if (history.replaceState) { history.replaceState(null, "", "#f" + id); }
  }
  function step(delta) {
    var all = firsts().filter(shown);
    var n = all.length;
    if (!n) { return; }
    var cur = current === null ? null : doc.getElementById("f" + current);
    var at = cur ? all.indexOf(cur) : -1;
    var next;
    if (at >= 0) {
      next = (at + delta + n) % n;
    } else if (!cur) {
      next = delta > 0 ? 0 : n - 1;
    } else {  /* the current finding is filtered out: go on from its place in the text */
      var i = 0;
      while (i < n && (cur.compareDocumentPosition(all[i]) & Node.DOCUMENT_POSITION_FOLLOWING) === 0) { i++; }
      next = delta > 0 ? i % n : (i - 1 + n) % n;
    }
    select(all[next].getAttribute("data-f"), true);
  }

  doc.addEventListener("click", function (ev) {
    var t = ev.target;
    var jump = t.closest("[data-jump]");
    if (jump) {
      var target = doc.getElementById(jump.getAttribute("data-jump"));
      if (target) {
        ev.preventDefault();
        target.scrollIntoView({ block: "center" });
        flash(target);
      }
      return;
    }
    var stepper = t.closest("[data-step]");
    if (stepper) { step(parseInt(stepper.getAttribute("data-step"), 10)); return; }
    var go = t.closest("[data-goto]");
    if (go) { ev.preventDefault(); select(go.getAttribute("data-goto"), true); return; }
    var mark = t.closest("mark.f");
    /* a click on the selected finding goes out to the one around it (findings nest) */
    while (mark && (!shown(mark) || mark.getAttribute("data-f") === current)) {
      mark = mark.parentElement.closest("mark.f");
    }
    if (mark) { select(mark.getAttribute("data-f"), false); }
  });

  function hover(ev, on) {
    var el = ev.target.closest ? ev.target.closest("mark.f, .r") : null;
    if (!el) { return; }
    var id = el.getAttribute("data-f") || el.getAttribute("data-r");
    if (el.tagName === "MARK" && !shown(el)) { return; }
    setClass(id, "hot", on);
  }
  doc.addEventListener("mouseover", function (ev) { hover(ev, true); });
  doc.addEventListener("mouseout", function (ev) { hover(ev, false); });

  doc.querySelectorAll("input[data-hide]").forEach(function (box) {
    box.addEventListener("change", function () {
      doc.body.classList.toggle("hide-" + box.getAttribute("data-hide"), !box.checked);
    });
  });

  doc.addEventListener("keydown", function (ev) {
    if (ev.ctrlKey || ev.metaKey || ev.altKey) { return; }
    var tag = ev.target.tagName;
    var typing = tag === "TEXTAREA" || tag === "SELECT" ||
      (tag === "INPUT" && ["checkbox", "radio", "button"].indexOf(ev.target.type) < 0);
    if (typing) { return; }
    if (ev.key === "j" || ev.key === "n") { step(1); ev.preventDefault(); }
    else if (ev.key === "k" || ev.key === "p") { step(-1); ev.preventDefault(); }
    else if (ev.key === "Enter" && ev.target.matches && ev.target.matches("mark.f")) {
      select(ev.target.getAttribute("data-f"), false);
    }
    else if (ev.key === "Escape") { select(null, false); }
  });

  var hash = /^#f(\d+)$/.exec(location.hash);
  if (hash) { select(hash[1], true); }
})();
