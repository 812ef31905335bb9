// Keeps the Indonesian and English catalogues complete: same keys, no empty texts, the same
// {{placeholders}}, and every key the code asks for with t('...') present in both.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const here = dirname(fileURLToPath(import.meta.url));
const srcDir = join(here, '..');

type Tree = { [key: string]: string | Tree };

function flatten(tree: Tree, prefix = '', out = new Map<string, unknown>()): Map<string, unknown> {
  for (const [k, v] of Object.entries(tree)) {
    const key = prefix ? `${prefix}.${k}` : k;
    if (v !== null && typeof v === 'object' && !Array.isArray(v)) flatten(v as Tree, key, out);
    else out.set(key, v);
  }
  return out;
}

// The base catalogue plus each domain's (web/src/<domain>/locale/<name>.<lang>.json or <lang>.json).
const domainFiles = (lang: 'id' | 'en') =>
  readdirSync(srcDir, { withFileTypes: true })
    .filter((e) => e.isDirectory())
    .map((e) => join(srcDir, e.name, 'locale'))
    .filter((d) => statSync(d, { throwIfNoEntry: false })?.isDirectory())
    .flatMap((d) => readdirSync(d).filter((f) => f === `${lang}.json` || f.endsWith(`.${lang}.json`)).map((f) => join(d, f)));

function load(lang: 'id' | 'en'): Tree {
  const merged: Tree = JSON.parse(readFileSync(join(here, `${lang}.json`), 'utf8')) as Tree;
  for (const file of domainFiles(lang)) {
    for (const [k, v] of Object.entries(JSON.parse(readFileSync(file, 'utf8')) as Tree)) {
      if (k in merged) throw new Error(`${relative(srcDir, file)}: top-level key "${k}" is already used by another catalogue`);
      merged[k] = v;
    }
  }
  return merged;
}

const catalogues = { id: flatten(load('id')), en: flatten(load('en')) };

const pluralSuffixes = ['_zero', '_one', '_two', '_few', '_many', '_other'];
const has = (keys: Map<string, unknown>, key: string) => keys.has(key) || pluralSuffixes.some((s) => keys.has(key + s));
const hasPrefix = (keys: Map<string, unknown>, prefix: string) => [...keys.keys()].some((k) => k.startsWith(prefix));
const placeholders = (s: string) => [...s.matchAll(/\{\{\s*([\w.]+)\s*\}\}/g)].map((m) => m[1]).sort();

function sourceFiles(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) out.push(...sourceFiles(path));
    else if (/\.tsx?$/.test(name) && !/\.test\.tsx?$/.test(name)) out.push(path);
  }
  return out;
}

interface Use {
  file: string;
  key: string;
  /** A template literal: only its static start is known. */
  prefix: boolean;
}

function usedKeys(): Use[] {
  const uses: Use[] = [];
  for (const path of sourceFiles(srcDir)) {
    const file = relative(srcDir, path);
    const text = readFileSync(path, 'utf8');
    for (const m of text.matchAll(/(?<![\w$.])t\(\s*(['"])([^'"\n]+)\1/g)) uses.push({ file, key: m[2]!, prefix: false });
    for (const m of text.matchAll(/(?<![\w$.])t\(\s*`([^`\n]*)`/g)) {
      const literal = m[1]!;
      const dollar = literal.indexOf('${');
      if (dollar === -1) uses.push({ file, key: literal, prefix: false });
      else if (dollar > 0) uses.push({ file, key: literal.slice(0, dollar), prefix: true });
    }
    for (const m of text.matchAll(/i18nKey=["']([^"']+)["']/g)) uses.push({ file, key: m[1]!, prefix: false });
  }
  return uses;
}

describe('i18n catalogues', () => {
  it('have the same keys in Indonesian and English', () => {
    const onlyId = [...catalogues.id.keys()].filter((k) => !catalogues.en.has(k));
    const onlyEn = [...catalogues.en.keys()].filter((k) => !catalogues.id.has(k));
    expect({ onlyInIndonesian: onlyId, onlyInEnglish: onlyEn }).toEqual({ onlyInIndonesian: [], onlyInEnglish: [] });
  });

  it('have no empty or non-text values', () => {
    const bad: string[] = [];
    for (const [lang, keys] of Object.entries(catalogues))
      for (const [k, v] of keys) if (typeof v !== 'string' || v.trim() === '') bad.push(`${lang}: ${k}`);
    expect(bad).toEqual([]);
  });

  it('use the same {{placeholders}} in both languages', () => {
    const differ: string[] = [];
    for (const [k, v] of catalogues.id) {
      const en = catalogues.en.get(k);
      if (typeof v === 'string' && typeof en === 'string' && placeholders(v).join() !== placeholders(en).join()) differ.push(k);
    }
    expect(differ).toEqual([]);
  });

  it("contain every key used with t('...') in web/src", () => {
    const uses = usedKeys();
    expect(uses.length).toBeGreaterThan(50);
    const missing: string[] = [];
    for (const u of uses)
      for (const [lang, keys] of Object.entries(catalogues)) {
        const ok = u.prefix ? hasPrefix(keys, u.key) : has(keys, u.key);
        if (!ok) missing.push(`${lang}: ${u.key}${u.prefix ? '…' : ''} (${u.file})`);
      }
    expect([...new Set(missing)]).toEqual([]);
  });
});
