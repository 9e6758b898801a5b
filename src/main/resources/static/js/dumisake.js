// Sends the CSRF token with every htmx request that changes something.
document.addEventListener('htmx:configRequest', function (event) {
    var token = document.querySelector('meta[name="_csrf"]');
    var header = document.querySelector('meta[name="_csrf_header"]');
    if (token && header) {
        event.detail.headers[header.content] = token.content;
    }
});

// Forms that cannot be undone (closing a year, cancelling an allocation) ask first.
document.addEventListener('submit', function (event) {
    var form = event.target;
    if (form.classList && form.classList.contains('confirm-submit') && !window.confirm(form.dataset.confirm)) {
        event.preventDefault();
    }
});
