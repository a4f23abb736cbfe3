// The Hugging Face fixture pages the extension benches time (scripts/bench-hf.mjs: latency;
// scripts/bench-main.mjs: the content scripts' main-thread time): each case is a page URL and the
// files served for it, made from the real saved page (tests/e2e/fixtures/huggingface) and corpus texts.
import { corpusText } from '../tests/e2e/harness.mjs';
import { hfPage, fixtureFile, apiAnswer } from '../tests/e2e/fixtures/huggingface/pages.mjs';

export const HF = 'https://huggingface.co';

export function cases() {
  const gatedApi = apiAnswer('api-meta-llama__Llama-3.2-3B-gated.json');
  gatedApi.cardData.extra_gated_prompt = corpusText('ai/llama-3.2-community.txt');
  const text = (body) => ({ body, contentType: 'text/plain; charset=utf-8' });
  return [
    { name: 'apache (LICENSE)', id: 'bench/apache', files: {
      '/bench/apache': { body: hfPage({ id: 'bench/apache', cardData: { license: 'apache-2.0' } }) },
      '/bench/apache/raw/main/LICENSE': text(corpusText('spdx/Apache-2.0.txt')) } },
    { name: 'llama 3.1 (LICENSE + USE_POLICY)', id: 'bench/llama', files: {
      '/bench/llama': { body: hfPage({ id: 'bench/llama', cardData: { license: 'llama3.1', license_link: 'LICENSE' } }) },
      '/bench/llama/raw/main/LICENSE': text(corpusText('ai/llama-3.1-community.txt')),
      '/bench/llama/raw/main/USE_POLICY.md': text(corpusText('ai/llama-3.1-aup.txt')) } },
    { name: 'gated (403 + API prompt)', id: 'meta-llama/Llama-3.2-3B', files: {
      '/meta-llama/Llama-3.2-3B': { body: hfPage({ id: 'meta-llama/Llama-3.2-3B', gated: 'manual', cardData: { license: 'llama3.2' } }) },
      '/api/models/meta-llama/Llama-3.2-3B': { body: JSON.stringify(gatedApi), contentType: 'application/json' },
      '/meta-llama/Llama-3.2-3B/raw/main/LICENSE': { status: 403, body: 'restricted' } } },
    { name: 'custom other (LICENSE.md)', id: 'bench/custom', files: {
      '/bench/custom': { body: hfPage({ id: 'bench/custom', cardData: { license: 'other', license_name: 'acme-1.0', license_link: 'LICENSE.md' } }) },
      '/bench/custom/raw/main/LICENSE.md': text(fixtureFile('acme-model-license.md')) } },
  ];
}

/** The harness's routes for a case: its files, by path, on huggingface.co. */
export const routesOf = (c) => [[/^https:\/\/huggingface\.co\//, (u) => c.files[u.pathname]]];
