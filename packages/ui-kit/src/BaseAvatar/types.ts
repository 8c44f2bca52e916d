export interface BaseAvatarProps {
  name: string
  src?: string | null
  size?: 'sm' | 'md' | 'lg'
}
