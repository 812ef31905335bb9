// Placeholder until the page is built.
export function IntakePage() {
  return null;
}
