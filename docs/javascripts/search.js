/* The archive's search box: Pagefind's index (built with the site, mine_archive/search.py),
   shown in a dialog opened from the header or with the "/" key. Every statement paragraph
   a search finds is a link of its own (…/#p4); filters narrow by convention, year,
   document type, speaker and meeting; the query and filters live in the address (?q=…).
   Pagefind's files load on the first use of search, never with the page. */
(function () {
  "use strict";

  var script = document.currentScript || document.querySelector('script[src*="javascripts/search.js"]');
  var siteRoot = new URL("../", script.src);
  var FILTERS = [
    ["convention", "Convention"],
    ["year", "Year"],
    ["type", "Document"],
    ["speaker", "Speaker"],
    ["meeting", "Meeting"]
  ];
  /* Results read at a time: each is a fragment to download, and the first query's bytes
     are budgeted (make bench). A typed phrase is looked for among these. */
  var SHOWN = 6;
  var pagefind = null;
  var dialog, input, status, list, opener, narrow, selects = {};
  var latest = 0;

  function loadPagefind() {
    if (!pagefind) {
      pagefind = import(new URL("pagefind/pagefind.js", siteRoot).href).then(function (module) {
        return module.init().then(function () { return module; });
      });
    }
    return pagefind;
  }

  function element(tag, attributes, text) {
    var node = document.createElement(tag);
    Object.keys(attributes || {}).forEach(function (name) { node.setAttribute(name, attributes[name]); });
    if (text) node.textContent = text;
    return node;
  }

  /* --- the dialog --------------------------------------------------------------------- */

  function build() {
    opener = element("button", { type: "button", class: "md-header__button archive-search__open",
      "aria-label": "Search", title: "Search (press /)", "aria-haspopup": "dialog" });
    opener.innerHTML = '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24" aria-hidden="true">' +
      '<path d="M9.5 3A6.5 6.5 0 0 1 16 9.5c0 1.61-.59 3.09-1.56 4.23l.27.27h.79l5 5-1.5 1.5-5-5v-.79' +
      'l-.27-.27A6.52 6.52 0 0 1 9.5 16 6.5 6.5 0 0 1 3 9.5 6.5 6.5 0 0 1 9.5 3m0 2C7 5 5 7 5 9.5S7 14 9.5 14' +
      ' 14 12 14 9.5 12 5 9.5 5"/></svg>';
    var header = document.querySelector(".md-header__inner") || document.body;
    header.appendChild(opener);

    dialog = element("dialog", { class: "archive-search", "aria-labelledby": "archive-search-title" });
    var form = element("form", { role: "search", class: "archive-search__form" });
    form.appendChild(element("h2", { id: "archive-search-title", class: "archive-search__title" }, "Search the archive"));
    var bar = element("div", { class: "archive-search__bar" });
    var label = element("label", { for: "archive-search-query", class: "visually-hidden" }, "Search words");
    input = element("input", { id: "archive-search-query", type: "search", autocomplete: "off", spellcheck: "false",
      placeholder: "Words or a phrase from any paragraph" });
    var close = element("button", { type: "button", class: "archive-search__close" }, "Close");
    bar.appendChild(label);
    bar.appendChild(input);
    bar.appendChild(close);
    form.appendChild(bar);
    /* The filters' values are Pagefind files of their own: fetched when the reader opens
       "Narrow to", so that a first query does not pay for them (make bench). */
    narrow = element("details", { class: "archive-search__narrow" });
    narrow.appendChild(element("summary", { id: "archive-search-narrow" }, "Narrow to a convention, year, document, speaker or meeting"));
    var filters = element("div", { class: "archive-search__filters", role: "group", "aria-labelledby": "archive-search-narrow" });
    narrow.appendChild(filters);
    FILTERS.forEach(function (pair) {
      var wrap = element("label", { class: "archive-search__filter" });
      wrap.appendChild(element("span", {}, pair[1]));
      var select = element("select", { name: pair[0] });
      select.appendChild(element("option", { value: "" }, "Any"));
      selects[pair[0]] = select;
      wrap.appendChild(select);
      filters.appendChild(wrap);
    });
    form.appendChild(narrow);
    status = element("p", { class: "archive-search__status", role: "status", "aria-live": "polite" });
    form.appendChild(status);
    list = element("ol", { class: "archive-search__results", "aria-label": "Results" });
    form.appendChild(list);
    dialog.appendChild(form);
    document.body.appendChild(dialog);

    opener.addEventListener("click", open);
    close.addEventListener("click", function () { dialog.close(); });
    dialog.addEventListener("close", function () {
      writeAddress(false);
      opener.focus();
    });
    dialog.addEventListener("click", function (event) { if (event.target === dialog) dialog.close(); });
    form.addEventListener("submit", function (event) { event.preventDefault(); });
    input.addEventListener("input", schedule);
    narrow.addEventListener("toggle", function () {
      if (narrow.open) fillFilters().then(run);
    });
    Object.keys(selects).forEach(function (name) { selects[name].addEventListener("change", run); });
    form.addEventListener("keydown", moveThroughResults);
  }

  function open() {
    if (!dialog.open) dialog.showModal();
    input.focus();
    /* An address with filters opens "Narrow to", which fills them and searches. */
    if (Object.keys(addressFilters()).length) narrow.open = true;
    /* Once Pagefind is ready, search what the address or the field holds, unless the
       reader is typing (a search is due) or one already ran: a query for the half-typed
       words would download index and fragments no one reads. */
    var asked = latest;
    loadPagefind().then(function () {
      if (timer === null && latest === asked && !narrow.open) return run();
    });
  }

  var filled = null;
  function fillFilters() {
    if (!filled) {
      filled = loadPagefind().then(function (pf) { return pf.filters(); }).then(function (all) {
        var wanted = addressFilters();
        Object.keys(selects).forEach(function (name) {
          var select = selects[name];
          Object.keys(all[name] || {}).sort().forEach(function (value) {
            select.appendChild(element("option", { value: value }, value));
          });
          if (wanted[name]) select.value = wanted[name];
        });
      });
    }
    return filled;
  }

  /* --- searching ---------------------------------------------------------------------- */

  var timer = null;
  function schedule() {
    window.clearTimeout(timer);
    timer = window.setTimeout(function () {
      timer = null;
      run();
    }, 80);
  }

  function chosenFilters() {
    var chosen = {};
    Object.keys(selects).forEach(function (name) { if (selects[name].value) chosen[name] = selects[name].value; });
    return chosen;
  }

  function run() {
    var query = input.value.trim();
    var filters = chosenFilters();
    var ticket = ++latest;
    writeAddress(true);
    if (!query && !Object.keys(filters).length) {
      list.textContent = "";
      status.textContent = "Type a word or a phrase; choose a convention, year, document, speaker or meeting.";
      return Promise.resolve();
    }
    return loadPagefind().then(function (pf) {
      return pf.search(query || null, { filters: filters });
    }).then(function (search) {
      if (ticket !== latest) return null;
      updateCounts(search.filters);
      list.textContent = "";
      return showMore(search.results, 0, query, ticket);
    });
  }

  function updateCounts(counts) {
    Object.keys(selects).forEach(function (name) {
      Array.prototype.forEach.call(selects[name].options, function (option) {
        if (!option.value) return;
        var count = (counts && counts[name] && counts[name][option.value]) || 0;
        option.textContent = option.value + " (" + count + ")";
      });
    });
  }

  /* Which paragraph (or timeline or catalogue entry, or editorial note) each hit falls in.
     Pagefind gives every element with an id and the word it starts at; a block (a heading,
     a section, the "About this document" panel) ends the place before it, so a hit in a
     heading or in the list that follows the notes is not given to the last note. A place
     runs to the next block, and no further than its own words where Pagefind gives them.
     Places with the longest run of hits in a row come first, then those with the most hits. */
  var INLINE = /^(a|abbr|b|cite|code|em|i|mark|small|span|strong|sub|sup|time)$/;
  function isPlace(anchor) { return anchor.element === "p" || anchor.element === "li"; }

  function placesOf(page) {
    var seen = {};
    var anchors = (page.anchors || []).filter(function (a) { return !INLINE.test(a.element); })
      .sort(function (a, b) { return a.location - b.location || isPlace(b) - isPlace(a); })
      .filter(function (a) {
        /* Where a list and its first item start at the same word, the item is the place. */
        if (seen[a.location]) return false;
        seen[a.location] = true;
        return true;
      });
    var found = {};
    (page.locations || []).forEach(function (location) {
      var i = -1;
      while (i + 1 < anchors.length && anchors[i + 1].location <= location) i++;
      if (i < 0 || !isPlace(anchors[i])) return;
      var end = i + 1 < anchors.length ? anchors[i + 1].location : anchors[i].location + 150;
      var own = (anchors[i].text || "").split(/\s+/).filter(Boolean).length;
      if (own) end = Math.min(end, anchors[i].location + own);
      if (location >= end) return;
      var anchor = anchors[i];
      var place = found[anchor.id] || (found[anchor.id] = { anchor: anchor, end: end, hits: [] });
      place.hits.push(location);
    });
    return Object.keys(found).map(function (id) {
      var place = found[id];
      place.run = longestRun(place.hits);
      return place;
    }).sort(function (a, b) {
      return b.run - a.run || b.hits.length - a.hits.length || a.anchor.location - b.anchor.location;
    });
  }

  /* A few words of the place around its first hit, the hits marked, never running into
     the next paragraph. Pagefind's word locations count the words of the page's text,
     split at white space. */
  function snippet(place, words) {
    var first = Math.min.apply(null, place.hits);
    var start = Math.max(place.anchor.location, first - 8);
    var end = Math.min(words.length, place.end, start + 32);
    var out = element("span", { class: "archive-search__snippet" });
    if (start > place.anchor.location) out.appendChild(document.createTextNode("… "));
    for (var i = start; i < end; i++) {
      if (i > start) out.appendChild(document.createTextNode(" "));
      if (place.hits.indexOf(i) >= 0) out.appendChild(element("mark", {}, words[i]));
      else out.appendChild(document.createTextNode(words[i]));
    }
    if (end < Math.min(words.length, place.end)) out.appendChild(document.createTextNode(" …"));
    return out;
  }

  /* Pagefind ranks pages by their words; a phrase typed as a paragraph has it should bring
     that paragraph to the top. Pages are ordered by their best run of words in a row, then
     a statement's paragraph before other places (a timeline entry quoting it, say), then
     as Pagefind ranked them. */
  function phraseFirst(pages, query) {
    var wanted = words(query);
    return pages.map(function (page, rank) {
      page.places = placesOf(page);
      var best = page.places[0];
      var inTitle = runIn(words((page.meta && page.meta.title) || ""), wanted);
      var run = best ? best.run : 0;
      /* What the run is in: the page's title (2), a statement's paragraph (1), other text (0). */
      var kind = inTitle >= run && inTitle > 0 ? 2 : best && /^p\d+$/.test(best.anchor.id) ? 1 : 0;
      return { page: page, rank: rank, run: Math.max(run, inTitle), kind: kind };
    }).sort(function (a, b) {
      return b.run - a.run || b.kind - a.kind || a.rank - b.rank;
    }).map(function (entry) { return entry.page; });
  }

  function words(text) {
    return text.toLowerCase().split(/[^\p{L}\p{N}]+/u).filter(Boolean);
  }

  /* The most of the query's words, in order, found in a row in ``text`` (both word lists). */
  function runIn(text, query) {
    var best = 0;
    for (var i = 0; i < text.length; i++) {
      for (var j = 0; j < query.length; j++) {
        var k = 0;
        while (i + k < text.length && j + k < query.length && text[i + k] === query[j + k]) k++;
        best = Math.max(best, k);
      }
    }
    return best;
  }

  /* The most words in a row that the query matched: a phrase typed as it stands in the
     text outranks a paragraph that merely holds each word somewhere. */
  function longestRun(hits) {
    var sorted = hits.slice().sort(function (a, b) { return a - b; });
    var best = 0, run = 0;
    sorted.forEach(function (hit, i) {
      run = i > 0 && hit === sorted[i - 1] + 1 ? run + 1 : 1;
      best = Math.max(best, run);
    });
    return best;
  }

  function withHighlight(url, query) {
    var target = new URL(url, siteRoot);
    if (query) target.searchParams.set("highlight", query);
    return target.pathname + target.search + target.hash;
  }

  /* The next SHOWN results from ``start``, then a button for the rest. */
  function showMore(results, start, query, ticket) {
    var batch = results.slice(start, start + SHOWN);
    return Promise.all(batch.map(function (result) { return result.data(); })).then(function (pages) {
      if (ticket !== latest) return;
      var more = list.querySelector(".archive-search__more");
      if (more) more.parentNode.removeChild(more);
      draw(results.length, start ? pages : phraseFirst(pages, query), query, start);
      if (start + SHOWN < results.length) {
        var item = element("li", { class: "archive-search__more" });
        var button = element("button", { type: "button" }, "Show more results");
        button.addEventListener("click", function () {
          var next = start + SHOWN;
          showMore(results, next, query, ticket).then(function () {
            var first = list.querySelectorAll(".archive-search__result")[next];
            if (first && first.querySelector("a")) first.querySelector("a").focus();
          });
        });
        item.appendChild(button);
        list.appendChild(item);
      }
    });
  }

  function draw(total, pages, query, start) {
    pages.forEach(function (page) {
      var item = element("li", { class: "archive-search__result" });
      var head = element("p", { class: "archive-search__head" });
      var title = (page.meta && page.meta.title) || page.url;
      var places = (page.places || placesOf(page)).slice(0, 3);
      var words = (page.content || "").split(/\s+/);
      var pageLink = element("a", { href: withHighlight(page.url, query), class: "archive-search__page" }, title);
      if (places.length) head.appendChild(element("span", { class: "archive-search__name" }, title));
      else head.appendChild(pageLink);
      if (page.meta && page.meta.date) {
        head.appendChild(document.createTextNode(" "));
        (page.meta.conventions || "").split(" ").filter(Boolean).forEach(function (code) {
          head.appendChild(element("abbr", { class: "badge badge--" + code.toLowerCase() }, code));
          head.appendChild(document.createTextNode(" "));
        });
        head.appendChild(element("span", { class: "archive-search__date" }, page.meta.date));
      }
      item.appendChild(head);
      places.forEach(function (place) {
        var id = place.anchor.id;
        var label = /^p\d+$/.test(id) ? "¶" + id.slice(1) : /^note-\d+$/.test(id) ? "Note" : "Entry";
        var link = element("a", { href: withHighlight(page.url + "#" + id, query), class: "archive-search__place" });
        link.appendChild(element("span", { class: "archive-search__number" }, label));
        link.appendChild(document.createTextNode(" "));
        link.appendChild(snippet(place, words));
        item.appendChild(link);
      });
      if (places.length) {
        item.appendChild(element("a", { href: withHighlight(page.url, query), class: "archive-search__whole" },
          "The whole page"));
      } else if (page.excerpt) {
        var excerpt = element("p", { class: "archive-search__snippet" });
        excerpt.innerHTML = page.excerpt; /* Pagefind's own excerpt: escaped text with <mark> */
        item.appendChild(excerpt);
      }
      list.appendChild(item);
    });
    var shown = Math.min(total, start + SHOWN);
    status.textContent = (total === 0 ? "No results." :
      total + (total === 1 ? " result" : " results") + (total > shown ? ", the first " + shown + " shown." : ".")) +
      narrowing();
  }

  /* The filters in force, said in the status line: "Narrow to" may be closed. */
  function narrowing() {
    var chosen = chosenFilters();
    var said = FILTERS.filter(function (pair) { return chosen[pair[0]]; }).map(function (pair) {
      return pair[1].toLowerCase() + " " + chosen[pair[0]];
    });
    return said.length ? " Narrowed to " + said.join(", ") + "." : "";
  }

  /* --- keyboard and address ----------------------------------------------------------- */

  function moveThroughResults(event) {
    if (event.key === "Escape") {
      /* Escape closes the search at once, even from a field the browser would first clear. */
      event.preventDefault();
      dialog.close();
      return;
    }
    if (event.key !== "ArrowDown" && event.key !== "ArrowUp") return;
    var links = Array.prototype.slice.call(list.querySelectorAll("a"));
    if (!links.length) return;
    var index = links.indexOf(document.activeElement);
    if (event.key === "ArrowDown") index = index < 0 ? 0 : Math.min(links.length - 1, index + 1);
    else if (index <= 0) { input.focus(); event.preventDefault(); return; }
    else index -= 1;
    links[index].focus();
    event.preventDefault();
  }

  /* The search in the address: ?q=words&filter=convention:CCM&filter=year:2012 (names of
     their own, so that a page's own parameters, such as the timeline's ?convention=, stay). */
  function writeAddress(keep) {
    var address = new URL(window.location.href);
    address.searchParams.delete("q");
    address.searchParams.delete("filter");
    if (keep) {
      if (input.value.trim()) address.searchParams.set("q", input.value.trim());
      var filters = chosenFilters();
      Object.keys(filters).forEach(function (name) { address.searchParams.append("filter", name + ":" + filters[name]); });
    }
    window.history.replaceState(window.history.state, "", address.pathname + address.search + address.hash);
  }

  function addressFilters() {
    var found = {};
    new URLSearchParams(window.location.search).getAll("filter").forEach(function (pair) {
      var colon = pair.indexOf(":");
      if (colon > 0) found[pair.slice(0, colon)] = pair.slice(colon + 1);
    });
    return found;
  }

  /* Whether "/" belongs to what has focus: a field that takes text, or a list. A radio or
     checkbox (the theme toggle after a click, say) does not keep it from opening search. */
  function typing(target) {
    if (!target) return false;
    if (target.tagName === "INPUT") return !/^(radio|checkbox|button|submit|reset|range|color|file|image)$/.test(target.type);
    return target.isContentEditable || /^(TEXTAREA|SELECT)$/.test(target.tagName);
  }

  document.addEventListener("keydown", function (event) {
    if (event.key === "/" && !event.ctrlKey && !event.metaKey && !event.altKey && !typing(event.target)) {
      event.preventDefault();
      open();
    }
  });

  /* The words searched for, marked on the page a result opens (?highlight=…). */
  function highlight() {
    var words = new URLSearchParams(window.location.search).get("highlight");
    if (!words) return;
    import(new URL("pagefind/pagefind-highlight.js", siteRoot).href).then(function (module) {
      new module.default({ highlightParam: "highlight", addStyles: false });
    });
  }

  build();
  highlight();
  var params = new URLSearchParams(window.location.search);
  if (params.get("q") || params.get("filter")) {
    input.value = params.get("q") || "";
    open();
  }
})();
