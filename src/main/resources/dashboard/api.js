// Talking to the query API without ever giving up: a request that fails because the server is
// starting, rebalancing or unreachable (5xx, 429 or a network error) is retried with exponential
// back-off and jitter, honouring Retry-After; the event stream is reopened the same way. A client
// error (4xx) is a bug of the page and is reported, not retried.
'use strict';

window.CeasefireApi = (function () {
  const FIRST_DELAY_MS = 500;
  const MAX_DELAY_MS = 10000;
  const MAX_RETRY_AFTER_MS = 30000;
  const waiting = new Map();
  const listeners = [];
  let live = false;
  let loadedOnce = false;
  let reason = '';

  /** 'starting' before the first complete load, 'retrying' while a request waits, else 'live' or 'reconnecting'. */
  function state() {
    if (waiting.size > 0) { return loadedOnce ? 'retrying' : 'starting'; }
    if (!loadedOnce) { return 'starting'; }
    return live ? 'live' : 'reconnecting';
  }

  function notify() {
    const current = state();
    listeners.forEach((listener) => listener(current, reason));
  }

  function delay(attempt, retryAfter) {
    const backoff = Math.min(MAX_DELAY_MS, FIRST_DELAY_MS * Math.pow(2, attempt)) * (0.5 + Math.random() / 2);
    const seconds = Number(retryAfter);
    const asked = Number.isFinite(seconds) && seconds > 0 ? Math.min(MAX_RETRY_AFTER_MS, seconds * 1000) : 0;
    return Math.max(backoff, asked);
  }

  function sleep(ms) { return new Promise((resolve) => setTimeout(resolve, ms)); }

  async function errorText(response) {
    try {
      const body = await response.json();
      return body && body.error ? String(body.error) : response.statusText;
    } catch (e) {
      return response.statusText;
    }
  }

  async function request(path, accept, read) {
    for (let attempt = 0; ; attempt++) {
      let response = null;
      try {
        response = await fetch(path, { headers: { Accept: accept }, cache: 'no-store' });
      } catch (e) {
        reason = 'the query API cannot be reached';
      }
      if (response && response.ok) {
        waiting.delete(path);
        if (waiting.size === 0) { reason = ''; }
        notify();
        return read(response);
      }
      if (response && response.status < 500 && response.status !== 429) {
        waiting.delete(path);
        notify();
        throw new Error(path + ' answered ' + response.status + ': ' + await errorText(response));
      }
      if (response) { reason = path + ' answered ' + response.status + ': ' + await errorText(response); }
      waiting.set(path, attempt);
      notify();
      await sleep(delay(attempt, response ? response.headers.get('Retry-After') : null));
    }
  }

  function getJson(path) { return request(path, 'application/json', (response) => response.json()); }

  /**
   * Opens /api/events and keeps it open: after any error the stream is closed and reopened with
   * back-off (EventSource gives up by itself on a non-200 answer), and onReconnect runs once it is
   * open again, because events sent meanwhile were missed.
   */
  function connectEvents(handlers, onReconnect) {
    let attempt = 0;
    let broken = false;
    function open() {
      const source = new EventSource('/api/events');
      source.onopen = () => {
        attempt = 0;
        live = true;
        notify();
        if (broken) { broken = false; onReconnect(); }
      };
      source.onerror = () => {
        source.close();
        live = false;
        broken = true;
        reason = 'the live event stream was interrupted';
        notify();
        setTimeout(open, delay(attempt++, null));
      };
      Object.entries(handlers).forEach(([name, handler]) => source.addEventListener(name, handler));
    }
    open();
  }

  return {
    getJson,
    connectEvents,
    onStatus(listener) { listeners.push(listener); notify(); },
    loaded() { loadedOnce = true; notify(); }
  };
}());
