// The service worker's entry point: it loads the worker's parts and starts listening for messages.
// The worker is the only place the WASM engine runs (a content script would inherit the page's CSP).
// It can be evicted at any time: the engine initializes lazily on the first message that needs it,
// and every piece of state (the report cache, each tab's result) lives in storage.session.
//   background-messages.js  who may ask what (sender checks, the two sides), shapes, the handlers
//   background-engine.js    the WASM engine: start, warm-up, the one size cap, the personal answer
//   background-cache.js     storage: the report cache (keys made here), base models, each tab's result
//   background-hf.js        Hugging Face reads: files and base models, bounded in size, count and time
//   background-hubs.js      other hubs' cross-origin reads (Ollama's registry, GitHub's raw host)
import { listen } from './background-messages.js';

listen();
