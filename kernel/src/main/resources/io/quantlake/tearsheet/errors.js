(function () {
  'use strict';
  // Records every uncaught error, unhandled rejection and console.error of the page: the count in
  // the data-errors attribute of the html element, the text in the pre element #ql-errors (top of the page).
  var messages = [];
  function record(message) {
    messages.push(String(message));
    document.documentElement.setAttribute('data-errors', String(messages.length));
    var pre = document.getElementById('ql-errors');
    if (pre) {
      pre.textContent = messages.join('\n');
    }
  }
  window.__qlRecordError = record;
  window.addEventListener('error', function (e) { record(e.message || e); });
  window.addEventListener('unhandledrejection', function (e) { record('unhandled rejection: ' + e.reason); });
  var consoleError = console.error;
  console.error = function () {
    record(Array.prototype.join.call(arguments, ' '));
    return consoleError.apply(console, arguments);
  };
  document.addEventListener('DOMContentLoaded', function () {
    if (messages.length > 0) {
      document.getElementById('ql-errors').textContent = messages.join('\n');
    }
  });
})();
