// Firefox harness: real headless Firefox (Debian's firefox-esr) driven over W3C WebDriver by geckodriver,
// with plain fetch (no client library). The unpacked extension is installed from the repository root as
// a temporary add-on. Firefox cannot map a host to a port, so it is pointed at a local HTTP proxy (prefs
// network.proxy.*): the proxy answers CONNECT huggingface.co:443 by terminating TLS itself with a
// certificate openssl makes at test time (WebDriver's acceptInsecureCerts makes Firefox take it) and
// serves the committed fixtures. Every other host is refused and recorded: nothing reaches the internet.
// Everything started here (geckodriver, Firefox, the servers) is stopped and the temporary folder (the
// certificate, geckodriver's profile) removed in close(), which the tests call in after() even on failure;
// an exit hook kills the processes if the run dies before that.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import http from 'node:http';
import https from 'node:https';
import { spawn, execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { makeCertificate } from '../e2e/harness.mjs';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const HF = 'https://huggingface.co';
const SKIP_HINT = 'run `bash scripts/setup.sh --firefox`, or set FINEPRINT_SKIP_FIREFOX=1 to skip the Firefox tests';

function which(names) {
  for (const n of names) {
    if (n.includes('/')) { if (fs.existsSync(n)) return n; continue; }
    for (const dir of (process.env.PATH ?? '').split(':')) {
      const p = path.join(dir, n);
      if (dir && fs.existsSync(p)) return p;
    }
  }
  return null;
}

/** The Firefox and geckodriver binaries, or a clear error naming what is missing. */
export function binaries() {
  // FINEPRINT_FIREFOX / FINEPRINT_GECKODRIVER, when set, name the only binaries to use.
  const { FINEPRINT_FIREFOX: ffEnv, FINEPRINT_GECKODRIVER: gdEnv } = process.env;
  const firefox = which(ffEnv ? [ffEnv] : ['/usr/bin/firefox-esr', 'firefox-esr', 'firefox']);
  const geckodriver = which(gdEnv ? [gdEnv] : ['geckodriver', path.join(os.homedir(), '.cargo/bin/geckodriver')]);
  const missing = [!firefox && 'Firefox (firefox-esr)', !geckodriver && 'geckodriver'].filter(Boolean);
  if (missing.length) throw new Error(`${missing.join(' and ')} not found: ${SKIP_HINT}`);
  // The manifest's strict_min_version: an older Firefox refuses the add-on with a vaguer message.
  const version = execFileSync(firefox, ['--version'], { encoding: 'utf8' }).match(/(\d+)\.(\d+)/);
  const manifest = JSON.parse(fs.readFileSync(path.join(ROOT, 'manifest.json'), 'utf8'));
  const min = manifest.browser_specific_settings?.gecko?.strict_min_version ?? '0';
  if (!version || Number(version[1]) < Number(min.split('.')[0])) {
    throw new Error(`${firefox} is ${version?.[0] ?? 'of unknown version'}; the manifest needs Firefox ${min} or later: ${SKIP_HINT}`);
  }
  return { firefox, geckodriver, version: version[0] };
}

const listen = (server) => new Promise((resolve, reject) => {
  server.once('error', reject);
  server.listen(0, '127.0.0.1', () => resolve(server.address().port));
});

/**
 * The fake huggingface.co behind a proxy. `serve(path, answer)` answers https://huggingface.co{path}
 * (answer: an HTML string or {status, body, contentType, headers}); anything else there is a 404.
 * `requests` lists every request seen: {host, method, path, dest (Sec-Fetch-Dest), status}; requests
 * for any other host are refused (403) and listed with refused: true.
 */
async function fakeHub(dir) {
  const table = new Map();
  const requests = [];
  const sockets = new Set();
  const track = (s) => { sockets.add(s); s.on('close', () => sockets.delete(s)); };
  const hub = https.createServer(makeCertificate(dir), (req, res) => {
    const u = new URL(req.url, HF);
    const answer = table.get(u.pathname) ?? { status: 404, body: 'Not found', contentType: 'text/plain' };
    const rec = { host: 'huggingface.co', method: req.method, path: u.pathname, dest: req.headers['sec-fetch-dest'] ?? '', status: answer.status ?? 200 };
    requests.push(rec);
    res.writeHead(rec.status, { 'content-type': answer.contentType ?? 'text/html; charset=utf-8', ...answer.headers });
    res.end(answer.body ?? '');
  });
  const proxy = http.createServer((req, res) => {
    // A plain-HTTP request through the proxy (absolute URL): never forwarded.
    let host = '';
    try { host = new URL(req.url).host; } catch { /* not a URL */ }
    requests.push({ host, method: req.method, path: req.url, refused: true, status: 403 });
    res.writeHead(403, { 'content-type': 'text/plain' });
    res.end('refused by the test proxy');
  });
  proxy.on('connection', track);
  proxy.on('connect', (req, socket, head) => {
    if (req.url !== 'huggingface.co:443') {
      requests.push({ host: req.url, method: 'CONNECT', path: '', refused: true, status: 403 });
      socket.end('HTTP/1.1 403 Forbidden\r\ncontent-length: 0\r\n\r\n');
      return;
    }
    socket.write('HTTP/1.1 200 Connection Established\r\n\r\n');
    if (head?.length) socket.unshift(head);
    hub.emit('connection', socket); // the TLS server takes over the tunnel: Firefox talks TLS to it
  });
  const port = await listen(proxy);
  const serve = (p, answer) => table.set(p, typeof answer === 'string' ? { body: answer } : answer);
  async function close() {
    for (const s of sockets) s.destroy();
    hub.closeAllConnections?.();
    await new Promise((r) => proxy.close(r));
    await new Promise((r) => hub.close(r));
  }
  return { port, serve, requests, close };
}

/** Prefs: every connection through the test proxy, and Firefox's own background traffic turned off. */
function prefs(proxyPort) {
  return {
    'network.proxy.type': 1,
    'network.proxy.http': '127.0.0.1', 'network.proxy.http_port': proxyPort,
    'network.proxy.ssl': '127.0.0.1', 'network.proxy.ssl_port': proxyPort,
    'network.proxy.share_proxy_settings': false,
    'network.proxy.no_proxies_on': '',
    'network.proxy.allow_hijacking_localhost': true,
    'network.dns.disablePrefetch': true,
    'network.predictor.enabled': false,
    'network.prefetch-next': false,
    'network.http.speculative-parallel-limit': 0,
    'network.trr.mode': 5,
    'network.connectivity-service.enabled': false,
    'network.captive-portal-service.enabled': false,
    'network.http.http3.enable': false,
    'browser.safebrowsing.malware.enabled': false,
    'browser.safebrowsing.phishing.enabled': false,
    'browser.safebrowsing.downloads.enabled': false,
    'browser.safebrowsing.provider.mozilla.updateURL': '',
    'extensions.update.enabled': false,
    'extensions.getAddons.cache.enabled': false,
    'extensions.systemAddon.update.enabled': false,
    'app.normandy.enabled': false,
    'datareporting.policy.dataSubmissionEnabled': false,
    'toolkit.telemetry.enabled': false,
    'dom.push.connection.enabled': false,
    'browser.newtabpage.enabled': false,
    'browser.startup.page': 0,
    'services.settings.server': 'https://settings.invalid/v1',
    'browser.region.network.url': '',
    'browser.search.geoip.url': '',
    'devtools.console.stdout.content': true,
    'devtools.console.stdout.chrome': true,
  };
}

class WebDriverError extends Error {}

const GECKO_ID = JSON.parse(fs.readFileSync(path.join(ROOT, 'manifest.json'), 'utf8')).browser_specific_settings.gecko.id;
const EXTENSION_UUID = '6f1e0f2a-3b9c-4d7e-9a51-f1e2d3c4b5a6';
/** The add-on's own pages, at the fixed host set by the pref extensions.webextensions.uuids. */
export const EXTENSION_ORIGIN = `moz-extension://${EXTENSION_UUID}`;

/**
 * Start geckodriver and a headless Firefox session with the extension installed from `extensionDir`
 * (the repository root by default). Returns the driver API, the fake hub and close().
 */
export async function launchFirefox({ extensionDir = ROOT, install = true, extraPrefs = {} } = {}) {
  const bin = binaries();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fineprint-firefox-'));
  let driver = null;
  let hub = null;
  let sessionUrl = null;
  const killDriver = () => {
    // geckodriver runs in its own process group with Firefox under it: end the whole group.
    try { process.kill(-driver.pid, 'SIGKILL'); } catch { /* already gone */ }
  };
  const onExit = () => { if (driver) killDriver(); };
  // Interrupted (Ctrl-C, a runner's SIGTERM): end the browser and remove the folder, then die of the signal.
  const onSignal = (sig) => {
    onExit();
    fs.rmSync(dir, { recursive: true, force: true });
    process.kill(process.pid, sig);
  };
  process.on('exit', onExit);
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);

  async function close() {
    if (sessionUrl) {
      await fetch(sessionUrl, { method: 'DELETE', signal: AbortSignal.timeout(10000) }).catch(() => {});
      sessionUrl = null;
    }
    if (driver) {
      const gone = new Promise((r) => driver.once('exit', r));
      if (driver.exitCode === null && driver.signalCode === null) { killDriver(); await gone; } else killDriver();
      driver = null;
    }
    process.off('exit', onExit);
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
    await hub?.close();
    fs.rmSync(dir, { recursive: true, force: true, maxRetries: 5 });
  }

  try {
    hub = await fakeHub(dir);
    // --allow-system-access: without it geckodriver refuses to navigate to the add-on's moz-extension:// pages.
    driver = spawn(bin.geckodriver, ['--port', '0', '--websocket-port', '0', '--profile-root', dir, '--binary', bin.firefox, '--allow-system-access'],
      { detached: true, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, TMPDIR: dir, MOZ_HEADLESS: '1' } });
    let log = '';
    driver.stdout.on('data', (d) => { log += d; });
    driver.stderr.on('data', (d) => { log += d; });
    const port = await new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`geckodriver did not start: ${log}`)), 15000);
      const poll = setInterval(() => {
        const m = log.match(/Listening on 127\.0\.0\.1:(\d+)/);
        if (m) { clearTimeout(timer); clearInterval(poll); resolve(Number(m[1])); }
      }, 20);
      driver.once('exit', (code) => { clearTimeout(timer); clearInterval(poll); reject(new Error(`geckodriver exited (${code}): ${log}`)); });
    });
    const base = `http://127.0.0.1:${port}`;
    const call = async (method, p, body) => {
      const res = await fetch(base + p, {
        method, headers: { 'content-type': 'application/json; charset=utf-8' },
        body: body === undefined ? undefined : JSON.stringify(body), signal: AbortSignal.timeout(60000),
      });
      const json = await res.json();
      if (!res.ok || json.value?.error) throw new WebDriverError(`${method} ${p}: ${json.value?.error}: ${json.value?.message}`);
      return json.value;
    };
    const session = await call('POST', '/session', {
      capabilities: {
        alwaysMatch: {
          browserName: 'firefox',
          acceptInsecureCerts: true,
          'moz:firefoxOptions': {
            binary: bin.firefox, args: ['-headless'],
            // A fixed moz-extension:// host for the add-on, so tests can open its pages.
            prefs: { ...prefs(hub.port), 'extensions.webextensions.uuids': JSON.stringify({ [GECKO_ID]: EXTENSION_UUID }), ...extraPrefs },
          },
        },
      },
    });
    sessionUrl = `${base}/session/${session.sessionId}`;
    const s = (method, p, body) => call(method, `/session/${session.sessionId}${p}`, body);
    const addonId = install ? await s('POST', '/moz/addon/install', { path: extensionDir, temporary: true }) : null;

    const api = {
      firefoxVersion: session.capabilities.browserVersion,
      /** Everything geckodriver and Firefox printed so far. */
      log: () => log,
      addonId,
      hub,
      serve: hub.serve,
      text: (body) => ({ body, contentType: 'text/plain; charset=utf-8' }),
      json: (obj) => ({ body: JSON.stringify(obj), contentType: 'application/json' }),
      goto: (url) => s('POST', '/url', { url }),
      /** Run `fn` in the page with `args` (its source is sent: it must be self-contained); returns its result. */
      run: (fn, ...args) => s('POST', '/execute/sync', { script: `return (${fn}).apply(null, arguments);`, args }),
      /** Like run, for an async `fn`: its promise is awaited. */
      runAsync: (fn, ...args) => s('POST', '/execute/async', {
        script: `const done = arguments[arguments.length - 1]; Promise.resolve((${fn}).apply(null, [...arguments].slice(0, -1))).then(done, (e) => done({ error: String(e) }));`,
        args,
      }),
      /** Press one key (a WebDriver key action; `key` is a character or a WebDriver key code such as '\uE00C', Escape). */
      press: (key) => s('POST', '/actions', {
        actions: [{ type: 'key', id: 'keyboard', actions: [{ type: 'keyDown', value: key }, { type: 'keyUp', value: key }] }],
      }),
      click: (element) => s('POST', `/element/${Object.values(element)[0]}/click`, {}),
      /** An element's shadow root as a WebDriver reference, closed ones included (the page cannot reach those). */
      shadowRoot: (element) => s('GET', `/element/${Object.values(element)[0]}/shadow`),
      /** Reload the current page. */
      refresh: () => s('POST', '/refresh', {}),
      /** The current tab's WebDriver handle; a new tab (not switched to: see switchTo); close the current tab. */
      tab: () => s('GET', '/window'),
      newTab: async () => (await s('POST', '/window/new', { type: 'tab' })).handle,
      switchTo: (handle) => s('POST', '/window', { handle }),
      closeTab: () => s('DELETE', '/window'),
      /** Poll `fn` in the page until it returns something truthy. */
      async waitFor(fn, { timeout = 15000, what = 'condition' } = {}, ...args) {
        const until = Date.now() + timeout;
        for (;;) {
          const v = await api.run(fn, ...args);
          if (v) return v;
          if (Date.now() > until) throw new Error(`timed out after ${timeout} ms waiting for ${what}`);
          await new Promise((r) => setTimeout(r, 100));
        }
      },
      close,
    };
    return api;
  } catch (err) {
    await close();
    throw err;
  }
}
