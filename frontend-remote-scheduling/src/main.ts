import { createApp, h } from 'vue'

// Opened on its own (its dev server), a remote only points to the shell that hosts it.
createApp({
  render: () =>
    h('p', { style: 'font: 16px system-ui; padding: 2rem' }, [
      'This is the scheduling module of AesthetixOS (exposes CalendarModule). Open it through the shell on port 3000.',
    ]),
}).mount('#app')
