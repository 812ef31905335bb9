// Placeholder until the page is built.
export function QueuePage() {
  return null;
}
