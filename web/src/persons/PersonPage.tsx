// Placeholder until the page is built.
export function PersonPage() {
  return null;
}
