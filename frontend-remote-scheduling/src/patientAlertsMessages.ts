// PatientAlerts' texts (the booking dialog's contraindication alerts), in the four
// languages; a local vue-i18n scope of that component. The line of each alert and the
// codes' names are the ones the chart uses too (the api-client's).
import { contraindicationMessages } from '@aesthetix/api-client'

const en = {
  alerts: {
    ...contraindicationMessages.en,
    title: 'Contraindication alerts for this treatment',
    neutral: 'Check the medical history with the clinician before booking this treatment.',
    noHistory: 'No medical history on file yet.',
    failed: 'The medical alerts could not be checked.',
  },
}

export type PatientAlertsMessages = typeof en

const ptBR: PatientAlertsMessages = {
  alerts: {
    ...contraindicationMessages['pt-BR'],
    title: 'Alertas de contraindicação para este procedimento',
    neutral: 'Confira a anamnese com o profissional clínico antes de agendar este procedimento.',
    noHistory: 'Ainda não há anamnese registrada.',
    failed: 'Não foi possível verificar os alertas médicos.',
  },
}

const th: PatientAlertsMessages = {
  alerts: {
    ...contraindicationMessages.th,
    title: 'ข้อห้ามใช้สำหรับการรักษานี้',
    neutral: 'โปรดตรวจสอบประวัติการรักษากับแพทย์ก่อนจองการรักษานี้',
    noHistory: 'ยังไม่มีประวัติการรักษาในระบบ',
    failed: 'ตรวจสอบข้อควรระวังทางการแพทย์ไม่สำเร็จ',
  },
}

const ar: PatientAlertsMessages = {
  alerts: {
    ...contraindicationMessages.ar,
    title: 'تنبيهات موانع الاستعمال لهذا العلاج',
    neutral: 'راجع التاريخ المرضي مع الطبيب المعالج قبل حجز هذا العلاج.',
    noHistory: 'لا يوجد تاريخ مرضي مسجل بعد.',
    failed: 'تعذر التحقق من التنبيهات الطبية.',
  },
}

export const patientAlertsMessages = { en, 'pt-BR': ptBR, th, ar }
