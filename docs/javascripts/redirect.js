/* On the old URL of a moved statement: go to the new one, keeping the #pN fragment. */
(function () {
  "use strict";
  var canonical = document.querySelector('link[rel="canonical"]');
  if (canonical) window.location.replace(canonical.href + window.location.hash);
})();
