// A small HTML template helper: `html` escapes every interpolated value unless it is already
// HTML made by `html` itself or explicitly marked with `trusted`. Arrays are joined, and null,
// undefined and booleans render as nothing, so that conditional parts read naturally.

export class Html {
  constructor(readonly value: string) {}
  toString() {
    return this.value;
  }
}

const entities: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Escapes text for use in element content and in quoted attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => entities[c]!);
}

/** Marks a string as HTML that needs no escaping. Only for text the code itself wrote. */
export const trusted = (markup: string) => new Html(markup);

export type Interpolation = Html | string | number | boolean | null | undefined | readonly Interpolation[];

function render(v: Interpolation): string {
  if (v === null || v === undefined || typeof v === 'boolean') return '';
  if (v instanceof Html) return v.value;
  if (Array.isArray(v)) return v.map(render).join('');
  return escapeHtml(String(v));
}

// The templates' own line breaks and indentation between tags are dropped (the page stays small);
// text is never broken across lines in a template, so no meaningful space is lost.
const compacted = new WeakMap<TemplateStringsArray, string[]>();
function compact(strings: TemplateStringsArray): string[] {
  let c = compacted.get(strings);
  if (!c) {
    c = strings.map((s) => s.replace(/(^|>)\s*\n\s*(?=<|$)/g, '$1'));
    compacted.set(strings, c);
  }
  return c;
}

export function html(strings: TemplateStringsArray, ...values: Interpolation[]): Html {
  const s = compact(strings);
  let out = s[0]!;
  for (let i = 0; i < values.length; i++) out += render(values[i]) + s[i + 1]!;
  return new Html(out);
}
