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

  setUpTimelineFilter();
})();
