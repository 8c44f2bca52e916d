/**
 * The POS's money arithmetic: an exact mirror of the server's `commerce/pricing.py`
 * (read its docstring for the rules). Amounts are decimal.js values, never floats;
 * a Vitest suite re-prices the server-computed fixture (`pricing-fixtures.json`,
 * written by `manage.py pricing_fixtures`) and must agree to the minor unit.
 */
import DecimalJs from 'decimal.js'

/** Python's default decimal context: 28 significant digits, half-even between operations. */
export const Dec = DecimalJs.clone({ precision: 28, rounding: DecimalJs.ROUND_HALF_EVEN })
export type Dec = InstanceType<typeof Dec>

export interface LineInput {
  unitPrice: Dec
  quantity: Dec
  lineDiscount: Dec
  taxRate: Dec
}

export interface LineAmounts {
  gross: Dec
  lineDiscount: Dec
  cartDiscountShare: Dec
  net: Dec
  tax: Dec
  total: Dec
}

export interface CartAmounts {
  lines: LineAmounts[]
  subtotal: Dec
  discountTotal: Dec
  taxTotal: Dec
  total: Dec
}

/** An amount out of range; `field` names it as the server does (`lines.2.line_discount`). */
export class PricingError extends Error {
  constructor(
    readonly field: string,
    message: string,
  ) {
    super(message)
  }
}

const HUNDRED = new Dec(100)

/** Rule 1: ROUND_HALF_UP (half away from zero) to `digits` minor digits. */
export function roundMoney(amount: Dec, digits: number): Dec {
  return amount.toDecimalPlaces(digits, DecimalJs.ROUND_HALF_UP)
}

function wholeMinor(amount: Dec, digits: number): boolean {
  return amount.equals(amount.toDecimalPlaces(digits, DecimalJs.ROUND_DOWN))
}

function sum(values: Dec[]): Dec {
  return values.reduce((a, b) => a.plus(b), new Dec(0))
}

/** Rule 4: split `amount` over `weights` by the largest remainder, ties to the earlier line. */
export function allocate(amount: Dec, weights: Dec[], digits: number): Dec[] {
  const totalWeight = sum(weights)
  if (amount.isZero() || totalWeight.isZero()) return weights.map(() => new Dec(0))
  const exact = weights.map((w) => amount.times(w).dividedBy(totalWeight))
  const shares = exact.map((e) => e.toDecimalPlaces(digits, DecimalJs.ROUND_DOWN))
  const unit = new Dec(1).dividedBy(new Dec(10).pow(digits))
  const left = amount.minus(sum(shares)).dividedBy(unit).toNumber()
  const order = weights
    .map((_w, i) => i)
    .sort((i, j) => {
      const byRemainder = exact[j]!.minus(shares[j]!).comparedTo(exact[i]!.minus(shares[i]!))
      return byRemainder !== 0 ? byRemainder : i - j
    })
  for (const i of order.slice(0, left)) shares[i] = shares[i]!.plus(unit)
  return shares
}

/** Rules 2–7 of `commerce.pricing.price_cart`; throws `PricingError` where the server answers 400. */
export function priceCart(
  lines: LineInput[],
  { digits, cartDiscount = new Dec(0), taxInclusive }: { digits: number; cartDiscount?: Dec; taxInclusive: boolean },
): CartAmounts {
  const grosses: Dec[] = []
  const bases: Dec[] = []
  lines.forEach((line, index) => {
    if (line.quantity.lte(0)) throw new PricingError(`lines.${index}.quantity`, 'must be greater than zero')
    if (line.unitPrice.lt(0)) throw new PricingError(`lines.${index}.unit_price`, 'must not be negative')
    if (line.taxRate.lt(0)) throw new PricingError(`lines.${index}.tax_rate`, 'must not be negative')
    const gross = roundMoney(line.unitPrice.times(line.quantity), digits)
    const discount = line.lineDiscount
    if (discount.lt(0) || discount.gt(gross) || !wholeMinor(discount, digits)) {
      throw new PricingError(`lines.${index}.line_discount`, `must be between 0 and ${gross.toFixed(digits)}`)
    }
    grosses.push(gross)
    bases.push(gross.minus(discount))
  })
  const room = sum(bases)
  if (cartDiscount.lt(0) || cartDiscount.gt(room) || !wholeMinor(cartDiscount, digits)) {
    throw new PricingError('cart_discount', `must be between 0 and ${room.toFixed(digits)}`)
  }
  const shares = allocate(cartDiscount, bases, digits)
  const out = lines.map((line, i): LineAmounts => {
    const discounted = bases[i]!.minus(shares[i]!)
    const rate = line.taxRate
    const tax = taxInclusive
      ? roundMoney(discounted.times(rate).dividedBy(HUNDRED.plus(rate)), digits)
      : roundMoney(discounted.times(rate).dividedBy(HUNDRED), digits)
    return {
      gross: grosses[i]!,
      lineDiscount: line.lineDiscount,
      cartDiscountShare: shares[i]!,
      net: taxInclusive ? discounted.minus(tax) : discounted,
      tax,
      total: taxInclusive ? discounted : discounted.plus(tax),
    }
  })
  return {
    lines: out,
    subtotal: sum(out.map((a) => a.gross)),
    discountTotal: sum(out.map((a) => a.lineDiscount.plus(a.cartDiscountShare))),
    taxTotal: sum(out.map((a) => a.tax)),
    total: sum(out.map((a) => a.total)),
  }
}

/** `amount` as the server writes it: a decimal string with exactly `digits` minor digits. */
export function moneyString(amount: Dec, digits: number): string {
  return amount.toFixed(digits)
}
