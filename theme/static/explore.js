/* Search and filters for the home page timeline.
 *
 * Reads the index the build writes (search.json, format in docs/data.md), then
 * filters as you type. The state lives in the URL query (?q=&person=&forum=
 * &kind=&from=&to=) so a filtered view can be shared and reloaded. Without
 * JavaScript this file never runs and the full timeline stays as it is.
 */
(function () {
  "use strict";
  var root = document.getElementById("explore");
  if (!root || !window.fetch || !window.URLSearchParams) return;
  var form = document.getElementById("explore-form");
  var input = document.getElementById("explore-q");
  var selects = {
    person: document.getElementById("explore-person"),
    forum: document.getElementById("explore-forum"),
    kind: document.getElementById("explore-kind"),
    from: document.getElementById("explore-from"),
    to: document.getElementById("explore-to")
  };
  var status = document.getElementById("explore-status");
  var list = document.getElementById("explore-results");
  var more = document.getElementById("explore-more");
  var timeline = document.getElementById("timeline-all");
  var base = root.getAttribute("data-base");
  var PAGE = 50;
  var MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
  var index = null, entries = [], shown = 0, matches = [];

  function loadIndex(url) {  // one request per address, shared with axis.js
    var cache = window.timelineIndexes || (window.timelineIndexes = {});
    if (!cache[url]) {
      cache[url] = fetch(url).then(function (r) {
        if (!r.ok) throw new Error("HTTP " + r.status);
        return r.json();
      });
    }
    return cache[url];
  }

  function fold(s) {
    return s.normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase();
  }

  function display(date) {
    var approx = date.charAt(0) === "~";
    var parts = (approx ? date.slice(1) : date).split("-");
    var text = parts[0];
    if (parts.length > 1) text = MONTHS[+parts[1] - 1] + " " + text;
    if (parts.length > 2) text = +parts[2] + " " + text;
    return (approx ? "c. " : "") + text;
  }

  function prepare(data) {
    index = data;
    entries = data.entries.map(function (e, i) {
      var people = e[4].map(function (p) { return data.people[p]; });
      var forums = e[5].map(function (f) { return data.forums[f]; });
      var names = people.map(function (p) { return p[1] + " " + p[2]; })
        .concat(forums.map(function (f) { return f[1] + " " + f[2]; })).join(" ");
      var iso = e[2].replace("~", "");
      return {
        slug: e[0], title: e[1], date: e[2], iso: iso, year: +iso.slice(0, 4),
        kind: data.kinds[e[3]], people: e[4], forums: e[5], place: e[6], order: i,
        names: people.map(function (p) { return p[1]; }),
        primary: fold(e[1] + " " + names),
        text: fold(e[1] + " " + names + " " + e[6] + " " + e[7] + " " + data.kinds[e[3]])
      };
    });
    fill(selects.person, data.people.map(function (p, i) { return [String(i), p[1], p[0]]; }));
    fill(selects.forum, data.forums.map(function (f, i) { return [String(i), f[1], f[0]]; }));
    fill(selects.kind, data.kinds.map(function (k, i) { return [String(i), k, k]; }));
    var years = [];
    entries.forEach(function (e) { if (years.indexOf(e.year) < 0) years.push(e.year); });
    years.sort();
    fill(selects.from, years.map(function (y) { return [String(y), String(y), String(y)]; }));
    fill(selects.to, years.map(function (y) { return [String(y), String(y), String(y)]; }));
  }

  function fill(select, items) {
    items.forEach(function (item) {
      var o = document.createElement("option");
      o.value = item[2];
      o.textContent = item[1];
      o.setAttribute("data-i", item[0]);
      o.setAttribute("data-label", item[1]);
      select.appendChild(o);
    });
  }

  function chosen(name) {
    var o = selects[name].selectedOptions[0];
    return o && o.value ? +o.getAttribute("data-i") : null;
  }

  function state() {
    return {
      terms: fold(input.value).split(/\s+/).filter(Boolean),
      person: chosen("person"), forum: chosen("forum"), kind: chosen("kind"),
      from: selects.from.value ? +selects.from.value : null,
      to: selects.to.value ? +selects.to.value : null
    };
  }

  /* Which tests an entry passes: text, person, forum, kind, years. */
  function tests(e, s) {
    return [
      s.terms.every(function (t) { return e.text.indexOf(t) >= 0; }),
      s.person === null || e.people.indexOf(s.person) >= 0,
      s.forum === null || e.forums.indexOf(s.forum) >= 0,
      s.kind === null || index.kinds[s.kind] === e.kind,
      (s.from === null || e.year >= s.from) && (s.to === null || e.year <= s.to)
    ];
  }

  function allBut(passed, skip) {
    for (var i = 0; i < passed.length; i++) if (i !== skip && !passed[i]) return false;
    return true;
  }

  function update(fromUser) {
    var s = state();
    var active = s.terms.length || s.person !== null || s.forum !== null || s.kind !== null ||
      s.from !== null || s.to !== null;
    var counts = { person: {}, forum: {}, kind: {} };
    matches = [];
    entries.forEach(function (e) {
      var passed = tests(e, s);
      if (allBut(passed, -1)) matches.push(e);
      if (allBut(passed, 1)) e.people.forEach(function (p) { counts.person[p] = (counts.person[p] || 0) + 1; });
      if (allBut(passed, 2)) e.forums.forEach(function (f) { counts.forum[f] = (counts.forum[f] || 0) + 1; });
      if (allBut(passed, 3)) { var k = index.kinds.indexOf(e.kind); counts.kind[k] = (counts.kind[k] || 0) + 1; }
    });
    ["person", "forum", "kind"].forEach(function (name) {
      Array.prototype.forEach.call(selects[name].options, function (o) {
        if (!o.value) return;
        var n = counts[name][o.getAttribute("data-i")] || 0;
        o.textContent = o.getAttribute("data-label") + " (" + n + ")";
      });
    });
    if (s.terms.length) {
      var score = function (e) {
        return s.terms.filter(function (t) { return e.primary.indexOf(t) >= 0; }).length;
      };
      matches.sort(function (a, b) { return score(b) - score(a) || a.order - b.order; });
    }
    timeline.hidden = !!active;
    list.hidden = !active;
    list.textContent = "";
    shown = 0;
    if (active) {
      showMore();
      status.textContent = matches.length + " of " + entries.length + " engagements match.";
    } else {
      more.hidden = true;
      status.textContent = entries.length + " engagements. Search or choose filters to narrow them down.";
    }
    if (fromUser) remember();
  }

  function showMore() {
    var end = Math.min(shown + PAGE, matches.length);
    for (var i = shown; i < end; i++) list.appendChild(result(matches[i]));
    shown = end;
    more.hidden = shown >= matches.length;
    if (!more.hidden) more.textContent = "Show more (" + (matches.length - shown) + " left)";
  }

  function result(e) {
    var li = document.createElement("li");
    li.className = "result";
    var a = document.createElement("a");
    a.href = base + "entries/" + e.slug + "/";
    a.textContent = e.title;
    var meta = document.createElement("p");
    meta.className = "meta";
    var time = document.createElement("time");
    time.setAttribute("datetime", e.iso);
    time.textContent = display(e.date);
    meta.appendChild(time);
    var rest = [e.kind].concat(e.names.length ? ["with " + e.names.join(", ")] : [],
      e.forums.map(function (f) { return index.forums[f][1]; }), e.place ? [e.place] : []);
    meta.appendChild(document.createTextNode(" · " + rest.join(" · ")));
    li.appendChild(a);
    li.appendChild(meta);
    return li;
  }

  function remember() {
    var params = new URLSearchParams();
    if (input.value.trim()) params.set("q", input.value.trim());
    ["person", "forum", "kind", "from", "to"].forEach(function (name) {
      if (selects[name].value) params.set(name, selects[name].value);
    });
    var query = params.toString();
    history.replaceState(null, "", location.pathname + (query ? "?" + query : "") + location.hash);
  }

  function restore() {
    var params = new URLSearchParams(location.search);
    input.value = params.get("q") || "";
    ["person", "forum", "kind", "from", "to"].forEach(function (name) {
      var value = params.get(name) || "";
      var exists = Array.prototype.some.call(selects[name].options, function (o) { return o.value === value; });
      selects[name].value = exists ? value : "";
    });
  }

  form.addEventListener("submit", function (ev) { ev.preventDefault(); update(true); });
  form.addEventListener("reset", function () { setTimeout(function () { update(true); }, 0); });
  input.addEventListener("input", function () { update(true); });
  Object.keys(selects).forEach(function (name) {
    selects[name].addEventListener("change", function () { update(true); });
  });
  more.addEventListener("click", function () {
    var first = shown;
    showMore();
    var link = list.children[first] && list.children[first].querySelector("a");
    if (link) link.focus();
  });
  document.addEventListener("keydown", function (ev) {
    var tag = (ev.target.tagName || "").toLowerCase();
    if (ev.key === "/" && tag !== "input" && tag !== "select" && tag !== "textarea") {
      ev.preventDefault();
      input.focus();
    }
  });

  root.hidden = false;
  status.textContent = "Loading the search index…";
  loadIndex(root.getAttribute("data-index"))
    .then(function (data) {
      prepare(data);
      restore();
      update(false);
      root.setAttribute("data-ready", "true");
    })
    .catch(function () {
      status.textContent = "Search is not available right now; the full timeline is below.";
    });
})();
