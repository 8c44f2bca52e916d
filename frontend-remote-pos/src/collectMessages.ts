import { messagesMerged } from './localMessages'
import type { Locale } from './localMessages'

// Texts of the To-collect queue and of a visit's locked lines in the cart, a local vue-i18n
// scope: the shell's language switch applies here too.
const en = {
  collect: {
    tab: 'To collect',
    title: 'Completed visits to collect',
    empty: 'No completed visit is waiting.',
    failed: 'The visits to collect could not be loaded.',
    by: 'By {names}',
    open: 'Collect',
    opening: 'Opening…',
    fromVisit: 'Done at the visit',
    fromCourse: 'Paid from a course',
    collecting: 'Collecting the visit of {patient}. Its lines are what was done: add items or discounts, not remove them.',
    putBack: 'Back to the queue',
    items: '{count} treatment | {count} treatments',
    live: 'Updates live',
    retry: 'Try again',
    depositApplied: 'Deposit applied ({reference})',
    toCollect: 'To collect {amount}',
  },
}
export type CollectMessages = typeof en

const ptBR: CollectMessages = {
  collect: {
    tab: 'A receber',
    title: 'Atendimentos concluídos a receber',
    empty: 'Nenhum atendimento concluído aguardando.',
    failed: 'Não foi possível carregar os atendimentos a receber.',
    by: 'Por {names}',
    open: 'Receber',
    opening: 'Abrindo…',
    fromVisit: 'Feito no atendimento',
    fromCourse: 'Pago com um pacote',
    collecting: 'Recebendo o atendimento de {patient}. As linhas são o que foi feito: acrescente itens ou descontos, sem removê-las.',
    putBack: 'Voltar para a fila',
    items: '{count} tratamento | {count} tratamentos',
    live: 'Atualiza em tempo real',
    retry: 'Tentar novamente',
    depositApplied: 'Sinal abatido ({reference})',
    toCollect: 'A receber {amount}',
  },
}

const th: CollectMessages = {
  collect: {
    tab: 'รอชำระ',
    title: 'การรักษาที่เสร็จแล้วรอชำระเงิน',
    empty: 'ไม่มีการรักษาที่รอชำระ',
    failed: 'โหลดรายการรอชำระไม่สำเร็จ',
    by: 'โดย {names}',
    open: 'รับชำระ',
    opening: 'กำลังเปิด…',
    fromVisit: 'ทำแล้วในการเข้ารับบริการ',
    fromCourse: 'ชำระด้วยคอร์ส',
    collecting: 'กำลังรับชำระการเข้ารับบริการของ {patient} รายการเหล่านี้คือสิ่งที่ทำไปแล้ว: เพิ่มสินค้าหรือส่วนลดได้ แต่ลบไม่ได้',
    putBack: 'กลับไปที่คิว',
    items: '{count} การรักษา | {count} การรักษา',
    live: 'อัปเดตแบบเรียลไทม์',
    retry: 'ลองอีกครั้ง',
    depositApplied: 'หักมัดจำ ({reference})',
    toCollect: 'ต้องเก็บ {amount}',
  },
}

const ar: CollectMessages = {
  collect: {
    tab: 'للتحصيل',
    title: 'زيارات مكتملة للتحصيل',
    empty: 'لا توجد زيارة مكتملة في الانتظار.',
    failed: 'تعذر تحميل الزيارات المطلوب تحصيلها.',
    by: 'بواسطة {names}',
    open: 'تحصيل',
    opening: 'جارٍ الفتح…',
    fromVisit: 'تم في الزيارة',
    fromCourse: 'مدفوع من باقة',
    collecting: 'تحصيل زيارة {patient}. هذه البنود هي ما تم تنفيذه: يمكن إضافة أصناف أو خصومات دون حذفها.',
    putBack: 'إعادة إلى القائمة',
    items: '{count} علاج | {count} علاجات',
    live: 'يتحدث مباشرة',
    retry: 'حاول مرة أخرى',
    depositApplied: 'العربون المخصوم ({reference})',
    toCollect: 'المطلوب تحصيله {amount}',
  },
}

export const collectMessages = { en, 'pt-BR': ptBR, th, ar }

/** A component's messages with the To-collect texts merged in. */
export function withCollectMessages<M extends object>(messages: Record<Locale, M>): Record<Locale, M & CollectMessages> {
  return messagesMerged(messages, collectMessages)
}
