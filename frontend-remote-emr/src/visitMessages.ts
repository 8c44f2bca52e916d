// Texts of completing a visit and skipping a session, merged into the chart's and the
// session panel's local vue-i18n scopes: the shell's language switch applies here too.
const en = {
  visitEnd: {
    complete: 'Complete visit',
    pending: 'Complete or skip every session first.',
    completed: 'Visit completed: its treatments are at the till to collect.',
    skip: 'Skip session',
    skipTitle: 'Skip this session',
    skipHint: 'The visit is completed and charged without it; say why.',
    reason: 'Reason',
    confirm: 'Skip session',
    cancel: 'Back',
    skipped: 'Skipped: {reason}',
  },
}
export type VisitMessages = typeof en

const ptBR: VisitMessages = {
  visitEnd: {
    complete: 'Concluir atendimento',
    pending: 'Conclua ou pule todas as sessões primeiro.',
    completed: 'Atendimento concluído: os tratamentos estão no caixa para receber.',
    skip: 'Pular sessão',
    skipTitle: 'Pular esta sessão',
    skipHint: 'O atendimento é concluído e cobrado sem ela; diga por quê.',
    reason: 'Motivo',
    confirm: 'Pular sessão',
    cancel: 'Voltar',
    skipped: 'Pulada: {reason}',
  },
}

const th: VisitMessages = {
  visitEnd: {
    complete: 'ปิดการเข้ารับบริการ',
    pending: 'ทำหรือข้ามทุกเซสชันให้เสร็จก่อน',
    completed: 'ปิดการเข้ารับบริการแล้ว: รายการรักษาอยู่ที่แคชเชียร์เพื่อรับชำระ',
    skip: 'ข้ามเซสชัน',
    skipTitle: 'ข้ามเซสชันนี้',
    skipHint: 'การเข้ารับบริการจะปิดและคิดเงินโดยไม่มีเซสชันนี้ โปรดระบุเหตุผล',
    reason: 'เหตุผล',
    confirm: 'ข้ามเซสชัน',
    cancel: 'ย้อนกลับ',
    skipped: 'ข้ามแล้ว: {reason}',
  },
}

const ar: VisitMessages = {
  visitEnd: {
    complete: 'إكمال الزيارة',
    pending: 'أكمل كل جلسة أو تخطَّها أولًا.',
    completed: 'اكتملت الزيارة: علاجاتها لدى أمين الصندوق للتحصيل.',
    skip: 'تخطي الجلسة',
    skipTitle: 'تخطي هذه الجلسة',
    skipHint: 'تكتمل الزيارة وتُحتسب من دونها؛ اذكر السبب.',
    reason: 'السبب',
    confirm: 'تخطي الجلسة',
    cancel: 'رجوع',
    skipped: 'تم التخطي: {reason}',
  },
}

export const visitMessages = { en, 'pt-BR': ptBR, th, ar }
type Locale = keyof typeof visitMessages

/** A component's messages with these texts merged in (a component has one local scope). */
export function withVisitMessages<M extends object>(messages: Record<Locale, M>): Record<Locale, M & VisitMessages> {
  return {
    en: { ...messages.en, ...en },
    'pt-BR': { ...messages['pt-BR'], ...ptBR },
    th: { ...messages.th, ...th },
    ar: { ...messages.ar, ...ar },
  }
}

/** A visit can be completed when none of its sessions is still planned or under way. */
export function visitCompletable(sessions: { status: string }[]): boolean {
  return sessions.every((session) => session.status === 'completed' || session.status === 'cancelled')
}
