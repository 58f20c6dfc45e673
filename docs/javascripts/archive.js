/* Progressive enhancement only: every page reads and links without this script. */
(function () {
  "use strict";

  /* The timeline (or its year pages): CSS hides the entries of unchecked boxes (archive.css);
     this keeps the "Showing n of m" line true, hides years left empty, and applies
     ?convention= from convention pages. */
  function setUpTimelineFilter() {
    var form = document.getElementById("timeline-filter");
    var list = document.getElementById("timeline-list");
    if (!form || !list) return;
    var entries = Array.prototype.slice.call(list.querySelectorAll(".timeline-entry"));
    var status = form.querySelector(".filter__status");

    function checked(name) {
      var values = {};
      form.querySelectorAll('input[name="' + name + '"]:checked').forEach(function (input) {
        values[input.value] = true;
      });
      return values;
    }

    var years = Array.prototype.slice.call(list.querySelectorAll(".timeline-year"));

    function count() {
      var conventions = checked("convention");
      var kinds = checked("kind");
      var evidence = checked("evidence");
      var shown = entries.filter(function (entry) {
        var proven = entry.dataset.evidence.split(" ").some(function (kind) { return evidence[kind]; });
        entry.dataset.shown = conventions[entry.dataset.convention] && kinds[entry.dataset.kind] && proven ? "yes" : "no";
        return entry.dataset.shown === "yes";
      }).length;
      /* On the one-page timeline, a year none of whose entries is shown goes too. */
      years.forEach(function (year) {
        year.hidden = !year.querySelector('.timeline-entry[data-shown="yes"]');
      });
      status.textContent = "Showing " + shown + " of " + entries.length + " entries.";
    }

    var only = new URLSearchParams(window.location.search).get("convention");
    if (only && form.querySelector('input[name="convention"][value="' + CSS.escape(only) + '"]')) {
      form.querySelectorAll('input[name="convention"]').forEach(function (input) {
        input.checked = input.value === only;
      });
    }
    form.addEventListener("change", count);
    form.addEventListener("submit", function (event) { event.preventDefault(); });
    count();
  }

  /* Statement pages: a "Copy link" button beside each paragraph's ¶ link. */
  function copyText(text) {
    if (navigator.clipboard && window.isSecureContext) {
      return navigator.clipboard.writeText(text);
    }
    return new Promise(function (resolve, reject) {
      var area = document.createElement("textarea");
      area.value = text;
      area.setAttribute("readonly", "");
      area.className = "visually-hidden";
      document.body.appendChild(area);
      area.select();
      var copied = document.execCommand("copy");
      document.body.removeChild(area);
      if (copied) resolve(); else reject(new Error("copy refused"));
    });
  }

  function statusRegion(parent) {
    var status = document.createElement("p");
    status.className = "visually-hidden";
    status.setAttribute("role", "status");
    parent.appendChild(status);
    return status;
  }

  function addCopyButton(after, className, label, accessibleName, getText, status, done) {
    var button = document.createElement("button");
    button.type = "button";
    button.className = className;
    button.textContent = label;
    button.setAttribute("aria-label", accessibleName);
    button.addEventListener("click", function () {
      var text = getText();
      copyText(text).then(function () {
        button.textContent = "Copied";
        status.textContent = done + ": " + text;
        window.setTimeout(function () { button.textContent = label; }, 2000);
      }, function () {
        status.textContent = "Could not copy. " + text;
      });
    });
    after.insertAdjacentElement("afterend", button);
    return button;
  }

  function pageUrl(hash) {
    return window.location.origin + window.location.pathname + (hash || "");
  }

  function setUpParagraphLinks() {
    var numbers = document.querySelectorAll(".statement-body .para-num");
    if (!numbers.length) return;
    var title = document.querySelector("h1.statement-title").textContent;
    var status = statusRegion(document.querySelector(".statement-body"));
    numbers.forEach(function (link) {
      var number = link.textContent;
      var hash = link.getAttribute("href");
      var tools = document.createElement("span");
      tools.className = "para-tools";
      link.insertAdjacentElement("afterend", tools);
      var anchor = document.createElement("span");
      tools.appendChild(anchor);
      var copyLink = addCopyButton(anchor, "para-copy", "Copy link", "Copy link to paragraph " + number,
        function () { return pageUrl(hash); }, status, "Link to paragraph " + number + " copied");
      addCopyButton(copyLink, "para-copy", "Cite", "Cite paragraph " + number,
        function () { return title + ", ¶" + number + ", " + pageUrl(hash); },
        status, "Citation of paragraph " + number + " copied");
      tools.removeChild(anchor);
    });
  }

  /* On a wide screen the document's facts stand beside the text, open; folded otherwise. */
  function setUpAboutPanel() {
    var about = document.querySelector("details.statement-meta");
    if (about && window.matchMedia("(min-width: 76.25em)").matches) about.open = true;
  }

  /* "25 November 2026", the archive's own date style. Not toLocaleDateString: its first
     call loads the browser's locale data, tens of milliseconds as the page starts. */
  var MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
    "October", "November", "December"];
  function todayInWords() {
    var now = new Date();
    return now.getDate() + " " + MONTHS[now.getMonth()] + " " + now.getFullYear();
  }

  /* The Cite panel: absolute URLs, today's date as the access date, copy buttons. */
  function setUpCitePanel() {
    var text = document.getElementById("cite-text");
    if (!text) return;
    var relative = text.dataset.url;
    var absolute = pageUrl("");
    if (relative.charAt(0) === "/") {
      document.querySelectorAll(".cite code, .cite__text, .print-url").forEach(function (element) {
        element.childNodes.forEach(function (node) {
          if (node.nodeType === 3) node.textContent = node.textContent.split(relative).join(absolute);
        });
      });
    }
    /* Downloads carry the text shown, now with the absolute URL in it. */
    document.querySelectorAll(".cite__downloads a[data-source]").forEach(function (link) {
      var source = document.getElementById(link.dataset.source);
      var head = link.getAttribute("href").split(",")[0].replace(";base64", "");
      link.setAttribute("href", head + "," + encodeURIComponent(source.textContent));
    });
    text.querySelector(".cite__accessed").textContent = "(accessed " + todayInWords() + ")";
    var status = statusRegion(text.parentNode);
    addCopyButton(text, "cite__copy", "Copy citation", "Copy citation", function () {
      return text.textContent.trim();
    }, status, "Citation copied");
    [["cite-bibtex", "Copy BibTeX"], ["cite-csl", "Copy CSL-JSON"]].forEach(function (pair) {
      var code = document.getElementById(pair[0]);
      addCopyButton(code.parentNode, "cite__copy", pair[1], pair[1], function () { return code.textContent; },
        status, pair[1].replace("Copy ", "") + " copied");
    });
  }

  setUpTimelineFilter();
  /* A hand-written table wider than the screen scrolls sideways in the theme's wrapper
     (added by the theme's own script, by the time the page has loaded): keyboard users
     reach it with Tab and scroll it with the arrow keys. */
  function setUpScrollingTables() {
    document.querySelectorAll(".md-typeset__scrollwrap").forEach(function (wrap) {
      if (wrap.scrollWidth > wrap.clientWidth && !wrap.hasAttribute("tabindex")) wrap.setAttribute("tabindex", "0");
    });
  }

  setUpParagraphLinks();
  setUpAboutPanel();
  setUpCitePanel();
  if (document.readyState === "complete") setUpScrollingTables();
  else window.addEventListener("load", setUpScrollingTables);
})();
