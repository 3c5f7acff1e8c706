// Keyboard shortcuts for the document page; every action also works as a plain link or form.
// j/k next/previous figure, a approve, r reject (type the reason, Enter sends), c correct.
(function () {
  "use strict";
  function typing(target) {
    return target && (target.tagName === "INPUT" || target.tagName === "TEXTAREA" ||
                      target.tagName === "SELECT" || target.isContentEditable);
  }
  function follow(id) {
    var link = document.getElementById(id);
    if (link) { window.location.assign(link.href); }
  }
  function focus(id) {
    var field = document.getElementById(id);
    if (field) { field.focus(); field.select && field.select(); }
  }
  document.addEventListener("keydown", function (event) {
    if (event.ctrlKey || event.metaKey || event.altKey) { return; }
    var target = event.target;
    if (typing(target)) {
      if (event.key === "Escape") { target.blur(); }
      if (event.key === "Enter" && target.id === "reject-note" && !event.shiftKey) {
        event.preventDefault();
        if (target.value.trim()) { target.form.requestSubmit(); }
      }
      return;
    }
    var handled = true;
    switch (event.key) {
      case "j": follow("next-figure"); break;
      case "k": follow("prev-figure"); break;
      case "a": var form = document.getElementById("approve"); if (form) { form.requestSubmit(); } break;
      case "r": focus("reject-note"); break;
      case "c": focus("correct-value"); break;
      default: handled = false;
    }
    if (handled) { event.preventDefault(); }
  });
  var current = document.querySelector(".text a.fig.current");
  if (current && !window.location.hash) { current.scrollIntoView({block: "center"}); }
})();
