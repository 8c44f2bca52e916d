// jsdom has no layout engine and so no ResizeObserver; Headless UI's Dialog observes its
// panel's size. An observer that never fires is what a layout-less DOM would report.
class NoLayoutResizeObserver {
  observe() {}
  unobserve() {}
  disconnect() {}
}
globalThis.ResizeObserver ??= NoLayoutResizeObserver
