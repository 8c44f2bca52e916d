// Texts of an appointment's deposit in the appointment dialog (what the treatment asks
// for, what was paid, the desk taking it), a local vue-i18n scope: the shell's language
// switch applies here too.
const en = {
  deposit: {
    label: 'Deposit',
    due: 'Deposit due {amount}',
    paid: 'Paid {amount} · {method}',
    notPaid: 'Not paid yet',
    pending: 'Card payment pending',
    applied: '{amount} applied to the visit invoice',
    refunded: 'Refunded',
    forfeited: 'Kept as a no-show fee',
    take: 'Take deposit',
    method: 'Paid by',
    confirm: 'Take {amount}',
    back: 'Back',
    failed: 'The deposit could not be loaded.',
    methods: { cash: 'Cash', card: 'Card', bank_transfer: 'Bank transfer', promptpay: 'PromptPay', pix: 'Pix' },
  },
}
export type DepositMessages = typeof en

const ptBR: DepositMessages = {
  deposit: {
    label: 'Sinal',
    due: 'Sinal devido {amount}',
    paid: 'Pago {amount} · {method}',
    notPaid: 'Ainda não pago',
    pending: 'Pagamento com cartão pendente',
    applied: '{amount} abatido na fatura da consulta',
    refunded: 'Devolvido',
    forfeited: 'Retido como taxa de não comparecimento',
    take: 'Receber sinal',
    method: 'Forma de pagamento',
    confirm: 'Receber {amount}',
    back: 'Voltar',
    failed: 'Não foi possível carregar o sinal.',
    methods: { cash: 'Dinheiro', card: 'Cartão', bank_transfer: 'Transferência', promptpay: 'PromptPay', pix: 'Pix' },
  },
}

const th: DepositMessages = {
  deposit: {
    label: 'มัดจำ',
    due: 'ต้องชำระมัดจำ {amount}',
    paid: 'ชำระแล้ว {amount} · {method}',
    notPaid: 'ยังไม่ได้ชำระ',
    pending: 'รอผลการชำระด้วยบัตร',
    applied: 'หัก {amount} จากใบแจ้งหนี้ของการเข้ารับบริการ',
    refunded: 'คืนเงินแล้ว',
    forfeited: 'ริบเป็นค่าธรรมเนียมไม่มาตามนัด',
    take: 'รับมัดจำ',
    method: 'ชำระโดย',
    confirm: 'รับ {amount}',
    back: 'ย้อนกลับ',
    failed: 'โหลดข้อมูลมัดจำไม่สำเร็จ',
    methods: { cash: 'เงินสด', card: 'บัตร', bank_transfer: 'โอนเงิน', promptpay: 'พร้อมเพย์', pix: 'Pix' },
  },
}

const ar: DepositMessages = {
  deposit: {
    label: 'العربون',
    due: 'العربون المستحق {amount}',
    paid: 'مدفوع {amount} · {method}',
    notPaid: 'لم يُدفع بعد',
    pending: 'دفع البطاقة قيد الانتظار',
    applied: 'خُصم {amount} من فاتورة الزيارة',
    refunded: 'مُسترد',
    forfeited: 'احتُفظ به رسمَ عدم حضور',
    take: 'استلام العربون',
    method: 'طريقة الدفع',
    confirm: 'استلام {amount}',
    back: 'رجوع',
    failed: 'تعذّر تحميل العربون.',
    methods: { cash: 'نقدًا', card: 'بطاقة', bank_transfer: 'تحويل بنكي', promptpay: 'PromptPay', pix: 'Pix' },
  },
}

export const depositMessages = { en, 'pt-BR': ptBR, th, ar }
