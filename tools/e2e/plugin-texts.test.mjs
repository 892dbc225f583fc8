// The texts of our Cockpit plugins (docs/languages.md, "Cockpit plugins and the service report"):
// every key in English and Chinese, the Chinese not left in English, the same {0} placeholders.
// Plain node, no browser and no server.
import { test } from 'node:test';
import assert from 'node:assert/strict';

globalThis.navigator = { languages: ['zh-CN'], language: 'zh-CN' };
const scripts = new URL('../../src/main/resources/META-INF/resources/webjars/camunda/app/cockpit/scripts/', import.meta.url);
/** Texts that read the same in both languages. */
const SAME = new Set(['{0} / 5', '{0} {1}', '{0} ({1})']);
const placeholders = (text) => [...text.matchAll(/\{\d+}/g)].map((m) => m[0]).sort();

for (const file of ['case-history.js', 'service-kpis.js']) {
  test(`${file}: every text in English and Chinese`, async () => {
    const { TEXTS } = await import(new URL(file, scripts));
    assert.deepEqual(Object.keys(TEXTS.zh).sort(), Object.keys(TEXTS.en).sort(), 'the same keys in en and zh');
    for (const [key, english] of Object.entries(TEXTS.en)) {
      const chinese = TEXTS.zh[key];
      assert.ok(english.trim() && chinese.trim(), `${key} is empty`);
      if (!SAME.has(english)) assert.notEqual(chinese, english, `${key} is still English in zh`);
      assert.deepEqual(placeholders(chinese), placeholders(english), `${key}: placeholders differ`);
    }
  });
}

test('case-history.js: the engine values it words are Chinese', async () => {
  const { VALUES } = await import(new URL('case-history.js', scripts));
  for (const value of ['ACTIVE', 'COMPLETED', 'userTask', 'serviceTask', 'startEvent', 'Claim', 'Complete', 'Task', 'failedJob']) {
    assert.ok(/[\u4e00-\u9fff]/.test(VALUES.zh[value] ?? ''), `${value} has no Chinese`);
  }
});
