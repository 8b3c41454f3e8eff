/* Starts Redoc on /api/v1/redoc/ (api/redoc.html). Redoc writes its styles into <style> elements: it gives them
   this script's nonce, which the page's Content Security Policy allows for this answer only. */
(function () {
  var script = document.currentScript;
  Redoc.init(script.dataset.schemaUrl, { nonce: script.nonce }, document.getElementById("redoc-container"));
})();
