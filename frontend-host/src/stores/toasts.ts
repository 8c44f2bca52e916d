import type { ToastKind, ToastMessage } from '@aesthetix/ui-kit'
import { defineStore } from 'pinia'
import { ref } from 'vue'

export const useToastStore = defineStore('toasts', () => {
  const toasts = ref<ToastMessage[]>([])
  let next = 1

  function toastShow(kind: ToastKind, message: string) {
    toasts.value.push({ id: next++, kind, message })
  }
  function toastDismiss(id: ToastMessage['id']) {
    toasts.value = toasts.value.filter((toast) => toast.id !== id)
  }
  return { toasts, toastShow, toastDismiss }
})
