// Texts of the staff profile fields (specialty, bio, calendar colour) on Settings › Staff,
// with the host's own (a page-local module: useI18n({ messages })).
import ar from '../../locales/ar'
import en from '../../locales/en'
import ptBR from '../../locales/pt-BR'
import th from '../../locales/th'

const enProfile = {
  staffProfile: {
    editTitle: 'Edit {name}',
    specialty: 'Specialty',
    specialtyHint: 'As patients and colleagues see it, e.g. Dermatology',
    bio: 'Short bio',
    colour: 'Calendar colour',
    colourNone: 'No colour chosen: the calendar’s default.',
    colourClear: 'Use the default',
  },
}

const ptBRProfile: typeof enProfile = {
  staffProfile: {
    editTitle: 'Editar {name}',
    specialty: 'Especialidade',
    specialtyHint: 'Como pacientes e colegas a veem, ex.: Dermatologia',
    bio: 'Minibiografia',
    colour: 'Cor na agenda',
    colourNone: 'Nenhuma cor escolhida: a padrão da agenda.',
    colourClear: 'Usar a padrão',
  },
}

const thProfile: typeof enProfile = {
  staffProfile: {
    editTitle: 'แก้ไข {name}',
    specialty: 'สาขาเฉพาะทาง',
    specialtyHint: 'ตามที่ผู้ป่วยและเพื่อนร่วมงานเห็น เช่น ตจวิทยา',
    bio: 'ประวัติย่อ',
    colour: 'สีในปฏิทิน',
    colourNone: 'ยังไม่ได้เลือกสี ใช้สีเริ่มต้นของปฏิทิน',
    colourClear: 'ใช้สีเริ่มต้น',
  },
}

const arProfile: typeof enProfile = {
  staffProfile: {
    editTitle: 'تعديل {name}',
    specialty: 'التخصص',
    specialtyHint: 'كما يراه المرضى والزملاء، مثل الأمراض الجلدية',
    bio: 'نبذة قصيرة',
    colour: 'لون التقويم',
    colourNone: 'لم يُختر لون: اللون الافتراضي للتقويم.',
    colourClear: 'استخدام الافتراضي',
  },
}

export const staffProfileMessages = {
  en: { ...en, ...enProfile },
  'pt-BR': { ...ptBR, ...ptBRProfile },
  th: { ...th, ...thProfile },
  ar: { ...ar, ...arProfile },
}
