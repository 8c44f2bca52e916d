export interface BaseModalProps {
  open: boolean
  title: string
  description?: string
  size?: 'md' | 'lg'
}
