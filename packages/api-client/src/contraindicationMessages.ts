// The words of a contraindication alert (GET /patients/{id}/alerts), in the four
// languages: the line of one alert and the name of each code the API sends. The booking
// dialog (scheduling) and the session panel (emr) both list these alerts; each merges
// these texts into its own vue-i18n messages, so a code reads the same on every screen.
import type { components } from './schema'

export interface ContraindicationMessages {
  /** One alert's line (vue-i18n), `{label}` being its code's name. */
  item: string
  /** The name of each code, in lower case to follow the line's colon. */
  codes: Record<components['schemas']['ContraindicationEnum'], string>
}

const en: ContraindicationMessages = {
  item: 'Contraindication: {label}',
  codes: {
    pregnancy: 'pregnancy',
    breast_feeding: 'breast-feeding',
    anticoagulants: 'anticoagulant or antiplatelet medication',
    isotretinoin: 'isotretinoin in the last 6 months',
    keloid_history: 'history of keloid or hypertrophic scars',
    active_infection: 'active skin infection at the site',
    autoimmune_disease: 'autoimmune disease',
    neuromuscular_disorder: 'neuromuscular disorder',
    allergy_lidocaine: 'allergy to lidocaine',
    allergy_hyaluronidase: 'allergy to hyaluronidase',
    allergy_hyaluronic_acid: 'allergy to hyaluronic acid',
    allergy_botulinum_toxin: 'allergy to botulinum toxin',
    allergy_albumin: 'allergy to albumin',
  },
}

const ptBR: ContraindicationMessages = {
  item: 'Contraindicação: {label}',
  codes: {
    pregnancy: 'gestação',
    breast_feeding: 'amamentação',
    anticoagulants: 'anticoagulante ou antiagregante',
    isotretinoin: 'isotretinoína nos últimos 6 meses',
    keloid_history: 'histórico de queloide ou cicatriz hipertrófica',
    active_infection: 'infecção de pele ativa no local',
    autoimmune_disease: 'doença autoimune',
    neuromuscular_disorder: 'doença neuromuscular',
    allergy_lidocaine: 'alergia a lidocaína',
    allergy_hyaluronidase: 'alergia a hialuronidase',
    allergy_hyaluronic_acid: 'alergia a ácido hialurônico',
    allergy_botulinum_toxin: 'alergia a toxina botulínica',
    allergy_albumin: 'alergia a albumina',
  },
}

const th: ContraindicationMessages = {
  item: 'ข้อห้ามใช้: {label}',
  codes: {
    pregnancy: 'การตั้งครรภ์',
    breast_feeding: 'การให้นมบุตร',
    anticoagulants: 'ยาต้านการแข็งตัวของเลือดหรือต้านเกล็ดเลือด',
    isotretinoin: 'ไอโซเตรติโนอินในช่วง 6 เดือน',
    keloid_history: 'ประวัติแผลเป็นนูนหรือคีลอยด์',
    active_infection: 'การติดเชื้อที่ผิวหนังบริเวณที่ทำ',
    autoimmune_disease: 'โรคภูมิต้านตนเอง',
    neuromuscular_disorder: 'โรคระบบประสาทและกล้ามเนื้อ',
    allergy_lidocaine: 'แพ้ลิโดเคน',
    allergy_hyaluronidase: 'แพ้ไฮยาลูโรนิเดส',
    allergy_hyaluronic_acid: 'แพ้กรดไฮยาลูโรนิก',
    allergy_botulinum_toxin: 'แพ้โบทูลินัมท็อกซิน',
    allergy_albumin: 'แพ้อัลบูมิน',
  },
}

const ar: ContraindicationMessages = {
  item: 'مانع استعمال: {label}',
  codes: {
    pregnancy: 'الحمل',
    breast_feeding: 'الرضاعة الطبيعية',
    anticoagulants: 'أدوية مضادة للتخثر أو للصفيحات',
    isotretinoin: 'إيزوتريتينوين خلال آخر 6 أشهر',
    keloid_history: 'سوابق جدرة أو ندبات ضخامية',
    active_infection: 'عدوى جلدية نشطة في الموضع',
    autoimmune_disease: 'مرض مناعي ذاتي',
    neuromuscular_disorder: 'اضطراب عصبي عضلي',
    allergy_lidocaine: 'حساسية من الليدوكائين',
    allergy_hyaluronidase: 'حساسية من الهيالورونيداز',
    allergy_hyaluronic_acid: 'حساسية من حمض الهيالورونيك',
    allergy_botulinum_toxin: 'حساسية من توكسين البوتولينوم',
    allergy_albumin: 'حساسية من الألبومين',
  },
}

/** By the apps' locale codes (vue-i18n's `messages`). */
export const contraindicationMessages = { en, 'pt-BR': ptBR, th, ar }
