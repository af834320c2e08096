/** The `{name}` placeholders of a catalogue text (shared/text/catalogue.ts), each once, in order of appearance. */
export function placeholders(template: string): string[] {
  return [...new Set(Array.from(template.matchAll(/\{(\w+)\}/g), (m) => m[1]!))];
}
