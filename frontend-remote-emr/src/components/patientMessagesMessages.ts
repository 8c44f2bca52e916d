// Texts of the chart's Messages tab (the patient's messages log), with the remote's own.
import { messages } from '../messages'

const en = {
  patientMessages: {
    title: 'Messages sent to this patient',
    empty: 'No messages sent to this patient yet.',
    loadFailed: 'Could not load the messages.',
    channels: { sms: 'SMS', whatsapp: 'WhatsApp', email: 'E-mail' },
    statuses: { scheduled: 'Scheduled', sending: 'Sending', sent: 'Sent', failed: 'Failed', cancelled: 'Cancelled' },
    templates: {
      appointment_reminder: 'Appointment reminder',
      payment_receipt: 'Payment receipt',
      invoice_document: 'Invoice by e-mail',
      invoice_link: 'Invoice link',
    },
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
    channels: { sms: 'SMS', whatsapp: 'WhatsApp', email: 'E-mail' },
    statuses: { scheduled: 'Agendada', sending: 'Enviando', sent: 'Enviada', failed: 'Falhou', cancelled: 'Cancelada' },
    templates: {
      appointment_reminder: 'Lembrete de agendamento',
      payment_receipt: 'Recibo de pagamento',
      invoice_document: 'Fatura por e-mail',
      invoice_link: 'Link da fatura',
    },
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
    channels: { sms: 'SMS', whatsapp: 'WhatsApp', email: 'อีเมล' },
    statuses: { scheduled: 'ตั้งเวลาไว้', sending: 'กำลังส่ง', sent: 'ส่งแล้ว', failed: 'ล้มเหลว', cancelled: 'ยกเลิกแล้ว' },
    templates: {
      appointment_reminder: 'เตือนนัดหมาย',
      payment_receipt: 'ใบเสร็จรับเงิน',
      invoice_document: 'ใบแจ้งหนี้ทางอีเมล',
      invoice_link: 'ลิงก์ใบแจ้งหนี้',
    },
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
    channels: { sms: 'رسالة نصية', whatsapp: 'واتساب', email: 'البريد الإلكتروني' },
    statuses: { scheduled: 'مجدولة', sending: 'قيد الإرسال', sent: 'أُرسلت', failed: 'فشلت', cancelled: 'أُلغيت' },
    templates: {
      appointment_reminder: 'تذكير بالموعد',
      payment_receipt: 'إيصال الدفع',
      invoice_document: 'الفاتورة بالبريد الإلكتروني',
      invoice_link: 'رابط الفاتورة',
    },
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
