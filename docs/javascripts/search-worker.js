/*
 * Search worker for the archive, speaking Material for MkDocs' worker protocol, so
 * Material's search UI (search as you type, keyboard navigation, ?q= links, ?h=
 * highlighting) stays as it is:
 *   in:  {type: 0, data: {config, docs, options}}  the site index -> out: {type: 1}
 *        {type: 2, data: query}                    -> out: {type: 3, data: {items}}
 * items is a list of groups, one per page; each group lists that page's matching
 * documents, best first, with the page's own entry among them.
 *
 * Why not Material's lunr worker: it ranks any word in a page title far above a
 * paragraph that contains the whole phrase. Here every word must match (unless none
 * does), a paragraph containing the typed phrase ranks first, and the documents
 * ("search/pages.json" and "search/paragraphs.json", built with the site) are fetched
 * on the first query instead of on every page view: the search_index.json that every
 * page loads holds only the configuration.
 */
"use strict";

var STOPWORDS = new Set(("a an and are as at be but by for from has have in is it its of on or " +
  "that the their this to was were which will with").split(" "));
var TITLE_WEIGHT = 3;
var PHRASE_BONUS = 8;
/* A statement's own page outranks the pages that list or quote it (browse, timeline). */
var PRIMARY_SOURCE = /^statements\/[^/]+\//;
var PRIMARY_WEIGHT = 1.5;
var SNIPPET_WORDS = 60;

var docs = [];
var pageDocs = new Map(); /* page location -> its own document */
var postings = new Map(); /* token -> [[docIndex, count, inTitle], ...] */
var vocabulary = [];      /* sorted tokens, for prefix matching as the reader types */
var extraLoaded = null;

function plain(html) {
  return String(html)
    .replace(/<[^>]*>/g, " ")
    .replace(/&nbsp;/g, " ").replace(/&lt;/g, "<").replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"').replace(/&#x27;|&#39;/g, "'").replace(/&amp;/g, "&")
    .replace(/\s+/g, " ").trim();
}

function escapeHtml(text) {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

function tokens(text) {
  return text.toLowerCase().split(/[^\p{L}\p{N}]+/u).filter(Boolean);
}

function addDocs(list) {
  list.forEach(function (doc) {
    var index = docs.length;
    var title = plain(doc.title || "");
    var text = plain(doc.text || "");
    var titleTokens = tokens(title);
    var textTokens = tokens(text);
    var counts = new Map();
    textTokens.forEach(function (t) { counts.set(t, (counts.get(t) || 0) + 1); });
    titleTokens.forEach(function (t) { if (!counts.has(t)) counts.set(t, 0); });
    var inTitle = new Set(titleTokens);
    counts.forEach(function (count, token) {
      if (!postings.has(token)) postings.set(token, []);
      postings.get(token).push([index, count, inTitle.has(token)]);
    });
    if (doc.location.indexOf("#") < 0) pageDocs.set(doc.location, index);
    docs.push({
      location: doc.location,
      page: doc.location.split("#")[0],
      weight: PRIMARY_SOURCE.test(doc.location) ? PRIMARY_WEIGHT : 1,
      title: title,
      text: text,
      phrase: " " + titleTokens.concat(textTokens).join(" ") + " ",
      length: textTokens.length + titleTokens.length
    });
  });
  vocabulary = Array.from(postings.keys()).sort();
}

function expansions(term, exactOnly) {
  /* Tokens the term stands for: itself, and while typing, the words it begins. */
  var found = [];
  if (exactOnly) return postings.has(term) ? [term] : [];
  var low = 0, high = vocabulary.length;
  while (low < high) {
    var mid = (low + high) >> 1;
    if (vocabulary[mid] < term) low = mid + 1; else high = mid;
  }
  for (var i = low; i < vocabulary.length && vocabulary[i].lastIndexOf(term, 0) === 0; i++) {
    found.push(vocabulary[i]);
  }
  return found;
}

function highlight(text, words) {
  if (!words.size) return escapeHtml(text);
  var out = "";
  var last = 0;
  var pattern = /[\p{L}\p{N}]+/gu;
  var match;
  while ((match = pattern.exec(text)) !== null) {
    if (words.has(match[0].toLowerCase())) {
      out += escapeHtml(text.slice(last, match.index)) + "<mark>" + escapeHtml(match[0]) + "</mark>";
      last = match.index + match[0].length;
    }
  }
  return out + escapeHtml(text.slice(last));
}

function snippet(text, words) {
  var parts = text.split(" ");
  if (parts.length <= SNIPPET_WORDS) return text;
  var first = parts.findIndex(function (part) {
    return tokens(part).some(function (t) { return words.has(t); });
  });
  var start = Math.max(0, Math.min(first - 15, parts.length - SNIPPET_WORDS));
  var end = start + SNIPPET_WORDS;
  return (start > 0 ? "… " : "") + parts.slice(start, end).join(" ") + (end < parts.length ? " …" : "");
}

function search(query) {
  var all = tokens(query);
  if (!all.length) return [];
  var meaningful = all.filter(function (t) { return !STOPWORDS.has(t); });
  var terms = Array.from(new Set(meaningful.length ? meaningful : all));
  var typing = /[\p{L}\p{N}]$/u.test(query); /* the last word may be unfinished */
  var phrase = " " + all.join(" ") + (typing ? "" : " ");
  var total = docs.length;

  /* per term: doc index -> [weight, matched tokens] */
  var perTerm = terms.map(function (term, position) {
    /* Short finished words match exactly ("un" should not find "until"). */
    var exactOnly = !(typing && position === terms.length - 1) && term.length < 3;
    var words = expansions(term, exactOnly);
    var hits = new Map();
    words.forEach(function (word) {
      var list = postings.get(word);
      var idf = Math.log(1 + total / list.length);
      var exact = word === term ? 1 : 0.6;
      list.forEach(function (posting) {
        var doc = docs[posting[0]];
        var weight = idf * exact * (Math.log(1 + posting[1]) / (1 + doc.length / 400) +
          (posting[2] ? TITLE_WEIGHT : 0));
        var hit = hits.get(posting[0]);
        if (!hit) hits.set(posting[0], hit = [0, new Set()]);
        hit[0] = Math.max(hit[0], weight);
        hit[1].add(word);
      });
    });
    return hits;
  });

  var scored = new Map();
  perTerm.forEach(function (hits, position) {
    hits.forEach(function (hit, index) {
      var entry = scored.get(index);
      if (!entry) scored.set(index, entry = { score: 0, matched: new Set(), words: new Set() });
      entry.score += hit[0];
      entry.matched.add(terms[position]);
      hit[1].forEach(function (w) { entry.words.add(w); });
    });
  });

  /* Every word must match; only when no document has them all do partial matches count. */
  var best = 0;
  scored.forEach(function (entry) { best = Math.max(best, entry.matched.size); });
  var results = [];
  scored.forEach(function (entry, index) {
    if (entry.matched.size < best) return;
    var doc = docs[index];
    var score = entry.score;
    if (all.length > 1 && doc.phrase.indexOf(phrase) >= 0) score += PHRASE_BONUS * all.length;
    score *= doc.weight;
    results.push({ doc: doc, score: score, entry: entry });
  });
  results.sort(function (a, b) { return b.score - a.score; });

  var groups = new Map();
  results.forEach(function (result) {
    var doc = result.doc;
    var termsMap = {};
    terms.forEach(function (t) { termsMap[t] = result.entry.matched.has(t); });
    var item = {
      location: doc.location,
      title: highlight(doc.title, result.entry.words),
      text: highlight(snippet(doc.text, result.entry.words), result.entry.words),
      score: result.score,
      terms: termsMap
    };
    if (!groups.has(doc.page)) groups.set(doc.page, []);
    groups.get(doc.page).push(item);
  });

  var items = [];
  groups.forEach(function (group, page) {
    if (!group.some(function (item) { return item.location === page; })) {
      var own = docs[pageDocs.get(page)];
      if (own) group.push({ location: own.location, title: escapeHtml(own.title), text: "", score: 0, terms: {} });
    }
    items.push(group);
  });
  return items.slice(0, 50);
}

function fetchDocs(name) {
  var url = new URL("../search/" + name, self.location.href);
  return fetch(url).then(function (response) {
    if (!response.ok) throw new Error("HTTP " + response.status + " for " + url);
    return response.json();
  });
}

function loadExtra() {
  /* The pages' documents (moved out of search_index.json by the build) and the statement
     paragraphs; pages first, so each statement's own entry precedes its paragraphs. */
  if (!extraLoaded) {
    extraLoaded = Promise.all([fetchDocs("pages.json"), fetchDocs("paragraphs.json")]).then(function (lists) {
      addDocs(lists[0]);
      addDocs(lists[1]);
    }).catch(function (error) {
      console.warn("Search documents could not be loaded:", error);
    });
  }
  return extraLoaded;
}

self.addEventListener("message", function (event) {
  var message = event.data;
  if (message.type === 0) {
    addDocs(message.data.docs || []);
    self.postMessage({ type: 1 });
  } else if (message.type === 2) {
    if (!tokens(String(message.data || "")).length) {
      /* Material sends an empty query when a page loads: answer it without downloading. */
      self.postMessage({ type: 3, data: { items: [] } });
      return;
    }
    loadExtra().then(function () {
      self.postMessage({ type: 3, data: { items: search(String(message.data || "")) } });
    });
  }
});
