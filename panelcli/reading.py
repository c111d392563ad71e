"""Reading lab exports: bytes → text → CSV rows → measurements, streamed, with physical lines.

Handles what labs send: BOMs, UTF-16, Windows-1252 bytes, `,` `;` tab and `|` delimiters,
long (one row per result) and wide (one row per sample) layouts, preamble lines and unit rows.
Problems in rows become `Issue`s; only a file that cannot be read at all raises `InputError`.
"""

from __future__ import annotations

import codecs
import contextlib
import csv
import functools
import io
import itertools
import os
import re
import stat
import sys
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, BinaryIO, NamedTuple

from panelcli.descriptors import make_waiting
from panelcli.errors import InputError
from panelcli.models import LAB_COMMENT_SAID, Issue
from panelcli.names import (
    FOOTNOTE_MARKS,
    SLASHLESS_UNITS,
    any_words_after_unit,
    figure_named,
    instrument_name,
    looks_like_a_cytokine,
    marker_key,
    one_spaced,
    split_header_unit,
    unmangled,
    whose_figure,
    without_accents,
    words_after_unit,
)
from panelcli.patterns import lazy_pattern
from panelcli.units import (
    UnitProblem,
    conversion_exponent,
    has_family,
    how_far_apart,
    is_mass_concentration,
    same_unit,
)
from panelcli.values import (
    BLOOD,
    EXCEL_ROUNDED_ID,
    FILL_IN_THE_RESULT,
    FLAG_WORDS,
    NOT_KNOWN_DATES,
    LabRange,
    ParsedValue,
    ResultStatus,
    ValueProblem,
    as_composed,
    bare_sign,
    binary_kind,
    comma_grouping_shown,
    comparator_of,
    counted,
    decimal_point_shown,
    detection_range_side,
    flag_column_code,
    flag_contradicts,
    flag_in,
    flag_past_a_limit,
    flag_said,
    flag_severities_differ,
    flags_together,
    fluid_named,
    given_date,
    given_id,
    is_no_flag,
    is_no_value_mark,
    is_utf32,
    lab_flag,
    marked_status,
    parse_flag_of,
    parse_lab_range,
    parse_value,
    person_key,
    reads_as_result_status,
    result_status,
    row_status,
    says_none_known,
    shorten,
    sign_cell,
    unbracketed,
    value_says_no_result,
    value_shows_decimal_comma,
    visible,
    without_invisible,
    worded_comparator,
    words_joined,
    writes_a_decimal_comma,
)

STDIN = "-"


def is_stream(mode: int) -> bool:
    """A device, named pipe or socket (`st_mode`): its data comes as it comes, it is no file."""
    return stat.S_ISCHR(mode) or stat.S_ISFIFO(mode) or stat.S_ISSOCK(mode)


HEAD_BYTES = 64 * 1024
HEADER_SEARCH_ROWS = 100  # instrument preambles (xPONENT) run to 60 lines and more
DEFAULT_MAX_LINE = 1024 * 1024  # characters; override with --max-line-length

#: A value corrected for the sample's dilution, as plate readers and ELISA sheets give it
#: beside the concentration read off the curve ('AdjResult' beside 'Result' in SoftMax Pro,
#: 'Final Conc' beside 'Conc'): read in its place (lab QA: the raw value, 10x low, was read)
_DILUTION_CORRECTED = (
    "adjresult", "adjustedresult", "adjconc", "adjconcentration", "adjustedconc",
    "adjustedconcentration", "finalconc", "finalconcentration", "correctedconc",
    "correctedconcentration", "dilutioncorrectedconcentration",
    "dilutioncorrectedconc", "dilutioncorrectedresult", "dilcorrconc", "dilcorrectedconc",
    # a value times its dilution, however the sheet writes it (lab QA round 11: 'Conc*Dil',
    # 'Conc x DF' and 'Dil. Adj. Conc.' were unread, and the raw value judged)
    *(value + times + dilution
      for value in ("conc", "concentration", "result", "calcconc", "calcconcentration", "value")
      for times in ("x", "*", "×")
      for dilution in ("dil", "dilution", "df", "dilutionfactor")),
    "diladjconc", "diladjconcentration", "diladjustedconc", "diladjustedconcentration",
    "dilutionadjustedconc", "dilutionadjustedconcentration", "diladjresult",
    "dilutionadjustedresult", "neatconc", "neatconcentration", "concneat",
)  # fmt: skip

# Header synonyms: the key is a header with case, spaces, '_', '-', '.', '#' and brackets removed.
_ROLES: dict[str, tuple[str, ...]] = {
    "marker": ("marker", "analyte", "test", "cytokine", "testname", "analytename", "parameter",
               "assay", "component", "componentname", "biomarker", "markername", "cytokinename",
               "analyt", "zytokin",  # German exports
               "analyse", "paramètre", "parametre",  # French
               "prueba", "determinación", "determinacion", "parámetro", "parametro",  # Spanish
               "esame", "analita", "bepaling",  # Italian, Dutch (lab QA: no header found)
               "exame", "badanie", "analys",  # Portuguese, Polish, Swedish
               # lab QA round 12: Finnish, Czech, Turkish, Greek exports were refused whole
               "tutkimus", "vyšetření", "vysetreni", "testadı", "testadi", "εξέταση",
               "εξεταση",
               "показатель", "исследование", "тест",  # Russian (lab QA round 13: refused)
               "項目名", "項目", "检验项目", "项目", "项目名称",  # Japanese, Chinese (likewise)
               # lab QA round 19: Romanian, Croatian, Hungarian, Slovenian (refused whole)
               "analiză", "analiza", "pretraga", "vizsgálat", "vizsgalat", "preiskava",
               # lab QA round 21: German, Spanish and Italian (refused, 'no marker column')
               # ('Untersuchung', 'Examen' not: beside 'Analyt' or 'Paramètre' they name the
               # panel, and the file was refused: review of round 21)
               "messgröße", "messgrösse", "messgrosse", "kenngröße", "kenngrösse", "kenngrosse",
               "analito"),
    "value": ("value", "result", "resultvalue", "measurement", "observedvalue", "level",
              "finalresult", "calcconcentration", "calcconc", "calculatedconcentration",
              "calculatedconc",  # lab QA round 8: 'Calculated Conc.' refused, 'Calc Conc' read
              "yourvalue", "yourresult",  # a patient portal's (MyChart) copied table
              "obsconc", "observedconcentration",  # Bio-Plex's result beside 'Exp Conc'
              "ergebnis", "wert", "messwert", "konzentration",
              "résultat", "resultat", "valeur", "resultado", "valor",  # French, Spanish
              "risultato", "valore", "uitslag", "resultaat", "waarde",  # Italian, Dutch
              "wynik", "resultval", "ordvalue",  # Polish; Cerner's, Epic's
              "tulos", "výsledek", "vysledek", "sonuç", "sonuc",  # Finnish, Czech, Turkish
              "αποτέλεσμα", "αποτελεσμα",  # Greek
              "результат", "значение",  # Russian
              "結果", "結果値", "検査結果", "结果", "检验结果",  # Japanese, Chinese
              "rezultat", "eredmény", "eredmeny",  # Romanian, Croatian, Slovenian; Hungarian
              # each replicate's value beside their mean (Simoa's 'Replicate Conc.' beside
              # 'Mean Conc.': lab QA, the mean was read once per replicate row)
              "replicateconc", "replicateconcentration", "repconc", "replicateresult",
              "quantifiedvalue",  # Olink Target 48's absolute concentration (lab QA)
              *_DILUTION_CORRECTED),
    "unit": ("unit", "units", "uom", "unitofmeasure", "resultunit", "resultunits", "valueunit",
             "concunit", "concunits", "concentrationunit", "einheit",
             "unité", "unite", "unités", "unites", "unidad", "unidades",  # French, Spanish
             "unità", "unita", "unitàdimisura", "unitadimisura", "eenheid",  # Italian, Dutch
             "unidade", "jednostka", "enhet",  # Portuguese, Polish, Swedish
             # lab QA round 11: every row was refused for a missing unit beside these
             "udm", "eenheden", "unidadedemedida", "unidadesdemedida", "masseinheit",
             "maßeinheit", "einheiten",
             # lab QA round 12: Danish, Finnish, Czech, Turkish, Greek
             "enhed", "yksikkö", "yksikko", "jednotka", "birim", "μονάδα", "μοναδα",
             "единицы", "единицыизмерения", "едизм",  # Russian
             "単位", "单位",  # Japanese, Chinese
             # Romanian ('UM' is a weak name already), Croatian, Hungarian, Slovenian
             "unitatedemăsură", "unitatedemasura", "jedinica", "mjernajedinica",
             "mértékegység", "mertekegyseg", "enota"),
    "sample_id": ("sampleid", "sample", "specimen", "specimenid", "sampleno", "samplenumber",
                  "accession", "accessionnumber", "accessionno", "barcode", "samplename",
                  "labno", "labnumber", "specimenno", "specimennumber",
                  "probenid", "probennummer", "probennr", "probenr",
                  "échantillon", "echantillon", "muestra", "nºmuestra", "numeromuestra",
                  "n°échantillon", "nºéchantillon", "noéchantillon", "numéroéchantillon",
                  "numeroechantillon", "códigomuestra", "codigomuestra",
                  "campione", "codicecampione", "monsternummer", "monsterid",
                  "ncampione", "numerocampione", "nrcampione",  # lab QA round 14
                  "amostra", "próbka", "probka", "provnummer",
                  # lab QA round 12: Swedish, Norwegian and Danish, Finnish, Polish, Czech,
                  # Turkish (two patients' rows made one panel)
                  "provnr", "prøvenummer", "provenummer", "prøvenr", "provenr", "näytenumero",
                  "naytenumero", "numerpróbki", "numerprobki", "nrpróbki", "nrprobki",
                  "číslovzorku", "cislovzorku", "numuneno", "numunenumarası",
                  "αριθμόσδείγματοσ", "αριθμοσδειγματοσ",  # Greek
                  "номеробразца", "образец", "номерпробы",  # Russian
                  "検体番号", "検体id", "样本号", "标本号", "样本编号", "标本编号",  # (CJK)
                  # Romanian, Croatian, Hungarian, Slovenian
                  "codprobă", "codproba", "probă", "nrprobă", "nrproba", "brojuzorka",
                  "uzorak", "mintaazonosító", "mintaazonosito", "minta", "mintaszám",
                  "mintaszam", "vzorec", "številkavzorca", "stevilkavzorca"),
    "patient_id": ("patientid", "patient", "mrn", "subject", "subjectid", "participant",
                   "participantid", "patientno", "patientnumber",
                   "patientennummer", "patientenid", "patnr",  # German exports
                   "paciente", "idpaciente", "nhc",  # Spanish
                   "paziente", "idpaziente", "patiënt",  # Italian, Dutch
                   # lab QA round 12: Polish, Norwegian, Finnish, Czech, Turkish
                   "pacjent", "pasient", "pasientid", "potilas", "pacient", "hastano",
                   "ασθενήσ", "ασθενησ",  # Greek (casefolded: 'ς' is 'σ')
                   "пациент",  # Russian
                   "患者id", "患者番号", "病历号", "病案号"),  # Japanese, Chinese
    "collected_at": ("collectedat", "collected", "collectiondate", "collectiontime",
                     "collectiondatetime", "datecollected", "drawdate", "drawn", "sampledate",
                     "specimencollected", "specimencollectiondate", "datetimecollected",
                     "specimencollectiondatetime", "specimencollecteddate",
                     "specimencollecteddatetime", "collecteddate", "collecteddatetime",
                     "date", "datetime", "specimendate", "timepoint",
                     "datum", "entnahmedatum", "abnahmedatum", "probendatum", "entnahme",
                     "entnahmezeit", "probenahmedatum", "probennahmedatum", "datumentnahme",
                     "datumabnahme",  # German exports
                     # French, Spanish; 'Date du prélèvement', 'Fecha de toma' as these, by
                     # `_header_key_of` (it leaves out du, de, la …)
                     "dateprélèvement", "dateprelevement", "datecollecte", "fecha",
                     "fechatoma", "fechaextracción", "fechaextraccion", "fecharecolección",
                     "fecharecoleccion",
                     "dataprelievo", "datadiprelievo", "afnamedatum",  # Italian, Dutch
                     "datadacoleta", "datadecoleta", "datacoleta",  # Portuguese (QA round 11)
                     # lab QA round 12: Swedish, Norwegian, Danish, Finnish, Polish, Czech,
                     # Turkish
                     "provtagningsdatum", "provtagningstid", "prøvetakingsdato",
                     "prøvetakingstidspunkt", "prøvetagningsdato", "prøvetagningstidspunkt",
                     "näytteenottoaika", "näytteenottopäivä", "datapobrania", "datumodběru",
                     "datumodberu", "alımtarihi", "alimtarihi", "numunealımtarihi",
                     "näytteenottopvm", "prøvetagningstid", "ημερομηνίαλήψησ",
                     "ημερομηνιαληψησ",
                     "датавзятия", "датазабора", "датавзятияпробы",  # Russian
                     "採取日", "採取日時", "採血日", "采样时间", "采集时间", "采样日期"),  # (CJK)
    # Not Spanish 'Sexo': its 'M' is mujer (woman) to some and masculino to others (QA)
    "sex": ("sex", "gender", "geschlecht", "geschl", "sexe",  # 'Geschl.' (lab QA round 10)
            "sesso", "geslacht"),  # Italian, Dutch (lab QA round 11)
    "age": ("age", "ageyears", "ageyrs", "patientage", "alter", "âge", "edad",
            "età", "eta", "leeftijd", "idade"),
    "birth_date": ("birthdate", "dateofbirth", "dob", "geburtsdatum", "gebdatum",
                   "datedenaissance", "fechadenacimiento", "geboortedatum", "datadinascita",
                   "datadenascimento"),
    # Bio-Plex's 'Type' (S1 standard, C1 control, B blank, X1 sample); an LIS's 'Sample Type'
    "sample_type": ("sampletype", "samplekind", "probentyp"),
    # What the specimen is ('Serum', 'CSF'); weak names below, and 'Specimen' beside a sample
    # id column
    "specimen": ("specimentype",),
    # Long layout: a value's comparator ('<' beside '2.0') and the lab's flag ('H') in columns
    # of their own, read as if written in the value cell ('<2.0', '12.5 H').
    "comparator": ("comparator", "operator", "resultoperator", "modifier", "resultmodifier",
                   "valuemodifier", "qualifier", "resultqualifier", "valuequalifier",
                   "resultcomparator", "valuecomparator", "sign", "resultsign"),
    # MSD's 'Detection Range': whether the value is a measurement or an estimate beyond the
    # assay's limits ('Above Detection Range'), read as '>' or '<' written in the value cell.
    "detection_range": ("detectionrange", "detectionrangestatus", "detectionranges"),
    "lab_flag": ("flag", "flags", "abnormalflag", "abnormalflags", "resultflag", "resultflags",
                 "oznaka", "jelzés", "jelzes",  # Croatian, Hungarian
                 "abnormalityflag", "hlflag", "hiloflag",
                 "判定", "提示", "异常提示"),  # Japanese, Chinese (lab QA round 13)
    # The lab's comment on a long file's result, or a wide file's row ('Hemolyzed sample, may
    # be falsely elevated'), kept in the note of each result it is on (QA: ignored, and the
    # summary told of a raised IL-6 without it)
    "comment": ("comment", "comments", "resultcomment", "resultcomments", "labcomment",
                "labcomments", "remark", "remarks", "resultremark", "kommentar", "bemerkung",
                "befundkommentar", "befundbemerkung", "commentaire", "commentaires",
                "comentario", "comentarios", "observación", "observacion",
                "kommentare", "bemerkungen", "remarque", "remarques", "commento", "commenti",
                "opmerking", "opmerkingen",
                # lab QA round 12: Norwegian, Danish, Swedish, Polish, Finnish
                "merknad", "bemærkning", "bemærkninger", "anmärkning", "uwagi", "komentarz",
                "kommentti", "huomautus"),
    # A long file's replicate of each result ('1', '2') or the figure a row gives of them
    # ('Mean', 'CV%'), read as an instrument names its columns ('IL-6 Rep 1', 'IL-6 CV%')
    # (not a bare 'Rep': a run number or initials may be so called: review)
    "replicate": ("replicate", "replicateno", "replicatenumber", "replicateid", "replikat"),
    # HL7's observation result status, as LIS exports give it (P, C, F, X …)
    "result_status": ("resultstatus", "observationresultstatus", "obxstatus", "befundstatus",
                      "statutduresultat", "statutdurésultat", "estadodelresultado",
                      "teststatus", "reportstatus", "obsstatus", "observationstatus",
                      "validierung", "validierungsstatus"),  # lab QA round 10
    "reference_range": ("referencerange", "refrange", "normalrange", "referenceinterval",
                        "refinterval", "range", "reference", "refvalues", "referencevalues",
                        "standardrange", "normalvalues", "expectedrange", "expectedvalues",
                        "referenzbereich", "normbereich", "normalbereich", "referenzwerte",
                        "valeursderéférence", "valeursdereference", "valeurderéférence",
                        "valeurdereference", "valordereferencia", "intervallederéférence",
                        "intervalledereference", "valoresdereferencia", "rangodereferencia",
                        "intervalodereferencia",
                        # lab QA: not read, the set's range judged instead of the lab's
                        "refint", "biorefinterval", "biorefrange", "biologicalreferenceinterval",
                        "biologicalreferencerange", "refbereich", "referenzintervall",
                        "normwert", "normwerte", "normalwerte", "valeursnormales",
                        "valeursusuelles", "valoresnormales", "referentiewaarden",
                        "biologicalrefinterval", "biologicalrefrange", "referenzwert",
                        "normalwert", "valeurnormale", "valeursnormale", "valornormal",
                        # lab QA round 11: Italian, Portuguese, Dutch; Meditech's, Sunquest's
                        "valoridiriferimento", "intervallodiriferimento", "valorinormali",
                        "valorediriferimento", "valordereferência", "valoresdereferência",
                        "intervalodereferência", "referentiewaarde", "normaalwaarden",
                        "normaalwaarde", "referentieinterval", "refrng", "normrange",
                        "refval", "refvals",
                        # lab QA round 19: Romanian, Croatian, Hungarian, Slovenian
                        "intervaldereferință", "intervaldereferinta", "valoridereferință",
                        "valoridereferinta", "referentniinterval", "referentnevrijednosti",
                        "referenciatartomány", "referenciatartomany", "referenčnevrednosti",
                        "referencnevrednosti", "referenčniinterval", "referencniinterval",
                        # lab QA round 12: Swedish, Norwegian, Danish, Finnish, Polish, Czech,
                        # Turkish, Greek (the set's range judged instead of the lab's)
                        "referensintervall", "referensområde", "referanseområde",
                        "referanseomrade", "referanseintervall", "referenceområde",
                        "viitearvot", "viitearvo", "viitealue", "zakresreferencyjny",
                        "wartościreferencyjne", "wartoscireferencyjne", "referenčnímeze",
                        "referencnimeze", "referenčnírozmezí", "referansaralığı",
                        "referansaraligi", "τιμέσαναφοράσ", "τιμεσαναφορασ",  # (casefolded)
                        "референсныезначения", "референсныйинтервал",  # Russian
                        "референсныеинтервалы", "нормы",
                        "基準値", "基準範囲", "参考范围", "参考值", "参考区间",  # (CJK)
                        # lab QA round 14: without 'de', abbreviated; the set's range judged
                        # TNF-α 12 normal beside the lab's '0 - 8,1'
                        "valoresreferencia", "vreferencia", "rangoreferencia",
                        "intervaloreferencia", "valorreferencia", "valréf", "valref",
                        "refwaarde", "normes"),
    # The lab's range as two columns, read as one range cell 'low-high' (not a bare 'Low' or
    # 'High': a QC level or an instrument's limit may be called so)
    "range_low": ("reflow", "referencelow", "refrangelow", "referencerangelow", "normallow",
                  "lowerlimit", "lowerreferencelimit", "lowernormallimit", "reflowerlimit",
                  # QA: 'Range Low', 'Normal Min', 'Low Limit', 'LRR' were ignored
                  "rangelow", "normalmin", "normalminimum", "refmin", "lrr",
                  "referencemin", "referenceminimum", "lln"),  # lower limit of normal
    "range_high": ("refhigh", "referencehigh", "refrangehigh", "referencerangehigh",
                   "normalhigh", "upperlimit", "upperreferencelimit", "uppernormallimit",
                   "refupperlimit",
                   "rangehigh", "normalmax", "normalmaximum", "refmax", "urr",
                   "referencemax", "referencemaximum", "uln"),
    # The lab's critical (panic) limits, each row's in its value's unit (`Measurement.critical`)
    # The assay's limits of measurement on each row (CRO result files, Olink Target 48), in
    # its value's unit: what 'BLQ', 'ALQ', 'ND' stand for there (`Measurement.assay_limits`)
    "assay_lod": ("lod", "llod", "limitofdetection", "lowerlimitofdetection", "detectionlimit",
                  "nachweisgrenze"),
    "assay_lloq": ("lloq", "loq", "lql", "limitofquantification", "limitofquantitation",
                   "lowerlimitofquantification", "lowerlimitofquantitation", "lowerloq",
                   "bestimmungsgrenze"),
    "assay_uloq": ("uloq", "uql", "upperlimitofquantification", "upperlimitofquantitation",
                   "upperloq"),
    "critical_low": ("criticallow", "critlow", "critlo", "criticallo", "lowcritical",
                     "criticallowlimit", "lowcriticallimit", "lowercriticallimit",
                     "criticallowerlimit", "paniclow", "paniclo", "lowpanic", "paniclowlimit",
                     "lowpaniclimit", "lowerpaniclimit", "criticallower", "criticalmin",
                     "criticalminimum", "criticalvaluelow", "criticallowvalue", "panicvaluelow",
                     "paniclowvalue",
                     # QA: German and French exports' were ignored
                     "kritischniedrig", "kritischerwertniedrig", "panikwertniedrig",
                     "untererkritischerwert", "critiquebas", "seuilcritiquebas",
                     "valeurcritiquebasse"),
    "critical_high": ("criticalhigh", "crithigh", "crithi", "criticalhi", "highcritical",
                      "criticalhighlimit", "highcriticallimit", "uppercriticallimit",
                      "criticalupperlimit", "panichigh", "panichi", "highpanic",
                      "panichighlimit", "highpaniclimit", "upperpaniclimit", "criticalupper",
                      "criticalmax", "criticalmaximum", "criticalvaluehigh", "criticalhighvalue",
                      "panicvaluehigh", "panichighvalue",
                      "kritischhoch", "kritischerwerthoch", "panikwerthoch",
                      "obererkritischerwert", "critiquehaut", "seuilcritiquehaut",
                      "valeurcritiquehaute"),
}  # fmt: skip
#: CDISC SDTM's laboratory domain (LB), as clinical studies deliver results (QA round 15:
#: refused, 'no header'): the result and its range as collected, in their own unit
_SDTM_AS_COLLECTED = {
    "lbtest": "marker", "lborres": "value", "lborresu": "unit", "lbornrlo": "range_low",
    "lbornrhi": "range_high", "lbnrind": "lab_flag", "lbdtc": "collected_at",
    "lbrefid": "sample_id", "lbspec": "specimen",
}  # fmt: skip
_ROLE_OF = {
    synonym: role for role, synonyms in _ROLES.items() for synonym in synonyms
} | _SDTM_AS_COLLECTED
#: A flag column's names of its two sides ('H/L', 'Hi/Lo'), as header keys: weak names of a
#: flag column (`_WEAK_ROLE_OF`), and a marker's own flag column after its name ('IL-6 H/L')
_SLASHED_FLAGS = ("h/l", "l/h", "hi/lo", "hilo", "high/low", "low/high")
# Names that take a role only when no other column has it: German 'Probe' is the sample in
# one export and the specimen material ('Serum') beside a 'Probennr' in another.
# MSD exports give 'Concentration' (a standard's nominal value) beside 'Calc. Concentration'
# (the result): 'Concentration' is the value only where no other column is.
# Bio-Plex's 'Type' (or 'Well Type') is the sample type only where no 'Sample Type' is.
# A column that names a person ('Patient Name', 'Donor') is the patient's id only where no
# other column is: beside a 'Patient ID' it is the same person's name (QA: a long file's
# 'Patient Name' was read as no one's, and Anna's and Ben's results shared one panel).
#: A study's subject ids: the patient's, after a person's name ('Patient Name'), which is
#: read first (review: a record_id of row numbers split Anna's panel in two)
_STUDY_IDS = ("recordid", "subjid", "usubjid")
#: A patient's number under a short name ('PAT ID', 'Pt No', HL7's 'PID'): read before a
#: person's name beside it (lab QA round 13: two John Smiths' 'PAT NAME' shared one panel)
_PATIENT_NUMBERS = frozenset(
    person + word
    for person in ("pat", "pt", "patient", "patienten", "paciente", "patiente")
    for word in ("id", "no", "nr", "num", "number", "nummer", "numero", "número", "mrn")
)  # (not 'PID': HL7's set id, 1 on every row, merged people under it: review)
_NAME_WORDS = ("name", "nom", "nombre", "naam")
#: A patient column's names that may hold a name as well as an id ('Patient': 'DOE, JANE')
_PERSON_OR_NAME = frozenset(
    {"patient", "paciente", "paziente", "patiënt", "pacjent", "pasient", "potilas", "pacient"}
)
#: A patient column's names that only an id has
_PATIENT_ID_WORDS = frozenset(
    {"mrn", "nhc", "patientid", "idpaciente", "idpaziente", "patientenid", "pasientid",
     "patientno", "patientnumber", "patientennummer", "patnr", "ipp", "hastano"}
) | _PATIENT_NUMBERS  # fmt: skip


def _id_beside_person(one: str, other: str) -> bool:
    """Whether of two patient columns one is named as an id only has ('MRN') and the other as a
    person ('Patient'), who may be written by name."""
    keys = {_header_key_of(one), _header_key_of(other)}
    return bool(keys & _PERSON_OR_NAME) and bool(keys & _PATIENT_ID_WORDS)


#: A class's names of the person a made-up panel is for (`_map_header`)
_CLASS_PERSON = frozenset({"student", "pupil", "studentname", "studentid", "pupilname"})
#: Weak names of a marker column read only beside a value column (not in a wide file)
_MARKER_ONLY_BESIDE_A_VALUE = frozenset(
    {"item", "testitem", "itemname", "analisi", "examen", "untersuchung"}
)
#: An LIS's names of the value column, read only where no other column gives the value
_OTHER_VALUE_NAMES = (
    "observationvalue", "reportedresult", "numericresult", "resultnumeric",
    # lab QA round 7: Cerner's and other LIS' names (the file was refused, or rows)
    "numericvalue", "measuredvalue", "reportedvalue", "reportableresult", "finalvalue",
    "ordnumvalue",  # Epic Clarity's number beside ORD_VALUE, 9999999 where that is words
    # Italian (lab QA round 14: refused, 'no value column'); beside 'Risultato' it is the
    # outcome in words ('Alto': review, the file was refused)
    "esito",
    # the result as text: '>500' or 'Hemolyzed' where the number column says 0 (lab QA round
    # 13: judged as a normal 0); read before a number column (`_NUMBER_COLUMNS`)
    # (not 'Result Text', which may be the lab's words about a result)
    "textresult",
    # STARLIMS' result, LabCorp's portal's (lab QA round 13: refused, 'no value column'); the
    # weakest (`_WEAKEST_VALUES`)
    "final", "currentresultandflag", "currentresult",
)  # fmt: skip
#: Value names read after every other one: a 'Final' or 'Current Result' column may hold a
#: status (Y/N) beside 'Numeric Result' (review: it took the value's role, every row refused)
_WEAKEST_VALUES = frozenset({"final", "currentresult"})
#: Value columns of the number alone, beside one of the result as written ('Text Result'),
#: which is read instead: some LIS write 0 there where the result is words or '>500'
_NUMBER_COLUMNS = frozenset(
    {"numericresult", "resultnumeric", "numericvalue", "ordnumvalue", "numericresults"}
)
#: A mean of a sample's replicates: its value only where no other column gives one
_REPLICATES_MEAN = (
    "calcconcmean", "calculatedconcentrationmean", "mean", "meanconc", "meanconcentration",
    "calcmean",  # Ella's (lab QA round 7)
    "calculatedmean", "concmean", "concentrationmean",  # lab QA round 8: one word apart
    "avgconc", "averageconc", "averageconcentration", "average",
)  # fmt: skip
#: Weak names of a value column taken only beside a marker column (a wide file's 'Mean' or
#: 'Average' is its own figure, ignored as before), and after any other value column
_NAMES_OF_A_LONG_VALUE = frozenset((*_REPLICATES_MEAN, *_OTHER_VALUE_NAMES))
_WEAK_ROLE_OF = {
    "probe": "sample_id", "concentration": "value", "conc": "value",
    # eClinicalWorks' analyte beside its 'Observation Value' (lab QA round 14: refused, 'no
    # marker column'); weak, as a file with a 'Test' column may keep remarks under it
    "observation": "marker",
    # Bio-Plex Manager's reportable value ('OOR <', 'OOR >' past the standard curve): a file
    # may keep it alone (lab QA round 10: refused, 'no value column'); beside 'Obs Conc' that
    # is read, as before
    "concinrange": "value",
    # MSD's, Ella's and Simoa's summary files give the mean alone (lab QA: refused as 'no
    # value column'); beside a column of each replicate's value, those are read, as before
    **dict.fromkeys(_REPLICATES_MEAN, "value"),
    # A note beside the result (lab QA: 'Notes' was unread, a 'hemolyzed' caveat lost beside a
    # high IL-6); weak, as beside a 'Comment' column (read as before) it may be the order's
    **dict.fromkeys(("note", "notes", "resultnote", "resultnotes", "labnote", "labnotes",
                     "anmerkung", "anmerkungen", "hinweis", "nota", "notas"), "comment"),
    # REDCap's and CDISC's subject (lab QA: three subjects' rows made one panel)
    **dict.fromkeys(_STUDY_IDS, "patient_id"),
    # Names another column of the role may stand beside, which is then read (review: as
    # strong names, 'Result' beside 'Numeric Result' refused the file as two value columns):
    # an LIS's test description and values (lab QA: refused as 'no header'), a study's visit
    # date (lab QA: a subject's visits made no trend), Dutch 'Monster' (the sample, or the
    # material beside 'Monsternummer')
    **dict.fromkeys(("testdescription", "observationname", "observationidentifier",
                     "testcode", "assayname"), "marker"),  # Immulite's, Alinity's (lab QA)
    # Mindray's and Maglumi's, Italian (lab QA round 14: refused, 'no marker column'); weak, as
    # an 'Item' may be a line number beside 'Test' (review: the file was refused)
    **dict.fromkeys(_MARKER_ONLY_BESIDE_A_VALUE, "marker"),
    # Cerner PathNet's test beside its 'Orderable' (the panel; lab QA round 13: refused)
    "detailprocedure": "marker",
    # HL7 v2's names of OBX fields as CSV headers (lab QA: the lab's range and the date unread)
    **dict.fromkeys(("observationdatetime", "observationdate", "datetimeoftheobservation",
                     "datetimeofobservation"), "collected_at"),  # (OBX-14 by name: QA round 21)
    "referencesrange": "reference_range",
    **dict.fromkeys(_OTHER_VALUE_NAMES, "value"),
    **dict.fromkeys(("visitdate", "dateofvisit", "visitdatetime"), "collected_at"),
    "monster": "sample_id",
    "type": "sample_type", "welltype": "sample_type",
    "donor": "patient_id", "pid": "patient_id",
    # Rarer names of a flag column: beside a known one ('Abnormal Flag' and 'Lab Flag') the
    # file is read as before, not refused as naming two flag columns (QA).
    # 'H/L Flag' keeps its '/': as header noise it made 'Date/Time' a second collection date.
    "h/lflag": "lab_flag", "flagh/l": "lab_flag", "labflag": "lab_flag",
    **dict.fromkeys(_SLASHED_FLAGS, "lab_flag"),  # QA: not read
    "labflags": "lab_flag", "abnflag": "lab_flag", "abnflags": "lab_flag",
    "kennzeichen": "lab_flag",
    # QA: Epic's 'Abnormal?' and HL7's interpretation (OBX-8) were ignored, and the lab's
    # 'Critical' with them
    **dict.fromkeys(("abnormal", "abnormal?", "abn", "abn?", "abnormalindicator",
                     "interpretation", "interpretationcode", "resultinterpretation",
                     "interprétation", "bewertung"), "lab_flag"),
    # QA: 'Patient Sex', 'Sex (M/F)', 'Age (y)', 'Patient DOB' were not read; weak, so that
    # beside 'Gender', 'Age' or 'DOB' the file is read as before (review: it was refused)
    **dict.fromkeys(("patientsex", "patientgender", "sexm/f", "sexf/m", "gender(m/f)",
                     "genderm/f", "sexatbirth", "geschlechtm/w", "geschlechtw/m"), "sex"),
    **dict.fromkeys(("agey", "ageyr", "ageinyears", "ageatcollection", "patientagey",
                     "patientageyears", "alterjahre", "alterinjahren"), "age"),
    **dict.fromkeys(("patientdob", "patientbirthdate", "patientdateofbirth"), "birth_date"),
    # HL7-style 'REF' and German 'Norm' (lab QA: not read); weak, as a bare 'Ref' may also be
    # a lab's own number beside a range column
    "ref": "reference_range", "norm": "reference_range",
    "referenz": "reference_range",  # German (lab QA round 21: 'not a known field')
    # Romanian LIS's flag (lab QA round 19); weak, as an English export may have 'Indicator'
    # beside its 'Flag' (review: the file was refused, two flag columns)
    "indicator": "lab_flag",
    # The specimen's material (lab QA: a CSF's and a joint fluid's IL-6 were judged by a
    # plasma range, with no word); weak, beside a 'Sample Type' that may say the same
    **dict.fromkeys(("samplematrix", "matrix", "specimenmatrix", "material",
                     "probenmaterial", "untersuchungsmaterial", "matériel", "materiel",
                     "typedéchantillon", "typedechantillon", "tipodemuestra", "tipomuestra",
                     "specimensource", "samplesource", "fluid", "samplefluid", "bodyfluid",
                     # lab QA round 11: a CSF's IL-6 was judged by a blood range
                     "tipodicampione", "materiale", "materiaal", "monstertype", "monstersoort",
                     "tipodeamostra", "materialbiológico", "materialbiologico", "muestratipo",
                     "natureduprélèvement", "natureduprelevement", "typed'échantillon",
                     "typed'echantillon", "typed’échantillon"),
                    "specimen"),
    # lab QA round 11: Italian 'U.M.' (unità di misura); Dutch, Italian, Portuguese and French
    # flag columns
    "um": "unit",
    # ... and a request's number, as Spanish, French, Italian, Dutch and Portuguese LIS name the
    # sample, and a chart's number, the patient (two patients' rows made one panel); weak, as
    # beside a specimen's number or a patient's name they are another number (review 54: the
    # file was refused as naming two sample id columns)
    **dict.fromkeys(
        (*(number + word
           for number in ("nº", "n°", "no", "nr", "num", "numero", "número", "numéro")
           for word in ("petición", "peticion", "depetición", "depeticion", "dedemande",
                        "demande", "richiesta", "accettazione", "pedido", "dopedido")),
         "labnummer", "aanvraagnummer", "petición", "peticion"),
        "sample_id",
    ),
    **dict.fromkeys(
        (*(number + word
           for number in ("nº", "n°", "no", "nr", "num", "numero", "número", "numéro")
           for word in ("historia", "dossier", "processo", "utente")),
         "historiaclínica", "historiaclinica", "codicepaziente", "prontuário", "prontuario",
         "ipp"),
        "patient_id",
    ),
    **dict.fromkeys(("vlag", "indicatore", "anomalia", "sinalizador", "indicateur"), "lab_flag"),
    # lab QA round 12: Swedish, Polish, Norwegian; Polish 'Norma' is the lab's range
    **dict.fromkeys(("avvikelse", "flaga", "flagg"), "lab_flag"),
    "norma": "reference_range",
    # the UK's NHS number, the person where no other column names one (not a surname: two
    # Smiths are not one person)
    **dict.fromkeys(("nhsnumber", "nhsno"), "patient_id"),
    # national person numbers: Swedish, Danish, Finnish, Czech
    **dict.fromkeys(("personnummer", "cprnr", "cprnummer", "henkilötunnus", "rodnéčíslo",
                     "rodnecislo"), "patient_id"),
}  # fmt: skip
#: A header of a person word and a word for an id or name, in either order and with a joining
#: word between ('Patient Code', 'Pt Name', 'Case ID', 'Nombre del paciente', 'Nom du
#: patient'), names a person, as `_WEAK_ROLE_OF` reads it (QA: 'Patient Code' was ignored, and
#: Anna's and Ben's results shared a panel). A rule, not a list of headers seen: as keys (see
#: `header_key`), so a header is still looked up once.
_PERSON_WORDS = (
    "patient", "pat", "pt", "subject", "participant", "donor", "case", "person",
    "patienten", "patiente", "paciente",  # German, French, Spanish
)  # fmt: skip
_NOT_AFTER = frozenset({"pt", "pat", "case"})
_ID_WORDS = (
    "id", "code", "number", "no", "nr", "num", "name", "fullname", "identifier", "mrn", "mrnid",
    "nummer", "kennung", "nom", "numéro", "numero", "nombre", "número", "código", "codigo",
)  # fmt: skip
_WEAK_ROLE_OF |= {
    key: "patient_id"
    for person in _PERSON_WORDS
    for word in _ID_WORDS
    for key in (
        person + word,
        # 'Name of patient', 'Código paciente'; not 'ID Pt' (PT may be prothrombin time)
        *(
            word + joining + person
            for joining in ("", "de", "du", "del", "des", "der", "of")
            if person not in _NOT_AFTER
        ),
    )
    if key not in _ROLE_OF
}
# A sample word and a word for an id ('Sample Barcode', Simoa's; 'Tube Label'): the sample's
# id where no other column is (QA: Simoa's 'Sample Barcode' was not read, and every patient's
# results shared one panel). Not a code ('Specimen Code' SER, 'Sample Code' EDTA: the tube's
# kind), nor a tube's or aliquot's number (1 in every row): review, patients were merged.
_WEAK_ROLE_OF |= {
    sample + word: "sample_id"
    for sample, words in (
        ("sample", ("barcode", "label", "id", "identifier", "no", "nr", "number")),
        *(
            (kind, ("barcode", "label", "id", "identifier"))
            for kind in ("specimen", "tube", "vial", "aliquot")  # review: 'Aliquot ID' too
        ),
    )
    for word in words
    if sample + word not in _ROLE_OF
}
#: A header of a marker's name and 'Level' ('IL-6 Level'), with no unit
_LEVEL_AFTER = lazy_pattern(r"(?P<name>.+?)[\s_-]+levels?", re.IGNORECASE)


def _names_a_marker(name: str) -> bool:
    """`explain.names_a_marker`, imported when a header first asks (it reads the bundled sets)."""
    from panelcli.explain import names_a_marker

    return names_a_marker(name)


#: A dilution's column, said not to be applied to the values beside it
_DILUTION_NAMES = frozenset({
    "dilution", "dilutionfactor", "dil", "dilfactor", "dilutionratio", "dilutionprotocol",
    "verdünnung", "verdünnungsfaktor", "dilución", "dilucion", "facteurdedilution",
    "df",  # lab QA round 15: "not a known field" said nothing of the values beside it
})  # fmt: skip
#: An instrument's alarm or error column (Roche cobas 'Data Alarm', Quanterix Simoa 'Errors',
#: Abbott Alinity 'Exception String', Bio-Plex 'Sampling Errors'): read as the comment column
#: where the file has none, and a result with an alarm is not judged (lab QA round 7: results
#: of a failed calibration were judged and flagged as good values)
ALARM_COLUMNS = frozenset({
    "dataalarm", "dataalarms", "alarm", "alarms", "instrumentalarm", "instrumentalarms",
    "errors", "instrumenterrors", "exceptionstring", "exception", "exceptions",
    "samplingerrors", "samplingerror", "qcwarning", "qcwarnings",
    # lab QA round 8: an instrument's or a run's errors and alarms under other names (not a
    # bare 'Warning', which an LIS may fill with a clinical remark, nor any '… Flag', which
    # may hold the analyzer's H or L, nor a bare 'Error', which may hold a number, ± or SD:
    # review, an IL-6 19 times the limit was indeterminate, exit 0)
    "errorcode", "errorcodes", "alarmcode", "alarmcodes", "instrumenterror",
    "analyzeralarm", "analyzeralarms", "analyzererror", "analyzererrors",
    "resultalarm", "resultalarms",
    "warningserrors", "warnings/errors",  # xPONENT's block of each well's (xponent.py)
})  # fmt: skip
_WEAK_ROLE_OF |= dict.fromkeys(ALARM_COLUMNS, "comment")
#: An alarm cell that says there is none, as a key of `says_no_alarm`
_NO_ALARM = frozenset({
    "none", "no", "n", "ok", "okay", "pass", "passed", "valid", "normal", "false", "clear",
    "null", "nil", "nan", "na", "notflagged", "nonedetected", "nonefound",
})  # fmt: skip
#: ... and as words: 'no errors', 'no issues found', '0 alarms', '0' or '00' ('0/0', '0.0')
_NONE_SAID = lazy_pattern(
    r"(?:ok)?(?:no|0+)(?:errors?|alarms?|flags?|warnings?|exceptions?|issues?|problems?)?"
    r"(?:found|detected)?"
    r"|0+"
)


def says_no_alarm(cell: str) -> bool:
    """Whether an alarm column's cell says there is no alarm: blank, a mark of none ('-'),
    a word for none ('None', 'No alarms', 'Passed', 'OK') or a count of 0 (review: 'No
    alarms', 'Passed' and '0.0' made good results indeterminate)."""
    text = cell.strip()
    if not text or is_no_value_mark(text):
        return True
    key = re.sub(r"[^a-z0-9]", "", text.casefold())  # '<none>', '#N/A' too
    if not key:  # a sign or words of other scripts ('*', '⚠', 'Ошибка'): an alarm (review)
        return text in ("[]", "{}", "()")
    if key in _NO_ALARM:
        return True
    # 'none detected', 'no issues found', '0 errors', '0/0' (second review)
    return bool(_NONE_SAID.fullmatch(key))


def _alarm_after_value(text: str | None) -> str | None:
    """An alarm column's cell right after the value: a bare number there may be the value's
    decimals ('12,5' unquoted), as a comment column's (second review: 'None' there was an
    alarm on one path and none on the other)."""
    return None if text is None or says_no_alarm(text) else _comment_after_value(text)


def _alarm_of(text: str | None) -> str | None:
    """An alarm column's cell as the row's comment: None where it says there is none."""
    return None if text is None or says_no_alarm(text) else lab_comment(text)


# Cerner's names of the test, its unit and its flag, and other LIS' (lab QA round 7: 'Event'
# was not read, and the file was refused as having no marker column); weak, as beside a
# 'Test' column an 'Order Name' or 'Event' may name the order, and only beside a value column
# (a wide file's 'Event' is a study's visit: review, the file was refused)
_MARKER_BESIDE_A_VALUE = frozenset({
    "event", "eventdisplay", "clinicalevent", "labtest", "resultname", "testperformed",
    "eventdisp",  # Cerner CCL's raw field (lab QA round 8: the file was refused)
})  # fmt: skip
_WEAK_ROLE_OF |= (
    dict.fromkeys(_MARKER_BESIDE_A_VALUE, "marker")
    | dict.fromkeys(("unitsofmeasure", "measurementunit", "measurementunits"), "unit")
    | {"normalcy": "lab_flag"}
    # Epic Clarity's and Cerner CCL's raw field names (lab QA round 8: every row was refused
    # as having no unit, and Cerner's date, flag and status were not read)
    | dict.fromkeys(("referenceunit", "resultunitsdisp", "resultunitdisp"), "unit")
    | {"eventenddttm": "collected_at", "normalcydisp": "lab_flag"}
    | {"resultstatusdisp": "result_status"}
)
# US LIS abbreviations of the accession and of the collection date (lab QA round 7: 'Acc#'
# and 'Coll Date' were ignored, and two days of one patient made one undated panel); weak,
# as beside a 'Sample ID' or 'Collection Date' they may be other numbers or dates
_WEAK_ROLE_OF |= dict.fromkeys(
    ("acc", "accno", "accnbr", "accnum", "accessionnbr", "accessionnum", "labaccession",
     "labaccessionnumber", "sid", "specid", "specimenidno", "episodeno", "episodenumber"),
    "sample_id",
) | dict.fromkeys(
    ("colldate", "colldt", "colldttm", "colldatetime", "collectdate", "collectdatetime",
     "collectiondt", "collectiondttm", "datedrawn", "dateofcollection", "speccolldt",
     "speccolldate", "speccolldttm", "drawdt", "drawdttm", "drawdatetime", "datetimedrawn",
     "clinicaleventdttm", "clinicaleventdatetime",  # Cerner's
     # lab QA round 8: Epic's Reporting Workbench and Clarity, REDCap's, and others'
     "specimentakentime", "specimentakendate", "specimntakentime", "collectioninstant",
     "samplingdate", "datesampled", "blooddrawdate", "dateofblooddraw",
     # REDCap's label of a form's field (lab QA round 16)
     "dateofsamplecollection", "dateofspecimencollection", "samplecollectiondate"),
    "collected_at",
) | dict.fromkeys(
    # lab QA round 8: Epic's 'Lab Status' (a preliminary result was shown as final) and
    # others'; weak, beside a 'Result Status' another status is the order's
    ("labstatus", "resstatus", "componentstatus", "verificationstatus", "authstatus",
     "labstatusc"),  # Clarity's '_C' category column (lab QA round 12: a preliminary as final)
    "result_status",
) | dict.fromkeys(("resultflagc", "resultflag_c"), "lab_flag") | dict.fromkeys(
    ("componentcomment", "componentcomments", "resultcommentc"), "comment"
)  # fmt: skip
# A hospital's names of the patient's record (QA: 'Medical Record Number', Epic's
# 'PAT_MRN_ID' and 'Hospital Number' were not read: three patients made one panel)
_WEAK_ROLE_OF |= dict.fromkeys(
    ("medicalrecordnumber", "medicalrecordno", "medicalrecord", "hospitalnumber", "hospitalno",
     "patiëntnummer", "patientnummer", "patientmrn"),
    "patient_id",
)  # fmt: skip
# ... and the standardized result of CDISC SDTM's laboratory domain (LBSTRESN, in the
# study's unit), and the test's code, only where the result as collected and the test's name
# are not given (see `_ROLE_OF`)
_SDTM_STANDARDIZED = {
    "lbstresc": "value", "lbstresn": "value", "lbstresu": "unit", "lbstnrlo": "range_low",
    "lbstnrhi": "range_high",
}  # fmt: skip
_WEAK_ROLE_OF |= _SDTM_STANDARDIZED | {"lbtestcd": "marker"}
#: A study's visit ('Screening', 'Day 8', REDCap's 'redcap_event_name'): where no other column
#: dates the sample, it names the collection in the date's place, so each visit is a panel of
#: its own (lab QA round 14: a subject's visits made one panel, a pattern read across them)
VISIT_KEYS = frozenset({
    "visit", "visitname", "visitlabel", "studyvisit", "avisit", "redcapeventname", "visitnumber",
    "visitnum", "visitno", "visite", "visita",
})  # fmt: skip
#: A time after a dose or a visit's start ('Pre-dose', '4h post-dose'): read after its visit
_TIMEPOINT_KEYS = frozenset({"timepoint", "timepointname", "tpt", "atpt", "nominaltime"})
_VISIT_NUMBERS = frozenset({"visitnumber", "visitnum", "visitno"})
#: Only these take the value's role over a weak 'Concentration' (MSD); another value column
#: beside it is as ambiguous as two strong ones.
_CALCULATED = {
    "calcconcentration", "calcconc", "calculatedconcentration", "calculatedconc", "obsconc",
    "observedconcentration",
}  # fmt: skip
#: What a wide export's row of the lab's ranges is labelled with, where a sample id would be.
#: (A bare 'Reference' or 'Range' is one only with ranges in it, below: a control sample may
#: well be called so.) As keys, accents off: German, French, Spanish, Italian, Portuguese and
#: Dutch labs' words too (QA: a German 'Referenzbereich' row became a sample whose ranges were
#: refused as values).
_UPPER_LIMIT_WORDS = (
    "obergrenze", "obererreferenzwert", "obererreferenzbereich", "oberergrenzwert",
    "limitesuperieure", "limitesuperieuredelanormale", "limitesuperior", "limitesuperiore",
    "bovengrens", "bovenstegrens",
)  # fmt: skip
_LOWER_LIMIT_WORDS = (
    "untergrenze", "untererreferenzwert", "unterergrenzwert", "limiteinferieure",
    "limiteinferieuredelanormale", "limiteinferior", "limiteinferiore", "ondergrens",
)  # fmt: skip
_RANGE_ROW_LABELS = {
    "referencerange", "refrange", "normalrange", "referenceinterval", "refinterval",
    "refvalues", "referencevalues", "normalvalues", "expectedvalues", "referenceranges",
    "referenzbereich", "referenzbereiche", "normbereich", "normalbereich", "referenzwert",
    "referenzwerte", "referenzintervall", "normwert", "normwerte", "normalwerte",
    "valeursdereference", "valeurdereference", "intervalledereference",
    "intervallesdereference", "valeursnormales", "valeursusuelles",
    "rangodereferencia", "rangosdereferencia", "intervalodereferencia", "valoresdereferencia",
    "valoresnormales", "rangonormal", "valoridiriferimento", "intervallodiriferimento",
    "valorinormali", "referentiewaarden", "referentiewaarde", "normaalwaarden",
    # limits, one per marker (QA: 'Upper limit,2.5,14.5' and 'ULN' became samples)
    "labrange", "labranges", "laboratoryrange", "upperlimit", "upperlimits", "lowerlimit",
    "lowerlimits", "upperlimitofnormal", "lowerlimitofnormal", "uln", "lln",
    "upperreferencelimit", "lowerreferencelimit", "referencelimit", "referencelimits", "cutoff",
    "cutoffs", "cutoffvalue", "cutoffvalues",
    # ... in German, French, Spanish, Italian, Portuguese, Dutch (lab QA round 22: such a row
    # was judged as a sample's, and the lab's limits unused)
    *_UPPER_LIMIT_WORDS, *_LOWER_LIMIT_WORDS,
}  # fmt: skip

#: Labels that are a range row's only where no marker cell holds a plain number: 'Norma' (a
#: range in Polish, Spanish or Italian exports) is also a first name a sample may be given.
_RANGE_ROW_LABELS_IF_NO_NUMBER = {"norma", "normy"}
#: Labels that are a range row's only where a filled marker cell is a range ('0-7', '<5',
#: '≤ 2.5'): a control sample may well be called 'Ref' or 'Reference', and then gives numbers
#: (QA: 'Normal,0-7,0-62' was refused as values, exit 2, and 'Ref,<7,<62' judged as a sample).
_RANGE_ROW_LABELS_IF_RANGES = {
    "normal", "normals", "norm", "ref", "refs", "reference", "references", "range", "ranges",
}  # fmt: skip
_PLAIN_NUMBER = lazy_pattern(r"^\s*[+-]?\d+(?:[.,]\d+)?\s*$")
# Bio-Plex Manager names the sample column "Description". In the wide layout no column can be
# the test's description, so it is safe to read as the sample id; in the long layout only
# beside a plate's well or Bio-Plex's coded type column (see map_header).
_WIDE_SAMPLE_ID = ("description", "sampledescription")
#: A standard's expected (nominal) concentration, as `header_key` has it (its unit off):
#: Bio-Plex's and xPONENT's 'Exp Conc'. A patient's sample has none, so a row that gives one is
#: a standard's or a control's. (MSD's 'Concentration' beside 'Calc. Concentration' is one too.)
_EXPECTED = {
    "expconc", "expconcentration", "expectedconc", "expectedconcentration", "nominalconc",
    "nominalconcentration",
}  # fmt: skip
#: A plate's well column ('Well', 'Location'): with it, a long table is an instrument's, whose
#: 'Description' is the sample (as Bio-Plex writes it), not the test's.
_WELL = ("well", "wells", "wellid", "location", "welllocation")
#: Names a long file's sample column may have that could also name something else (the
#: test's 'Name', a row's 'ID', a test's 'Description'): read as the sample id only where the
#: file has no sample or patient column and the first rows bear it out (see
#: `_sample_column_by_rows`). (A column that names a person is the patient's: `_WEAK_ROLE_OF`.)
_MAYBE_SAMPLE = (
    "name", "id", "identifier", "description", "sampledescription", "specimenname",
    # a UK LIMS's request number, a lab's id (lab QA round 12: three patients' rows made one
    # panel); not where a patient column is: a lab's one 'Lab ID' on every row would then make
    # them one sample. Not 'Lab Ref', which may be the lab's reference range (review)
    "requestno", "requestnumber", "reqno", "req", "labid",
)  # fmt: skip
#: Of those, the ones that may name a person: the patient's id where a value comes with two
#: collection dates, as no sample can.
_MAYBE_PERSON = frozenset({"name", "id", "identifier"})
_NOT_DATA = lazy_pattern(r"^\ufeff?\s*(#|sep=.\s*$)", re.IGNORECASE)
_HEADER_NOISE = lazy_pattern(r"[\s_\-.#()\[\]:]+")
_LOOKS_NUMERIC = lazy_pattern(r"^\s*[<>≤≥=]*\s*[+-]?[\d.,]+\s*$")


#: Does the reference set know this marker name? (used to recognise wide-layout headers)
#: Whether a name is a known marker's: its name in the set (so that aliases can be matched,
#: 'Interleukin-8' to 'IL-8'), or True where it is known otherwise; False (or None) if not.
KnownMarker = Callable[[str], "bool | str | None"]


def header_key(text: str) -> str:
    """A header cell as compared with the names of roles: no case, spacing or punctuation, and
    no invisible characters (a zero-width space or soft hyphen copied in with the name), and
    no encoding accident ('RÃ©sultat' is 'Résultat': QA)."""
    return _HEADER_NOISE.sub("", without_invisible(as_composed(unmangled(text)))).casefold()


class Measurement(NamedTuple):
    """One result cell as read, before interpretation (plain tuple: this is the hot path)."""

    source: str
    line: int
    column: str
    marker: str
    value: str
    unit: str | None
    sample_id: str | None
    patient_id: str | None
    collected_at: str | None
    sex: str | None
    age: str | None
    birth_date: str | None
    reference_range: str | None
    #: The detection-range words ('Above Detection Range', MSD) that made the number a bound.
    detection: str | None = None
    #: A flag column's cell as written where its flag was put after the value ('H', or '*'
    #: as 'A', 'Critical High' as 'HH'): the result's original value shows it as written.
    #: None where no flag was put there (a flag in the value is then the value cell's own).
    flag_as_written: str | None = None
    #: The person column's cell (`Layout.patient_stand_in`, 'Patient Name'), '' where blank or
    #: 'N/A'; None where the file has no such column. Two names for one sample id with no
    #: patient id are a `sample-conflict` (see `check._person_fits`).
    name: str | None = None
    #: The lab's critical low and high limit cells ('' where blank) and their columns' units;
    #: None where the row gives neither.
    critical: CriticalCells | None = None
    #: The lab's comment on the result (a long file's comment column), as one line; None where
    #: blank or there is no such column.
    comment: str | None = None
    #: The body fluid the row's specimen or sample type column names, in words (`fluid_of`):
    #: 'blood', or another ('cerebrospinal fluid (CSF)'); None where it names none.
    specimen: str | None = None
    #: An instrument's or quality control's code in the flag column ('EXP', 'HEM'; `qc_code_in`)
    #: as written: the result is not judged. None where the flag column gives none.
    qc_code: str | None = None
    #: The assay's limits the row gives in columns of their own ('LLOQ', 'ULOQ', 'LOD'), by
    #: the set's key ('lloq'), as written; None where the row gives none.
    assay_limits: dict[str, str] | None = None


class BlankCells(NamedTuple):
    """A wide file's marker cells read as 'not measured' (`cells-blank`): how many, the first
    one's line, and the marks among them that stood for none ('-', 'n/a'; the first few)."""

    cells: int = 0
    line: int | None = None
    marks: tuple[str, ...] = ()

    def then(self, later: BlankCells) -> BlankCells:
        """These and the `later` ones, as one count."""
        if not self.cells:
            return later
        marks = self.marks + tuple(m for m in later.marks if m not in self.marks)
        return BlankCells(self.cells + later.cells, self.line, marks[: MARKS_SAID + 1])


#: The marks for no value a `cells-blank` warning quotes, at most (one more kept says there
#: are more: review, the list read as complete)
MARKS_SAID = 3


class CriticalCells(NamedTuple):
    """A long row's critical limit cells as written ('' where blank or 'N/A') and the units
    their columns' headers give ('Critical High (ng/mL)'; None where none)."""

    low: str
    high: str
    low_unit: str | None = None
    high_unit: str | None = None

    def cell(self, side: str) -> str:
        """The cell of a side ('low', 'high') as written."""
        return self.low if side == "low" else self.high

    def read_as(self, side: str) -> str:
        """The cell of a side ('low', 'high') as read: with its header's unit where it is a
        number alone ('100' under 'Critical High (ng/mL)': '100 ng/mL')."""
        cell, unit = (self.low, self.low_unit) if side == "low" else (self.high, self.high_unit)
        return f"{cell} {unit}" if cell and unit and _BARE_NUMBER.fullmatch(cell) else cell


class IdsFilledDown(NamedTuple):
    """Rows whose blank id was filled in (`SampleIdFilledDown`): their count, the first one's
    line, the id it was given, and whose id that is ('sample', or 'patient' in a report with
    no sample id column)."""

    rows: int
    line: int
    given: str
    of: str


class TimesLeftOut(NamedTuple):
    """Rows whose collection time column gave no time of day ('25:00'; `DateWithTime`): their
    count, the first one's line and its time as written."""

    rows: int
    line: int
    time: str


@dataclass(slots=True)
class BlankRange:
    """A marker's rows whose range cell was blank (judged by the set's range): the first
    one's line and range column, the marker's name, and how many (`RangeCells`)."""

    line: int
    column: str
    name: str
    rows: int = 1


class RangeCells(NamedTuple):
    """A file's range cells of judged rows, by marker as written: the first lab's range used
    (its line and text: one that differs from the set's), and the blank ones (`range-missing`)."""

    printed: dict[str, tuple[int, str]]
    blank: dict[str, BlankRange]

    def then(self, later: RangeCells) -> RangeCells:
        """These and the `later` ones (a later batch's), as one file's."""
        blank = {**later.blank, **self.blank}
        for marker, rows in later.blank.items():
            earlier = self.blank.get(marker)
            if earlier is not None:  # a new one: a batch's own are not changed
                blank[marker] = BlankRange(
                    earlier.line, earlier.column, earlier.name, earlier.rows + rows.rows
                )
        return RangeCells({**later.printed, **self.printed}, blank)


@dataclass
class ReadStats:
    """What a reader saw; filled in as the file streams."""

    encoding: str = "utf-8"
    delimiter: str = ","
    layout: str = "long"
    decimal_comma: bool = False
    #: A ',' file whose first lines write ',' as the decimal mark and never '.' as the point
    #: (`decimal_comma_ahead`): read from its first row as after a row that shows it
    comma_ahead: bool = False
    #: A ';', tab or '|' file's first '.' written as the decimal point ('3.3') in its first
    #: lines (`decimal_point_ahead`): read from its first row as after a row that shows it
    point_ahead: str | None = None
    rows: int = 0
    skipped: int = 0  # rows skipped with a warning: comments, controls, a lab's range row
    measurements: int = 0
    fallback_bytes: int = 0
    #: What they were read as and the text around the first of them, to find it by, as the
    #: `encoding-fallback` warning says it after "not valid UTF-8 and"
    fallback_text: str = ""
    #: 'cp1252', or 'cp437' where the first block of text holding them is Excel's 'CSV
    #: (MS-DOS)' (`_reads_as_dos`)
    fallback_codec: str = "cp1252"
    #: A comment above the header says the file is panelcli's synthetic sample data (see
    #: `says_synthetic`): known once the header is found, for stdin and renamed copies too.
    synthetic: bool = False
    blank_cells: BlankCells = BlankCells()  # wide layout: marker cells left empty
    #: Rows whose blank sample (or patient) id was filled in (`SampleIdFilledDown`)
    ids_filled_down: IdsFilledDown | None = None
    #: Rows whose collection time was no time of day (`DateWithTime`)
    times_left_out: TimesLeftOut | None = None
    #: The judged rows' range cells (the interpreter notes them: `RangeCells`)
    range_cells: RangeCells = field(default_factory=lambda: RangeCells({}, {}))
    columns: dict[str, str] = field(default_factory=dict)
    size: int | None = None  # bytes, for a regular file (progress)
    position: Callable[[], int] | None = None  # bytes read so far (a little ahead of the rows)
    #: Input that comes as it comes (a pipe): True while no whole line is at hand, so that the
    #: rows read so far are handed on before reading waits. None for a regular file.
    waiting: Callable[[], bool] | None = None
    #: Value columns whose next column a row showed holding a number of its own (see
    #: `numbers_beside`): no longer asked for a split, for the rest of the file
    numbers_beside: set[int] = field(default_factory=set)
    #: Value columns a row was refused for as `value-split-by-comma` beside a text column
    #: (two processes: the forked one's part, to compare with what the first part learnt)
    splits_said: set[int] = field(default_factory=set)


# --- bytes --------------------------------------------------------------------------------------


def open_binary(source: str) -> BinaryIO:
    """Open a path or '-' for reading bytes; raises InputError with a plain reason."""
    if source == STDIN:
        if sys.stdin is None:  # started with standard input closed (`<&-`)
            # said after its name (not 'standard input: standard input is closed': next-step
            # QA round 21)
            raise InputError(f"{source}: closed before panelcli started; there is nothing to read")
        # (developer QA round 13: left non-blocking, the rows after a pipe's first pause were
        # lost, exit 0)
        make_waiting(sys.stdin.buffer)
        return sys.stdin.buffer
    if not source.strip():  # Path('') is the current folder: "': is a folder" would puzzle
        raise InputError(f"{source}: the file name is empty (an unset shell variable?)")
    path = Path(source)
    try:
        # the name as given: Path drops a last '/' (developer QA: 'norm.csv/' was read)
        mode = os.stat(source).st_mode
    except FileNotFoundError:
        # a pattern the shell did not expand, as in quotes (developer QA: no word of why)
        unexpanded = any(mark in source for mark in "*?[")
        hint = " (a pattern in quotes? leave the quotes off to let the shell find the files)"
        raise InputError(f"{source}: no such file{hint if unexpanded else ''}") from None
    except NotADirectoryError:
        raise InputError(
            f"{source}: no such file: a part of the name before a '/' is a file, not a folder"
        ) from None
    except OSError as exc:
        raise InputError(f"{source}: cannot read ({exc.strerror})") from None
    if stat.S_ISDIR(mode):
        folder = source.rstrip("/\\") or source
        raise InputError(f"{source}: is a folder, not a file (give its files: {folder}/*.csv)")
    # '/dev/stdin', '/dev/fd/0': a pipe given by name, as scripts do for tools that take
    # only file names (QA: /dev/stdin was refused while /dev/fd/0 was read)
    if stat.S_ISFIFO(mode) and not str(path).startswith(("/dev/fd/", "/proc/", "/dev/stdin")):
        raise InputError(f"{source}: is a named pipe; send it on standard input instead: -")
    try:
        return open(path, "rb")  # noqa: SIM115 - closed by the caller
    except PermissionError:
        raise InputError(f"{source}: permission denied") from None
    except OSError as exc:
        raise InputError(f"{source}: cannot read ({exc.strerror})") from None


class LinesAhead:
    """Whether the reader of a pipe has a whole line at hand: the line ends handed to it
    against the lines it has read (see `ReadStats.waiting`)."""

    __slots__ = ("ends", "read")

    def __init__(self) -> None:
        self.ends = 0  # line ends handed to the text layer (UTF-8 or Windows-1252)
        self.read = 0  # lines read from it

    def waiting(self) -> bool:
        """True when no whole line is at hand: reading on may wait for the pipe."""
        return self.read >= self.ends


class _Prefixed(io.RawIOBase):
    """A byte stream that first replays the bytes already read for sniffing."""

    def __init__(
        self, head: bytes, rest: BinaryIO, ahead: LinesAhead | None = None, ended: bool = False
    ) -> None:
        self._head = memoryview(head)
        if ahead is not None:  # the head's lines are at hand, in memory, from the start
            ahead.ends += _line_ends(head)
        # read1: what is there now (a pipe fed row by row); read() would wait for a full buffer.
        # `ended`: reading the head met the end, which a terminal gives once per Ctrl-D: asked
        # again, it would wait for another (QA: `check -` typed in took Ctrl-D twice).
        self._read = _at_end if ended else getattr(rest, "read1", rest.read)
        self._ahead = ahead

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: bytearray | memoryview) -> int:  # type: ignore[override]
        if self._head:
            n = min(len(buffer), len(self._head))
            buffer[:n] = self._head[:n]
            self._head = self._head[n:]
            return n
        data = self._read(len(buffer))
        n = len(data)
        buffer[:n] = data
        if self._ahead is not None:
            self._ahead.ends += _line_ends(data)
        return n


def _line_ends(data: bytes) -> int:
    """The line ends in bytes read: '\n', '\r\n' and a bare '\r' (fuzzing round 16: a pipe's
    CR-only file had no line at hand, and its columns were decided by one row, not as the same
    file named). A '\r\n' split between two reads counts twice: the reader then reads on."""
    return data.count(b"\n") + data.count(b"\r") - data.count(b"\r\n")


def _at_end(size: int) -> bytes:
    return b""


def _always_waiting() -> bool:
    return True


#: What a byte read as Windows-1252 may have meant in Mac Roman: a letter, or a sign of a
#: range or unit ('≤', '≥', 'µ')
_MAC_ROMAN_SAYS = lazy_pattern(r"[^\W\d_]|[≤≥µ±]")
#: ... where Windows-1252 reads the byte as a sign or letter rarely written ('Ÿ', 'Š', '²',
#: '§') or has none for it; not its letters of European languages (0xC0 up: 'ü', 'é'), nor
#: the quotes, dashes, '€' and '…' its files often hold
_RARE_IN_CP1252 = frozenset({
    0x81, 0x83, 0x86, 0x87, 0x88, 0x89, 0x8A, 0x8B, 0x8C, 0x8D, 0x8E, 0x8F, 0x90, 0x98, 0x9A,
    0x9B, 0x9C, 0x9D, 0x9E, 0x9F, 0xA7, 0xB2, 0xB3,
})  # fmt: skip


def _cp1252_fallback(stats: ReadStats) -> str:
    """Register an error handler that reads stray non-UTF-8 bytes as Windows-1252 (Excel)."""
    name = f"panelcli-cp1252-{id(stats)}"

    def handler(exc: UnicodeError) -> tuple[str, int]:
        assert isinstance(exc, UnicodeDecodeError)
        bad = exc.object[exc.start : exc.end]
        if not stats.fallback_bytes:
            # decided once, so that a file's bytes all read alike (lab QA round 10: its '≤ 8.1'
            # read as 'ó 8.1' left the lab's range unread)
            stats.fallback_codec = (
                "cp437" if _reads_as_dos(exc.object) else _code_page_of(exc.object)
            )
        codec = stats.fallback_codec
        read = bad.decode(codec, errors=_LATIN1_REST)
        if not stats.fallback_bytes:  # no line number is known here: quote its line's text
            stats.fallback_text = (
                f"{_CODE_PAGE_READ.get(codec, _WINDOWS_READ)}; the first is '{visible(read)}' "
                f"in '{_line_around(exc, read, codec)}'"
            )
            mac = bad.decode("mac_roman")
            if codec != "cp1252":
                stats.fallback_text += "; save the file as CSV UTF-8 to be sure"
            elif _MAC_ROMAN_SAYS.search(mac) and all(b in _RARE_IN_CP1252 for b in bad):
                # lab QA round 8: Excel for Mac's CSV ('≤' read as '²', 'ü' as 'Ÿ')
                stats.fallback_text += (
                    f", which Mac Roman (older Excel for Mac) reads as '{visible(mac)}': if that "
                    "is meant, save the file as CSV UTF-8"
                )
            elif (sign := _dos_sign(exc.object, exc.start, exc.end)) is not None:
                stats.fallback_text += (
                    f", which Excel's 'CSV (MS-DOS)' (code page 437) reads as '{sign}': if that "
                    "is meant, save the file as CSV UTF-8"
                )
        stats.fallback_bytes += len(bad)
        return read, exc.end

    codecs.register_error(name, handler)
    return name


_WINDOWS_READ = "read as Windows-1252 (the encoding older Excel versions use)"
_DOS_READ = (
    "read as code page 437, which Excel's 'CSV (MS-DOS)' writes, as signs beside numbers and "
    "names say ('≤ 8.1', 'TNF-α')"
)
#: How each code page a file's bytes may be read in is said (`_code_page_of`)
_CODE_PAGE_READ = {
    "cp437": _DOS_READ,
    "cp1250": "read as Windows-1250, in which Excel saves CSV in Central European languages, as "
    "its letters say ('ł', 'ř', 'ą')",
    "cp1251": "read as Windows-1251, in which Excel saves CSV in Cyrillic, as its words say",
    "mac_roman": "read as Mac Roman, in which older Excel for Mac saves CSV, as its lines ending "
    "in CR alone and its signs say ('≤ 8.1')",
}

#: Bytes Windows-1252 reads as a sign and Windows-1250 as a letter of a Central European
#: language ('³' 'ł', '¹' 'ą', '£' 'Ł', '¯' 'Ż', '¿' 'ż', '¥' 'Ą', '¼' 'Ľ', '¾' 'ľ', 0x8F 'Ź')
_CP1250_SIGNS = frozenset({0xB3, 0xB9, 0xA3, 0xAF, 0xBF, 0xA5, 0xBC, 0xBE, 0x8F})


def _code_page_of(data: bytes) -> str:
    """The code page of the bytes of `data` that are not UTF-8: Windows-1251, -1250 or Mac
    Roman where they show it (`_CODE_PAGE_READ`), else Windows-1252 (lab QA round 13)."""
    runs = [m.span() for m in re.finditer(rb"[\x80-\xff]+", data)]
    letters = sum(1 for start, end in runs if end - start >= 3 and min(data[start:end]) >= 0xC0)
    if letters >= 2 and letters * 2 >= len(runs):
        return "cp1251"

    def between_letters(at: int) -> bool:
        before, after = data[at - 1 : at], data[at + 1 : at + 2]
        return (before.isalpha() or before >= b"\x80") and (after.isalpha() or after >= b"\x80")

    # (not Czech's 'ř' 'č' 'ě' 'ů' beside 'š' 'ž': Windows-1252 has them as 'ø' 'è' 'ì' 'ù',
    # and a Norwegian file with one 'Nataša' in it was read as Windows-1250: review)
    lone = [start for start, end in runs if end - start == 1 and start > 0]
    if any(data[at] in _CP1250_SIGNS and between_letters(at) for at in lone):
        return "cp1250"
    if b"\r" in data and b"\n" not in data and re.search(rb"[\xb2\xb3] ?\d", data):
        return "mac_roman"  # '≤' and '≥' before a number, which Windows-1252 reads '²' '³'
    return "cp1252"


#: Signs and Greek letters of code page 437, which Excel's 'CSV (MS-DOS)' writes, by byte
#: ('≤' 0xF3, which Windows-1252 reads as 'ó'), and what must be beside them to be read so
_DOS_SIGNS = {0xF3: "≤", 0xF2: "≥", 0xF1: "±", 0xE0: "α", 0xE1: "β", 0xE6: "µ"}


def _dos_sign(data: bytes, start: int, end: int) -> str | None:
    """The sign or Greek letter a lone byte is in code page 437 where what is beside it says
    it is one ('≤' before a number, 'α' after 'TNF-', 'µ' before 'g/'); else None (lab QA
    round 10: '≤ 8.1' read as 'ó 8.1' dropped the lab's range, 'IL-1ß' was 'IL-1á')."""
    if end - start != 1:
        return None
    sign = _DOS_SIGNS.get(data[start])
    after = bytes(data[end : end + 3]).lstrip(b" ")
    before = bytes(data[max(0, start - 1) : start])
    two_before = bytes(data[max(0, start - 2) : start])
    if (
        sign in ("≤", "≥", "±")
        and after[:1].isdigit()
        and not before.isalpha()  # 'repitió 2'
        and not (before == b" " and two_before[:1].isdigit())  # '1 ó 2' (review 54)
    ):
        return sign
    if sign in ("α", "β") and (before == b"-" or before.isdigit()):
        return sign
    if sign == "µ" and after[:1] in (b"g", b"l", b"L", b"m") and not before.isalpha():
        return sign  # (not 'hæmolyseret': review 54)
    return None


def _windows_sign(data: bytes, start: int) -> bool:
    """Whether a lone byte is a sign Windows-1252 writes by what is beside it, where code
    page 437 has a box's line: 'µg', '37°C', '5°', 'Nº', '1ª', 'm²', '10³' (review 54: a
    Windows-1252 file with 'µg/L' was read as 437, its unit '╡g/L' refused)."""
    byte = data[start]
    before = bytes(data[max(0, start - 1) : start])
    after = bytes(data[start + 1 : start + 2])
    if byte == 0xB5:  # µ
        return after in (b"g", b"l", b"L", b"m", b"U", b"u")
    if byte == 0xB0:  # °
        return before.isdigit() or after in (b"C", b"F")
    if byte in (0xBA, 0xAA, 0xB2, 0xB3):  # º ª ² ³
        return before.isalnum()
    return False


def _line_around(exc: UnicodeDecodeError, read: str, codec: str = "cp1252") -> str:
    """Up to 20 bytes of the line on each side of the bytes `exc` is about (read as `read`)."""
    before = bytes(exc.object[max(0, exc.start - 20) : exc.start])
    after = bytes(exc.object[exc.end : exc.end + 20])
    # Read as the file is read (other odd bytes near it in the same code page too), not as
    # '\ufffd'. Only the cell (docs/safety.md, Privacy): cut at a line end or at any delimiter,
    # as which one the file uses may not be known yet when its first bytes are read.
    errors = _reading_as(codec)
    left = _CELL_END.split(before.decode("utf-8", errors))[-1]
    right = _CELL_END.split(after.decode("utf-8", errors), 1)[0]
    return visible(left + read + right)


#: Windows-1252's letters (not its quotes and dashes), which a word of a European language
#: holds after a letter ('Muñoz', 'Peña', 'José'), where code page 437 has Greek letters,
#: signs and box lines
_CP1252_LETTERS = frozenset({
    0x83, 0x8A, 0x8C, 0x8E, 0x92, 0x9A, 0x9C, 0x9E, 0x9F, *range(0xC0, 0xD7), *range(0xD8, 0xF7),
    *range(0xF8, 0x100),
})  # fmt: skip


def _reads_as_dos(data: bytes) -> bool:
    """Whether the bytes of `data` that are not UTF-8 are code page 437's: one at least a sign
    by what is beside it (`_dos_sign`), and none a Windows-1252 letter after a letter."""
    signs = 0
    for run in re.finditer(rb"[\x80-\xff]+", data):  # once a file at most: not compiled ahead
        start, end = run.span()
        if end - start > 1:
            try:
                run.group().decode("utf-8")
                continue  # UTF-8's own: 'é' as two bytes
            except UnicodeDecodeError:
                return False  # not the lone bytes of an 8-bit code page between ASCII
        if _dos_sign(data, start, end) is not None:
            signs += 1
        elif (
            _windows_sign(data, start)
            or (
                data[start] in _CP1252_LETTERS
                and data[start] != 0xE1  # 'á' in Windows-1252, German 'ß' in 437 ('Groß')
                and data[start - 1 : start].isalpha()
            )
        ):
            return False
    return signs > 0


_CELL_END = lazy_pattern(r"[\r\n,;\t|]")


@functools.cache
def _reading_as(codec: str) -> str:
    """The name of an error handler that reads bytes that are not UTF-8 in `codec`."""

    def handler(exc: UnicodeError) -> tuple[str, int]:
        assert isinstance(exc, UnicodeDecodeError)
        return exc.object[exc.start : exc.end].decode(codec, errors=_LATIN1_REST), exc.end

    name = f"panelcli-as-{codec}"
    codecs.register_error(name, handler)
    return name


def _as_latin1(exc: UnicodeError) -> tuple[str, int]:
    """The five bytes Windows-1252 leaves unused (0x81, 0x8D …) as Latin-1 reads them: C1
    controls, shown as '\\x81'; one '\ufffd' for all merged two sample ids (QA)."""
    assert isinstance(exc, UnicodeDecodeError)
    return exc.object[exc.start : exc.end].decode("latin-1"), exc.end


_LATIN1_REST = "panelcli-latin1-rest"
codecs.register_error(_LATIN1_REST, _as_latin1)


#: Stands for UTF-16 bytes that are not text, so that `_lines` can name the line they are
#: on (a strict decoder fails a whole block of lines, losing the good ones before them): a
#: code point no lab file holds (the last one of the last private-use plane).
UNDECODABLE_MARK = "\U0010fffd"
_UNDECODABLE = "panelcli-undecodable"


def _mark_undecodable(exc: UnicodeError) -> tuple[str, int]:
    assert isinstance(exc, UnicodeDecodeError)
    return UNDECODABLE_MARK, exc.end


codecs.register_error(_UNDECODABLE, _mark_undecodable)


def _detect_encoding(head: bytes, source: str) -> str:
    binary = binary_kind(head)
    if binary is not None:
        what, advice = binary
        raise InputError(f"{source}: this is {what}, not CSV text; {advice}")
    if head.startswith(codecs.BOM_UTF8):
        return "utf-8-sig"
    sample = head[:4096]
    # before UTF-16's: UTF-32's little-endian BOM starts with it (QA: read so, its NULs made a
    # report of rows and columns that were not there)
    if is_utf32(sample):
        raise InputError(
            f"{source}: this is UTF-32 text, which panelcli does not read; save it as UTF-8"
        )
    if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return "utf-16"
    if sample and sample.count(b"\x00") * 4 > len(sample):
        # Many NULs: UTF-16 without a BOM (ASCII text has a NUL in every other byte, and
        # only there: NULs at both positions mean binary data).
        odd, even = sample[1::2].count(0), sample[0::2].count(0)
        if odd > len(sample) // 4 and even <= len(sample) // 16:
            return "utf-16-le"
        if even > len(sample) // 4 and odd <= len(sample) // 16:
            return "utf-16-be"
        raise InputError(f"{source}: this looks like a binary file, not CSV text")
    # Text has few control bytes; random or packed data has many (one byte in nine), QA: 256
    # bytes of every value got "no header" rather than "binary"
    controls = len(sample) - len(sample.translate(None, _CONTROL_BYTES))
    if controls > max(16, len(sample) // 20):  # a short file's few escape codes are text
        raise InputError(f"{source}: this looks like a binary file, not CSV text")
    return "utf-8"


# Not tab, LF, CR, nor what text files do hold: FileMaker's in-cell line break (VT), a form
# feed, DOS's end-of-file mark (QA: a comment column of VT breaks was called binary)
_CONTROL_BYTES = bytes([*range(0x09), *range(0x0E, 0x1A), *range(0x1B, 0x20), 0x7F])


def open_text(
    source: str, stats: ReadStats
) -> tuple[BinaryIO, io.TextIOWrapper, LinesAhead | None]:
    """Open a source as text with the detected encoding; the first value is closed by the
    caller. Fills in `stats`: the size of a regular file, or `waiting` for any other source,
    whose whole lines at hand the third value counts (pass it to `_lines`)."""
    raw = open_binary(source)
    try:
        try:
            head, ended = _read_head(raw)
        except OSError as exc:
            raise InputError(f"{source}: cannot read ({exc.strerror})") from None
        if not head.strip(b" \t\r\n\x00\xef\xbb\xbf\xff\xfe"):
            # UTF-16 blank lines are half NULs at most; NULs alone are no text (QA: 'empty')
            if head.count(0) * 4 > len(head) * 3:
                raise InputError(f"{source}: this looks like a binary file, not CSV text")
            # a file of blank lines is not 'empty' to `wc -l` (lab QA), and one whose blank
            # lines go on past what is looked at may hold a header below them (review)
            blank = head.strip(b"\x00\xef\xbb\xbf\xff\xfe")
            if blank and not ended:
                raise InputError(
                    f"{source}: the first {len(head) // 1024:,} KiB of the file are blank "
                    "lines; panelcli looks for the header there: remove the blank lines"
                )
            raise InputError(
                f"{source}: the file has only blank lines, no header or rows"
                if blank
                else f"{source}: the file is empty"
            )
        stats.encoding = _detect_encoding(head, source)
    except InputError:
        if source != STDIN:  # stdin stays open: '-' may be given again
            raw.close()
        raise
    utf16 = stats.encoding.startswith("utf-16")
    errors = _UNDECODABLE if utf16 else _cp1252_fallback(stats)
    ahead = None
    size = _regular_file_size(raw)
    if size is not None:  # read at full speed; its size and position show progress
        stats.size, stats.position = size, raw.tell
    else:
        # A row from a pipe is handed on as soon as no whole line is at hand. Counting '\n'
        # bytes is sound where no other character holds that byte: not in UTF-16.
        ahead = None if utf16 else LinesAhead()
        stats.waiting = _always_waiting if ahead is None else ahead.waiting
    buffered = io.BufferedReader(_Prefixed(head, raw, ahead, ended), buffer_size=HEAD_BYTES)
    text = io.TextIOWrapper(buffered, encoding=stats.encoding, errors=errors, newline="")
    return raw, text, ahead


#: How long a pipe may pause, once a line has come, before panelcli goes on with what it has
#: (a feed written row by row, `tail -f`; QA: nothing was written until it closed)
PIPE_PAUSE = 0.25


def _read_head(raw: BinaryIO) -> tuple[bytes, bool]:
    """The first bytes, to find the encoding, delimiter and header in (HEAD_BYTES of them, or
    fewer where a pipe pauses after a line); and whether they are the whole input."""
    fd = _pipe_fd(raw)
    read1 = getattr(raw, "read1", None)
    if fd is None or read1 is None:  # a file (or a stream in memory): a short read is its end
        head = raw.read(HEAD_BYTES)
        return head, len(head) < HEAD_BYTES
    chunks: list[bytes] = []
    size = 0
    while size < HEAD_BYTES:
        # a pause after a line: go on with it (bytes the reader holds are read on later)
        if chunks and _head_has_lines(b"".join(chunks)) and not _comes_soon(fd):
            return b"".join(chunks), False
        data = read1(HEAD_BYTES - size)  # what is at hand, waiting only while there is none
        if not data:
            return b"".join(chunks), True
        chunks.append(data)
        size += len(data)
    return b"".join(chunks), False


def _enough_to_go_on(
    head_lines: list[str], known_marker: KnownMarker, source: str
) -> tuple[str, int, Layout] | None:
    """The header found (`_find_header`) where the lines a paused pipe gave are as good as
    more to read the file by: the header and a row after it (a wide file's units or figures
    row is read from it), where no column is told by its rows (review: a pipe that paused
    after a comment line refused a file, and one after the header put every row of a 'Name'
    column's samples in one panel); else None."""
    try:
        found = _find_header(head_lines, known_marker, source)
    except InputError:
        return None
    _, header_end, layout = found
    rows = any(line.strip() for line in head_lines[header_end:])
    return found if rows and layout.maybe_sample is None else None


def _head_has_lines(head: bytes) -> bool:
    """Whether the bytes read so far hold a header and a row: two lines with text."""
    return sum(1 for line in re.split(rb"\r\n|\r|\n", head)[:-1] if line.strip()) >= 2


def _pipe_fd(raw: BinaryIO) -> int | None:
    """The file descriptor of a pipe or terminal; None for a file or a stream in memory."""
    try:
        fd = raw.fileno()
        regular = stat.S_ISREG(os.fstat(fd).st_mode)
    except (OSError, ValueError, io.UnsupportedOperation):
        return None
    return None if regular else fd


def _comes_soon(fd: int) -> bool:
    """Whether more input is at hand within PIPE_PAUSE (True where that cannot be told)."""
    import select

    try:
        return bool(select.select([fd], [], [], PIPE_PAUSE)[0])
    except (OSError, ValueError):  # select cannot wait on this (a pipe on Windows)
        return True


def _regular_file_size(raw: BinaryIO) -> int | None:
    """The size of a regular file; None for a pipe, a device or a stream in memory."""
    try:
        info = os.fstat(raw.fileno())
    except (OSError, ValueError, io.UnsupportedOperation):  # a stream in memory
        return None
    return info.st_size if stat.S_ISREG(info.st_mode) else None


def _lines(
    text: io.TextIOWrapper, source: str, max_line: int, ahead: LinesAhead | None = None
) -> Iterator[str]:
    """Physical lines, failing fast (without reading it all) on a line longer than max_line
    or holding bytes that are not text (UTF-16); `ahead` counts them (see `LinesAhead`)."""
    if ahead is None and text.errors != _UNDECODABLE:  # a regular file, not UTF-16
        # A generator that hands on a line at a time costs a tenth of reading a row.
        return itertools.chain.from_iterable(_line_lists(text, source, max_line))
    return _lines_one_by_one(text, source, max_line, ahead)


def _lines_one_by_one(
    text: io.TextIOWrapper, source: str, max_line: int, ahead: LinesAhead | None
) -> Iterator[str]:
    """`_lines` a line at a time: a pipe's, each as soon as it comes, and UTF-16's (whose
    undecodable bytes are marked, to name their line)."""
    readline = text.readline
    marked = text.errors == _UNDECODABLE
    number = 0
    try:
        while True:
            # + 2: a line of max_line characters and its '\r\n' come whole (read with less, its
            # '\n' would come alone, as one more line, and shift the numbers after it)
            line = readline(max_line + 2)
            if not line:
                return
            if line == "\x1a":  # DOS's end-of-file mark after the last line: no row (QA)
                return
            number += 1
            if ahead is not None:
                ahead.read = number
            if len(line) > max_line and len(line.rstrip("\r\n")) > max_line:
                raise _too_long(source, number, max_line)
            if marked and UNDECODABLE_MARK in line:
                raise InputError(
                    f"{source}: the text from line {number} on is not valid {text.encoding} "
                    "(is the file damaged?)",
                    line=number,
                )
            yield line
    except UnicodeDecodeError as exc:
        raise _not_text(source, number, exc) from None
    except OSError as exc:  # e.g. a disk or network share failing mid-file
        raise _unreadable(source, number, exc) from None


#: Bytes decoded at a time by `_line_lists`: TextIOWrapper's own chunk, so that the bytes a
#: Windows-1252 fallback quotes (`_line_around`) are cut from the same blocks.
_CHUNK = 8192


def _line_lists(text: io.TextIOWrapper, source: str, max_line: int) -> Iterator[list[str]]:
    """`_lines` of a regular file (not UTF-16), in lists: each block of bytes as
    `text.readline` would read it (the same chunks, decoded alike), split into lines as it
    splits them; a line that is not whole yet waits for the next block."""
    buffer: io.BufferedIOBase = text.buffer  # type: ignore[assignment]
    read = buffer.read1
    decoder = codecs.getincrementaldecoder(text.encoding)(text.errors or "strict")
    number = 0  # lines handed on
    # The start of a line whose end is not read yet, in pieces: a line over many blocks is
    # joined once, not again at each block (review: 32M characters took 8.6 s, not 0.04 s).
    tail: list[str] = []
    held = 0  # its length
    try:
        while True:
            chunk = read(_CHUNK)
            new = decoder.decode(chunk, not chunk)
            if chunk and tail and not tail[-1].endswith("\r") and _no_line_end(new):
                tail.append(new)
                held += len(new)
                if held > max_line + 1:
                    raise _too_long(source, number + 1, max_line)
                continue
            block = "".join(tail) + new if tail else new
            if chunk:
                # after the last line end; not a final '\r', whose '\n' may come next
                cut = max(block.rfind("\n"), block.rfind("\r", 0, len(block) - 1)) + 1
                rest = block[cut:]
                tail, held = ([rest] if rest else []), len(rest)
                lines = io.StringIO(block[:cut], newline="").readlines() if cut else []
            else:
                lines = io.StringIO(block, newline="").readlines()
                if lines and lines[-1] == "\x1a":  # DOS's end-of-file mark: no row (QA)
                    lines.pop()
            if lines and max(map(len, lines)) > max_line:
                for index, line in enumerate(lines):
                    if len(line) > max_line and len(line.rstrip("\r\n")) > max_line:
                        yield lines[:index]
                        raise _too_long(source, number + index + 1, max_line)
            number += len(lines)
            yield lines
            if not chunk:
                return
            if held > max_line + 1:  # no line end in it but a final '\r': too long
                raise _too_long(source, number + 1, max_line)
    except UnicodeDecodeError as exc:
        raise _not_text(source, number, exc) from None
    except OSError as exc:
        raise _unreadable(source, number, exc) from None


def _no_line_end(text: str) -> bool:
    """Whether `text` ends no line, but for a final '\r' (whose '\n' may come next)."""
    return "\n" not in text and "\r" not in text[:-1]


def _too_long(source: str, number: int, max_line: int) -> InputError:
    return InputError(
        f"{source}: line {number} is longer than {max_line:,} characters; this does "
        "not look like a lab export (raise the limit with --max-line-length); it and "
        "every line after it were not read",
        line=number,
    )


def _not_text(source: str, number: int, exc: UnicodeDecodeError) -> InputError:
    # Text is decoded in blocks, so the bad bytes are on this line or a later one.
    return InputError(
        f"{source}: the text from line {number + 1} on is not valid {exc.encoding} "
        "(is the file damaged?)"
    )


def _unreadable(source: str, number: int, exc: OSError) -> InputError:
    return InputError(f"{source}: cannot read line {number + 1} ({exc.strerror})")


# --- structure ----------------------------------------------------------------------------------


class Layout(NamedTuple):
    """How the header maps columns to roles."""

    kind: str  # "long" or "wide"
    roles: dict[str, int]  # role → column index
    markers: dict[int, tuple[str, str | None]]  # wide: column index → (marker, unit from header)
    ignored: list[str]
    #: wide: column index → why its cells cannot be read (the header and the units row give
    #: different units: a value read with either could be 1000 times off)
    refused: dict[int, str] = {}
    #: Columns with no name, whose values cannot be read (said of the first one met)
    unnamed: tuple[int, ...] = ()
    #: The sample type is Bio-Plex's 'Type' column, whose one-letter codes are its own
    #: ('B' a blank well); in an LIS's 'Sample Type', 'B' may be blood, 'S' serum.
    coded_types: bool = False
    #: wide: the headers of columns that belong to one value ('Reference range', 'Flag'),
    #: which a row with a column per marker cannot give (not read, with a warning)
    per_marker: list[str] = []
    #: long: the unit the value column's header gives ('Concentration (pg/mL)'), for the
    #: rows that give none of their own
    value_unit: str | None = None
    #: long: the unit the range columns' headers give ('Reference range (pg/mL)'), for the
    #: range cells that give none of their own (see `printed_range`)
    range_unit: str | None = None
    #: wide: a marker column → the unit its own range column's header gives (`_wide_range`)
    range_units: dict[int, str] = {}
    #: ignored columns (wide: that name a marker) with why they are not read, as
    #: `_not_read_because` words it ('was not read: it gives …' of 'IL-6 SD')
    not_read: dict[str, str] = {}
    #: Columns of a standard's expected concentration ('Exp Conc'; MSD's 'Concentration'
    #: beside 'Calc. Concentration') → their headers: a row with a number there is no patient's
    expected: dict[int, str] = {}
    #: long: an MSD Discovery Workbench export (its 'Detection Range' column), whose sample ids
    #: S001… and C1… name its calibrators and controls
    msd_export: bool = False
    #: long: a column of the collection's time of day beside its date: read with it
    #: ('2026-03-02' and '08:15' as '2026-03-02 08:15'; see `DateWithTime`)
    time_column: int | None = None
    #: long or wide: the collection is named by a study's visit, or a visit and a timepoint
    #: ('Screening', 'Day 8 Pre-dose'): no date, so it gets no date-unreadable warning unless
    #: it starts as a date is written (`has_a_date`)
    collected_by_visit: bool = False
    #: ... and a visit column read before a timepoint column's cell ('Day 8' and 'Pre-dose'
    #: as 'Day 8 Pre-dose'; see `VisitWithTimepoint`)
    visit_column: int | None = None
    #: ... a column of REDCap's repeat instance in the timepoint's place ('baseline #2')
    visit_instance: bool = False
    #: long or wide: a study's site beside a sample or patient id, read with each id ('001
    #: (site 02)'; see `IdsWithSite`): ids restart at each site of many studies
    site_column: int | None = None
    #: REDCap's columns of a record's row of each event as it gives them all: the record id,
    #: the event, the repeating form, its instance, the data access group (`_with_redcap_form`)
    redcap_ids: frozenset[int] | None = None
    redcap_form: int | None = None  # ... of which the form's
    #: A Luminex xPONENT export (its lines above the header name the program or a 'DataType:'
    #: block), whose sample ids Control1, Control2 … name the kit's controls
    xponent_export: bool = False
    #: Such an export's blocks read and left out (`xponent.concentration_block`), as said
    blocks_said: str | None = None
    #: long, with no sample or patient column: a column that may name the sample ('Name',
    #: 'ID'), decided by the file's first rows (`_sample_column_by_rows`)
    maybe_sample: int | None = None
    #: A column naming a person beside the patient id's ('Patient Name' beside 'Patient ID'):
    #: read as the patient id in a row whose sample id and patient id cells are both blank (or
    #: 'N/A'), which would else share a panel with every such row of its date (QA)
    patient_stand_in: int | None = None
    #: ... and in a row whose patient id cell alone is blank, where the stand-in is a
    #: 'Patient' column beside an 'MRN' (second review: two people's ids under one sample,
    #: beside a blank MRN, were read together as one pattern)
    stand_in_where_no_id: bool = False
    #: wide: a mean column beside its marker's replicate columns ('IL-6 Mean' beside 'IL-6
    #: Rep 1', 'Rep 2') → those columns; it is read only in a row where none of them gives a
    #: result (all blank, or refused as 'N/A' is)
    stand_ins: dict[int, tuple[int, ...]] = {}
    #: wide: a marker column → its own unit, range and flag columns ('IL-8 Unit', 'IL-6
    #: Reference Range', 'IL-6 Flag'), by role, read with its value (QA: they were ignored)
    companions: dict[int, dict[str, int]] = {}
    #: wide: a marker column → the lab's range a range row above gave it ('<2.5' of
    #: 'Reference range,<2.5,<9.4'), the printed range of each row below that gives none
    range_row: dict[int, str] = {}
    #: wide: a marker column → the words after its header's unit ('Day 7' of 'IL-6 (pg/mL) Day
    #: 7'), not read, said once (lab QA round 10: such columns were dropped, exit 0); where
    #: they are a range ('[0-7.0]'), the lab's range of each row that gives none (`_wide_range`)
    words_after_unit: dict[int, str] = {}
    #: Lines above the header with one filled cell (a report's title), casefolded: a row
    #: below that repeats one is that page's title, not a sample (see `page_line`)
    titles: frozenset[str] = frozenset()
    #: Lines above the header with two or more filled cells, casefolded and joined by NUL: a
    #: row below that repeats one is a page's header block ('Patient:;Mustermann, Max')
    title_lines: frozenset[str] = frozenset()
    #: wide: the last line of a row under the header that names what each marker's column
    #: holds ('FI', 'Obs Conc'), read as part of the header (0: none), and the columns it
    #: names as no result → what it calls them (`with_sub_header`)
    sub_header: int = 0
    figures: dict[int, tuple[str, str]] = {}
    #: wide: a marker's own column merged under its header ('IL-6 (pg/mL)' over 'Result' and
    #: 'Flag') → the name it is given ('IL-6 (pg/mL) Flag'), as issues name it
    merged_names: dict[int, str] = {}
    #: long: the file's first lines leave a sample id blank below a row that gives one (a
    #: grouped report): such rows are given the sample's id (`SampleIdFilledDown`)
    grouped: bool = False
    #: long: the value read off the curve beside the value corrected for dilution ('Conc'
    #: beside 'Final Conc'), quoted where a row's corrected cell is blank (never judged)
    raw_value: int | None = None
    #: ... and it is the value measured first beside the result the lab reported ('Result'
    #: beside 'Reported Result'; `_reported_by_rows`), not one before a dilution
    raw_is_first_measured: bool = False
    #: A concentration unit the lines above the header name, and the first such line's number
    #: ('all concentrations in ng/mL'): quoted where a value has no unit (`_unit_above`)
    preamble_unit: tuple[int, str] | None = None
    #: long: the sample, patient, date, sex, age and birth date that labelled lines above the
    #: header give ('MRN:,00012345', 'DOB: 1961-03-14', as a one-patient LIS print heads its
    #: table), by role, with the line giving each: every row's, for roles with no column
    #: (`given_above`)
    given: dict[str, tuple[int, str]] = {}
    #: A column that marks each row's result not to be used or not yet final, and its kind
    #: (`MARK_KINDS`: 'Excluded' Y, 'Reportable' N, 'Verified' N), and a column of why
    #: ('Exclusion Reason'), quoted in the row's warning (`_with_result_marks`)
    result_marks: tuple[tuple[int, str], ...] = ()
    mark_reason: int | None = None


#: A mass or amount per volume in a line of words ('in ng/mL', 'Cytokines (pg/ml)')
_UNIT_IN_WORDS = lazy_pattern(
    r"(?<![\w/])(?:(?:mc|[pnµμu])?g|[pnµμ]mol)\s*/\s*(?:m|d)?l(?![\w/])", re.IGNORECASE
)


#: Labels of lines above a one-patient print's table ('Patient Name:', 'MRN:'), by the role
#: their value fills, as `_label_key` has them; 'patient' is a name, used where no id is
_LABELLED_ROLES = {
    **dict.fromkeys(
        ("mrn", "mrn #", "mrn no", "patient id", "patient no", "patient number", "patient nr",
         "patient #", "pid", "pat id", "med rec no", "medical record number",
         "medical record no", "patientennummer", "patienten id", "patienten-id"),
        "patient_id",
    ),
    # (not 'Pt:', which may start a remark: 'Pt: hemolysed - redraw advised', review)
    **dict.fromkeys(("patient", "patient name", "patientenname"), "patient_name"),
    **dict.fromkeys(
        ("accession", "accession no", "accession number", "accession #", "specimen id",
         "sample id", "lab no", "lab number", "auftragsnummer", "probennummer"),
        "sample_id",
    ),
    **dict.fromkeys(
        ("dob", "d.o.b", "date of birth", "birth date", "birthdate", "born", "geburtsdatum"),
        "birth_date",
    ),
    **dict.fromkeys(("sex", "gender", "geschlecht"), "sex"),
    **dict.fromkeys(("age", "alter"), "age"),
    **dict.fromkeys(
        ("collected", "collection date", "collection time", "collection date/time",
         "date collected", "collected on", "drawn", "draw date", "specimen collected",
         "entnahme", "entnahmedatum", "abnahme", "abnahmedatum"),
        "collected_at",
    ),
}  # fmt: skip
#: The roles of a person: a line among the rows giving another starts another's rows
_PERSON_ROLES_GIVEN = ("patient_id", "patient_name")
#: 'Label: value' as a labelled line's part gives it ('MRN #: 100' too), or 'Label # value'
_LABELLED = lazy_pattern(
    r"(?P<label>[^\W\d][^:]{0,30}?)\s*:\s*(?P<value>\S.*)"
    r"|(?P<hash_label>[^\W\d][^:#]{0,30}?)\s*#\s*(?P<hash_value>[^\s:].*)"
)


def _given_label_key(text: str) -> str:
    """A labelled line's label as `_LABELLED_ROLES` has it ('Patient  Name' as 'patient name')."""
    return " ".join(text.casefold().replace("_", " ").split()).rstrip(".")


def _labelled_roles(text: str, delimiter: str, line: int) -> Iterator[tuple[str, tuple[int, str]]]:
    """The roles one line's labelled parts give, each with the line and value; a person's
    name or id that reads as a remark is none."""
    for label, value in _labelled_parts(text, delimiter):
        role = _LABELLED_ROLES.get(_given_label_key(label))
        value = " ".join(value.split())
        if role is None or not value or given_id(value) is None:
            continue
        if role in _PERSON_ROLES_GIVEN and not _may_be_a_person(value):
            continue
        yield role, (line, value)


def _given_once(pairs: Iterable[tuple[str, tuple[int, str]]]) -> dict[str, tuple[int, str]]:
    """Each role with its value and the first line that gives it, but a role given two ways
    (two values), which is none."""
    found: dict[str, tuple[int, str] | None] = {}
    for role, where in pairs:
        if role not in found:
            found[role] = where
        elif (before := found[role]) is None or before[1] != where[1]:
            found[role] = None
    return {role: where for role, where in found.items() if where is not None}


def _may_be_a_person(value: str) -> bool:
    """Whether a patient cell's text may be a name or an id, not a remark ('hemolysed - redraw
    advised'): four words or fewer, no spaced dash, no sentence's end."""
    return len(value.split()) <= 4 and " - " not in value and not value.endswith((".", "!", "?"))


def given_above(
    preamble: list[str], delimiter: str, layout: Layout, first_line: int = 1
) -> dict[str, tuple[int, str]]:
    """The sample, patient, date, sex, age and birth date labelled lines above a long file's
    header give, for roles it has no column for: each role's value and line (lab QA round 9: a
    one-patient LIS print's DOB and Sex lines were skipped, and under mayo-adult every result
    was indeterminate, 'age is not given'). A role given two ways is none (two patients' blocks
    is no one-patient print); 'Patient: DOE JANE' is the patient where no id is given
    (`given_fields`)."""
    # (a '#' comment line is no labelled line: most files' preambles are only those, and
    # start-up compiled this function's patterns for them)
    if layout.kind != "long" or not any(
        ":" in text and not text.lstrip().startswith("#") for text in preamble
    ):
        return {}
    given = _given_once(
        pair
        for number, text in enumerate(preamble, first_line)
        if not text.lstrip().startswith("#")
        for pair in _labelled_roles(text, delimiter, number)
    )
    return _untaken(given, layout)


def _untaken(given: dict[str, tuple[int, str]], layout: Layout) -> dict[str, tuple[int, str]]:
    """`given` without the roles the file has a column for (the row's own cell counts)."""
    taken = set(layout.roles)
    if layout.patient_stand_in is not None or "patient_id" in taken:
        taken.update(_PERSON_ROLES_GIVEN)  # rows that name their own person say whose they are
    return {role: where for role, where in given.items() if role not in taken}


def given_fields(given: dict[str, tuple[int, str]]) -> dict[str, str]:
    """The rows' fields `given` gives: a patient's id, else its name, as the patient."""
    fields = {role: value for role, (_, value) in given.items() if role != "patient_name"}
    if "patient_id" not in fields and "patient_name" in given:
        fields["patient_id"] = given["patient_name"][1]
    return fields


class Block(NamedTuple):
    """What a labelled line among the rows gives (`block_given`)."""

    given: dict[str, tuple[int, str]]  # the fields in force from it on
    patient: str | None  # the patient whose rows start there; None: the same rows go on


def block_given(
    cells: list[str], layout: Layout, delimiter: str, line: int, now: dict[str, tuple[int, str]]
) -> Block | None:
    """What a labelled line among the rows changes, in a file whose lines above the header gave
    the rows' fields (`Layout.given`; None in any other file, and for any other row): a line
    naming another patient starts that patient's rows, with only what it gives ('Patient: ROE
    RICH   MRN: 200'; lab QA round 7: two people's results were one panel); a line giving
    the same patient again, or a birth date, sex or date ('DOB:,1996-01-01' under it), adds
    to the fields in force, `now` (review: they were kept from the patient before)."""
    if not layout.given:
        return None
    first = next((cell for cell in cells if cell.strip()), "")
    if ":" not in first and "#" not in first and first.strip().casefold() not in _LABELLED_ROLES:
        return None  # (most rows: a marker's name first)
    named = _untaken(_given_once(_labelled_roles(delimiter.join(cells), delimiter, line)), layout)
    if not named:
        return None
    ids = [(named.get(role), now.get(role)) for role in _PERSON_ROLES_GIVEN]
    another = any(
        new is not None and (old is None or person_key(new[1]) != person_key(old[1]))
        for new, old in ids
    ) and not (  # the same id, by another name or none ('Patient: DOE, JANE' on page 2)
        named.get("patient_id") is None
        and now.get("patient_name") is not None
        and named.get("patient_name") is not None
        and person_key(named["patient_name"][1]) == person_key(now["patient_name"][1])
    )
    if another:
        return Block(named, given_fields(named).get("patient_id"))
    return Block({**now, **named}, None)


def _block_said(block: Block, line: int) -> str:
    """The page-line-skipped warning of a labelled line among the rows (`block_given`)."""
    here = {role: where for role, where in block.given.items() if where[0] == line}
    if block.patient is not None:
        also = _given_listed(here, but="patient_id", lines=False)
        return (
            f"this line names patient '{shorten(block.patient)}': the rows below it, up to the "
            "next line naming a patient, are read as that patient's"
            + (f", with {also}" if also else "")
            + " (no field of the patient above is kept)"
        )
    return f"this line gives {_given_listed(here, lines=False)}, read as the rows' below it"


#: How `_given_said` names each role a line above the header gives
_GIVEN_WORDS = {
    "sample_id": "sample id", "patient_id": "patient", "patient_name": "patient",
    "collected_at": "collection date", "sex": "sex", "age": "age", "birth_date": "birth date",
}  # fmt: skip


def _given_said(given: dict[str, tuple[int, str]], lines: int) -> str:
    """The preamble-skipped warning of lines above the header that give the rows' fields:
    which, and from which line (lab QA round 9: 'were not read', though they held the patient's
    birth date and sex)."""
    where = "line 1 comes" if lines == 1 else f"lines 1-{lines} come"
    return (
        f"{where} before the header; {_given_listed(given)} given there "
        f"{'was' if len(_shown(given)) == 1 else 'were'} read as the rows' (the file has no "
        "column for them; such a line below changes them from there on), and the rest was not "
        "read"
    )


def _shown(given: dict[str, tuple[int, str]]) -> dict[str, tuple[int, str]]:
    """`given` as messages list it: a patient's name only where no id is given."""
    if "patient_id" in given:
        return {role: where for role, where in given.items() if role != "patient_name"}
    return given


def _given_listed(
    given: dict[str, tuple[int, str]], but: str | None = None, lines: bool = True
) -> str:
    """'the patient '100' (line 2), sex 'F' (line 4) and …', in the order of their lines (or
    without them: not `lines`)."""
    said = [
        f"{_GIVEN_WORDS[role]} '{shorten(value)}'" + (f" (line {line})" if lines else "")
        for role, (line, value) in sorted(_shown(given).items(), key=lambda item: item[1][0])
        if role not in (but, "patient_name" if but == "patient_id" else None)
    ]
    if not said:
        return ""
    said[0] = f"the {said[0]}"
    return said[0] if len(said) == 1 else f"{', '.join(said[:-1])} and {said[-1]}"


def _labelled_parts(text: str, delimiter: str) -> list[tuple[str, str]]:
    """A line's 'Label: value' parts: 'MRN:,00012345', 'Patient: DOE, JANE   MRN: 100' (parts
    apart by two spaces or more), 'MRN,00012345' (a label cell and a value cell)."""
    if '"' in text:  # quoted cells: as the csv module reads them
        cells = next(csv.reader([text], delimiter=delimiter), [])
        filled = [cell.strip() for cell in cells if cell.strip()]
        if len(filled) == 2 and ":" not in filled[0] and "#" not in filled[0]:
            return [(filled[0], filled[1])]  # a label cell and its value's
        text = " ".join(filled)
    else:
        text = text.strip().strip(delimiter).strip()
        cells = [cell.strip() for cell in text.split(delimiter)]
        if len(cells) == 2 and cells[0] and ":" not in cells[0] and "#" not in cells[0]:
            return [(cells[0], cells[1])]  # a label cell and its value's ('MRN,00012345')
        text = re.sub(rf"([:#])\s*{re.escape(delimiter)}+\s*", r"\1 ", text)
    parts = []
    # parts two spaces or more apart, or a cell apart where the next starts with a label of a
    # word or two ('Patient:,DOE JANE,MRN:,100': review)
    label_next = rf"{re.escape(delimiter)}(?=\s?[^\W\d][\w#/.-]*(?: [\w#/.-]+)?\s*:)"
    for part in re.split(rf"\s{{2,}}|\t|{label_next}", text):
        labelled = _LABELLED.fullmatch(part.strip())
        if labelled is not None:
            label = labelled["label"] or labelled["hash_label"]
            value = labelled["value"] or labelled["hash_value"]
            parts.append((label, value.strip().strip(delimiter).strip()))
    return parts


def _unit_above(preamble: list[str]) -> tuple[int, str] | None:
    """The one concentration unit the lines above the header name, and the first line that
    names it (lab QA round 8: 'Units,ng/mL' was skipped, and the unit-missing error's own
    example, '--assume-unit pg/mL', judged every value 1000 times too low); None for none or
    several."""
    if not any("/" in text for text in preamble):  # most files (start-up: no pattern compiled)
        return None
    found: dict[str, int] = {}
    for number, text in enumerate(preamble, 1):
        for unit in _UNIT_IN_WORDS.findall(text):
            found.setdefault(re.sub(r"\s+", "", unit), number)
    if len({unit.casefold() for unit in found}) != 1:
        return None
    first, line = next(iter(found.items()))
    return line, first


def _value_with_unit(cell: str) -> tuple[str, str] | None:
    """A value column's header that gives the unit ('Result [ng/L]'): (its name as
    `header_key` has it, the unit); None for any other header."""
    name, unit = split_header_unit(cell)
    key = header_key(name)
    if unit and (_ROLE_OF.get(key) == "value" or _WEAK_ROLE_OF.get(key) == "value"):
        return key, unit
    return None


def _range_with_unit(cell: str) -> tuple[str, str] | None:
    """A range or critical limit column's header that gives the unit ('Reference range
    (pg/mL)', 'Ref Low [ng/L]', 'Critical High (pg/mL)'): (its name as `header_key` has it, the
    unit); None for any other header."""
    name, unit = split_header_unit(cell)
    key = header_key(name)
    # a unit panelcli knows: 'Normal range (M/F)' gives none (review)
    if unit is None or not known_unit(unit):
        return None
    return (key, unit) if _ROLE_OF.get(key) in (*_RANGE_ROLES, *CRITICAL_ROLES) else None


def _note_past_header(extra: Sequence[str]) -> str | None:
    """The words of the cells past a header's columns, where they are words only (no digit,
    no unit, which a value split by a delimiter would push there): a note typed beside the
    table ('retest next week'); else None."""
    filled = [text.strip() for text in extra if text.strip()]
    if not filled or any(
        not any(c.isalpha() for c in text) or any(c.isdigit() for c in text) or known_unit(text)
        for text in filled
    ):
        return None
    return ", ".join(filled)


def known_unit(unit: str) -> bool:
    """Whether a unit in brackets is one panelcli knows ('pg/mL', 'U/mL'), not other words
    ('M/F', the '"https://…"' of '=HYPERLINK(…)')."""
    return has_family(unit) or unit.casefold() in SLASHLESS_UNITS


_BRACKETED = lazy_pattern(r"^(?P<name>[^(\[{]+?)\s*[(\[{](?P<words>[^)\]}]*)[)\]}]\s*$")


def _value_with_other_words(cells: Sequence[str]) -> tuple[str, str] | None:
    """A header cell that would be the value column but for the words it brackets ('Result
    (xyz)'): (the cell, those words); None if there is none."""
    for cell in cells:
        match = _BRACKETED.match(cell.strip())
        if match and _ROLE_OF.get(header_key(match["name"])) == "value":
            return cell.strip(), match["words"].strip()
    return None


# Remembered: on the general path every row with a word where its value should be is asked
# whether it is a header again, cell by cell (sample ids, markers and units repeat).
@functools.lru_cache(maxsize=4096)
def _header_key_of(cell: str) -> str:
    """`header_key` of a header cell, without the unit a value column's header may give, and
    without connecting words where only that names a role ('Date de prélèvement')."""
    with_unit = _value_with_unit(cell) or _range_with_unit(cell)
    if with_unit:
        return with_unit[0]
    key = header_key(cell)
    if key in _ROLE_OF:
        return key
    if cell.rstrip().endswith("#") and (numbered := key + "no") in _NUMBERED_KEYS:
        return numbered  # 'Order #' is 'Order No' (lab QA round 13: two orders in one panel)
    words = _WORD_GAP.split(cell.strip())
    kept = [words[0], *(_ELIDED.sub("", w) for w in words[1:] if w.casefold() not in _CONNECTING)]
    shorter = header_key("".join(kept))  # only a role's name: 'Date du résultat' is none
    return shorter if shorter in _ROLE_OF else key


def _slashed_role(key: str) -> str | None:
    """The role a header names with its '/' left out ('Collection Date/Time'), taken only where
    no other column has it: '/' is no header noise, as 'Date/Time' beside 'Collection Date'
    would be a second collection date (QA: 'Collection Date/Time' alone was ignored, and with
    it the dates, ages and trends)."""
    if "/" not in key:
        return None
    unslashed = key.replace("/", "")
    # HL7's 'Observation Date/Time' is a weak name so read
    return _ROLE_OF.get(unslashed) or _WEAK_ROLE_OF.get(unslashed)


#: Words that join a header's words ('Date de prélèvement', 'Fecha de la toma', 'Datum der
#: Entnahme'): taken out of a header that names no role with them, so each spelling need not
#: be listed (QA: 'Date de prélèvement' was ignored while 'Date du prélèvement' was read).
_CONNECTING = frozenset({"de", "du", "des", "del", "der", "of", "the", "la"})
_WORD_GAP = lazy_pattern(r"[\s_\-.]+")
_ELIDED = lazy_pattern(r"^[dl][’']", re.IGNORECASE)  # "Date d'extraction"


#: An LIS's order, tube or lab number: the sample id only where no column names one (QA:
#: three orders under 'Auftragsnr.' were one sample; review: beside 'Sample ID' or 'Probe'
#: each is another number, and the file was refused as naming two sample ids)
_ORDER_IDS = frozenset({
    "auftragsnr", "auftragsnummer", "labornummer", "labornr", "ordernumber", "orderno",
    "tubeid", "requisition", "requisitionnumber",
    "orderid",  # QA: beside 'Accession' the file was refused as naming two sample ids
    "ordno",  # STARLIMS' (lab QA round 13: two orders made one panel)
})  # fmt: skip
#: Weak headers of a number ('Order No') as keys: '#' is read as 'No' ('Order #'); not a
#: strong one's ('Lab #' beside 'Sample ID' would name a second sample id: review)
_NUMBERED_KEYS = frozenset(
    key for key in (*_WEAK_ROLE_OF, *_ORDER_IDS) if key.endswith("no") and key not in _ROLE_OF
)
#: Sample id headers that may instead name the specimen's type, beside a column that names
#: the id outright
_SPECIMEN_OR_ITS_TYPE = frozenset({"specimen"})


#: A collection's time of day in a column of its own, beside its date ('Collection Date',
#: 'Collection Time'), as Epic and Cerner export it
_TIME_KEYS = frozenset({
    "collectiontime", "timecollected", "drawtime", "timedrawn", "collecttime",
    "specimencollectiontime", "collectedtime", "entnahmezeit", "uhrzeit", "heuredeprélèvement",
    "heuredeprelevement", "horadetoma", "horadeextraccion",
    "colltm", "colltime", "colltimes",  # Sunquest's 'COLL TM' (lab QA round 12)
    "specimentime", "sampletime", "clocktime",
    "heureprélèvement",  # 'Heure prélèvement', as 'Date prélèvement' beside it (lab QA round 16)
})  # fmt: skip
#: ... and bare names of one, read so beside a date column only, where no name above is
#: (lab QA round 16: EHR's 'Date,Time' and 'Fecha,Hora' were ignored, and two draws of a day
#: made one panel; review: a bare 'Time' beside 'Draw Time' may be the report's)
_BARE_TIME_KEYS = frozenset({"time", "hour", "hora", "heure", "zeit", "tijd", "ora"})


def _time_beside_date(cells: list[str]) -> int | None:
    """The column of a collection's time of day where another column gives its date (QA: the
    two were refused as two collection dates, exit 2; 'Time Collected' was ignored, and two
    draws of a day were one panel)."""
    keys = [_header_key_of(cell) for cell in cells]
    time = next((i for i, key in enumerate(keys) if key in _TIME_KEYS), None)
    if time is None:
        time = next((i for i, key in enumerate(keys) if key in _BARE_TIME_KEYS), None)
    dated = any(
        "collected_at" in (_ROLE_OF.get(key), _WEAK_ROLE_OF.get(key)) and key not in _TIME_KEYS
        for key in keys
    )  # (a weak name too: Sunquest's 'COLL DT' beside 'COLL TM', lab QA round 12)
    return time if dated else None


def map_header(cells: list[str], known_marker: KnownMarker) -> Layout | None:
    """Work out the layout from a header row, or None when this row is not a header."""
    time = _time_beside_date(cells)
    layout = _map_header(cells, known_marker, time)
    if layout is None:
        return None
    if time is not None:
        layout = layout._replace(time_column=time)
    layout = _rerun_marks_said(_with_site(_with_visit(layout, cells), cells), cells)
    layout = _with_result_marks(layout, cells)
    return _replicates_said(_timepoints_said(_with_redcap_form(layout, cells), cells), cells)


#: A study's site or centre: the same sample or subject id at two sites can be two people
#: (lab QA round 16: 'S001' of Boston and of Denver were one panel, 'high at the same time',
#: and subject 001 of sites 01 and 02 one trend). Not 'Lab', 'Hospital' or 'Location' (an
#: xPONENT well): their ids are mostly the lab's own, unique across them.
_SITE_KEYS = frozenset({
    "siteid", "sitenumber", "siteno", "sitenum", "studysite", "studysiteid", "centerid",
    "centreid", "centernumber", "centrenumber", "studycenter", "studycentre", "prüfzentrum",
    "studienzentrum",
})  # fmt: skip
#: ... and names that may be one, or where a sample was taken or tested (review: a body site,
#: 'Left arm', and an LIS's performing site, 'SENDOUT', split one person's samples): not
#: read, said how to have them read
_MAYBE_SITE_KEYS = frozenset({
    "site", "sitename", "sitecode", "center", "centre", "centername", "centrename", "zentrum",
    "centro", "standort",
})  # fmt: skip
#: Why such a column is not read (as `_not_read_because` words it)
MAYBE_SITE_NOT_READ = (
    "was not read: it may name a study's site, or where a sample was taken or tested; if it is "
    "a study's site, where the same id can be two people, name it 'Site ID' to have each id "
    "read with its site ('001 (site 02)')"
)


def _one_id_at_two_sites(
    head_lines: list[str], header_start: int, delimiter: str, layout: Layout, column: str
) -> str:
    """Words for a patient's sample or patient id that the file's first rows give at two
    values of a column that may be a study's site ('; here sample id 'S001' has rows at
    'Boston', line 2, and at 'Denver', line 3'), rows named by their first lines; or ''."""
    rows = csv.reader(head_lines[header_start - 1 :], delimiter=delimiter)
    first: dict[tuple[str, str], tuple[str, int]] = {}
    try:
        header = next(rows, [])
        site = header.index(column)
        ended = rows.line_num
        for cells in rows:
            line, ended = ended + header_start, rows.line_num
            for role in ("sample_id", "patient_id"):
                index = layout.roles.get(role)
                if index is None or max(index, site) >= len(cells):
                    continue
                given, at = given_id(cells[index]), site_given(cells[site])
                if given is None or at is None or not_a_patient_id(given) is not None:
                    continue
                seen, seen_line = first.setdefault((role, given), (at, line))
                if seen != at:
                    what = role.replace("_", " ")
                    return (
                        f"; here {what} '{shorten(given)}' has rows at '{shorten(seen)}', line "
                        f"{seen_line}, and at '{shorten(at)}', line {line}"
                    )
    except (csv.Error, ValueError):
        pass
    return ""


def _with_site(layout: Layout, cells: list[str]) -> Layout:
    """`layout`, with its site column (`_SITE_KEYS`, one not read otherwise) beside a sample
    or patient id column."""
    if "sample_id" not in layout.roles and "patient_id" not in layout.roles:
        return layout
    keys = {
        i: _header_key_of(cell)
        for i, cell in enumerate(cells)
        if cell in layout.ignored and cell not in layout.not_read
    }
    site = next((i for i, key in keys.items() if key in _SITE_KEYS), None)
    if site is None:
        maybe = [cells[i] for i, key in keys.items() if key in _MAYBE_SITE_KEYS]
        return layout._replace(
            not_read={**layout.not_read, **dict.fromkeys(maybe, MAYBE_SITE_NOT_READ)}
        )
    return layout._replace(
        ignored=[c for c in layout.ignored if c != cells[site]], site_column=site
    )


#: A long file's figures of its replicates' spread, beside the result read
_SPREAD = frozenset({"cv", "cv%", "%cv", "cvpercent", "sd", "stddev", "standarddeviation"})
#: ... and one replicate's own value ('Conc Rep1', 'Result 2', 'Replicate 1')
_ONE_REPLICATE = lazy_pattern(
    r"(?:conc|result|value)?rep(?:licate)?\d{1,2}(?:conc|result|value)?|(?:conc|result|value)\d"
)


def _replicates_said(layout: Layout, cells: list[str]) -> Layout:
    """`layout`, with why a long file's replicate columns beside its result are not read (lab
    QA round 16: 'CV%' beside a mean was 'not a known field', and a 37 % CV said nothing)."""
    value = layout.roles.get("value")
    if value is None or "marker" not in layout.roles:
        return layout
    read = shorten(cells[value])
    layout = _unread_said(layout, cells, _SPREAD.__contains__, _not_read_because(
        f"it gives the spread of the replicates, not a result; column '{read}' is read (a wide "
        "spread can make a result less sure: check it in the file)"
    ))  # fmt: skip
    return _unread_said(layout, cells, _ONE_REPLICATE.fullmatch, _not_read_because(
        f"it gives one replicate's value; column '{read}' is read"
    ))  # fmt: skip


#: A study's time point's names ('LBTPT', SDTM's), read after a visit or alone, never beside a
#: date (`_TIMEPOINT_KEYS` are also read as a date column's names)
_STUDY_TIMEPOINTS = frozenset({
    "lbtpt", "pctpt", "plannedtimepoint", "samplingtimepoint", "zeitpunkt", "timepostdose",
    "hourspostdose",
})  # fmt: skip
_ANY_TIMEPOINT = _STUDY_TIMEPOINTS | _TIMEPOINT_KEYS


def _timepoints_said(layout: Layout, cells: list[str]) -> Layout:
    """`layout`, with why a time point's column beside the collection's date is not read: the
    results of one day's time points are one panel (lab QA round 16: 'not a known field' said
    nothing of a pre-dose and a 4 h post-dose result read as one)."""
    date = layout.roles.get("collected_at")
    if date is None or layout.collected_by_visit:
        return layout
    return _unread_said(layout, cells, _ANY_TIMEPOINT.__contains__, _not_read_because(
        f"it names a time point, and column '{shorten(cells[date])}' dates each collection: "
        "results of one day with no time of day are one panel, whatever their time points "
        "(give each its time, as in 2026-03-02T08:00, to have them apart)"
    ))  # fmt: skip


def _with_redcap_form(layout: Layout, cells: list[str]) -> Layout:
    """`layout`, with REDCap's columns of a row's ids where it has a repeating form's column,
    and why that column is not read: a row with only those is the record's own row of an
    event, skipped (lab QA round 16: refused, so every such export exited 2)."""
    keys = [_header_key_of(cell) for cell in cells]
    form = next((i for i, key in enumerate(keys) if key in _REDCAP_FORM), None)
    if form is None or cells[form] not in layout.ignored:
        return layout
    # REDCap writes the record id first, whatever it is named ('record_id', 'study_id')
    ids = frozenset({0, *(i for i, key in enumerate(keys) if key in _REDCAP_IDS)})
    why = _not_read_because(
        "it names REDCap's repeating form of a row's values; a row of no form that gives "
        "nothing but its record and event (REDCap's row of the record's event) is skipped"
    )
    return layout._replace(
        not_read={**layout.not_read, cells[form]: why}, redcap_ids=ids, redcap_form=form
    )


#: A column that marks a row as a test run again ('Rerun' Y/N), not read: its rows are
#: judged as the marker measured twice (lab QA round 15: 'not a known field' said nothing of
#: the first run's 48 pg/mL setting exit 1 beside the rerun's 2.2)
_RERUN_MARKS = frozenset({
    "rerun", "rerunflag", "reruns", "repeat", "repeatflag", "repeated", "retest", "retestflag",
    "isrerun", "isrepeat", "rerunyn", "repeatyn", "retestyn", "wiederholung", "répétition",
})  # fmt: skip


#: Columns whose mark says a row's result is not to be used ('Excluded' Y), by header key;
#: and those where a no says so ('Reportable' N), or that it is not yet final ('Verified' N)
_RESULT_MARKS = {
    **dict.fromkeys((
        "excluded", "exclude", "exclusion", "excludedflag", "excludeflag", "exclusionflag",
        "isexcluded", "excludedyn", "excludeyn", "outlier", "outlierflag", "isoutlier",
        "suppressed", "suppress", "suppressresult", "hidden", "hide", "hideresult",
        "donotreport", "dnr", "notreportable", "nonreportable", "invalid", "invalidflag",
        "isinvalid", "invalidresult", "rejected", "resultrejected", "cancelled", "canceled",
        "voided", "ausgeschlossen", "ausschluss", "exclu", "exclure",
    ), "excluded"),
    **dict.fromkeys((
        "reportable", "isreportable", "reportableyn", "reportresult", "toreport", "valid",
        "isvalid", "resultvalid", "validresult", "validflag", "includeinreport", "include",
        "included", "includeyn", "accepted", "accept", "use", "useresult", "usable", "berichtbar",
        "gültig", "valide",
    ), "reportable"),
    **dict.fromkeys((
        "verified", "isverified", "released", "isreleased", "validated", "isvalidated",
        "authorised", "authorized", "approved", "freigegeben", "validiert",
    ), "released"),
}  # fmt: skip
#: ... and a column that says why ('Exclusion Reason'), read beside one
_MARK_REASONS = frozenset({
    "reason", "exclusionreason", "excludereason", "excludedreason", "reasonexcluded",
    "reasonforexclusion", "outlierreason", "invalidreason", "rejectionreason", "rejectreason",
    "suppressionreason", "cancellationreason", "cancelreason", "ausschlussgrund", "grund",
})  # fmt: skip


def _with_result_marks(layout: Layout, cells: list[str]) -> Layout:
    """`layout`, with a column that marks each row's result not to be used or not yet final
    (`_RESULT_MARKS`; lab QA round 19: 'Excluded' was not read, and its IL-6 judged high) and
    one that says why, where no other role reads them."""
    keys = {
        i: _header_key_of(cell)
        for i, cell in enumerate(cells)
        if cell in layout.ignored and cell not in layout.not_read
    }
    marks = tuple((i, _RESULT_MARKS[key]) for i, key in keys.items() if key in _RESULT_MARKS)
    if not marks:
        return layout
    reason = next((i for i, key in keys.items() if key in _MARK_REASONS), None)
    read = {*(cells[i] for i, _ in marks), *(() if reason is None else (cells[reason],))}
    return layout._replace(
        ignored=[c for c in layout.ignored if c not in read], result_marks=marks,
        mark_reason=reason,
    )  # fmt: skip


def _unread_said(
    layout: Layout, cells: list[str], named: Callable[[str], object], why: str
) -> Layout:
    """`layout`, with `why` its columns whose header keys are `named` are not read, where
    nothing says yet."""
    said = [
        cell for cell in cells
        if cell in layout.ignored and cell not in layout.not_read and named(_header_key_of(cell))
    ]  # fmt: skip
    if not said:
        return layout
    return layout._replace(not_read={**layout.not_read, **dict.fromkeys(said, why)})


def _rerun_marks_said(layout: Layout, cells: list[str]) -> Layout:
    """`layout`, with why a column marking reruns is not read (`_RERUN_MARKS`)."""
    return _unread_said(layout, cells, _RERUN_MARKS.__contains__, _not_read_because(
        "it may mark a test run again; every run is judged, each on its own line (to have a "
        "rerun replace the first, give it in a 'Rerun Result' column beside the first run's, "
        "or as 'Corrected' in a 'Status' column)"
    ))  # fmt: skip


def _with_visit(layout: Layout, cells: list[str]) -> Layout:
    """`layout`, a study's visit column read as the collection's date where no column gives
    one, or before a timepoint column's cell (lab QA round 14: 'Pre-dose' of Screening and
    of Day 8 made one panel); a column read already keeps its role."""
    keys = {i: _header_key_of(cell) for i, cell in enumerate(cells) if cell in layout.ignored}
    # REDCap's 'Event Name' (its labels export) beside its repeating form's columns only: a
    # bare 'Event' names the test in some LIS exports
    redcap = not {*_REDCAP_FORM, *_REDCAP_INSTANCE}.isdisjoint(keys.values())
    # a visit's name before its number ('SCREENING' is clearer than SDTM's VISITNUM 1)
    visits = sorted(
        (i for i, key in keys.items() if key in VISIT_KEYS or (redcap and key == "eventname")),
        key=lambda i: keys[i] in _VISIT_NUMBERS,
    )
    date = layout.roles.get("collected_at")
    if not visits:
        point = next((i for i, key in keys.items() if key in _STUDY_TIMEPOINTS), None)
        if date is not None or point is None:
            return layout
        # alone, a study's time point names the collection, as a 'Timepoint' column does
        return layout._replace(
            roles={**layout.roles, "collected_at": point},
            ignored=[name for name in layout.ignored if name != cells[point]],
            collected_by_visit=True,
        )
    date_header = cells[date] if date is not None and date < len(cells) else ""
    # a time of day alone ('Collection Time': 08:30) dates nothing: it is read as a timepoint
    by_visit = date is None or _header_key_of(date_header) in _TIMEPOINT_KEYS | _TIME_KEYS
    read = (cells[visits[0]],) if by_visit else ()
    named = f"column '{shorten(cells[visits[0]])}' names it" if by_visit else ""
    dated = "" if date is None else f"column '{shorten(cells[date])}' dates each collection"
    why = _not_read_because(f"it names the study's visit, and {named or dated}")
    layout = layout._replace(
        ignored=[name for name in layout.ignored if name not in read],
        not_read={**layout.not_read, **{cells[i]: why for i in visits if cells[i] not in read}},
    )
    instance = next((i for i, key in keys.items() if key in _REDCAP_INSTANCE), None)
    # REDCap's form filled in twice at one event, or SDTM's 'LBTPT' of a visit: a collection
    # each (lab QA round 16: one panel, 'IL-6 tested more than once'; review: 'LBTPT' was not
    # read where 'Timepoint' was)
    point = next((i for i, key in keys.items() if key in _STUDY_TIMEPOINTS), instance)
    if date is None and point is not None:
        return layout._replace(
            roles={**layout.roles, "collected_at": point},
            ignored=[name for name in layout.ignored if name != cells[point]],
            visit_column=visits[0], visit_instance=point == instance, collected_by_visit=True,
        )  # fmt: skip
    if date is None:
        roles = {**layout.roles, "collected_at": visits[0]}
        return layout._replace(roles=roles, collected_by_visit=True)
    if by_visit:
        return layout._replace(visit_column=visits[0], collected_by_visit=True)
    return layout


#: SDTM LB's unit and range of the result as collected, and of the standardized one
_SDTM_SETS = {
    "unit": ("lborresu", "lbstresu"),
    "range_low": ("lbornrlo", "lbstnrlo"),
    "range_high": ("lbornrhi", "lbstnrhi"),
}


def _sdtm_as_one_set(
    cells: list[str], roles: dict[str, int], unmapped: list[int], not_read_why: dict[int, str]
) -> None:
    """An SDTM value read with the unit and range of its own set, as collected (LBORRES) or
    standardized (LBSTRESN), never the other's (audit round 16: LBSTRESN 0.009, in ng/mL, was
    judged in LBORRESU's pg/mL, normal, exit 0); with none of its own, none."""
    value = roles.get("value")
    value_key = _header_key_of(cells[value]) if value is not None else ""
    if value is None or value_key not in ("lborres", "lbstresc", "lbstresn"):
        return
    standardized = value_key != "lborres"
    columns = {_header_key_of(cell): i for i, cell in enumerate(cells)}
    for role, pair in _SDTM_SETS.items():
        own, other = pair[standardized], pair[not standardized]
        held = roles.get(role)
        if held is not None and _header_key_of(cells[held]) == other:
            del roles[role]
            unmapped.append(held)
            whose = "result as collected" if standardized else "standardized result"
            not_read_why[held] = _not_read_because(
                f"it belongs to the study's {whose}, and the value is read from column "
                f"'{shorten(cells[value])}'"
            )
        if role not in roles and own in columns:
            roles[role] = columns[own]
            if columns[own] in unmapped:
                unmapped.remove(columns[own])
            not_read_why.pop(columns[own], None)


def _map_header(cells: list[str], known_marker: KnownMarker, time: int | None) -> Layout | None:
    """`map_header`, the column `time` left to be read with the date."""
    roles: dict[str, int] = {}
    unmapped: list[int] = []
    not_read_why: dict[int, str] = {}  # a column another is read in place of → why not
    raw_value: int | None = None  # the value before its dilution ('Conc' beside 'Final Conc')
    person_beside_id: int | None = None  # a person column beside the patient id (MRN)
    second_comments: dict[int, str] = {}  # ... of them, the comment columns
    for index, cell in enumerate(cells):
        if index == time:
            continue
        # 'value<newline>(result)': a header cell over two lines is named by its first
        role = _ROLE_OF.get(_header_key_of(cell)) or _ROLE_OF.get(header_key(cell.split("\n")[0]))
        if role and role not in roles:
            roles[role] = index
        elif (
            role == "sample_id"
            and _SPECIMEN_OR_ITS_TYPE & {_header_key_of(cell), _header_key_of(cells[roles[role]])}
            and _header_key_of(cell) != _header_key_of(cells[roles[role]])
        ):
            # 'Specimen' beside 'Sample ID' is the specimen's type (Serum, Plasma) in many LIS
            # exports: the other is the id (QA: the file was refused)
            if _header_key_of(cell) in _SPECIMEN_OR_ITS_TYPE:
                specimen = index
            else:
                specimen = roles[role]
                roles[role] = index
            if "specimen" in roles:
                unmapped.append(specimen)
            else:
                roles["specimen"] = specimen
        elif role in _RANGE_ROLES:
            # 'Reference range' beside 'Normal range', or 'Reference range (pg/mL)' beside
            # 'Reference range (ng/mL)': the first is read (QA, review: the file was refused),
            # but one that gives its unit before one that does not
            kept, left = roles[role], index
            if _range_with_unit(cell) and not _range_with_unit(cells[kept]):
                kept, left = left, kept
            roles[role] = kept
            unmapped.append(left)
            not_read_why[left] = _given_already(cells[kept], "range")
        elif role == "value" and (
            (_header_key_of(cell) in _DILUTION_CORRECTED)
            != (_header_key_of(cells[roles[role]]) in _DILUTION_CORRECTED)
        ):
            # the value corrected for dilution beside the one read off the curve: the first
            # is the result (lab QA: 'Result' 2.0 was judged beside 'AdjResult' 20.0)
            kept, left = roles[role], index
            if _header_key_of(cell) in _DILUTION_CORRECTED:
                kept, left = left, kept
            roles[role] = kept
            unmapped.append(left)
            raw_value = left
            not_read_why[left] = _read_before_dilution(cells[kept])
        elif role == "patient_id" and _id_beside_person(cell, cells[roles[role]]):
            # 'MRN' beside 'Patient', 'NHC' beside 'Paciente' (lab QA round 14: refused as two
            # patient ids): the number is the id, the other the person's name beside it
            kept, left = roles[role], index
            if _header_key_of(cells[kept]) in _PERSON_OR_NAME:
                kept, left = left, kept
            roles[role] = kept
            unmapped.append(left)
            # read as 'Patient Name' beside an id is (`patient_stand_in`): on a row with no id,
            # and compared as a sample's rows are (review: 'Patient' of ids beside a blank MRN
            # was dropped, two people's results read as one pattern)
            person_beside_id = left
        elif role == "comment":
            # an order's and a result's comment side by side (QA: the file was refused as
            # naming two comment columns): the first is read, the other said not to be
            unmapped.append(index)
            not_read_why[index] = second_comments[index] = _given_already(
                cells[roles[role]], "comment"
            )
        elif role:
            raise _DuplicateRole(role, cells[roles[role]], cell, cells)
        else:
            unmapped.append(index)
    expected: dict[int, str] = {}  # column → its header: a standard's expected value
    # Of names read without their '/', the longest first: 'Collection Date/Time' is the
    # collection date beside a print time 'Date/Time' before it (review)
    written = {i: _header_key_of(cells[i]) for i in unmapped}
    slashed = {i: len(written[i]) for i in unmapped if "/" in cells[i]}
    # ... a weakly named marker column before the value's, which is read only beside one;
    # a replicates' mean or an LIS's other value name after any other value column, which is
    # then read (review: 'Mean' or 'Avg/Conc' before 'Concentration' took the value's role,
    # and the file was refused). Keys without their '/', as `_slashed_role` reads them.
    keys = {i: key.replace("/", "") for i, key in written.items()}
    # a value column named, strongly or weakly: a long file, whose 'Event' is the test's name
    # (not a replicates' 'Mean' or 'Average' in a file with columns of values in a unit, a wide
    # file's own figure; review: its 'Event' was then the marker)
    wide_like = any(split_header_unit(cells[i])[1] is not None for i in unmapped)
    value_named = "value" in roles or any(
        _WEAK_ROLE_OF.get(keys[i]) == "value" and not (wide_like and keys[i] in _REPLICATES_MEAN)
        for i in unmapped
    )
    # 'Observation' is the marker only beside its 'Observation Value' (eClinicalWorks), 'Item'
    # only beside a value column: in a wide file either may be remarks or a row's number
    # (review: such files were refused, a test's IL-8 read as an 'Observation' column's)
    no_role = {
        i
        for i in unmapped
        if (keys[i] == "observation" and "observationvalue" not in keys.values())
        or (keys[i] in _MARKER_ONLY_BESIDE_A_VALUE and not value_named)
    }
    weak_marker = {
        i for i in unmapped if _WEAK_ROLE_OF.get(keys[i]) == "marker" and i not in no_role
    }
    late = {i for i in unmapped if keys[i] in _NAMES_OF_A_LONG_VALUE}
    # ... and a study's subject id after a person's name, before another person column (review:
    # 'Case Number', an admission's, took the place of record_id)
    person = {i: 0 if keys[i].endswith(_NAME_WORDS) else 2 for i in unmapped}
    person.update((i, 1) for i in unmapped if keys[i] in _STUDY_IDS)
    person.update((i, -1) for i in unmapped if keys[i] in _PATIENT_NUMBERS)
    # ... and a test's code after its description, whichever comes first (review: 'Test
    # Code' 81101 before 'Test Description' IL-6 was read as the marker)
    in_turn = sorted(
        unmapped,
        key=lambda i: (
            i in late,
            keys[i] in _WEAKEST_VALUES,
            keys[i] in _NUMBER_COLUMNS,
            -slashed.get(i, 0),
            i not in weak_marker,
            # 'Item' after any other weak marker name ('Test Code' beside an 'Item' of line
            # numbers: review, the numbers were the markers)
            keys[i] in _MARKER_ONLY_BESIDE_A_VALUE,
            keys[i] == "testcode",
            person[i],
        ),
    )
    for index in in_turn:
        # matched without its '/' (review: 'Avg/Conc' beside 'Result' was no mean of the
        # replicates, and refused the file)
        key = keys[index]
        weak = (
            None
            if index in no_role
            else _WEAK_ROLE_OF.get(written[index]) or _slashed_role(written[index])
        )
        if key in _SDTM_STANDARDIZED and weak in roles:
            read = cells[roles["value"]] if "value" in roles else ""
            if not read:
                why = "it gives the study's standardized result"
            elif header_key(read) in _SDTM_STANDARDIZED:
                why = f"the study's standardized result is read from column '{shorten(read)}'"
            else:
                why = (
                    "it gives the study's standardized result (SDTM's LBSTRES…), and the result "
                    f"as the lab gave it is read from column '{shorten(read)}'"
                )
            not_read_why[index] = _not_read_because(why)
        elif key == "lbtestcd" and weak == "marker" and "marker" in roles:
            # SDTM's test code beside its test's name (review: 'not a known marker or field')
            not_read_why[index] = _not_read_because(
                f"it gives the test's code, and the marker is read from column "
                f"'{shorten(cells[roles['marker']])}'"
            )
        elif weak == "value" and key in _NAMES_OF_A_LONG_VALUE and "marker" not in roles:
            pass  # a wide file's 'Average' of its markers (review: the file was refused)
        elif weak == "value" and key in _OTHER_VALUE_NAMES and "value" in roles:
            not_read_why[index] = _given_already(cells[roles["value"]], "value")
        elif weak == "value" and key in _REPLICATES_MEAN and "value" in roles:
            # each replicate's own value is read (as before 'Calc. Conc. Mean' was a value)
            not_read_why[index] = _not_read_because(
                "it is the mean of the replicates, whose own values are read from column "
                f"'{shorten(cells[roles['value']])}'"
            )
        elif weak == "value" and _header_key_of(cells[roles.get("value", index)]) in (
            _DILUTION_CORRECTED
        ):
            # 'Conc' beside 'Final Conc': read off the curve, before the dilution (lab QA)
            raw_value = index
            not_read_why[index] = _read_before_dilution(cells[roles["value"]])
        elif weak == "value" and key == "concinrange" and "value" in roles:
            # beside Bio-Plex's 'Obs Conc': no calibrator's nominal value, as MSD's weak
            # 'Concentration' beside its calculated one is (lab QA round 10)
            not_read_why[index] = _not_read_because(
                "it is Bio-Plex's result within the standard curve ('OOR <' or 'OOR >' outside "
                f"it); column '{shorten(cells[roles['value']])}' beside it is read instead, "
                "whose starred values are estimates"
            )
        elif weak == "value" and "value" in roles:
            if _header_key_of(cells[roles["value"]]) not in _CALCULATED:
                raise _DuplicateRole("value", cells[roles["value"]], cells[index], cells)
            expected[index] = cells[index].strip()  # MSD: a calibrator's nominal value
            unmapped.remove(index)
        elif weak == "reference_range" and (
            "reference_range" in roles or not {"range_low", "range_high"}.isdisjoint(roles)
        ):
            # 'Ref' beside 'Ref Low'/'Ref High' gives no range: a lab's number (review); one
            # beside a range column is a second (QA: 'not a known field' said neither)
            given = " / ".join(
                cells[roles[role]] for role in ("reference_range", "range_low", "range_high")
                if role in roles
            )  # fmt: skip
            not_read_why[index] = _given_already(given, "range")
        elif weak == "marker" and key in _MARKER_BESIDE_A_VALUE and not value_named:
            pass  # a wide file's visit or event column (review: the file was refused)
        elif weak and weak not in roles:
            roles[weak] = index
            unmapped.remove(index)
        elif weak == "lab_flag":  # QA: 'Abnormal?' beside 'Flag' was 'not a known field'
            not_read_why[index] = _given_already(cells[roles[weak]], "flag")
        elif weak == "comment" and key in ALARM_COLUMNS:
            # review: a 'Cal.E' result was judged 'high' with no word of its alarm
            not_read_why[index] = second_comments[index] = _not_read_because(
                f"column '{shorten(cells[roles[weak]])}' gives the lab's comment already, so "
                "the instrument's alarms in this column are not applied: a result with one is "
                "judged as if it had none; check them in the file"
            )
        elif weak == "comment":  # 'Notes' beside 'Comment': the comment column is read
            not_read_why[index] = second_comments[index] = _given_already(
                cells[roles[weak]], "comment"
            )
        elif header_key(split_header_unit(cells[index])[0]) in _EXPECTED:
            expected[index] = cells[index].strip()
            unmapped.remove(index)
    _sdtm_as_one_set(cells, roles, unmapped, not_read_why)
    # an order or tube number, only where nothing else is, or 'Specimen' (then its type)
    held = roles.get("sample_id")
    if held is None or _header_key_of(cells[held]) in _SPECIMEN_OR_ITS_TYPE:
        order = next((i for i in unmapped if _header_key_of(cells[i]) in _ORDER_IDS), None)
        if order is not None:
            roles["sample_id"] = order
            unmapped.remove(order)
            if held is not None:  # review: 'Serum' was the sample of every order
                unmapped.append(held)
    coded = "sample_type" in roles and header_key(cells[roles["sample_type"]]) in _WEAK_ROLE_OF
    stand_in = next(
        (i for i in unmapped if _WEAK_ROLE_OF.get(_header_key_of(cells[i])) == "patient_id"),
        person_beside_id,
    )
    where_no_id = stand_in is not None and stand_in == person_beside_id
    stand_in_read = (
        {}
        if stand_in is None or "patient_id" not in roles
        else {cells[stand_in]: _stand_in_not_read(cells[roles["patient_id"]], where_no_id)}
    )
    if "sample_id" not in roles and "patient_id" not in roles:
        # a class's own panel: its 'Student' is the person (educator QA round 12: cases were
        # 'line 2', 'line 3'); only where no column names a sample or a person, nor may
        # ('Description', 'Name', 'ID'), as beside one it may be who ran the test (reviews:
        # two donors made one 'patient'). Its first letters asked first: every line the
        # delimiter's sniffing tries comes here (1.3% of a 20,000-row run, keyed whole)
        student = next(
            (
                i
                for i in unmapped
                if cells[i].lstrip()[:3].casefold() in ("stu", "pup")
                and header_key(cells[i]) in _CLASS_PERSON
            ),
            None,
        )
        if student is not None and not any(header_key(cells[i]) in _MAYBE_SAMPLE for i in unmapped):
            roles["patient_id"] = student
            unmapped.remove(student)
    if "marker" in roles and "value" in roles:
        # A Bio-Plex table (its coded 'Type' column, 'Well') names the sample 'Description';
        # without it every row was one sample's (QA: PT-001 and PT-002 merged in one panel).
        if (
            "sample_id" not in roles
            and "patient_id" not in roles
            and (coded or any(header_key(cells[i]) in _WELL for i in unmapped))
        ):
            _take_description(cells, unmapped, roles)
        maybe_sample = None
        if "sample_id" not in roles and "patient_id" not in roles:
            maybe_sample = next(
                (i for i in unmapped if header_key(cells[i]) in _MAYBE_SAMPLE), None
            )
        _take_rerun(cells, unmapped, roles, not_read_why)
        if "reference_range" in roles:  # the range cell is the lab's range: limits not read
            unmapped += [roles.pop(role) for role in _RANGE_LIMIT_ROLES if role in roles]
        limits_not_read = _limits_in_two_units(cells, roles)
        unmapped += [roles.pop(role) for role in _RANGE_LIMIT_ROLES if limits_not_read]
        ignored = [cells[i] for i in sorted(unmapped) if cells[i].strip()]
        unnamed = tuple(i for i in unmapped if not cells[i].strip())
        with_unit = _value_with_unit(cells[roles["value"]])
        return Layout(
            "long", roles, {}, ignored, unnamed=unnamed, coded_types=coded,
            value_unit=with_unit[1] if with_unit else None, expected=expected,
            range_unit=_range_columns_unit(cells, roles),
            msd_export="detection_range" in roles, maybe_sample=maybe_sample,
            patient_stand_in=stand_in, stand_in_where_no_id=where_no_id, raw_value=raw_value,
            not_read={
                **stand_in_read, **limits_not_read,
                **{cells[i]: why for i, why in not_read_why.items()},
            },
        )  # fmt: skip
    if "value" in roles or "marker" in roles:
        return None
    unmapped = [i for i in unmapped if i not in not_read_why]  # not read, as the first is not
    if "sample_id" not in roles:
        _take_description(cells, unmapped, roles)
    markers: dict[int, tuple[str, str | None]] = {}
    not_read: dict[int, str] = {}  # column → why it is not read ('' if it names nothing known)
    after_unit: dict[int, str] = {}  # `Layout.words_after_unit`

    def marker_named(name: str) -> str | bool:
        """The set's marker a name is, or whether it is a cytokine's the set lacks (review:
        'IL-18 Flag', 'IL-18 LOD' beside 'IL-18 (pg/mL)' were read as values)."""
        return known_marker(name) or looks_like_a_cytokine(name)

    no_name = []
    for index in unmapped:
        name, unit = split_header_unit(cells[index].replace("\ufeff", ""))
        if not name:
            no_name.append(index)
            continue
        words = instrument_name(name)
        if (
            words is not None and words.not_a_value and marker_named(words.marker)
            and not marker_named(name)  # a set's own marker may be called 'CD4 Count'
        ):  # fmt: skip
            # 'IL-6 SD (pg/mL)' has a unit, but is no result: never judged as one.
            # a dilution's: are its values multiplied by it? (audit round 16: said only in
            # a long file, of its 'Dil' column)
            judged = (
                f"; {shorten(words.marker)}'s values were judged as written, not multiplied by it"
                if header_key(words.not_a_value) in _DILUTION_NAMES
                else ""
            )
            not_read[index] = _not_read_because(
                f"it gives {whose_figure(words.not_a_value)} for "
                f"{shorten(words.marker)}, not the sample's result{judged}"
            )
        elif not marker_named(name) and any(
            marker_named(marker) for marker, _ in _marker_and_role(name)
        ):
            # 'IL-10 Reference Range (pg/mL)', 'IL-6 Ref Low': a marker's own column (QA:
            # 'IL-6 Ref Low (ng/mL)' was read as the results of a marker 'IL-6 Ref Low')
            not_read[index] = ""
        elif (
            (after := words_after_unit(cells[index].replace("\ufeff", ""))) is not None
            and not known_marker(name)
            and marker_named(after[0])
        ):
            # 'IL-6 (pg/mL) Day 7', 'IL-8 (pg/mL).1': IL-6's and IL-8's results (lab QA round
            # 10: dropped with 'not a known marker', three high results unsaid, exit 0)
            markers[index], after_unit[index] = (after[0], after[1]), after[2]
        elif header_key(name) in _DILUTION_NAMES:
            # 'Dilution Factor (pg/mL)' is no marker, whatever its unit (fuzzing round 16: a
            # 'DF' result of 10 pg/mL)
            not_read[index] = _not_read_because(
                "the values were judged as written, not multiplied by a dilution"
            )
        elif (
            known_marker(name)
            or looks_like_a_cytokine(name)  # its unit in the header, a units row, or missing
            or (unit and is_mass_concentration(unit))
        ):
            markers[index] = (name, unit)
        elif unit:  # QA: 'Sodium (mmol/L)', 'ALT (U/L)' beside CRP were 'no reference' markers
            not_read[index] = _not_read_because(
                f"it is not a marker of the reference set, and its unit '{shorten(unit)}' is "
                "not one cytokines are given in (pg/mL, ng/mL …); if it is a marker, add it to "
                "your ranges file"
            )
        else:
            not_read[index] = ""
    for index in not_read:
        markers.pop(index, None)
    not_read |= _figures_beside_results(markers, cells)
    for index in not_read:
        markers.pop(index, None)
    stand_ins = _means_of_replicates(markers)
    not_read |= {
        index: _not_read_because(
            "it is their mean, and they are each read as a result (it is read where none of "
            "them gives one: where they are blank or cannot be read, as 'N/A')",
            f"where a replicate column of {shorten(marker)} gives a result",
        )
        for index, (marker, _) in stand_ins.items()
    }
    # a set's marker, or a cytokine's name with its unit (QA: a chemokine panel, 'IL-18
    # (pg/mL)' and 'MCP-1 (pg/mL)', had 'no header' under a set that lacks both); names
    # alone make none (review: a line 'Analytes,MCP-1,IP-10' above a long file's header)
    if any(
        known_marker(name) or (_a_concentration(unit) and looks_like_a_cytokine(name))
        for name, unit in markers.values()
    ):
        companions, unread = _companion_columns(
            cells, markers, [i for i, why in not_read.items() if not why], marker_named
        )
        unread |= _limit_columns_not_read(cells, companions)
        for own in companions.values():
            for index in own.values():
                not_read.pop(index, None)
        not_read |= unread
        # One such cell per row cannot say which marker column it is for: not read.
        per_marker = [roles.pop(role) for role in _PER_MARKER_ROLES if role in roles]
        # review: it was read as a marker's value column (a second comment column: not read,
        # as in a long file)
        per_marker += [i for i in not_read_why if i not in second_comments]
        not_read |= second_comments
        return Layout(
            "wide", roles, markers, [cells[i] for i in sorted(not_read)], unnamed=tuple(no_name),
            coded_types=coded, per_marker=[cells[i] for i in sorted(per_marker)],
            not_read={cells[i]: why for i, why in not_read.items() if why} | stand_in_read,
            expected=expected, patient_stand_in=stand_in, stand_in_where_no_id=where_no_id,
            stand_ins={index: replicates for index, (_, replicates) in stand_ins.items()},
            companions=companions, range_units=_companion_range_units(cells, companions),
            words_after_unit={i: words for i, words in after_unit.items() if i in markers},
        )  # fmt: skip
    return None


def _a_concentration(unit: str | None) -> bool:
    """Whether a header's unit is a mass per volume, as cytokines are given (pg/mL, ng/L)."""
    return unit is not None and is_mass_concentration(unit)


def _companion_range_units(
    cells: list[str], companions: dict[int, dict[str, int]]
) -> dict[int, str]:
    """A wide marker column → the unit its own range column's header gives ('IL-6 Reference
    Range (pg/mL)'; QA: its cells were read in the value's unit, and 0.5 ng/mL was normal
    beside '0-3' pg/mL)."""
    units = {}
    for index, own in companions.items():
        # a unit panelcli knows, given by the range column or by both limit columns alike
        given = [marker_cell_unit(cells[own[role]])[1] for role in _RANGE_ROLES if role in own]
        known = [unit for unit in given if unit is not None]
        if known and len(known) == len(given) and same_size(known):
            units[index] = known[0]
    return units


def _limit_columns_not_read(
    cells: list[str], companions: dict[int, dict[str, int]]
) -> dict[int, str]:
    """A wide marker's own low and high columns that are not read, taken out of `companions`,
    with why: beside its own range column, or where their headers give two units."""
    unread = {}
    for own in companions.values():
        limits = [own[role] for role in _RANGE_LIMIT_ROLES if role in own]
        if not limits:
            continue
        if "reference_range" in own:
            range_header = shorten(cells[own["reference_range"]])
            why = _not_read_because(f"it gives a limit of the range, which '{range_header}' "
                                    "gives already")  # fmt: skip
        else:
            found = _why_limits_not_read([marker_cell_unit(cells[i])[1] for i in limits])
            if found is None:
                continue
            why = found
        for role in _RANGE_LIMIT_ROLES:
            if role in own:
                unread[own.pop(role)] = why
    return unread


#: The roles a wide marker column's own column may have ('IL-8 Unit', 'IL-6 Ref Range', 'IL-6
#: Ref Low' and 'IL-6 Ref High', read together as one range).
_COMPANION_ROLES = (
    "unit", "reference_range", "lab_flag", "range_low", "range_high", "result_status",
    "comment",  # 'IL-6 Comment' (QA: not read, its 'hemolyzed' lost)
)  # fmt: skip
#: Role words read only after a marker's name: a bare 'Referenz' column may hold anything
#: (review: an order number '1-2026' was read as a range)
_COMPANION_ONLY = {
    "referenz": "reference_range", "labflag": "lab_flag", "labunit": "unit",
    "status": "result_status",  # 'IL-6 Status' (QA: not read, a cancelled result judged)
    # the flag names a column takes only where no other flag column is (review: 'IL-6 H/L')
    **dict.fromkeys(_SLASHED_FLAGS, "lab_flag"),
}  # fmt: skip
_ROLE_SAID = {
    "unit": "unit", "reference_range": "range", "lab_flag": "flag",
    "range_low": "range's low limit", "range_high": "range's high limit",
    "result_status": "result status", "comment": "comment",
}  # fmt: skip


#: The most words `_marker_and_role` reads a marker and a role in ('Human IL-6 Reference Range
#: Low Limit (pg/mL)' is 8)
_MOST_WORDS_OF_A_ROLE_NAME = 16


def _marker_and_role(
    name: str, roles: Sequence[str] = _COMPANION_ROLES
) -> Iterator[tuple[str, str]]:
    """The ways a header may be a marker's name and one of `roles` ('IL-6 Reference Range':
    'IL-6' and reference_range), the longest marker's name first."""
    parts = split_header_unit(name)[0].split()
    if len(parts) > _MOST_WORDS_OF_A_ROLE_NAME:
        return  # no marker and role take so many words (developer QA round 10: 80k characters
        # of words took 134 s, each cut keyed whole)
    for cut in range(len(parts) - 1, 0, -1):
        key = header_key(" ".join(parts[cut:]))
        role = _ROLE_OF.get(key) or _COMPANION_ONLY.get(key)
        if role is not None and role in roles:
            yield " ".join(parts[:cut]), role


def _companion_columns(
    cells: list[str],
    markers: dict[int, tuple[str, str | None]],
    candidates: list[int],
    known_marker: KnownMarker,
) -> tuple[dict[int, dict[str, int]], dict[int, str]]:
    """Of the `candidates` (columns that name nothing known), those named by a marker column's
    marker and a role ('IL-6 Flag'), by marker column and role (the first of a role wins);
    and why each other one naming a known marker and a role is not read."""

    def key_of(name: str) -> str:  # the set's name where it has one: aliases match (review)
        known = known_marker(name)
        return marker_key(known if isinstance(known, str) else name)

    columns_of: dict[str, list[int]] = {}
    plain: set[str] = set()  # markers with a column that is no replicate's or mean's
    for index, (name, _) in markers.items():
        words = instrument_name(name)
        key = key_of(words.marker if words else name)
        columns_of.setdefault(key, []).append(index)
        if words is None or not (words.replicate or words.mean):
            plain.add(key)
    found: dict[int, dict[str, int]] = {}
    unread: dict[int, str] = {}
    for index in candidates:
        for marker, role in _marker_and_role(cells[index]):
            key = key_of(marker)
            columns = columns_of.get(key)
            said = f"it gives {shorten(marker)}'s {_ROLE_SAID[role]}"
            if columns is None:
                if known_marker(marker):
                    unread[index] = _not_read_because(
                        f"{said}, but the file has no column of {shorten(marker)}'s results"
                    )
                continue  # 'IL-6 Reference' + 'Range': try 'IL-6' + 'Reference Range'
            unread.pop(index, None)
            # Replicates ('IL-6 Rep 1', 'Rep 2') share their marker's columns (review); of a
            # marker given twice otherwise, which one's is not known.
            if len(columns) == 1 or key not in plain:
                given = found.get(columns[0], {}).get(role)
                if given is not None:  # review: a second range column was 'not known'
                    unread[index] = _not_read_because(
                        f"{said}, which '{shorten(cells[given])}' gives already"
                    )
                for column in columns:
                    found.setdefault(column, {}).setdefault(role, index)
            else:
                unread[index] = _not_read_because(
                    f"{said}, but the file has {len(columns)} columns of {shorten(marker)}, so "
                    "which one's is not known"
                )
            break
    return found, unread


def _take_description(cells: list[str], unmapped: list[int], roles: dict[str, int]) -> None:
    """Read the first 'Description' column among `unmapped` as the sample id, if there is one."""
    described = [i for i in unmapped if header_key(cells[i]) in _WIDE_SAMPLE_ID]
    if described:
        roles["sample_id"] = described[0]
        unmapped.remove(described[0])


def _means_of_replicates(
    markers: dict[int, tuple[str, str | None]],
) -> dict[int, tuple[str, tuple[int, ...]]]:
    """The columns of a mean beside its marker's replicate columns ('IL-6 Mean' beside 'IL-6
    Rep 1', 'IL-6 Rep 2'), each with its marker and those columns: the replicates are the
    results, and the mean stands in for them only where they are blank."""
    read = {index: instrument_name(name) for index, (name, _) in markers.items()}
    replicates: dict[str, list[int]] = {}
    for index, r in read.items():
        if r is not None and r.replicate:
            replicates.setdefault(marker_key(r.marker), []).append(index)
    return {
        index: (r.marker, tuple(replicates[marker_key(r.marker)]))
        for index, r in read.items()
        if r is not None and r.mean and marker_key(r.marker) in replicates
    }


#: Roles of the long layout that belong to one value, so a wide row's one cell cannot hold them.
_PER_MARKER_ROLES = (
    "reference_range", "range_low", "range_high", "comparator", "lab_flag", "detection_range",
    "critical_low", "critical_high", "assay_lod", "assay_lloq", "assay_uloq",
)  # fmt: skip
#: The lab's range as a low and a high column (read together, as one range cell).
_RANGE_LIMIT_ROLES = ("range_low", "range_high")
#: The lab's critical limits, a low and a high column (`critical_cells`)
CRITICAL_ROLES = ("critical_low", "critical_high")
#: A long row's assay limit columns, as the set's keys name them (`AssayLimitCells`)
ASSAY_LIMIT_ROLES = {"assay_lod": "lod", "assay_lloq": "lloq", "assay_uloq": "uloq"}
_RANGE_ROLES = ("reference_range", *_RANGE_LIMIT_ROLES)
_AS_WRITTEN = ("collected_at", "marker", "unit", *_RANGE_ROLES)


class _DuplicateRole(Exception):
    def __init__(self, role: str, first: str, second: str, cells: list[str]) -> None:
        super().__init__(role)
        self.role, self.first, self.second, self.cells = role, first, second, cells


#: Columns of panelcli's own `--format csv` report that no lab export has together.
_REPORT_COLUMNS = frozenset({"markeraswritten", "originalvalue", "issuecode", "referencetext"})


_DELIMITERS = (",", ";", "\t", "|")


#: How a comment that marks a file made up starts: the bundled samples' first line ('#
#: Synthetic example data made up for panelcli. It is not from a real person.'), and a
#: teacher's own words ('# Made-up class example', '# Synthetic test data', '# Fake lab
#: results'; educator QA round 12: only panelcli's sentence, copied exactly, did)
_SAYS_MADE_UP = lazy_pattern(r"(?:synthetic|made[- ]up|fictional|fictitious|fake)\b", re.IGNORECASE)
#: ... but not of a real file's ids or materials ('Made-up study IDs replace the MRNs',
#: 'Synthetic patient identifiers', 'Synthetic peptide standards', 'made up of two exports':
#: reviews of round 12, real exports were said to be made up), nor beside real results
_MADE_UP_IS_NOT_THE_DATA = lazy_pattern(
    r"\s+(?:of\b|(?:\w+\s+){0,2}(?:ids?|identifiers?|mrns?|names?|initials|numbers?\s+only)\b"
    r"|(?:peptides?|standards?|controls?|calibrators?|spikes?|spiked)\b)",
    re.IGNORECASE,
)
#: 'real' said of the data, not denied ('not from a real person' is the bundled samples')
_REAL_SAID = lazy_pattern(r"\breal\b", re.IGNORECASE)
_REAL_DENIED = lazy_pattern(r"\b(?:not|no|never)\b[^.;]*\breal\b", re.IGNORECASE)


def says_synthetic(preamble: Iterable[str]) -> bool:
    """Whether a comment line above the header says the file holds made-up data."""
    # The file's own words, not a byte comparison with the bundled samples: a copy piped on
    # stdin, renamed or edited is still made up (QA), and a spreadsheet may pad the line.
    # The comment starts with them ('# This is NOT synthetic example data …' is no such mark).
    return any(_says_made_up(line) for line in preamble if _commented(line))


def _says_made_up(line: str) -> bool:
    """Whether a comment line says its file's data are made up (`_SAYS_MADE_UP`)."""
    text = " ".join(line.split()).lstrip("#").lstrip()
    word = _SAYS_MADE_UP.match(text)
    if word is None or _MADE_UP_IS_NOT_THE_DATA.match(text, word.end()):
        return False
    rest = text[word.end() :]
    return not _REAL_SAID.search(rest) or _REAL_DENIED.search(rest) is not None


def _commented(first_cell: str) -> bool:
    """A line before the header that starts with '#' ('# columns: sample_id, marker') is a
    comment, however many delimiters it has; a lone '#' cell may name a column of row numbers."""
    text = first_cell.strip().lstrip("\ufeff")
    return text.startswith("#") and text != "#"


#: Olink's relative readings named above a table ('NPX data', 'Olink NPX Manager').
_NPX = lazy_pattern(r"\bNPX\b", re.IGNORECASE)
_NPX_SCALE = "Olink's relative log2 scale, not concentrations"


#: A ranges file's table line ('[set]', '[markers."IL-6"]', '[[markers.IL-6.intervals]]')
_RANGES_TABLE = lazy_pattern(r"\s*\[\[?\s*(?:set|markers\s*\.[^\]]+)\s*\]\]?\s*(?:#.*)?$")


def _find_header(
    head_lines: list[str], known_marker: KnownMarker, source: str
) -> tuple[str, int, Layout]:
    """`_find_header_in`, refusing a file whose lines above the header say its values are
    Olink's NPX (QA: 'NPX data' above 'SampleID;IL8;IL6', and --assume-unit pg/mL judged log2
    readings as concentrations)."""
    found: tuple[str, int, Layout] | InputError
    ranges_line = next(
        (
            n
            for n, line in enumerate(head_lines, 1)
            # (the pattern compiled only where a line may be a table's: start-up)
            if line.lstrip().startswith("[") and _RANGES_TABLE.match(line)
        ),
        None,
    )
    if ranges_line is not None:  # lab QA round 8: 97 problems and 56 warnings, of TOML lines
        # not '--ranges -' for standard input, which --ranges refuses (script-author QA round
        # 22: the hint failed when followed)
        piped = source in (STDIN, describe_source(STDIN))
        raise InputError(
            f"{source}: this is a panelcli ranges file (TOML: '[set]' or '[markers.…]' on line "
            f"{ranges_line}), not lab results: "
            + (
                "save it to a file and give that with --ranges (panelcli check results.csv "
                "--ranges mylab.toml)"
                if piped
                else f"give it with --ranges (panelcli check results.csv --ranges {source})"
            ),
            line=ranges_line,
        )
    try:
        found = _find_header_in(head_lines, known_marker, source)
    except InputError as problem:
        found = problem
    if isinstance(found, tuple) and _gives_units(found[2], head_lines, *found[:2]):
        return found  # its header says what its values are (review: 'not NPX' in a note)
    above = found[1] - 1 if isinstance(found, tuple) else len(head_lines)
    said = next((n for n, line in enumerate(head_lines[:above], 1) if _NPX.search(line)), None)
    if said is not None and _NPX_SCALE not in str(found):  # not said of its 'NPX' column
        raise InputError(
            f"{source}: line {said} says the values are 'NPX': {_NPX_SCALE}, so panelcli "
            "cannot judge this file",
            line=said,
        )
    if isinstance(found, InputError) and source.casefold().endswith(".toml"):
        toml_table = next(
            (n for n, line in enumerate(head_lines, 1) if _TOML_TABLE.fullmatch(line.strip())),
            None,
        )
        if toml_table is not None:
            # next-step QA round 21: 'check samples/*' read the demos' index.toml, refused as
            # 'no header … the first line that looks like one is line 16'
            raise InputError(
                f"{source}: this is a TOML file ('{shorten(head_lines[toml_table - 1].strip())}' "
                f"on line {toml_table}), not lab results: panelcli check reads lab exports "
                "(CSV)",
                line=toml_table,
            )
    if isinstance(found, InputError):
        raise found
    return found


#: A TOML table's line ('[samples.storm]'), which no lab export's line is alone
_TOML_TABLE = lazy_pattern(r"\[\[?[\w.\"' -]+\]\]?")


def _names_over_units(cells: list[str], below: list[str], delimiter: str) -> list[str] | None:
    """A header of cytokines' names alone whose next line gives each a concentration unit
    ('MCP-1' over 'pg/mL'), as if the header gave them ('MCP-1 (pg/mL)'); None for any other
    (QA: a chemokine panel the set lacks had 'no header'; names alone above other lines make
    none, as 'Analytes,MCP-1,IP-10' above a long file's header)."""
    # the next line first, lazily, and one with a number ends it (a data row: nearly every
    # line asked; review of the cost: all the lines below were scanned for each, +1.2%)
    line = next((line for line in below if line.strip()), None)
    under = None if line is None else next(csv.reader([line], delimiter=delimiter), None)
    if under is None or len(under) > len(cells) or _has_a_number(under):
        return None
    if any(unit for _, unit in map(split_header_unit, cells)):
        return None
    named = [
        i for i, cell in enumerate(cells[: len(under)])
        if looks_like_a_cytokine(cell.strip()) and under[i].strip()
    ]  # fmt: skip
    if not named or not all(_a_concentration(units_cell(under[i])) for i in named):
        return None
    if any(under[i].strip() for i in range(len(under)) if i not in named and i > 0):
        return None  # another column given a unit too: not this simple form
    return [
        f"{cell} ({units_cell(under[i])})" if i in named else cell for i, cell in enumerate(cells)
    ]


def _gives_units(layout: Layout, head_lines: list[str], delimiter: str, header_end: int) -> bool:
    """Whether a header gives its values' units: a unit column, one in a column's name, or a
    units row under it (review: 'Olink NPX export' above 'IL6' over 'pg/mL' was refused)."""
    units = [layout.value_unit, *(unit for _, unit in layout.markers.values())]
    if "unit" in layout.roles or any(unit is not None for unit in units):
        return True
    below = [line for line in head_lines[header_end:] if line.strip()][:1]
    cells = next(csv.reader(below, delimiter=delimiter), None)
    return layout.kind == "wide" and cells is not None and is_units_row(cells, layout)


def records(lines: Iterable[str], delimiter: str) -> Iterator[tuple[int, int, list[str]]]:
    """Each csv record of `lines` with the lines it starts and ends on: a quoted field may
    span lines, and a row is named by the line it starts on."""
    reader = csv.reader(lines, delimiter=delimiter)
    ended = 0
    for cells in reader:
        started, ended = ended + 1, reader.line_num
        yield started, ended, cells


def _find_header_in(
    head_lines: list[str], known_marker: KnownMarker, source: str
) -> tuple[str, int, Layout]:
    """Try each delimiter on the first lines; the one that reveals a header wins."""
    best: tuple[tuple[int, int], str, int, Layout] | None = None
    duplicate: _DuplicateRole | None = None
    half: tuple[int, list[str], str] | None = None  # a header with marker or value, not both
    for delimiter in _DELIMITERS:
        half_here: list[str] | None = None
        try:
            rows = 0  # not blank ones: an xPONENT export's blocks left out are (xponent.py)
            for started, ended, cells in records(head_lines, delimiter):
                if not cells:
                    continue
                rows += 1
                if rows > HEADER_SEARCH_ROWS:
                    break
                if len(cells) < 2 or _commented(cells[0]):
                    continue
                try:
                    layout = map_header(cells, known_marker)
                    if layout is None:  # cytokines the set lacks, their units in a row below
                        with_units = _names_over_units(cells, head_lines[ended:], delimiter)
                        if with_units is not None:
                            layout = map_header(with_units, known_marker)
                except _DuplicateRole as exc:
                    duplicate = duplicate or exc
                    break
                if layout is None and half_here is None and _could_be_header(cells):
                    roles = {_ROLE_OF.get(_header_key_of(cell)) for cell in cells}
                    if ("marker" in roles) != ("value" in roles):
                        half_here = cells
                        missing = "value" if "marker" in roles else "marker"
                        half = half or (started, cells, missing)
                # A 'wide header' as wide as a header lacking its value column is a data row.
                if layout and layout.kind == "wide" and half_here and len(half_here) == len(cells):
                    break
                if layout and layout.kind == "wide" and _has_a_number(cells):
                    layout = None  # a data row ('E1;IL-6;12,5;pg/mL'): a header has no numbers
                if layout and layout.kind == "wide" and cells[0].strip().endswith(":"):
                    # 'Panel:,IL-6' is a label and its value above the table (QA: it was taken
                    # for the header, 'Dilution:,4' judged as IL-6 4, the real rows lost)
                    layout = None
                if layout:
                    # The first header wins (a later 'header' is a data row that happens to
                    # look like one with another delimiter); on one line, the most cells win.
                    score = (-ended, len(cells))
                    if best is None or score > best[0]:
                        best = (score, delimiter, ended, layout)
                    break
        except csv.Error:
            continue
    if best:
        _refuse_a_plate_layout(head_lines, best[1], best[2], source)
        _refuse_a_table_per_marker(head_lines, *best[1:], source)
        return best[1], best[2], best[3]
    if duplicate:
        header = {header_key(cell) for cell in duplicate.cells}
        if header >= _REPORT_COLUMNS:  # QA: yesterday's report.csv in today's '*.csv'
            raise InputError(
                f"{source}: this is a report panelcli wrote (--format csv), not a lab's export; "
                "leave it out of the files to check"
            )
        role = duplicate.role.replace("_", " ")
        written = duplicate.first.strip()
        if written == duplicate.second.strip():  # which two, by place (lab QA round 9)
            places = [
                str(i) for i, cell in enumerate(duplicate.cells, 1) if cell.strip() == written
            ]
            raise InputError(
                f"{source}: columns {' and '.join(places[:2])} of the header are both named "
                f"'{shorten(written)}' and both look like the {role} column; rename one"
            )
        raise InputError(
            f"{source}: columns '{shorten(duplicate.first)}' and '{shorten(duplicate.second)}' "
            f"both look like the {role} column; rename one"
        )
    if half:
        line, cells, missing = half
        if missing == "value" and "npx" in {header_key(cell) for cell in cells}:
            raise InputError(  # renamed 'value', NPX would be judged as a concentration
                f"{source}: the header on line {line} has an 'NPX' column: {_NPX_SCALE}, so "
                "panelcli cannot judge this file",
                line=line,  # validate's 'file:line:' (developer QA round 8)
            )
        named = _value_with_other_words(cells) if missing == "value" else None
        if named is not None:  # QA: 'Result (xyz)' was told to be named 'result'
            cell, words = named
            raise InputError(
                f"{source}: the header on line {line} has a column '{shorten(cell)}', which looks "
                f"like the value column, but '{shorten(words)}' in its name is not a unit "
                "panelcli knows (such as pg/mL or ng/L); rename the column, and give the unit in "
                "a unit column or with --assume-unit",
                line=line,
            )
        dated = [cell.strip() for cell in cells if re.search(_YEAR, cell) and len(cell) <= 40]
        if missing == "value" and len(dated) >= 2:  # QA: told to name a column 'value'
            raise InputError(
                f"{source}: the header on line {line} has a marker column and dates as columns "
                f"('{shorten(dated[0])}', '{shorten(dated[1])}' …): panelcli does not read a "
                "table with dates across; turn it so that each row is one result (columns "
                "marker, value, unit, date), or each row one date (a date column, then one "
                "column per marker with its unit, such as 'IL-6 (pg/mL)')",
                line=line,
            )
        present = "value" if missing == "marker" else "marker"
        raise InputError(
            f"{source}: the header on line {line} has a {present} column but no {missing} "
            f"column (name it '{missing}' or '{_ROLES[missing][1]}')",
            line=line,
        )
    worded = _markers_with_other_words(head_lines, known_marker)
    if worded is not None:  # QA: 'Sample ID,IL-6 Level,TNF-a Level' was no header at all
        line, cell, marker = worded
        raise InputError(
            f"{source}: no header panelcli reads: the one on line {line} seems to name markers "
            f"with other words ('{shorten(cell)}' for {marker}?), and no column that panelcli "
            "reads as a marker's; name each marker's column by the marker and its unit, such "
            "as 'IL-6 (pg/mL)'",
            line=line,
        )
    for delimiter in _DELIMITERS:  # lab QA round 16: a plate's grid got the generic words
        _refuse_a_plate_layout(head_lines, delimiter, 0, source)
    message = _message_not_a_table(head_lines)
    if message is not None:  # lab QA: an HL7 or ASTM message got the generic 'no header'
        raise InputError(f"{source}: {message}")
    spaced = _header_spaced_apart(head_lines[:HEADER_SEARCH_ROWS])
    if spaced is not None:  # educator QA round 11: told to have the columns it had
        line, text = spaced
        raise InputError(
            f"{source}: the header on line {line} ('{shorten(text)}') puts spaces between its "
            "columns, which panelcli does not read as columns: put a comma between them "
            f"('{shorten(','.join(text.split()))}'), and between the cells of each row",
            line=line,
        )
    # where it was looked for, and the line that looks like one (lab QA: 'in the first 100
    # rows' of a 3-line file, with no word of which names panelcli did not know)
    looked = (
        f" in the first {HEADER_SEARCH_ROWS} rows" if len(head_lines) > HEADER_SEARCH_ROWS else ""
    )
    seen = _header_like_line(head_lines[:HEADER_SEARCH_ROWS])
    columns_said = ""
    if seen is not None:
        line, cells = seen
        weak = [c for c in cells if _WEAK_ROLE_OF.get(header_key(c)) == "value"]
        if weak and not {_ROLE_OF.get(header_key(c)) for c in cells} & {"marker", "value"}:
            # educator QA round 11: 'Name,Concentration,unit' got the generic message, though
            # 'Name,Level,Units' is told its marker column is missing
            raise InputError(
                f"{source}: the header on line {line} has a value column ('{shorten(weak[0])}') "
                "but no marker column (name it 'marker' or 'analyte')",
                line=line,
            )
        names = ", ".join(f"'{shorten(cell.strip(), 20)}'" for cell in cells[:4])
        more = " …" if len(cells) > 4 else ""
        columns_said = f"; the first line that looks like one is line {line} ({names}{more})"
    # not where line 1 looks like the header: no line is above it (differential test: a long
    # file with unknown column names was told to remove lines above its header)
    farther = (
        "; a header further down is not looked for: remove the lines above it"
        if looked and (seen is None or seen[0] > 1)
        else ""
    )
    raise InputError(
        f"{source}: no header with marker and value columns found{looked}{columns_said} (expected "
        "columns such as 'marker' and 'value', or one column per marker such as 'IL-6 "
        f"(pg/mL)'; a line starting with '#' is a comment, never the header{farther})"
    )


#: An instrument's or LIS's message, by the start of its first line: what it is
_MESSAGES = (
    ("MSH|", "an HL7 v2 message (its first segment is MSH)"),
    # lab QA round 7: bare OBX segments, cut from a message, got the generic 'no header'
    ("OBX|", "a part of an HL7 v2 message (OBX segments, one result each)"),
    ("PID|", "a part of an HL7 v2 message (its patient's PID segment first)"),
    ("OBR|", "a part of an HL7 v2 message (its order's OBR segment first)"),
    ("H|\\^&", "an ASTM message from an instrument (its first record is H|\\^&)"),
    ("1H|\\^&", "an ASTM message from an instrument (its first record is H|\\^&)"),
)


#: Markup's first words, as `_message_not_a_table` says them
_MARKUP = (
    (
        "<!doctype html",
        "a web page (HTML: a report saved from a browser, or as Excel's 'Web Page')",
    ),
    ("<html", "a web page (HTML: a report saved from a browser, or as Excel's 'Web Page')"),
    ("<table", "an HTML table (a report saved from a browser)"),
    ("<?xml", "an XML file (an Excel 2003 'XML Spreadsheet', or a lab system's XML)"),
)


#: A plate reader's grid's columns, after a blank corner cell
_PLATE_NUMBERS = [str(number) for number in range(1, 13)]


def _names_plate_columns(line: str) -> bool:
    """Whether a line names a plate's columns 1 to 12 after a blank cell (cells compared, not
    a pattern: one backtracked for minutes on a line of spaces; review)."""
    for delimiter in ",;\t":
        cells = [cell.strip() for cell in line.rstrip("\r\n").split(delimiter)]
        while len(cells) > 13 and not cells[-1]:
            cells.pop()
        if len(cells) == 13 and not cells[0] and cells[1:] == _PLATE_NUMBERS:
            return True
    return False


def _message_not_a_table(head_lines: list[str]) -> str | None:
    """Why a file that is an HL7 or ASTM message, or a plate's grid, is no table, and what to
    do; else None."""
    first = next((line.lstrip("\ufeff\x02 \t") for line in head_lines if line.strip()), "")
    what = next((said for start, said in _MESSAGES if first.startswith(start)), None)
    if what is None and first[:1] == "<":  # lab QA round 13: the generic 'no header'
        opening = first.casefold()
        what = next((said for start, said in _MARKUP if opening.startswith(start)), None)
    if what is None and any(_names_plate_columns(line) for line in head_lines[:30]):
        return (
            "this is a plate's layout (a grid of wells, rows A to H and columns 1 to 12), not "
            "a table of results: export the concentrations as a table, a row per sample (or "
            "per result) with its marker, value and unit"
        )
    if what is None:
        return None
    return (
        f"this is {what}, not a table of results: export the results from the lab system as "
        "CSV (a row per result with marker, value and unit columns), or have it convert them"
    )


def _header_spaced_apart(head_lines: list[str]) -> tuple[int, str] | None:
    """The first line of text and its number where it is one cell of words that name a
    marker and a value column apart ('marker value unit', as typed in a text editor)."""
    for number, line in enumerate(head_lines, 1):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        text = line.strip()
        if any(delimiter in text for delimiter in _DELIMITERS):
            return None
        roles = {_ROLE_OF.get(header_key(word)) for word in text.split()}
        return (number, text) if {"marker", "value"} <= roles else None
    return None


def _header_like_line(head_lines: list[str]) -> tuple[int, list[str]] | None:
    """The first line whose cells (split by the delimiter that gives the most) could be
    column names, with its number; None if none could."""
    for number, line in enumerate(head_lines, 1):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        splits = [next(csv.reader([line], delimiter=d), []) for d in _DELIMITERS]
        cells = [cell for cell in max(splits, key=len) if cell.strip()]
        if cells and cells[0].rstrip().endswith(":"):
            continue  # a label's line above the table ('Kit:', 'Reader:'; lab QA)
        if len(cells) >= 2 and _could_be_header(cells):
            return number, cells
    return None


#: Words beside a marker's name in a column's name that say no more than 'its value'
#: ('IL-6 Level', 'IL-10 conc.', 'Serum IL-6'), as a header may write them
_OTHER_WORDS = lazy_pattern(
    r"(?:(?:serum|plasma|edta)\s+)?(?P<name>.+?)\s+(?:levels?|conc\.?|concentrations?|"
    r"konz\.?|konzentration|results?|values?|wert)|(?:serum|plasma|edta)\s+(?P<alone>.+)",
    re.IGNORECASE,
)


def _refuse_a_plate_layout(
    head_lines: list[str], delimiter: str, header_end: int, source: str
) -> None:
    """Refuse a plate reader's grid of wells (',1,2,3…' over rows 'A', 'B' …) right under
    the header, or anywhere where no header is found (`header_end` 0): lab QA round 16, its
    title was read as a header, and each row blamed on 'a decimal comma?'. Under a header, only
    a title's (one cell named): a wide header's first row may be ',1,2,3' (review)."""
    if header_end:
        title = next(csv.reader(head_lines[header_end - 1 : header_end], delimiter=delimiter), [])
        if sum(bool(cell.strip()) for cell in title) != 1:
            return
    rows = csv.reader(head_lines[header_end : header_end + HEADER_SEARCH_ROWS], delimiter=delimiter)
    # under a header, its first row and the 16 a grid's may be (a file's every opening reads
    # them: start-up)
    read = ((rows.line_num, cells) for cells in rows if not is_blank(cells))
    try:
        lines = list(itertools.islice(read, 17 if header_end else None))
    except csv.Error:
        return
    for at, (line, cells) in enumerate(lines[:1] if header_end else lines):
        corner = cells[0].strip()
        # blank, Gen5's '<>' or a word for the rows: a sample's row of 1, 2, 3 is no grid's
        if corner[:1].isalnum() and corner.casefold() not in ("plate", "row", "well", "wells"):
            continue
        numbers = [cell.strip() for cell in cells[1:]]
        while numbers and not numbers[-1]:
            numbers.pop()
        if len(numbers) < 3 or numbers != [str(n) for n in range(1, len(numbers) + 1)]:
            continue
        letters = [row[0].strip().upper() for _, row in lines[at + 1 : at + 17] if row]
        count = next((i for i, c in enumerate(letters) if c != "ABCDEFGHIJKLMNOP"[i]), len(letters))
        if count < 2:
            continue
        raise InputError(
            f"{source}: line {header_end + line} starts a plate layout (rows A-"
            f"{letters[count - 1]}, columns 1-{len(numbers)}: one value per well), which "
            "panelcli cannot read: export the results as a list, one row per sample or well "
            "with its marker, value and unit (or one row per sample, with a column per marker "
            "such as 'IL-6 (pg/mL)')",
            line=header_end + line,
        )


def _refuse_a_table_per_marker(
    head_lines: list[str], delimiter: str, header_end: int, layout: Layout, source: str
) -> None:
    """Refuse a report of one table per marker, each under a line of its name alone ('Hu
    IL-6 (19),,,' over 'Type,Well,Description,FI,Obs Conc'): read as a wide header of one
    marker, every row was refused as having too many cells, 'a decimal comma?' (lab QA)."""
    if layout.kind != "wide" or len(layout.markers) != 1:
        return
    rows = csv.reader(head_lines[header_end - 1 :], delimiter=delimiter)
    title = next(rows, [])
    # the name first, over a header's first column (review: a wide file of one marker,
    # ',IL-6 (pg/mL),' over 'Sample ID,Result,Flag', was refused)
    if sum(bool(cell.strip()) for cell in title) != 1 or 0 not in layout.markers:
        return
    below = next((cells for cells in rows if not is_blank(cells)), [])
    roles = {_ROLE_OF.get(_header_key_of(cell)) for cell in below}
    if "value" not in roles or "marker" in roles or not below[0].strip():
        return
    (index,) = layout.markers
    name = title[index].strip()
    raise InputError(
        f"{source}: line {header_end} gives a marker's name alone ('{shorten(name)}') above a "
        f"header with no marker column: a report of one table per marker, which panelcli "
        "cannot read; export the results as one table, with a marker column (or one column "
        "per marker, such as 'IL-6 (pg/mL)')",
        line=header_end,
    )


def _markers_with_other_words(
    head_lines: list[str], known_marker: KnownMarker
) -> tuple[int, str, str] | None:
    """The first line of several cells, one of which names a marker with words around it
    ('IL-6 Level'): its line, that cell and the marker; None if there is none."""
    for delimiter in _DELIMITERS:
        reader = csv.reader(head_lines[:HEADER_SEARCH_ROWS], delimiter=delimiter)
        with contextlib.suppress(csv.Error):
            for cells in reader:
                if len(cells) < 2 or _commented(cells[0]) or not _could_be_header(cells):
                    continue
                for cell in cells:
                    worded = _OTHER_WORDS.fullmatch(one_spaced(cell.strip()))
                    name = worded and (worded["name"] or worded["alone"])
                    marker = known_marker(name) if name else None
                    if marker:
                        said = marker if isinstance(marker, str) else name
                        return reader.line_num, cell, str(said)
    return None


def _has_a_number(cells: list[str]) -> bool:
    return any(_LOOKS_NUMERIC.match(cell) for cell in cells)


def _could_be_header(cells: list[str]) -> bool:
    """Column names are short words: a row with a number, a line break or prose in a cell
    ('-,25,Test') is data, even when one cell happens to be a header word."""
    return not any(
        len(cell) > 60 or "\n" in cell or "\r" in cell or _LOOKS_NUMERIC.match(cell.strip())
        for cell in cells
    )


def is_blank(cells: list[str]) -> bool:
    """A row with nothing in it (a blank line, or only delimiters and spaces): not a row."""
    return not "".join(cells).strip()


def is_comment(cells: list[str]) -> bool:
    """Only a lone '#' cell is a comment: '#A12' and (quoted) '# 5' may be sample ids, so
    such a row is read, with a warning (see `hash_row_read`). A byte order mark before it is
    no cell text: two UTF-8 exports joined by `cat` (QA: the second's '#' line was a sample)."""
    return cells[0].lstrip().lstrip("\ufeff").startswith("#") and not "".join(cells[1:]).strip()


#: A page's number or print line, as a LIMS report puts at each page's foot ('Page 1 of 2',
#: 'Seite 2 von 3', '- 2 -', 'Printed by: jdoe 2024-12-26').
_PAGE_LINE = lazy_pattern(
    # decorated or not ('*** End of Report ***', '-- Ende des Befundes --'; QA)
    r"[\s*=_~#-]*(?:"
    r"(?:page|seite|pagina|página)\s*\d+(?:\s*(?:of|/|von|de|di|sur)\s*\d+)?|-\s*\d+\s*-"
    # Excel's 'sep=;' line and an export's date above a second export joined on (lab QA round
    # 12: each was a sample with no marker, exit 2)
    r"|sep=.?|export\s*(?:date|time)\b.*"
    r"|(?:printed|print\s*date|generated|exported"
    r"|end\s+of\s+(?:the\s+)?(?:report|file|data|results?|document))\b.*"
    # German, French, Spanish and Italian ends and print lines (QA: each made a 'sample')
    r"|(?:ende\s+des\s+(?:befundes|berichts|berichtes|reports|dokuments)"
    r"|fin\s+(?:du|de|del)\s+(?:rapport|informe|documento?)|fine\s+del\s+referto)\b.*"
    r"|(?:validated|approved|released|signed)\s+by\b.*|report\s+(?:generated|printed|created)\b.*"
    r"|(?:gedruckt|erstellt|ausgedruckt)\s+am\b.*|imprimé\s+le\b.*|impreso\s+el\b.*"
    # a count of what the report holds ('Total results: 2', 'Anzahl Befunde: 3'; lab QA round
    # 13: 'Total records: 4', 'Row count: 4', '4 records' each made a 'sample', exit 2)
    r"|(?:total\s+(?:results|tests|samples|records|rows|lines)"
    r"|anzahl\s+(?:befunde|proben|ergebnisse)|row\s*count|record\s*count"
    r"|records?\s+(?:exported|found|listed|returned|selected)"
    r"|number\s+of\s+(?:results|samples|tests|records|rows))\s*:?\s*\d+"
    r"|\d+\s+(?:records?|rows?|results?)(?:\s+(?:exported|found|listed|returned|selected))?"
    # a plate's or run's title above its block, alone on its line (lab QA round 23: 'Plate 2'
    # above a repeated header was a sample with no values, exit 2, where 'Plate 1' on top was
    # a title); a sample's row gives values beside it
    r"|(?:plate|platte|plaque|placa|piastra|plaat|run|batch|lauf|block|section|serie|series)"
    r"\s*#?\s*\d{1,3}"
    r")[\s*=_~#-]*",
    re.IGNORECASE,
)
#: A print line's first cell alone, its date and who printed it in the cells after it
_PRINTED_ALONE = lazy_pattern(
    r"(?:printed|print\s*date|exported|export\s*date|generated|gedruckt|imprimé|impreso)"
    r"(?:\s*(?:on|at|by|am|le|el))?\s*:?",
    re.IGNORECASE,
)
#: An end alone ('End', 'EOF', '*** END ***'), a bare count ('Records: 1', 'Total: 1') or a
#: rule ('------', '=====', '---' in each cell): QA, each made a 'sample'. Apart from
#: `_PAGE_LINE`, and asked only of a cell that may start one: `page_line` asks of every row.
_END_OR_RULE = lazy_pattern(
    r"[\s*=_~#-]*(?:end|eof|ende|fin|fine|(?:total|records|rows|count|anzahl)\s*:\s*\d+"
    r"|confidential|vertraulich|confidentiel)[\s*=_~#-]*"
    # a rule: three marks or more, spaced or not ('-' alone is a value left out: review)
    r"|(?:\s*[*=_~#-]){3,}\s*",
    re.IGNORECASE,
)
_END_OR_RULE_STARTS = frozenset("*=_~#-eEfFtTrRcCaAvV")


#: A note's label at the start of a line, which the rest of the line follows whatever it is
#: (lab QA round 11: 'Reference ranges: IL-6 < 7.0 pg/mL, TNF-α < 8.1 pg/mL' unquoted was taken
#: for another header, and the rows below it were not read; 'Approved by J. Smith, MD,
#: 2026-04-03' was refused as a row)
_LABELLED_LINE = lazy_pattern(
    r"(?:reference|ref\.?|normal)\s+(?:ranges?|intervals?|values?)\s*:"
    r"|(?:approved|reviewed|verified|validated|released|authori[sz]ed|signed|performed|tested"
    r"|analy[sz]ed|reported|checked)\s+(?:by|at|on)\b"
    r"|(?:methods?|technologist|performing\s+lab(?:oratory)?|notes?|comments?|remarks?)\s*:"
    # German, French and Dutch sign-offs, and a flag's legend (lab QA round 18: in a file with
    # a column per marker, 'Freigegeben von: Dr. Müller' was a sample with no values, exit 2)
    r"|(?:(?:medizinisch|technisch)\s+)?(?:freigegeben|validiert|gepr[üu]ft|unterschrieben"
    r"|befundet)(?:\s+(?:von|durch|am))?\s*:"
    r"|(?:valid[ée]|approuv[ée]|sign[ée]|v[ée]rifi[ée])\s+par\b"
    r"|(?:goedgekeurd|geautoriseerd|gevalideerd|gecontroleerd|ondertekend)\s+door\b"
    r"|(?:laborleitung|lab(?:oratory)?\s+director|legende|legend|flags?|signature|unterschrift"
    r"|handtekening)\s*:",
    re.IGNORECASE,
)
#: How `_LABELLED_LINE`'s words begin: nearly every row's first cell is told apart by them
#: alone (asked of each row on the general path)
_LABELLED_LINE_STARTS = frozenset({
    "ref", "nor", "app", "rev", "ver", "val", "rel", "aut", "sig", "per", "tes", "ana", "rep",
    "che", "met", "tec", "not", "com", "rem", "med", "fre", "gep", "unt", "bef", "vér", "goe",
    "gea", "gev", "gec", "ond", "lab", "leg", "fla", "han",
})  # fmt: skip


def _labelled_line(cells: list[str], layout: Layout, first: str) -> str | None:
    """A line of several cells whose first filled one, `first`, a note's label begins
    (`_LABELLED_LINE`), as its text; never a row with a value where the layout reads one
    (review 54: a first column of comments, 'Note: hemolysed', lost the row's high IL-6)."""
    if len(cells) < 2 or _LABELLED_LINE.match(first) is None:
        return None
    roles = layout.roles
    values = (
        [roles[role] for role in ("value", "rerun_value") if role in roles]
        if layout.kind == "long"
        else list(layout.markers)
    )
    if any(i < len(cells) and _a_value_cell(cells[i]) for i in values):
        return None
    # a row's sample id and marker (long) or sample id (wide) filled beside the label in a
    # column of its own: a data row with no value, 'QNS' (review 54b), never a page's note
    named = (
        [roles.get("sample_id"), roles.get("marker")]
        if layout.kind == "long"
        else [roles.get("sample_id")]
    )
    if all(i is not None and 0 < i < len(cells) and cells[i].strip() for i in named):
        return None
    return ", ".join(text for cell in cells if (text := cell.strip()))


def _a_value_cell(cell: str) -> bool:
    """Whether a cell reads as a value, with either decimal mark ('45.0', '<2', 'ND')."""
    text = cell.strip()
    return bool(text) and any(_read_as_written(text, comma) is not None for comma in (False, True))


def page_line(cells: list[str], layout: Layout) -> str | None:
    """A row's filled cells where each is a page's furniture, not a sample's (QA: a paginated
    export's 'Page 1 of 2' and repeated title were samples with no results, and the run
    failed): a page number or print line, or a one-cell line from above the header again
    ('Printed 2024-12-26,,Page 1 of 2' too: review), or a labelled note of several cells."""
    # Asked of every row on the general path: a sample's row fails at its first filled cell.
    filled: list[str] = []
    for cell in cells:
        # a byte order mark: two exports joined by `cat` (QA: the second's 'sep=;' line was a
        # sample, rejected)
        text = cell.strip().lstrip("\ufeff")
        if not text:
            continue
        if (
            text.casefold() not in layout.titles
            and (not layout.titles or numbered_title(text) not in layout.titles)
            and _PAGE_LINE.fullmatch(text) is None
            and (text[0] not in _END_OR_RULE_STARTS or _END_OR_RULE.fullmatch(text) is None)
        ):
            if len(filled) == 1 and _printed_where_the_id_goes(cells, layout, filled[0]):
                # a print line's parts in cells of their own ('Printed', '03.03.2026 14:22',
                # 'by', 'lab1': lab QA round 20, its 'lab1' refused as IL-6's value); not a
                # row after a comment that names who did something ('Validated by JS': review)
                return " ".join(" ".join(c.strip() for c in cells).split())
            first = filled[0] if filled else text  # ('Approved by …' is furniture alone)
            if first[:3].casefold() in _LABELLED_LINE_STARTS and (
                labelled := _labelled_line(cells, layout, first)
            ):
                return labelled
            return _line_from_above(cells, layout) or _note_line(cells, layout)
        filled.append(text)
    return " ".join(filled) if filled else None


def _printed_where_the_id_goes(cells: list[str], layout: Layout, first: str) -> bool:
    """Whether a row's first filled cell, in its sample's (or patient's) id column, is a print
    line's word alone ('Printed', 'Export date:'): not a status column's 'Printed'."""
    at = layout.roles.get("sample_id", layout.roles.get("patient_id"))
    return (
        at is not None
        and at < len(cells)
        and cells[at].strip().lstrip("\ufeff") == first
        and _PRINTED_ALONE.fullmatch(first) is not None
        # no number among the cells after it: a row of results under such an id is a sample's
        # (second review: 'Generated' with three values was skipped, exit 1 to 0)
        and not any(_A_NUMBER.fullmatch(cell.strip()) for cell in cells[at + 1 :])
    )


#: A cell that is a number, as a result's ('30', '1,5', '<2.0'), not a date or a time
_A_NUMBER = lazy_pattern(r"[<>≤≥]?=?\s*\d+(?:[.,]\d+)?")


def _said_as_a_note(cells: list[str], layout: Layout) -> bool:
    """Whether a skipped line is said to be a note: not a page's title repeated ('Cytokine
    report', which reads as prose too)."""
    filled = [text for cell in cells if (text := cell.strip().lstrip("\ufeff"))]
    titled = len(filled) == 1 and filled[0].casefold() in layout.titles
    return not titled and (
        _note_line(cells, layout) is not None
        or (bool(filled) and _labelled_line(cells, layout, filled[0]) is not None)
    )


#: A line of a report that names a patient ('Patient: DOE, JANE', 'MRN: 100', 'Name: …')
_NAMES_A_PATIENT = lazy_pattern(
    r"\b(?:patient|pt|mrn|name|patient\s+id|pat(?:ient)?\s*nr|dob)\s*[:#]", re.IGNORECASE
)


#: ... and a marker cell that starts with such a label
_BANNER_OF_A_PATIENT = lazy_pattern(r"\s*(?:patient|pt|mrn|name)\s*[:#]", re.IGNORECASE)
#: What a line naming a patient in a file with no id column means for its rows
_SEVERAL_PATIENTS = (
    "; it seems to name a patient, and the file has no patient or sample id column, so the "
    "rows below it are read as the same sample as those above: if the file holds several "
    "patients' results, export them as one table with a patient id column"
)


#: A line that says the whole run failed its quality control, as a LIMS or an instrument
#: writes it above or below the table (lab QA round 18: skipped as a note, and every result
#: judged as valid, exit 0). Only such a line's own shapes, from its start: a word that reads
#: as free text anywhere told a legend, a filter or a note on one sample for a failed run
#: (third review: 'Invalid results are marked *', 'Controls: passed; 1 failed control re-run
#: and passed'), and so a failed run worded otherwise is a note, as before.
#: ... in Spanish, Italian, Dutch, Polish (lab QA round 22: 'Corrida rechazada', 'Run afgekeurd'
#: were notes, exit 0); read only with nothing after them but 'do not report' (`_PLAIN_END`):
#: the exemptions below are English, German and French (review: 'QC rechazado solo para IL-8',
#: 'Run afgekeurd: geen' failed the run)
_FAILING_ELSEWHERE = (
    r"rechazad[ao]s?|fallid[ao]s?|no\s+superad[ao]s?|no\s+v[áa]lid[ao]s?|inv[áa]lid[ao]s?"
    r"|respint[aeio]|non\s+superat[aeio]|fallit[aeio]|non\s+valid[aeio]|scartat[aeio]"
    r"|afgekeurd|ongeldig|niet\s+geldig|mislukt|niezaliczon[aey]|odrzucon[aey]"
)
#: ... and in English, German and French, whose exemptions are read
_FAILING_HERE = (
    r"fail(?:ed|ures?|s)?|rejected|invalid|not\s+valid|not\s+accepted|aborted|nicht\s+bestanden"
    r"|ungültig|fehlgeschlagen|verworfen|abgebrochen|échoué|rejetée?|non\s+valid[ée]e?|invalide"
)
_FAILING = rf"(?:{_FAILING_HERE}|{_FAILING_ELSEWHERE})"
_SAID_ELSEWHERE = lazy_pattern(rf"(?<![\w])(?:{_FAILING_ELSEWHERE})(?![\w])", re.IGNORECASE)
_SAID_HERE = lazy_pattern(rf"(?<![\w])(?:{_FAILING_HERE})(?![\w])", re.IGNORECASE)
#: What may end such a line: 'do not report' and its like, a reason that names a control
#: ('Corrida rechazada: control alto fuera de rango'), or nothing
_PLAIN_END = lazy_pattern(
    r"[\s.!*]*(?:[-–:,(]\s*(?:no\s+(?:informar|reportar|utilizar|usar)|non\s+(?:refertare|riportare"
    r"|utilizzare|usare)|niet\s+(?:rapporteren|gebruiken|melden)|nie\s+(?:raportowa[ćc]"
    r"|wydawa[ćc]|u[żz]ywa[ćc]))[\s.!*)]*"
    r"|[-–:,(]\s*(?:(?:el|los|la|il|i|de|het)\s+)?(?:control(?:es)?|controll[oi]|controles?"
    r"|kontrol[aei]?|qc|cq|cc)\b[^;=]*)?",
    re.IGNORECASE,
)
_RUN_FAILED = lazy_pattern(
    # decorated or labelled ('!! … !!', 'Note: …'), or after 'DO NOT REPORT -'
    r"[\W_]*(?:(?:note|comment|remark|warning|attention|status|hinweis|bemerkung|achtung)\s*:\s*)?"
    r"(?:do\s+not\s+report\s*[-–:,]\s*)?(?:"
    # the run's, a batch's, a plate's (numbered or not: 'Run 3 QC: FAILED', 'Plate 2: QC
    # failed'), an assay's, QC's or the controls' word, then failing ('Run status: INVALID',
    # 'Controls failed'); not a control's or QC sample's id ('Control 2', 'QC1': fourth review)
    r"(?:overall\s+)?(?:(?:(?:assay\s+|analytical\s+)?runs?|batch(?:es)?|plates?|lauf|s[ée]rie|platte"
    r"|corridas?|lotes?|placas?|piastr[ae]|sedut[ae]|plaat|platen|seri[ae]|przebiegi?)(?:\s*#?\d+)?"
    r"|assays?|qc(?:\s*#?\d+)?|quality\s+control|qualitätskontrolle|contrôle(?:\s+qualité)?|overall"
    r"|cq|control\s+de\s+calidad|controllo\s+(?:di\s+)?qualit[àa]|kwaliteitscontrole"
    r"|kontrola\s+jako[śs]ci"
    r"|(?:high\s+|low\s+)?controls?(?:\s*#?\d+)?|kontrollen?|calibration)"
    r"\s*[:,;=\-–]?\s*(?:(?:qc|quality\s+control)\s*)?(?:(?:status|result|outcome|summary|verdict|disposition)\s*)?"
    r"[:,;=\-–]?\s*"
    rf"{_FAILING}\b"
    # ... or failing, then the word ('Failed QC', 'Results invalid - QC failure')
    rf"|{_FAILING}\s+(?:qc|quality\s+control|runs?|batch|plate)\b"
    r"|results?\s+(?:are\s+)?(?:invalid|not\s+valid|rejected|not\s+released)\s*[-–:,]\s*(?:qc|quality\s+control"
    r"|run|batch|plate)(?:\s+fail(?:ed|ures?))?\b)"
    r"(?P<rest>.*)",
    re.IGNORECASE | re.DOTALL,
)
#: ... or a sentence of one cell ending so ('High control out of range - run rejected'), not
#: of a run before a repeat ('the first run failed': fourth review)
_RUN_FAILED_AT_END = lazy_pattern(
    r".*(?<!first )(?<!original )(?<!previous )(?<!initial )(?<!prior )(?<!earlier )"
    r"\b(?:run|batch|plate)\s+(?:rejected|failed|invalid|aborted)[\s.!*]*",
    re.IGNORECASE | re.DOTALL,
)
#: What after it says it is no failed run: a count of none ('QC Failure: none', 'Failed QC:
#: 0', 'Runs failed: 0 (0%)'; not 'zero controls within range', nor '0.5% CV'); a field's
#: name and its value, not a statement ('QC Failed,No', 'QC Fail Count,0', 'Run Invalid
#: Reason,', 'Failed QC,Excluded': fourth review); a rule ('Run fails if …'); or one marker's
#: ('QC failed for IL-8 only')
_NOT_A_FAILED_RUN = lazy_pattern(
    r"\s*[:=,]?\s*(?:none(?!\s+of\b)|nil|keine?|aucune?|ninguno|(?:0|zero)(?![.,]?\d)(?!\s+(?:of\s+"
    r"\d+\s+)?(?:controls?|standards?|qcs?)\s+(?:within|in\s+range|passed|valid|acceptable)))\b"
    r"|\s+(?:samples?|wells?|results?|counts?|rates?|reasons?|criteria|rules?|flags?|controls?"
    r"|standards?|runs?|actions?|thresholds?|if|unless|si|wenn|falls|lorsque|quand|cuando"
    r"|quando|in\s+case)\b|\s*\(n\)"
    # ... a rule with a comma ('Lauf ungültig, wenn …'), a legend ('Failed = any control out',
    # 'failed = C': review of round 19)
    r"|\s*,\s*(?:if|unless|si|wenn|falls|lorsque|quand|cuando|quando|in\s+case)\s+"
    r"(?:(?:an?|any|one|the|eine?|un|une|el|la|il)\s+)?(?:\w+\s+)?"
    r"(?:controls?|kontrollen?|contrôles?|controles?|controlli|qc|standards?|calibrat\w*|cv)\b"
    r"|\s*=\s*(?:any|a|an|one|if|when|whenever)\b"
    r"|\s*=\s*(?!(?:y|yes|1|true|t|x|ja|j|oui|o|si|sí)\b)(?![1-9✓✔])\S{1,3}\s*(?:[.)]?\s*$|[,;])"
    r"|[\s:=,?]*(?:no|nein|non|false|n|n/a|-|excluded|hidden|not\s+shown|ausgeschlossen"
    r"|exclus?)\s*[.)]?\s*$|\s*[:=,]\s*see\b"
    r"|\s*(?:for|of|on)\s+(?!the\b)(?!plates?\b)[^;,.]*\bonly\b"
    # ... a repeat that passed or gave the results ('Run 1: FAILED - repeated as Run 2:
    # PASSED': code audit round 19), not one that did not or is pending (review)
    r"|(?!.*(?:\b(?:not|never|pending|failed)\b|n't\b)).*?\b(?:re-?run|repeat(?:ed)?|re-?test(?:ed)?"
    r"|run\s*\d+)\b[^;]*?\b(?:pass(?:ed)?|ok)\b"
    r"|(?!.*\bpending\b).*?\bresults?\s+(?:are\s+)?from\s+(?:the\s+)?(?:re-?run|repeat)",
    re.IGNORECASE,
)


#: A heading of a list of runs or failures, no statement
_A_HEADING = lazy_pattern(
    r"[\W_]*(?:(?:failed|rejected|invalid)\s+(?:runs|plates|batches)|qc\s+failures)[\W_]*",
    re.IGNORECASE,
)
#: ... and a rule in the present after it ('Run fails when the high control exceeds 3 SD',
#: 'Run invalid when a control is out of range'), not what happened ('Run aborted when the
#: instrument lost power', 'Plate 2 failed when the washer jammed': review of round 19)
_WHEN = lazy_pattern(r"\s*,?\s*(?:when|whenever)\b((?:[^;.,]|[.,](?=\d))*)", re.IGNORECASE)
_PRESENT = frozenset({
    "is", "are", "exceeds", "exceed", "fails", "fail", "falls", "fall", "lies", "lie", "drops",
    "drop", "goes", "go", "deviates", "deviate", "reaches", "reach", "has", "have", "cannot",
    "can't", "reads", "gives", "give", "shows", "show",
})  # fmt: skip
_PAST = frozenset({
    "was", "were", "could", "did", "had", "went", "lost", "broke", "fell", "froze", "shut", "ran",
    "rose", "hung", "came", "began", "blew", "got", "grew", "kept", "left", "stuck", "tore",
})  # fmt: skip
#: ... what after it says the results are not to be used ('; results are not valid')
_NOT_TO_USE = lazy_pattern(
    r"\b(?:results?|data|values?)\b[^;]*\b(?:not\s+valid|invalid|void|held|withheld|pending"
    r"|not\s+reportable|not\s+to\s+be\s+(?:used|reported)|must\s+not\s+be\s+(?:used|reported))\b"
    r"|\b(?:do\s+not\s+(?:report|use)|re-?runs?\s+(?:required|needed|pending)"
    r"|please\s+(?:repeat|re-?run)"
    r"|repeat\s+(?:required|needed|is\s+pending)|not\s+reportable)\b",
    re.IGNORECASE,
)


#: A failing word in the present before a condition: a rule, whatever follows ('QC fails
#: when a control lies outside 2 SD; results pending review are not released': third review)
_A_RULE_SAID = lazy_pattern(
    r"\b(?:fails|is\s+(?:invalid|rejected|failed)|are\s+(?:invalid|rejected))\s+(?:when|whenever|if"
    r"|unless)\b",
    re.IGNORECASE,
)


def _a_rule_when(rest: str) -> bool:
    """Whether what follows a failing word is a rule in the present ('when the high control
    exceeds 3 SD', 'whenever the calibrator is expired'), not what happened ('when the
    instrument lost power', 'when the washer jammed'; review of round 19): its clause alone,
    and nothing after it saying the results are not to be used."""
    found = _WHEN.match(rest)
    if found is None or _NOT_TO_USE.search(rest, found.end()):
        return False
    words = re.findall(r"[a-z']+", found[1].casefold())
    if not _PAST.isdisjoint(words):
        return False
    for i, word in enumerate(words):  # '-ed' of what happened, not of 'is expired'
        # ... nor of 'the accepted range' (third review)
        passive = i > 0 and words[i - 1] in (
            "is", "are", "be", "been", "get", "gets", "the", "a", "an", "its", "their", "any"
        )  # fmt: skip
        if word.endswith("ed") and not word.endswith("eed") and not passive:
            return False
    return not _PRESENT.isdisjoint(words)


def run_failed(cells: Sequence[str], layout: Layout | None = None) -> str | None:
    """A line's text where it says the run failed its quality control (`_RUN_FAILED`): at
    most two filled cells, as a label and its text, and no value where `layout` reads one
    (review: a one-marker wide row, 'S2 - do not report,45.2', was taken so); else None."""
    if len(cells) - cells.count("") > 2:  # a sample's row (asked of every row off the short path)
        return None
    filled = [cell.strip() for cell in cells if cell.strip()]
    # a '#' comment is said as one; '#### RUN FAILED ####' is a banner, not a heading ('##
    # Rejected runs ##', '## QC failures ##': review of round 19)
    banner = bool(filled) and filled[0].startswith("##") and filled[-1].endswith("#")
    if not filled or (filled[0].startswith("#") and not banner):
        return None
    if banner:  # read as the line inside it ('## FAILED RUN ##' is 'FAILED RUN')
        filled[0] = filled[0].lstrip("#").strip()
        filled[-1] = filled[-1].rstrip("#").strip()
        filled = [cell for cell in filled if cell]
        if not filled:
            return None
    # ', ' between cells, as a person reads them: 'Run failed,Results not valid' is no field
    # 'Run failed Results' (fifth review)
    text = ", ".join(filled)
    lowered = text.casefold()
    if not any(word in lowered for word in _FAILED_WORDS):  # most lines: no pattern compiled
        return None
    if layout is not None:
        if len(filled) == 2 and _NUMBERED_CONTROL.match(filled[0]):
            return None  # a control's row and its text result ('QC1,FAILED': fourth review)
        values = (
            [layout.roles["value"]] if "value" in layout.roles else []
        ) if layout.kind == "long" else list(layout.markers)  # fmt: skip
        if any(i < len(cells) and _a_value_cell(cells[i]) for i in values):
            return None
        # a long row that names a marker is a sample's ('Run 2 failed,IL-8')
        marker = layout.roles.get("marker") if layout.kind == "long" else None
        named = cells[marker].strip() if marker is not None and marker < len(cells) else ""
        if named and (_names_a_marker(named) or looks_like_a_cytokine(named)):
            return None
    if _A_HEADING.fullmatch(text):
        return None  # a heading above a list ('Rejected runs', 'QC failures': review)
    found = _RUN_FAILED.match(text)
    if found is not None:
        rest = found["rest"]
        if _NOT_A_FAILED_RUN.match(rest) or _a_rule_when(rest) or _A_RULE_SAID.search(text):
            return None
        said = text[: len(text) - len(rest)]
        if (
            _SAID_ELSEWHERE.search(said)
            and not _SAID_HERE.search(said)
            and not _PLAIN_END.fullmatch(rest)
        ):
            return None  # words the exemptions above cannot read (review of round 22)
        return text
    # a sentence, alone or after a label ('Comment,… - run rejected'), not a sample's comment
    # after its id ('S2,Plate rejected': fourth review)
    said = filled[-1]
    if len(filled) == 2 and any(c.isdigit() for c in filled[0]):
        return None
    return text if _RUN_FAILED_AT_END.fullmatch(said) else None


#: A control's or QC sample's id ('QC1', 'Control 2', 'Control #2')
_NUMBERED_CONTROL = lazy_pattern(r"(?:qc|controls?|kontrolle)\s*#?\d", re.IGNORECASE)


#: A word each line `_RUN_FAILED` matches has
_FAILED_WORDS = ("fail", "reject", "invalid", "not valid", "not accepted", "aborted", "bestanden",
                 "ungültig", "fehlgeschlagen", "verworfen", "abgebrochen", "échoué", "rejet",
                 "non valid", "rechazad", "fallid", "superad", "válid", "valid", "respint",
                 "superat", "fallit", "scartat", "afgekeurd", "geldig", "mislukt", "niezaliczon",
                 "odrzucon")  # fmt: skip


def _about_a_failure(cells: Sequence[str]) -> bool:
    """Whether a line of at most two filled cells reads as `_RUN_FAILED` does, whether or not
    it says the run failed ('QC Failed,No' is a field and its value)."""
    if len(cells) - cells.count("") > 2:
        return False
    text = ", ".join(cell.strip() for cell in cells if cell.strip())
    lowered = text.casefold()
    return any(word in lowered for word in _FAILED_WORDS) and _RUN_FAILED.match(text) is not None


def run_failed_said(text: str) -> str:
    """The error of a line that says the run failed (`run_failed`): its results are judged
    as given, but may not be fit to report."""
    return (
        f"this line says the run failed its quality control: '{shorten(text)}'; the results "
        "were judged as given, but ask the lab whether they can be used"
    )


def furniture_said(text: str, note: bool) -> str:
    """Why a page's line is skipped, as what it is (lay QA: a lab's note was cut off and
    said to be 'a page's number, print line, title or a note', and so was Excel's 'sep=')."""
    if text.casefold().startswith("sep="):
        return "this is Excel's 'sep=' line, which names the delimiter; it was skipped"
    if note:
        return (
            f"this line is a note or a title, not a result: '{shorten(text, 200)}'; it was not "
            "read as a result, but it may be about the results near it"
        )
    return (
        f"'{shorten(text)}' is a report's page number, print line, title, count, end or rule, "
        "not a sample's row; it was skipped"
    )


#: A year in a line of words ('Results 12 March 2026')
_YEAR = r"\b(?:19|20)\d\d\b"  # compiled on first use: rarely asked


#: A long row's marker cell that names the lab's words about results, not a test ('Comment',
#: 'Lab Comment', 'Interpretation', 'Befundkommentar')
_COMMENT_ROW = lazy_pattern(
    # after any words: a test's own comment ('IL-6 Comment': review) too
    r"(?:.*?[\s_-])?(?:(?:lab|laboratory|result|test|specimen|sample|report|interpretive"
    r"|clinical|general|order|befund|labor|probe)[\s_-]*)?(?:comments?|notes?|remarks?|interpretation"
    r"|interpretive\s+comment|kommentar|bemerkung(?:en)?|anmerkung(?:en)?|hinweis|beurteilung"
    r"|commentaire|remarque|comentario|observaci[oó]n|nota|footnote|disclaimer)\s*:?",
    re.IGNORECASE,
)


@functools.lru_cache(maxsize=1024)
def is_comment_row(marker: str) -> bool:
    """Whether a long row's marker cell names the lab's words, not a test (`_COMMENT_ROW`);
    asked once per marker as written (the general path asks it of every row)."""
    return _COMMENT_ROW.fullmatch(marker) is not None


#: A note's label: 'Note:', 'Comment:', German 'Bemerkung:', French 'Remarque:' …
_NOTE_LABEL = lazy_pattern(
    r"(?:notes?|nb|comments?|remarks?|bemerkung(?:en)?|anmerkung(?:en)?|kommentar|hinweis"
    r"|remarque|commentaire|nota|comentario|observaci[oó]n)(?:\s*:|\s+[-–](?:\s|\Z)|\s*\Z)",
    re.IGNORECASE,
)


def _prose_word(word: str) -> bool:
    """A lower-case word of four letters or more ('notified', 'leicht'): prose, no id's part."""
    return len(word) >= 4 and word.isalpha() and word.islower()


#: An LIS order's or panel's name, on a row of its own above its tests ('CYTOKINE PANEL 13',
#: 'Inflammation profile (cont.)'); no test of one marker is so named
_PANEL_HEADING = lazy_pattern(
    r"\b(?:panel|profile|profil|battery|(?:test|order)\s+group)\b|\(cont(?:\.|inued)\)",
    re.IGNORECASE,
)


def _note_line(cells: list[str], layout: Layout) -> str | None:
    """A row of one cell of four words or more, typed below or between a hand-made table's
    rows (QA: 'Copied by hand from MyChart - ask Dr Lee about IL-6' and a block's title
    'Results 12 March 2026' were samples, rejected), or of fewer that a label begins ('Note:
    recheck') or that reads as prose ('Probe leicht hämolytisch'); in the marker column only
    with a year, as a marker's name may be four words ('Tumor necrosis factor alpha')."""
    found: tuple[int, str] | None = None
    for index, cell in enumerate(cells):
        if cell.strip():
            if found is not None:  # a second filled cell: no note (review: asked of each row)
                return None
            found = (index, cell.strip())
    if found is None:
        return None
    index, text = found
    words = text.split()
    labelled = _NOTE_LABEL.match(text) or (  # 'Bemerkung: siehe Befund', 'Note:' (QA: samples)
        # a footnote's, under the table ('¹ Elecsys IL-6 (Roche)': lab QA round 8, a sample)
        text[0] in FOOTNOTE_MARKS and len(words) > 1
    )
    # 'Probe leicht hämolytisch', 'Dr Lee notified': a word of prose, as no id is written;
    # but not in a grouped report's id column, whose sample's rows would go on below it:
    # 'van der Berg' may head another's (review)
    roles = layout.roles
    prose = len(words) > 1 and any(map(_prose_word, words))
    if layout.grouped and index in (roles.get("sample_id"), roles.get("patient_id")):
        prose = False
    if not labelled and (sum(c.isalpha() for c in text) < 8 or not (len(words) >= 4 or prose)):
        return None
    if layout.kind == "wide" and index in layout.roles.values() and not labelled:
        # a wide row with only its id or description is a sample with no values (review:
        # 'Follow up visit day seven serum' was skipped as a note, the sample gone)
        return None
    in_marker = index == layout.roles.get("marker") or index in layout.markers
    return text if not in_marker or labelled or re.search(_YEAR, text) else None


def _line_from_above(cells: list[str], layout: Layout) -> str | None:
    """A row that repeats a line of several cells from above the header (a paginated report's
    'Patient:;Mustermann, Max' block on each page; QA: it was a sample), or its label with
    another value (review: the next patient's 'Patient:;Musterfrau, Erika'), as `page_line`
    says."""
    if not layout.title_lines:  # most files: no preamble of such lines, nothing to build
        return None
    filled = [text for cell in cells if (text := cell.strip().lstrip("\ufeff"))]
    labelled = len(filled) == 2 and filled[0].endswith(":")
    key = f"{filled[0]}\0".casefold() if labelled else "\0".join(filled).casefold()
    return " ".join(filled) if key in layout.title_lines else None


def row_fields(cells: list[str], layout: Layout) -> dict[str, str | None]:
    """A row's sample fields as an `Issue` about the row names them (its sample, patient and
    date, and a long row's marker), as `rows_to_measurements` reads them."""

    def text(index: int | None) -> str | None:
        return (cells[index].strip() or None) if index is not None and index < len(cells) else None

    sample_id, patient_id = row_ids(cells, layout)
    return {
        "sample_id": sample_id, "patient_id": patient_id,
        "collected_at": given_date(text(layout.roles.get("collected_at")) or ""),
        "marker": text(layout.roles.get("marker")) if layout.kind == "long" else None,
    }  # fmt: skip


def hash_row_read(source: str, line: int, cells: list[str]) -> Issue | None:
    """A warning for a row read although it starts with '#' ('#S2,IL-8,50'): it may have been
    commented out, or its sample id may start with '#'."""
    if not cells[0].lstrip().startswith("#"):
        return None
    return Issue(
        severity="warning", code="row-starts-with-hash", source=source, line=line,
        message=f"this row starts with '{shorten(cells[0].strip())}' and was read as a row (a "
        "sample id may start with '#'); if it was commented out, delete it",
    )  # fmt: skip


def is_units_row(cells: list[str], layout: Layout) -> bool:
    """A row under a wide header whose every filled marker cell is a unit (pg/mL, [pg/mL],
    MFI): not '3.2 pg/mL' (a value), nor 'N/A'; a cell marked '-' is one left blank (QA: a
    units row with one '-' was a sample, and every value refused unit-missing)."""
    marker_cells = [cells[i].strip() if i < len(cells) else "" for i in layout.markers]
    filled = [c for c in marker_cells if not _left_empty(c or None)]
    return bool(filled) and all(  # stops at a row's first value: this runs on each wide row
        (unit := units_cell(c)).casefold() in SLASHLESS_UNITS
        or (_UNIT_IN_UNITS_ROW.match(unit) is not None and unit.casefold() not in _NOT_UNITS)
        for c in filled
    )


def units_cell(text: str) -> str:
    """A units row's cell as its unit: '[ng/mL]' and '(pg/mL)' as 'ng/mL', 'pg/mL' (QA: a
    units row in brackets was read as a sample, and every value refused unit-missing)."""
    return unbracketed(text.strip())


def _with_units_row_columns(
    layout: Layout, head_lines: list[str], delimiter: str, header_end: int
) -> Layout:
    """A wide layout that also reads the columns a units row gives a unit: an unknown marker
    ('GM-CSF' over 'pg/mL') is then kept as no_reference, as with 'GM-CSF (pg/mL)'."""
    reader = csv.reader(head_lines, delimiter=delimiter)
    header: list[str] | None = None
    with contextlib.suppress(csv.Error):
        for cells in reader:
            if header is None:
                if reader.line_num >= header_end:
                    header = cells
            elif not is_blank(cells) and not is_comment(cells):
                if not is_units_row(cells, layout):
                    return layout
                markers, ignored = dict(layout.markers), []
                taken = set(layout.roles.values()) | set(markers)
                # a marker's own columns are read (QA: 'IL-8 Reference Range' was said ignored)
                taken.update(i for own in layout.companions.values() for i in own.values())
                for index, name in enumerate(header):
                    if name in layout.not_read:  # never a result ('IL-6 SD'), or a mean
                        ignored.append(name)  # read only where its replicates are blank
                        continue
                    if index in taken or not name.strip():
                        continue
                    unit = units_cell(cells[index]) if index < len(cells) else ""
                    if (
                        _UNIT_IN_UNITS_ROW.match(unit) and unit.casefold() not in _NOT_UNITS
                        and header_key(name) not in _DILUTION_NAMES  # 'DF' (fuzzing round 16)
                    ):  # fmt: skip
                        markers[index] = (name.strip(), None)
                    else:
                        ignored.append(name)
                return layout._replace(markers=dict(sorted(markers.items())), ignored=ignored)
    return layout


def with_sub_header(
    layout: Layout, head_lines: list[str], delimiter: str, header_end: int
) -> Layout:
    """A wide layout read with the row under its header where that row names what each marker
    column holds (Milliplex and Bio-Plex Excel exports: 'IL-6' over 'FI' and 'Obs Conc'):
    only the columns it names results are read (QA: the fluorescence was judged in pg/mL).
    A marker's cell merged over two columns in Excel leaves the second one's header blank: it
    is that marker's too (QA: every row was refused for its cells past the header)."""
    before = layout
    reader = csv.reader(head_lines, delimiter=delimiter)
    header: list[str] = []
    with contextlib.suppress(csv.Error):
        for cells in reader:
            if reader.line_num <= header_end:
                header = cells  # the last row to end there is the header
                continue
            if is_blank(cells) or is_comment(cells):
                continue
            merged, own, names, unread = _merged_columns(header, cells, layout)
            if merged or names:  # read as the marker's own columns, if the row names their figures
                taken = {*merged, *names}
                unnamed = tuple(i for i in layout.unnamed if i not in taken)
                companions = {i: dict(roles) for i, roles in layout.companions.items()}
                for index, roles in own.items():
                    companions[index] = {**roles, **companions.get(index, {})}
                ignored = [names[i] for i in unread]
                layout = layout._replace(
                    markers={**layout.markers, **merged}, unnamed=unnamed, companions=companions,
                    merged_names=names, ignored=[*layout.ignored, *ignored],
                    not_read={**layout.not_read, **{names[i]: why for i, why in unread.items()}},
                )  # fmt: skip
            named = _figures_named(cells, layout)
            if named is None and own and not unread and not any(map(_LOOKS_NUMERIC.match, cells)):
                # only the marker's own columns named ('…,,Flag'), its value's cell left blank
                # (review: each row was refused whole again); only role words: a data row
                # ('S1,ND,hemolyzed') is none (review: it was taken for one, the sample lost)
                return layout._replace(sub_header=reader.line_num)
            if named is None:
                return before
            markers, figures = {}, {}
            for index, (name, unit) in sorted(layout.markers.items()):
                result, given = named.get(index, (True, None))
                if result:
                    markers[index] = (name, unit or given)
                else:
                    figures[index] = (name, cells[index].strip())
            companions = _companions_of_results(layout.companions, markers, figures)
            return layout._replace(
                markers=markers, figures=figures, companions=companions,
                sub_header=reader.line_num,
            )  # fmt: skip
    return layout


def _companions_of_results(
    companions: dict[int, dict[str, int]],
    markers: dict[int, tuple[str, str | None]],
    figures: dict[int, tuple[str, str]],
) -> dict[int, dict[str, int]]:
    """A marker's own columns ('Notes', 'Flag' under its merged cell) as its result column's,
    where its first column turned out a figure ('FI' under 'Hu IL-8'): review, they were
    kept on the figure, and the lab's 'hemolyzed' was in no output."""
    moved = {i: dict(own) for i, own in companions.items() if i not in figures}
    for index, own in companions.items():
        if index not in figures:
            continue
        name = figures[index][0]
        result = next((i for i in sorted(markers) if i > index and markers[i][0] == name), None)
        if result is not None:
            moved[result] = {**own, **moved.get(result, {})}
    return moved


def _names_under_blank_header(
    layout: Layout, head_lines: list[str], delimiter: str, header_end: int, known: KnownMarker
) -> Layout:
    """A wide layout read with a sub-header's names for the columns the header leaves blank
    (Bio-Plex's two-row header: 'Type', 'Well', 'Description' under blank cells, beside 'FI'
    and 'Obs Conc' under each marker; lab QA: its standards were judged as patients, and its
    samples named by their lines); the layout as it is where they name nothing more."""
    header, rows = _header_and_rows(head_lines, delimiter, header_end)
    sub = next((cells for _, cells in rows if not is_blank(cells) and not is_comment(cells)), [])
    taken = {*layout.markers, *layout.roles.values(), *layout.figures}
    taken.update(i for own in layout.companions.values() for i in own.values())
    taken.update(layout.merged_names)
    named = {
        index: sub[index].strip()
        for index, title in enumerate(header)
        if not title.strip() and index < len(sub) and sub[index].strip() and index not in taken
    }
    if not named:
        return layout
    combined = [named.get(index, title) for index, title in enumerate(header)]
    try:
        remapped = map_header(combined, known)
    except _DuplicateRole:  # a name the header gives already: the layout as it is
        return layout
    if remapped is None or remapped.kind != "wide":
        return layout
    written = io.StringIO()
    csv.writer(written, delimiter=delimiter, lineterminator="\n").writerow(combined)
    remapped = with_sub_header(
        remapped, [written.getvalue(), *head_lines[header_end:]], delimiter, 1
    )
    if remapped.markers != layout.markers or len(remapped.roles) <= len(layout.roles):
        return layout
    # named in issues as the sub-header names them (their header cells are blank)
    names = {**remapped.merged_names, **named}
    return remapped._replace(sub_header=layout.sub_header, merged_names=names)


def _figures_beside_results(
    markers: dict[int, tuple[str, str | None]], cells: list[str]
) -> dict[int, str]:
    """Columns of a marker whose unit is an instrument's figure ('IL-6 (MFI)', 'IL-6 [FI]')
    beside a column of its results ('IL-6 (pg/mL)'): not read, as 'IL-6 MFI' is not (review:
    every row of a Luminex export was refused for its MFI cells, exit 2). Alone, such a column
    is read, and its values refused for their unit, saying what it is."""
    figures = {
        index: (name, unit)
        for index, (name, unit) in markers.items()
        if unit is not None and (named := figure_named(unit)) is not None and not named[0]
    }
    keys = {marker_key(name) for index, (name, _) in markers.items() if index not in figures}
    return {
        index: _not_read_because(
            f"it gives {whose_figure(unit)} for {shorten(name)}, not the sample's result"
        )
        for index, (name, unit) in figures.items()
        if marker_key(name) in keys and unit is not None
    }


def _title_over(header: Sequence[str], index: int) -> str:
    """A column's header, or for a marker's merged cell (blank) the title left of it."""
    return next((header[i] for i in range(index, -1, -1) if header[i].strip()), "")


def _merged_columns(
    header: Sequence[str], cells: list[str], layout: Layout
) -> tuple[
    dict[int, tuple[str, str | None]], dict[int, dict[str, int]], dict[int, str], dict[int, str]
]:  # fmt: skip
    """The columns with a blank header right of a marker's (one merged cell, as Excel saves
    it) whose cell in the row below names a figure: each the marker's, as its header gives it;
    those it names one of the marker's own columns ('Flag', 'H/L', 'Unit', 'Status': QA, they
    were columns with no name and each row's flag past the header refused it), by marker
    column and role; the names such columns and the others under the marker are given
    ('IL-6 (pg/mL) Flag'); and why each other one ('Comment') is not read."""
    merged: dict[int, tuple[str, str | None]] = {}
    own: dict[int, dict[str, int]] = {}
    names: dict[int, str] = {}
    unread: dict[int, str] = {}
    left: int | None = None
    for index, cell in enumerate(cells[: len(header)]):
        title = header[index].strip()
        if title:
            left = index if index in layout.markers else None
            continue
        if left is None or not cell.strip():
            left = None  # a column with no name at all
            continue
        key = header_key(cell)
        role = _ROLE_OF.get(key) or _COMPANION_ONLY.get(key) or _WEAK_ROLE_OF.get(key)
        if figure_named(cell) is not None:
            merged[index] = layout.markers[left]
            continue
        names[index] = f"{header[left].strip()} {cell.strip()}"
        if role in _COMPANION_ROLES and role not in own.get(left, {}):
            own.setdefault(left, {})[role] = index
        else:
            unread[index] = _not_read_because(
                f"the row under the header names it '{shorten(cell.strip())}' under "
                f"{shorten(layout.markers[left][0])}, which panelcli does not read"
            )
    return merged, own, names, unread


def _figures_named(cells: list[str], layout: Layout) -> dict[int, tuple[bool, str | None]] | None:
    """What a row names in each marker column (see `figure_named`) where it is a row of such
    names, else None: a data row, or a units row ('MFI' under every marker: their unit, but
    for a file read with such a row under its header)."""
    columns = [*layout.markers, *layout.figures]
    named = {
        i: figure
        for i in columns
        if i < len(cells) and (figure := figure_named(cells[i])) is not None
    }
    filled = [i for i in columns if i < len(cells) and cells[i].strip()]
    others = [c for i, c in enumerate(cells) if i not in columns]
    if not named or len(named) < len(filled) or any(map(_LOOKS_NUMERIC.match, others)):
        return None
    # under a header read with such a row already, 'FI' is no unit
    return None if not layout.sub_header and is_units_row(cells, layout) else named


def sub_header_again(layout: Layout, cells: list[str], source: str, line: int) -> Issue | None:
    """Under a repeated header, the row naming each column's figure again: skipped with a
    warning where it names them as the one on top does; another stops the file (read by the
    first, a fluorescence could be judged as a result). None for any other row (review: it
    was refused as values)."""
    named = _figures_named(cells, layout) if layout.sub_header else None
    if named is None:
        return None
    # the same figures in the same columns, and no other unit for a result column (review:
    # 'Obs Conc (ng/mL)' under 'Obs Conc (pg/mL)' on top read 1.5 ng/mL as 1.5 pg/mL)
    other_unit = any(
        given is not None and unit is not None and not same_unit(given, unit)
        for i, (_, unit) in layout.markers.items()
        for given in (named.get(i, (True, None))[1],)
    )
    if (
        other_unit
        or any(named.get(i, (True, None))[0] for i in layout.figures)
        or not all(named.get(i, (True, None))[0] for i in layout.markers)
    ):
        raise InputError(
            f"{source}: line {line} names other figures or units in the columns than the row "
            "under the header on top (two exports joined?); panelcli reads one header per "
            "file, so this line and every line after it were not read: split the file there",
            line=line,
        )
    return Issue(
        severity="warning", code="header-repeated", source=source, line=line,
        message="the row under the header, naming each column's figure, is repeated here "
        "under the repeated header; this line was skipped",
    )  # fmt: skip


def _stand_in_not_read(patient_column: str, where_no_id: bool = False) -> str:
    """Why a person column beside the patient id's is mostly not read (`patient_stand_in`;
    `where_no_id`: read on a row with no patient id, `Layout.stand_in_where_no_id`)."""
    # lab QA: 'a patient id column is there; it stands in only for …' was hard to follow
    given, none = (
        ("a patient id", "no patient id")
        if where_no_id
        else ("a patient id or a sample id", "neither a patient id nor a sample id")
    )
    return _not_read_because(
        f"column '{shorten(_one_line(patient_column))}' gives the patient id; this column "
        f"names the patient only on a row that gives {none}",
        f"as the patient on a row that gives {given}",
    )


#: Headers that may be a range's limit, or something else: a hint only
_BARE_LIMITS = {
    "low": "Low", "high": "High", "min": "Low", "max": "High", "lo": "Low", "hi": "High",
    # review: often the assay's limits of quantitation, which must not judge a value
    "lowlimit": "Low", "highlimit": "High",
}  # fmt: skip
#: A column of the lab's critical limits or marks, as a header key ('Critical High', 'Panic
#: Low', 'Critical Value', 'Crit Flag', 'Alert')
_CRITICAL_COLUMN = lazy_pattern(
    r"(?:critical|crit|panic|alert)(?:low|high|lo|hi|value|values|limit|limits|range|flag"
    r"|result|call|called|notified|notification)?|(?:low|high|lower|upper)(?:critical|panic)"
    r"(?:limit|value)?"  # (and 'Critical Call': lab QA round 12, only 'not a known field')
)
#: ... after a marker's name, as a wide file's marker's own column ('IL-6 Critical High')
_MARKER_S_CRITICAL = lazy_pattern(
    r"(?<=[a-z0-9])(?:critical|panic)(?:low|high|lo|hi|limit|limits|range|value)?$"
)


def _given_already(column: str, what: str) -> str:
    """Why a second column of a role is not read: 'column 'X' gives the lab's range already'."""
    return _not_read_because(f"column '{shorten(column)}' gives the lab's {what} already")


def _read_before_dilution(corrected: str) -> str:
    """Why the value read off the curve is not read beside `corrected`, its column corrected
    for dilution (`_not_read_because`)."""
    return _not_read_because(
        f"the value corrected for dilution is read from column '{shorten(corrected)}'"
    )


#: A long file's column of a rerun's result beside the first run's (cobas 'Rerun Result'), and
#: of its unit, as header keys
_RERUN_VALUE = frozenset(
    {
        "rerunresult",
        "rerunvalue",
        "rerunconc",
        "rerunconcentration",
        "repeatresult",
        "repeatvalue",
        "retestresult",
        "retestvalue",
    }
)  # fmt: skip  (not a bare 'Repeat': a yes/no or count column, review 54)
_RERUN_UNIT = frozenset({"rerununit", "rerununits", "repeatunit", "repeatunits", "retestunit"})
#: Value columns that give the result reported after any rerun ('Reported Result')
_REPORTED = frozenset({"reportedresult", "reportableresult", "reportedvalue", "finalresult",
                       "finalvalue"})  # fmt: skip


def _take_rerun(
    cells: list[str], unmapped: list[int], roles: dict[str, int], not_read_why: dict[int, str]
) -> None:
    """Read a rerun's result column as the row's result where it gives one (`rerun_value`,
    with its unit column, `rerun_unit`), beside a first run's value column; beside a reported
    result's, say it is not read (lab QA round 11: cobas' 'Rerun Result' 48.3 was unread, and
    the first run's 1.9, which had clotted, judged normal)."""
    rerun = next((i for i in unmapped if header_key(cells[i]) in _RERUN_VALUE), None)
    if rerun is None:
        return
    if header_key(cells[roles["value"]]) in _REPORTED:
        not_read_why[rerun] = _given_already(cells[roles["value"]], "result after any rerun")
        return
    roles["rerun_value"] = rerun
    unmapped.remove(rerun)
    unit = next((i for i in unmapped if header_key(cells[i]) in _RERUN_UNIT), None)
    if unit is not None:
        roles["rerun_unit"] = unit
        unmapped.remove(unit)


def _not_read_because(why: str, when: str = "") -> str:
    """Why a column is not read, worded to follow "column 'name' " (`header_warnings`);
    `when` narrows it ('where a replicate column has a value'). Every `Layout.not_read` is."""
    return f"was not read{' ' + when if when else ''}: {why}"


#: Range columns named so weakly ('Ref', 'Norm') that their cells must show ranges
_WEAK_RANGE_KEYS = frozenset(k for k, role in _WEAK_ROLE_OF.items() if role == "reference_range")


def _header_and_rows(
    head_lines: list[str], delimiter: str, header_end: int
) -> tuple[list[str], list[tuple[int, list[str]]]]:
    """The header (the last row to end on `header_end` or above) and each row below it with
    the line it starts on, as far as the first lines read (a broken quote ends them)."""
    header: list[str] = []
    rows: list[tuple[int, list[str]]] = []
    with contextlib.suppress(csv.Error):  # the file's reading says so, where it is read
        for started, ended, cells in records(head_lines, delimiter):
            if ended <= header_end:
                header = cells
            else:
                rows.append((started, cells))
    return header, rows


#: A result-reported column's cells that say whether a result was reported (Y/N), not what
_REPORTED_AS_A_FLAG = frozenset(
    {"y", "n", "yes", "no", "true", "false", "x", "ja", "nein", "oui", "non", "si", "sí", "0", "1"}
)


#: The unit column of a reported result ('Reported Unit'), read with it
_REPORTED_UNIT = frozenset({"reportedunit", "reportedunits", "reportableunit", "finalunit",
                            "finalunits"})  # fmt: skip
#: A date written with no marks ('20240301'), which reads as a number
_COMPACT_DATE = lazy_pattern(r"\s*(?:19|20)\d\d(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])\s*")


def _reported_by_rows(
    layout: Layout, head_lines: list[str], delimiter: str, header_end: int
) -> Layout:
    """A layout whose value is the result the lab reported ('Reported Result', 'Final Value')
    beside the one measured first ('Result') where the first rows' reported cells give values,
    not a Y/N (lab QA round 21: 'Result' 1.2 was judged normal beside 'Reported Result' 12.0)."""
    header, rows = _header_and_rows(head_lines, delimiter, header_end)
    index = layout.roles["value"]
    if index >= len(header) or _header_key_of(header[index]) in (*_REPORTED, *_DILUTION_CORRECTED):
        return layout
    reported = next(
        (i for i, name in enumerate(header)
         if _header_key_of(name) in _REPORTED and name in layout.ignored),
        None,
    )  # fmt: skip
    if reported is None:
        return layout
    cells = [cell_text(c, reported) for _, c in rows if not is_comment(c)]
    # each a value: not blank (an LIS may fill it only where it differs: review of round 22),
    # no word, no date ('20240301' reads as a number), no Y/N or 1/0 (whether it was reported)
    if not cells or not all(
        t and _readable(t, delimiter != ",") and not has_a_date(t)
        and _COMPACT_DATE.fullmatch(t) is None and t.casefold() not in _REPORTED_AS_A_FLAG
        for t in cells
    ):  # fmt: skip
        return layout
    name, first = header[reported], header[index]
    roles = {**layout.roles, "value": reported}
    not_read = {**layout.not_read}
    not_read.pop(name, None)
    not_read[first] = _not_read_because(
        f"the result the lab reported, after any rerun, is read from column '{shorten(name)}'"
    )
    unread = [first]
    for role in ("rerun_value", "rerun_unit"):
        if role in roles:  # the reported result comes after any rerun
            rerun = header[roles.pop(role)]
            unread.append(rerun)
            not_read[rerun] = _given_already(name, "result after any rerun")
    unit = next((i for i, n in enumerate(header) if _header_key_of(n) in _REPORTED_UNIT
                 and n in layout.ignored), None)  # fmt: skip
    if unit is not None:  # its own ('Reported Unit': reviews of round 22; beside 'Units' the
        # measured value's unit was read with it, 1.5 ng/mL as 1.5 pg/mL, normal)
        if "unit" in roles:
            measured = header[roles["unit"]]
            unread.append(measured)
            not_read[measured] = _not_read_because(
                f"the unit of the result the lab reported is read from column "
                f"'{shorten(header[unit])}'"
            )
        roles["unit"] = unit
        not_read.pop(header[unit], None)
    with_unit = _value_with_unit(name)
    return layout._replace(
        roles=roles, not_read=not_read,
        ignored=[
            c for c in header
            if c in layout.ignored and c != name and (unit is None or c != header[unit])
            or c in unread
        ],  # fmt: skip
        value_unit=with_unit[1] if with_unit else layout.value_unit,
        raw_value=index, raw_is_first_measured=True,
    )  # fmt: skip


def _text_result_by_rows(
    layout: Layout, head_lines: list[str], delimiter: str, header_end: int
) -> Layout:
    """A layout whose value is the number column ('Numeric Result') where the first rows'
    'Text Result' is blank or words beside a number, and never a result beside a 0 (review)."""
    index = layout.roles["value"]
    header, numbered = _header_and_rows(head_lines, delimiter, header_end)
    if index >= len(header) or _header_key_of(header[index]) != "textresult":
        return layout
    number = next((i for i, n in enumerate(header) if _header_key_of(n) in _NUMBER_COLUMNS), None)
    if number is None:
        return layout
    rows = [(cell_text(c, index), cell_text(c, number)) for _, c in numbered]
    if not any(figure and (not text or _a_zero(figure) is False and not _readable(text))
               for text, figure in rows):  # fmt: skip
        return layout
    if any(text and _readable(text) and (not figure or _a_zero(figure)) for text, figure in rows):
        # it gives a result the number does not ('>500' beside 0): it stays the value, and a
        # row with it blank is refused, said (review: the number read '>500' as a normal 0)
        return layout
    roles = {**layout.roles, "value": number}
    why = _not_read_because(
        f"it is blank or words on rows that give a number, so column '{shorten(header[number])}' "
        "gives the value"
    )
    not_read = {**layout.not_read, header[index]: why}
    not_read.pop(header[number], None)
    ignored = [name for name in layout.ignored if name != header[number]] + [header[index]]
    return layout._replace(roles=roles, ignored=ignored, not_read=not_read)


def _a_zero(text: str) -> bool | None:
    """Whether a cell is the number 0 ('0', '0.0'); None for no number."""
    try:
        return float(text.replace(",", ".")) == 0
    except ValueError:
        return None


def _readable(text: str, decimal_comma: bool = False) -> bool:
    """Whether a value cell reads as a value ('>500', '12.5'), not words ('See comment')."""
    try:
        parse_value(text, decimal_comma)
    except ValueProblem:
        return False
    return True


def _operator_column_by_rows(
    layout: Layout, head_lines: list[str], delimiter: str, header_end: int
) -> Layout:
    """A layout whose 'Operator' column is not the comparator's where its first rows hold a
    word that is none ('labtech1', a cobas export's operator; lab QA round 13)."""
    index = layout.roles["comparator"]
    header, numbered = _header_and_rows(head_lines, delimiter, header_end)
    if index >= len(header) or _header_key_of(header[index]) != "operator":
        return layout
    seen = [c[index].strip() for _, c in numbered if index < len(c) and c[index].strip()]
    # a word that is no comparator ('labtech1', 'JS' beside 'LT', someone's initials); not
    # 'EQ', 'N/A' or '~' (review: one 'EQ' among 'LT' made 'LT 3.0' exactly 3)
    words = [
        cell
        for cell in seen
        if any(c.isalnum() for c in cell)
        and comparator_of(cell) is None
        and cell.casefold() not in ("eq", "=")
        and not is_no_value_mark(cell)
    ]
    if not words:
        return layout
    roles = {role: i for role, i in layout.roles.items() if role != "comparator"}
    why = _not_read_because(
        f"its cells ('{shorten(words[0])}') are no comparators (<, >), so it is taken for the "
        "person who ran the test (call it 'Comparator' to have it read)"
    )
    return layout._replace(
        roles=roles,
        ignored=[*layout.ignored, header[index]],
        not_read={**layout.not_read, header[index]: why},
    )


def _weak_range_by_rows(
    layout: Layout, head_lines: list[str], delimiter: str, header_end: int
) -> Layout:
    """A layout whose weakly named range column ('Ref', 'Norm') is the first such column whose
    first rows' cells show a range, or none where no such column's do ('A1023': a lab's own
    number; review: each row's 'A1023' was an unreadable range, and QA: a 'Norm' of ranges
    beside a 'Ref' of numbers was lost with it); the others not read, saying why."""
    index = layout.roles["reference_range"]
    header, numbered = _header_and_rows(head_lines, delimiter, header_end)
    rows = [cells for _, cells in numbered]
    if index >= len(header) or _header_key_of(header[index]) not in _WEAK_RANGE_KEYS:
        return layout
    weak = [i for i, name in enumerate(header) if _header_key_of(name) in _WEAK_RANGE_KEYS]
    comma = delimiter in (";", "\t", "|")
    seen = {i: [c[i].strip() for c in rows if i < len(c) and c[i].strip()] for i in weak}
    ranged = [i for i in weak if any(parse_lab_range(cell, comma) for cell in seen[i])]
    # none seen at all (a header alone, or blank cells): the column the header chose stays
    chosen = ranged[0] if ranged else (index if not any(seen.values()) else None)
    if chosen == index:
        return layout
    roles = {role: i for role, i in layout.roles.items() if role != "reference_range"}
    not_read = dict(layout.not_read)
    for i in weak:
        if i == chosen:
            continue
        if seen[i] and i not in ranged:
            why = _not_read_because(
                f"its cells ('{shorten(seen[i][0])}') are no ranges, so it is not taken for "
                "the lab's range (call it 'Reference Range' to have it read)"
            )
        elif chosen is not None:
            why = _given_already(header[chosen], "range")
        else:
            why = _not_read_because("it is not taken for the lab's range")
        not_read[header[i]] = why
    ignored = [name for name in layout.ignored if chosen is None or name != header[chosen]]
    ignored += [header[i] for i in weak if i != chosen and header[i] not in ignored]
    if chosen is not None:
        roles["reference_range"] = chosen
        not_read.pop(header[chosen], None)
    return layout._replace(roles=roles, ignored=ignored, not_read=not_read)


def _sample_column_by_rows(
    layout: Layout, head_lines: list[str], delimiter: str, header_end: int, known: KnownMarker
) -> Layout:
    """A long layout whose 'Name' (or 'ID', 'Description' …) column is the sample id where its
    values in the first rows group results of several markers and are no markers' names, or
    the patient's id where a value comes with two collection dates ('Name', 'ID'); else that
    column's warning says when its values differ, since all rows then make one panel."""
    index, i_marker = layout.maybe_sample, layout.roles["marker"]
    assert index is not None
    i_date = layout.roles.get("collected_at", -1)
    markers_of: dict[str, set[str]] = {}  # each value → the markers (as keys) beside it
    values_of: dict[str, set[str]] = {}  # each marker (as a key) → the values beside it
    dates_of: dict[str, set[str]] = {}  # each value → the collection dates beside it
    first_line: dict[str, int] = {}
    header, rows = _header_and_rows(head_lines, delimiter, header_end)
    # A grouped report gives each sample's id on its first row only: the rows below with the
    # cell blank, each of another marker, are the sample's (QA: a 'Name' column so written
    # was not read, all samples in one panel).
    above: str | None = None  # the value the rows below a given one may be grouped under
    below: dict[str, set[str]] = {}  # each value → the markers of the blank rows below it
    first_row = True
    for started, cells in rows:
        if max(index, i_marker) >= len(cells) or is_comment(cells) or is_blank(cells):
            continue
        value, marker = cells[index].strip(), cells[i_marker].strip()
        opens = first_row
        first_row = False
        if not marker:
            continue
        key = marker_key(marker)
        if not value:
            if above is not None:
                grouped = below.setdefault(above, set())
                if key not in grouped and key not in markers_of[above]:
                    grouped.add(key)
                elif not _corrects(cells, header, layout):
                    above = None  # a marker twice: no sample's rows
                    below.clear()
            continue
        if known(value) or marker_key(value) == key:
            return layout._replace(maybe_sample=None)  # the test's name, not the sample's
        markers_of.setdefault(value, set()).add(key)
        values_of.setdefault(key, set()).add(value)
        first_line.setdefault(value, started)
        if 0 <= i_date < len(cells) and cells[i_date].strip():
            dates_of.setdefault(value, set()).add(cells[i_date].strip())
        if opens or above is not None:  # a grouped report starts with a sample's row
            above = value if value not in below else None  # an id given again: not one
    name = header[index] if index < len(header) else ""
    if above is not None and len(below) > 1 and any(below.values()):
        for value, markers in below.items():
            markers_of[value] |= markers
    # A sample's id comes with each of its results; a test's description ('Interleukin 6')
    # comes with its marker alone, whoever the sample; a row's number with no other row.
    # A value with two collection dates names no sample but whom they were taken from (QA:
    # read as no one's, Anna's and Ben's results of one day shared a panel).
    groups = any(len(markers) > 1 for markers in markers_of.values())
    goes_with_marker = len(markers_of) > 1 and all(len(v) == 1 for v in values_of.values())
    person = header_key(name) in _MAYBE_PERSON and any(len(d) > 1 for d in dates_of.values())
    if (groups or person) and not goes_with_marker:
        ignored = [column for column in layout.ignored if column != name]
        role = "patient_id" if person else "sample_id"
        return layout._replace(
            roles={**layout.roles, role: index}, ignored=ignored, maybe_sample=None
        )
    if len(markers_of) < 2:
        return layout._replace(maybe_sample=None)
    (one, one_line), (other, other_line) = list(first_line.items())[:2]
    why = _not_read_because(
        f"it holds different values ('{shorten(one)}' on line {one_line}, '{shorten(other)}' on "
        f"line {other_line}), but all rows were put in one panel, since panelcli cannot tell "
        "whether they name samples; if they do, call the column 'Sample ID'"
    )
    return layout._replace(not_read={**layout.not_read, name: why}, maybe_sample=None)


def _status_column_by_rows(
    layout: Layout, head_lines: list[str], delimiter: str, header_end: int
) -> Layout:
    """A layout whose column headed 'Status' alone is the result status where its cells
    in the first rows are all result statuses ('F', 'Final', 'P', 'Cancelled'; not only 'N',
    which may mean normal), else that column's warning says how to have it read (QA: an LIS
    export's cancelled rows were refused, its preliminary ones judged as final)."""
    header, rows = _header_and_rows(head_lines, delimiter, header_end)
    for index in _headed_status(header) if rows else []:
        if "result_status" in layout.roles:
            return layout  # the status is read from its own column (review)
        if header[index] in layout.ignored:
            layout = _status_column_of(layout, header, rows, index)
    # CDISC SDTM's LBSTAT ('NOT DONE', else blank), where no other column gives the status
    # (second review: read before a LIMS' 'Status', it hid a 'Corrected' and a 'Cancelled')
    lbstat = next((i for i, cell in enumerate(header) if header_key(cell) == "lbstat"), None)
    if lbstat is None or "result_status" in layout.roles or header[lbstat] not in layout.ignored:
        return layout
    ignored = [column for column in layout.ignored if column != header[lbstat]]
    return layout._replace(roles={**layout.roles, "result_status": lbstat}, ignored=ignored)


_A_COUNT = lazy_pattern(r"\d+(?:[.,]\d+)?")


def _marks_by_rows(
    layout: Layout, head_lines: list[str], delimiter: str, header_end: int
) -> Layout:
    """A layout whose mark columns (`Layout.result_marks`) are each read only where no cell in
    the first rows is a number: such a column is a count ('Rejected' 3: review), not read, and
    says why. (A number is never a mark, so where the first rows cannot tell, its rows are
    judged all the same: second review.)"""
    header, rows = _header_and_rows(head_lines, delimiter, header_end)
    kept, not_read = [], dict(layout.not_read)
    for index, kind in layout.result_marks:
        name = header[index]
        other = next(
            (
                cells[index].strip()
                for _, cells in rows
                if index < len(cells) and not is_comment(cells)
                and _A_COUNT.fullmatch(cells[index].strip())
            ),
            None,
        )  # fmt: skip
        if other is None:
            kept.append((index, kind))
        else:
            not_read[name] = _not_read_because(
                "it may mark results not to be used, but its cells are numbers "
                f"('{shorten(other)}'), as a count's; every row was judged"
            )
    if len(kept) == len(layout.result_marks):
        return layout
    unread = {header[i] for i, _ in layout.result_marks} - {header[i] for i, _ in kept}
    if not kept and layout.mark_reason is not None:
        unread.add(header[layout.mark_reason])
    return layout._replace(
        result_marks=tuple(kept), mark_reason=layout.mark_reason if kept else None,
        ignored=[cell for cell in header if cell in layout.ignored or cell in unread],
        not_read=not_read,
    )  # fmt: skip


def _status_column_of(
    layout: Layout, header: list[str], rows: list[tuple[int, list[str]]], index: int
) -> Layout:
    """`_status_column_by_rows` of one column."""
    cells_read = [
        cells[index]
        for _, cells in rows
        if index < len(cells) and cells[index].strip() and not is_comment(cells)
    ]
    name = header[index]
    if (
        cells_read
        and all(map(reads_as_result_status, cells_read))
        and not any(cell.strip().casefold() == "n" for cell in cells_read)
    ):  # an 'N' may be a flag's 'normal' as well as HL7's "not asked" (review)
        ignored = [column for column in layout.ignored if column != name]
        return layout._replace(roles={**layout.roles, "result_status": index}, ignored=ignored)
    if not cells_read:
        return layout._replace(
            not_read={**layout.not_read, name: _not_read_because("its cells are blank")}
        )
    why = _not_read_because(
        "its cells are not all result statuses panelcli reads (F, P, C, X, Final, Preliminary, "
        "Cancelled …; an 'N' may mean normal or 'not asked'); if it gives each result's "
        "status, call it 'Result Status', "
        "if the lab's flags (H, L), 'Flag'"
    )
    return layout._replace(not_read={**layout.not_read, name: why})


def _headed_status(header: Sequence[str]) -> list[int]:
    """The columns headed 'Status' alone, then those headed 'Validation' or so, each read by
    its cells in turn (`_status_column_by_rows`; review: a 'Status' of 'Received' hid a
    'Validation' of 'Not validated')."""
    keys = [header_key(cell) for cell in header]
    return [i for i, key in enumerate(keys) if key == "status"] + [
        i for i, key in enumerate(keys) if key in _VALIDATION_NAMES
    ]


#: Names of a column that may give each result's status ('Not validated', 'Pendiente de
#: validar': lab QA round 14, judged as final), read as 'Status' is, by its first rows' cells,
#: and only where no other column gives the status (review: a 'Validation' of dates or
#: initials took the place of the real 'Status', whose correction was lost)
_VALIDATION_NAMES = frozenset({
    "validation", "validationstatus", "validación", "validacion", "validazione", "validatie",
    "releasestatus",
})  # fmt: skip


def _corrects(cells: list[str], header: list[str], layout: Layout) -> bool:
    """Whether a row's result status (its column's, or one headed 'Status') says it corrects
    or is to be followed by another result of its marker ('Corrected', 'Preliminary'): a
    marker given twice in a sample so is no sign that the rows are not one sample's (QA)."""
    index = layout.roles.get("result_status")
    if index is None:
        index = next(iter(_headed_status(header)), None)
    text = cells[index] if index is not None and index < len(cells) else ""
    status = result_status(text) if text.strip() else None
    return status is not None and status.code in ("corrected", "preliminary")


#: A unit under a column the set does not know ('pg/mL', 'U/mL', 'µg/L'); stricter than
#: `is_units_row`, which only needs a '/': a comment column may hold 'n/a' there.
_UNIT_IN_UNITS_ROW = lazy_pattern(r"^[A-Za-zµμ]{1,5}\s*/\s*[A-Za-z]{1,3}$")
_NOT_UNITS = {"n/a", "n/d", "w/o", "y/n"}


def is_header_again(cells: list[str], header: list[str], layout: Layout) -> bool:
    """A data row that is a header: the same one again, or another (two exports joined, a
    second plate with its own columns or units)."""
    if layout.kind == "long":
        value_at = layout.roles["value"]
        if value_at < len(cells) and not cells[value_at].strip()[:1].isalpha():
            return False  # a value or a blank where a header names a column: a data row
        return _names_columns(cells)
    if _header_keys(cells) == _header_keys(header):
        return True  # the same again, whose marker cells may be blank (QA: merged over a row of
        # figures, it was read as a sample 'Sample ID')
    for index in layout.markers:
        cell = cells[index].strip() if index < len(cells) else ""
        if cell:  # the first filled marker cell: a marker's name where a value should be
            return cell[0].isalpha() and (
                cell == header[index].strip()
                or marker_key(split_header_unit(cell)[0]) in _marker_keys(layout)
                or _names_columns(cells)
                # one other marker's column under the header's own 'Sample ID' (QA: its rows
                # were judged as the first header's IL-6); not by a unit alone, which a value
                # cell may hold ('H 12 pg/mL': review)
                or _id_titles_again(cells, header, layout)
                or _names_a_column(cell, header[index])
            )
    # no marker cell filled: another header narrower than the first, its names under the
    # first's other columns (QA: 'Sample ID,IL-6 (pg/mL),IFN-g (pg/mL)' was a sample's row
    # with no values)
    return _names_columns(cells)


def _names_a_column(cell: str, title: str) -> bool:
    """Whether a marker cell names a column as its header's title does: a marker panelcli
    knows with a unit in brackets ('IL-8 (pg/mL)' under 'IL-6 (pg/mL)': a second export under
    another id title, whose rows were judged as IL-6); never a value with its unit ('ND
    (pg/mL)', 'N/A (pg/mL)': review, the file stopped there)."""
    if split_header_unit(title)[1] is None or not any(mark in cell for mark in "(["):
        return False
    from panelcli.explain import names_a_marker  # the bundled sets and texts: read once

    name, unit = split_header_unit(cell)
    return unit is not None and names_a_marker(name)


def named_by_line(line: int) -> str:
    """The sample id of a wide row that gives none ('line 3'): one row is one sample."""
    return f"line {line}"


def _id_titles_again(cells: list[str], header: list[str], layout: Layout) -> bool:
    """Whether a row repeats the header's sample or patient id column title ('Sample ID')."""
    titled = [layout.roles[role] for role in ("sample_id", "patient_id") if role in layout.roles]
    return any(
        index < len(cells)
        and cells[index].strip()
        and cells[index].strip() == header[index].strip()
        for index in titled
    )


def _names_columns(cells: list[str]) -> bool:
    """Whether a row names columns as a header does: a marker and a value column (the long
    layout), or two or more markers with their units (the wide one, 'IL-8 (pg/mL)')."""
    roles = {_ROLE_OF.get(key) or _WEAK_ROLE_OF.get(key) for key in map(_header_key_of, cells)}
    if "marker" in roles and "value" in roles:
        return True
    named = (cell for cell in cells if cell.strip()[:1].isalpha())
    return sum(split_header_unit(cell)[1] is not None for cell in named) >= 2


def _marker_keys(layout: Layout) -> set[str]:
    return {marker_key(name) for name, _ in layout.markers.values()}


def _header_keys(cells: list[str]) -> list[str]:
    # By role where a name has one: 'units' over a file whose header says 'unit' is the same
    # header again (found in QA).
    keys = [_ROLE_OF.get(key, key) for key in map(header_key, cells)]
    while keys and not keys[-1]:  # a trailing delimiter is no other column
        keys.pop()
    return keys


def header_again(source: str, line: int, cells: list[str], header: list[str]) -> Issue:
    """The same header again is skipped with a warning; another one stops the file, since
    its columns or units may differ (read by the first header, a value could be 1000 times
    off or be another marker's)."""
    if _header_keys(cells) == _header_keys(header):  # 'Sample ID' is 'sample_id' again
        return Issue(
            severity="warning", code="header-repeated", source=source, line=line,
            message="the header is repeated here (two exports joined?); this line was skipped",
        )  # fmt: skip
    raise InputError(
        f"{source}: line {line} is another header, with other columns or units than the one "
        "on top (two exports joined, or a second plate?); panelcli reads one header per file, "
        "so this line and every line after it were not read: split the file there",
        line=line,
    )


#: A sample type naming a standard, control, calibrator or blank: 'S1', 'C2', 'B' as Bio-Plex
#: writes them, and the words ('Standard', 'QC-High', 'Blank').
_NOT_A_PATIENT = lazy_pattern(
    r"^(?:(?:negative|positive|neg|pos|zero|low|mid|high|assay)[\s_.-]*)?"
    r"(?:[scb]\d+|std|standard|control|ctrl|calibrator|cal|blank|blk|background|bkg|nc|pc|ntc"
    r"|kontrolle|kalibrator|leerwert|nsb|buffer|diluent"
    # French, Spanish, Italian, Dutch (lab QA round 22: 'Contrôle' was judged as a patient's)
    r"|contr[ôo]le|[ée]talon|calibrateur|blanc|calibrador|blanco|controllo|calibratore|bianco"
    r"|kalibratie)"
    r"[\s_-]*(?:\d+|low|mid|high|level[\s_-]*\d+)?$|^qc\b",
    re.IGNORECASE,
)
_CODED_NOT_A_PATIENT = lazy_pattern(r"^[scb]\d*$", re.IGNORECASE)  # Bio-Plex: S, C, B (+ number)
#: A sample type naming a patient's sample (as `header_key` has it): it wins over a sample id
#: named like a standard's or control's ('S001', 'C1' in an MSD export; 'Cal1').
_A_PATIENT_S_TYPE = frozenset({
    "unknown", "unknowns", "unk", "unknownsample", "sample", "samples", "patient",
    "patientsample", "patientensample", "patientenprobe", "clinicalsample",
})  # fmt: skip
_CODED_A_PATIENT = lazy_pattern(r"^x\d*$", re.IGNORECASE)  # Bio-Plex: X (+ number), an unknown
#: MSD Discovery Workbench names calibrators S001…S008 and controls C1… (C001…); only in its
#: exports: elsewhere a patient's sample may be called so.
_MSD_NOT_A_PATIENT_ID = lazy_pattern(r"^(?:s\d{3}|c\d{1,3})$", re.IGNORECASE)
#: xPONENT's names of a kit's control wells, beside its 'Standard1', 'Background0', 'Unknown1'
_XPONENT_CONTROL_ID = lazy_pattern(r"^control\d{1,3}$", re.IGNORECASE)
#: A line naming the program, or its block line ('"DataType:","Median"'), not 'exponential'
#: nor 'Data type: plasma' (review: a study's 'Control 7' was skipped)
_XPONENT_LINE = lazy_pattern(r"\bxponent\b|^\W*datatype:", re.IGNORECASE)
#: A line that may be a block's 'DataType:' line (`is_data_type_line` decides)
_DATA_TYPE_LINE = lazy_pattern(r"^[\W_]*data[\W_]*type[\W_]*:", re.IGNORECASE)
#: A level's letter after a control's word: 'Blank A', 'Pool-B', or glued as a capital,
#: 'BlankA', 'STDA' (not 'Stdb', a small letter glued: code audit round 22)
_LEVEL_LETTER = r"(?:[\s_-]+[a-h]|(?-i:(?<=[A-Za-z])[A-H]))"
#: ... after 'Blank' or 'Pool', where a glued letter may make a person's name ('Blanka',
#: 'Poole', and 'BLANKA', 'POOLE' as LIS write names: code audit round 22, skipped as
#: controls): a capital after small letters, or a consonant after capitals ('BLANKB';
#: review: 'STDA', 'BLANKB' were judged as patients). ('CALA', 'CALE' are a calibrator
#: series' in capitals, second review; 'Cale' in small letters is still a name.)
_LEVEL_LETTER_NOT_A_NAME = r"(?:[\s_-]+[a-h]|(?-i:(?<=[a-z])[A-H])|(?-i:(?<=[A-Z])[BCDFGH]))"
#: Sample ids that name a standard, calibrator or blank well ('Standard3', 'Blank'): no
#: patient is called so (a 'Control' may be a study's control subject, so it is left to the type;
#: 'QC-Low', 'QC2' are quality-control material; 'NC', 'PC-1', 'Neg Ctrl' an assay's negative and
#: positive controls).
_NOT_A_PATIENT_ID = lazy_pattern(
    r"^(?:standard|std|calibrator|calib|cal|background|bkg|bkgd|bgd|kalibrator|leerwert)"
    rf"(?:[\s_-]*\d{{1,3}}|{_LEVEL_LETTER})?$"
    rf"|^blank(?:[\s_-]*\d{{1,3}}|{_LEVEL_LETTER_NOT_A_NAME})?$"
    r"|^(?:standard|std)[\s_-]*curve(?:[\s_-]*\d{1,2})?$"
    # Kit and quality controls by level ('Low Control', 'Control High', 'Ctrl 1'; a bare
    # 'Control 7' may be a study's control subject), a zero calibrator, non-specific binding
    r"|^(?:low|mid|medium|high)[\s_-]*(?:control|ctrl|qc)(?:[\s_-]*\d{1,2})?$"
    r"|^(?:control|ctrl)[\s_-]*(?:low|mid|medium|high|level[\s_-]*\d+)$"
    r"|^zero[\s_-]*(?:calibrator|standard|std)$|^nsb(?:[\s_-]*\d{1,2})?$"
    # wells of buffer alone (blanks by another name)
    rf"|^(?:assay[\s_-]*)?(?:buffer|diluent)(?:[\s_-]*\d{{1,2}}|{_LEVEL_LETTER})?$|^pbs$"
    r"|^matrix(?:[\s_-]*blank)?$"
    r"|^(?:negative|positive|neg|pos)[\s_.-]*(?:control|ctrl|kontrolle)"
    rf"(?:[\s_-]*\d{{1,3}}|{_LEVEL_LETTER})?$"
    r"|^(?:nc|pc|ntc)(?:[\s_-]*\d{1,2})?$"
    r"|^qc(?:[\s_-]*(?:\d{1,2}|level[\s_-]*\d+"
    r"|(?:low|mid|medium|high|[lmh])(?:[\s_-]*\d{1,2})?))?$"  # 'QC High 2', not 'QC2026'
    r"|^qc[\s_-]*\d{1,2}[\s_-]*(?:low|mid|medium|high)$"  # 'QC1 Low'
    r"|^kit[\s_-]*(?:control|ctrl|kontrolle)"
    rf"(?:[\s_-]*(?:\d{{1,2}}|low|mid|high)|{_LEVEL_LETTER})?$"
    # control material by its maker's or a standard's name, a proficiency (EQA) sample, a
    # pool of sera (lab QA round 13: each judged as a patient's, and flagged)
    r"|^(?:bio[\s_-]?rad|lyphochek|liquichek|immunoassay[\s_-]*plus|randox|acusera|nibsc"
    r"|(?:uk[\s_-]*)?neqas|eqas?|proficiency)\b"
    r"|^who[\s_-]*(?:is|international[\s_-]*standard)\b"
    # (not a bare 'Pooled': a study's sample may be called so)
    rf"|^pool(?:ed)?[\s_-]*(?:serum|plasma|qc)(?:[\s_-]*\d{{1,2}}|{_LEVEL_LETTER})?$"
    rf"|^pool(?:[\s_-]*\d{{1,2}}|{_LEVEL_LETTER_NOT_A_NAME})$",
    re.IGNORECASE,
)
#: A standard's well written with its replicate or dilution, as plate readers label them
#: ('Std1 Rep 2', 'Std1-1', 'Std.1', 'Standard 1 dup', 'Std 1 (1:4)'): the part before it is
#: matched by `_NOT_A_PATIENT_ID`; an accession number ('STD-2026-0001') has no such tail.
_REPLICATE_TAIL = lazy_pattern(
    r"(?:[\s_.-]*(?:rep(?:licate)?|dup(?:licate)?|trip(?:licate)?)[\s_.-]*\d{0,2}"
    r"|\s*\(\s*\d{1,4}\s*[:/]\s*\d{1,5}\s*\)|(?<=[a-z]\d)-\d|(?<=[a-z]\d\d)-\d)$",
    re.IGNORECASE,
)
#: How every id `_NOT_A_PATIENT_ID` matches begins: most sample ids are told apart by it alone.
_STANDARD_HEAD = re.compile(
    r"\s*(?:standard|std|calib|cal|blank|background|bkg|bgd|kalibrator|leerwert|low|mid|medium"
    r"|high|control|ctrl|zero|nsb|assay|buffer|diluent|pbs|matrix|negative|positive|neg|pos|nc"
    r"|pc|ntc|qc|kit|bio|lyphochek|liquichek|immunoassay|randox|acusera|nibsc|uk|neqas|eqa"
    r"|proficiency|who|pool)",
    re.IGNORECASE,
).match
_STANDARD_DOT = lazy_pattern(r"^(std|standard|cal|calibrator)\.(?=\s*\d)", re.IGNORECASE)
#: Sample ids of rows that sum up others (instrument exports end a plate with them).
_SUMMARY_IDS = {
    "mean", "average", "avg", "sd", "stddev", "stdev", "std.dev.", "stddev.", "cv", "cv%", "%cv",
    "median", "min", "max", "min.", "max.", "minimum", "maximum", "total", "sum", "count",
    "standarddeviation", "mittelwert", "standardabweichung", "stabw",  # German exports
    # the standard error of the mean, as plate readers and Excel label it
    "sem", "s.e.m.", "se", "s.e.", "stderr", "stderr.", "std.err.", "stderror", "std.error",
    "standarderror", "standarderrorofthemean", "rsd", "%rsd", "rsd%",
    "geometricmean", "geomean", "gmean", "mean±sd", "meansd",  # not "n": samples A, B … N
    "anzahl", "summe", "gesamt", "stdabw", "mittel",  # German
    # German abbreviations: Mittelwert, Variationskoeffizient (QA: 'VK%' was a sample, high)
    # (not a bare 'MW' or 'VK': initials may be a sample's name, as 'N' may; review)
    "vk%", "%vk", "variationskoeffizient", "ø", "numberofsamples", "noofsamples",
    "moyenne", "écarttype", "ecarttype", "médiane", "mediane", "somme",  # French
    "media", "promedio", "mediana", "desviaciónestándar", "desviacionestandar", "suma",  # Spanish
    # everyday and grand-total words (QA: 'Durchschnitt', 'Total général' were samples, high)
    "durchschnitt", "gesamtsumme", "summegesamt", "gesamtergebnis", "totalgénéral",
    "totalgeneral", "grandtotal", "moyennegénérale", "mínimo", "máximo",
    "minimo", "maximo", "mín.", "máx.",
    "σ", "∑",  # a sum's sign (Greek sigma, casefolded; the n-ary sum); lab QA round 7
    # lab QA round 11: Italian, Dutch, Portuguese footers and more English ones were samples,
    # high (not 'DS', 'Pooled', 'Q1': initials, a pooled plasma, and sample ids such as 'Q-1')
    "deviazionestandard", "devst", "somma",  # Italian (not 'Massimo', a first name: review 54)
    "gemiddelde", "gem.", "standaarddeviatie", "totaal", "aantal", "mediaan",  # Dutch
    "média", "desviopadrão", "desviopadrao", "soma",  # Portuguese
    "średnia", "srednia", "odchyleniestandardowe",  # Polish (lab QA round 22)
    "grandmean", "overallmean", "averages", "subtotal", "iqr", "upperquartile",
    "lowerquartile", "variance", "stdevs", "stdevp", "95%ci", "lower95%ci", "upper95%ci",
    "minmax", "mean+2sd", "mean2sd", "mean+sd",  # (not 'Var', a sample's or person's name)
}  # fmt: skip
#: A count's label, or a summary block's heading or line, as a sample's id: such a row is no
#: sample where it holds no more than one whole number (`_count_line`; lab QA round 20:
#: 'Total samples,3' was a sample whose IL-6 of 3 pg/mL was judged high, exit 1); a row of
#: results under such an id is a sample's ('Critical' on a worklist: review)
_COUNT_LABELS = frozenset({
    "samples", "records", "patients", "rows", "results", "tests", "summary", "zusammenfassung",
    "samplestested", "patientstested", "rowsexported", "recordsexported", "samplesexported",
    "resultsexported", "samplecount", "patientcount", "recordcount", "rowcount", "resultcount",
    "testcount",
    # a status's count, named as one ('Normal results,3', 'Out of range,0': second review)
    "normalresults", "abnormalresults", "flaggedresults", "criticalresults", "highresults",
    "lowresults", "outofrange", "outofrangeresults", "inrange", "withinrange",
    # (not a status word alone, 'Normal', 'High', 'Critical': a sample may be so named, and one
    # value of 30 is as whole a number as a count: second review)
})  # fmt: skip
#: ... and how a count's label begins ('Total flagged', 'Number of patients', 'Anzahl Proben',
#: "Nombre d'échantillons")
_COUNT_LABEL_STARTS = ("total", "numberof", "noof", "anzahl", "nombrede", "nombred'", "número")
#: A spreadsheet's formula that sums up rows, kept as its text ('=AVERAGE(B2:B3)'), as keyed
_SPREADSHEET_SUMMARY = lazy_pattern(
    r"=(?:average|avg|mean|sum|stdev|stdeva|stdevp|var|median|min|max|count|geomean"
    r"|mittelwert|summe|moyenne|somme|promedio|suma|media|somma)[a-z.]*\("
)
#: A sample's id in brackets after a summary word ('Mean (S1)', 'Media (2)'), which is then a
#: sample's name; anything else there ('n=3', 'IQR', 'Q1-Q3', 'CV%') says what a summary says
_SAMPLE_IN_BRACKETS = lazy_pattern(r"[a-z]{0,3}[\s_-]?\d{1,5}[a-z]?")
#: A percentile's label ('25th percentile', 'Percentile 75'), as `is_summary_label` keys it
_PERCENTILE = lazy_pattern(r"\d{1,2}(?:st|nd|rd|th)?percentile|percentile\d{1,2}")
#: A summary of named rows ('Average of duplicates', 'Mean of replicates'): its key's start
_SUMMARY_OF = ("averageof", "meanof", "sumof", "totalof", "medianof", "mittelwertder",
               "mittelwertvon", "moyennede", "promediode", "mediade")  # fmt: skip
#: Sample ids of rows that give the assay's limits of measurement, as plate and Olink-style
#: exports end with them: numbers of the assay, not of a patient (QA: 'ULOQ', 5000 pg/mL,
#: was a sample "2,000 times the upper limit", and the run exited 1).
_ASSAY_LIMIT_IDS = {
    "lod", "llod", "ulod", "loq", "lloq", "uloq", "lob", "lql", "uql", "lol", "uol",
    "limitofdetection", "lowerlimitofdetection", "upperlimitofdetection", "detectionlimit",
    "limitofblank", "limitofquantification", "limitofquantitation",
    "lowerlimitofquantification", "upperlimitofquantification",
    "lowerlimitofquantitation", "upperlimitofquantitation",
    "upperloq", "lowerloq", "upperlod", "lowerlod",
    "nachweisgrenze", "bestimmungsgrenze",  # German
    # French, Spanish, Italian, Dutch (lab QA round 22: judged as a sample's), accents off
    "limitededetection", "seuildedetection", "limitedequantification", "limitededeteccion",
    "limitedecuantificacion", "limitedirilevabilita", "limitedirilevazione",
    "limitediquantificazione", "detectiegrens", "bepalingsgrens", "aantoonbaarheidsgrens",
}  # fmt: skip
# 'ULOQ (pg/mL)': a unit after the label, not a label in brackets ('(LLOQ)': review)
_BRACKETED_TAIL = lazy_pattern(r"(?<=[^\s(\[])\s*[(\[][^()\[\]]*[)\]]\s*$")


#: How every id of `_ASSAY_LIMIT_IDS` begins: most sample ids are told apart by it alone.
_ASSAY_LIMIT_HEAD = re.compile(r"[\s(\[_.:-]*(?:[lubdn]|se|aa)", re.IGNORECASE).match


def _names_assay_limits(sample_id: str) -> bool:
    """Whether a sample id names a row of the assay's limits ('LLOQ', 'Upper LOQ (pg/mL)')."""
    if _ASSAY_LIMIT_HEAD(sample_id) is None:  # asked once a sample (benchmark)
        return False
    key = _BRACKETED_TAIL.sub("", sample_id).casefold().translate(_SUMMARY_PUNCTUATION)
    if not key.isascii():  # 'Límite de detección' as the words are listed
        key = without_accents(key)
    return key in _ASSAY_LIMIT_IDS


#: What a summary row's label may carry that its key does not: 'Mean:', 'S.D.', 'CV (%)'.
_SUMMARY_PUNCTUATION = str.maketrans("", "", " .:()[]_-")
_COUNT_ROW = lazy_pattern(r"^n\s*=\s*\d+$", re.IGNORECASE)  # 'n=2', Excel's count of the rows


def not_a_patient_sample(cells: list[str], layout: Layout) -> tuple[str, str | None] | None:
    """What a row is when it is a standard, control, blank or a summary row (as words for a
    warning), and the column that shows it where one cell does ('Exp Conc'), else None: such
    rows must not be judged as a patient's results."""
    index = layout.roles.get("sample_type")
    kind = cells[index].strip() if index is not None and index < len(cells) else ""
    if kind and (
        _NOT_A_PATIENT.match(kind) or (layout.coded_types and _CODED_NOT_A_PATIENT.match(kind))
    ):
        return f"a standard, calibrator, control or blank (type '{shorten(kind)}')", None
    index = layout.roles.get("sample_id")
    label = cells[index].strip() if index is not None and index < len(cells) else ""
    for index, name in layout.expected.items():
        given = cells[index].strip() if index < len(cells) else ""
        if any(character.isdigit() for character in given):  # not '---' or 'N/A'
            sample = f"sample '{shorten(label)}', " if label else ""
            what = (
                f"a standard or control ({sample}with the value it is expected to have, "
                f"'{shorten(given)}' under '{shorten(name)}')"
            )
            return what, name
    if (count := _count_line(cells, layout)) is not None:
        return f"a count or a summary of other rows ('{shorten(count)}')", None
    if not label:
        return _footer_label_elsewhere(cells, layout)
    msd_s = layout.msd_export and _MSD_NOT_A_PATIENT_ID.match(label)
    if msd_s and not _typed_a_patient(kind, layout) and not _names_a_person(cells, layout):
        return f"an MSD calibrator or control (sample '{shorten(label)}', as MSD names them)", None
    xponent_s = layout.xponent_export and _XPONENT_CONTROL_ID.match(label)
    if xponent_s and not _typed_a_patient(kind, layout) and not _names_a_person(cells, layout):
        # QA: judged as patients, the kit's controls set exit 1 beside a normal sample
        return f"a kit control (sample '{shorten(label)}', as xPONENT names them)", None
    who = not_a_patient_id(label)
    if who is None or (_names_a_standard(label) and _typed_a_patient(kind, layout)):
        return None
    if _initials_beside(label, cells, layout):
        # a person's initials or first name ('SD', 'NC', 'Max') beside their name: a patient's
        # sample (code audit round 19: six such rows were skipped, exit 0); not a control's
        # beside a word ('PC', 'Positive') nor a summary beside an id ('SD', 'P001': review)
        return None
    return who, None


def _count_line(cells: list[str], layout: Layout) -> str | None:
    """The label of a row whose id (the sample's, else the patient's: second review) is a
    count's label (`_COUNT_LABELS`) with no more than one whole number beside it: a report's
    count or summary line, no sample's results; else None."""
    for role in ("sample_id", "patient_id"):
        at = layout.roles.get(role)
        if at is not None and at < len(cells) and (label := cells[at].strip()):
            break
    else:
        return None
    key = label.casefold().translate(_SUMMARY_PUNCTUATION)
    if key not in _COUNT_LABELS and not key.startswith(_COUNT_LABEL_STARTS):
        return None
    others = [text for i, cell in enumerate(cells) if i != at and (text := cell.strip())]
    return label if len(others) <= 1 and all(text.isdigit() for text in others) else None


def _initials_beside(label: str, cells: list[str], layout: Layout) -> bool:
    """Whether a sample id is the initials ('SD') or the first name ('Max') of the person the
    row's patient cell names in two words or more ('Sarah Doe', 'DOE, SARAH')."""
    index = layout.roles.get("patient_id")
    person = cells[index] if index is not None and index < len(cells) else ""
    words = re.findall(r"[^\W\d_]+", person)
    if len(words) < 2 or not _names_a_person(cells, layout):
        return False
    # a cell that names a control, blank or summary is no person ('No Template Control',
    # 'Reagent Blank', 'Group Mean': second review)
    said = label.strip().casefold()
    others = [word for word in words if word.casefold() != said]  # ('Max' of 'Max Weber')
    if any(not_a_patient_id(word) or word.casefold() in _NO_PERSON_WORDS for word in others):
        return False
    initials = "".join(word[0] for word in words).casefold()
    names = (words[0].casefold(), words[-1].casefold()) if said in _NAMES_TOO else ()
    return said in (initials, initials[::-1], *names)


#: Words of a patient cell that name no person ('Calibrator Lot', 'Cal Curve', 'Blank Well')
_NO_PERSON_WORDS = frozenset({
    "control", "controls", "blank", "lot", "curve", "well", "template", "quality", "reagent",
    "calibrator", "standard", "negative", "positive", "plate", "group", "run", "pool", "coeff",
    "var", "mean", "median", "average",
})  # fmt: skip


def _footer_label_elsewhere(cells: list[str], layout: Layout) -> tuple[str, None] | None:
    """A row with no sample id whose patient or date cell names a summary ('Mittelwert',
    'Summe:'; 'MW' in a date), as a sheet's footer puts its label in the second column (QA:
    read as a sample 'line 4' of an unreadable date, its sums judged high). A patient cell
    only in a row with no date, and never a name ('Max', 'Sem': review); a date cell only in
    a row that names no patient."""
    patient, date = (cell_text(cells, layout.roles.get(r)) for r in ("patient_id", "collected_at"))
    for cell, other in ((patient, date), (date, given_id(patient) if patient else None)):
        key = cell.casefold().rstrip(":.")
        if not cell or other or (cell is patient and key in _NAMES_TOO):
            continue
        if is_summary_label(cell) or (cell is date and key in SUMMARY_INITIALS):
            return not_a_patient_id(cell) or f"a summary of other rows ('{shorten(cell)}')", None
    return None


#: Initials of a summary ('MW', Mittelwert; 'VK', Variationskoeffizient): a sample or a person
#: may be so called, but no date nor a marker's figure
SUMMARY_INITIALS = frozenset({"mw", "vk"})
#: Summary words that are names of people too ('Max', 'Sem'), not read as a footer's label in
#: a patient column
_NAMES_TOO = frozenset({
    "max", "min", "maximo", "minimo", "máximo", "mínimo", "total", "sem", "media", "suma",
    "count",  # QA: a patient so named was a summary row
    # review 54: Italian 'Massimo' is a first name, 'Somma', 'Soma', 'Var' are surnames
    "somma", "soma", "média", "gemiddelde", "totaal", "aantal", "mediaan",
})  # fmt: skip


def _typed_a_patient(kind: str, layout: Layout) -> bool:
    """Whether a row's sample type names a patient's sample ('Unknown', Bio-Plex's 'X1'): the
    type column says what the row is, its sample id's name only suggests it (QA: an MSD
    export's 'S001' typed 'Unknown' was skipped as a calibrator). Asked only of a row whose id
    looks like a standard's."""
    return bool(kind) and (
        # 'Sample 1', 'Unknown2': a type word and a number, as an MSD export numbers its unknowns
        header_key(kind).rstrip("0123456789") in _A_PATIENT_S_TYPE
        or (layout.coded_types and _CODED_A_PATIENT.match(kind) is not None)
    )


def _names_a_person(cells: list[str], layout: Layout) -> bool:
    """Whether a row's patient id cell names someone (not blank, 'N/A' or a standard's name):
    MSD gives its calibrators and controls no patient, so such a row named 'S004' is a
    patient's sample (QA: it was skipped as a calibrator, unjudged). Asked only of a row whose
    id looks like an MSD standard's."""
    index = layout.roles.get("patient_id")
    person = given_id(cells[index]) if index is not None and index < len(cells) else None
    return (
        person is not None
        and not_a_patient_id(person) is None
        and _MSD_NOT_A_PATIENT_ID.match(person) is None
    )


def names_a_marker_s_summary(marker: str) -> bool:
    """Whether a marker cell names a figure of a plate's rows for a marker ('IL-6 Mean', 'IL-6
    (Median)', 'IL-6 Mittelwert'), no sample's result."""
    words = instrument_name(marker)
    # its first or last word a summary's: 'IL-6 Median', 'Mean IL-6', 'IL-6_MW' (review)
    parts = [part for part in re.split(r"[\s_()\[\]:]+", marker) if part]
    ends = {parts[0], parts[-1]} if len(parts) > 1 else set()
    return (words is not None and words.mean) or any(
        is_summary_label(end) or end.casefold() in SUMMARY_INITIALS for end in ends
    )


def names_no_result(marker: str, means_too: bool = True) -> bool:
    """Whether a long row's marker cell names a figure of other rows, no sample's result: a
    plate's footer ('Mean', 'S.D.'), a marker's mean ('IL-6 Mean'; not with `means_too`
    False, as in a file whose rows name no samples) or an instrument's other figure ('IL-6
    SD', 'IL-10 FI')."""
    words = instrument_name(marker)
    return (
        is_summary_label(marker)
        or (means_too and names_a_marker_s_summary(marker))
        or (words is not None and words.not_a_value is not None)
    )


def is_summary_label(label: str) -> bool:
    """Whether a label names a row that sums up others ('Mean', 'S.D.', 'CV (%)', 'n=2')."""
    key = label.casefold().replace(" ", "")
    if key in _SUMMARY_IDS or key.translate(_SUMMARY_PUNCTUATION) in _SUMMARY_IDS:
        return True
    if key.startswith(_SUMMARY_OF):  # lab QA round 7: 'Average of duplicates' was a sample
        return True
    if "percentile" in key and _PERCENTILE.fullmatch(key.translate(_SUMMARY_PUNCTUATION)):
        return True
    if key.startswith("=") and _SPREADSHEET_SUMMARY.match(key):  # '=AVERAGE(B2:B3)' as text
        return True
    if key.endswith((")", "]")) and (bare := _BRACKETED_TAIL.sub("", label)) != label:
        # 'Mean (n=3)', 'Median (IQR)' (lab QA round 11); not 'Mean (S1)', 'Media (2)', a
        # sample's name (review 54)
        inside = label[len(bare) :].strip(" ()[]").casefold()
        return _SAMPLE_IN_BRACKETS.fullmatch(inside) is None and is_summary_label(bare)
    return "=" in label and _COUNT_ROW.match(label.strip()) is not None  # 'n = 3', any space


def not_a_patient_id(sample_id: str) -> str | None:
    """What a row is by its sample id alone ('Mean', 'CV%', 'Standard3', 'Blank'), as words
    for a warning; None for a patient's sample."""
    if is_summary_label(sample_id):
        return f"a summary of other rows ('{shorten(sample_id)}')"
    if _names_assay_limits(sample_id):
        return f"the assay's limits of measurement ('{shorten(sample_id)}')"
    if _names_a_standard(sample_id):
        return f"a standard, calibrator, quality control or blank (sample '{shorten(sample_id)}')"
    return None


def _names_a_standard(sample_id: str) -> bool:
    """Whether a sample id names a standard, calibrator, control or blank well, also with a
    replicate or dilution after it ('Std1 Rep 2'); a type naming a patient's sample wins."""
    if _STANDARD_HEAD(sample_id) is None:  # nearly every id: asked once a sample (benchmark)
        return False
    return bool(
        _NOT_A_PATIENT_ID.match(sample_id)
        or _NOT_A_PATIENT_ID.match(
            _STANDARD_DOT.sub(r"\1", _REPLICATE_TAIL.sub("", sample_id.strip()))
        )
    )


def shows_decimal_comma(cells: list[str], layout: Layout, header: Sequence[str]) -> bool:
    """Whether a row shows ',' as the file's decimal mark ('12,5', not '12,345') in a value or
    a lab's range, for what follows it (see `Interpreter.comma_decimal_seen`): any data row
    but a control's, a summary's, a range row and one refused for its shape (cells past the
    header's, no marker). One rule for `panelcli check` and for batches (QA: they differed),
    and for ',' files as for ';' ones (a quoted '"3,2"')."""
    if not any("," in cell for cell in cells) and not (
        (layout.range_row or layout.words_after_unit)
        and any(
            "," in text for text in (*layout.range_row.values(), *layout.words_after_unit.values())
        )
    ):  # most rows of a ',' file: asked of each
        return False
    if not _values_judged(cells, layout, header):
        return False
    columns = [*layout.markers] if layout.kind == "wide" else [layout.roles["value"]]
    if writes_a_decimal_comma(printed_range(cells, layout.roles)):
        return True
    if layout.kind == "wide" and (layout.companions or layout.range_row or layout.words_after_unit):
        # a value's own range ('IL-17 Reference Range', or a range row's), read with it
        # (differential test: batches missed a '"<7,0"' there)
        for index in columns:
            if cell_text(cells, index) and writes_a_decimal_comma(
                _wide_range(cells, layout, index)
            ):
                return True
    return any(value_shows_decimal_comma(cell_text(cells, index)) for index in columns)


def decimal_comma_ahead(
    head_lines: list[str], layout: Layout, header: list[str], header_end: int
) -> bool:
    """Whether a ',' file's first lines show ',' as its decimal mark ('"12,5"') and never '.'
    as the point ('2.5'): its rows are read as after such a row from the first (a German
    sheet's '1.340' above its first '"12,5"' was 1.34, normal, with no word of 1340). Rows
    as they are read: a grouped report's blank ids filled in (QA: a control's row was not)."""
    reader = csv.reader(head_lines)
    shown = False
    with contextlib.suppress(csv.Error):  # the file's reading says so, where it is read
        for _ in reader:
            if reader.line_num >= header_end:
                break
        for cells in with_ids_filled_down(reader, layout, header, ReadStats()):
            if shows_decimal_point(cells, layout, header) is not None:
                return False
            shown = shown or shows_decimal_comma(cells, layout, header)
    return shown


def decimal_point_ahead(
    head_lines: list[str], layout: Layout, header: list[str], header_end: int, stats: ReadStats
) -> str | None:
    """The first value a ';', tab or '|' file's first lines write with '.' as the decimal
    point ('3.3'), or None: its rows are read as after it from the first (lab QA round 13: a
    tab file's '1,234' above its '3.3' was 1.234, normal, without a word; below it, in doubt)."""
    reader = csv.reader(head_lines, delimiter=stats.delimiter)
    with contextlib.suppress(csv.Error):  # the file's reading says so, where it is read
        for _ in reader:
            if reader.line_num >= header_end:
                break
        for cells in with_ids_filled_down(reader, layout, header, ReadStats()):
            if (shown := shows_decimal_point(cells, layout, header)) is not None:
                return shown
    return None


def shows_decimal_point(cells: list[str], layout: Layout, header: Sequence[str]) -> str | None:
    """A value of a row that writes '.' as the decimal point for certain ('2.5', '1,234.5';
    see `Interpreter.decimal_point_seen`): one rule for `panelcli check` and for batches."""
    # each value, then its printed range ('0-7.5': QA), in the order `Interpreter._judge`
    # meets them
    if layout.kind == "wide":
        ranged = bool(layout.companions or layout.range_row or layout.words_after_unit)
        pairs = [
            (value, _wide_range(cells, layout, index) if value and ranged else None)
            for index in layout.markers
            for value in (cell_text(cells, index),)
        ]
    else:
        pairs = [(cell_text(cells, layout.roles["value"]), printed_range(cells, layout.roles))]
    for value, printed in pairs:
        shown = decimal_point_shown(value, printed)
        if shown is not None:
            return shown if _values_judged(cells, layout, header) else None
    return None


def _own_status_said(
    text: str | None, value: str | None, column: str, where: tuple[str, int],
    about: dict[str, str | None],
) -> Issue | None:  # fmt: skip
    """The warning of a wide marker's own status cell ('IL-6 Status'), as a long row's status
    column gives it: `result-not-given` where its result is not to be judged (cancelled,
    pending; preliminary with no value yet), else `result-preliminary` or `result-corrected`;
    None for a final status or none."""
    status = row_status(text, value) if text else None
    if status is None:
        return None
    # 'IL-6 Status' of 'High', 'Normal' (but 'N': read as in a long file's status column)
    unread = status.code == "status-unread" and (text or "").strip().casefold() != "n"
    if unread and flag_column_code(text or "") is not None:
        return Issue(
            severity="warning", code="result-status-unread", source=where[0], line=where[1],
            column=column, message=f"the status '{shorten(text or '')}' is a flag, not a "
            f"result status, and was not used (name the column "
            f"'{shorten(column.rsplit(' ', 1)[0])} Flag' to have it read as the lab's "
            "flag); the value was judged as a final result, as is any other row of this file "
            "with this status", **about,
        )  # fmt: skip
    return _status_warning(status, text or "", where, {"column": column, **about}, "result")


def _status_warning(
    status: ResultStatus, text: str, where: tuple[str, int], about: dict[str, str | None],
    not_judged: str,
) -> Issue:  # fmt: skip
    """The warning of a result status cell (`row_status`, as written in `text`):
    `result-not-given` where there is no result to judge (the `not_judged` 'row' or 'result'
    is not), else `result-` and the status's code; `about` names the column and the row."""
    said = f"the result status '{shorten(text)}' says {status.words}"
    return _status_issue(status, said, where, about, not_judged)


def _status_issue(
    status: ResultStatus, said: str, where: tuple[str, int], about: dict[str, str | None],
    not_judged: str,
) -> Issue:  # fmt: skip
    """A status's warning that says `said`: `result-not-given` where its `not_judged` 'row' or
    'result' is not judged, else `result-` and the status's code."""
    source, line = where
    if status.judged:
        return Issue(
            severity="warning", code=f"result-{status.code}", source=source, line=line,
            message=said, **about,
        )  # fmt: skip
    return Issue(
        severity="warning", code="result-not-given", source=source, line=line,
        message=f"{said}; this {not_judged} was not judged", **about,
    )  # fmt: skip


def _mark_warning(
    mark: ResultStatus, text: str, why: str, where: tuple[str, int], about: dict[str, str | None]
) -> Issue:
    """The warning of a mark column's cell (`marked_status`, as written in `text`), with the
    reason a column beside it gives (`why`); `about` names the column and the row."""
    column = about.get("column") or ""
    said = f"column '{shorten(column)}' says '{shorten(text)}': {mark.words}"
    if why.strip():
        said += f" (its reason: '{shorten(why.strip())}')"
    return _status_issue(mark, said, where, about, "row")


def _no_result_given(
    source: str, line: int, column: str, value: str, why: str, row: dict[str, str | None]
) -> Issue:
    """The warning for a result cell whose words say the lab gives no result: the row is not
    judged, as where a result status column says so (`result-not-given`)."""
    return Issue(
        severity="warning",
        code="result-not-given",
        source=source,
        line=line,
        column=column,
        message=f"the value '{shorten(value.strip())}' says {why}; this result was not judged",
        **row,  # type: ignore[arg-type]
    )


def shows_comma_grouping(cells: list[str], layout: Layout, header: Sequence[str]) -> str | None:
    """A value of a row that groups thousands with ',' before its point ('1,340.5'; see
    `Interpreter.comma_grouping_seen`): one rule for `panelcli check` and for batches."""
    if "," not in "".join(cells):  # nearly every row of a ',' file: asked of each (cheap)
        return None
    if layout.kind == "wide":
        values = [cell_text(cells, index) for index in layout.markers]
    else:
        values = [cell_text(cells, layout.roles["value"])]
    for value in values:
        shown = comma_grouping_shown(value)
        if shown is not None:
            return shown if _values_judged(cells, layout, header) else None
    return None


def _values_judged(cells: list[str], layout: Layout, header: Sequence[str]) -> bool:
    """Whether a row's values are judged: a data row, not a control's, a summary's, a range
    row or one refused for its shape (cells past the header's, no marker)."""
    if is_blank(cells) or is_comment(cells):
        return False
    if is_range_row(cells, layout) or not_a_patient_sample(cells, layout):
        return False
    if layout.kind == "long" and _footer_of_long_file(cells, layout):
        return False
    return not refused_for_its_shape(cells, layout, header)


def _footer_of_long_file(cells: list[str], layout: Layout) -> bool:
    """A long row of no sample or patient whose marker cell names a figure of other rows, as
    `Interpreter._footer_row` skips it ('Mean'; 'IL-6 Mean' where rows name their samples;
    'IL-6 SD'): QA, its '"12,5"' showed the file's decimal comma."""
    if row_ids(cells, layout) != (None, None):
        return False
    marker = cell_text(cells, layout.roles.get("marker"))
    return bool(marker) and names_no_result(marker, means_too="sample_id" in layout.roles)


def refused_for_its_shape(cells: list[str], layout: Layout, header: Sequence[str]) -> bool:
    """Whether a row is refused whole for its shape: cells past the header's named columns
    (row-too-many-cells), or a long row with no marker (marker-missing)."""
    named = named_width(header, layout)
    if (
        len(cells) > named
        and "".join(cells[named:]).strip()
        and _comment_past(cells, layout, named) is None
    ):
        return True
    marker = layout.roles.get("marker")
    return layout.kind == "long" and marker is not None and not cell_text(cells, marker)


def _comment_past(cells: list[str], layout: Layout, named: int) -> list[str] | None:
    """The cells of a row whose last named column is the lab's comment and that runs past the
    header: the comment's text split by an unquoted delimiter ('Hämolyse; bitte wiederholen':
    lab QA, the row was refused); None where the row is not so (a bare number among them may
    be a value's split decimals: refused as before)."""
    index = layout.roles.get("comment")
    if index != named - 1 or len(cells) <= named:
        return None
    rest = cells[index:]
    while rest and not rest[-1].strip():  # trailing delimiters
        rest = rest[:-1]
    if any(cell.strip().isdecimal() for cell in rest):
        return None
    return rest


def with_comment_whole(cells: list[str], layout: Layout, named: int, delimiter: str) -> list[str]:
    """A row's cells with its comment's text (`_comment_past`) as one cell again."""
    rest = _comment_past(cells, layout, named)
    if rest is None:
        return cells
    return [*cells[: named - 1], delimiter.join(rest)]


def named_width(header: Sequence[str], layout: Layout) -> int:
    """The header's cells up to its last with a name: columns with no name at its end (a
    trailing delimiter) hold no values, but for a marker's merged cell (`with_sub_header`)."""
    named = len(header) - next(
        (n for n, name in enumerate(reversed(header)) if name.strip()), len(header)
    )
    own = (i for roles in layout.companions.values() for i in roles.values())
    return max([named, *(index + 1 for index in (*layout.markers, *layout.figures, *own))])


def _wide_range(cells: list[str], layout: Layout, index: int) -> str:
    """A wide value's printed range: its own range column's cell, else its range row's ('' for
    none). One rule for the reader and for `shows_decimal_comma`."""
    own = layout.companions.get(index)
    text = printed_range(cells, own, layout.range_units.get(index)) if own else ""
    return text or layout.range_row.get(index, "") or _header_range(layout, index)


def _header_range(layout: Layout, index: int) -> str:
    """The lab's range a wide marker column's header gives after its unit ('IL-6 (pg/mL)
    [0-7.0]' → '0-7.0 pg/mL'), '' for none."""
    words = layout.words_after_unit.get(index)
    return _bracketed_range(words, layout.markers[index][1]) if words else ""


def _bracketed_range(words: str, unit: str | None) -> str:
    """The words after a unit as the lab's range in that unit where they are one in brackets
    ('[0-7.0]' → '0-7.0 pg/mL', as `words_after_unit` gives them); '' for other words."""
    if words[:1] not in "([" or words[-1:] not in ")]" or parse_lab_range(words[1:-1]) is None:
        return ""
    return with_range_unit(words[1:-1].strip(), unit)


def cell_text(cells: list[str], index: int | None) -> str:
    """A row's cell, stripped ('' where the row has no such column or stops before it)."""
    return cells[index].strip() if index is not None and index < len(cells) else ""


#: A limit of zero as a lab writes it ('0', '0.0', '0,00')
_ZERO = lazy_pattern(r"0+(?:[.,]0*)?")


def printed_range(cells: list[str], roles: dict[str, int], unit: str | None = None) -> str:
    """A long row's printed range as a range cell holds it ('0-7', '≤ 7'), '' for none: its
    range cell, or its low and high columns read together (a blank one is no limit); with
    the `unit` their headers give where the cells give none (`Layout.range_unit`)."""
    if "range_low" not in roles and "range_high" not in roles:
        return with_range_unit(cell_text(cells, roles.get("reference_range")), unit)
    # a limit cell saying none is known ('N/A', '-') is a blank one, as a range cell saying
    # so is (QA: 'N/A-4' was unreadable, and the lab's ≤ 4 lost)
    low, high = (
        _known_limit(cell_text(cells, roles.get("range_low"))),
        _known_limit(cell_text(cells, roles.get("range_high"))),
    )
    # a limit with its own sign ('<7' in 'Ref High', SDTM's LBORNRHI) as written (audit round
    # 16: 'reference range '≤ <7' is not in a form panelcli reads', which no cell said); beside
    # a low of 0, which no concentration is below, alone (review: '0-<7' was unreadable)
    signed_high = high[:1] in ("<", "≤")
    if low and high and not (signed_high and _ZERO.fullmatch(low)):
        return with_range_unit(f"{low}-{high}", unit)
    if high:
        return with_range_unit(high if signed_high else f"≤ {high}", unit)
    if low:
        return with_range_unit(low if low[:1] in (">", "≥") else f"≥ {low}", unit)
    return ""


def gives_a_limit(cell: str) -> bool:
    """Whether a critical limit cell gives one: not blank, nor 'N/A' or '-' (`critical_cells`;
    the short path asks it too, review: '-' sent every row down the general path)."""
    return bool(_known_limit(cell.strip()))


def _known_limit(cell: str) -> str:
    """A low or high limit's cell, blank where it says none is known ('N/A', '-')."""
    return "" if says_none_known(cell) else cell


@functools.lru_cache(maxsize=4096)  # a file repeats its ranges row after row
def with_range_unit(text: str, unit: str | None) -> str:
    """A printed range with the unit its column's header gives ('0-7' → '0-7 pg/mL', '(0-7)'
    → '(0-7 pg/mL)', 'up to 0.007' → 'up to 0.007 ng/mL'), where it is a range panelcli
    reads that gives no unit of its own; any other text as it is."""
    if unit is None or not text:
        return text
    if any(read is not None and read.unit is not None for read in _lab_range_readings(text)):
        return text  # its own unit wins
    # review: a unit put after '(0-7)' made it unreadable, and one after words ('up to')
    # was lost: the unit goes where a range cell of that form would write it
    inside = unbracketed(text)
    candidates = [f"{text[0]}{inside} {unit}{text[-1]}"] if inside != text else []
    for candidate in [*candidates, f"{text} {unit}"]:
        if any(read is not None and read.unit for read in _lab_range_readings(candidate)):
            return candidate
    return text


def _lab_range_readings(text: str) -> tuple[LabRange | None, LabRange | None]:
    """A range cell read with '.' and with ',' as the decimal mark."""
    return parse_lab_range(text), parse_lab_range(text, decimal_comma=True)


def _range_columns_unit(cells: list[str], roles: dict[str, int]) -> str | None:
    """The unit a long file's range column headers give (`Layout.range_unit`), or None."""
    given = [
        with_unit[1]
        for role in _RANGE_ROLES
        if role in roles and (with_unit := _range_with_unit(cells[roles[role]]))
    ]
    return given[0] if given and same_size(given) else None


def _limits_in_two_units(cells: list[str], roles: dict[str, int]) -> dict[str, str]:
    """Low and high columns whose headers give two units ('Ref Low (pg/mL)', 'Ref High
    (ng/mL)'), or a unit and none (QA: 'Ref Low (ng/mL)' beside 'Ref High' read 3 as 3 ng/mL)
    → why they are not read: no one unit reads their cells (`Layout.not_read`). Units of one
    size (pg/mL and ng/L) are one."""
    limits = [cells[roles[role]] for role in _RANGE_LIMIT_ROLES if role in roles]
    why = _why_limits_not_read(
        [with_unit[1] if (with_unit := _range_with_unit(cell)) else None for cell in limits]
    )
    return {cell: why for cell in limits} if why else {}


def _why_limits_not_read(units: list[str | None]) -> str | None:
    """Why low and high columns whose headers give these units are not read (two units, or a
    unit and none), or None where one unit, or none, reads them both."""
    given = [unit for unit in units if unit is not None]
    if not given or (len(given) == len(units) and same_size(given)):
        return None
    if len(given) < len(units):
        said = f"only one of the low and high columns' headers gives a unit ({given[0]})"
    else:
        said = f"the low and high columns' headers give two units ({', '.join(sorted(given))})"
    return _not_read_because(f"{said}; give both the same unit and they are read")


def same_size(units: list[str]) -> bool:
    """Whether units are all of one size: a value is the same number in each ('pg/mL' and
    'ng/L'; review: they were refused as two)."""
    try:
        return all(conversion_exponent(unit, units[0]) == 0 for unit in units)
    except UnitProblem:
        return False


def assay_limit_cells(layout: Layout) -> Callable[[list[str]], dict[str, str] | None] | None:
    """What reads a long row's assay limit cells (`Measurement.assay_limits`); None where the
    file has no such column (lab QA round 10: a CRO file's 'ULOQ' of 3000 beside 'ALQ' was
    not read, and the result was left unjudged for want of a limit the row gave)."""
    columns = {
        key: layout.roles[role] for role, key in ASSAY_LIMIT_ROLES.items() if role in layout.roles
    }
    if not columns:
        return None

    def read(cells: list[str]) -> dict[str, str] | None:
        given = {
            key: text for key, i in columns.items() if (text := _known_limit(cell_text(cells, i)))
        }
        return given or None

    return read


def critical_cells(
    header: Sequence[str], layout: Layout
) -> Callable[[list[str]], CriticalCells | None] | None:
    """What reads a long row's critical limit cells (`Measurement.critical`), with the units
    their columns' headers give ('Critical High (pg/mL)'); None where the file has no such
    column."""
    columns = [layout.roles.get(role) for role in CRITICAL_ROLES]
    if columns == [None, None]:
        return None
    units = [None if i is None else split_header_unit(header[i])[1] for i in columns]

    def read(cells: list[str]) -> CriticalCells | None:
        # 'N/A' or '-' is no limit, as in a range's low or high column (`gives_a_limit`)
        low, high = (_known_limit(cell_text(cells, i)) for i in columns)
        if not low and not high:
            return None
        return CriticalCells(low, high, units[0], units[1])

    return read


#: A limit's cell that is a number alone ('100', '2,5'), to which its header's unit is added
_BARE_NUMBER = lazy_pattern(r"\+?[0-9.,]*[0-9](?:[eE][+-]?[0-9]+)?")  # '.05', '5e-2' (review)


def has_range_limits(layout: Layout) -> bool:
    """Whether a long file gives the lab's range in low and high columns (`printed_range`)."""
    return any(role in layout.roles for role in _RANGE_LIMIT_ROLES)


def role_columns(header: Sequence[str], layout: Layout) -> dict[str, str]:
    """Each role's header cell as written, as issues name columns; the range's are its low and
    high columns ('Ref Low / Ref High') where the file gives it so."""
    return _range_named(header, layout.roles)


def _range_named(header: Sequence[str], roles: dict[str, int]) -> dict[str, str]:
    """Each role's header cell; the range's are its low and high columns' where it has them."""
    columns = {role: header[i] for role, i in roles.items()}
    limits = [columns[role] for role in _RANGE_LIMIT_ROLES if role in columns]
    if limits:
        columns["reference_range"] = " / ".join(limits)
    return columns


def companion_columns(header: Sequence[str], layout: Layout) -> dict[str, dict[str, str]]:
    """A wide marker column's header → its own columns' headers by role ('IL-6 (pg/mL)' →
    {'lab_flag': 'IL-6 Flag'}), as issues name them (see `Layout.companions`)."""
    # keyed as results name their column: a merged cell's by the title over it (review: a
    # result column right of an 'FI' had its flag and range looked up under a blank name)
    return {
        _title_over(header, index): _range_named(header, own)
        for index, own in layout.companions.items()
    }


def units_row_again(layout: Layout, cells: list[str], source: str, line: int) -> None:
    """A units row under a repeated header: the units of the one on top pass, others stop
    the file (read by the first units, a value could be 1000 times off)."""
    if with_units_row(layout, cells).refused != layout.refused:
        raise InputError(
            f"{source}: line {line} gives other units than the units row on top (two exports "
            "joined?); panelcli reads one set of units per file, so this line and every line "
            "after it were not read: split the file there",
            line=line,
        )


def units_row_below(layout: Layout, cells: list[str], source: str, line: int) -> Issue:
    """A units row among the results (not under a header): the same units again are skipped
    with a warning; other units stop the file, since the rows below may be in them (read by
    the units on top, a value could be 1000 times off)."""
    if with_units_row(layout, cells) != layout:
        given = any(unit for _, unit in layout.markers.values())
        other = (
            "with other units than the file gives on top (two exports joined?)"
            if given
            else "where the header gives none (put it right under the header)"
        )
        raise InputError(
            f"{source}: line {line} is a row of units among the results, {other}; panelcli "
            "reads one set of units per file, so this line and every line after it were not "
            "read",
            line=line,
        )
    return Issue(
        severity="warning", code="units-row-repeated", source=source, line=line,
        message="the units row is repeated here, among the results; this line was skipped",
    )  # fmt: skip


def _row_label(cells: list[str], layout: Layout) -> str:
    """What a wide row names itself by: its sample id cell, else its first filled cell that
    is not a marker's ('Reference range' under a 'Type' or 'Description' column)."""
    index = layout.roles.get("sample_id", 0)
    label = cells[index].strip() if index < len(cells) else ""
    if label:
        return label
    return next(
        (cell.strip() for i, cell in enumerate(cells) if i not in layout.markers and cell.strip()),
        "",
    )


def _label_key(label: str) -> str:
    """A row's label as the range-row labels are written: `header_key`, accents off."""
    key = header_key(label)
    if not key.isascii():  # 'Valeurs de référence' as typed without its accents too
        key = without_accents(key)
    return key


def _label_head(label: str) -> str:
    """A row's label before words in brackets or after a comma or colon ('Reference Range'
    of 'Reference Range (pg/mL)')."""
    return re.split(r"[(\[,:]", label, maxsplit=1)[0]


def is_range_row(cells: list[str], layout: Layout) -> bool:
    """A wide export's row of the lab's ranges ('Reference range,<2.5,<9.4'), not a sample."""
    if layout.kind != "wide":
        return False
    written = _row_label(cells, layout)
    label = _label_key(written)
    if label in _RANGE_ROW_LABELS:
        return True
    # words after a label in brackets or after a comma: 'Reference Range (pg/mL)', 'Normal
    # range, adults' (QA); not 'ReferenceRange1' or 'Normal Range Control' (review)
    head = _label_head(written)
    if head != written and _label_key(head) in _RANGE_ROW_LABELS:
        return True
    if label not in _RANGE_ROW_LABELS_IF_RANGES and label not in _RANGE_ROW_LABELS_IF_NO_NUMBER:
        return False  # nearly every row: its cells are not looked at (review: 2 µs a row)
    markers = [cells[i] for i in layout.markers if i < len(cells)]
    if label in _RANGE_ROW_LABELS_IF_RANGES:
        # 'N/A' where a marker has no range is no cell of a sample's (QA: it made 'Normal' a
        # sample)
        filled = [cell for cell in markers if cell.strip() and not says_none_known(cell)]
        ranges = [parse_lab_range(cell) for cell in filled]
        # One range with two limits is enough: no sample's result is '0-7', while '<5' may
        # be one (QA: 'Ref,0-2.5,14.5,0-9.4', upper limits written bare beside ranges, became
        # sample 'Ref')
        return bool(filled) and (
            all(read is not None for read in ranges)
            or any(read is not None and read.low is not None and read.high is not None
                   for read in ranges)
        )  # fmt: skip
    return not any(_PLAIN_NUMBER.match(cell) for cell in markers)


def with_units_row(layout: Layout, cells: list[str], header: Sequence[str] = ()) -> Layout:
    """The layout with a units row's units for the markers whose header gave none; a column
    whose header gives another unit than the units row is refused (`Layout.refused`)."""
    markers = dict(layout.markers)
    refused = dict(layout.refused)
    for index, (name, unit) in layout.markers.items():
        written = units_cell(cells[index]) if index < len(cells) else ""
        written = "" if _left_empty(written or None) else written  # '-': no unit given
        if written and not unit:
            markers[index] = (name, written)
        elif written and unit and not same_unit(written, unit):
            refused[index] = (
                f"the header gives the unit '{shorten(unit)}' but the units row gives "
                f"'{shorten(written)}'; correct the one that is wrong"
            )
    # a marker's own range or low and high columns: in the units row's unit (QA: 'ng/mL'
    # under 'IL-6 Ref High' was read in the value's pg/mL); where the units row and headers
    # give two units, not read (review: read in the value's unit, silently 1000 times off)
    range_units = dict(layout.range_units)
    companions = dict(layout.companions)
    not_read = dict(layout.not_read)
    for index, own in layout.companions.items():
        # a blank cell, or one saying none is known ('-'), gives no unit (review)
        given = [
            unit
            for role in _RANGE_ROLES
            if role in own
            and (unit := units_cell(cells[own[role]]) if own[role] < len(cells) else "")
            and not says_none_known(unit)
        ]
        if not given:
            continue
        units = given + ([range_units[index]] if index in range_units else [])
        if same_size(units):
            range_units[index] = units[-1]
            continue
        companions[index] = {role: i for role, i in own.items() if role not in _RANGE_ROLES}
        range_units.pop(index, None)
        said = ", ".join(sorted(set(units)))
        for role in _RANGE_ROLES:
            if role in own:
                name = header[own[role]] if own[role] < len(header) else f"column {own[role] + 1}"
                not_read[name] = _not_read_because(
                    f"the units row and headers give {layout.markers[index][0]}'s range two "
                    f"units ({said}); give it one and it is read"
                )
    return layout._replace(
        markers=markers, refused=refused, range_units=range_units, companions=companions,
        not_read=not_read,
    )  # fmt: skip


def units_row_warnings(before: Layout, after: Layout, source: str, line: int) -> list[Issue]:
    """The column-ignored warnings of the columns a units row leaves unread (`with_units_row`):
    said at the units row, by `panelcli check` and by a file's first batch alike."""
    return [
        Issue(
            severity="warning", code="column-ignored", source=source, line=line, column=name,
            message=f"column '{shorten(name)}' {why}",
        )
        for name, why in after.not_read.items()
        if name not in before.not_read
    ]  # fmt: skip


#: Range-row labels whose cells are lower limits: not used, as they give no upper limit.
_LOWER_LIMIT_LABELS = {"lowerlimit", "lowerlimits", "lowerlimitofnormal", "lln",
                       "lowerreferencelimit", *_LOWER_LIMIT_WORDS}  # fmt: skip
#: Range-row labels whose cells are the lab's critical limits, a long file's column names of
#: them (`CRITICAL_ROLES`) and more: not read (QA: 'Critical High,100,500' under a wide header
#: was judged as a sample's; review: 'Critical Max', 'Crit High' too)
_CRITICAL_LABELS = {
    *(name for role in CRITICAL_ROLES for name in _ROLES[role]),
    "criticallimit", "criticallimits", "criticalvalue", "criticalvalues", "criticalrange",
    "paniclimit", "paniclimits", "panicvalue", "panicvalues",
    # German, French, Spanish, Italian, Dutch (lab QA round 22: judged as a sample's)
    "panikwert", "panikwerte", "kritischerwert", "kritischewerte", "valeurcritique",
    "valeurscritiques", "seuilcritique", "valorcritico", "valorescriticos", "valorecritico",
    "valoricritici", "kritischewaarde", "kritischewaarden",
}  # fmt: skip
_RANGE_ROW_LABELS |= _CRITICAL_LABELS
#: A cut-off may be a positive test's threshold, not the end of a normal range: not used.
_CUTOFF_LABELS = {"cutoff", "cutoffs", "cutoffvalue", "cutoffvalues", "referencelimit",
                  "referencelimits"}  # fmt: skip


def with_range_row(layout: Layout, cells: list[str]) -> tuple[Layout, str | None]:
    """The layout with a range row's ranges for the rows below it, and why they are not used
    where they are not (a cut-off's row, or no marker cell filled)."""
    written = _row_label(cells, layout)
    label = _label_key(_label_head(written)) or _label_key(written)
    if label in _CUTOFF_LABELS or _label_key(written) in _CUTOFF_LABELS:
        return layout, "a cut-off may not be the end of a normal range"
    if label in _CRITICAL_LABELS or _label_key(written) in _CRITICAL_LABELS:
        return layout, (
            "they are the lab's critical limits, which panelcli reads only in a long file's "
            "'Critical Low' and 'Critical High' columns"
        )
    if label in _LOWER_LIMIT_LABELS:  # review: '>= 0' alone judged IL-6 at 500 normal
        return layout, "lower limits alone give no upper limit to judge a high value by"
    if label in _RANGE_ROW_LABELS_IF_RANGES or label in _RANGE_ROW_LABELS_IF_NO_NUMBER:
        # review: 'Reference,<1.5,<3.0' may be a control below detection as well
        return layout, f"its label ('{shorten(written)}') may also name a control sample"
    unit = split_header_unit(written)[1]  # 'Reference Range (ng/mL)': its cells' unit
    ranges: dict[int, str] = {}
    for index in layout.markers:
        text = cells[index].strip() if index < len(cells) else ""
        if not text or says_none_known(text):
            continue
        text = unbracketed(text)  # '(0-2.5)', '(2.5)'
        # A bare number is the upper limit of normal ('Upper limit,2.5', 'Reference
        # range,0-2.5,14.5'), as labs print a cytokine's range.
        if _PLAIN_NUMBER.match(text):
            text = f"<= {text}"
        read = parse_lab_range(text) if unit else None
        if read is not None and read.unit is None:
            text = f"{text} {unit}"  # review: the label's unit was taken for the column's
        ranges[index] = text
    if not ranges:
        return layout, "none of its marker cells gives one"
    return layout._replace(range_row=ranges), None


# --- rows ---------------------------------------------------------------------------------------


class FileRows(NamedTuple):
    """An opened file: its header and layout, the header's warnings, then its numbered rows."""

    source: str
    header: list[str]
    layout: Layout
    delimiter: str
    leading: list[Issue]
    rows: Iterable[NumberedRow]  # a file's: `NumberedRows`


@contextlib.contextmanager
def open_rows(
    source: str, known_marker: KnownMarker, stats: ReadStats, max_line: int = DEFAULT_MAX_LINE
) -> Iterator[FileRows]:
    """Open a source, read its header, and give its rows; read them inside the `with`.

    Rows are read while the file is open, and a broken CSV there becomes InputError.
    """
    with opened(source, known_marker, stats, max_line) as (head_lines, rest, header_end, layout):
        # strict: a quote that is never closed, or text after a closing quote, is reported for
        # its row instead of silently swallowing the rows that follow it.
        reader = csv.reader(
            itertools.chain(head_lines, rest), delimiter=stats.delimiter, strict=True
        )
        leading = list(header_warnings(source, head_lines, header_end, layout, stats.delimiter))
        try:
            header = header_row(reader, source, header_end)
        except InputError as exc:
            raise InputError(str(exc), leading, exc.line) from None
        if layout.sub_header:  # read with the header: its cells name figures, not results
            header_row(reader, source, layout.sub_header)
        if layout.merged_names:  # a marker's own columns under its merged cell, so named
            header = [layout.merged_names.get(i, name) for i, name in enumerate(header)]
        if layout.kind == "long" and ("sample_id" in layout.roles or "patient_id" in layout.roles):
            after = layout.sub_header or header_end
            layout = layout._replace(
                grouped=ids_left_blank(head_lines, layout, after, stats.delimiter)
            )
        if stats.delimiter == ",":
            stats.comma_ahead = decimal_comma_ahead(head_lines, layout, header, header_end)
        if stats.decimal_comma or (stats.delimiter == "," and not stats.comma_ahead):
            # ... and a ',' file's '2.5' below its '"0,5"' too: '"1,500"' between them was 1.5,
            # normal, with no word (lab QA round 23), where below '2.5' it is in doubt
            stats.point_ahead = decimal_point_ahead(head_lines, layout, header, header_end, stats)
        timed = with_time_of_day(with_site_in_ids(reader, layout, header), layout, stats)
        rows = numbered_rows(
            with_ids_filled_down(timed, layout, header, stats),
            source,
            layout.sub_header or header_end,
        )
        yield FileRows(source, header, layout, stats.delimiter, leading, rows)


def file_closing(source: str, stats: ReadStats) -> Iterator[Issue]:
    """After a file's last row: its closing warnings; InputError when it had no rows at all."""
    yield from file_end_warnings(
        source,
        stats.blank_cells,
        stats.fallback_bytes,
        stats.fallback_text,
        stats.ids_filled_down,
        stats.times_left_out,
        stats.range_cells,
    )
    if stats.rows == 0:
        raise no_result_rows(source, stats.skipped)


def no_result_rows(source: str, skipped: int) -> InputError:
    """The problem of a file whose rows were all skipped (`skipped` of them), or that has none."""
    said = (
        f" (its {counted(skipped, 'row was', 'rows were')} skipped as comments, "
        "controls or standards, results not given (a status such as cancelled), or a lab's "
        "range row: 'panelcli validate' names each)"
        if skipped
        else ""
    )
    return InputError(f"{source}: the file has a header but no result rows{said}")


@contextlib.contextmanager
def opened(
    source: str, known_marker: KnownMarker, stats: ReadStats, max_line: int = DEFAULT_MAX_LINE
) -> Iterator[tuple[list[str], Iterator[str], int, Layout]]:
    """Open a source and find its header: (first lines, the other lines, header line, layout).

    Fills in `stats` (encoding, delimiter, layout); turns a broken CSV into InputError.
    """
    # A value may be as long as the longest line allowed, and no longer (review: validate kept
    # the default where check had set the option's); csv's limit is the process's, so the
    # caller's is put back after the file (developer QA round 8: importing panelcli lowered a
    # host program's own limit for good)
    callers_limit = csv.field_size_limit(max_line)
    try:
        raw, text, ahead = open_text(source, stats)
    except BaseException:
        csv.field_size_limit(callers_limit)
        raise
    try:
        lines = _lines(text, source, max_line, ahead)
        head_lines: list[str] = []
        stopped: InputError | None = None
        found: tuple[str, int, Layout] | None = None  # the header, where a pause found it
        try:
            for line in lines:
                head_lines.append(line)
                if len(head_lines) >= HEADER_SEARCH_ROWS * 2:
                    break
                # a pipe paused (`tail -f`): go on with the lines at hand, if they are enough
                if ahead is not None and ahead.waiting():
                    found = _enough_to_go_on(head_lines, known_marker, source)
                    if found is not None:
                        break
        except InputError as exc:  # a line too long, bytes not text: the rows before it
            stopped = exc  # are read as anywhere else in the file, then the file stops
            lines = _stopping(exc)
        blocks = None
        if stopped is None and any(map(_DATA_TYPE_LINE.match, head_lines)):
            from panelcli.xponent import with_concentration_block  # for such files alone

            head_lines, lines, blocks = with_concentration_block(head_lines, lines)
            found = None if blocks else found
        try:
            delimiter, header_end, layout = found or _find_header(head_lines, known_marker, source)
        except InputError:
            if stopped is not None:  # no header before it: that line is the file's problem
                raise stopped from None
            raise
        if blocks is not None:
            layout = layout._replace(blocks_said=blocks.said)
            if layout.kind == "wide" and header_end == blocks.header:  # units from its block
                layout = layout._replace(markers={
                    i: (marker, unit or blocks.units.get(i))
                    for i, (marker, unit) in layout.markers.items()
                })  # fmt: skip
        if layout.kind == "wide":
            layout = with_sub_header(layout, head_lines, delimiter, header_end)
        if layout.sub_header:
            layout = _names_under_blank_header(
                layout, head_lines, delimiter, header_end, known_marker
            )
        if layout.kind == "wide" and layout.ignored:
            layout = _with_units_row_columns(layout, head_lines, delimiter, header_end)
        if layout.maybe_sample is not None:
            layout = _sample_column_by_rows(layout, head_lines, delimiter, header_end, known_marker)
        if "result_status" not in layout.roles and layout.ignored:
            layout = _status_column_by_rows(layout, head_lines, delimiter, header_end)
        if layout.result_marks:
            layout = _marks_by_rows(layout, head_lines, delimiter, header_end)
        if "reference_range" in layout.roles:
            layout = _weak_range_by_rows(layout, head_lines, delimiter, header_end)
        if "comparator" in layout.roles:
            layout = _operator_column_by_rows(layout, head_lines, delimiter, header_end)
        if "value" in layout.roles and layout.kind == "long" and layout.ignored:
            layout = _reported_by_rows(layout, head_lines, delimiter, header_end)
        if "value" in layout.roles and layout.kind == "long":
            layout = _text_result_by_rows(layout, head_lines, delimiter, header_end)
        stats.delimiter, stats.layout = delimiter, layout.kind
        stats.decimal_comma = delimiter in (";", "\t", "|")
        preamble = head_lines[: _row_start(head_lines, header_end, delimiter) - 1]
        stats.synthetic = says_synthetic(preamble)
        layout = layout._replace(
            titles=_titles(preamble, delimiter, 1), title_lines=_titles(preamble, delimiter, 2),
            xponent_export=any(map(_XPONENT_LINE.search, preamble)),
            preamble_unit=_unit_above(preamble),
            given=given_above(preamble, delimiter, layout) if preamble else {},
        )  # fmt: skip
        yield head_lines, lines, header_end, layout
    except csv.Error as exc:
        raise InputError(f"{source}: the CSV structure is broken ({exc})") from None
    finally:
        stats.position = None  # the file is closed: nothing to ask any more
        if source != STDIN:
            raw.close()
        csv.field_size_limit(callers_limit)


#: The words `_with_detection_range` reads, as its refusal lists them.
_DETECTION_WORDS = (
    "In Detection Range, Above or Below Detection Range, Above or Below Fit Curve Range"
)


def _with_detection_range(
    value: str, words: str | None, decimal_comma: bool
) -> tuple[str, str | None, None] | tuple[str, None, tuple[str, str, str]]:
    """A value cell as its detection-range cell (MSD) says: '999.9' beside 'Above Detection
    Range' as '>999.9', the words if they made a number a bound, and a refusal if any."""
    if words is not None and is_no_value_mark(words):
        words = None  # 'n/a' or '-': no detection range said, as a blank cell (QA: refused)
    side = detection_range_side(words) if words else ""
    if side is None:  # judged without it, an estimate would pass for a measurement
        unread = (
            f"'{shorten(words or '')}' is not a detection range panelcli reads "
            f"({_DETECTION_WORDS}); the value was not judged without it"
        )
        return value, None, ("detection_range", "detection-range-unreadable", unread)
    if not side or words is None:  # measured: the number as written
        return value, None, None
    text = value.strip()
    if not text or text.casefold() == "nan" or is_no_value_mark(text):
        # MSD gives no number past the fit curve (QA: '-' there was 'not a number', and for a
        # while 'no result', exit 0): its words are read, as 'OOR >' is
        return words.strip(), None, None
    written = _read_as_written(text, decimal_comma)
    own = written.comparator if written is not None else None
    if own is None:
        if text[:1].isdigit() or text[:1] == ".":
            # Past the detection range the number is an extrapolation, no measurement: it
            # is read as a bound on the side the words say, never as an exact result
            text = side + text
        return text, words.strip(), None  # else not a number: refused when it is judged
    if (own in ("<", "<=")) != (side == "<"):
        conflict = (
            f"the detection range column says '{shorten(words)}' but the value "
            f"'{shorten(text)}' says otherwise; it was not judged"
        )
        return value, None, ("detection_range", "detection-range-conflict", conflict)
    bound = written is not None and written.number is not None  # 'ND' says all on its own
    return text, words.strip() if bound else None, None


#: Instrument and quality-control codes an analyzer or LIS writes in a flag column: an expired
#: reagent or calibration, a control out, a serum index (hemolysis, lipemia, icterus), replicates
#: that disagree; a sample's or reagent's alarm (cobas 'SampleCl', 'Clot.E', 'ADC.E', 'Reag.S';
#: lab QA round 11: judged as good values), a result voided or in error (Beckman 'VOID',
#: 'CALEXP')
_QC_CODE = lazy_pattern(
    r"exp(?:ired)?|cntl|ctrl|qc(?:\s*fail(?:ed)?)?|indx|index|hem(?:olysis|olyzed|olysed)?|lip"
    r"|lipemi[ac]|ict(?:eric)?|(?:high|hi)\s*cv|cv\s*(?:high|hi|fail(?:ed)?)|>\s*cv|cal(?:\.?e)?"
    # Simoa's 'CV > 20%' and 'Fewer than 2 replicates' (lab QA round 12: judged normal)
    r"|cv\s*[>≥]\s*\d+(?:[.,]\d+)?\s*%?|fewer\s+than\s+\d+\s+replicates?"
    r"|calib(?:ration)?\s*(?:exp(?:ired)?|fail(?:ed)?)|cal\s*exp"
    r"|sample\s*cl(?:ot)?|clot(?:ted)?|[a-z]{2,5}\.[es]|void(?:ed)?|invalid|errors?|err"
    # Beckman's, Siemens' and Roche's codes of an expired or missing calibration, a failed
    # control, an expired reagent, a short sample, a serum index (lab QA round 13: judged)
    r"|calx|expr|nocal|no\s*cal|qcf|reag\.?\s*exp|short(?:\s*sample)?|sample\.?\s*s(?:hort)?|hil",
    re.IGNORECASE,
)


def qc_code_in(flag: str) -> str | None:
    """A flag column's cell as written where it is an instrument's or quality control's code
    ('EXP', 'CNTL', 'HEM', 'High CV'), not a flag; else None."""
    text = flag.strip()
    if flag_column_code(text) is not None:
        return None
    # each part, bare: '(EXP)', 'EXP*', 'H;HEM' (review 53: judged, as the code was not alone)
    parts = (part.strip("()[]*!. ") for part in (*_FLAG_PARTS.split(text), *text.split()))
    return text if any(part and _QC_CODE.fullmatch(part) for part in parts) else None


_FLAG_PARTS = lazy_pattern(r"[;,/|]|\s{2,}")


def _with_sign_and_flag(
    value: str, sign: str | None, flag: str | None, decimal_comma: bool
) -> tuple[str, str | None, tuple[str, str, str] | None]:
    """A value cell as if its comparator and lab flag columns were written in it: '<' and
    '2.0' as '<2.0', '12.5' and 'H' as '12.5 H'; with the flag cell as written where a flag was
    put after the value ('H'; '*' put as 'A'). A comparator panelcli cannot read ('~'), or a
    cell that contradicts the value ('>' beside '<2'), gives (role, code, message) for the
    row's refusal, with no text: the value must not be judged without it. A flag panelcli
    cannot read ('?') gives that for a warning, with the text: the value is what is judged,
    so it is judged without the flag; so does one of the value cell's side and another
    severity ('HH' beside '12 H'), judged with the severity both say."""
    text = value.strip()
    written = _read_as_written(text, decimal_comma)  # what the value cell says on its own
    # '=' says the number is exact; '-' or 'n/a' that there is no comparator (QA: refused)
    if sign and sign != "=" and sign.strip().casefold() != "eq" and not is_no_value_mark(sign):
        comparator = comparator_of(sign)
        if comparator is None:
            known = "<, <=, >, >=, ≤, ≥ or LT, LE, GT, GE"
            return "", None, ("comparator", "comparator-unreadable",
                              f"'{shorten(sign)}' is not a comparator panelcli reads ({known}); "
                              "the value was not judged without it")  # fmt: skip
        # 'ND' or 'OOR >' carry a side of their own, as '<2' does: it must agree
        own = written.comparator if written is not None else None
        if own is None:
            if text[:1].isdigit() or text[:1] == ".":  # a number: '<' and '2.0' are '<2.0'
                # a sign as written ('≤'); one in words as its sign ('LT', 'OOR <')
                text = (sign.strip() if bare_sign(sign) else comparator) + text
        elif (own in ("<", "<=")) != (comparator in ("<", "<=")):
            return "", None, ("comparator", "comparator-conflict",
                              f"the comparator column says '{shorten(sign)}' but the value "
                              f"'{shorten(text)}' says otherwise; it was not judged")  # fmt: skip
    code = flag_column_code(flag) if flag else None
    if flag and code is None and (past := flag_past_a_limit(flag)) is not None:
        # Simoa's 'Conc. > ULOQ' beside 480: an estimate past the assay's limit, '>480' (lab
        # QA: judged as exactly 480, '192 x upper limit', with a flag-unreadable warning);
        # so are HL7's '<' and LabKey's 'OOR <', 'BLQ' or 'ND' (lab QA round 8: judged high)
        side, no_number = past
        own = written.comparator if written is not None else None
        if own is None and (text[:1].isdigit() or text[:1] == "."):
            return side + text, None, None
        if own is None and (is_no_value_mark(text) or text.casefold() == "nan"):
            # no number past the limit (Simoa's 'NaN'): as the flag says it ('OOR <', 'BLQ')
            return no_number, None, None
        if own is not None and (own in ("<", "<=")) != (side == "<"):
            where = "below" if side == "<" else "above"
            return "", None, ("lab_flag", "flag-conflict",
                              f"the flag '{shorten(flag)}' says the value is {where} the "
                              f"assay's limit but the value '{shorten(text)}' says otherwise; "
                              "it was not judged")  # fmt: skip
        return text, None, None
    if flag:
        if code is None and qc_code_in(flag) is not None:
            # lab QA round 9: an expired reagent's 'EXP' was said to be only "not a flag", and
            # then judged: the value may not be reportable (read by `qc_code_in` at the row)
            what = (
                "is no high or low flag but" if _QC_CODE.fullmatch(flag.strip()) else "holds"
            )  # 'H;HEM' (review 53)
            return text, None, ("lab_flag", "flag-unreadable",
                                f"'{shorten(flag)}' {what} an instrument's "
                                "or quality control's code (an expired reagent, a control out "
                                "of range, a sample index, a high CV …), so the result was not "
                                "judged: ask the lab whether it can be reported")  # fmt: skip
        if code is None:  # QA: '*' refused exactly the rows the lab marked abnormal
            return text, None, ("lab_flag", "flag-unreadable",
                                f"'{shorten(flag)}' is not a flag panelcli reads (H, L, HH, "
                                "LL, N, A, or *, +, -, ↑, ↓, or words such as high, critical, "
                                "hoch …); it was not used to judge the value")  # fmt: skip
        # a flag in the value cell itself ('12.5 H', 'ND N', '12.5 pg/mL L')
        written_flag = written.flag if written is not None else parse_flag_of(text)
        conflict = (
            None if written is None
            else flag_contradicts(written._replace(flag=code), text, flag.strip())
        )  # fmt: skip
        if conflict:  # 'ND' beside 'H' (QA)
            return "", None, ("lab_flag", "flag-conflict", conflict)
        both: str | None = code
        differ = None
        if written_flag is not None:
            if is_no_flag(flag):  # a lone dash gives no flag: the value cell's stands (QA)
                return text, None, None
            both, differ = _flags_together(flag, code, text, written_flag)
            if both is None:
                return "", None, differ
            if written is not None and both not in (code, written_flag):
                # 'ND H' beside 'Critical': critically high, what was not detected (QA)
                conflict = flag_contradicts(written._replace(flag=both), text, flag.strip())
                if conflict:
                    return "", None, ("lab_flag", "flag-conflict", conflict)
        if both == written_flag:
            return text, None, differ  # the value cell says it all: '12 HH' beside 'Critical'
        # as written where the value cell's reading reads it, else as its code ('HH'); after a
        # flag of the value cell's own, it is the one read ('12 H' beside 'Critical': '12 H HH')
        as_written = flag.strip()
        if len(flag.split()) == 1 and lab_flag(as_written) == both:
            return f"{text} {as_written}", as_written, differ
        return f"{text} {both}", as_written, differ
    return text, None, None


def _flags_together(
    flag: str, code: str, text: str, written: str
) -> tuple[str | None, tuple[str, str, str] | None]:
    """What a flag column's `flag` (read as `code`) and the flag `written` in the value cell
    `text` say together, with a flag-conflict (with None: the row is refused) or a
    flag-severity-differs (the value is judged) where they do not say the same."""
    both = flags_together(written, code)
    if both is not None and not flag_severities_differ(written, code):
        return both, None  # the same, or one says more ('Critical' beside '12 H': 'HH')
    said = (f"the flag column says {flag_said(flag.strip(), code)} but the value "
            f"'{shorten(text)}' has {flag_said(flag_in(text, written), written)}")  # fmt: skip
    if both is None:
        return None, ("lab_flag", "flag-conflict", f"{said}; the value was not judged")
    # 'H' beside 'HH': the lab's flag is taken as the severity both say, as a result's status
    # is the severity that is certain; the value is judged by its range all the same.
    return both, ("lab_flag", "flag-severity-differs",
                  f"{said}: both say {FLAG_WORDS[both]}, not how far, so the lab's flag was "
                  f"taken as {FLAG_WORDS[both]}; the value was judged")  # fmt: skip


def _read_as_written(text: str, decimal_comma: bool) -> ParsedValue | None:
    """A value cell as `parse_value` reads it, or None if it cannot (said when it is judged)."""
    try:
        return parse_value(text, decimal_comma)
    except ValueProblem:
        return None


def _stopping(error: InputError) -> Iterator[str]:
    """The lines after the head when the head ended in `error`: none, then the error."""
    raise error
    yield ""  # a generator, so that the error comes where the lines are read


#: The codes of `file_end_warnings`: each sums up a whole file
FILE_END_CODES = frozenset(
    {"cells-blank", "encoding-fallback", "sample-id-filled-down", "range-missing"}
)


def file_end_warnings(
    source: str,
    blank_cells: BlankCells,
    fallback_bytes: int,
    fallback_text: str = "",
    ids_filled_down: IdsFilledDown | None = None,
    times_left_out: TimesLeftOut | None = None,
    range_cells: RangeCells | None = None,
) -> Iterator[Issue]:
    """What is known only once the whole file is read: blank cells (named by the line of the
    first), bytes read as cp1252, blank sample ids filled in (`ReadStats.ids_filled_down`),
    collection times that are no time of day (`ReadStats.times_left_out`), blank range cells
    beside a range printed for their marker (`ReadStats.range_cells`)."""
    if times_left_out:
        rows, line, time = times_left_out
        said = (
            f"line {line} gives the collection time '{shorten(time)}'"
            if rows == 1
            else f"{rows:,} rows give a collection time (the first, line {line}: '{shorten(time)}')"
        )
        yield Issue(
            severity="warning", code="time-unreadable", source=source, line=line,
            message=f"{said} that is no time of day; the day in the date column alone was used, "
            "so two draws of that day may not be told apart",
        )  # fmt: skip
    if blank_cells.cells:
        cells, first_line, marks = blank_cells
        first = f" (the first on line {first_line})" if first_line else ""
        listed = words_joined([f"'{shorten(mark)}'" for mark in marks[:MARKS_SAID]], "or")
        if len(marks) > MARKS_SAID:  # more than it quotes
            listed = f"empty (such as {listed})"
        said = (
            counted(cells, "blank marker cell was", "blank marker cells were")
            if not marks
            else counted(cells, "marker cell", "marker cells")
            + f" left blank or marked {listed} {'was' if cells == 1 else 'were'}"
        )
        yield Issue(
            severity="warning", code="cells-blank", source=source, line=first_line,
            message=f"{said} read as 'not measured'{first}",
        )  # fmt: skip
    if fallback_bytes:
        yield Issue(
            severity="warning",
            code="encoding-fallback",
            source=source,
            message=f"{counted(fallback_bytes, 'byte was', 'bytes were')} not valid UTF-8 and "
            + (fallback_text or _WINDOWS_READ),
        )
    if ids_filled_down:
        count, line, given, of = ids_filled_down
        said = (
            f"line {line} gives no {of} id, below a row of {shorten(given)}: it was read "
            f"as {shorten(given)}'s"
            if count == 1
            else f"{count:,} rows give no {of} id, below a row that gives one: each was read "
            f"as that {of}'s (the first, line {line}, as {shorten(given)}'s)"
        )
        yield Issue(
            severity="warning",
            code="sample-id-filled-down",
            source=source,
            line=line,
            sample_id=given if of == "sample" else None,
            patient_id=given if of == "patient" else None,
            message=f"{said}, as a report that gives a {of}'s id only on its first row "
            f"means; if {'it is' if count == 1 else 'a row is'} another {of}'s, give it its "
            "own id",
        )
    if range_cells is not None:
        yield from _ranges_missing(source, range_cells)


def _ranges_missing(source: str, range_cells: RangeCells) -> Iterator[Issue]:
    """A `range-missing` warning for each marker with blank range cells and a range printed
    on another row (lab QA: an LIS printed it on a test's first row only, and the last row,
    judged by the set's, was called high, in the lab's range), by the first blank's line."""
    printed = range_cells.printed
    for marker, blank in sorted(range_cells.blank.items(), key=lambda item: item[1].line):
        first = printed.get(marker)
        if first is None:
            continue
        line, text = first
        where = (
            f"on line {blank.line}"
            if blank.rows == 1
            else f"on {blank.rows:,} rows (the first, line {blank.line})"
        )
        judged = "that row was" if blank.rows == 1 else "those rows were"
        yield Issue(
            severity="warning", code="range-missing", source=source, line=blank.line,
            column=blank.column, marker=blank.name,
            message=f"{blank.name}'s range cell is blank {where}, though line {line} prints the "
            f"lab's range '{shorten(text)}' for it: {judged} judged by the reference set's "
            "range. A blank cell means the set's range; if the lab's range is meant, write it "
            "in each row",
        )  # fmt: skip


def _titles(preamble: list[str], delimiter: str, least: int) -> frozenset[str]:
    """The lines above the header with one filled cell (`least` 1), or with two or more
    (`least` 2, their cells joined by NUL), casefolded (see `Layout.titles`)."""
    filled = (
        [c.strip() for c in cells if c.strip()]
        for cells in csv.reader(preamble, delimiter=delimiter)
    )
    lines = [
        cells
        for cells in filled
        # not an xPONENT block's 'DataType:' line: the next block stops the file there
        if (len(cells) == 1 if least == 1 else len(cells) >= least and not is_data_type_line(cells))
    ]
    # and a label's line by its label alone ('patient:\0'): the next page may be another's
    labels = [f"{c[0]}\0" for c in lines if least > 1 and len(c) == 2 and c[0].endswith(":")]
    # and a plate's, a page's or a run's title with its numbers as any ('Plate 1' above the
    # header, 'Plate 2' above it again: lab QA round 18, a sample); not 'Sample 1' or 'Visit
    # 1', whose next one may be a sample's row (review)
    numbered = [
        numbered_title(cells[0])
        for cells in lines
        if least == 1 and any(c.isdigit() for c in cells[0]) and _NUMBERED_TITLE.match(cells[0])
    ]
    return frozenset(
        ["\0".join(cells).casefold() for cells in lines] + [k.casefold() for k in labels] + numbered
    )


def numbered_title(text: str) -> str:
    """A title line's key with each number as any number ('plate \x01' for 'Plate 2')."""
    return _DIGIT_RUN.sub("\x01", text.casefold())


_DIGIT_RUN = lazy_pattern(r"\d+")
#: The titles `numbered_title` may number: a plate's, a page's or a run's
_NUMBERED_TITLE = lazy_pattern(
    r"\s*(?:plate|platte|plaque|placa|piastra|page|seite|run|lauf)\b", re.IGNORECASE
)


def header_warnings(
    source: str, head_lines: list[str], header_end: int, layout: Layout, delimiter: str = ","
) -> Iterator[Issue]:
    """What a person should know about the file's header: skipped preamble, ignored columns."""
    header_start = _row_start(head_lines, header_end, delimiter)
    preamble = head_lines[: header_start - 1]
    # One pass over the lines above the header: the last 'DataType:' line names the table's
    # block, and a LIMS's line may say the run failed (named by the line its record starts on)
    blocks: list[tuple[int, str]] = []
    failed_runs: list[tuple[int, str]] = []
    for started, _, cells in records(preamble, delimiter):
        if is_data_type_line(cells):
            blocks.append((started, cells[1].strip()))
        if (failed := run_failed(cells)) is not None:
            failed_runs.append((started, failed))
    if blocks and header_key(blocks[-1][1]) not in CONCENTRATION_BLOCKS | MEAN_CONCENTRATION_BLOCKS:
        number, block = blocks[-1]
        raise InputError(
            f"{source}: the table on line {header_end} is under 'DataType: "
            f"{shorten(block)}' (line {number}), which is not concentrations: an "
            "instrument export (Luminex) with a block per kind of value, which panelcli reads "
            "where it holds one block of concentrations ('Result', 'Concentration'): export "
            "one batch with its results",
            line=number,
        )
    for started, failed in failed_runs:
        yield Issue(severity="error", code="run-qc-failed", source=source, line=started,
                    message=run_failed_said(failed))  # fmt: skip
    if layout.blocks_said:
        yield Issue(
            severity="warning", code="blocks-skipped", source=source,
            line=blocks[-1][0] if blocks else 1,
            message=layout.blocks_said,
        )  # fmt: skip
    # '#' comments and Excel's 'sep=;' line (which names the delimiter) are not lost data.
    if any(line.strip() and not _NOT_DATA.match(line) for line in preamble):
        yield Issue(
            severity="warning",
            code="preamble-skipped",
            source=source,
            line=1,
            message=(
                "line 1 comes before the header and was not read"
                if header_start == 2
                else f"lines 1-{header_start - 1} come before the header and were not read"
            )
            # ... but for the unit it names, which a value with none is told of (lab QA round
            # 22: 'was not read' beside errors quoting line 1's unit)
            + (
                f", but for the unit line {layout.preamble_unit[0]} names "
                f"('{shorten(layout.preamble_unit[1])}'), quoted where a value has no unit"
                if layout.preamble_unit
                else ""
            )
            if not layout.given
            else _given_said(layout.given, header_start - 1),
        )
    # A header wrapped over lines is named by its first (as a row is) and its cells as one
    # line each (QA: 'Lab\\x0aComment', and the line of the header's end)
    for name in map(_one_line, layout.per_marker):
        # An MSD estimate past the detection range is then judged as if measured: say so
        estimates = (
            "; a value it marks past the detection range was judged as the number written"
            if _ROLE_OF.get(_header_key_of(name)) == "detection_range"
            else ""
        )
        yield Issue(
            severity="warning", code="column-ignored", source=source, line=header_start,
            column=name, message=f"column '{shorten(name)}' " + _not_read_because(
                "in a file with a column per marker, one cell per row cannot say which marker "
                f"it is for{estimates}"
            ),
        )  # fmt: skip
    header_names = (
        next(csv.reader(head_lines[header_start - 1 : header_end], delimiter=delimiter))
        if layout.words_after_unit
        else []
    )
    for index, words in layout.words_after_unit.items():
        name, unit = layout.markers[index]
        what = (
            f"'{shorten(words)}', are read as the lab's range of its values"
            if _header_range(layout, index)
            else f"'{shorten(words)}', are not read (a visit, a panel, the blood or method it "
            f"was measured in, a note?): each value is judged as {shorten(name)}'s"
        )
        yield Issue(
            severity="warning", code="header-words-after-unit", source=source,
            line=header_start, column=_one_line(header_names[index]),
            message=f"column '{shorten(_one_line(header_names[index]))}' is read as "
            f"{shorten(name)} in {shorten(unit or '')}; the words after its unit, {what}",
        )  # fmt: skip
    if (site := site_column_read(layout)) is not None:
        header = next(csv.reader(head_lines[header_start - 1 : header_end], delimiter=delimiter))
        name = shorten(_one_line(header[site]))
        yield Issue(
            severity="warning", code="ids-with-site", source=source, line=header_start,
            column=_one_line(header[site]), message=f"column '{name}' gives each row's site: the "
            "same sample or patient id at two sites can be two people, so each id is read with "
            "its site after it, as '001 (site 02)' (a row with a blank site, with the site of "
            "the rows above it)",
        )  # fmt: skip
    if layout.kind == "wide" and "sample_id" not in layout.roles:
        yield Issue(
            severity="warning",
            code="sample-id-missing",
            source=source,
            line=header_start,
            message="there is no sample id column, so each row is its own sample, "
            f"named by its line (e.g. 'line {header_end + 1}')",
        )
    for index, (wrapped, figure) in layout.figures.items():
        name = _one_line(wrapped)
        yield Issue(
            severity="warning", code="column-ignored", source=source, line=layout.sub_header,
            column=name, message=f"column {index + 1} ('{shorten(name)}') " + _not_read_because(
                f"the row under the header names it '{shorten(figure)}', which is no result "
                "(that row was read as part of the header)"
            ),
        )  # fmt: skip
    sign_column_name = None
    if layout.kind == "long" and "comparator" not in layout.roles:
        header = next(csv.reader(head_lines[header_start - 1 : header_end], delimiter=delimiter))
        sign_at = sign_column(header, layout)
        sign_column_name = header[sign_at] if sign_at is not None else None
    for wrapped in layout.ignored:
        name = _one_line(wrapped)
        message = f"column '{shorten(name)}' is not a known marker or field and was not read"
        code = "column-ignored"
        if wrapped == sign_column_name:
            code = "column-sign-read"  # read, so not 'ignored' (third review)
            message = (
                # (review: 'Vorzeichen', a sign column's name, was said to be no known field)
                f"column '{shorten(name)}' is read only for a value's sign: a '<' or '>' alone "
                "in it is read as the sign of the value beside it ('>' and '2.0' as '>2.0'; "
                "'OOR <' as '<'), anything else in it is not read"
            )
        elif wrapped in layout.not_read:
            message = f"column '{shorten(name)}' {layout.not_read[wrapped]}"
            if layout.not_read[wrapped] == MAYBE_SITE_NOT_READ:
                message += _one_id_at_two_sites(
                    head_lines, header_start, delimiter, layout, wrapped
                )
        elif (level := _LEVEL_AFTER.fullmatch(name.strip())) is not None and _names_a_marker(
            level["name"]
        ):
            # review: a wide 'IL-6 Level' with no unit was 'not a known marker or field'
            message = f"column '{shorten(name)}' " + _not_read_because(
                f"it names {shorten(level['name'])}, but with no unit it may hold words ('High'); "
                "to have its values read, name it with their unit in brackets, such as "
                f"'{shorten(level['name'])} (pg/mL)' if they are in pg/mL"
            )
        elif (
            layout.kind == "wide"
            and (after := any_words_after_unit(name)) is not None
            and known_unit(after[1])
            and _names_a_marker(after[0])
        ):
            # lab QA round 11: 'IL-6 (pg/mL) hs' was 'not a known marker or field', as if it
            # named none, beside three high IL-6 values unsaid
            message = f"column '{shorten(name)}' " + _not_read_because(
                f"it names {shorten(after[0])} in {shorten(after[1])} with "
                f"'{shorten(after[2])}' after the unit, words that may say it holds no result "
                f"of {shorten(after[0])}; if it holds {shorten(after[0])}'s results, name it "
                f"'{shorten(after[0])} ({shorten(after[1])})' to have them read"
            )
        elif header_key(name) in _DILUTION_NAMES:
            # lab QA round 7: 'not read' left open whether the values were multiplied by it
            message = f"column '{shorten(name)}' " + _not_read_because(
                "the values were judged as written, not multiplied by a dilution; if the result "
                "column is the reading before it, give the corrected result (a column named "
                "'Final Conc' or 'Corrected Concentration' is read in its place)"
            )
        elif header_key(name) == "npx":  # beside a concentration column (Olink Target 48)
            message = f"column '{shorten(name)}' " + _not_read_because(_NPX_SCALE)
        elif header_key(name) in _BARE_LIMITS:  # QA: a lab's range as 'Low' and 'High'
            side = _BARE_LIMITS[header_key(name)]
            message = f"column '{shorten(name)}' " + _not_read_because(
                "a low or high alone may be a control's level or the assay's limit; if it is "
                f"the lab's reference range, call it 'Ref {side}' to have it read"
            )
        elif _CRITICAL_COLUMN.fullmatch(header_key(name)) or (
            layout.kind == "wide" and _MARKER_S_CRITICAL.search(header_key(name))
        ):
            # QA: the lab's critical limits were passed over with no word, and a value past
            # them was only high ('--fail-on critical' gave exit 0); a wide file's marker's
            # own ('IL-6 Critical High') was 'not a known marker or field' (QA)
            message = f"column '{shorten(name)}' " + _not_read_because(
                "it gives the lab's critical (panic) limits or marks, which panelcli reads only "
                "as a long file's two columns, 'Critical Low' and 'Critical High'; a value is "
                "critical only by those or the ranges' critical limits (add critical_low or "
                "critical_high to your ranges file: 'panelcli ranges init'), and a flag "
                "column's 'HH' or 'LL' is shown beside the result, not used to judge it"
            )
        named, unit = split_header_unit(name)
        range_column = _ROLE_OF.get(header_key(named)) in _RANGE_ROLES
        if unit is not None and range_column and not known_unit(unit):
            # review: 'Normal range (M/F)', 'Reference range (x10^3/uL)' (a unit panelcli
            # does not convert): its cells cannot be read in a unit it knows
            message = f"column '{shorten(name)}' " + _not_read_because(
                f"'{shorten(unit)}' is no unit panelcli knows; name it '{shorten(named)}' to "
                "read its cells in each value's unit, or give a unit panelcli knows, as in "
                f"'{shorten(named)} (pg/mL)'"
            )
        if _header_key_of(name) in _SPECIMEN_OR_ITS_TYPE and "sample_id" in layout.roles:
            message = f"column '{shorten(name)}' " + _not_read_because(
                "beside the sample id column it is taken for the specimen's type (such as "
                "Serum or Plasma), not its id"
            )
        if header_key(name) == "sexo":  # QA: renamed 'sex' as the note asks, 'M' is male
            message = f"column '{shorten(name)}' " + _not_read_because(
                "its 'M' may be mujer (a woman) or masculino (a man); to use it, name it 'sex' "
                "and write each cell as a word that cannot be read two ways (mujer, hombre, "
                "femenino, masculino)"
            )
        if (
            layout.kind == "long"
            and "reference_range" in layout.roles
            and _ROLE_OF.get(_header_key_of(name)) in _RANGE_LIMIT_ROLES
        ):
            why = _not_read_because("the reference range column gives the lab's range")
            message = f"column '{shorten(name)}' {why}"
        # a name the row under the header gives (Bio-Plex's 'Well': lab QA, said on line 1)
        given_below = layout.sub_header and wrapped in _sub_header_names(layout)
        yield Issue(
            severity="warning",
            code=code,
            source=source,
            line=layout.sub_header if given_below else header_start,
            column=name,
            message=message,
        )


def _sub_header_names(layout: Layout) -> set[str]:
    """The names of columns the row under the header gives where the header leaves them blank
    (`_names_under_blank_header`), not those of a marker's merged cell ('IL-6 Flag')."""
    merged = {i for own in layout.companions.values() for i in own.values()}
    return {name for i, name in layout.merged_names.items() if i not in merged}


#: An xPONENT block of concentrations ('DataType:', 'Concentration'), as header_key has it;
#: INTELLIFLEX's and others' names of it too (lab QA: 'Calculated Concentration' was refused
#: as "not concentrations")
CONCENTRATION_BLOCKS = {
    "concentration", "concentrations", "calcconcentration", "calcconcentrations",
    "calculatedconcentration", "calculatedconcentrations", "calcconc", "conc", "obsconc",
    "observedconcentration", "observedconcentrations", "finalconcentration", "finalconc",
    "result", "results",
}  # fmt: skip
#: A block of each sample's mean concentration over its wells, read where none of the
#: `CONCENTRATION_BLOCKS` is (beside one, it would count each result twice)
MEAN_CONCENTRATION_BLOCKS = {"avgresult", "averageresult", "avgresults", "meanresult"}


def is_data_type_line(cells: list[str]) -> bool:
    """'"DataType:","Median"' ('Data Type:' too): Luminex xPONENT starts each block so. The
    colon is asked for: a value column's 'DATATYPE' cell stopped the file (hypothesis)."""
    return len(cells) >= 2 and cells[0].strip().endswith(":") and header_key(cells[0]) == "datatype"


def another_data_type(source: str, line: int, cells: list[str]) -> InputError:
    """A block of other values below the table (xPONENT's 'Count', 'Units'): the file stops,
    as its rows would be read as results of the table above."""
    kind = cells[1].strip()
    # xPONENT gives the units in a block of their own, which panelcli cannot pair with the
    # table above: say where a unit can go instead (QA: the user was left to guess).
    hint = (
        "; to have the units read, put them in the table's header (as in 'IL-6 (pg/mL)') or in "
        "a row of units under it, or use --assume-unit"
        if kind.casefold() in {"units", "unit"}
        else ""
    )
    return InputError(
        f"{source}: line {line} starts another block of values ('DataType: "
        f"{shorten(kind)}', an instrument export with a block per kind of value); panelcli "
        f"reads one table per file, so this line and every line after it were not read{hint}",
        line=line,
    )


def _row_start(head_lines: list[str], end: int, delimiter: str) -> int:
    """The line where the row ending on line `end` starts (a quoted header cell may hold a
    line break: 'IL-6<newline>(pg/mL)' is one header over two lines, not a preamble)."""
    reader = csv.reader(head_lines, delimiter=delimiter)
    start = 1
    with contextlib.suppress(csv.Error):
        for _ in reader:
            if reader.line_num >= end:
                return start
            start = reader.line_num + 1
    return end


def header_row(reader: Iterator[list[str]], source: str, header_end: int) -> list[str]:
    """Advance the reader past the header (line `header_end`) and return its cells."""
    for cells in _rows(reader, source):
        if reader.line_num >= header_end:  # type: ignore[attr-defined]
            if isinstance(cells, csv.Error):
                raise InputError(f'{source}: the header (line {header_end}) has a stray quote (")')
            return [_one_line(cell) for cell in cells]
    return []


def lab_comment(text: str | None) -> str | None:
    """A comment cell as one line ('Hemolyzed sample.<newline>Recollect' → 'Hemolyzed
    sample. Recollect'); None where blank or only a mark of none ('-', 'n/a')."""
    if text is None or not text.strip() or is_no_value_mark(text):
        return None
    return " ".join(text.split())


def comment_said(comment: str, limit: int | None = None) -> str:
    """ "comment from the lab: '…'", as a note ends in it and a row's issue quotes it (shortened
    to `limit` characters where given)."""
    return LAB_COMMENT_SAID.format(comment if limit is None else shorten(comment, limit))


def _comment_after_value(text: str | None) -> str | None:
    """`lab_comment`, but None for a bare number (see `spill_columns`)."""
    comment = lab_comment(text)
    return None if comment is None or _BARE_NUMBER.fullmatch(comment) else comment


def _one_line(cell: str) -> str:
    """A header cell wrapped over lines in Excel ('IL-10\\n(pg/mL)') as one line, its breaks
    spaces: the name issues and results give its column (QA: shown as 'IL-10\\x0a(pg/mL)')."""
    return " ".join(cell.split()) if "\n" in cell or "\r" in cell else cell


NumberedRow = tuple[int, int, "list[str] | csv.Error"]


#: A day as dates are written: three numbers (2026-03-02, 02.03.2026, 3/2/2026, a month's
#: name between) or eight digits
_A_DAY = lazy_pattern(
    r"^\d{1,4}[./\- ]\s*[\w.]{1,9}[./\- ,]\s*\d{1,4}$|^\d{8}$"
    r"|^[^\W\d_]{3,9}\.?\s+\d{1,2},?\s+\d{4}$"  # 'Mar 2, 2026' (review: its time was lost)
)


#: Days a spreadsheet gives a cell of a time alone ('1899-12-30 08:00:00' in Excel's export;
#: its day 0, '1/0/1900 8:00', as Excel shows it)
_DAYS_OF_NO_DATE = frozenset({
    "1899-12-30", "1899-12-31", "1900-01-01", "12/30/1899", "12/31/1899", "01/01/1900",
    "30.12.1899", "31.12.1899", "01.01.1900", "30/12/1899", "31/12/1899", "1/0/1900",
    "01/00/1900", "00.01.1900", "1900-01-00",
})  # fmt: skip


def _time_of_that_day(text: str, day: str) -> str | None:
    """The time of day (with its offset, if any) of a date and time in a time column, where it
    is of the date column's `day` (either day a slashed date may be) or a spreadsheet's day of
    a time alone; else None (reviews: a time column's '2026-03-02 08:00' was dropped unsaid,
    and two draws made one panel; then '03/02/2026 8:00 AM' was 'no time of day')."""
    from panelcli.trends import day_and_time, days_it_may_be, two_days  # (a time column of dates)

    parts = day_and_time(text)
    if parts is None:
        return None
    written, time, offset = parts
    # one day, one of those the date column's may be; or two days in the same order, the
    # date written again ('03/02/2026' beside '3/2/2026'; review 5: '02/03/2026 08:00' beside
    # '03/02/2026' was joined unsaid)
    days = days_it_may_be(written)
    if (
        written not in _DAYS_OF_NO_DATE
        and written != day.strip()
        and not (len(days) == 1 and days & days_it_may_be(day))
        and not (len(days) == 2 and two_days(written) == two_days(day))
    ):
        return None
    said = _time_of_day(time)
    return None if said is None else said + offset


#: Longer than any time of day as written ('08:15:30.123456789 a.m. Uhr')
_MAX_TIME_LENGTH = 40


@functools.lru_cache(maxsize=1024)  # a file has a few hundred times (review: 10% of a run)
def _time_of_day(text: str) -> str | None:
    """A time of day as `read_date` reads it after a date ('08:15', '8:05 PM', '20:05:30'),
    from the forms LIS write ('08:15 Uhr', '14h30', '20:05:30,5'); None for another text."""
    if len(text) > _MAX_TIME_LENGTH:
        return None  # (review: its patterns took 4 s over 40,000 spaces)
    fraction = re.fullmatch(r"0?[.,](\d+)", text.strip())
    if fraction and len(fraction[1]) == 2 and int(fraction[1]) < 60:
        # '0.30' may be Excel's 07:12 or a German 00:30 (as '1.15' is 01:15): neither is read,
        # said as a time of no day (third review: either reading reversed a trend)
        return None
    if fraction:
        # Excel's fraction of a day ('0.3333333333' is 08:00, '0.5' 12:00: lab QA round 19, it
        # was 'no time of day', and two draws of a day one panel)
        seconds = round(float(text.strip().replace(",", ".")) * 86400)
        if seconds >= 86400:  # a rounded 0.99999999 is no time of that day
            return None
        clock = f"{seconds // 3600:02d}:{seconds // 60 % 60:02d}"
        return clock if seconds % 60 == 0 else f"{clock}:{seconds % 60:02d}"
    time = re.sub(r"\s*uhr$", "", text, flags=re.IGNORECASE)
    time = re.sub(r"^(\d{1,2})[hH.](\d{2})$", r"\1:\2", time)  # '14h30', German '14.30'
    # lab QA round 7: Epic's and Cerner's '0610' (and '0610 hrs', '1845h', ISO's 'T06:10') were
    # dropped unsaid, and a patient's two draws of a day came in no known order
    time = re.sub(r"^T(?=\d{1,2}:)", "", time)
    time = re.sub(r"^(\d{1,2})(\d{2})\s*(?:h|hrs?|hours)?$", r"\1:\2", time, flags=re.IGNORECASE)
    time = re.sub(r"^(\d{1,2}:\d{2}:\d{2})[.,]\d+$", r"\1", time)  # its fraction of a second
    told = _TIME_OF_DAY.match(time)
    if told is None:
        return None
    # a time of the clock (QA: '25:00' made '2026-03-03 25:00', an unreadable date)
    hour, minute, second = int(told["hour"]), int(told["minute"]), int(told["second"] or 0)
    hours = range(1, 13) if told["half"] else range(24)
    return time if hour in hours and minute < 60 and second < 60 else None


_TIME_OF_DAY = lazy_pattern(
    r"^(?P<hour>\d{1,2}):(?P<minute>\d{2})(?::(?P<second>\d{2}))?"
    r"(?P<half>\s*[AaPp]\.?[Mm]\.?)?$"
)


class _RowsRewritten:
    """A csv reader that rewrites a cell of its rows (`__next__`), with the reader's line."""

    __slots__ = ("reader",)
    reader: Iterator[list[str]]

    def __iter__(self) -> _RowsRewritten:
        return self

    def __next__(self) -> list[str]:
        raise NotImplementedError

    @property
    def line_num(self) -> int:
        return self.reader.line_num  # type: ignore[attr-defined, no-any-return]


class DateWithTime(_RowsRewritten):
    """A csv reader whose rows give the collection's time of day after its date, in the date's
    cell ('2026-03-02 08:15'; see `Layout.time_column`): every path reads the date so."""

    __slots__ = ("date", "time", "stats", "before")

    def __init__(
        self, reader: Iterator[list[str]], date: int, time: int, stats: ReadStats, before: int
    ) -> None:
        self.reader, self.date, self.time = reader, date, time
        self.stats, self.before = stats, before  # before: lines ahead of the reader's first

    def __next__(self) -> list[str]:
        cells = next(self.reader)
        if len(cells) > max(self.date, self.time):
            date, time = cells[self.date].strip(), cells[self.time].strip()
            # a time of day beside a whole day that gives no time (review: the header again,
            # a time column that gives the date too, a blank date, 'N/A' or '2026-02' were
            # joined into dates the file does not have)
            if time and ":" not in date and _A_DAY.match(date):
                said = _time_of_day(time)
                if said is None:
                    said = _time_of_that_day(time, date)
                if said is not None:
                    cells[self.date] = f"{date} {said}"
                elif not is_no_value_mark(time):
                    # '25:00', 'Pre-dose': the day alone, said at the end (lab QA round 16: a
                    # timepoint's words were dropped unsaid, and two draws made one panel)
                    left = self.stats.times_left_out  # (QA: it was dropped without a word)
                    if left is None:
                        line = self.before + self.reader.line_num - _line_breaks(cells)  # type: ignore[attr-defined]
                        left = TimesLeftOut(0, line, time)
                    self.stats.times_left_out = left._replace(rows=left.rows + 1)
        return cells


#: REDCap's column naming the repeating form of a row's values; a row with none and no
#: values is REDCap's row of the record and its event, in every such export (lab QA round 16:
#: refused, so every run exited 2), said in the column's warning
_REDCAP_FORM = frozenset({"redcaprepeatinstrument", "repeatinstrument"})  # raw, and labels
#: ... and of which time the form was filled in for that event (1, 2 …): each one a collection
_REDCAP_INSTANCE = frozenset({"redcaprepeatinstance", "repeatinstance"})
#: ... and the columns of its ids (raw, and labels): a row of the record's event gives these
_REDCAP_IDS = frozenset({
    "redcapeventname", "eventname", *_REDCAP_FORM, *_REDCAP_INSTANCE,
    "redcapdataaccessgroup", "dataaccessgroup",
})  # fmt: skip


class VisitWithTimepoint(_RowsRewritten):
    """A csv reader whose rows give a study's visit before its timepoint, in the timepoint's
    cell ('Day 8 Pre-dose'; see `Layout.visit_column`): every path reads the collection so."""

    __slots__ = ("visit", "timepoint", "instance")

    def __init__(
        self, reader: Iterator[list[str]], visit: int, timepoint: int, instance: bool = False
    ) -> None:
        self.reader, self.visit, self.timepoint = reader, visit, timepoint
        self.instance = instance  # the timepoint is REDCap's instance ('1': 'visit #1')

    def __next__(self) -> list[str]:
        cells = next(self.reader)
        if len(cells) > max(self.visit, self.timepoint):
            visit, timepoint = cells[self.visit].strip(), cells[self.timepoint].strip()
            if timepoint.casefold() in NOT_KNOWN_DATES or is_no_value_mark(timepoint):
                timepoint = ""  # 'N/A', '-': the visit alone (fourth review: visits merged)
            if not visit or (timepoint and _is_a_date(timepoint)):
                pass  # a date tells the visits apart, and counts an age (review: lost so)
            elif timepoint.isdecimal() and self.instance:
                cells[self.timepoint] = f"{visit} #{timepoint}"  # REDCap's form filled in again
            elif timepoint:
                cells[self.timepoint] = f"{visit} {timepoint}"
            else:
                cells[self.timepoint] = visit
        return cells


def _is_a_date(text: str) -> bool:
    """Whether a timepoint's cell is a date, not a time after a dose ('Pre-dose', '0.5-1.5 h'):
    one panelcli reads ('02-Mar-2026', '03/02/2026', either day: reviews, such were joined to
    their visit and lost), or one that starts as a date is written, a typo said as a date's
    ('2026-02-30')."""
    from panelcli.trends import why_no_date  # only for a file with visits and timepoints

    return has_a_date(text) or why_no_date(text) is None


#: A cell that starts as a date is written ('2026-13-45', '31.02.2026'): a visit so written is
#: a date with a typo, said as any date's is (not 'V1.2.3' or 'Part 1-2-3': second review)
_DATE_START = lazy_pattern(
    r"\s*(?:\d{4}[./-]\d{1,2}[./-]\d{1,2}|\d{1,2}[./-]\d{1,2}[./-]\d{2,4})(?!\d)"
)


def has_a_date(text: str) -> bool:
    """Whether a cell starts as a date is written (`_DATE_START`), not a visit's name."""
    return _DATE_START.match(text) is not None


class IdsWithSite(_RowsRewritten):
    """A csv reader whose rows give their sample and patient ids with their site ('001 (site
    02)'; see `Layout.site_column`): every path reads the ids so, and keeps sites apart. A
    row with a blank site takes the one of the rows above it, as a report grouped by site
    gives it once (review: subject 002 of two sites was one trend); a row that gives an id, or
    a line of its site alone, gives one (second review: a comment line's text became the
    site; fourth: a page's line did), a site said unknown ('N/A') none, and the header again
    (two exports joined) leaves none above. The two-process path starts its part at a row
    that gives a site and an id (`gives_a_site`)."""

    __slots__ = ("site", "ids", "named", "width", "layout", "above")

    def __init__(
        self, reader: Iterator[list[str]], site: int, ids: tuple[int, ...], named: str,
        width: int, layout: Layout,
    ) -> None:  # fmt: skip
        self.reader, self.site, self.ids = reader, site, ids
        self.named = named  # the site column's header (`site_given`), repeated mid-file
        self.width, self.layout = width, layout  # the header's cells; for a page's lines
        self.above: str | None = None

    def __next__(self) -> list[str]:
        cells = next(self.reader)
        if len(cells) <= self.site:
            return cells
        written = cells[self.site].strip()
        site = site_given(written)
        if site == self.named:
            self.above = None
            return cells
        ids = [
            (i, given)
            for i in self.ids
            if i < len(cells) and (given := given_id(cells[i])) is not None
        ]
        if _about_a_failure(cells):
            return cells  # a LIMS field ('QC Failed,No'), not a site and an id (fifth review)
        if not ids:
            # a grouped report's line of its site alone ('01,,,,,', or 'N/A,,,,,': third
            # and fourth reviews), not a comment ('# plate 2') or a page's line
            if site_alone(cells, self.layout, self.site, self.width) == "site":
                self.above = site
            return cells
        if written:  # its own, or 'N/A', 'unknown': none known from here (fourth review)
            self.above = site
        else:
            site = self.above
        if site is not None:
            for index, given in ids:
                # what names no patient keeps its name: a 'Standard 1' is known so, and an id
                # Excel rounded gets its warning
                if not_a_patient_id(given) is None and EXCEL_ROUNDED_ID.fullmatch(given) is None:
                    cells[index] = f"{given} ({_site_named(site)})"
        return cells


def site_alone(cells: list[str], layout: Layout, site: int, width: int) -> str | None:
    """'site' where a row gives its site alone ('01,,,,,', 'N/A,,,,,'), as wide as the
    header's `width`; 'note' where it is a report's note there instead ('(continued)',
    'Subtotal': fifth review, it became the site below); None for any other row, a comment or
    a page's line ('Page 1 of 2,,,,,', 'End of report,,,,,': fourth review)."""
    if len(cells) < width or len(cells) <= site:
        return None
    written = cells[site].strip()
    if (
        not written
        or written.startswith("#")
        or any(cell.strip() for i, cell in enumerate(cells) if i != site)
    ):
        return None
    if _NO_SITE_ALONE.fullmatch(written) is not None:
        return "note"
    if _about_a_failure(cells):
        return None  # a LIMS field's name ('Run Invalid Reason'), or a failed run
    # a site 'continued' from a page before is a site, though it reads as prose (review)
    # ... and any other line continued is a note: a plate's, a visit's, a marker's ('Plate 2
    # (continued)', 'IL-6 (continued)': fourth review, each became a site)
    continued = _CONTINUED_AFTER.search(written)
    if continued is not None:
        left = written[: continued.start()]
        site_like = (
            _SITE_LEFT.fullmatch(left) is not None
            and _NO_SITE_LEFT.match(left) is None
            and not _names_a_marker(left)
        )
        return "site" if site_like else "note"
    return "site" if page_line(cells, layout) is None else None


def site_alone_said(site: str) -> str:
    """The warning of a line of a site alone (`site_alone`), whose site is read, not refused
    as a row with no marker (fifth review: each such line of a grouped report exited 2)."""
    given = site_given(site)
    if given is None:
        return (
            f"this line gives only a site, '{shorten(site)}', which says none is known: the rows "
            "below it with a blank site are read with no site"
        )
    return (
        f"this line gives only a site, '{shorten(site)}': the rows below it with a blank site "
        "are read as that site's"
    )


def site_note_said(note: str) -> str:
    """The warning of a report's note alone in the site column (`site_alone`)."""
    return (
        f"this line is a report's note in the site column, '{shorten(note)}', not a site or a "
        "sample's row; it was skipped, and the rows below it keep the site above it"
    )


#: A report's note alone in the site column, which a grouped report's line of its site is
#: not (fifth review: '(continued),,,,,' became the site of the rows below it): the note word
#: alone, bracketed or not, or with what it is of ('(continued from page 1)'); not a site
#: so named ('Total Care Clinic', '[02]': review)
_NO_SITE_ALONE = lazy_pattern(
    r"[(\[]?\s*(?:continued|cont(?:'d|\.|d)?|fortsetzung|suite|sub-?totals?|totals?|sums?"
    r"|summary|confidential|vertraulich|draft|entwurf|notes?|comments?|remarks?)"
    r"(?:\s+(?:from|on|of|von|de)\b[^)\]]*)?\s*[:.]?\s*[)\]]?",
    re.IGNORECASE,
)


@functools.lru_cache(maxsize=1024)  # asked of each row of a file with sites, which are few
def site_given(cell: str) -> str | None:
    """A site cell as read, as an id is (`given_id`: '="01"' is '01', 'N/A' none), a whole
    number as pandas writes one ('1.0') as '1' (second review: two sites of one)."""
    given = given_id(cell.replace("\ufeff", ""))
    if given is not None and (bare := _CONTINUED_AFTER.sub("", given)) and bare != given:
        given = bare  # '01 (continued)' is site 01 (second review: a second site 01)
    if given is not None and "." in given and re.fullmatch(r"\d+\.0+", given):
        return given.partition(".")[0]
    return given


#: A report's word after a site, that its rows go on from a page before ('01 (continued)',
#: 'Site 02 continued'), a word of its own (third review: 'Discontinued' was site 'Dis'); the
#: French 'suite' only in brackets ('Oncology Suite' is a site's name)
_CONTINUED_AFTER = lazy_pattern(
    r"(?:\s*[-–,:]\s*|\s+)(?:(?:continued|cont(?:'d|d)?|fortsetzung)\b\.?|cont\.|forts\."
    r"|[(\[]\s*(?:continued|cont(?:'d|\.|d)?|fortsetzung|forts\.|suite)\s*[)\]])\s*$",
    re.IGNORECASE,
)
#: What a continued site line leaves, to be read as one where it reads as prose: an id-like
#: site with a digit, after a site's word or not ('01', 'Site 02', 'DE-03'; third review:
#: 'Table continued' and 'IL-6 results (continued)' were sites)
_SITE_LEFT = lazy_pattern(
    r"(?:(?:site|centre|center|zentrum|centro)\s+)?(?=[\w-]*\d)[\w-]{1,12}", re.IGNORECASE
)
#: ... but not a plate's, a page's, a visit's or a well's, nor a month ('Day-14', 'A1',
#: '2026-03': fourth review)
_NO_SITE_LEFT = lazy_pattern(
    r"(?:plate|platte|page|seite|run|lauf|day|tag|visit|visite|week|woche|month|cycle|well)\b"
    r"|[a-h]\d{1,2}$|\d{4}-\d{1,2}$",
    re.IGNORECASE,
)


def gives_a_site(site: str, ids: Iterable[str]) -> bool:
    """Whether a row gives a site and an id, so that a row with a blank site below it takes
    this one (`IdsWithSite`): where the two-process path may start a part."""
    return site_given(site) is not None and any(given_id(cell) is not None for cell in ids)


#: Words a site's cell may start with that name it a site already ('Site 2', 'Centre B')
_SITE_WORDS = _SITE_KEYS | _MAYBE_SITE_KEYS


@functools.lru_cache(maxsize=256)  # a file has a few sites, each on many rows
def _site_named(site: str) -> str:
    """A site's cell as written after an id: 'site 02', 'Site 02' so too (one site written two
    ways: second review), but 'Center Boston' as it is."""
    first, _, rest = site.partition(" ")
    if header_key(first) in _SITE_WORDS:
        return f"site {rest.strip()}" if header_key(first) == "site" and rest.strip() else site
    return f"site {site}"


def with_site_in_ids(
    reader: Iterator[list[str]], layout: Layout, header: Sequence[str]
) -> Iterator[list[str]]:
    """`reader`, its rows' sample and patient ids with their site where the file has a site
    column (`IdsWithSite`)."""
    site = site_column_read(layout)
    if site is None:
        return reader
    roles = layout.roles
    ids = tuple(roles[role] for role in ("sample_id", "patient_id") if role in roles)
    named = site_given(header[site]) if site < len(header) else None
    return IdsWithSite(reader, site, ids, named or "", len(header), layout)


def site_column_read(layout: Layout) -> int | None:
    """A file's site column, read with its ids: not an instrument's export, whose ids name
    its standards and controls too ('S001' of MSD's, 'Control1')."""
    if layout.msd_export or layout.xponent_export:
        return None
    return layout.site_column


def with_time_of_day(
    reader: Iterator[list[str]], layout: Layout, stats: ReadStats, lines_before: int = 0
) -> Iterator[list[str]]:
    """`reader`, its rows' dates with their times where the file gives them apart (a time
    that is no time of day is counted in `stats.times_left_out`), and its timepoints after
    their visits."""
    date = layout.roles.get("collected_at")
    if date is None:
        return reader
    if layout.visit_column is not None:
        return VisitWithTimepoint(reader, layout.visit_column, date, layout.visit_instance)
    if layout.time_column is None:
        return reader
    return DateWithTime(reader, date, layout.time_column, stats, lines_before)


class _SampleRow(NamedTuple):
    """What `SampleIdFilledDown` keeps of the row that gave a sample its id."""

    sample_id: str
    whose: tuple[str, str, str]  # its patient, date and name as compared (`_whose`)
    cells: dict[int, str]  # its patient, date, sex, age, birth date and name cells given


class SampleIdFilledDown:
    """A long file's csv reader whose rows with a blank sample id below a sample's row give
    that sample's id, as a grouped report means (its id only on a sample's first row): they
    were a panel of no sample, two samples' rows mixed in it. Every path reads them so. In a
    file with no sample id column, the patient id is so filled in (`group_column`).

    Only a row that gives a marker and a value, and no other patient, date or name than the
    sample's row; it is given that row's patient, date, sex, age, birth date and name where
    its own are blank (as a sample's rows are judged anyway: here also where the sample's row
    was not judged, such as a cancelled test's), and counted in `stats.ids_filled_down` for
    the file's closing warning.
    """

    __slots__ = (
        "reader", "stats", "layout", "index", "header_id", "given", "last", "before", "line_num",
        "carried", "no_result", "whose_cells", "types_told", "of",
    )  # fmt: skip

    def __init__(
        self, reader: Iterator[list[str]], layout: Layout, header: Sequence[str], stats: ReadStats,
        lines_before: int,
    ) -> None:  # fmt: skip
        self.reader, self.layout, self.stats = reader, layout, stats
        self.index = index = group_column(layout)
        self.of = "sample" if "sample_id" in layout.roles else "patient"
        self.header_id = header[index].strip().casefold() if index < len(header) else ""
        self.given = ""  # the last sample cell given, as written
        self.last: _SampleRow | None = None  # the sample's row (None: none to fill in from)
        self.before = lines_before  # lines of the file before the reader's first line
        #: The reader's, as csv readers have it: an attribute, not a property (read per row)
        self.line_num: int = reader.line_num  # type: ignore[attr-defined]
        roles = layout.roles
        self.carried = [roles[role] for role in _CARRIED if role in roles]
        if layout.patient_stand_in is not None:
            self.carried.append(layout.patient_stand_in)
        self.no_result: dict[str, bool] = {}  # `names_no_result` of each marker as written
        #: Columns that tell a control's row by its own cells (a sample type, an expected value)
        self.types_told = "sample_type" in roles or bool(layout.expected)
        #: The patient, date and name columns (`_whose`): most filled rows leave all blank
        self.whose_cells = [
            i for i in (
                roles.get("patient_id"), roles.get("collected_at"), layout.patient_stand_in,
                layout.time_column,
            ) if i is not None
        ]  # fmt: skip

    def __iter__(self) -> SampleIdFilledDown:
        return self

    def __next__(self) -> list[str]:
        try:
            cells = next(self.reader)
        finally:  # a broken row's error too: the row after it is numbered by it (review)
            self.line_num = self.reader.line_num  # type: ignore[attr-defined]
        try:
            # the id again (where a report repeats it); a patient's may head another date's
            if cells[self.index] == self.given and self.of == "sample":
                return cells
        except IndexError:  # a row that stops before the sample id (QA: it was not filled in)
            pass
        return self._other(cells)

    def _other(self, cells: list[str]) -> list[str]:
        """A row whose sample cell is not the row before's: a new sample, or a blank one."""
        index = self.index
        given = cells[index] if index < len(cells) else ""
        if given.strip():
            # A sample's first row names it even with no value (QA: rows below a refused first
            # row were given the sample above, another patient's); not the header again, a
            # page's line or a comment. An id that says none is known ('N/A') names none, nor
            # does a line of the id alone, a title or '(continued)' (QA: it took the group).
            if (
                given.strip().casefold() != self.header_id
                and not is_comment(cells)
                and page_line(cells, self.layout) is None
            ):
                self.given = given
                alone = not _given_besides(cells, index)
                self.last = None if alone or given_id(given) is None else self._sample_row(cells)
            return cells
        roles = self.layout.roles
        marker = self._cell(cells, roles.get("marker"))
        last = self.last
        if last is None or not marker:
            return cells  # none to fill in, or no sample's row: a page's line
        if not self._cell(cells, roles.get("value")) and not _given_besides(cells, roles["marker"]):
            return cells  # a note in the marker column: a line of its own (QA: a pending
            # test's row, with its unit or status but no value, is the sample's)
        # a plate's footer ('Mean', 'IL-6 Mean', 'IL-6 SD'), or a control's row: its own
        no_result = self.no_result.get(marker)
        if no_result is None:  # asked once per marker as written: most rows of such a file
            no_result = self.no_result[marker] = names_no_result(marker)
            if len(self.no_result) > 4096:  # junk spellings: memory stays flat
                self.no_result.clear()
        # Most such rows leave the patient, date and name blank: then they fit the sample's
        # row, and a row of no id, patient or date is a control's only by a column that says
        # so (`not_a_patient_sample`; review: asked of each row, a grouped file took twice as
        # long as one that gives every id)
        whose_given = any(self._cell(cells, i) for i in self.whose_cells)
        if no_result or (
            (whose_given or self.types_told)
            and not_a_patient_sample(cells, self.layout) is not None
        ):
            return cells
        if whose_given and not self._fits(cells, last.whose):
            # another patient's or date's row: none below it is filled in, until a sample's
            # row (its id again too: QA)
            self.last, self.given = None, ""
            return cells
        filled = {index: last.sample_id} | {
            i: text for i, text in last.cells.items() if not self._cell(cells, i)
        }
        cells.extend([""] * (max(filled) + 1 - len(cells)))  # a row cut short (QA)
        for i, text in filled.items():
            cells[i] = text
        said = self.stats.ids_filled_down
        if said is None:  # the first: the line the row starts on
            line = self.before + self.line_num - _line_breaks(cells)
            said = IdsFilledDown(0, line, last.sample_id, self.of)
        self.stats.ids_filled_down = IdsFilledDown(said.rows + 1, *said[1:])
        return cells

    def _sample_row(self, cells: list[str]) -> _SampleRow:
        given = {i: text for i in self.carried if (text := self._cell(cells, i))}
        # the id as every result names it (QA: 'S1\u200b' in the warning, 'S1' in the panel)
        written = cells[self.index].strip()
        return _SampleRow(given_id(written) or written, self._whose(cells), given)

    def _fits(self, cells: list[str], theirs: tuple[str, str, str]) -> bool:
        """Whether a row's patient, date and name are blank or the sample row's: people as
        `person_key` compares them, dates as moments that may be one ('2026-04-02' beside
        '2026-04-02 08:00', as `sample-conflict` has them)."""
        patient, when, name = self._whose(cells)
        if (patient and patient != theirs[0]) or (name and name != theirs[2]):
            return False
        time = self._cell(cells, self.layout.time_column)
        if not when and time and theirs[1]:
            # a time of day with no date (its own column): a draw of the sample's day at that
            # time, the sample's only where the sample's own is that time (review: a row at
            # 09:00 under a sample at 08:00 was filled in, and said to be at 08:00)
            when = f"{re.split(r'[T ]', theirs[1])[0]} {_time_of_day(time) or time}"
        if not when or not theirs[1] or when == theirs[1]:
            return True
        from panelcli.trends import may_be_one_moment  # rare: a date on a blank id's row

        return may_be_one_moment(when, theirs[1])

    def _whose(self, cells: list[str]) -> tuple[str, str, str]:
        """The row's patient, date and name cells, as compared (blank: '')."""
        get = self.layout.roles.get
        return (
            person_key(self._cell(cells, get("patient_id"))),
            self._cell(cells, get("collected_at")),
            person_key(self._cell(cells, self.layout.patient_stand_in)),
        )

    _cell = staticmethod(cell_text)


def group_column(layout: Layout) -> int:
    """The column a grouped report gives its ids in, on a group's first row only: the sample
    id's, else (a report with none) the patient id's."""
    roles = layout.roles
    return roles["sample_id"] if "sample_id" in roles else roles["patient_id"]


def _given_besides(cells: list[str], index: int) -> bool:
    """Whether a row gives any cell but the one at `index` (a line of that cell alone: no)."""
    return any(text.strip() for i, text in enumerate(cells) if i != index)


#: A sample's cells its grouped report's rows leave blank, given them from its first row
_CARRIED = ("patient_id", "collected_at", "sex", "age", "birth_date")


def _line_breaks(cells: list[str]) -> int:
    """Line ends inside a row's quoted values: '\\n', '\\r\\n' or a bare '\\r' (QA)."""
    return sum(text.count("\n") + text.count("\r") - text.count("\r\n") for text in cells)


def ids_left_blank(head_lines: list[str], layout: Layout, header_end: int, delimiter: str) -> bool:
    """Whether a row of a file's first lines (below line `header_end`) gives a marker and a
    value but no sample id (or, with no sample id column, no patient id), below a row that
    gives one: a grouped report; not where a patient id is given on two rows running."""
    roles = layout.roles
    sample, marker, value = group_column(layout), roles.get("marker"), roles.get("value")
    if marker is None or value is None:
        return False
    reader = csv.reader(head_lines, delimiter=delimiter)
    given = False  # a row gave a sample id
    by_patient = "sample_id" not in roles
    last = ""  # the id the row just before gave ('' for none)
    with contextlib.suppress(csv.Error):  # the file's reading says so, where it is read
        for cells in reader:
            if reader.line_num <= header_end or len(cells) <= min(marker, value):
                continue
            if by_patient:
                # a patient given on two rows running: given on each of their rows, so a row
                # with none is no one's, not the patient's above (review: a control's rows
                # were given to P1)
                if cell_text(cells, sample) and cell_text(cells, sample) == last:
                    return False
                last = cell_text(cells, sample)
            if _note_line(cells, layout) is not None:
                # a note or words alone: whether it ends a group is the reader's to say, by
                # whether the file is grouped (review: 'Dr Lee notified' below the only
                # sample row made the file not grouped, and the note was skipped as one)
                continue
            if cell_text(cells, sample):  # a sample's row, as `SampleIdFilledDown` takes one
                # (QA: a first row with no value, a cancelled test's, or a line of the sample
                # alone with its patient and date, made the file not grouped)
                given = given_id(cells[sample]) is not None and _given_besides(cells, sample)
            elif (
                given
                and cell_text(cells, marker)
                and cell_text(cells, value)
                # as `SampleIdFilledDown` fills (review: a footer's 'Mean' made a file with
                # every id given grouped)
                and not names_no_result(cells[marker].strip())
                and not_a_patient_sample(cells, layout) is None
            ):
                return True
    return False


def with_ids_filled_down(
    reader: Iterator[list[str]],
    layout: Layout,
    header: Sequence[str],
    stats: ReadStats,
    lines_before: int = 0,
) -> Iterator[list[str]]:
    """`reader`, its rows' blank sample ids filled in as `SampleIdFilledDown` says (a long
    file with a sample id column)."""
    if not layout.grouped:
        return reader
    return SampleIdFilledDown(reader, layout, header, stats, lines_before)


class NumberedRows:
    """A csv reader's rows as `NumberedRow`s: (first physical line, last physical line, cells
    or the csv module's error), up to the first row that starts at line `stop` or after it
    (kept in `held`, not given).

    Iterating gives them. The short path (`Interpreter._long_rows`) reads `reader` itself
    instead, numbering the rows alike, as `take` says: a generator's step per row costs more
    than 1% of its time. Either way is read once; `last_line` is then the last line read.
    """

    __slots__ = ("reader", "source", "last_line", "lines_before", "stop", "held", "_rows")

    def __init__(
        self,
        reader: Iterator[list[str]],
        source: str,
        last_line: int,
        lines_before: int = 0,
        stop: int | None = None,
    ) -> None:
        self.reader = reader
        self.source = source
        self.last_line = last_line  # of the row before the next; the header's at first
        #: lines of the file before the reader's first line (reading from within)
        self.lines_before = lines_before
        self.stop = stop
        self.held: NumberedRow | None = None
        self._rows: Iterator[NumberedRow] | None = None

    def __iter__(self) -> Iterator[NumberedRow]:
        if self._rows is None:  # one generator however often asked, as a generator is
            self._rows = self._numbered()
        return self._rows

    def take(self) -> bool:
        """Whether the caller may read `reader` itself (nothing was read yet), numbering each
        row it reads as `_numbered` does, and setting `last_line` and `held` as it would."""
        if self._rows is not None:
            return False
        self._rows = iter(())  # now read by the caller
        return True

    def until(self, stop: int) -> NumberedRows:
        """These rows, but for those that start at line `stop` or after."""
        return NumberedRows(self.reader, self.source, self.last_line, self.lines_before, stop)

    def after(self) -> NumberedRows:
        """The rows after those read (and after `held`)."""
        return NumberedRows(self.reader, self.source, self.last_line, self.lines_before)

    def _numbered(self) -> Iterator[NumberedRow]:
        reader, lines_before, stop = self.reader, self.lines_before, self.stop
        last_line = self.last_line
        try:
            while True:
                try:
                    for cells in reader:  # a plain loop: this runs once per row of a big file
                        line = last_line + 1
                        last_line = lines_before + reader.line_num  # type: ignore[attr-defined]
                        if stop is not None and line >= stop:
                            self.held = (line, last_line, cells)
                            return
                        yield line, last_line, cells
                    return
                except csv.Error as exc:  # the reader carries on after a bad row
                    line = last_line + 1
                    last_line = lines_before + reader.line_num  # type: ignore[attr-defined]
                    error = _row_error(exc, self.source, line, last_line)
                    if stop is not None and line >= stop:
                        self.held = (line, last_line, error)
                        return
                    yield line, last_line, error
        finally:
            self.last_line = last_line


def numbered_rows(
    reader: Iterator[list[str]], source: str, header_end: int, lines_before: int = 0
) -> NumberedRows:
    """The reader's rows, numbered (see `NumberedRows`), the first after line `header_end`.

    `lines_before`: lines of the file before the reader's first line (reading from within).
    """
    return NumberedRows(reader, source, header_end, lines_before)


def _id_cell(cells: list[str], index: int | None) -> str | None:
    """A sample or patient id cell: None also where it says none is known ('N/A', '-')."""
    return None if index is None or index >= len(cells) else given_id(cells[index])


def row_ids(cells: list[str], layout: Layout) -> tuple[str | None, str | None]:
    """A row's sample id and patient id, a person column's (`Layout.patient_stand_in`) as the
    patient's where the row gives neither."""
    roles = layout.roles
    sample_id = _id_cell(cells, roles.get("sample_id"))
    patient_id = _id_cell(cells, roles.get("patient_id"))
    if patient_id is None and (sample_id is None or layout.stand_in_where_no_id):
        patient_id = _id_cell(cells, layout.patient_stand_in)
    return sample_id, patient_id


def row_name(cells: list[str], layout: Layout) -> str | None:
    """A row's person column cell as `Measurement.name` has it."""
    if layout.patient_stand_in is None:
        return None
    return _id_cell(cells, layout.patient_stand_in) or ""


#: Words a column holding only text (or nothing) is named by ('Comment', 'Notes', 'Result
#: Text', 'Kommentar'): only beside such a column is a bare number a value's pushed-along
#: decimals. An allow-list, as any other column ('Box', 'Volume (uL)', 'BMI') may hold a
#: number of its own, and refusing a clean row is worse than missing a split (QA). Not
#: 'Status', 'Flag' or 'Observation': labs write codes (0, 1) or the value itself in those.
_TEXT_WORDS = frozenset({
    "comment", "comments", "note", "notes", "remark", "remarks",
    "interpretation", "interp", "text", "annotation", "annotations",
    "message", "messages", "memo", "narrative", "freetext",
    "kommentar", "kommentare", "bemerkung", "bemerkungen", "anmerkung", "anmerkungen",
    "hinweis", "hinweise", "befundtext",  # German
    "commentaire", "commentaires", "remarque", "remarques",  # French
    "comentario", "comentarios", "observaciones", "observación", "nota", "notas",  # Spanish
    "commento", "commenti", "osservazioni",  # Italian
    "opmerking", "opmerkingen", "notitie", "notities",  # Dutch
})  # fmt: skip
#: Words that may stand beside those in such a name ('Lab Comment', 'QC Note', 'Free Text'),
#: but never make one alone ('Result' is the value's, 'Lab' may be a number of its own).
_TEXT_QUALIFIERS = frozenset({
    "lab", "laboratory", "result", "results", "sample", "specimen", "test", "qc", "free",
    "general", "internal", "additional", "other", "user", "review", "reviewer", "tech",
    "technician", "clinical", "run", "of", "the", "and", "or", "to", "for",
})  # fmt: skip
_WORDS = lazy_pattern(r"[^\W\d_]+")
_DIGITS = lazy_pattern(r"[0-9]+")
#: A value a decimal comma may have cut short: digits, censored too ('<2' of '<2,5', QA: it
#: was read as '<2', normal); the comparators are those `parse_value` reads.
_CUT_VALUE = lazy_pattern(r"(?:<=|>=|=<|=>|<|>|≤|≥|⩽|⩾)?\s*[-+−]?[0-9]+")


def _cut_value(text: str) -> bool:
    """Whether a value may be a number cut at a decimal comma: digits, censored too ('<2'),
    also with its comparator in words ('less than 2': review, read as <2 where '<2' was
    refused as split)."""
    if _CUT_VALUE.fullmatch(text):
        return True
    signed = worded_comparator(text)
    return signed is not None and _CUT_VALUE.fullmatch(signed) is not None


def _holds_text(name: str) -> bool:
    """Whether a column's name says it holds only text: blank, or made of `_TEXT_WORDS` (with
    `_TEXT_QUALIFIERS`) and giving no unit (a unit says it holds numbers)."""
    if not name.strip():
        return True
    if split_header_unit(name)[1] is not None:
        return False
    words = set(_WORDS.findall(name.casefold()))
    return not words.isdisjoint(_TEXT_WORDS) and words <= _TEXT_WORDS | _TEXT_QUALIFIERS


def spill_columns(header: Sequence[str], layout: Layout, delimiter: str) -> dict[int, int]:
    """A ',' file's value columns (long: the value's; wide: the markers') → the column right
    after each where a bare number may be the value's decimals ('2,9': 2, and 9 under 'Comment')."""
    # Only a column with no name, or one named as holding text (`_holds_text`), that panelcli
    # reads nothing from: any other may hold a number of its own ('Box', 'Volume (uL)'), and a
    # clean row must not be refused for it (QA). A text column may still hold numbers (a
    # 'Status' code): once a row shows one, it is asked no more (`numbers_beside`), a fact the
    # two-process and batch paths carry over their cuts.
    if delimiter != ",":
        return {}
    values = [layout.roles["value"]] if layout.kind == "long" else list(layout.markers)
    ignored = set(layout.ignored) - set(layout.not_read)
    spills = {}
    for index in values:
        after = index + 1
        if after >= len(header):
            continue
        name = header[after]
        key = _header_key_of(name)
        if (
            (after in layout.unnamed and not name.strip())
            or (
                name in ignored
                and all(
                    key not in known for known in (_ROLE_OF, _WEAK_ROLE_OF, _WELL, _MAYBE_SAMPLE)
                )
                and _holds_text(name)
            )
            or after in _flag_and_range_columns(layout, index)
            # the lab's comment: a bare number there is no comment ('Notes' too, read or not)
            or _ROLE_OF.get(key) == "comment"
            or _WEAK_ROLE_OF.get(key) == "comment"
        ):
            spills[index] = after
    return spills


def specimen_columns(layout: Layout) -> tuple[int, ...]:
    """The columns that may say what a row's specimen is: its specimen's, its sample type's."""
    return tuple(
        index
        for index in (layout.roles.get("specimen"), layout.roles.get("sample_type"))
        if index is not None
    )


def fluid_of(cells: list[str], columns: tuple[int, ...]) -> str | None:
    """The body fluid a row's specimen or sample type cell names, in words (`fluid_named`:
    'blood' or another), else None; another fluid before blood ('Serum' as the sample type
    and 'CSF' as the specimen is a CSF's row)."""
    named = None
    for index in columns:
        if index < len(cells) and (said := fluid_named(cells[index])) is not None:
            if said != BLOOD:
                return said
            named = said
    return named


#: The name of a column that may hold a value's sign: one short word (lab QA: Simoa's
#: 'Replicate Conc.', Olink's 'QC_Warning' were said to have a '<' read as one) ...
_ONE_SHORT_WORD = lazy_pattern(r"[^\W\d_]{1,12}\.?")
#: ... that names nothing else
_NAMES_OF_NO_SIGN = frozenset({
    "conc", "concentration", "result", "results", "value", "values", "mean", "replicate",
    "rep", "average", "avg", "sd", "cv", "dilution", "dil", "count", "date", "time", "unit",
    "units", "id", "name", "no", "number", "location", "well", "position", "plate", "run",
    "npx", "status", "type", "panel", "kit", "lot", "batch", "qc", "warning", "error", "errors",
    "note", "notes", "remark", "description", "method", "instrument", "analyzer", "source",
    # Simoa's counts and blank reading (lab QA round 12: each was said to be the value's sign)
    "replicates", "reps", "n", "aeb", "signal", "od", "mfi", "fi", "rlu", "dilutionfactor", "df",
})  # fmt: skip


#: Names of a column that may hold a value's sign, and may hold other things: only a sign
#: alone there is read (lab QA: 'Vorzeichen' beside '2,0' was not read; review: as a
#: comparator column's, an 'Operador' of technicians' names or a 'Censored' of 0 and 1
#: refused every row)
_SIGN_COLUMN_NAMES = frozenset({
    "vorzeichen", "signo", "signe", "opérateur", "operateur", "operador", "prefix",
    "resultprefix", "valueprefix", "resultsymbol", "censor", "censored", "censoring",
    "censorflag",
    # an out-of-range indicator beside the concentration (LabKey's 'ObsConcOORIndicator':
    # '<' or 'OOR <'; lab QA round 8, a value below the assay's limit was judged high)
    "oor", "oorindicator", "obsconcoorindicator", "obsconcoor", "concoorindicator", "oorflag",
    "rangeindicator", "concindicator", "detectionflag", "lodflag",
})  # fmt: skip


def sign_column(header: Sequence[str], layout: Layout) -> int | None:
    """A long file's unread column whose '<' or '>' alone is the value's sign: one so named,
    else the one right before the value with no name or one short word panelcli lacks."""
    # lab QA: '>' beside '2,0' there was passed over, and 2.0 judged normal with exit 0
    if layout.kind != "long" or "comparator" in layout.roles:
        return None
    named = next(
        (
            index
            for index, name in enumerate(header)
            if name in layout.ignored and _header_key_of(name) in _SIGN_COLUMN_NAMES
        ),
        None,
    )
    if named is not None:
        return named
    before = layout.roles["value"] - 1
    if before < 0 or before in layout.roles.values():
        return None
    name = header[before]
    key = _header_key_of(name)
    if (before in layout.unnamed and not name.strip()) or (
        name in layout.ignored
        and name not in layout.not_read
        and figure_named(name) is None  # an instrument's figure ('Dilution', 'CV%')
        # one short word ('Symbol', 'Comp', 'Qual.'), not 'QC_Warning' or 'Replicate Conc.'
        and _ONE_SHORT_WORD.fullmatch(name.strip()) is not None
        and name.strip().rstrip(".").casefold() not in _NAMES_OF_NO_SIGN
        and all(key not in known for known in (_ROLE_OF, _WEAK_ROLE_OF, _WELL, _MAYBE_SAMPLE))
    ):
        return before
    return None


def _flag_and_range_columns(layout: Layout, value: int) -> tuple[int | None, int | None]:
    """The lab's flag and range columns of value column `value`: asked too (QA: '2,6' beside
    'Flag' was read as 2, normal). A file whose flags or ranges are bare numbers (0, 1; a bare
    upper limit) shows it beside a value a comma cannot have cut, and is learnt so; where no
    row does, its rows are refused rather than misread (review: the width of a row, tried
    instead, let a split value through in files whose rows end without their blank cells)."""
    roles = layout.roles if layout.kind == "long" else layout.companions.get(value, {})
    return roles.get("lab_flag"), roles.get("reference_range")


def _as_wide_as_written(
    cells: list[str], count: int, width: int, layout: Layout, value: int, after: int
) -> bool:
    """Whether a row's value column `value` is followed by its own flag or range column
    `after`, and the row has every column of the header's `width`, its last filled past
    `after`: a comma that split the value would have pushed that cell past the end, as a flag
    or range cell is there in its own right (review: 'S1,IL-6,12,1,ok' under
    'Result,Flag,Comment' was refused). A text column may be blank and take the decimals in."""
    return (
        count == width
        and width - 1 > after
        and bool(cells[width - 1].strip())
        and after in _flag_and_range_columns(layout, value)
    )


def numbers_beside(cells: list[str], spills: dict[int, int]) -> list[int]:
    """The value columns of `spills` whose next column this row shows holding a number of its
    own: a bare number beside a value no decimal comma can have cut ('12.5', 'ND', '12 pg/mL')."""
    return [
        index
        for index, after in spills.items()
        if after < len(cells)
        and _DIGITS.fullmatch(cells[after].strip())
        and not _cut_value(value := cells[index].strip())
        and _usable_value(value)
    ]


def _usable_value(text: str) -> bool:
    """Whether a value cell reads as a result: a value refused ('abc', '<', blank) may be a row
    broken some other way, and teaches nothing (QA: it did, and a later '2,9' was read as 2)."""
    try:
        parse_value(text)
    except ValueProblem:
        return False
    return True


def spilled_decimals(value: str, after: str | None) -> bool:
    """Whether a value and the cell after it may be one number split by an unquoted decimal
    comma: digits without a decimal point (censored too), then digits ('2,9'; '<2,5')."""
    return (
        after is not None and bool(_DIGITS.fullmatch(after.strip())) and _cut_value(value.strip())
    )


def _column_said(header: Sequence[str], index: int) -> str:
    """'the 'Comment' column', or 'column 5, which has no name' (QA: "the '' column")."""
    name = header[index].strip()
    return f"the '{shorten(name)}' column" if name else f"column {index + 1}, which has no name"


def comma_split_message(value: str, after: str, where: str) -> str:
    """The `value-split-by-comma` message: `value` is followed by `after` in `where` (a column
    in words: 'the unit column')."""
    return (
        f"value '{shorten(value.strip())}' is followed by '{shorten(after.strip())}' in {where}; "
        "an unquoted decimal comma may have split the number (quote it or use a '.' decimal "
        "point)"
    )


def with_replicate(marker: str, label: str) -> str:
    """A long row's marker named with its replicate column's cell as an instrument names its
    columns ('IL-6' and '2' give 'IL-6 Rep 2', 'IL-6' and 'CV%' give 'IL-6 CV%'); the marker
    as written where the cell is blank or says neither ('A')."""
    name, label = marker.strip(), label.strip()
    if not name or not label or is_comment_row(name):  # 'Comment' stays one (review)
        return marker
    bare, unit = split_header_unit(name)  # 'IL-8 (pg/mL)' and 'CV%': 'IL-8 CV% (pg/mL)'
    if unit is not None:
        composed = with_replicate(bare, label)
        return marker if composed == bare else f"{composed} ({unit})"
    if label.isdigit() and len(label) <= 2:
        return f"{name} Rep {label}"
    named = instrument_name(f"{name} {label}")
    if (
        named is None
        or named.marker != name
        or not (named.replicate or named.mean or named.not_a_value)
    ):
        return marker
    return f"{name} {label}"


def rows_to_measurements(
    source: str,
    header: list[str],
    layout: Layout,
    delimiter: str,
    rows: Iterable[NumberedRow],
    stats: ReadStats,
    first: bool = True,
) -> Iterator[Measurement | Issue]:
    """Parsed rows (with their line numbers) to measurements and row problems, in order.

    A pure function over a batch of rows: `panelcli.batches` calls it on slices of a file
    (`first`: this batch starts the file, so its first row may be a wide layout's units row).
    """
    if not layout.given:
        yield from measurement_reader(source, header, layout, delimiter, stats, first)(rows)
        return
    given = dict(layout.given)  # changed by the reader at a block's line (`block_given`)
    read = measurement_reader(source, header, layout, delimiter, stats, first, given)(rows)
    yield from _with_given(read, given)


def _with_given(
    read: Iterable[Measurement | Issue], given: dict[str, tuple[int, str]]
) -> Iterator[Measurement | Issue]:
    """Measurements and row problems with the fields lines above the header give (`given_above`)
    where the row gives none; `given` as the reader has it at each (a block's line changes
    it)."""
    for item in read:
        fields = given_fields(given)
        if isinstance(item, Measurement):
            blank: dict[str, Any] = {
                role: text for role, text in fields.items() if getattr(item, role) is None
            }
            yield item._replace(**blank) if blank else item
        else:
            about: dict[str, Any] = {
                role: fields[role] for role in ("sample_id", "patient_id", "collected_at")
                if role in fields and getattr(item, role) is None
            }  # fmt: skip
            yield item.model_copy(update=about) if about else item


def measurement_reader(
    source: str,
    header: list[str],
    layout: Layout,
    delimiter: str,
    stats: ReadStats,
    first: bool = True,
    fields_given: dict[str, tuple[int, str]] | None = None,
) -> Callable[[Iterable[NumberedRow]], Iterator[Measurement | Issue]]:
    """`rows_to_measurements` for rows handed over a few at a time, as the short path's loop
    hands over those it declines: what depends only on the header is worked out once (it
    was worked out again for each such row, a tenth of a messy file's time). `fields_given`:
    the fields the rows get from above the header, changed at a line naming another patient
    (`block_given`)."""
    width = len(header)
    # Columns with no name at the end of the header (a trailing delimiter) hold no values: a
    # value there has most likely been pushed along by a decimal comma ('3,5' as 3 and 5).
    named = named_width(header, layout)
    i_site = site_column_read(layout)  # a line of a site alone is read by `IdsWithSite`
    stats.columns = role_columns(header, layout)
    roles = layout.roles
    get = roles.get
    i_marker, i_value = get("marker"), get("value", -1)
    i_replicate = get("replicate")
    i_sample, i_patient, i_when = get("sample_id"), get("patient_id"), get("collected_at")
    i_sex, i_age, i_birth = get("sex"), get("age"), get("birth_date")
    value_column = header[i_value] if i_value >= 0 else ""
    wide_units: dict[int, str | None] = {i: unit for i, (_, unit) in layout.markers.items()}
    # Two marker columns with the same header are told apart by their place, so that results
    # name the column they came from (and a repeat is seen as one).
    titles = {i: _title_over(header, i) for i in layout.markers}
    headers = Counter(titles.values())
    column_of = {
        i: title if headers[title] == 1 else f"{title} (column {i + 1})"
        for i, title in titles.items()
    }
    first_data_row = first  # only the file's first row can be a units row
    unnamed_unsaid = bool(layout.unnamed)  # said once, at the first value met there
    units_read = not first  # a later batch's layout has the file's units row in it

    def cell(cells: list[str], index: int | None) -> str | None:
        if index is None or index >= len(cells):
            return None
        text = cells[index].strip()
        return text or None

    id_cell = _id_cell
    i_stand_in = layout.patient_stand_in
    where_no_id = layout.stand_in_where_no_id

    # A row with too many cells has most likely been split by an unquoted delimiter in a
    # value, a printed range or a date ('12,5', 'Mar 1, 2026'): the cells left of all of
    # those are still in their columns, and tell whose the row is.
    may_split = [roles[r] for r in ("value", "reference_range", "collected_at") if r in roles]
    first_split = min([*may_split, *layout.markers], default=width)

    # A file that names samples or patients only right of where a row may split cannot tell
    # whose the row is by its marker alone (QA: such rows of S1 and S2 made one panel).
    ids = [i for i in (i_sample, i_patient) if i is not None]
    ids_moved = bool(ids) and min(ids) >= first_split

    def row_for_split(cells: list[str], line: int) -> dict[str, str | None]:
        """`row_for` of a row with too many cells: only the fields left of `first_split` (never
        the date, which is itself where a row may split)."""

        def left(index: int | None) -> str | None:
            if ids_moved or index is None or index >= first_split:
                return None
            return id_cell(cells, index) if index in (*ids, i_stand_in) else cell(cells, index)

        sample_id, patient_id = left(i_sample), left(i_patient)
        if patient_id is None and (sample_id is None or where_no_id):
            patient_id = left(i_stand_in)
        if i_sample is None and layout.kind == "wide":  # as its rows are named (see below)
            sample_id = named_by_line(line)
        return {
            "sample_id": sample_id, "patient_id": patient_id,
            "collected_at": None, "marker": left(i_marker),
        }  # fmt: skip

    def row_for(cells: list[str], marker: str | None) -> dict[str, str | None]:
        """What a rejected value's row was for (`Issue`'s sample fields), as `check` says
        it of the rejections it makes: the row's panel counts it (QA: `unit-conflict` here
        named no sample, and its panel left it out)."""
        return {**row_fields(cells, layout), "marker": marker}

    long = layout.kind == "long"
    # The long layout's roles as indexes into a row padded with one blank cell: a role the
    # header lacks points at the pad, so every field is `cells[i].strip() or None` (hot path).
    pad = width
    at = {role: layout.roles.get(role, pad) for role in _ROLES}
    i_marker_or_pad, i_unit_or_pad, i_range_or_pad = at["marker"], at["unit"], at["reference_range"]
    i_sample_or_pad, i_patient_or_pad, i_when_or_pad = (
        at["sample_id"], at["patient_id"], at["collected_at"]
    )  # fmt: skip
    i_sex_or_pad, i_age_or_pad, i_birth_or_pad = at["sex"], at["age"], at["birth_date"]
    i_comparator, i_flag = layout.roles.get("comparator"), layout.roles.get("lab_flag")
    i_sign = sign_column(header, layout)
    i_raw = layout.raw_value
    i_rerun, i_rerun_unit = layout.roles.get("rerun_value"), layout.roles.get("rerun_unit")
    fluid_at = specimen_columns(layout)
    i_status = layout.roles.get("result_status")
    # the cells an order's heading row leaves blank (`_PANEL_HEADING`)
    heading_blank = [
        layout.roles[role]
        for role in ("unit", "reference_range", "range_low", "range_high", "lab_flag",
                     "comparator", "comment")
        if role in layout.roles
    ]  # fmt: skip
    status_column = header[i_status] if i_status is not None else None
    status_title = header_key(status_column or "")  # the header again is no status
    mark_columns = [(i, kind, header[i]) for i, kind in layout.result_marks]
    i_reason = layout.mark_reason
    i_detection = layout.roles.get("detection_range")
    i_unit = layout.roles.get("unit")
    value_unit = layout.value_unit  # the value column's header gives it (long)
    range_limits = has_range_limits(layout)
    range_unit = layout.range_unit
    critical_of = critical_cells(header, layout) if long else None
    assay_limits_of = assay_limit_cells(layout) if long else None
    i_comment = layout.roles.get("comment")  # a wide row's is each of its results'
    redcap_ids = layout.redcap_ids  # a row of only these is REDCap's row of an event
    # The cells `Interpreter._long_rows` takes as written (ids it composes itself, dates are
    # composed where read; a value it takes is digits): the general path composes the others'
    # accents (see `read`), a wide file's all (it has no short path)
    as_written = {layout.roles.get(role) for role in _AS_WRITTEN} if long else set()
    spills = spill_columns(header, layout, delimiter)
    # a bare number under a comment column right after a value is its decimals, if anything,
    # no comment (QA: IL-8's '2,5' was refused as split, and IL-6's note quoted '5')
    alarms = i_comment is not None and header_key(header[i_comment]) in ALARM_COLUMNS
    after_value = i_comment is not None and i_comment in spills.values()
    if after_value:
        comment_of = _alarm_after_value if alarms else _comment_after_value
    else:
        comment_of = _alarm_of if alarms else lab_comment
    make = tuple.__new__  # Measurement(...) without NamedTuple's Python-level __new__
    commented: list[Any] = [None, None]  # the row being read: its line, the lab's comment

    def read(rows: Iterable[NumberedRow]) -> Iterator[Measurement | Issue]:
        nonlocal layout, wide_units, first_data_row, units_read, unnamed_unsaid
        for line, last_line, cells in rows:
            if not isinstance(cells, list):  # the csv module's error for this row
                stats.rows += 1
                yield _broken_row(source, line, last_line, cells, delimiter)
                continue
            if is_blank(cells):
                continue  # blank line: not a row
            if "\x00" in cells[0] and not "".join(cells).strip(" \t\r\n\x00"):
                # lab QA: a file padded with NUL bytes (cut short, or copied from a disk
                # image) made a sample '\x00\x00\x00\x00' with no marker
                stats.skipped += 1
                yield Issue(
                    severity="warning", code="nul-line-skipped", source=source, line=line,
                    message="this line holds only NUL bytes (0x00), as a file padded or cut "
                    "short when copied has; it was skipped: check that the file is whole",
                )  # fmt: skip
                continue
            if i_comment is not None:  # the row's, for its issues (`with_its_comment`)
                if len(cells) > named:
                    cells = with_comment_whole(cells, layout, named, delimiter)
                commented[:] = line, comment_of(cell(cells, i_comment))
            if (failed := run_failed(cells, layout)) is not None:  # a '## … ##' banner too
                stats.skipped += 1
                yield Issue(severity="error", code="run-qc-failed", source=source, line=line,
                            message=run_failed_said(failed))  # fmt: skip
                continue
            if is_comment(cells):
                stats.skipped += 1
                yield Issue(severity="warning", code="comment-skipped", source=source, line=line,
                            message="comment line skipped")  # fmt: skip
                continue
            if i_site is not None and (alone := site_alone(cells, layout, i_site, width)):
                stats.skipped += 1
                written = cells[i_site].strip()
                yield Issue(
                    severity="warning", source=source, line=line, column=_one_line(header[i_site]),
                    **(
                        {"code": "site-line-read", "message": site_alone_said(written)}
                        if alone == "site"
                        else {"code": "page-line-skipped", "message": site_note_said(written)}
                    ),
                )  # fmt: skip
                continue
            if not all(map(str.isascii, cells)):  # 'männlich', 'élevé' with combining accents
                # ... but not the cells the short path keeps as written, so that both paths
                # give the same (review: a date so written was a 'sample-conflict')
                cells = [
                    cell if i in as_written else as_composed(cell) for i, cell in enumerate(cells)
                ]
            if fields_given is not None and (
                block := block_given(cells, layout, delimiter, line, fields_given)
            ):  # a patient's block, or its fields: the rows below are read with them
                fields_given.clear()
                fields_given.update(block.given)
                stats.skipped += 1
                yield Issue(
                    severity="warning", code="page-line-skipped", source=source, line=line,
                    message=_block_said(block, line),
                )  # fmt: skip
                continue
            furniture = page_line(cells, layout)
            if furniture is not None and not (
                # a units row like a title above the header (',pg/mL') is the units row, as
                # read_batches takes it (review: every value was refused as unit-missing)
                not long and first_data_row and is_units_row(cells, layout)
            ):
                stats.skipped += 1
                said = furniture_said(furniture, _said_as_a_note(cells, layout))
                if not ids and _NAMES_A_PATIENT.search(furniture) is not None:
                    # lab QA round 7: a report of one block per patient ('Patient: … MRN: …'
                    # above each table) was read as one person's panel, unsaid
                    said += _SEVERAL_PATIENTS
                yield Issue(
                    severity="warning", code="page-line-skipped", source=source, line=line,
                    message=said,
                )  # fmt: skip
                continue
            if is_data_type_line(cells):
                raise another_data_type(source, line, cells)
            if (
                long and i_replicate is not None and i_marker is not None
                and max(i_replicate, i_marker) < len(cells)
            ):  # fmt: skip
                # QA: a 'Replicate' column's 'CV%' row was judged as a concentration (high)
                cells[i_marker] = with_replicate(cells[i_marker], cells[i_replicate])
            if spills:
                # Learnt before anything else of the row, so that `read_batches` can learn it
                # from the same rows; an empty `spills` (nearly every file) costs nothing.
                stats.numbers_beside.update(numbers_beside(cells, spills))
            hashed = hash_row_read(source, line, cells)
            if hashed is not None and not long and first_data_row and is_units_row(cells, layout):
                # a units row ('#,pg/mL') is no sample's row, and read_batches takes it before
                # any batch (differential test: only check warned)
                hashed = None
            if hashed is not None:  # naming the row's sample, as its panel's (differential
                # test: a held mean came after it in one process, before it in batches)
                yield hashed.model_copy(update=row_fields(cells, layout))
            not_a_sample = not_a_patient_sample(cells, layout)
            if not_a_sample:
                stats.skipped += 1
                what, column = not_a_sample
                yield Issue(
                    severity="warning", code="control-skipped", source=source, line=line,
                    column=column, **row_for(cells, cell(cells, i_marker) if long else None),
                    message=f"this row is {what}, not a patient's sample; it was not judged",
                )  # fmt: skip
                continue
            status_cell = cell(cells, i_status) if i_status is not None else None
            status = (
                row_status(
                    status_cell,
                    cell(cells, i_value)
                    if long and i_value >= 0
                    # a wide row's values: 'N' beside none is no result (review)
                    else "?"
                    if any(cell_text(cells, i) for i in layout.markers)
                    else None,
                )
                if status_cell and header_key(status_cell) != status_title
                else None  # (the header again: QA, a status warning on it)
            )
            if status_cell and status is not None:
                about = {"column": status_column, **row_for(cells, cell(cells, i_marker))}
                yield _status_warning(status, status_cell, (source, line), about, "row")
                if status.judged is False:  # QA: a cancelled TNF-α was judged high
                    stats.skipped += 1  # as a control's row: no result row of the file
                    continue
            not_judged = False
            for i_mark, kind, mark_column in mark_columns:  # (the header again: said before)
                marked = cell(cells, i_mark)
                mark = marked_status(marked, kind, mark_column) if marked else None
                if mark is not None and not not_judged:
                    about = {"column": mark_column, **row_for(cells, cell(cells, i_marker))}
                    why = cell(cells, i_reason) if i_reason is not None else ""
                    yield _mark_warning(mark, marked or "", why or "", (source, line), about)
                    not_judged = mark.judged is False  # lab QA round 19: excluded, judged high
            if not_judged:
                stats.skipped += 1
                continue
            if not long and is_range_row(cells, layout):  # before a units row, or after it
                stats.skipped += 1
                layout, unused = with_range_row(layout, cells)
                said = f"this row gives ranges ('{shorten(_row_label(cells, layout))}'), not a "
                if unused is not None:
                    used = f"its ranges were not used: {unused}"
                else:
                    used = (
                        "its ranges are used for the rows below it that give none of their own "
                        "(not for rows above it: a file is read in one pass)"
                    )
                yield Issue(
                    severity="warning", code="range-row-skipped", source=source, line=line,
                    message=f"{said}sample's results, so it was not judged; {used}",
                )  # fmt: skip
                continue
            if not long and is_header_again(cells, header, layout):
                yield header_again(source, line, cells, header)
                first_data_row = True  # its units row may follow it
                if layout.range_row:  # another export's rows: not its ranges (review)
                    layout = layout._replace(range_row={})
                continue
            if not long and first_data_row and layout.sub_header:
                again = sub_header_again(layout, cells, source, line)
                if again is not None:
                    first_data_row = False
                    yield again
                    continue
            if not long and first_data_row and is_units_row(cells, layout):
                first_data_row = False
                if units_read:  # under a repeated header: the same units, or the file stops
                    units_row_again(layout, cells, source, line)
                    yield Issue(
                        severity="warning", code="units-row-repeated", source=source, line=line,
                        message="the units row is repeated here, under the repeated header; this "
                        "line was skipped",
                    )  # fmt: skip
                    continue
                units_read = True
                before, layout = layout, with_units_row(layout, cells, header)
                yield from units_row_warnings(before, layout, source, line)
                wide_units = {i: unit for i, (_, unit) in layout.markers.items()}
                continue
            if not long and not first_data_row and is_units_row(cells, layout):
                yield units_row_below(layout, cells, source, line)  # or the file stops here
                continue
            first_data_row = False
            stats.rows += 1
            count = len(cells)
            # Another header (more or fewer columns too) is said before its width is.
            if long and is_header_again(cells, header, layout):
                yield header_again(source, line, cells, header)
                continue
            if count > named and "".join(cells[named:]).strip():
                spans = f" (it runs over lines {line}-{last_line}: is a quote left open?)"
                has = f"{width}" if named == width else f"{named} with a name"
                # a last comment column's text is read whole (`with_comment_whole`): words
                # past it are no note of their own (QA: 'give its column a header, such as
                # Comment' beside the Comment column)
                note = None if i_comment == named - 1 else _note_past_header(cells[named:])
                cause = (
                    # QA: a note typed right of the table was blamed on a decimal comma
                    f"'{shorten(note)}' past the header's columns may be a note or a flag "
                    "(give its column a header, such as 'Comment' or 'Flag'), or a value or "
                    f"date may contain an unquoted '{visible(delimiter)}'"
                    if note
                    else f"a value may contain an unquoted '{visible(delimiter)}'"
                    + (" (a decimal comma?)" if delimiter == "," else "")
                )
                glued = _header_glued(cells, header)
                if glued is not None:  # lab QA round 15: blamed on an unquoted ','
                    cause = (
                        f"the header follows on this line, after '{shorten(glued)}': were two "
                        "files joined, the first with no line break at its end? Put one before "
                        f"'{shorten(header[0].strip())}'"
                    )
                yield Issue(
                    code="row-too-many-cells",
                    source=source,
                    line=line,
                    **row_for_split(cells, line),
                    message=f"row has {count} cells but the header has {has}; {cause}"
                    + (spans if last_line > line else ""),
                )
                continue
            if (
                last_line > line
                and long
                and i_marker is not None
                and 0 <= i_value < width
                and i_marker < width
                and (swallowed := _swallowed_rows(cells, delimiter, width, i_marker, i_value))
            ):
                # lab QA round 15: a stray quote pair took two results into a comment, unsaid
                # but for a warning, exit 0: lines as wide as the header are rows, not words
                yield Issue(
                    code="row-holds-rows", source=source, line=line,
                    **row_for_split(cells, line),
                    message=f"a quoted value in this row runs over lines {line}-{last_line}, and "
                    "lines in it look like rows of their own (a marker and a value where the "
                    "header has them), taken in by a quote left open by mistake; "
                    f"{_lines_text(line, last_line)} not read (close or remove the stray quote)",
                )  # fmt: skip
                # each such row too, with its sample (lab QA round 21: its sample's summary
                # said 'the one result' of three lost, another's read as an all-clear)
                for below, row in swallowed:
                    yield Issue(
                        code="row-in-open-quote", source=source, line=line + below,
                        **row_for(row, row[i_marker].strip() or None),
                        message=f"this line looks like a row of its own, but it is inside the "
                        f"quoted value that starts on line {line} (a quote left open by "
                        "mistake), so it was not read",
                    )  # fmt: skip
                continue
            if last_line > line and _holds_rows(cells, delimiter):
                yield Issue(
                    severity="warning", code="row-spans-lines", source=source, line=line,
                    message=f"a quoted value in this row runs over lines {line}-{last_line} and "
                    f"holds line breaks and '{visible(delimiter)}' as rows do; if a quote was left "
                    f"open by mistake, {_lines_text(line + 1, last_line)} read as part of "
                    "this row",
                )  # fmt: skip
            if unnamed_unsaid:
                filled = [
                    i for i in layout.unnamed
                    if cell(cells, i) is not None
                    and not (i == i_sign and sign_cell(cells[i]))  # read: not unnamed
                ]  # fmt: skip
                if filled:
                    unnamed_unsaid = False
                    name_it = "a marker's name" if not long else "a name panelcli reads"
                    yield Issue(
                        severity="warning", code="column-unnamed", source=source, line=line,
                        message=f"a column with no name (column {filled[0] + 1}) holds values, "
                        f"such as '{shorten(cells[filled[0]].strip())}' here; they were not read "
                        f"(give the column {name_it} to have them read)",
                    )  # fmt: skip
            if long:
                value = value_cell = cells[i_value] if i_value < count else None
                rerun = cell(cells, i_rerun) if i_rerun is not None else None
                if not rerun or is_no_value_mark(rerun):
                    pass  # no rerun: the first run's result
                elif (
                    not any(character.isdigit() for character in rerun)
                    and _read_as_written(rerun, stats.decimal_comma) is None
                ):  # words: no result ('48.3*' is one, refused as the value column's: 54b)
                    # 'Not done', 'NR' (review 54: the first run's high result was dropped as
                    # cancelled)
                    yield Issue(
                        severity="warning", code="value-rerun-read", source=source,
                        line=line, column=header[i_rerun],  # type: ignore[index]
                        **row_for(cells, cell(cells, i_marker)),
                        message=f"the rerun's cell '{shorten(rerun)}' gives no result; the "
                        f"first run's '{shorten((value or '').strip())}' was judged",
                    )  # fmt: skip
                else:
                    # the rerun's result is the row's (lab QA round 11: cobas' rerun of a
                    # clotted sample, 48.3, was unread and the first run's 1.9 judged normal)
                    rerun_unit = cell(cells, i_rerun_unit) if i_rerun_unit is not None else None
                    unit_cell = cell(cells, i_unit_or_pad)
                    if rerun_unit and unit_cell and not same_unit(rerun_unit, unit_cell):
                        yield Issue(
                            code="unit-conflict", source=source, line=line,
                            column=header[i_rerun_unit],  # type: ignore[index]
                            **row_for(cells, cell(cells, i_marker)),
                            message=f"the rerun's unit '{shorten(rerun_unit)}' differs from the "
                            f"row's unit '{shorten(unit_cell)}'; the rerun's result "
                            f"'{shorten(rerun)}' was not judged",
                        )  # fmt: skip
                        continue
                    yield Issue(
                        severity="warning", code="value-rerun-read", source=source, line=line,
                        column=header[i_rerun],  # type: ignore[index]
                        **row_for(cells, cell(cells, i_marker)),
                        message=f"the rerun's result '{shorten(rerun)}' was read as the row's "
                        + (
                            f"value, in place of the first run's '{shorten(first_run)}'"
                            if (first_run := (value or "").strip())
                            else "value (the first run gives none)"
                        ),
                    )  # fmt: skip
                    value = value_cell = rerun
                if i_raw is not None and not (value or "").strip() and (raw := cell(cells, i_raw)):
                    # the corrected cell blank: the value read off the curve may be 10 times
                    # low (a second review: read so, 1.3 was normal where 13 was high)
                    yield Issue(
                        code="value-missing", source=source, line=line, column=value_column,
                        **row_for(cells, cell(cells, i_marker)),
                        message=f"no result was reported on this row ({value_column!r} is "
                        f"empty); '{shorten(header[i_raw])}' gives {shorten(raw)!r}, measured "
                        "before any rerun, which is not judged"
                        if layout.raw_is_first_measured
                        else f"the value corrected for dilution is empty; "
                        f"'{shorten(header[i_raw])}' gives {shorten(raw)!r}, read before the "
                        "dilution, which is not judged: fill in the corrected value",
                    )  # fmt: skip
                    continue
                detection = refused = flag_as_written = flag_warning = qc_code = None
                if value is not None and i_detection is not None:
                    # First: 'Above Fit Curve Range' stands in for a missing number, and a
                    # comparator or flag column is then read with what it says.
                    value, detection, refused = _with_detection_range(
                        value, cell(cells, i_detection), stats.decimal_comma
                    )
                sign_alone = cell(cells, i_sign) if i_sign is not None else None
                if sign_alone is not None and not sign_cell(sign_alone):
                    sign_alone = None  # other text there is not read, as the header says
                if (
                    (i_comparator is not None or i_flag is not None or sign_alone is not None)
                    and refused is None and value is not None and value.strip()
                ):  # fmt: skip
                    sign, flag = sign_alone or cell(cells, i_comparator), cell(cells, i_flag)
                    text, flag_as_written, refused = _with_sign_and_flag(
                        value, sign, flag, stats.decimal_comma
                    )
                    if refused is not None and text:  # a flag it cannot read, or of another
                        # severity than the value cell's ('H' beside '12 HH'): judged all the same.
                        # Said with the row's measurement: a row refused below is not judged
                        # 'without it' (QA: said of a value split by a comma).
                        role, code, message = refused
                        if code == "flag-unreadable" and flag is not None:
                            qc_code = qc_code_in(flag)  # not judged (`Measurement.qc_code`)
                        flag_warning = Issue(severity="warning", code=code, source=source,
                                             line=line, column=header[layout.roles[role]],
                                             **row_for(cells, cell(cells, i_marker)),
                                             message=message)  # fmt: skip
                        refused = None
                    value = text
                    if refused is not None and refused[1] == "comparator-conflict" and detection:
                        # The side is the detection range's, not the value cell's: name that
                        # column (QA: "the value '>0,5' says otherwise", a '>' no cell had).
                        refused = ("detection_range", "detection-range-conflict",
                                   f"the detection range column says '{shorten(detection)}' but "
                                   f"the comparator column says '{shorten(sign or '')}'; it was "
                                   "not judged")  # fmt: skip
                if refused is not None:
                    role, code, message = refused
                    # (a sign read from the sign column: that column's)
                    at_role = layout.roles.get(role, i_sign)
                    yield Issue(code=code, source=source, line=line,
                                column=header[at_role] if at_role is not None else None,
                                **row_for(cells, cell(cells, i_marker)),
                                message=message)  # fmt: skip
                    continue
                if count <= width:
                    cells.extend(("",) * (width - count + 1))
                marker = cells[i_marker_or_pad].strip() or None
                heading = (
                    layout.grouped
                    and marker is None
                    and not (value or "").strip()
                    # its patient or date too, as `SampleIdFilledDown` fills from it (QA: a
                    # line of one cell alone was said to head rows it did not fill)
                    and _given_besides(cells, i_sample_or_pad)
                )
                if heading and (sample := given_id(cells[i_sample_or_pad])) is not None:
                    # a grouped report's line of a sample's id (and patient, date) alone: the
                    # heading of the rows below it, not a result missing (QA: exit 2 for each)
                    stats.rows -= 1
                    stats.skipped += 1
                    yield Issue(
                        severity="warning", code="sample-heading-skipped", source=source,
                        line=line, **row_for(cells, None),
                        message=f"this line gives sample '{shorten(sample)}' but no marker or "
                        "value: it was read as the heading of the rows below it, which give no "
                        "sample id and are read as its own",
                    )  # fmt: skip
                    continue
                if marker is not None and is_comment_row(marker):
                    # QA: 'Comment', 'Interpretation' rows were refused as values that are not
                    # numbers (exit 2), or said to be tests with no result
                    stats.rows -= 1
                    stats.skipped += 1
                    words = f": '{shorten(value, 200)}'" if value else ""
                    yield Issue(
                        severity="warning", code="note-row-skipped", source=source, line=line,
                        column=header[i_marker_or_pad], **row_for(cells, marker),
                        message=f"this row is the lab's '{shorten(marker)}'{words}, not a "
                        "result; it was not read as one, but it may be about the results near it",
                    )  # fmt: skip
                    continue
                if (
                    marker is not None
                    and not (value or "").strip()
                    and _PANEL_HEADING.search(marker) is not None
                    and not any(cell(cells, i) for i in heading_blank)
                ):
                    # an LIS order's name on a row of its own above its tests ('CYTOKINE PANEL
                    # 13'): lab QA round 8, refused as a value missing, exit 2 for a clean file
                    stats.rows -= 1
                    stats.skipped += 1
                    yield Issue(
                        severity="warning", code="panel-heading-skipped", source=source,
                        line=line, column=header[i_marker_or_pad], **row_for(cells, marker),
                        message=f"this row names '{shorten(marker)}' and gives no value, unit or "
                        "range: it was read as the heading of the tests below it (an order or "
                        "panel), not as a result",
                    )  # fmt: skip
                    continue
                if marker is not None and not (value or "").strip() and commented[1] is not None:
                    # a blank result whose comment says why ('QNS', 'Specimen not received'),
                    # as many LIS write it: no result given, as those words in the value cell
                    # are (QA: refused, exit 2)
                    why = value_says_no_result(commented[1], in_a_comment=True)
                    if why is not None:
                        stats.rows -= 1
                        stats.skipped += 1
                        yield Issue(
                            severity="warning", code="result-not-given", source=source,
                            line=line, column=header[i_comment] if i_comment is not None else None,
                            **row_for(cells, marker),
                            message=f"the value is empty and the lab's comment says {why}; "
                            "this result was not judged",
                        )  # fmt: skip
                        continue
                if marker is None or value is None:
                    missing = "marker" if marker is None else "value"
                    # 'marker name': as the summary's 'no marker name' says it (QA)
                    said = "marker name" if marker is None else "value"
                    column = (
                        header[i_marker]
                        if marker is None and i_marker is not None
                        else value_column
                    )
                    short = f" (row has {count} of {width} cells)" if count < width else ""
                    if marker is not None and _BANNER_OF_A_PATIENT.match(marker) and not ids:
                        short += _SEVERAL_PATIENTS  # a block's 'Patient: …' line (lab QA)
                    elif not short:  # what to do (educator QA round 8: a bare 'value is empty')
                        short = (
                            FILL_IN_THE_RESULT
                            if marker is not None
                            else "; fill in the marker's name (IL-6, TNF-α …)"
                        )
                    # The row's sample is still known: its panel says a result is missing.
                    yield Issue(code=f"{missing}-missing", source=source, line=line, column=column,
                                **row_for(cells, marker),
                                message=f"{said} is empty{short}")  # fmt: skip
                    continue
                # 'Cancelled', 'QNS' where the number would be (QA); a digit first: no words
                no_result = None if value[:1].isdigit() else value_says_no_result(value)
                if no_result is not None:
                    stats.rows -= 1  # as a status column's: no result row of the file
                    stats.skipped += 1
                    # quoted as the cell is, not with a flag put after it (QA: 'Cancelled N'
                    # beside a flag column's '-')
                    yield _no_result_given(source, line, value_column, value_cell or value,
                                           no_result, row_for(cells, marker))  # fmt: skip
                    continue
                unit = cells[i_unit_or_pad].strip() or None
                # 'IL-6 (pg/mL)' in the marker cell: read as a header's unit is (QA: it was an
                # unknown marker, left unjudged); it must agree with the unit column's.
                written, (marker, marker_unit) = marker, marker_cell_unit(marker)
                if marker_unit is not None or value_unit is not None:
                    given = ((("marker", written), marker_unit),
                             (("header", value_column), value_unit))  # fmt: skip
                    row_unit, conflict = _row_unit(value, unit, given, stats)
                    if conflict is not None:
                        column = value_column if unit is None else header[layout.roles["unit"]]
                        yield Issue(code="unit-conflict", source=source, line=line, column=column,
                                    **row_for(cells, marker), message=conflict)  # fmt: skip
                        continue
                    unit = row_unit
                if (
                    spills
                    and spilled_decimals(value, cells[i_value + 1])
                    and i_value not in stats.numbers_beside
                    and not _as_wide_as_written(cells, count, width, layout, i_value, i_value + 1)
                ):
                    stats.splits_said.add(i_value)
                    said = comma_split_message(
                        value, cells[i_value + 1], _column_said(header, i_value + 1)
                    )
                    yield Issue(
                        code="value-split-by-comma", source=source, line=line,
                        column=value_column, message=said, **row_for(cells, marker),
                    )  # fmt: skip
                    continue
                printed = (
                    printed_range(cells, roles, range_unit)
                    if range_limits or range_unit
                    else cells[i_range_or_pad]
                )
                if written != marker and (bracketed := _marker_cell_range(written)):
                    if not printed.strip() or is_no_value_mark(printed):
                        # its marker cell's range, where the range cell gives none ('-': review)
                        printed = bracketed[2]
                    elif _ranges_disagree(bracketed[2], printed, stats.decimal_comma):
                        # review 53b: the range cell's was used with no word
                        yield Issue(
                            code="range-disagrees", severity="warning", source=source,
                            line=line, column=(
                                header[i_range_or_pad] if i_range_or_pad < width else None
                            ),
                            message=f"{shorten(marker or written)}: the range in the marker "
                            f"cell '{shorten(written)}' differs from the range cell's "
                            f"'{shorten(printed)}'; the range cell's was used",
                            **row_for(cells, marker),
                        )  # fmt: skip
                stats.measurements += 1
                # `whose`, written out (a row's work on this path is a few calls)
                sample_id, patient_id = (
                    given_id(cells[i_sample_or_pad]),
                    given_id(cells[i_patient_or_pad]),
                )
                name = None
                if i_stand_in is not None:
                    name = given_id(cells[i_stand_in]) or ""
                    if patient_id is None and (sample_id is None or where_no_id):
                        patient_id = name or None
                if flag_warning is not None and (
                    stats.decimal_comma or not (unit and unit.isdigit())
                ):  # a bare number as the unit: a split value, refused as judged (review)
                    yield flag_warning
                yield make(Measurement, (  # type: ignore[call-overload]
                    source, line, value_column, marker, value, unit, sample_id, patient_id,
                    given_date(cells[i_when_or_pad]),
                    cells[i_sex_or_pad].strip() or None, cells[i_age_or_pad].strip() or None,
                    cells[i_birth_or_pad].strip() or None, printed.strip() or None, detection,
                    flag_as_written, name, critical_of(cells) if critical_of else None,
                    commented[1],  # this row's (None without a comment column)
                    fluid_of(cells, fluid_at) if fluid_at else None, qc_code,
                    assay_limits_of(cells) if assay_limits_of else None,
                ))  # fmt: skip
                continue
            sample_id, patient_id = row_ids(cells, layout)
            name = row_name(cells, layout)
            when = given_date(cell(cells, i_when) or "")
            sex, age = cell(cells, i_sex), cell(cells, i_age)
            birth = cell(cells, i_birth)
            if sample_id is None:  # wide without an id (no column, or a blank cell, as Bio-Plex
                sample_id = named_by_line(line)  # leaves standards): one row is one sample
            row_unit = cell(cells, i_unit)  # a 'Unit' column: the unit of the row's values
            comment = commented[1]  # this row's, read at its start
            produced = False
            blanks = 0  # counted for `cells-blank` only in a row that has values (QA: a row with
            # none was refused and its cells were also said to be read as 'not measured')
            marks: list[str] = []  # the row's marks for a cell left empty ('-', 'n/a')
            # Marker columns the row stops before: a row cut off, not cells left blank (QA: they
            # were counted as 'not measured' without a word), so said of the row, by name.
            cut = [i for i in layout.markers if i >= count] if count < width else []
            columns: Iterable[tuple[int, tuple[str, str | None]]] = layout.markers.items()
            stand_ins = layout.stand_ins
            beside_a_mean: set[int] = set()  # replicate cells not counted as left blank
            if stand_ins:
                means = [index for index in stand_ins if not _left_empty(cell(cells, index))]
                columns = _means_after_replicates(layout, means)
                # replicate cells all blank beside a mean are no marker left unmeasured: it is read
                beside_a_mean = {
                    r for index in means
                    if all(_left_empty(cell(cells, r)) for r in stand_ins[index])
                    for r in stand_ins[index]
                }  # fmt: skip
                blanks -= sum(r < count for r in beside_a_mean)
            if cut and any(cell(cells, i) is not None for i in layout.markers):
                yield Issue(
                    severity="warning", code="row-too-few-cells", source=source, line=line,
                    sample_id=sample_id, patient_id=patient_id, collected_at=when,
                    message=f"row has {count} cells but the header has {width}; it ends before "
                    f"the {_columns_of(layout, cut)}, which {'give' if len(cut) > 1 else 'gives'} "
                    "no result for it (was the row cut off?)",
                )  # fmt: skip
            replicate = cell(cells, i_replicate) if i_replicate is not None else None
            for index, (marker, _) in columns:
                if replicate is not None:  # as a long row's ('IL-6 CV%' is no result)
                    marker = with_replicate(marker, replicate)
                value = marked = cell(cells, index)
                if value is not None and _left_empty(value):
                    value = None  # as a blank cell (`_NO_VALUE_MARKS`)
                own = layout.companions.get(index) if layout.companions else None
                i_own_status = own.get("result_status") if own else None
                if i_own_status is not None:  # QA: 'TNF-α Status' X (cancelled) was judged
                    status_said = _own_status_said(
                        cell(cells, i_own_status), value, header[i_own_status], (source, line),
                        {"sample_id": sample_id, "patient_id": patient_id, "collected_at": when,
                         "marker": marker},
                    )  # fmt: skip
                    if status_said is not None:
                        produced = True
                        yield status_said
                        if status_said.code == "result-not-given":
                            stats.skipped += 1
                            continue
                if value is None:
                    i_own_flag = own.get("lab_flag") if own else None
                    flag = cell(cells, i_own_flag) if i_own_flag is not None else None
                    if flag is not None and is_no_value_mark(flag):  # dashes too (`is_no_flag`)
                        flag = None  # '-' or 'n/a': no flag (review: '-' beside '-' refused)
                    if i_own_flag is not None and flag is not None:
                        produced = True  # review: a flag beside no value was only 'blank'
                        empty = f"'{shorten(marked)}' (no value)" if marked else "empty"
                        yield Issue(
                            code="value-missing", source=source, line=line,
                            column=column_of[index], sample_id=sample_id, patient_id=patient_id,
                            collected_at=when, marker=marker,
                            message=f"value is {empty}, but '{shorten(header[i_own_flag])}' "
                            f"flags it '{shorten(flag)}'",
                        )  # fmt: skip
                        continue
                    blanks += index < count  # a cell past the row's end is no blank one
                    if marked is not None and marked not in marks and index not in beside_a_mean:
                        marks.append(marked)  # only of cells counted (review)
                    continue
                produced = True
                no_result = None if value[:1].isdigit() else value_says_no_result(value)
                if no_result is not None:  # as in a long file
                    stats.skipped += 1
                    yield _no_result_given(source, line, column_of[index], value, no_result, {
                        "sample_id": sample_id, "patient_id": patient_id, "collected_at": when,
                        "marker": marker,
                    })  # fmt: skip
                    continue
                if index in layout.refused:
                    yield Issue(code="unit-conflict", source=source, line=line,
                                column=column_of[index], sample_id=sample_id, patient_id=patient_id,
                                collected_at=when, marker=marker,
                                message=layout.refused[index])  # fmt: skip
                    continue
                after = spills.get(index) if spills else None
                if (
                    after is not None
                    and spilled_decimals(value, cell(cells, after))
                    and index not in stats.numbers_beside
                    and not _as_wide_as_written(cells, count, width, layout, index, after)
                ):
                    stats.splits_said.add(index)
                    yield Issue(
                        code="value-split-by-comma", source=source, line=line,
                        column=column_of[index], sample_id=sample_id, patient_id=patient_id,
                        collected_at=when, marker=marker, message=comma_split_message(
                            value, cells[after], _column_said(header, after)
                        ),
                    )  # fmt: skip
                    continue
                unit = wide_units.get(index)
                given_unit, unit_column = row_unit, "the unit column"
                if own is not None and "unit" in own:
                    given_unit = cell(cells, own["unit"]) or row_unit
                    unit_column = f"'{shorten(header[own['unit']])}'"
                if given_unit is not None and unit is not None and not same_unit(unit, given_unit):
                    yield Issue(
                        code="unit-conflict", source=source, line=line, column=column_of[index],
                        sample_id=sample_id, patient_id=patient_id, collected_at=when,
                        marker=marker,
                        message=f"the header gives '{shorten(unit)}' but {unit_column} says "
                        f"'{shorten(given_unit)}'; {how_far_apart(unit, given_unit)}",
                    )  # fmt: skip
                    continue
                # the row's own range column, else a range row's (`_wide_range`)
                own_range = (
                    _wide_range(cells, layout, index) or None
                    if own is not None or layout.range_row or layout.words_after_unit
                    else None
                )
                own_flag = qc_code = None
                if own is not None:
                    flag = cell(cells, own["lab_flag"]) if "lab_flag" in own else None
                    if flag is not None:
                        value, own_flag, refused = _with_sign_and_flag(
                            value, None, flag, stats.decimal_comma
                        )
                        if refused is not None:
                            if refused[1] == "flag-unreadable":
                                qc_code = qc_code_in(flag)  # not judged (`Measurement.qc_code`)
                            yield Issue(
                                severity="warning" if value else "error", code=refused[1],
                                source=source, line=line, column=header[own["lab_flag"]],
                                sample_id=sample_id, patient_id=patient_id, collected_at=when,
                                marker=marker, message=refused[2],
                            )  # fmt: skip
                            if not value:
                                continue
                stats.measurements += 1
                # the marker's own comment, then the row's
                own_comment = (
                    comment_of(cell(cells, own["comment"])) if own and "comment" in own else None
                )
                yield Measurement(
                    source, line, column_of[index], marker, value, unit or given_unit, sample_id,
                    patient_id, when, sex, age, birth, own_range, None, own_flag, name, None,
                    "; ".join(filter(None, (own_comment, comment))) or None,
                    fluid_of(cells, fluid_at) if fluid_at else None, qc_code,
                )  # fmt: skip
            if (
                not produced
                and redcap_ids is not None
                and not cell(cells, layout.redcap_form)  # (a form's blank row is refused)
                and not any(text.strip() for i, text in enumerate(cells) if i not in redcap_ids)
            ):
                continue  # said in the form column's warning (a row with more is refused: review)
            if not produced:
                # Its sample, if the row names one, is still known: its panel says so (QA).
                short = f" (row has {count} of {width} cells)" if cut else ""
                yield Issue(code="row-no-values", source=source, line=line,
                            **row_for(cells, None),
                            message=f"row has no marker values{short}")  # fmt: skip
            elif blanks:
                stats.blank_cells = stats.blank_cells.then(
                    BlankCells(blanks, line, tuple(marks[: MARKS_SAID + 1]))
                )

    if i_comment is None:
        return read

    def with_its_comment(rows: Iterable[NumberedRow]) -> Iterator[Measurement | Issue]:
        """`read`, a row's refusal or its 'no result' quoting the lab's comment on it, which
        no result's note can keep (review: lost where it mattered most)."""
        for event in read(rows):
            if (
                type(event) is Issue
                and commented[1] is not None
                and event.line == commented[0]
                # a control's row too (lab QA: its 'QC out of range - run rejected' was lost)
                and (event.severity == "error" or event.code in _COMMENT_QUOTED)
                and event.code != "value-split-by-comma"  # decimals under it: no comment
            ):
                said = f" ({comment_said(commented[1], 200)})"
                update = {"message": event.message + said, "lab_comment": commented[1]}
                event = event.model_copy(update=update)
            yield event

    return with_its_comment


#: The warnings about a row that quote the lab's comment on it, as its refusal does
_COMMENT_QUOTED = frozenset({"result-not-given", "control-skipped"})


def _columns_of(layout: Layout, columns: Sequence[int]) -> str:
    """'column of IL-8', 'columns of IL-8, IFN-γ and IL-2': the markers of wide `columns`, each
    once, the first few by name (a row cut off early may miss dozens)."""
    names = list(dict.fromkeys(shorten(layout.markers[i][0]) for i in columns))
    if len(names) > 5:
        names = [*names[:4], f"{len(names) - 4} more"]
    listed = words_joined(names)
    return f"{'column' if len(columns) == 1 else 'columns'} of {listed}"


def _left_empty(value: str | None) -> bool:
    """Whether a wide file's marker cell is blank, or marked as left so ('-', 'n/a')."""
    return value is None or (not value[:1].isdigit() and is_no_value_mark(value))


def _means_after_replicates(
    layout: Layout, means: list[int]
) -> list[tuple[int, tuple[str, str | None]]]:
    """A wide row's marker columns, each of its `means` (columns of `Layout.stand_ins` whose
    cells are not blank) just after the last of its replicate columns, and the other means left
    out: the interpreter judges a mean only where none of them gave a result (blank, 'N/A', or
    refused)."""
    after: dict[int, list[int]] = {}
    for index in means:
        after.setdefault(max(layout.stand_ins[index]), []).append(index)
    columns = []
    for index, column in layout.markers.items():
        if index not in layout.stand_ins:
            columns.append((index, column))
            columns.extend((mean, layout.markers[mean]) for mean in after.get(index, ()))
    return columns


#: What gives a long row a unit besides its unit cell: ('marker', its cell) or ('header', the
#: value column's name); put in words only for a conflict (rows without one are most).
_Giver = tuple[str, str]


def _giver_said(giver: _Giver) -> str:
    """ "the marker 'IL-6 (pg/mL)'", "the header 'Result (ng/mL)'"."""
    return f"the {giver[0]} '{shorten(giver[1])}'"


def _header_unit_conflict(
    value: str, unit: str | None, header_unit: str, gives: _Giver, whose: _Giver | None,
    stats: ReadStats,
) -> str | None:  # fmt: skip
    """Why a long row's unit cannot be the one the value column's header ('Concentration
    (pg/mL)') or the marker cell ('IL-6 (pg/mL)') `gives`, if it cannot: the row's `unit`
    (which `whose` gave, or the unit column where None), or else the value's own ('12
    ng/mL'), is another."""
    if unit is not None:
        if same_unit(unit, header_unit) or unit.isdigit():
            return None  # digits: no unit, but a number split by a comma (said when judged)
        said = unit
        says = "the unit column says" if whose is None else f"{_giver_said(whose)} gives"
    else:
        written = _read_as_written(value, stats.decimal_comma)
        if written is None or written.unit is None or same_unit(written.unit, header_unit):
            return None  # a value panelcli cannot read is refused when it is judged
        said, says = written.unit, f"the value '{shorten(value.strip())}' says"
    return (
        f"{_giver_said(gives)} gives '{shorten(header_unit)}' but {says} '{shorten(said)}'; "
        f"{how_far_apart(header_unit, said)}"
    )


def _row_unit(
    value: str, unit: str | None, given: tuple[tuple[_Giver, str | None], ...], stats: ReadStats
) -> tuple[str | None, str | None]:
    """A long row's unit: its unit cell's, or else the first that its marker cell or value
    column's header gives (`given`: what gives it, and the unit); or None and why they cannot
    all be one unit."""
    whose: _Giver | None = None  # the unit column's
    for gives, header_unit in given:
        if header_unit is None:
            continue
        conflict = _header_unit_conflict(value, unit, header_unit, gives, whose, stats)
        if conflict is not None:
            return None, conflict
        if unit is None:
            unit, whose = header_unit, gives
    return unit, None


@functools.lru_cache(maxsize=4096)  # markers repeat down a file
def marker_cell_unit(cell: str) -> tuple[str, str | None]:
    """A long row's marker cell as name and unit, as a wide header is read ('IL-6 (pg/mL)');
    the unit only where it is one panelcli knows (not the '"https://…"' of '=HYPERLINK(…)')."""
    name, unit = split_header_unit(cell)
    if unit is None and (ranged := _marker_cell_range(cell)) is not None:
        return ranged[0], ranged[1]  # 'IL-6 (pg/mL) [0-7.0]': its range is read as the row's
    if unit is None or not known_unit(unit):
        return cell, None
    words = instrument_name(cell)
    if words is not None and words.not_a_value:  # 'IL-1β (FI)': a figure, skipped (QA: it
        return cell, None  # was refused as a unit-conflict beside the unit column's pg/mL)
    return name, unit


@functools.lru_cache(maxsize=4096)  # asked of a row's marker cell by two steps (and rows repeat)
def _marker_cell_range(cell: str) -> tuple[str, str, str] | None:
    """A long row's marker cell that gives a unit and the lab's range after it in brackets
    ('IL-6 (pg/mL) [0-7.0]', 'IL-8 pg/mL (0-62)'): the name, the unit and the range in that
    unit; None for any other (lab QA round 10: 'no reference range', its unit 'missing')."""
    after = words_after_unit(cell) if "(" in cell or "[" in cell else None
    if after is None or not known_unit(after[1]):
        return None
    name, unit, words = after
    printed = _bracketed_range(words, unit)
    return (name, unit, printed) if printed else None


def _ranges_disagree(bracketed: str, printed: str, decimal_comma: bool) -> bool:
    """Whether a marker cell's range and the range cell's give other limits in one unit (not
    only '<' for '≤', which labs write loosely)."""
    one, other = parse_lab_range(bracketed), parse_lab_range(printed, decimal_comma)
    if one is None or other is None or other.unit not in (None, one.unit):
        return False
    # a low of 0 is none for a concentration: '[0-7.0]' and '<7.0' agree (review 54)
    return (one.low or None, one.high) != (other.low or None, other.high)


def _lines_text(first: int, last: int) -> str:
    """'line 3 was' or 'lines 3-5 were', as a message says it."""
    return f"line {first} was" if first == last else f"lines {first}-{last} were"


def _header_glued(cells: list[str], header: Sequence[str]) -> str | None:
    """The row's own last cell where the header follows it on the same line ('pg/mL' of
    'pg/mLSample ID,Patient ID,…'), else None."""
    width = len(header)
    if width < 2 or len(cells) < 2 * width - 1:
        return None
    start = len(cells) - width  # the cell that ends with the header's first name
    first = header[0].strip().casefold()
    if not first or not cells[start].strip().casefold().endswith(first):
        return None
    if [c.strip().casefold() for c in cells[start + 1 :]] != [
        h.strip().casefold() for h in header[1:]
    ]:
        return None
    return cells[start].strip()[: -len(first)].rstrip("\ufeff") or None


def _swallowed_rows(
    cells: list[str], delimiter: str, width: int, marker: int, value: int
) -> list[tuple[int, list[str]]]:
    """The lines after its first that a long row's cell holds and that are rows, each with
    how many lines below the row's first it is: as wide as the header, a marker panelcli knows
    where the marker goes and a value where the value goes ('26-4702,IL-6,<2,pg/mL'); rows
    swallowed by an open quote, not a note's line breaks (reviews: notes listing 'IL-8, TNF-a,
    IL-10', '2, 10, 100' or '2 h, 4 h' are none)."""
    found: list[tuple[int, list[str]]] = []
    below = 0  # line breaks in the cells before this one
    for cell in cells:
        if "\n" not in cell and "\r" not in cell:
            continue
        lines = cell.splitlines()
        for at, piece in enumerate(lines[1:], below + 1):
            if piece.count(delimiter) < width - 1:
                continue
            try:
                row = next(csv.reader([piece], delimiter=delimiter))
            except (csv.Error, StopIteration):
                continue
            if len(row) < width or not _names_a_marker_here(row[marker], delimiter):
                continue
            try:
                parse_value(row[value], decimal_comma=delimiter != ",")
            except ValueProblem:
                continue
            found.append((at, row))
        below += len(lines) - 1
    return found


def _names_a_marker_here(cell: str, delimiter: str) -> bool:
    """Whether a swallowed line's marker cell reads as a marker's name: one panelcli knows, or
    a short name of letters and digits that is no value (fourth review: 'hIL-6', 'Serum IL-6',
    a lab's MCP-1 beside its range were missed; a note's 'pre-dose' and '4 h' are none)."""
    name = cell.strip()
    # a cytokine's name panelcli's set may lack ('VEGF', 'G-CSF': fuzzing round 16, missed)
    if _names_a_marker(name) or looks_like_a_cytokine(name):
        return True
    has_digit = any(char.isdecimal() for char in name)
    if not (_WORDS.search(name) and has_digit) or len(name.split()) > 4:
        return False
    try:
        parse_value(name, decimal_comma=delimiter != ",")
    except ValueProblem:
        return len(name) <= 40
    return False


def _holds_rows(cells: list[str], delimiter: str) -> bool:
    """Whether a cell holds a line break and the delimiter: rows swallowed by an open quote."""
    return any(("\n" in cell or "\r" in cell) and delimiter in cell for cell in cells)


def _rows(reader: Iterator[list[str]], source: str) -> Iterator[list[str] | csv.Error]:
    """The reader's rows; a row the csv module cannot parse comes out as its error, in place."""
    while True:
        start = getattr(reader, "line_num", 0) + 1  # the row's first line
        try:
            yield next(reader)
        except StopIteration:
            return
        except csv.Error as exc:
            yield _row_error(exc, source, start, getattr(reader, "line_num", 0))


def _row_error(error: csv.Error, source: str, start: int, line: int) -> csv.Error:
    """A row's csv error, to report in its place; a runaway value stops the file (InputError)
    naming the lines from its row's `start` to `line` (QA: only the line it ran to, 29,000
    lines after the stray quote)."""
    if "field limit" not in str(error):
        return error
    where = f"from line {start} to line {line}" if 0 < start < line else f"reaching line {line}"
    raise InputError(
        f"{source}: a value {where} is longer than "
        f'{csv.field_size_limit():,} characters (is a quote (") never closed?); '
        "raise the limit with --max-line-length; its row and every line after it were not read",
        line=start if 0 < start <= line else None,
    ) from None


def _broken_row(source: str, line: int, last_line: int, error: csv.Error, delimiter: str) -> Issue:
    """The rejection for a row with broken quoting: name the lines, quote no data."""
    if "end of data" in str(error):
        lines = f"lines {line}-{last_line}" if last_line > line else f"line {line}"
        return Issue(
            code="row-quote-unclosed", source=source, line=line,
            message=f"a quote (\") opened in this row is never closed, so {lines} could not be "
            "read; close or remove the stray quote",
        )  # fmt: skip
    lost = f"; lines {line}-{last_line} could not be read" if last_line > line else ""
    return Issue(
        code="row-quote-stray", source=source, line=line,
        message="a quoted value is followed by more text before the next "
        f"'{visible(delimiter)}' (a stray quote (\")?){lost}",
    )  # fmt: skip


def describe_source(source: str) -> str:
    return "standard input" if source == STDIN else os.fspath(source)
