"""Each demo clinic's treatment menu at typical list prices of the city."""

from __future__ import annotations

from decimal import Decimal

from demo.shapes import Category, Treatment, Unit

# fmt: off

# Columns: name, category, unit, price (clinic currency), minutes, buffer minutes,
# requires consent, description. Bangkok and Riyadh print their menus in English for an
# international clientele; São Paulo's is in Portuguese.


SESSION, PER_UNIT, PER_ML, PER_AREA = Unit.SESSION, Unit.TOXIN_UNIT, Unit.ML, Unit.AREA
CONSENT, NO_CONSENT = True, False

_DOSES = "Priced per unit. Usual doses: frown lines 20 U, crow's feet 24 U, forehead 10 to 20 U."
_FILLER = "Priced per 1 ml syringe; includes topical anaesthetic and a review at 2 weeks."
_SCULPTRA = "One vial per session; a course is usually 2 or 3 sessions 6 weeks apart."
_RADIESSE = "One 1.5 ml syringe per session, diluted for skin quality or undiluted for contour."
_CO2 = "Includes 45 minutes of numbing cream; 5 to 7 days of downtime."
_HAIR = "Per area per session; 6 to 8 sessions 4 to 6 weeks apart."
_MORPHEUS = "Fractional radiofrequency for acne scars and laxity; includes numbing."
_HYDRA = "Cleanse, extraction and hydration with a serum infusion."

BANGKOK_CATALOG = (
    Treatment("Doctor consultation and VISIA skin analysis", Category.CONSULTATION, SESSION,
              Decimal("800"), 30, 5, NO_CONSENT,
              "Physician assessment with VISIA imaging; credited against a treatment the same day."),
    Treatment("Botox® botulinum toxin (Allergan, USA)", Category.NEUROTOXIN, PER_UNIT,
              Decimal("450"), 30, 10, CONSENT, _DOSES),
    Treatment("Nabota® botulinum toxin (Daewoong, Korea)", Category.NEUROTOXIN, PER_UNIT,
              Decimal("250"), 30, 10, CONSENT, _DOSES),
    Treatment("Juvéderm® Voluma hyaluronic acid filler (cheeks, chin)", Category.FILLER, PER_ML,
              Decimal("16900"), 45, 15, CONSENT, _FILLER),
    Treatment("Restylane® Kysse hyaluronic acid filler (lips)", Category.FILLER, PER_ML,
              Decimal("14900"), 45, 15, CONSENT, _FILLER),
    Treatment("Sculptra® poly-L-lactic acid biostimulator", Category.BIOSTIMULATOR, SESSION,
              Decimal("25900"), 60, 15, CONSENT, _SCULPTRA),
    Treatment("Radiesse® calcium hydroxylapatite biostimulator", Category.BIOSTIMULATOR, SESSION,
              Decimal("22900"), 45, 15, CONSENT, _RADIESSE),
    Treatment("Q-switched Nd:YAG laser toning, full face", Category.LASER, SESSION,
              Decimal("2500"), 30, 10, NO_CONSENT,
              "For melasma and uneven tone; a course of 5 to 10 sessions 1 or 2 weeks apart."),
    Treatment("Fractional CO2 laser resurfacing, full face", Category.LASER, SESSION,
              Decimal("12900"), 90, 15, CONSENT, _CO2),
    Treatment("Diode laser hair removal, underarms", Category.LASER, PER_AREA,
              Decimal("1500"), 20, 10, NO_CONSENT, _HAIR),
    Treatment("Morpheus8 RF microneedling, full face", Category.ENERGY, SESSION,
              Decimal("14900"), 75, 15, CONSENT, _MORPHEUS),
    Treatment("Ultraformer III HIFU lift, face and neck", Category.ENERGY, SESSION,
              Decimal("15900"), 60, 10, NO_CONSENT,
              "Micro-focused ultrasound at 1.5, 3.0 and 4.5 mm; results build over 8 to 12 weeks."),
    Treatment("Salicylic acid 30% peel", Category.PEEL, SESSION,
              Decimal("1800"), 30, 10, NO_CONSENT,
              "For acne-prone and oily skin; a course of 4 to 6 peels 2 weeks apart."),
    Treatment("HydraFacial® Signature", Category.SKIN, SESSION,
              Decimal("3900"), 45, 15, NO_CONSENT, _HYDRA),
)

_DOSES_PT = "Preço por unidade. Doses usuais: glabela 20 U, pés de galinha 24 U, testa 10 a 20 U."
_FILLER_PT = "Preço por seringa de 1 ml; inclui anestésico tópico e retorno em 15 dias."

SAO_PAULO_CATALOG = (
    Treatment("Consulta médica estética com análise de pele", Category.CONSULTATION, SESSION,
              Decimal("450"), 40, 5, NO_CONSENT,
              "Avaliação médica com fotografia padronizada; abatida do tratamento feito no mesmo dia."),
    Treatment("Toxina botulínica Botox® (Allergan)", Category.NEUROTOXIN, PER_UNIT,
              Decimal("48"), 30, 10, CONSENT, _DOSES_PT),
    Treatment("Toxina botulínica Xeomin® (Merz)", Category.NEUROTOXIN, PER_UNIT,
              Decimal("38"), 30, 10, CONSENT, _DOSES_PT),
    Treatment("Preenchimento com ácido hialurônico Juvéderm® Voluma", Category.FILLER, PER_ML,
              Decimal("2200"), 45, 15, CONSENT, _FILLER_PT),
    Treatment("Preenchimento labial Restylane® Kysse", Category.FILLER, PER_ML,
              Decimal("1900"), 45, 15, CONSENT, _FILLER_PT),
    Treatment("Bioestimulador Sculptra® (ácido poli-L-láctico)", Category.BIOSTIMULATOR, SESSION,
              Decimal("3500"), 60, 15, CONSENT,
              "Um frasco por sessão; protocolo usual de 2 ou 3 sessões com intervalo de 6 semanas."),
    Treatment("Bioestimulador Radiesse® (hidroxiapatita de cálcio)", Category.BIOSTIMULATOR, SESSION,
              Decimal("3200"), 45, 15, CONSENT,
              "Uma seringa de 1,5 ml por sessão, diluída para qualidade de pele ou pura para contorno."),
    Treatment("Laser toning Q-switched Nd:YAG, face", Category.LASER, SESSION,
              Decimal("650"), 30, 10, NO_CONSENT,
              "Para melasma e manchas; protocolo de 5 a 10 sessões semanais ou quinzenais."),
    Treatment("Laser de CO2 fracionado, face total", Category.LASER, SESSION,
              Decimal("2800"), 90, 15, CONSENT,
              "Inclui 45 minutos de anestésico tópico; 5 a 7 dias de recuperação."),
    Treatment("Depilação a laser diodo, axilas", Category.LASER, PER_AREA,
              Decimal("180"), 20, 10, NO_CONSENT,
              "Preço por área e sessão; 6 a 8 sessões com intervalo de 4 a 6 semanas."),
    Treatment("Microagulhamento com radiofrequência Morpheus8", Category.ENERGY, SESSION,
              Decimal("3200"), 75, 15, CONSENT,
              "Radiofrequência fracionada para cicatrizes de acne e flacidez; inclui anestésico tópico."),
    Treatment("Ultraformer III (HIFU), face e pescoço", Category.ENERGY, SESSION,
              Decimal("3800"), 60, 10, NO_CONSENT,
              "Ultrassom microfocado em 1,5, 3,0 e 4,5 mm; resultado progressivo em 8 a 12 semanas."),
    Treatment("Peeling de ácido glicólico 70%", Category.PEEL, SESSION,
              Decimal("380"), 30, 10, NO_CONSENT,
              "Para textura e manchas leves; 4 a 6 sessões a cada 15 dias."),
    Treatment("Limpeza de pele profunda", Category.SKIN, SESSION,
              Decimal("280"), 60, 10, NO_CONSENT,
              "Higienização, esfoliação, extração e máscara calmante."),
)

RIYADH_CATALOG = (
    Treatment("Dermatology consultation", Category.CONSULTATION, SESSION,
              Decimal("350"), 30, 5, NO_CONSENT,
              "Assessment by a dermatologist; credited against a treatment booked the same day."),
    Treatment("Botox® botulinum toxin (Allergan)", Category.NEUROTOXIN, PER_UNIT,
              Decimal("65"), 30, 10, CONSENT, _DOSES),
    Treatment("Xeomin® botulinum toxin (Merz)", Category.NEUROTOXIN, PER_UNIT,
              Decimal("45"), 30, 10, CONSENT, _DOSES),
    Treatment("Juvéderm® Voluma hyaluronic acid filler", Category.FILLER, PER_ML,
              Decimal("2200"), 45, 15, CONSENT, _FILLER),
    Treatment("Restylane® Kysse hyaluronic acid filler (lips)", Category.FILLER, PER_ML,
              Decimal("1900"), 45, 15, CONSENT, _FILLER),
    Treatment("Sculptra® poly-L-lactic acid biostimulator", Category.BIOSTIMULATOR, SESSION,
              Decimal("3800"), 60, 15, CONSENT, _SCULPTRA),
    Treatment("Radiesse® calcium hydroxylapatite biostimulator", Category.BIOSTIMULATOR, SESSION,
              Decimal("3300"), 45, 15, CONSENT, _RADIESSE),
    Treatment("Q-switched Nd:YAG laser toning", Category.LASER, SESSION,
              Decimal("750"), 30, 10, NO_CONSENT,
              "For melasma and post-inflammatory pigmentation; a course of 5 to 10 sessions."),
    Treatment("Fractional CO2 laser resurfacing", Category.LASER, SESSION,
              Decimal("2900"), 90, 15, CONSENT, _CO2),
    Treatment("Diode laser hair removal, full legs", Category.LASER, PER_AREA,
              Decimal("1200"), 45, 10, NO_CONSENT, _HAIR),
    Treatment("Morpheus8 RF microneedling", Category.ENERGY, SESSION,
              Decimal("3200"), 75, 15, CONSENT, _MORPHEUS),
    Treatment("Ultraformer III HIFU lift, face and neck", Category.ENERGY, SESSION,
              Decimal("3500"), 60, 10, NO_CONSENT,
              "Micro-focused ultrasound; results build over 8 to 12 weeks."),
    Treatment("Jessner's solution peel", Category.PEEL, SESSION,
              Decimal("600"), 30, 10, NO_CONSENT,
              "For pigmentation and texture; 3 to 6 peels 2 to 4 weeks apart."),
    Treatment("HydraFacial® Signature", Category.SKIN, SESSION,
              Decimal("650"), 45, 15, NO_CONSENT, _HYDRA),
)

# fmt: on

# Days to the usual next visit by category (``Service.follow_up_days``: the chart's
# follow-up button offers it): the review of a toxin or filler at 2 weeks, a
# biostimulator course 6 weeks apart, laser, radiofrequency and skin courses about 4
# weeks apart, peels 2 weeks apart. A consultation has none.
FOLLOW_UP_DAYS: dict[str, int] = {
    Category.NEUROTOXIN: 14,
    Category.FILLER: 14,
    Category.BIOSTIMULATOR: 42,
    Category.LASER: 28,
    Category.ENERGY: 28,
    Category.PEEL: 14,
    Category.SKIN: 28,
}
