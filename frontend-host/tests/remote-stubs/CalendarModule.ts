import { defineComponent, h } from 'vue'

// Stands in for the remote's module in unit tests (no module federation there).
export default defineComponent({ name: 'StubCalendarModule', render: () => h('div', { 'data-testid': 'remote-CalendarModule' }) })
