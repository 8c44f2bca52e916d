/** `amount` (a decimal string, exact) as a reader of `locale` writes it in `currency`. */
export function moneyFormat(amount: string, currency: string, locale: string): string {
  // Intl formats a numeric string exactly (no float round trip).
  return new Intl.NumberFormat(locale, { style: 'currency', currency }).format(amount as Intl.StringNumericLiteral)
}

/** A quantity (a decimal string such as `"2.500"`) without trailing zeros, as `locale` writes it. */
export function quantityFormat(quantity: string, locale: string): string {
  return new Intl.NumberFormat(locale, { maximumFractionDigits: 3 }).format(quantity as Intl.StringNumericLiteral)
}
