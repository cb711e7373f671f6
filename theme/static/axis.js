/* The zoomable time axis.
 *
 * Enhances the SVG axis the build draws (generator/builder/charts.py says what
 * it carries): the mouse wheel, a drag, a pinch, the buttons and the keys zoom
 * and pan it, and a card shows the engagement under the pointer or with the
 * focus. Positions are worked out once; a frame sets one transform, the tick
 * labels and the focus ring, however many engagements there are. Past the
 * build's detail limit the axis shows monthly counts; on the whole site's axis
 * the engagements themselves replace the bars once the view holds few enough
 * of them (read from search.json, shared with explore.js). Without JavaScript
 * this file never runs and the static SVG stays as it is.
 */
(function () {
  "use strict";
  if (window.timelineAxis || !window.requestAnimationFrame || !document.querySelector) return;
  window.timelineAxis = true;

  var NS = "http://www.w3.org/2000/svg";
  var DAY = 86400000;
  var MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
  var PAD = 8;           // px kept free at each end of the axis
  var MIN_DAYS = 10;     // the narrowest view
  var TOP = 6, LANE_H = 14, LANES = 3;  // as in charts.py
  var HIT = 12;          // px: how near the pointer must be to a mark
  var STEPS = [          // tick steps, finest first, with the room a label needs (px)
    ["day", 1, 52], ["day", 2, 52], ["day", 5, 52], ["day", 10, 52],
    ["month", 1, 66], ["month", 2, 66], ["month", 3, 66], ["month", 6, 66],
    ["year", 1, 42], ["year", 2, 42], ["year", 5, 42], ["year", 10, 42], ["year", 20, 42],
    ["year", 50, 42], ["year", 100, 42], ["year", 500, 42]
  ];
  var reduced = window.matchMedia ? window.matchMedia("(prefers-reduced-motion: reduce)") : null;
  var made = 0;

  function loadIndex(url) {  // one request per address, whichever script asks first
    var cache = window.timelineIndexes || (window.timelineIndexes = {});
    if (!cache[url]) {
      cache[url] = fetch(url).then(function (r) {
        if (!r.ok) throw new Error("HTTP " + r.status);
        return r.json();
      });
    }
    return cache[url];
  }

  function dayOf(y, m, d) { return Date.UTC(y, m, d) / DAY; }
  function isoDay(iso) {
    var p = iso.split("-");
    return dayOf(+p[0], p[1] ? p[1] - 1 : 0, p[2] ? +p[2] : 1);
  }
  function showDay(day) {
    var d = new Date(Math.floor(day) * DAY);
    return d.getUTCDate() + " " + MONTHS[d.getUTCMonth()] + " " + d.getUTCFullYear();
  }
  function showDate(date) {  // "~2022-02" -> "c. Feb 2022", as the build writes dates
    var approx = date.charAt(0) === "~";
    var p = (approx ? date.slice(1) : date).split("-");
    var text = p[0];
    if (p.length > 1) text = MONTHS[p[1] - 1] + " " + text;
    if (p.length > 2) text = +p[2] + " " + text;
    return (approx ? "c. " : "") + text;
  }
  function svgEl(name, attrs, parent) {
    var e = document.createElementNS(NS, name);
    for (var k in attrs) e.setAttribute(k, attrs[k]);
    if (parent) parent.appendChild(e);
    return e;
  }
  function htmlEl(name, cls, text, parent) {
    var e = document.createElement(name);
    if (cls) e.className = cls;
    if (text) e.textContent = text;
    if (parent) parent.appendChild(e);
    return e;
  }
  function lowerBound(items, u) {  // first item whose u is >= u
    var lo = 0, hi = items.length;
    while (lo < hi) {
      var mid = (lo + hi) >> 1;
      if (items[mid].u < u) lo = mid + 1; else hi = mid;
    }
    return lo;
  }
  function widest(items) {
    var w = 0;
    for (var i = 0; i < items.length; i++) if (items[i].w > w) w = items[i].w;
    return w;
  }
  function clamp(x, lo, hi) { return x < lo ? lo : x > hi ? hi : x; }

  function enhance(svg) {
    var figure = svg.closest("figure");
    var scroller = svg.parentNode;
    var marksG = svg.querySelector("g.marks");
    var ticksG = svg.querySelector("g.ticks");
    var baseLine = ticksG && ticksG.querySelector(".base");
    if (!figure || !marksG || !baseLine || !svg.getAttribute("data-start")) return;
    var id = "axis" + (++made);
    var start = isoDay(svg.getAttribute("data-start"));
    var end = isoDay(svg.getAttribute("data-end"));
    var U0 = +baseLine.getAttribute("x1"), U1 = +baseLine.getAttribute("x2");
    var perDay = (U1 - U0) / (end - start);
    var H = svg.viewBox.baseVal.height;
    var yLine = +baseLine.getAttribute("y1");
    var indexUrl = svg.getAttribute("data-index");
    var limit = +svg.getAttribute("data-limit") || 300;
    var counts = svg.classList.contains("counts");
    function uOf(day) { return U0 + (day - start) * perDay; }
    function dayAt(u) { return start + (u - U0) / perDay; }

    /* The marks drawn at build time, oldest first, as items. */
    var marks = [];
    Array.prototype.slice.call(marksG.children).forEach(function (m) {
      var cls = m.getAttribute("class") || "";
      var tip = m.querySelector("title");
      var text = tip ? tip.textContent : "";
      var cut = text.indexOf(": ");
      var item = { label: text.slice(0, cut), title: text.slice(cut + 2), text: text,
        href: m.getAttribute("data-href"), people: m.getAttribute("data-people"), el: m };
      if (m.tagName === "circle") {
        item.u = +m.getAttribute("cx");
        item.w = 0; item.y = +m.getAttribute("cy"); item.h = 10;
        var dot = svgEl("line", { "class": cls + " dot", x1: item.u, x2: item.u, y1: item.y,
          y2: item.y });
        ["data-href", "data-people"].forEach(function (a) {
          if (m.hasAttribute(a)) dot.setAttribute(a, m.getAttribute(a));
        });
        if (tip) dot.appendChild(tip);
        marksG.replaceChild(dot, m);
        item.el = dot;
      } else {
        item.u = +m.getAttribute("x");
        item.w = +m.getAttribute("width");
        item.h = +m.getAttribute("height");
        item.y = +m.getAttribute("y") + item.h / 2;
        if (!counts) {  // a month or a year: its true span, which zooming shows
          var d = new Date(Math.round(dayAt(item.u)) * DAY);
          var y = d.getUTCFullYear(), mo = d.getUTCMonth();
          var next = /m-year/.test(cls) ? dayOf(y + 1, 0, 1) : dayOf(y, mo + 1, 1);
          item.w = uOf(next) - item.u;
          m.setAttribute("width", item.w);
          m.removeAttribute("rx");
        }
      }
      item.kind = counts ? (/m-year/.test(cls) ? "year" : "month") : "entry";
      var role = item.href ? "link" : counts ? "button" : "img";
      item.el.setAttribute("role", role);
      if (role === "img") item.el.setAttribute("aria-label", text);
      item.el.setAttribute("tabindex", "-1");
      item.el.axisItem = item;
      marks.push(item);
    });
    marks.sort(function (a, b) { return a.u - b.u; });  // stable: ties keep their order
    if (!marks.length) return;
    marks.widest = widest(marks);

    /* The new structure: one group that zooms, ticks drawn in pixels. */
    var plot = svgEl("g", { "class": "z-plot" });
    svg.insertBefore(plot, marksG);
    plot.appendChild(marksG);
    var dotsG = svgEl("g", { "class": "z-dots" }, plot);
    ticksG.textContent = "";
    var base = svgEl("line", { "class": "base", y1: yLine, y2: yLine }, ticksG);
    var tickEls = [], labelEls = [];
    var hoverRing = svgEl("rect", { "class": "z-hover", rx: 4 }, svg);
    var ring = svgEl("rect", { "class": "z-ring", rx: 4 }, svg);
    hoverRing.style.display = ring.style.display = "none";

    svg.setAttribute("role", "group");
    svg.setAttribute("tabindex", "-1");
    svg.setAttribute("aria-describedby", id + "-help");
    scroller.removeAttribute("tabindex");
    figure.classList.add("zoomable");

    var bar = htmlEl("div", "z-bar");
    figure.insertBefore(bar, scroller);
    var range = htmlEl("p", "z-range", "", bar);
    range.id = id + "-range";
    var tools = htmlEl("div", "z-tools", "", bar);
    tools.setAttribute("role", "group");
    tools.setAttribute("aria-label", "Zoom and move the timeline");
    function button(text, label, action) {
      var b = htmlEl("button", "", text, tools);
      b.type = "button";
      if (label) b.setAttribute("aria-label", label);
      b.addEventListener("click", function () { wake(); action(); });
      return b;
    }
    button("\u2212", "Zoom out", function () { zoomBy(0.5, "middle", true); });
    button("+", "Zoom in", function () { zoomBy(2, "middle", true); });
    button("\u2190", "Earlier", function () { panBy(-0.5, true); });
    button("\u2192", "Later", function () { panBy(0.5, true); });
    button("Show all", "", function () { go(U0, U1, true, true); });

    var card = htmlEl("div", "z-card");
    card.id = id + "-card";
    card.hidden = true;
    figure.insertBefore(card, scroller.nextSibling);
    var caption = figure.querySelector("figcaption");
    var live = htmlEl("p", "z-live");
    live.setAttribute("aria-live", "polite");
    figure.insertBefore(live, caption);  // the caption stays the figure's last child
    var help = htmlEl("span", "z-help", " Zoom with the mouse wheel, a pinch, the buttons or the " +
      "+ and \u2212 keys; drag, or press Shift and an arrow key, to move. The arrow keys go " +
      (!counts ? "from one engagement to the next, Enter opens it" : indexUrl ?
        "from one month to the next, Enter zooms in; once the engagements show, from one to " +
        "the next, Enter opens it" : "from one month to the next, Enter zooms in") +
      "; 0 shows everything.", caption || figure);
    help.id = id + "-help";

    /* State: the view [v0, v1] in the build's units, the width in pixels. */
    var v0 = U0, v1 = U1, W = 0, a = 1, b = 0;
    var minSpan = Math.min(U1 - U0, MIN_DAYS * perDay);
    var anim = null, raf = 0;
    var index = null, indexState = indexUrl ? "idle" : "none";
    var detail = false;          // showing the index's engagements instead of the bars
    var rendered = { i0: 0, i1: 0, a: 0 };  // the part of the index drawn, at scale a
    var current = marks[marks.length - 1], hovered = null, pinned = false, shown = null;
    var focusUntil = 0, tabStop = null, announceView = false, viewTimer = 0, liveTimer = 0;
    var pointerOnCard = false, leaveTimer = 0, closed = null;
    setTabStop(current.el);

    function list() { return detail ? index : marks; }

    function wake() {  // the first use fetches the search index, when this axis has one
      if (indexState !== "idle") return;
      indexState = "loading";
      loadIndex(indexUrl).then(prepareIndex).catch(function () { indexState = "failed"; });
    }

    function prepareIndex(data) {
      var root = indexUrl.slice(0, indexUrl.lastIndexOf("/") + 1);
      var order = { year: 0, month: 1, day: 2 };
      var items = data.entries.map(function (e) {
        var date = e[2], iso = date.replace("~", ""), p = iso.split("-");
        var first = isoDay(iso);
        var precision = p.length === 3 ? "day" : p.length === 2 ? "month" : "year";
        var after = precision === "day" ? first + 1 : precision === "month" ?
          dayOf(+p[0], +p[1], 1) : dayOf(+p[0] + 1, 0, 1);
        return { u: uOf(first), w: precision === "day" ? 0 : uOf(after) - uOf(first),
          precision: precision, approx: date.charAt(0) === "~", rank: order[precision],
          key: e[1].toLowerCase() + "\u0000" + e[0],
          label: showDate(date), title: e[1], href: root + "entries/" + e[0] + "/",
          people: e[4].map(function (i) { return data.people[i][1]; }).join(", "),
          kind: "entry", y: TOP + LANE_H / 2, h: 10, el: null };
      });
      items.sort(function (x, y) {  // as the build orders them: date, title, page name
        return x.u - y.u || x.rank - y.rank || (x.key < y.key ? -1 : x.key > y.key ? 1 : 0);
      });
      items.widest = widest(items);
      index = items;
      indexState = "ready";
      svg.setAttribute("data-detail", "ready");
      request();
    }

    /* Drawing a frame. */
    function request() { if (!raf) raf = requestAnimationFrame(frame); }

    function frame(now) {
      raf = 0;
      if (anim) {
        var t = reduced && reduced.matches ? 1 : Math.min(1, (now - anim.t0) / 220);
        if (t < 0) t = 0;
        var e = 1 - Math.pow(1 - t, 3);
        v0 = anim.from[0] + (anim.to[0] - anim.from[0]) * e;
        v1 = anim.from[1] + (anim.to[1] - anim.from[1]) * e;
        if (t >= 1) anim = null; else request();
      }
      update();
    }

    function update() {
      if (!W) measure();
      if (!svg.hasAttribute("data-zoom")) svg.setAttribute("data-zoom", "ready");
      a = (W - 2 * PAD) / (v1 - v0);
      b = PAD - v0 * a;
      plot.setAttribute("transform", "matrix(" + a + " 0 0 1 " + b + " 0)");
      if (index) syncDetail();
      drawTicks();
      placeRing(ring, showRing() ? current : null, 3);
      placeRing(hoverRing, hovered && hovered !== current ? hovered : null, 2);
      if (!card.hidden) placeCard();
      if (focusUntil) focusCurrent();
      clearTimeout(viewTimer);
      viewTimer = setTimeout(showView, 120);
    }

    function measure() {
      W = Math.max(120, svg.getBoundingClientRect().width || scroller.clientWidth || 600);
      svg.setAttribute("viewBox", "0 0 " + W + " " + H);
      base.setAttribute("x1", PAD);
      base.setAttribute("x2", W - PAD);
    }

    function showView() {
      var text = showDay(dayAt(v0)) + " \u2013 " + showDay(dayAt(v1) - 0.5);
      if (range.textContent !== text) range.textContent = text;
      if (announceView) {
        announceView = false;
        say("Showing " + text + (counts && !detail ? ", engagements per month." : "."));
      }
    }

    function drawTicks() {
      var dFrom = dayAt(v0), dTo = dayAt(v1), pxDay = a * perDay;
      var step = STEPS[STEPS.length - 1];
      for (var s = 0; s < STEPS.length; s++) {
        var approx = STEPS[s][0] === "day" ? 1 : STEPS[s][0] === "month" ? 30.44 : 365.25;
        if (STEPS[s][1] * approx * pxDay >= STEPS[s][2]) { step = STEPS[s]; break; }
      }
      var cuts = boundaries(step, dFrom, dTo);
      var nt = 0, nl = 0;
      for (var i = 0; i < cuts.length; i++) {
        var x = a * uOf(cuts[i][0]) + b;
        if (x >= PAD - 0.5 && x <= W - PAD + 0.5) {
          var t = tickEls[nt] || (tickEls[nt] = svgEl("line", { "class": "tick", y1: yLine,
            y2: yLine + 6 }, ticksG));
          t.setAttribute("x1", x); t.setAttribute("x2", x); t.style.display = "";
          nt++;
        }
        var at = -1;
        if (step[1] > 1) {  // a label names its tick
          if (x >= PAD + step[2] / 2 && x <= W - PAD - step[2] / 2) at = x;
        } else if (i + 1 < cuts.length) {  // a label names its day, month or year
          var left = Math.max(x, PAD), right = Math.min(a * uOf(cuts[i + 1][0]) + b, W - PAD);
          if (right - left >= step[2] * 0.75) at = (left + right) / 2;
        }
        if (at >= 0) {
          var l = labelEls[nl] || (labelEls[nl] = svgEl("text", { y: yLine + 22 }, ticksG));
          l.setAttribute("x", at);
          if (l.textContent !== cuts[i][1]) l.textContent = cuts[i][1];
          l.style.display = "";
          nl++;
        }
      }
      for (; nt < tickEls.length; nt++) tickEls[nt].style.display = "none";
      for (; nl < labelEls.length; nl++) labelEls[nl].style.display = "none";
    }

    function boundaries(step, dFrom, dTo) {  // [[day, label of the span it starts]]
      var unit = step[0], n = step[1], out = [];
      var d = new Date(Math.floor(dFrom) * DAY), y = d.getUTCFullYear(), m = d.getUTCMonth();
      if (unit === "year") {
        for (y = Math.floor(y / n) * n; out.length < 400; y += n) {
          out.push([dayOf(y, 0, 1), String(y)]);
          if (dayOf(y, 0, 1) > dTo) break;
        }
      } else if (unit === "month") {
        for (var k = Math.floor((y * 12 + m) / n) * n; out.length < 400; k += n) {
          var day = dayOf(Math.floor(k / 12), k % 12, 1);
          out.push([day, MONTHS[k % 12] + " " + Math.floor(k / 12)]);
          if (day > dTo) break;
        }
      } else {
        for (var mm = y * 12 + m; out.length < 400; mm++) {
          var yy = Math.floor(mm / 12), mo = mm % 12, len = dayOf(yy, mo + 1, 1) - dayOf(yy, mo, 1);
          for (var dd = 1; dd <= len && (n === 1 || dd <= 28); dd += n) {
            var at = dayOf(yy, mo, dd);
            if (at + n < dFrom) continue;
            out.push([at, dd + " " + MONTHS[mo]]);
            if (at > dTo) return out;
          }
        }
      }
      return out;
    }

    function placeRing(r, item, pad) {
      var x1 = item ? a * item.u + b : 0, x2 = item ? a * (item.u + item.w) + b : 0;
      if (!item || (detail && !item.el) || x2 < -20 || x1 > W + 20) {
        r.style.display = "none";
        return;
      }
      var round = !item.w;
      if (round) { x1 -= 5; x2 += 5; }
      x1 = Math.max(x1 - pad, -4); x2 = Math.min(x2 + pad, W + 4);
      var top = item.y - item.h / 2 - pad;
      r.setAttribute("x", x1); r.setAttribute("width", Math.max(x2 - x1, 4));
      r.setAttribute("y", top); r.setAttribute("height", item.h + 2 * pad);
      r.setAttribute("rx", round ? item.h / 2 + pad : 3);
      r.style.display = "";
    }

    function showRing() {
      return pinned || svg.contains(document.activeElement) && document.activeElement !== svg;
    }

    /* Past the detail limit: the engagements of the index replace the bars
       once the view holds at most `limit` of them. */
    function syncDetail() {
      var lo = lowerBound(index, v0), hi = lowerBound(index, v1);
      var want = hi - lo <= limit;
      if (want !== detail) {
        var focused = svg.contains(document.activeElement);
        detail = want;
        svg.classList.toggle("z-detail", detail);
        if (detail) {
          render();
          if (current.kind !== "entry") current = entryIn(current);
        } else {
          dotsG.textContent = "";
          rendered.i1 = rendered.i0;
          index.forEach(function (it) { it.el = null; });
          if (current.kind === "entry") current = barOf(current);
        }
        setTabStop(current.el || svg);
        if (focused) focusSoon();
        hovered = null;
        if (shown) showCard(current, false);
      } else if (detail && (lo < rendered.i0 || hi > rendered.i1 ||
                            a > rendered.a * 1.6 || a < rendered.a / 1.6)) {
        render();
      }
    }

    function entryIn(barItem) {
      var i = Math.min(lowerBound(index, barItem.u), index.length - 1);
      return index[i];
    }
    function barOf(entry) {
      var best = marks[0];
      for (var i = 0; i < marks.length; i++) {
        if (marks[i].u <= entry.u + 1e-9 && marks[i].kind === "month") best = marks[i];
      }
      return best;
    }

    function render() {
      var span = v1 - v0;
      var lo = lowerBound(index, v0), hi = lowerBound(index, v1);
      var i0 = lowerBound(index, v0 - span - 366 * perDay), i1 = lowerBound(index, v1 + span);
      i0 = Math.max(i0, lo - limit);
      i1 = Math.min(i1, hi + limit);
      var focused = svg.contains(document.activeElement) && document.activeElement !== svg;
      for (var k = rendered.i0; k < rendered.i1; k++) index[k].el = null;
      dotsG.textContent = "";
      // Spans (engagements known to the month or the year) go behind the dots,
      // each kind in lanes of its own, so that no span hides a day.
      var ends = { span: [], dot: [] };
      for (var l = 0; l < LANES; l++) { ends.span.push(-1e9); ends.dot.push(-1e9); }
      var spans = document.createDocumentFragment(), dots = document.createDocumentFragment();
      for (var i = i0; i < i1; i++) {
        var it = index[i], lanes = it.w ? ends.span : ends.dot;
        var x1 = a * it.u + b, x2 = it.w ? a * (it.u + it.w) + b : x1 + 10;
        var lane = 0;
        for (l = 0; l < LANES; l++) {
          if (lanes[l] + 3 <= x1) { lane = l; break; }
          if (lanes[l] < lanes[lane]) lane = l;
        }
        lanes[lane] = Math.max(lanes[lane], x2);
        it.y = TOP + lane * LANE_H + LANE_H / 2;
        var cls = "m-" + it.precision + (it.approx ? " approx" : "");
        var e = it.w ?
          svgEl("rect", { "class": cls, x: it.u, y: it.y - 5, width: it.w, height: 10 }) :
          svgEl("line", { "class": cls + " dot", x1: it.u, x2: it.u, y1: it.y, y2: it.y });
        e.setAttribute("role", "link");
        e.setAttribute("tabindex", it === current ? "0" : "-1");
        e.setAttribute("data-href", it.href);
        if (it.people) e.setAttribute("data-people", it.people);
        svgEl("title", {}, e).textContent = it.label + ": " + it.title;
        e.axisItem = it;
        it.el = e;
        (it.w ? spans : dots).appendChild(e);
      }
      dotsG.appendChild(spans);
      dotsG.appendChild(dots);
      rendered = { i0: i0, i1: i1, a: a };
      if (current.kind === "entry") setTabStop(current.el || svg);
      if (focused) focusSoon();
    }

    /* Keyboard focus: one tab stop, the current mark. */
    function setTabStop(e) {
      if (tabStop && tabStop !== e) tabStop.setAttribute("tabindex", "-1");
      tabStop = e;
      e.setAttribute("tabindex", "0");
    }

    /* Focus goes to the current mark, now or once it is drawn (it may be out of
       the drawn part of the index): until then the svg holds it. Never taken
       from outside the figure. */
    function focusSoon() { focusUntil = performance.now() + 1000; focusCurrent(); }

    function focusCurrent() {
      var active = document.activeElement;
      if (!focusUntil || performance.now() > focusUntil ||
          (active && active !== document.body && !figure.contains(active))) {
        focusUntil = 0;
        return;
      }
      if (current.el && current.el.isConnected) {
        focusUntil = 0;
        setTabStop(current.el);
        if (active !== current.el) current.el.focus({ preventScroll: true });
      } else {
        setTabStop(svg);
        if (active !== svg) svg.focus({ preventScroll: true });
      }
    }

    function select(item, focus, reveal) {
      current = item;
      closed = null;
      if (reveal) bringIntoView(item);
      if (focus) focusSoon();
      showCard(item, true);
      request();
    }

    function bringIntoView(item) {  // pans so that the item is in view
      var from = anim ? anim.to[0] : v0, to = anim ? anim.to[1] : v1, span = to - from;
      var margin = span * 0.06;
      if (item.w < span - 2 * margin) {
        if (item.u >= from + margin && item.u + item.w <= to - margin) return;
        var mid = item.u + item.w / 2;
        go(mid - span / 2, mid + span / 2, true);
      } else if (item.u + item.w < from + margin) {  // a span wider than the view: its near end
        go(item.u + item.w - span * 0.7, item.u + item.w + span * 0.3, true);
      } else if (item.u > to - margin) {
        go(item.u - span * 0.3, item.u + span * 0.7, true);
      }
    }

    function move(step) {
      var items = list();
      var i = items.indexOf(current);
      if (i < 0) i = lowerBound(items, current.u);
      i = clamp(i + step, 0, items.length - 1);
      select(items[i], true, true);
    }

    /* Changing the view. */
    function go(from, to, animate, announce) {
      var full = U1 - U0, span = to - from;
      if (span < minSpan) { var c = (from + to) / 2; from = c - minSpan / 2; to = c + minSpan / 2; }
      if (to - from >= full) { from = U0; to = U1; }
      if (from < U0) { to += U0 - from; from = U0; }
      if (to > U1) { from -= to - U1; to = U1; }
      if (announce) announceView = true;
      if (animate && !(reduced && reduced.matches)) {
        anim = { from: [v0, v1], to: [from, to], t0: performance.now() };
      } else {
        anim = null;
        v0 = from; v1 = to;
      }
      request();
    }

    function target() { return anim ? anim.to : [v0, v1]; }

    function zoomBy(factor, at, announce) {
      var t = target();
      if (at === null) {  // around the current mark when it is in view, else the middle
        at = current.u + current.w / 2;
        if (at < t[0] || at > t[1]) at = "middle";
      }
      if (at === "middle") at = (t[0] + t[1]) / 2;
      go(at - (at - t[0]) / factor, at + (t[1] - at) / factor, true, announce);
    }

    function panBy(share, announce) {
      var t = target(), d = (t[1] - t[0]) * share;
      go(t[0] + d, t[1] + d, true, announce);
    }

    function uAt(clientX) {
      var box = svg.getBoundingClientRect();
      return (clientX - box.left - b) / a;
    }

    /* The card. */
    function showCard(item, speak) {
      if (item && item === closed && item !== hovered) item = null;  // closed until another
      if (!item) {
        card.hidden = true;
        shown = null;
        return;
      }
      if (item !== shown) {
        shown = item;
        card.textContent = "";
        if (item.kind === "entry") {
          htmlEl("p", "z-when", item.label, card);
          var t = htmlEl("p", "z-title", "", card);
          if (item.href) {
            var link = htmlEl("a", "", item.title, t);
            link.href = item.href;
          } else {
            t.textContent = item.title;
          }
          if (item.people) htmlEl("p", "z-people", "With " + item.people, card);
        } else {
          htmlEl("p", "z-when", item.label, card);
          htmlEl("p", "z-title", item.title.charAt(0).toUpperCase() + item.title.slice(1), card);
          if (item.kind === "month") {
            htmlEl("p", "z-people", indexUrl && indexState !== "failed" ?
              "Zoom in (Enter, + or the wheel) to see each engagement." :
              "Enter zooms to this month.", card);
          }
        }
        var close = htmlEl("button", "z-close", "\u00d7", card);
        close.type = "button";
        close.setAttribute("aria-label", "Close the card");
        close.addEventListener("click", function () { dismiss(true); });
        if (speak) say(item.kind === "entry" ? item.label + ": " + item.title +
          (item.people ? ". With " + item.people + "." : ".") : item.text + ".");
      }
      card.hidden = false;
      placeCard();
    }

    function placeCard() {
      var item = shown;
      if (!item) return;
      var x = a * (item.u + item.w / 2) + b + scroller.offsetLeft;
      var width = card.offsetWidth, room = figure.clientWidth;
      card.style.left = clamp(x - 28, 0, Math.max(0, room - width)) + "px";
      card.style.top = (scroller.offsetTop + scroller.offsetHeight + 4) + "px";
    }

    function refreshCard(speak) {
      var item = hovered || (pinned || figure.contains(document.activeElement) ? current : null);
      showCard(item, speak);
      request();
    }

    function dismiss(toAxis) {
      closed = shown;
      pinned = false;
      hovered = null;
      showCard(null);
      request();
      if (toAxis) focusSoon();
    }

    function say(text) {
      clearTimeout(liveTimer);
      liveTimer = setTimeout(function () { live.textContent = text; }, 150);
    }

    /* The nearest mark to a point of the svg, within HIT pixels. */
    function nearest(clientX, clientY) {
      var box = svg.getBoundingClientRect();
      var x = clientX - box.left, y = clientY - box.top;
      var items = list(), best = null, bestD = Infinity;
      var u = (x - b) / a, reach = HIT / a;
      var i0 = 0, i1 = items.length;
      if (detail) { i0 = rendered.i0; i1 = rendered.i1; }
      var from = Math.max(lowerBound(items, u - reach - items.widest), i0);
      var to = Math.min(lowerBound(items, u + reach + 1e-9), i1);
      for (var i = from; i < to; i++) {
        var it = items[i];
        var x1 = a * it.u + b, x2 = a * (it.u + it.w) + b;
        var dx = x < x1 ? x1 - x : x > x2 ? x - x2 : 0;
        var dy = counts && !detail ? 0 : Math.max(0, Math.abs(y - it.y) - it.h / 2);
        if (dx > HIT || dy > HIT) continue;
        var d = dx * dx + dy * dy + (it.w ? HIT * HIT / 4 : 0);  // a day before a span
        if (d < bestD) { bestD = d; best = it; }
      }
      return best;
    }

    /* Events. */
    svg.addEventListener("keydown", function (ev) {
      if (ev.altKey || ev.metaKey || ev.ctrlKey) return;
      wake();
      var key = ev.key;
      if (key === "ArrowRight" || key === "ArrowLeft") {
        var dir = key === "ArrowRight" ? 1 : -1;
        if (ev.shiftKey) panBy(dir / 3, true); else move(dir);
      } else if (key === "PageDown" || key === "PageUp") {
        panBy(key === "PageDown" ? 0.9 : -0.9, true);
      } else if (key === "Home" || key === "End") {
        var items = list();
        select(items[key === "Home" ? 0 : items.length - 1], true, true);
      } else if (key === "+" || key === "=" || key === "Add") {
        zoomBy(2, null, true);
      } else if (key === "-" || key === "_" || key === "Subtract" || key === "\u2212") {
        zoomBy(0.5, null, true);
      } else if (key === "0") {
        go(U0, U1, true, true);
      } else if (key === "Enter" || (key === " " && current.kind !== "entry")) {
        activate(current);
      } else if (key === "Escape") {
        if (card.hidden) return;
        dismiss(false);
      } else {
        return;
      }
      ev.preventDefault();
    });

    function activate(item) {
      if (item.kind === "entry") {
        if (item.href) window.location.assign(item.href);
        return;
      }
      var edge = item.w * 0.15;
      go(item.u - edge, item.u + item.w + edge, true, true);
    }

    svg.addEventListener("click", function (ev) {
      // A click on a mark itself comes from assistive technology (the pointer
      // reaches the svg, not its marks, and is handled on pointerup): follow it.
      var item = ev.target.axisItem;
      if (item && ev.detail === 0) {
        select(item, true, false);
        activate(item);
      }
    });

    svg.addEventListener("focusin", function (ev) {
      wake();
      var t = ev.target;
      if (t.axisItem) current = t.axisItem;
      refreshCard(true);
    });
    figure.addEventListener("focusout", function (ev) {
      if (!figure.contains(ev.relatedTarget)) setTimeout(function () { refreshCard(false); }, 0);
      else request();
    });
    figure.addEventListener("keydown", function (ev) {
      if (ev.key === "Escape" && card.contains(ev.target)) { dismiss(true); ev.preventDefault(); }
    });

    svg.addEventListener("wheel", function (ev) {
      wake();
      var unit = ev.deltaMode === 1 ? 16 : ev.deltaMode === 2 ? W : 1;
      var dx = ev.deltaX * unit, dy = ev.deltaY * unit;
      if (ev.shiftKey && !dx) { dx = dy; dy = 0; }
      var t = target();
      if (Math.abs(dx) > Math.abs(dy)) {
        ev.preventDefault();
        go(t[0] + dx / a, t[1] + dx / a, false);
        return;
      }
      var factor = Math.exp(-dy * (ev.ctrlKey ? 0.01 : 0.0025));
      var whole = t[1] - t[0] >= U1 - U0 - 1e-9, narrowest = t[1] - t[0] <= minSpan + 1e-9;
      if (!ev.ctrlKey && ((factor < 1 && whole) || (factor > 1 && narrowest))) return;
      ev.preventDefault();
      var at = uAt(ev.clientX);
      go(at - (at - t[0]) / factor, at + (t[1] - at) / factor, false);
    }, { passive: false });

    var pointers = {}, gesture = null;
    function pointerList() {
      return Object.keys(pointers).map(function (k) { return pointers[k]; });
    }
    function startGesture() {
      var ps = pointerList();
      if (ps.length === 1) {
        gesture = { kind: "drag", x: ps[0].x, v: [v0, v1], a: a,
          moved: gesture ? gesture.moved : false };
      } else if (ps.length >= 2) {
        var mid = (ps[0].x + ps[1].x) / 2;
        gesture = { kind: "pinch", dist: Math.max(10, Math.abs(ps[0].x - ps[1].x)), mid: mid,
          at: uAt(mid), v: [v0, v1], moved: true };
      }
    }
    svg.addEventListener("pointerdown", function (ev) {
      if (ev.pointerType === "mouse" && ev.button !== 0) return;
      wake();
      anim = null;
      pointers[ev.pointerId] = { x: ev.clientX, y: ev.clientY, x0: ev.clientX, y0: ev.clientY };
      try { svg.setPointerCapture(ev.pointerId); } catch (e) { /* a synthetic pointer */ }
      startGesture();
      if (ev.pointerType === "mouse") ev.preventDefault();  // no text selection; focus below
    });
    svg.addEventListener("pointermove", function (ev) {
      var p = pointers[ev.pointerId];
      if (!p) {
        if (ev.pointerType === "mouse") {
          var near = nearest(ev.clientX, ev.clientY);
          if (near !== hovered) { hovered = near; if (hovered) refreshCard(true); else request(); }
        }
        return;
      }
      p.x = ev.clientX; p.y = ev.clientY;
      if (!gesture) return;
      if (gesture.kind === "drag") {
        if (!gesture.moved && Math.abs(p.x - p.x0) < 4) return;
        if (!gesture.moved) svg.classList.add("dragging");
        gesture.moved = true;
        var du = (p.x - gesture.x) / gesture.a;
        go(gesture.v[0] - du, gesture.v[1] - du, false);
      } else {
        var ps = pointerList();
        if (ps.length < 2) return;
        var factor = Math.max(10, Math.abs(ps[0].x - ps[1].x)) / gesture.dist;
        var mid = (ps[0].x + ps[1].x) / 2, box = svg.getBoundingClientRect();
        var span = (gesture.v[1] - gesture.v[0]) / factor;
        var share = (mid - box.left - PAD) / (W - 2 * PAD);
        var from = gesture.at - share * span;
        go(from, from + span, false);
      }
      ev.preventDefault();
    });
    function pointerEnd(ev) {
      var p = pointers[ev.pointerId];
      if (!p) return;
      delete pointers[ev.pointerId];
      var tap = gesture && !gesture.moved && ev.type === "pointerup";
      if (tap) {
        var item = nearest(ev.clientX, ev.clientY);
        if (item) {
          pinned = true;
          hovered = null;
          select(item, true, false);
        } else if (!card.hidden) {
          dismiss(false);
        }
      }
      if (pointerList().length) {
        startGesture();
      } else {
        gesture = null;
        svg.classList.remove("dragging");
      }
    }
    svg.addEventListener("pointerup", pointerEnd);
    svg.addEventListener("pointercancel", pointerEnd);
    svg.addEventListener("pointerleave", function (ev) {
      if (ev.pointerType !== "mouse") return;
      clearTimeout(leaveTimer);
      leaveTimer = setTimeout(function () {
        if (!pointerOnCard && hovered) { hovered = null; refreshCard(false); }
      }, 300);
    });
    card.addEventListener("pointerenter", function () { pointerOnCard = true; });
    card.addEventListener("pointerleave", function () {
      pointerOnCard = false;
      if (hovered) { hovered = null; refreshCard(false); }
    });
    svg.addEventListener("pointerenter", wake);

    if (window.ResizeObserver) {
      new ResizeObserver(function () {
        var was = W;
        W = 0;
        measure();
        if (W !== was) update();
      }).observe(scroller);
    } else {
      window.addEventListener("resize", function () { W = 0; request(); });
    }
    showView();
    request();  // the first frame, when the page is laid out anyway: no forced layout here
  }

  function init() {
    var axes = document.querySelectorAll("figure.chart-figure svg.axis");
    Array.prototype.forEach.call(axes, enhance);
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init);
  else init();
})();
