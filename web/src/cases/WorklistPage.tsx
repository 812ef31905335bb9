// Placeholder until the page is built.
export function WorklistPage() {
  return null;
}
