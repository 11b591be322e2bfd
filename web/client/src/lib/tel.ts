/** A tel: link that phones understand: digits and a leading plus only. */
export function telHref(number: string) {
  return `tel:${number.replace(/[^\d+]/g, "")}`;
}
