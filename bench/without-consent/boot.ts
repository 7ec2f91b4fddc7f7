// Stands in for lib/consent/boot in the bench's build without the consent component.
export function bootScript(...args: unknown[]): string {
  void args;
  return '';
}
