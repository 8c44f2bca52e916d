// Texts of the device picker in the booking dialog and of the appointment's device, a
// local vue-i18n scope: the shell's language switch applies here too.
const en = {
  device: {
    label: 'Device',
    anyFree: 'Any free {kind}',
    none: 'No {kind} in this clinic: add one under Settings → Devices.',
    kinds: {
      laser: 'laser',
      ipl: 'IPL',
      hifu: 'HIFU',
      rf_microneedling: 'RF microneedling',
      radiofrequency: 'radiofrequency',
      cryolipolysis: 'cryolipolysis',
      other: 'device',
    },
  },
}
export type DeviceMessages = typeof en

const ptBR: DeviceMessages = {
  device: {
    label: 'Equipamento',
    anyFree: 'Qualquer {kind} livre',
    none: 'Nenhum {kind} nesta clínica: adicione em Configurações → Equipamentos.',
    kinds: {
      laser: 'laser',
      ipl: 'IPL',
      hifu: 'HIFU',
      rf_microneedling: 'microagulhamento com RF',
      radiofrequency: 'radiofrequência',
      cryolipolysis: 'criolipólise',
      other: 'equipamento',
    },
  },
}

const th: DeviceMessages = {
  device: {
    label: 'เครื่องมือ',
    anyFree: '{kind} เครื่องใดก็ได้ที่ว่าง',
    none: 'คลินิกนี้ไม่มี {kind} เพิ่มได้ที่ ตั้งค่า → เครื่องมือ',
    kinds: {
      laser: 'เลเซอร์',
      ipl: 'IPL',
      hifu: 'HIFU',
      rf_microneedling: 'RF ไมโครนีดเดิล',
      radiofrequency: 'คลื่นวิทยุ (RF)',
      cryolipolysis: 'เครื่องสลายไขมันด้วยความเย็น',
      other: 'เครื่องมือ',
    },
  },
}

const ar: DeviceMessages = {
  device: {
    label: 'الجهاز',
    anyFree: 'أي جهاز {kind} متاح',
    none: 'لا يوجد جهاز {kind} في هذه العيادة: أضفه من الإعدادات ← الأجهزة.',
    kinds: {
      laser: 'ليزر',
      ipl: 'IPL',
      hifu: 'HIFU',
      rf_microneedling: 'إبر دقيقة بالترددات الراديوية',
      radiofrequency: 'ترددات راديوية',
      cryolipolysis: 'تجميد الدهون',
      other: 'آخر',
    },
  },
}

export const deviceMessages = { en, 'pt-BR': ptBR, th, ar }
