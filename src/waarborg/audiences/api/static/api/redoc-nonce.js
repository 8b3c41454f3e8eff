/* Loaded before Redoc's bundle (api/redoc.html). The bundle writes some of its styles into <style> elements as
   it loads, before it can be told a nonce; every <style> made on this page gets this script's nonce, which the
   page's Content Security Policy allows for this answer only. Nothing else on the page is touched. */
(function () {
  var nonce = document.currentScript.nonce;
  var create = document.createElement.bind(document);
  document.createElement = function (tag, options) {
    var element = create(tag, options);
    if (String(tag).toLowerCase() === "style") {
      element.setAttribute("nonce", nonce);
    }
    return element;
  };
})();
