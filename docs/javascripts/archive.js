/* Progressive enhancement only: every page reads and links without this script. */
(function () {
  "use strict";

  /* Timeline: show the filter form and narrow the list by convention and kind. */
  function setUpTimelineFilter() {
    var form = document.getElementById("timeline-filter");
    var list = document.getElementById("timeline-list");
    if (!form || !list) return;
    var entries = Array.prototype.slice.call(list.querySelectorAll(".timeline-entry"));
    var years = Array.prototype.slice.call(list.querySelectorAll(".timeline-year"));
    var status = form.querySelector(".filter__status");

    function checked(name) {
      var values = {};
      form.querySelectorAll('input[name="' + name + '"]:checked').forEach(function (input) {
        values[input.value] = true;
      });
      return values;
    }

    function apply() {
      var conventions = checked("convention");
      var kinds = checked("kind");
      var shown = 0;
      entries.forEach(function (entry) {
        var visible = conventions[entry.dataset.convention] && kinds[entry.dataset.kind];
        entry.hidden = !visible;
        if (visible) shown += 1;
      });
      years.forEach(function (year) {
        year.hidden = !year.querySelector(".timeline-entry:not([hidden])");
      });
      status.textContent = "Showing " + shown + " of " + entries.length + " entries.";
    }

    form.hidden = false;
    form.addEventListener("change", apply);
    form.addEventListener("submit", function (event) { event.preventDefault(); });
    apply();
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

  function setUpParagraphLinks() {
    var links = document.querySelectorAll(".statement-body .para-link");
    if (!links.length) return;
    var status = document.createElement("p");
    status.className = "visually-hidden";
    status.setAttribute("role", "status");
    document.querySelector(".statement-body").appendChild(status);
    links.forEach(function (link) {
      var number = link.closest(".para").querySelector(".para-num").textContent;
      var button = document.createElement("button");
      button.type = "button";
      button.className = "para-copy";
      button.textContent = "Copy link";
      button.setAttribute("aria-label", "Copy link to paragraph " + number);
      button.addEventListener("click", function () {
        var url = window.location.origin + window.location.pathname + link.getAttribute("href");
        copyText(url).then(function () {
          button.textContent = "Copied";
          status.textContent = "Link to paragraph " + number + " copied: " + url;
          window.setTimeout(function () { button.textContent = "Copy link"; }, 2000);
        }, function () {
          status.textContent = "Could not copy. The link to paragraph " + number + " is " + url;
        });
      });
      link.insertAdjacentElement("afterend", button);
    });
  }

  setUpTimelineFilter();
  setUpParagraphLinks();
})();
