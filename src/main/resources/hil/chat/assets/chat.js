// The chat page. Every text from the server is set with textContent, never as HTML.
(function () {
  'use strict';

  var base = window.location.pathname;
  var token = new URLSearchParams(window.location.search).get('token') || '';
  var list = document.getElementById('messages');
  var state = document.getElementById('state');
  var error = document.getElementById('error');
  var connection = document.getElementById('connection');
  var form = document.getElementById('compose');
  var textInput = document.getElementById('text');
  var userInput = document.getElementById('user');
  var commentInput = document.getElementById('comment');
  var page = document.getElementById('chat');
  var lang = page.getAttribute('data-lang') || undefined;
  var timeZone = page.getAttribute('data-time-zone');
  var loading = null;

  // the texts of the page's language, written by the server into data-text-* attributes
  function text(name) {
    return page.getAttribute('data-text-' + name) || '';
  }
  var rendered = null;

  try {
    // a link for a named person comes with the name filled in and fixed
    if (!userInput.readOnly) {
      userInput.value = window.localStorage.getItem('hil.chat.user') || '';
    }
  } catch (ignored) {
    // storage may be off; the name is only a convenience
  }

  function el(tag, className, text) {
    var node = document.createElement(tag);
    if (className) {
      node.className = className;
    }
    if (text !== undefined && text !== null) {
      node.textContent = String(text);
    }
    return node;
  }

  function time(timestamp) {
    var date = new Date(timestamp);
    if (isNaN(date.getTime())) {
      return '';
    }
    try {
      return date.toLocaleString(lang, timeZone ? { timeZone: timeZone } : undefined);
    } catch (ignored) {
      // a zone this browser does not know: its own
      return date.toLocaleString(lang);
    }
  }

  function render(messages) {
    // the same conversation read again (after a live update that the answer's reply already showed) changes nothing
    var fingerprint = JSON.stringify(messages);
    if (fingerprint === rendered) {
      return;
    }
    rendered = fingerprint;
    var items = [];
    var pending = 0;
    messages.forEach(function (message) {
      var item = el('li', 'message ' + message.role);
      item.setAttribute('data-action-id', message.actionId);
      item.setAttribute('data-status', message.status);
      item.appendChild(el('span', 'text', message.text));
      if (message.role === 'prompt') {
        if (message.status === 'pending') {
          pending++;
        }
        if (message.options && message.options.length) {
          var options = el('div', 'options');
          message.options.forEach(function (option) {
            var button = el('button', 'option', option);
            button.type = 'button';
            button.disabled = message.status !== 'pending';
            button.addEventListener('click', function () {
              send(option, message.actionId);
            });
            options.appendChild(button);
          });
          item.appendChild(options);
        }
      }
      if (message.tally) {
        // how far the votes have come while several approvers decide
        item.appendChild(el('span', 'tally', message.tally));
      }
      if (message.role === 'answer' && message.comment) {
        item.appendChild(el('span', 'comment', message.comment));
      }
      var meta = time(message.timestamp);
      if (message.role === 'answer' && message.user) {
        meta = message.user + ' · ' + meta;
      }
      item.appendChild(el('span', 'meta', meta));
      items.push(item);
    });
    list.replaceChildren.apply(list, items);
    state.textContent = pending > 0 ? text('waiting') : (messages.length ? text('none-open') : text('none-yet'));
    state.setAttribute('data-pending', String(pending));
    if (items.length) {
      items[items.length - 1].scrollIntoView({ block: 'nearest' });
    }
  }

  function showError(text) {
    error.textContent = text || '';
    error.hidden = !text;
  }

  function failed(status) {
    return text('request-failed').replace('{0}', String(status));
  }

  function problemText(response) {
    return response.json().then(function (problem) {
      return (problem && problem.detail) ? problem.detail : failed(response.status);
    }, function () {
      return failed(response.status);
    });
  }

  function load() {
    // one read at a time; a change during a read triggers one more
    if (loading) {
      loading.again = true;
      return;
    }
    loading = { again: false };
    fetch(base + '/messages', { headers: { 'X-Chat-Token': token, 'Accept': 'application/json' } })
      .then(function (response) {
        if (!response.ok) {
          return problemText(response).then(function (text) { throw new Error(text); });
        }
        return response.json();
      })
      .then(render, function (failure) { showError(failure.message); })
      .then(function () {
        var again = loading.again;
        loading = null;
        if (again) {
          load();
        }
      });
  }

  function send(answer, actionId) {
    var user = userInput.value.trim();
    try {
      if (!userInput.readOnly) {
        window.localStorage.setItem('hil.chat.user', user);
      }
    } catch (ignored) {
      // see above
    }
    var body = { text: answer };
    if (user) {
      body.user = user;
    }
    var comment = commentInput.value.trim();
    if (comment) {
      body.comment = comment;
    }
    if (actionId) {
      body.actionId = actionId;
    }
    showError('');
    return fetch(base + '/messages', {
      method: 'POST',
      headers: { 'X-Chat-Token': token, 'Content-Type': 'application/json', 'Accept': 'application/json' },
      body: JSON.stringify(body)
    }).then(function (response) {
      if (!response.ok) {
        return problemText(response).then(function (problem) {
          showError(problem);
          // a late answer: the conversation shows how the question ended
          load();
          return false;
        });
      }
      return response.json().then(function (reply) {
        commentInput.value = '';
        render(reply.messages);
        return true;
      });
    }, function () {
      showError(text('send-failed'));
      return false;
    });
  }

  form.addEventListener('submit', function (event) {
    event.preventDefault();
    var answer = textInput.value.trim();
    if (!answer) {
      return;
    }
    send(answer, null).then(function (sent) {
      if (sent) {
        textInput.value = '';
      }
    });
  });

  function listen() {
    if (!window.EventSource) {
      connection.textContent = text('no-live');
      return;
    }
    var stream = new EventSource(base + '/stream?token=' + encodeURIComponent(token));
    stream.addEventListener('ready', function () {
      connection.textContent = text('live');
      connection.className = 'connection live';
      load();
    });
    ['prompt', 'status', 'reminder', 'vote', 'escalation'].forEach(function (name) {
      stream.addEventListener(name, load);
    });
    stream.onerror = function () {
      connection.className = 'connection';
      connection.textContent = stream.readyState === EventSource.CLOSED ? text('stopped') : text('reconnecting');
    };
  }

  load();
  listen();
}());
