// CSRF token for htmx requests, and confirmation before destructive actions (data-confirm on a form).
document.addEventListener('htmx:configRequest', function (evt) {
  var token = document.querySelector('meta[name="_csrf"]');
  var header = document.querySelector('meta[name="_csrf_header"]');
  if (token && header) {
    evt.detail.headers[header.content] = token.content;
  }
});
document.addEventListener('submit', function (evt) {
  var form = evt.target;
  var message = form.getAttribute('data-confirm');
  if (message && !window.confirm(message)) {
    evt.preventDefault();
  }
}, true);
// A header checkbox with data-select-all="name" ticks every checkbox of that name in its form.
document.addEventListener('change', function (evt) {
  var box = evt.target;
  var name = box.getAttribute && box.getAttribute('data-select-all');
  if (name && box.form) {
    box.form.querySelectorAll('input[type="checkbox"][name="' + name + '"]').forEach(function (b) {
      b.checked = box.checked;
    });
  }
});
// A print button (data-print): inline handlers are forbidden by the content security policy.
document.addEventListener('click', function (evt) {
  if (evt.target.closest && evt.target.closest('[data-print]')) {
    window.print();
  }
});
