// Keeps the public page's Indonesian and English catalogues complete: the same keys, no empty
// texts, the same {{placeholders}}, every key the code asks for with t('...') present, and a text
// for every code of the vocabularies the page puts into words.
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { caseTypes } from '../cases/priority.js';
import { directions } from '../cases/schema.js';
import { costKinds, eligibleSexes, requiredDocumentCodes, weekdays } from '../directory/vocabulary.js';
import { catalogueFile, flatten, pageLanguages } from './i18n.js';

const here = dirname(fileURLToPath(import.meta.url));
const catalogues = Object.fromEntries(
  pageLanguages.map((lang) => [lang, flatten(JSON.parse(readFileSync(catalogueFile(lang), 'utf8')).publicDirectory)]),
) as Record<(typeof pageLanguages)[number], Map<string, string>>;

const plural = ['_one', '_other'];
const has = (keys: Map<string, string>, key: string) => keys.has(key) || plural.every((p) => keys.has(key + p));
const placeholders = (s: string) => [...s.matchAll(/\{\{\s*(\w+)\s*\}\}/g)].map((m) => m[1]).sort();

function usedKeys() {
  const uses: { file: string; key: string; prefix: boolean }[] = [];
  for (const file of readdirSync(here).filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'))) {
    const text = readFileSync(join(here, file), 'utf8');
    for (const m of text.matchAll(/(?<![\w$.])t\(\s*'([^'\n]+)'/g)) uses.push({ file, key: m[1]!, prefix: false });
    for (const m of text.matchAll(/(?<![\w$.])t\(\s*`([^`\n]*)`/g)) {
      const dollar = m[1]!.indexOf('${');
      uses.push({ file, key: dollar === -1 ? m[1]! : m[1]!.slice(0, dollar), prefix: dollar !== -1 });
    }
  }
  return uses;
}

describe('public directory catalogues', () => {
  it('both hold only the top-level key publicDirectory', () => {
    for (const lang of pageLanguages) expect(Object.keys(JSON.parse(readFileSync(catalogueFile(lang), 'utf8')))).toEqual(['publicDirectory']);
  });

  it('have the same keys in Indonesian and English', () => {
    const onlyId = [...catalogues.id.keys()].filter((k) => !catalogues.en.has(k));
    const onlyEn = [...catalogues.en.keys()].filter((k) => !catalogues.id.has(k));
    expect({ onlyId, onlyEn }).toEqual({ onlyId: [], onlyEn: [] });
  });

  it('have no empty texts and the same placeholders in both languages', () => {
    const bad: string[] = [];
    for (const [k, v] of catalogues.id) {
      const en = catalogues.en.get(k)!;
      if (!v.trim() || !en?.trim()) bad.push(`empty: ${k}`);
      else if (placeholders(v).join() !== placeholders(en).join()) bad.push(`placeholders: ${k}`);
    }
    expect(bad).toEqual([]);
  });

  it("contain every key the page's code uses", () => {
    const uses = usedKeys();
    expect(uses.length).toBeGreaterThan(60);
    const missing: string[] = [];
    for (const u of uses)
      for (const lang of pageLanguages) {
        const keys = catalogues[lang];
        const ok = u.prefix ? [...keys.keys()].some((k) => k.startsWith(u.key)) : has(keys, u.key);
        if (!ok) missing.push(`${lang}: ${u.key} (${u.file})`);
      }
    expect(missing).toEqual([]);
  });

  it('put every code of the vocabularies into words', () => {
    const needed = [
      ...weekdays.map((d) => `days.${d}`),
      ...costKinds.map((c) => `cost.${c}`),
      ...requiredDocumentCodes.map((d) => `documents.${d}`),
      ...eligibleSexes.map((s) => `eligibility.${s}`),
      ...caseTypes.map((c) => `eligibility.caseTypes.${c}`),
      ...directions.map((d) => `eligibility.directions.${d}`),
      ...['voice', 'whatsapp', 'sms', 'hotline'].map((k) => `phoneKinds.${k}`),
    ];
    const missing = pageLanguages.flatMap((lang) => needed.filter((k) => !catalogues[lang].has(k)).map((k) => `${lang}: ${k}`));
    expect(missing).toEqual([]);
  });
});
