"""Each demo clinic's rooms, working hours, time off and extra hours."""

from __future__ import annotations

from datetime import time

from demo.appointments import CalendarSeed, ExtraHours, RoomSeed, TimeOff, WeeklyHours, hours, week
from demo.people import VISITING_DOCTOR
from demo.shapes import Category

# fmt: off

# Rooms (local names) and the categories each is equipped for; weekly hours of every
# doctor, nurse and therapist (assistants assist, they take no appointments of their
# own), a vacation and a day of extra hours. Weekdays: 0 = Monday … 6 = Sunday.


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
        WeeklyHours(VISITING_DOCTOR.phone, week((MON, TUE, WED), BANGKOK_DAY)),
        WeeklyHours("+66 62 418 5590", week((TUE, WED, THU, FRI, SAT), BANGKOK_DAY)),  # Kanokwan
        WeeklyHours("+66 95 771 0436", week((MON, TUE, WED, FRI, SAT), BANGKOK_DAY)),  # Supaporn
    ),
    time_off=TimeOff("+66 62 418 5590", after_days=18, length=7, reason="ลาพักร้อน"),  # annual leave
    # A Sunday filler day for regulars (the clinic is otherwise closed on Sundays).
    extra=ExtraHours("+66 86 330 9127", SUN, after_days=9, span=(time(10), time(16)),
                     reason="เปิดพิเศษวันอาทิตย์ นัดฟิลเลอร์"),
    cancel_reasons=("ผู้รับบริการติดธุระ ขอเลื่อนนัด", "ผู้รับบริการไม่สบาย", "ติดงานด่วน มาไม่ทัน"),
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
    time_off=TimeOff("+55 11 99627-4418", after_days=25, length=7, reason="Férias"),
    extra=ExtraHours("+55 11 96583-2209", SAT, after_days=6, span=(time(9), time(14)),
                     reason="Sábado extra: campanha de limpeza de pele"),
    cancel_reasons=("Paciente pediu para remarcar", "Paciente gripada", "Imprevisto no trabalho"),
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
    time_off=TimeOff("+966 54 680 2293", after_days=12, length=5, reason="إجازة سنوية"),
    extra=ExtraHours("+966 53 771 0458", FRI, after_days=15, span=(time(16), time(22)),
                     reason="عيادة مسائية إضافية يوم الجمعة"),
    cancel_reasons=("طلب المراجع تأجيل الموعد", "ظرف عائلي طارئ", "سفر خارج الرياض"),
)

# fmt: on
