// Texts of the chart's Messages tab (the patient's messages log), with the remote's own.
import { notificationMessages } from '@aesthetix/api-client'
import { messages } from '../messages'

const en = {
  patientMessages: {
    title: 'Messages sent to this patient',
    empty: 'No messages sent to this patient yet.',
    loadFailed: 'Could not load the messages.',
    ...notificationMessages.en,
    error: 'Provider\'s error',
    created: 'Created {when}',
    sent: 'Sent {when}',
    openLog: 'Open in the messages log (retry failed messages there)',
    accessHistory: 'Who opened this record',
    more: 'Older messages',
  },
}

const ptBR: typeof en = {
  patientMessages: {
    title: 'Mensagens enviadas a este paciente',
    empty: 'Nenhuma mensagem enviada a este paciente ainda.',
    loadFailed: 'Não foi possível carregar as mensagens.',
    ...notificationMessages['pt-BR'],
    error: 'Erro do provedor',
    created: 'Criada {when}',
    sent: 'Enviada {when}',
    openLog: 'Abrir no registro de mensagens (reenvie as que falharam por lá)',
    accessHistory: 'Quem abriu este prontuário',
    more: 'Mensagens anteriores',
  },
}

const th: typeof en = {
  patientMessages: {
    title: 'ข้อความที่ส่งถึงผู้ป่วยรายนี้',
    empty: 'ยังไม่มีข้อความที่ส่งถึงผู้ป่วยรายนี้',
    loadFailed: 'โหลดข้อความไม่สำเร็จ',
    ...notificationMessages.th,
    error: 'ข้อผิดพลาดจากผู้ให้บริการ',
    created: 'สร้างเมื่อ {when}',
    sent: 'ส่งเมื่อ {when}',
    openLog: 'เปิดในบันทึกข้อความ (ส่งข้อความที่ล้มเหลวอีกครั้งได้ที่นั่น)',
    accessHistory: 'ใครเปิดระเบียนนี้',
    more: 'ข้อความก่อนหน้า',
  },
}

const ar: typeof en = {
  patientMessages: {
    title: 'الرسائل المرسلة إلى هذا المريض',
    empty: 'لم تُرسل أي رسائل إلى هذا المريض بعد.',
    loadFailed: 'تعذّر تحميل الرسائل.',
    ...notificationMessages.ar,
    error: 'خطأ المزوّد',
    created: 'أُنشئت {when}',
    sent: 'أُرسلت {when}',
    openLog: 'فتح في سجل الرسائل (أعد إرسال الرسائل الفاشلة من هناك)',
    accessHistory: 'من فتح هذا السجل',
    more: 'رسائل أقدم',
  },
}

export const patientMessagesMessages = {
  en: { ...messages.en, ...en },
  'pt-BR': { ...messages['pt-BR'], ...ptBR },
  th: { ...messages.th, ...th },
  ar: { ...messages.ar, ...ar },
}
