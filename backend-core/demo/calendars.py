"""Each demo clinic's rooms, working hours, time off and extra hours."""

from __future__ import annotations

from datetime import time

from demo.appointments import CalendarSeed, ExtraHours, RoomSeed, TimeOff, WeeklyHours, hours, week
from demo.people import VISITING_DOCTOR
from demo.shapes import Category

# fmt: off

# Rooms (local names) and the categories each is equipped for; weekly hours of every
# doctor, nurse and therapist (assistants assist, they take no appointments of their
# own; some work part-time), time off (a past vacation, a sick day, a vacation or a
# training day ahead) and a day of extra hours; cancellation reasons given ahead and
# on the day; the clinic's busiest weekdays. Weekdays: 0 = Monday … 6 = Sunday.


MON, TUE, WED, THU, FRI, SAT, SUN = range(7)
INJECT = (Category.NEUROTOXIN, Category.FILLER, Category.BIOSTIMULATOR)
DEVICES = (Category.LASER, Category.ENERGY)
FACIALS = (Category.SKIN, Category.PEEL)

# Bangkok: malls and clinics open late; Monday to Saturday 10:00-20:00, lunch 13:00-14:00.
BANGKOK_DAY = hours((10, 0, 13, 0), (14, 0, 20, 0))
BANGKOK_CALENDAR = CalendarSeed(
    rooms=(
        RoomSeed("ห้องตรวจ 1", (Category.CONSULTATION, *INJECT)),  # examination room 1
        RoomSeed("ห้องหัตถการ", (*INJECT, Category.ENERGY)),  # procedure room
        RoomSeed("ห้องเลเซอร์", DEVICES),  # laser room
        RoomSeed("ห้องทรีตเมนต์ผิว", FACIALS),  # skin treatment room
    ),
    hours=(
        WeeklyHours("+66 86 330 9127", week((MON, TUE, THU, FRI, SAT), BANGKOK_DAY)),  # Siriporn
        # The visiting consultant is still building his list here: the front desk always
        # finds free time with him (the browser tests book with him too).
        WeeklyHours(VISITING_DOCTOR.phone, week((MON, TUE, WED), BANGKOK_DAY), occupancy=(0.35, 0.55)),
        WeeklyHours("+66 62 418 5590", week((TUE, WED, THU, FRI, SAT), BANGKOK_DAY)),  # Kanokwan
        # Part-time: four days a week.
        WeeklyHours("+66 95 771 0436", week((MON, WED, FRI, SAT), BANGKOK_DAY)),  # Supaporn
    ),
    time_off=(
        TimeOff("+66 62 418 5590", after_days=18, length=7, reason="ลาพักร้อน"),  # annual leave
        TimeOff("+66 86 330 9127", after_days=-150, length=9, reason="ลาพักร้อน"),
        TimeOff("+66 95 771 0436", after_days=-38, length=1, reason="ลาป่วย"),  # sick leave
        TimeOff("+66 86 330 9127", after_days=11, length=1, reason="ประชุมวิชาการ"),  # conference
    ),
    # A Sunday filler day for regulars (the clinic is otherwise closed on Sundays).
    extra=ExtraHours("+66 86 330 9127", SUN, after_days=9, span=(time(10), time(16)),
                     reason="เปิดพิเศษวันอาทิตย์ นัดฟิลเลอร์"),
    cancel_reasons=("ผู้รับบริการติดธุระ ขอเลื่อนนัด", "ผู้รับบริการไม่สบาย", "ขอเลื่อนไปเดือนหน้า"),
    late_reasons=("ยกเลิกกระชั้นชิด: ติดงานด่วน มาไม่ทัน", "ยกเลิกกระชั้นชิด: รถติดมาก",
                  "ยกเลิกกระชั้นชิด: ไม่สบายกะทันหัน"),
    busy_days=(SAT,),
)

# São Paulo: Monday to Friday 09:00-19:00 with lunch 12:00-13:00, Saturday mornings.
SAO_PAULO_DAY = hours((9, 0, 12, 0), (13, 0, 19, 0))
SAO_PAULO_SATURDAY = hours((9, 0, 13, 0))
SAO_PAULO_CALENDAR = CalendarSeed(
    rooms=(
        RoomSeed("Consultório 1", (Category.CONSULTATION, *INJECT)),
        RoomSeed("Sala de procedimentos", (*INJECT, Category.ENERGY)),
        RoomSeed("Sala de laser", DEVICES),
        RoomSeed("Sala de estética", FACIALS),
    ),
    hours=(
        WeeklyHours("+55 11 99627-4418",  # Camila
                    week((MON, TUE, WED, THU, FRI), SAO_PAULO_DAY) + week((SAT,), SAO_PAULO_SATURDAY)),
        WeeklyHours("+55 11 98840-1375",  # Juliana
                    week((TUE, WED, THU, FRI), SAO_PAULO_DAY) + week((SAT,), SAO_PAULO_SATURDAY)),
        WeeklyHours("+55 11 96583-2209", week((MON, TUE, WED, THU, FRI), SAO_PAULO_DAY)),  # Beatriz
    ),
    time_off=(
        TimeOff("+55 11 99627-4418", after_days=25, length=7, reason="Férias"),
        TimeOff("+55 11 98840-1375", after_days=-95, length=10, reason="Férias"),
        TimeOff("+55 11 96583-2209", after_days=-17, length=1, reason="Atestado médico"),
        TimeOff("+55 11 96583-2209", after_days=8, length=1, reason="Curso de atualização"),
    ),
    extra=ExtraHours("+55 11 96583-2209", SAT, after_days=6, span=(time(9), time(14)),
                     reason="Sábado extra: campanha de limpeza de pele"),
    cancel_reasons=("Paciente pediu para remarcar", "Paciente gripada", "Viagem a trabalho"),
    late_reasons=("Cancelou em cima da hora: imprevisto no trabalho", "Cancelou em cima da hora: trânsito",
                  "Cancelou no dia: filho doente"),
    busy_days=(SAT,),
)

# Riyadh: Saturday to Thursday, split shifts 10:00-13:00 and 16:00-22:00 (the long
# afternoon break covers lunch and the heat of the day); Friday is the weekend. The
# visiting doctor holds evening clinics with a break for the evening prayer.
RIYADH_DAY = hours((10, 0, 13, 0), (16, 0, 22, 0))
RIYADH_CALENDAR = CalendarSeed(
    rooms=(
        RoomSeed("غرفة الكشف", (Category.CONSULTATION, *INJECT)),  # examination room
        RoomSeed("غرفة الإجراءات", (*INJECT, Category.ENERGY)),  # procedure room
        RoomSeed("غرفة الليزر", DEVICES),  # laser room
        RoomSeed("غرفة العناية بالبشرة", FACIALS),  # skin care room
    ),
    hours=(
        WeeklyHours("+966 53 771 0458", week((SAT, SUN, MON, TUE, WED), RIYADH_DAY)),  # Nora
        WeeklyHours(VISITING_DOCTOR.phone, week((THU, SAT), hours((16, 0, 19, 0), (19, 30, 22, 0)))),
        WeeklyHours("+966 54 680 2293", week((SUN, MON, TUE, WED, THU), RIYADH_DAY)),  # Hind
        WeeklyHours("+966 56 413 9075", week((SAT, SUN, MON, WED, THU), RIYADH_DAY)),  # Lama
    ),
    time_off=(
        TimeOff("+966 54 680 2293", after_days=12, length=5, reason="إجازة سنوية"),
        TimeOff("+966 53 771 0458", after_days=-70, length=8, reason="إجازة سنوية"),
        TimeOff("+966 56 413 9075", after_days=-24, length=1, reason="إجازة مرضية"),  # sick leave
        TimeOff("+966 53 771 0458", after_days=9, length=1, reason="مؤتمر طبي"),  # medical conference
    ),
    extra=ExtraHours("+966 53 771 0458", FRI, after_days=15, span=(time(16), time(22)),
                     reason="عيادة مسائية إضافية يوم الجمعة"),
    cancel_reasons=("طلب المراجع تأجيل الموعد", "سفر خارج الرياض", "ارتباط عائلي"),
    late_reasons=("إلغاء في نفس اليوم: ظرف عائلي طارئ", "إلغاء في نفس اليوم: زحمة الطريق",
                  "إلغاء في نفس اليوم: وعكة صحية"),
    busy_days=(THU, SAT),
)

# fmt: on
