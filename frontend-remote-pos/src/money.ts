/** `amount` (a decimal string, exact) as a reader of `locale` writes it in `currency`. */
export function moneyFormat(amount: string, currency: string, locale: string): string {
  // Intl formats a numeric string exactly (no float round trip).
  return new Intl.NumberFormat(locale, { style: 'currency', currency }).format(amount as Intl.StringNumericLiteral)
}
