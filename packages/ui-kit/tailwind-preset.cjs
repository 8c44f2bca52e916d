/**
 * Tailwind preset shared by every AesthetixOS app, so the host and the remotes look the
 * same. Apps add `presets: [require('@aesthetix/ui-kit/tailwind-preset')]` and list the
 * ui-kit sources in `content` (see `contentGlob`).
 */
const path = require('node:path')

module.exports = {
  theme: {
    extend: {
      colors: {
        brand: {
          50: '#f0f7f7',
          100: '#d9ecec',
          200: '#b3d9d9',
          300: '#82bfbf',
          400: '#4f9f9f',
          500: '#33817f',
          600: '#276866',
          700: '#215453',
          800: '#1d4443',
          900: '#1a3939',
        },
        surface: '#f8fafc',
      },
      fontFamily: {
        sans: ['Inter', 'Noto Sans', 'Noto Sans Thai', 'Noto Sans Arabic', 'system-ui', 'sans-serif'],
      },
      borderRadius: {
        card: '0.75rem',
      },
    },
  },
  /** Sources of the ui-kit, for the `content` list of an app's Tailwind config. */
  contentGlob: path.join(__dirname, 'src/**/*.{vue,ts}'),
}
