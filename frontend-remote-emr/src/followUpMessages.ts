// Texts of the follow-up booking on a completed session, a local vue-i18n scope: the
// shell's language switch applies here too.
const en = {
  followUp: {
    title: 'Follow-up',
    book: 'Book follow-up in {interval}',
    around: 'Free times with {practitioner} around {date}',
    none: 'No free time with {practitioner} in the week around {date}.',
    booked: 'Follow-up booked: {when}.',
    failed: 'The free times could not be loaded.',
    close: 'Close',
  },
}
export type FollowUpMessages = typeof en

const ptBR: FollowUpMessages = {
  followUp: {
    title: 'Retorno',
    book: 'Agendar retorno em {interval}',
    around: 'Horários livres com {practitioner} perto de {date}',
    none: 'Nenhum horário livre com {practitioner} na semana perto de {date}.',
    booked: 'Retorno agendado: {when}.',
    failed: 'Não foi possível carregar os horários livres.',
    close: 'Fechar',
  },
}

const th: FollowUpMessages = {
  followUp: {
    title: 'นัดติดตามผล',
    book: 'นัดติดตามผลในอีก {interval}',
    around: 'เวลาว่างของ {practitioner} ช่วง {date}',
    none: '{practitioner} ไม่มีเวลาว่างในสัปดาห์ช่วง {date}',
    booked: 'นัดติดตามผลแล้ว: {when}',
    failed: 'โหลดเวลาว่างไม่สำเร็จ',
    close: 'ปิด',
  },
}

const ar: FollowUpMessages = {
  followUp: {
    title: 'موعد المتابعة',
    book: 'احجز متابعة بعد {interval}',
    around: 'الأوقات المتاحة مع {practitioner} حول {date}',
    none: 'لا يوجد وقت متاح مع {practitioner} في الأسبوع حول {date}.',
    booked: 'تم حجز المتابعة: {when}.',
    failed: 'تعذر تحميل الأوقات المتاحة.',
    close: 'إغلاق',
  },
}

export const followUpMessages = { en, 'pt-BR': ptBR, th, ar }
