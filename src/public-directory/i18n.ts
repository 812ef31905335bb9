// The public page's strings: src/public-directory/locale/{id,en}.json under the key
// `publicDirectory`, with {{placeholders}} and _one/_other plural forms like the web app's.
import fs from 'node:fs';

export const pageLanguages = ['id', 'en'] as const;
export type Lang = (typeof pageLanguages)[number];
export const isLang = (v: unknown): v is Lang => v === 'id' || v === 'en';

type Tree = { [key: string]: string | Tree };

export function flatten(tree: Tree, prefix = '', out = new Map<string, string>()): Map<string, string> {
  for (const [k, v] of Object.entries(tree)) {
    const key = prefix ? `${prefix}.${k}` : k;
    if (typeof v === 'string') out.set(key, v);
    else flatten(v, key, out);
  }
  return out;
}

export const catalogueFile = (lang: Lang) => new URL(`./locale/${lang}.json`, import.meta.url);

const catalogues = Object.fromEntries(
  pageLanguages.map((lang) => {
    const tree = JSON.parse(fs.readFileSync(catalogueFile(lang), 'utf8')) as { publicDirectory: Tree };
    return [lang, flatten(tree.publicDirectory)];
  }),
) as Record<Lang, Map<string, string>>;

export type Vars = Record<string, string | number>;
export type T = (key: string, vars?: Vars) => string;

export function translator(lang: Lang): T {
  const strings = catalogues[lang];
  const plural = new Intl.PluralRules(lang);
  return (key, vars) => {
    let text = strings.get(key);
    if (text === undefined && vars && typeof vars.count === 'number') text = strings.get(`${key}_${plural.select(vars.count)}`) ?? strings.get(`${key}_other`);
    if (text === undefined) return key;
    return vars ? text.replace(/\{\{\s*(\w+)\s*\}\}/g, (m, name: string) => (name in vars ? String(vars[name]) : m)) : text;
  };
}
