const preset = require('@aesthetix/ui-kit/tailwind-preset')

/** @type {import('tailwindcss').Config} */
module.exports = {
  presets: [preset],
  content: ['./index.html', './src/**/*.{vue,ts}', preset.contentGlob],
}
