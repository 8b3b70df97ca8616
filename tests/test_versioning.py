"""Semantic versions of the data and the per-table diff that decides the bump."""

from __future__ import annotations

import pyarrow as pa
import pytest

from mfa_releases.tables import to_arrow
from mfa_releases.versioning import (
    bump_version,
    diff_releases,
    next_version,
    parse_version,
    row_digests,
    schema_changes,
)


@pytest.mark.parametrize(
    "version, bump, expected",
    [
        ("1.0.0", "major", "2.0.0"),
        ("1.4.2", "major", "2.0.0"),
        ("1.4.2", "minor", "1.5.0"),
        ("1.4.2", "patch", "1.4.3"),
        ("1.9.9", "minor", "1.10.0"),
    ],
)
def test_bump_version(version, bump, expected):
    assert bump_version(version, bump) == expected


@pytest.mark.parametrize("bad", ["1.0", "v1.0.0", "01.0.0", "1.0.0-rc1", "", "latest"])
def test_parse_version_rejects_non_semver(bad):
    with pytest.raises(ValueError, match="semantic version"):
        parse_version(bad)


def test_unknown_bump_is_an_error():
    with pytest.raises(ValueError, match="unknown bump"):
        bump_version("1.0.0", "huge")


@pytest.mark.parametrize(
    "previous, computed, override, expected",
    [
        (None, None, None, "1.0.0"),        # first release
        (None, "minor", "major", "1.0.0"),  # first release ignores bumps
        ("1.2.3", None, None, "1.2.3"),     # nothing changed: same version
        ("1.2.3", "patch", None, "1.2.4"),
        ("1.2.3", "minor", None, "1.3.0"),
        ("1.2.3", "major", None, "2.0.0"),
        ("1.2.3", "patch", "major", "2.0.0"),  # the flag overrides the computed bump
        ("1.2.3", None, "patch", "1.2.4"),
    ],
)
def test_next_version(previous, computed, override, expected):
    assert next_version(previous, computed, override) == expected


def meeting(meeting_id: str, city: str = "Астана") -> dict:
    return {"meeting_id": meeting_id, "doc_id": "kz-mfa-000000000001", "kind": "meeting", "date": None,
            "city": city, "country": "KZ", "evidence": "Встреча.", "char_start": 0, "char_end": 8,
            "provenance": "machine"}


BASE = [meeting("d-m1"), meeting("d-m2")]


@pytest.mark.parametrize(
    "rows, bump, added, removed, changed",
    [
        (BASE, None, [], [], []),
        (BASE + [meeting("d-m3")], "minor", ["d-m3"], [], []),
        ([meeting("d-m1"), meeting("d-m2", city="Алматы")], "patch", [], [], ["d-m2"]),
        ([meeting("d-m1")], "patch", [], ["d-m2"], []),
        ([meeting("d-m1", city="Алматы"), meeting("d-m2"), meeting("d-m3")], "minor", ["d-m3"], [], ["d-m1"]),
    ],
    ids=["same", "added", "changed", "removed", "added-and-changed"],
)
def test_row_diff_by_stable_id(rows, bump, added, removed, changed):
    old = {"meetings": to_arrow("meetings", BASE)}
    new = {"meetings": to_arrow("meetings", rows)}
    diff = diff_releases(old, new, old_version="1.0.0")
    table = diff.tables["meetings"]
    assert (table.added, table.removed, table.changed) == (added, removed, changed)
    assert diff.bump == bump
    assert diff.is_empty == (bump is None)


def test_row_order_alone_is_not_a_change():
    old = {"meetings": to_arrow("meetings", BASE)}
    new = {"meetings": to_arrow("meetings", list(reversed(BASE)))}
    assert diff_releases(old, new, old_version="1.0.0").bump is None


def test_schema_change_is_major_even_without_row_changes():
    old_table = to_arrow("meetings", BASE)
    # The same rows with `char_start` widened to int64: an incompatible type change.
    widened = old_table.set_column(7, pa.field("char_start", pa.int64(), nullable=False),
                                   old_table.column("char_start").cast(pa.int64()))
    diff = diff_releases({"meetings": old_table}, {"meetings": widened}, old_version="1.0.0")
    assert diff.bump == "major"
    assert diff.tables["meetings"].schema_changes == ["column `char_start` type int32 → int64"]
    assert diff.tables["meetings"].changed == []


def test_schema_changes_lists_added_removed_and_nullability():
    old = pa.schema([pa.field("a", pa.string(), nullable=False), pa.field("b", pa.int32())])
    new = pa.schema([pa.field("a", pa.string(), nullable=True), pa.field("c", pa.date32())])
    assert schema_changes(old, new) == [
        "column `b` removed",
        "column `a` became nullable",
        "column `c` added (date32[day], nullable)",
    ]


def test_new_table_is_major():
    old = {"meetings": to_arrow("meetings", BASE)}
    new = {**old, "commitments": to_arrow("commitments", [])}
    diff = diff_releases(old, new, old_version="1.0.0")
    assert diff.bump == "major"
    assert diff.tables["commitments"].schema_changes == ["table added"]


def test_first_release_lists_every_row_as_added_without_a_bump():
    diff = diff_releases(None, {"meetings": to_arrow("meetings", BASE)}, new_version="1.0.0")
    assert diff.bump is None
    assert diff.tables["meetings"].added == ["d-m1", "d-m2"]
    assert diff.to_markdown().startswith("First release.")


def test_duplicate_ids_cannot_be_diffed():
    with pytest.raises(ValueError, match="duplicate meeting_id 'd-m1'"):
        row_digests(to_arrow("meetings", [meeting("d-m1"), meeting("d-m1", city="Алматы")]))


def test_changelog_entry_names_counts_and_ids():
    old = {"meetings": to_arrow("meetings", BASE)}
    new = {"meetings": to_arrow("meetings", [meeting("d-m1", city="Алматы"), meeting("d-m3")])}
    text = diff_releases(old, new, old_version="1.0.0", new_version="1.1.0").to_markdown()
    assert "Changes since 1.0.0 (minor bump)" in text
    assert "`meetings`: 2 → 2 rows; +1 added, -1 removed, ~1 changed" in text
    assert "added: `d-m3`" in text and "removed: `d-m2`" in text and "changed: `d-m1`" in text


def test_list_item_names_from_parquet_are_not_a_schema_change():
    arrow_style = pa.schema([pa.field("actors", pa.list_(pa.field("item", pa.string())), nullable=False)])
    parquet_style = pa.schema([pa.field("actors", pa.list_(pa.field("element", pa.string())), nullable=False)])
    assert schema_changes(arrow_style, parquet_style) == []
    large = pa.schema([pa.field("actors", pa.large_list(pa.string()), nullable=False)])
    assert schema_changes(arrow_style, large) == ["column `actors` type list<string> → large_list<string>"]
