// Pure helpers of the Messages settings page (a clinic's own wording of its messages).
import type { Schemas } from '@aesthetix/api-client'

export type Entry = Schemas['CatalogueEntry']
export type Channel = Entry['channel']

/** One message (a template key) with the channels it goes by, in the server's order. */
export interface MessageGroup {
  key: string
  channels: Channel[]
  /** Channel → the languages the clinic has worded, sorted. */
  worded: Partial<Record<Channel, string[]>>
}

/** The catalogue's rows grouped by message, keeping the server's order of keys and channels. */
export function messageGroups(entries: readonly Entry[]): MessageGroup[] {
  const groups = new Map<string, MessageGroup>()
  for (const entry of entries) {
    const group = groups.get(entry.key) ?? { key: entry.key, channels: [], worded: {} }
    groups.set(entry.key, group)
    if (!group.channels.includes(entry.channel)) group.channels.push(entry.channel)
    if (entry.custom) group.worded[entry.channel] = [...(group.worded[entry.channel] ?? []), entry.language].sort()
  }
  return [...groups.values()]
}

/** The catalogue row of one message, channel and language, if the clinic may word it. */
export function entryOf(entries: readonly Entry[], key: string, channel: string, language: string): Entry | undefined {
  return entries.find((e) => e.key === key && e.channel === channel && e.language === language)
}

/** ``text`` with ``token`` put in place of the selection ``start``–``end``, and where the
 *  caret goes after it. */
export function textInsert(text: string, start: number, end: number, token: string): { text: string; caret: number } {
  return { text: text.slice(0, start) + token + text.slice(end), caret: start + token.length }
}
