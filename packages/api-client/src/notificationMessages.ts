// The words of the notifications log (GET /notifications/messages), in the four
// languages: each channel, status and template key the API sends. Settings › Messages log
// (host) and the chart's Messages tab (emr) merge these into their own vue-i18n
// messages, so a message reads the same on both screens.
export interface NotificationMessages {
  channels: Record<string, string>
  statuses: Record<string, string>
  /** By template key (`appointment_reminder`, …). */
  templates: Record<string, string>
}

const en: NotificationMessages = {
  channels: { sms: 'SMS', whatsapp: 'WhatsApp', email: 'E-mail' },
  statuses: { scheduled: 'Scheduled', sending: 'Sending', sent: 'Sent', failed: 'Failed', cancelled: 'Cancelled' },
  templates: {
    appointment_reminder: 'Appointment reminder',
    payment_receipt: 'Payment receipt',
    invoice_document: 'Invoice by e-mail',
    invoice_link: 'Invoice link',
    patient_identity_link_code: 'Identity link code',
    invite_sent: 'Staff invite',
    password_reset_code: 'Password reset code',
  },
}

const ptBR: NotificationMessages = {
  channels: { sms: 'SMS', whatsapp: 'WhatsApp', email: 'E-mail' },
  statuses: { scheduled: 'Agendada', sending: 'Enviando', sent: 'Enviada', failed: 'Falhou', cancelled: 'Cancelada' },
  templates: {
    appointment_reminder: 'Lembrete de agendamento',
    payment_receipt: 'Recibo de pagamento',
    invoice_document: 'Fatura por e-mail',
    invoice_link: 'Link da fatura',
    patient_identity_link_code: 'Código de vínculo de identidade',
    invite_sent: 'Convite de equipe',
    password_reset_code: 'Código de redefinição de senha',
  },
}

const th: NotificationMessages = {
  channels: { sms: 'SMS', whatsapp: 'WhatsApp', email: 'อีเมล' },
  statuses: { scheduled: 'ตั้งเวลาไว้', sending: 'กำลังส่ง', sent: 'ส่งแล้ว', failed: 'ล้มเหลว', cancelled: 'ยกเลิกแล้ว' },
  templates: {
    appointment_reminder: 'เตือนนัดหมาย',
    payment_receipt: 'ใบเสร็จรับเงิน',
    invoice_document: 'ใบแจ้งหนี้ทางอีเมล',
    invoice_link: 'ลิงก์ใบแจ้งหนี้',
    patient_identity_link_code: 'รหัสเชื่อมตัวตน',
    invite_sent: 'คำเชิญพนักงาน',
    password_reset_code: 'รหัสรีเซ็ตรหัสผ่าน',
  },
}

const ar: NotificationMessages = {
  channels: { sms: 'رسالة نصية', whatsapp: 'واتساب', email: 'البريد الإلكتروني' },
  statuses: { scheduled: 'مجدولة', sending: 'قيد الإرسال', sent: 'أُرسلت', failed: 'فشلت', cancelled: 'أُلغيت' },
  templates: {
    appointment_reminder: 'تذكير بالموعد',
    payment_receipt: 'إيصال الدفع',
    invoice_document: 'الفاتورة بالبريد الإلكتروني',
    invoice_link: 'رابط الفاتورة',
    patient_identity_link_code: 'رمز ربط الهوية',
    invite_sent: 'دعوة موظف',
    password_reset_code: 'رمز إعادة تعيين كلمة المرور',
  },
}

/** By locale code, as vue-i18n names them. */
export const notificationMessages: Record<'en' | 'pt-BR' | 'th' | 'ar', NotificationMessages> = {
  en,
  'pt-BR': ptBR,
  th,
  ar,
}
