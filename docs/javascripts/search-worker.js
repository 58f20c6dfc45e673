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
 * does), and a paragraph containing the typed phrase ranks first.
 *
 * Nothing is downloaded until the first query. The archive's index is split (see
 * scripts/mine_archive/search_index.py, which documents the formats): search/index.json
 * lists the pages, their titles and documents, search/terms/<key>.json holds the
 * postings of the words beginning with the same two characters, and search/text/<n>.json
 * the text of a few documents, fetched only for the results shown. The hand-written pages (search/pages.json, moved out of
 * Material's search_index.json by the build) are few and indexed here whole.
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
var CANDIDATES = 30;   /* best documents whose text is fetched, to show them and check the phrase */
var MAX_GROUPS = 20;
/* A query must stand this long (ms) before the texts of its results are downloaded:
   while a reader types, each keystroke is a query, and fetching the text of every one's
   results would download many times what the last one needs. A typist at 100 ms a key
   or faster downloads texts only when they stop; slower, every key is a pause (make
   bench reports the bytes at 250 ms a key). Every first query waits this long.
   The index, which every query needs, starts downloading at the first keystroke, and a
   word's postings as soon as it is three letters long: they are in the file of its
   first two letters however the word ends, so the query the reader settles on needs
   that file too. Queries answered from what is already loaded are not delayed. */
var TEXT_DELAY = 100;

var docs = [];                /* {location, page, weight, length, title?, text?, phrase?} */
var pageDocs = new Map();     /* page location -> index of its own document */
var postings = new Map();     /* word -> flat [doc, count, inTitle, doc, count, inTitle, …] */
var vocabulary = [];          /* sorted words with postings, for prefix matching */
var KEY_LENGTH = 2;           /* search_index.KEY_LENGTH */
var textStarts = [0];         /* the first document of each text file */
var ready = null;             /* the index and the hand-written pages, once loaded */
var loadedTerms = new Map();  /* key -> promise */
var loadedText = new Map();   /* shard number -> promise */

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

function shardKey(word) {
  return Array.from(word).slice(0, KEY_LENGTH).map(function (c) { return c.codePointAt(0).toString(16); }).join("-");
}

function fetchJson(path) {
  var url = new URL("../search/" + path, self.location.href);
  return fetch(url).then(function (response) {
    if (response.status === 404) return null;
    if (!response.ok) throw new Error("HTTP " + response.status + " for " + url);
    return response.json();
  });
}

function addPosting(word, doc, count, inTitle) {
  if (!postings.has(word)) postings.set(word, []);
  postings.get(word).push(doc, count, inTitle);
}

function setText(index, title, text) {
  var doc = docs[index];
  doc.title = title;
  doc.text = text;
  doc.phrase = " " + tokens(title).concat(tokens(text)).join(" ") + " ";
}

function addDoc(location, length, title) {
  var index = docs.length;
  var page = location.split("#")[0];
  if (location.indexOf("#") < 0) pageDocs.set(location, index);
  docs.push({ location: location, page: page, length: length, title: title,
    weight: PRIMARY_SOURCE.test(location) ? PRIMARY_WEIGHT : 1 });
  return index;
}

function addWholeDocs(list) {
  list.forEach(function (doc) {
    var title = plain(doc.title || "");
    var text = plain(doc.text || "");
    var titleWords = tokens(title);
    var counts = new Map();
    tokens(text).forEach(function (t) { counts.set(t, (counts.get(t) || 0) + 1); });
    titleWords.forEach(function (t) { if (!counts.has(t)) counts.set(t, 0); });
    var index = addDoc(doc.location, titleWords.length + tokens(text).length);
    setText(index, title, text);
    var inTitle = new Set(titleWords);
    counts.forEach(function (count, word) { addPosting(word, index, count, inTitle.has(word) ? 1 : 0); });
  });
  vocabulary = Array.from(postings.keys()).sort();
}

function load() {
  if (!ready) {
    ready = Promise.all([fetchJson("index.json"), fetchJson("pages.json")]).then(function (parts) {
      var index = parts[0] || { text: [0], pages: [] };
      textStarts = index.text;
      /* Each page: [location, title, "fragment fragment …", [own length, fragment lengths…]]. */
      index.pages.forEach(function (page) {
        addDoc(page[0], page[3][0], page[1]);
        (page[2] ? page[2].split(" ") : []).forEach(function (fragment, i) {
          addDoc(page[0] + "#" + fragment, page[3][i + 1]);
        });
      });
      addWholeDocs(parts[1] || []);
    });
  }
  return ready;
}

function loadTerms(terms) {
  return Promise.all(terms.map(function (term) {
    var key = shardKey(term);
    if (!loadedTerms.has(key)) {
      loadedTerms.set(key, fetchJson("terms/" + key + ".json").then(function (shard) {
        /* A posting is gap << 4 | count << 1 | inTitle, the gap counted from the previous one. */
        Object.keys(shard || {}).forEach(function (word) {
          var doc = 0;
          shard[word].forEach(function (posting) {
            doc += Math.floor(posting / 16);
            addPosting(word, doc, (posting >> 1) & 7, posting & 1);
          });
        });
        vocabulary = Array.from(postings.keys()).sort();
      }));
    }
    return loadedTerms.get(key);
  }));
}

function textShard(index) {
  /* The last text file starting at or before the document. */
  var low = 0, high = textStarts.length - 1;
  while (low < high) {
    var mid = (low + high + 1) >> 1;
    if (textStarts[mid] <= index) low = mid; else high = mid - 1;
  }
  return low;
}

function loadText(indices) {
  return Promise.all(indices.filter(function (i) { return docs[i].text === undefined; }).map(function (i) {
    var shard = textShard(i);
    if (!loadedText.has(shard)) {
      loadedText.set(shard, fetchJson("text/" + shard + ".json").then(function (chunk) {
        (chunk || []).forEach(function (pair, offset) { setText(textStarts[shard] + offset, pair[0], pair[1]); });
      }));
    }
    return loadedText.get(shard);
  }));
}

function expansions(term, exactOnly) {
  /* Words the term stands for: itself, and while typing, the words it begins. */
  if (exactOnly) return postings.has(term) ? [term] : [];
  var found = [];
  var low = 0, high = vocabulary.length;
  while (low < high) {
    var mid = (low + high) >> 1;
    if (vocabulary[mid] < term) low = mid + 1; else high = mid;
  }
  for (var i = low; i < vocabulary.length && vocabulary[i].lastIndexOf(term, 0) === 0; i++) found.push(vocabulary[i]);
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

function parse(query) {
  var all = tokens(query);
  var typing = /[\p{L}\p{N}]$/u.test(query); /* the last word may be unfinished */
  var words = all;
  if (typing && all.length > 1 && all[all.length - 1].length < 3) {
    /* "… order d": one or two letters of a word still being typed would match exactly
       ("d"), find nothing, and loosen the query; they wait until the word is longer. */
    words = all.slice(0, -1);
  }
  var meaningful = words.filter(function (t) { return !STOPWORDS.has(t); });
  return {
    all: all,
    terms: Array.from(new Set(meaningful.length ? meaningful : words)),
    typing: typing,
    phrase: " " + all.join(" ") + (typing ? "" : " ")
  };
}

function termHits(term, total, among) {
  /* index -> {weight, words} for the documents matching a term; only those in ``among``
     when given. Words under three characters match exactly ("un" does not find
     "until"); longer ones, while typing, also stand for the words they begin. */
  var hits = new Map();
  expansions(term, term.length < 3).forEach(function (word) {
    var flat = postings.get(word);
    var idf = Math.log(1 + total / (flat.length / 3));
    var exact = word === term ? 1 : 0.6;
    for (var i = 0; i < flat.length; i += 3) {
      if (among && !among.has(flat[i])) continue;
      var doc = docs[flat[i]];
      var weight = idf * exact * (Math.log(1 + flat[i + 1]) / (1 + doc.length / 400) +
        (flat[i + 2] ? TITLE_WEIGHT : 0));
      var hit = hits.get(flat[i]);
      if (!hit) hits.set(flat[i], hit = { weight: 0, words: [] });
      hit.weight = Math.max(hit.weight, weight);
      hit.words.push(word);
    }
  });
  return hits;
}

function postingCount(term) {
  return expansions(term, term.length < 3).reduce(function (sum, word) { return sum + postings.get(word).length; }, 0);
}

function addHits(found, term, hits, keepOnlyHits) {
  /* Adds a term's hits to the entries found so far; keepOnlyHits drops those it misses. */
  hits.forEach(function (hit, index) {
    var entry = found.get(index);
    if (!entry) found.set(index, entry = { index: index, score: 0, matched: new Set(), words: new Set() });
    entry.score += hit.weight;
    entry.matched.add(term);
    hit.words.forEach(function (w) { entry.words.add(w); });
  });
  if (keepOnlyHits) found.forEach(function (entry, index) { if (!hits.has(index)) found.delete(index); });
}

function score(q) {
  /* Every word must match: the rarest word's documents first, then each other word is
     looked up in those alone (a word in every statement, "Japan", would otherwise cost
     tens of thousands of entries). Only when no document has them all do the documents
     matching the most words count. */
  var total = docs.length;
  var found = new Map();
  var counts = new Map(q.terms.map(function (term) { return [term, postingCount(term)]; }));
  q.terms.slice().sort(function (a, b) { return counts.get(a) - counts.get(b); }).forEach(function (term, i) {
    if (i === 0 || found.size) addHits(found, term, termHits(term, total, i === 0 ? null : found), i > 0);
  });
  if (!found.size) {
    q.terms.forEach(function (term) { addHits(found, term, termHits(term, total, null), false); });
    var most = 0;
    found.forEach(function (entry) { most = Math.max(most, entry.matched.size); });
    found.forEach(function (entry, index) { if (entry.matched.size < most) found.delete(index); });
  }
  var results = [];
  found.forEach(function (entry) {
    entry.score *= docs[entry.index].weight;
    results.push(entry);
  });
  return results.sort(function (a, b) { return b.score - a.score; });
}

function present(q, results) {
  results.forEach(function (entry) {
    var doc = docs[entry.index];
    if (q.all.length > 1 && doc.phrase && doc.phrase.indexOf(q.phrase) >= 0) {
      entry.score += PHRASE_BONUS * q.all.length * doc.weight;
    }
  });
  results.sort(function (a, b) { return b.score - a.score; });
  var groups = new Map();
  results.forEach(function (entry) {
    var doc = docs[entry.index];
    if (!groups.has(doc.page)) {
      if (groups.size >= MAX_GROUPS) return;
      groups.set(doc.page, []);
    }
    var terms = {};
    q.terms.forEach(function (t) { terms[t] = entry.matched.has(t); });
    groups.get(doc.page).push({
      location: doc.location,
      title: highlight(doc.title, entry.words),
      text: highlight(snippet(doc.text, entry.words), entry.words),
      score: entry.score,
      terms: terms
    });
  });
  var items = [];
  groups.forEach(function (group, page) {
    if (!group.some(function (item) { return item.location === page; }) && pageDocs.has(page)) {
      var own = docs[pageDocs.get(page)];
      group.push({ location: own.location, title: escapeHtml(own.title), text: "", score: 0, terms: {} });
    }
    items.push(group);
  });
  return items;
}

function pause(ms) {
  return new Promise(function (resolve) { setTimeout(resolve, ms); });
}

function search(query, current) {
  /* current() turns false once a newer query arrives: its results would never be shown,
     so no text is downloaded for it. */
  var q = parse(query);
  var stood = pause(TEXT_DELAY);
  /* A word of one or two letters still being typed ("u" of "unexploded") waits too. */
  var last = q.all[q.all.length - 1];
  var early = q.terms.filter(function (t) { return !(q.typing && t === last && t.length < 3); });
  var late = q.terms.filter(function (t) { return early.indexOf(t) < 0; });
  var lateTerms = late.length ? stood.then(function () { return current() && loadTerms(late); }) : null;
  return Promise.all([load(), loadTerms(early), lateTerms]).then(function () {
    if (!current()) return null;
    var shown = score(q).slice(0, CANDIDATES);
    var indices = shown.map(function (entry) { return entry.index; });
    var missing = indices.some(function (i) { return docs[i].text === undefined; });
    return (missing ? stood : Promise.resolve()).then(function () {
      if (!current()) return null;
      /* Page titles, shown above each page's results, come with the index. */
      return loadText(indices).then(function () { return present(q, shown); });
    });
  });
}

var latest = 0;
self.addEventListener("message", function (event) {
  var message = event.data;
  if (message.type === 0) {
    /* Material's own index: the build leaves only its configuration in it. */
    if ((message.data.docs || []).length) {
      ready = Promise.resolve(addWholeDocs(message.data.docs));
    }
    self.postMessage({ type: 1 });
  } else if (message.type === 2) {
    var query = String(message.data || "");
    var ticket = ++latest;
    if (!tokens(query).length) {
      /* Material sends an empty query when a page loads: answer it without downloading. */
      self.postMessage({ type: 3, data: { items: [] } });
      return;
    }
    var current = function () { return ticket === latest; };
    search(query, current).then(function (items) {
      if (current()) self.postMessage({ type: 3, data: { items: items } });
    }).catch(function (error) {
      console.warn("Search failed:", error);
      if (ticket === latest) self.postMessage({ type: 3, data: { items: [] } });
    });
  }
});
