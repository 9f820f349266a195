/** "£2.99". */
export function formatPrice(gbp: number): string {
  return `£${gbp.toFixed(2)}`;
}

/** The send button's words when a report must be paid for first: "£2.99 — pay and generate". */
export function payButtonLabel(gbp: number): string {
  return `${formatPrice(gbp)} — pay and generate`;
}
