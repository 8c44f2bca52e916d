/**
 * The countries a clinic can open in from the sign-up page, with what follows from the
 * country: its currency (ISO 4217), its IANA time zones (the capital's or main city's
 * first) and the clinic's default language. The server checks the currency against the
 * country again.
 */
export interface Market {
  country: 'TH' | 'BR' | 'SA'
  currency: string
  zones: string[]
  locale: 'th' | 'pt-BR' | 'ar'
}

export const MARKETS: Market[] = [
  { country: 'TH', currency: 'THB', zones: ['Asia/Bangkok'], locale: 'th' },
  {
    country: 'BR',
    currency: 'BRL',
    zones: [
      'America/Sao_Paulo',
      'America/Bahia',
      'America/Fortaleza',
      'America/Recife',
      'America/Belem',
      'America/Manaus',
      'America/Cuiaba',
      'America/Campo_Grande',
      'America/Porto_Velho',
      'America/Boa_Vista',
      'America/Rio_Branco',
      'America/Noronha',
    ],
    locale: 'pt-BR',
  },
  { country: 'SA', currency: 'SAR', zones: ['Asia/Riyadh'], locale: 'ar' },
]
