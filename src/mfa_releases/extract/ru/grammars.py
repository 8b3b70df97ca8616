"""yargy grammars for the calendar formulas of Russian releases.

«16 августа», «28 февраля - 1 марта», «26-27 марта 2018 года», «в марте 2026 года», «в ноябре»,
«в марте следующего года», «в 2026 году», «2010 год». A span of years («на 2025-2026 годы») is
a period, not a date. Parsers are built once, on first use.
"""

from __future__ import annotations

from functools import cache

MONTHS = {
    "январь": 1, "февраль": 2, "март": 3, "апрель": 4, "май": 5, "июнь": 6, "июль": 7, "август": 8,
    "сентябрь": 9, "октябрь": 10, "ноябрь": 11, "декабрь": 12,
}
RELATIVE = {"этот": 0, "текущий": 0, "следующий": 1, "будущий": 1, "прошлый": -1}


@cache
def date_parser():
    """A yargy parser whose matches' facts are `Date(day, month, year, relative, period)`."""
    from yargy import Parser, and_, or_, rule
    from yargy.interpretation import fact
    from yargy.predicates import caseless, dictionary, eq, gte, in_, lte, normalized
    from yargy.predicates import type as type_

    Date = fact("Date", ["day", "month", "year", "relative", "period"])
    month = dictionary(MONTHS).interpretation(Date.month.normalized().custom(MONTHS.get))
    day = and_(type_("INT"), gte(1), lte(31)).interpretation(Date.day.custom(int))
    other_day = and_(type_("INT"), gte(1), lte(31))
    year = and_(type_("INT"), gte(1900), lte(2100)).interpretation(Date.year.custom(int))
    other_year = and_(type_("INT"), gte(1900), lte(2100))
    year_word = or_(rule(normalized("год")), rule(caseless("г"), eq(".").optional()))
    to = in_({"-", "–", "—", "и", "по"})
    relative = dictionary(RELATIVE).interpretation(Date.relative.normalized().custom(RELATIVE.get))
    period = rule(other_year, to, other_year, year_word).interpretation(Date.period.const(True))

    which_year = or_(rule(year, year_word.optional()), rule(relative, normalized("год")))
    date = or_(
        period,
        rule(day, rule(to, other_day).optional(), month, which_year.optional()),
        rule(in_({"в", "во", "на", "к", "до"}), in_({"начале", "конце", "середине"}).optional(), month,
             which_year.optional()),
        rule(month, which_year),
        rule(year, year_word),
    ).interpretation(Date)
    return Parser(date)
