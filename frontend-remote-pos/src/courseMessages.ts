// Texts of taking a course session at the till and giving one back.
import { messages } from './messages'

const en = {
  course: {
    redeemTitle: 'Take a session of {course}',
    treatment: 'Treatment',
    practitioner: 'Given by',
    choosePractitioner: 'Choose who gives the session',
    confirmRedeem: 'Take the session',
    cancel: 'Cancel',
    remainingAfter: '{left} of {total} sessions will be left.',
    takenToday: 'Taken today',
    takenBy: '{treatment} · {practitioner} · {time}',
    undo: 'Give back',
    undone: 'given back',
    confirmUndo: 'Give this session back to the balance?',
    forLine: 'For',
    notThisVisit: 'Not a treatment of this visit',
    forVisit: 'for this visit',
  },
}

const ptBR: typeof en = {
  course: {
    redeemTitle: 'Usar uma sessão de {course}',
    treatment: 'Tratamento',
    practitioner: 'Realizada por',
    choosePractitioner: 'Escolha quem realiza a sessão',
    confirmRedeem: 'Usar a sessão',
    cancel: 'Cancelar',
    remainingAfter: 'Restarão {left} de {total} sessões.',
    takenToday: 'Usadas hoje',
    takenBy: '{treatment} · {practitioner} · {time}',
    undo: 'Devolver',
    undone: 'devolvida',
    confirmUndo: 'Devolver esta sessão ao saldo?',
    forLine: 'Para',
    notThisVisit: 'Não é um tratamento desta visita',
    forVisit: 'para esta visita',
  },
}

const th: typeof en = {
  course: {
    redeemTitle: 'ใช้ 1 ครั้งของ {course}',
    treatment: 'การรักษา',
    practitioner: 'ผู้ให้บริการ',
    choosePractitioner: 'เลือกผู้ให้บริการครั้งนี้',
    confirmRedeem: 'ใช้ครั้งนี้',
    cancel: 'ยกเลิก',
    remainingAfter: 'จะเหลือ {left} จาก {total} ครั้ง',
    takenToday: 'ใช้วันนี้',
    takenBy: '{treatment} · {practitioner} · {time}',
    undo: 'คืนครั้งนี้',
    undone: 'คืนแล้ว',
    confirmUndo: 'คืนครั้งนี้กลับเข้ายอดคงเหลือหรือไม่',
    forLine: 'สำหรับ',
    notThisVisit: 'ไม่ใช่การรักษาของการเข้ารับบริการนี้',
    forVisit: 'สำหรับการเข้ารับบริการนี้',
  },
}

const ar: typeof en = {
  course: {
    redeemTitle: 'استخدام جلسة من {course}',
    treatment: 'العلاج',
    practitioner: 'يقدّمها',
    choosePractitioner: 'اختر من يقدّم الجلسة',
    confirmRedeem: 'استخدام الجلسة',
    cancel: 'إلغاء',
    remainingAfter: 'سيتبقى {left} من {total} جلسات.',
    takenToday: 'المستخدمة اليوم',
    takenBy: '{treatment} · {practitioner} · {time}',
    undo: 'إرجاع',
    undone: 'أُرجعت',
    confirmUndo: 'إرجاع هذه الجلسة إلى الرصيد؟',
    forLine: 'مقابل',
    notThisVisit: 'ليس علاجًا من هذه الزيارة',
    forVisit: 'لهذه الزيارة',
  },
}

/** The POS texts plus these, per language. */
export const courseMessages = {
  en: { ...messages.en, ...en },
  'pt-BR': { ...messages['pt-BR'], ...ptBR },
  th: { ...messages.th, ...th },
  ar: { ...messages.ar, ...ar },
}
