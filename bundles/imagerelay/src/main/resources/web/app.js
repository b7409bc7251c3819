'use strict';
// The phone page of the Fieldbench image relay: sends photos to the bench over one WebSocket and
// shows the images the bench or other phones send. The wire protocol: each image is a JSON text
// frame {"type":"image",name,mime,size} followed by one binary message with exactly its bytes.

const RETRY_FIRST_MS = 1000;
const RETRY_MAX_MS = 30000;
const KEPT_ITEMS = 50; // per list: older entries and their object URLs are let go
const MAX_ATTEMPTS = 5; // connection drops while one image is in flight before it is given up
const TOO_BIG = 1009; // WebSocket close status: message too big
const REFUSED_TEXT = 'refused: wrong or missing pairing token \u2014 open the address shown on the bench';

const $ = (selector) => document.querySelector(selector);
const ui = {
  state: $('#state'), retry: $('#retry'), notice: $('#notice'),
  camera: $('#camera'), pick: $('#pick'), outbox: $('#outbox'),
  received: $('#received'), nothingReceived: $('#nothing-received'),
  viewer: $('#viewer'), viewerTitle: $('#viewer-title'), viewerImage: $('#viewer-image'),
  viewerSave: $('#viewer-save'), viewerClose: $('#viewer-close'),
};

const token = new URLSearchParams(location.search).get('t');
let socket = null;
let hello = null; // the bench's greeting on this connection: client id, maxBytes, relay
let incoming = null; // the image frame announcing the next binary message
let retryDelay = RETRY_FIRST_MS;
let retryTimer = 0;
const outbox = []; // oldest first: {file, url, row, status, progress, state, attempts}
const received = []; // oldest first: {url, row}

// ---- small helpers ----

function element(tag, properties = {}, ...children) {
  const node = Object.assign(document.createElement(tag), properties);
  node.append(...children);
  return node;
}

function formatBytes(bytes) {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(0)} KB`;
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

function showState(state, text) {
  ui.state.dataset.state = state;
  ui.state.textContent = text;
  ui.retry.hidden = state !== 'disconnected';
}

function showNotice(text) {
  ui.notice.textContent = text;
  ui.notice.hidden = !text;
}

function socketAddress() {
  const scheme = location.protocol === 'https:' ? 'wss' : 'ws';
  return `${scheme}://${location.host}/ws?t=${encodeURIComponent(token)}`;
}

// ---- the connection ----

function connect() {
  clearTimeout(retryTimer);
  showState('connecting', 'connecting');
  const ws = new WebSocket(socketAddress());
  socket = ws;
  ws.onmessage = (event) => (typeof event.data === 'string' ? onText(event.data) : onBinary(event.data));
  ws.onclose = (event) => onClose(ws, event);
}

async function onClose(ws, event) {
  if (socket !== ws) return;
  const greeted = hello !== null;
  socket = null;
  hello = null;
  incoming = null;
  requeueInFlight(event);
  if (!greeted) {
    // a refused handshake looks like any network failure to a page: ask the bench why
    const status = await handshakeStatus();
    if (status === 403) {
      showState('refused', REFUSED_TEXT);
      return;
    }
    if (status === 503) {
      scheduleRetry('the bench has too many clients');
      return;
    }
  }
  scheduleRetry('disconnected');
}

async function handshakeStatus() {
  try {
    const answer = await fetch(`/ws?t=${encodeURIComponent(token)}`, { cache: 'no-store' });
    return answer.status;
  } catch {
    return 0; // the bench is not reachable
  }
}

function scheduleRetry(why) {
  const at = Date.now() + retryDelay;
  retryDelay = Math.min(retryDelay * 2, RETRY_MAX_MS);
  const tick = () => {
    const left = at - Date.now();
    if (left <= 0) {
      connect();
      return;
    }
    showState('disconnected', `${why}, retrying in ${Math.ceil(left / 1000)} s`);
    retryTimer = setTimeout(tick, left % 1000 || 1000);
  };
  tick();
}

function retryNow() {
  if (ui.state.dataset.state === 'disconnected') connect();
}

function onText(data) {
  let message;
  try {
    message = JSON.parse(data);
  } catch {
    showNotice(`The bench sent something this page does not understand: ${data.slice(0, 80)}`);
    return;
  }
  switch (message.type) {
    case 'hello': return onHello(message);
    case 'stored': return onReply(message, message.duplicate ? 'duplicate' : 'stored');
    case 'refused': return onReply(message, 'refused');
    case 'image': incoming = message; return undefined;
    default: return showNotice(`The bench sent an unknown message: ${message.type}`);
  }
}

function onHello(message) {
  hello = message;
  retryDelay = RETRY_FIRST_MS;
  showState('connected', `connected as client ${message.client}`);
  showNotice(message.relay === 'off' ? 'The bench takes no images right now; it can still send you some.' : '');
  sendNext();
}

function onBinary(blob) {
  const announced = incoming ?? { name: 'image', mime: blob.type };
  incoming = null;
  addReceived(blob.slice(0, blob.size, announced.mime), announced);
}

// ---- sending ----

function enqueue(files) {
  for (const file of files) {
    const item = { file, url: URL.createObjectURL(file), state: 'queued', attempts: 0 };
    Object.assign(item, outboxView(item));
    outbox.push(item);
    ui.outbox.append(item.row);
    showItem(item, 'queued', 'waiting to send');
  }
  forgetOldest(outbox, outbox.filter(isFinished));
  sendNext();
}

function outboxView(item) {
  const progress = element('progress', { max: item.file.size, value: 0 });
  progress.setAttribute('aria-label', `Sending ${item.file.name}`);
  const status = element('span', { className: 'status' });
  const row = element('li', { className: 'item' },
    thumbnail(item.url, item.file.name),
    element('span', { className: 'name', textContent: item.file.name }),
    element('span', { className: 'meta', textContent: formatBytes(item.file.size) }),
    status, progress);
  return { row, status, progress };
}

function showItem(item, state, text) {
  item.state = state;
  item.row.dataset.state = state;
  item.status.textContent = text;
  item.progress.hidden = isFinished(item);
}

function isFinished(item) {
  return ['stored', 'duplicate', 'refused'].includes(item.state);
}

function localRefusal(file) {
  if (hello.relay === 'off') return 'the bench takes no images right now';
  if (file.size > hello.maxBytes) {
    return `too large: ${formatBytes(file.size)}, the bench takes up to ${formatBytes(hello.maxBytes)}`;
  }
  return null;
}

function sendNext() {
  if (!hello || outbox.some((item) => item.state === 'sending')) return;
  const item = outbox.find((candidate) => candidate.state === 'queued');
  if (!item) return;
  const refusal = localRefusal(item.file);
  if (refusal) {
    showItem(item, 'refused', `not sent: ${refusal}`);
    sendNext();
    return;
  }
  const { file } = item;
  socket.send(JSON.stringify({ type: 'image', name: file.name, mime: file.type || 'application/octet-stream', size: file.size }));
  socket.send(file); // the browser streams the file itself: it is never read whole into the page
  item.attempts += 1;
  showItem(item, 'sending', 'sending');
  followProgress(item, socket);
}

function followProgress(item, ws) {
  const step = () => {
    if (item.state !== 'sending' || socket !== ws) return;
    const sent = Math.max(0, item.file.size - ws.bufferedAmount);
    item.progress.value = sent;
    item.status.textContent = sent < item.file.size
      ? `sending ${Math.floor((100 * sent) / item.file.size)} % of ${formatBytes(item.file.size)}`
      : 'sent, waiting for the bench';
    requestAnimationFrame(step);
  };
  requestAnimationFrame(step);
}

function onReply(message, state) {
  const item = outbox.find((candidate) => candidate.state === 'sending');
  if (!item) {
    if (state === 'refused') showNotice(`The bench refused a message: ${message.reason}`);
    return;
  }
  const text = {
    stored: `stored as ${message.file}`,
    duplicate: `already on the bench as ${message.file}`,
    refused: `refused: ${message.reason}`,
  }[state];
  showItem(item, state, text);
  sendNext();
}

// An image cut off by a dropped connection goes again after the reconnect, unless the bench said
// it is too big or the connection keeps dropping under it.
function requeueInFlight(event) {
  const item = outbox.find((candidate) => candidate.state === 'sending');
  if (!item) return;
  if (event.code === TOO_BIG) {
    showItem(item, 'refused', `refused: too large for the bench${event.reason ? ` (${event.reason})` : ''}`);
  } else if (item.attempts >= MAX_ATTEMPTS) {
    showItem(item, 'refused', `not sent: the connection dropped ${item.attempts} times while sending it`);
  } else {
    showItem(item, 'queued', 'interrupted, will send again after reconnecting');
  }
}

// ---- receiving ----

function addReceived(blob, announced) {
  const url = URL.createObjectURL(blob);
  const from = announced.from ?? 'bench';
  const name = announced.name || 'image';
  const row = element('li', { className: 'item' },
    thumbnail(url, name),
    element('span', { className: 'name', textContent: name }),
    element('span', { className: 'meta', textContent: `from ${from} \u00b7 ${formatBytes(blob.size)} \u00b7 ${new Date().toLocaleTimeString()}` }),
    element('a', { className: 'button', href: url, download: name, textContent: 'Save' }));
  row.dataset.from = from;
  ui.received.prepend(row);
  ui.nothingReceived.hidden = true;
  received.push({ url, row });
  forgetOldest(received, received);
}

// Keeps each list short: a page left open for a day must not hold every image in memory.
function forgetOldest(entries, removableOldestFirst) {
  const excess = entries.length - KEPT_ITEMS;
  for (const entry of removableOldestFirst.slice(0, Math.max(0, excess))) {
    URL.revokeObjectURL(entry.url);
    entry.row.remove();
    entries.splice(entries.indexOf(entry), 1);
  }
}

// ---- the full size view ----

function thumbnail(url, name) {
  const image = element('img', { src: url, alt: '' });
  image.addEventListener('error', () => { image.hidden = true; }); // a file the browser cannot show: a plain tile
  const button = element('button', { type: 'button', className: 'thumb' }, image);
  button.setAttribute('aria-label', `View ${name} full size`);
  button.addEventListener('click', () => openViewer(url, name));
  return button;
}

function openViewer(url, name) {
  ui.viewerTitle.textContent = name;
  ui.viewerImage.src = url;
  ui.viewerImage.alt = name;
  ui.viewerImage.classList.remove('actual');
  ui.viewerSave.href = url;
  ui.viewerSave.download = name;
  ui.viewer.showModal();
}

// ---- start ----

ui.viewerClose.addEventListener('click', () => ui.viewer.close());
ui.viewerImage.addEventListener('click', () => ui.viewerImage.classList.toggle('actual'));
ui.retry.addEventListener('click', retryNow);
for (const input of [ui.camera, ui.pick]) {
  input.addEventListener('change', () => {
    enqueue([...input.files]);
    input.value = ''; // the same photo may be picked again
  });
}
window.addEventListener('online', retryNow);
document.addEventListener('visibilitychange', () => {
  if (document.visibilityState === 'visible') retryNow();
});

if (token) {
  connect();
} else {
  showState('refused', REFUSED_TEXT);
}
