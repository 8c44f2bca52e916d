// Texts of Settings › Rooms, with the host's own (a page-local module: useI18n({ messages })).
import ar from '../../locales/ar'
import en from '../../locales/en'
import ptBR from '../../locales/pt-BR'
import th from '../../locales/th'

const enRooms = {
  rooms: {
    title: 'Rooms',
    intro: 'Treatment rooms the calendar books. A room out of use is not offered for new appointments; those already in it keep it.',
    name: 'Room name',
    add: 'Add room',
    added: 'Room added.',
    edit: 'Rename',
    save: 'Save',
    saved: 'Room renamed.',
    cancel: 'Cancel',
    active: 'In use',
    inactive: 'Out of use',
    deactivate: 'Take out of use',
    deactivated: 'Room taken out of use.',
    reactivate: 'Put back in use',
    reactivated: 'Room back in use.',
    confirmTitle: 'Take {name} out of use?',
    confirmText: 'New appointments cannot be booked in this room. Appointments already in it stay there: move them from the calendar if needed.',
    empty: 'No rooms yet. Add the first one above.',
    loadFailed: 'The rooms could not be loaded.',
  },
}

const ptBRRooms: typeof enRooms = {
  rooms: {
    title: 'Salas',
    intro: 'Salas de atendimento que a agenda reserva. Uma sala fora de uso não é oferecida para novos agendamentos; os que já estão nela a mantêm.',
    name: 'Nome da sala',
    add: 'Adicionar sala',
    added: 'Sala adicionada.',
    edit: 'Renomear',
    save: 'Salvar',
    saved: 'Sala renomeada.',
    cancel: 'Cancelar',
    active: 'Em uso',
    inactive: 'Fora de uso',
    deactivate: 'Tirar de uso',
    deactivated: 'Sala tirada de uso.',
    reactivate: 'Voltar a usar',
    reactivated: 'Sala de volta ao uso.',
    confirmTitle: 'Tirar {name} de uso?',
    confirmText: 'Não será possível agendar nesta sala. Os agendamentos que já estão nela continuam: mova-os pela agenda se necessário.',
    empty: 'Nenhuma sala ainda. Adicione a primeira acima.',
    loadFailed: 'Não foi possível carregar as salas.',
  },
}

const thRooms: typeof enRooms = {
  rooms: {
    title: 'ห้อง',
    intro: 'ห้องทำหัตถการที่ปฏิทินจองได้ ห้องที่เลิกใช้จะไม่ถูกเสนอสำหรับนัดใหม่ ส่วนนัดที่อยู่ในห้องแล้วยังคงอยู่',
    name: 'ชื่อห้อง',
    add: 'เพิ่มห้อง',
    added: 'เพิ่มห้องแล้ว',
    edit: 'เปลี่ยนชื่อ',
    save: 'บันทึก',
    saved: 'เปลี่ยนชื่อห้องแล้ว',
    cancel: 'ยกเลิก',
    active: 'ใช้งานอยู่',
    inactive: 'เลิกใช้',
    deactivate: 'เลิกใช้ห้อง',
    deactivated: 'เลิกใช้ห้องแล้ว',
    reactivate: 'กลับมาใช้',
    reactivated: 'ห้องกลับมาใช้งานแล้ว',
    confirmTitle: 'เลิกใช้ {name} หรือไม่',
    confirmText: 'จะจองนัดใหม่ในห้องนี้ไม่ได้ นัดที่อยู่ในห้องนี้แล้วยังคงอยู่ ย้ายได้จากปฏิทินหากจำเป็น',
    empty: 'ยังไม่มีห้อง เพิ่มห้องแรกได้ด้านบน',
    loadFailed: 'โหลดรายการห้องไม่สำเร็จ',
  },
}

const arRooms: typeof enRooms = {
  rooms: {
    title: 'الغرف',
    intro: 'غرف العلاج التي يحجزها التقويم. الغرفة المتوقفة عن الاستخدام لا تُعرض للمواعيد الجديدة، والمواعيد الموجودة فيها تبقى.',
    name: 'اسم الغرفة',
    add: 'إضافة غرفة',
    added: 'أُضيفت الغرفة.',
    edit: 'إعادة التسمية',
    save: 'حفظ',
    saved: 'أُعيدت تسمية الغرفة.',
    cancel: 'إلغاء',
    active: 'قيد الاستخدام',
    inactive: 'متوقفة عن الاستخدام',
    deactivate: 'إيقاف الاستخدام',
    deactivated: 'أُوقف استخدام الغرفة.',
    reactivate: 'إعادة الاستخدام',
    reactivated: 'عادت الغرفة إلى الاستخدام.',
    confirmTitle: 'إيقاف استخدام {name}؟',
    confirmText: 'لن يمكن حجز مواعيد جديدة في هذه الغرفة. المواعيد الموجودة فيها تبقى: انقلها من التقويم عند الحاجة.',
    empty: 'لا توجد غرف بعد. أضف الأولى أعلاه.',
    loadFailed: 'تعذّر تحميل الغرف.',
  },
}

export const roomsMessages = {
  en: { ...en, ...enRooms },
  'pt-BR': { ...ptBR, ...ptBRRooms },
  th: { ...th, ...thRooms },
  ar: { ...ar, ...arRooms },
}
