import { localeLoad } from './src/i18n'

// The shell's English texts, which the app fetches before it mounts (main.ts).
await localeLoad('en')
