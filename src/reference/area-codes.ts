// Kemendagri area codes: province 35, regency 35.07, district 35.07.01, village 35.07.01.2001.
// Import-free, so that any domain (and the web app) can use it.

export const areaCodePattern = /^\d{2}(\.\d{2}(\.\d{2}(\.\d{4})?)?)?$/;
export const isAreaCode = (code: string) => areaCodePattern.test(code);

/** The code and every area above it, widest first: '35.07.01' → ['35', '35.07', '35.07.01']. */
export function areaChain(code: string): string[] {
  const parts = code.split('.');
  return parts.map((_, i) => parts.slice(0, i + 1).join('.'));
}
