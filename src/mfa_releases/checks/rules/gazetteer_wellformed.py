"""gazetteer_wellformed: a gazetteer is a YAML mapping without duplicate keys, with valid values.

Gazetteers map a value (an ISO code, a normalized role…) to the surface forms that denote it. The
ones the extractors invert (surface → value) must not list a form under two values; those keyed or
valued by country must use assigned ISO 3166-1 alpha-2 codes.
"""

from __future__ import annotations

from mfa_releases.checks.base import rule
from mfa_releases.checks.yamlfile import YamlSyntaxError, compose, duplicate_keys
from mfa_releases.extract.countries import is_iso_code

# Gazetteers read as surface form → value (mfa_releases.extract.gazetteer.load_gazetteer).
INVERTED = ("countries_", "cities_", "roles_", "organizations_")
ISO_KEYS = ("countries_", "cities_", "country_names_")
ISO_VALUES = ("capitals_",)


@rule("gazetteer_wellformed", "gazetteer", "A gazetteer is a YAML mapping of value → surface form(s) without "
      "duplicate keys, empty or ambiguous forms, and with valid ISO codes.", needs=("text",))
def check(target, ctx, report):
    name = target.path.stem
    try:
        root = compose(ctx.text(target.path))
        duplicates = duplicate_keys(ctx.text(target.path))
    except YamlSyntaxError as error:
        report.error(error.line, f"The file is not valid YAML: {error.problem}.",
                     "Fix the YAML syntax: one 'value: [form, form]' per line; quote forms containing ': '.")
        return
    if root is None or root.tag != "tag:yaml.org,2002:map":
        report.error(1, "A gazetteer must be a YAML mapping (value: [surface forms]).",
                     "Write one 'value: [form, form, …]' entry per line.")
        return
    for dup in duplicates:
        report.error(dup.line, f"Key {dup.key!r} appears twice (first on line {dup.first_line}); YAML would "
                               "silently keep only the last list.",
                     f"Merge the two '{dup.key}' entries into one.")
    owner: dict[str, tuple[str, int]] = {}  # case-folded surface form → (key, line)
    for key_node, value_node in root.value:
        key, key_line = str(key_node.value), key_node.start_mark.line + 1
        if name.startswith(ISO_KEYS) and not is_iso_code(key):
            report.error(key_line, f"Key {key!r} is not an assigned ISO 3166-1 alpha-2 code.",
                         "Use the two-letter code, e.g. KZ, US, GB (python -c \"import pycountry; "
                         "print(pycountry.countries.lookup('Kazakhstan').alpha_2)\").")
        if value_node.tag == "tag:yaml.org,2002:map":
            report.error(key_line, f"The value of {key!r} is a mapping.",
                         f"Write '{key}: [form, form, …]' (a list of surface forms).")
            continue
        forms = [value_node] if value_node.tag != "tag:yaml.org,2002:seq" else value_node.value
        if not forms:
            report.error(key_line, f"{key!r} lists no surface forms.", f"Add its forms or remove the '{key}' entry.")
        seen_here: set[str] = set()
        for form_node in forms:
            line = form_node.start_mark.line + 1
            if form_node.tag == "tag:yaml.org,2002:null" or not str(form_node.value).strip():
                report.error(line, f"{key!r} has an empty surface form.", "Remove the empty item.")
                continue
            if not hasattr(form_node, "value") or not isinstance(form_node.value, str):
                report.error(line, f"{key!r} has a nested list or mapping among its forms.",
                             "List plain strings only.")
                continue
            form = form_node.value
            if name.startswith(ISO_VALUES) and not is_iso_code(form):
                report.error(line, f"{form!r} (under {key!r}) is not an assigned ISO 3166-1 alpha-2 code.",
                             "Use the two-letter country code, e.g. KZ.")
            folded = form.casefold()
            if folded in seen_here:
                report.warning(line, f"{form!r} is listed twice under {key!r}.", "Remove the repeated form.")
                continue
            seen_here.add(folded)
            if name.startswith(INVERTED) and folded in owner and owner[folded][0] != key:
                first_key, first_line = owner[folded]
                report.error(line, f"{form!r} is listed under both {first_key!r} (line {first_line}) and {key!r}: "
                                   "the extractor could not tell which one it means.",
                             "Keep the form under the one value it denotes.")
            owner.setdefault(folded, (key, line))
