"""The dataset card (README.md of the release tree), generated from the contract and the manifest.

Never edit a published card by hand: everything in it comes from the schemas (column tables), the
MANIFEST (version, row counts), seeds/sources.yaml (sources) and the diff (changelog).
"""

from __future__ import annotations

import yaml

from mfa_releases.schemas import TABLES, describe

DATASET_NAME = "kz-mfa-releases"
PRETTY_NAME = "MFA press releases: meetings, participants and commitments"
LICENSE = "cc-by-4.0"
LANGUAGE_ORDER = ["ru", "en", "kk"]

SUMMARIES = {
    "documents": "one row per press release: source, URL, date, language, title and normalized text",
    "meetings": "one row per encounter between named people (meeting, talks, call, consultations)",
    "participants": "named people taking part in a meeting, with role, organisation and country",
    "commitments": "forward-looking undertakings (agreements, invitations, planned events, support)",
}


def size_category(n: int) -> str:
    """Hugging Face `size_categories` bucket for a row count."""
    bounds = [(1_000, "n<1K"), (10_000, "1K<n<10K"), (100_000, "10K<n<100K"),
              (1_000_000, "100K<n<1M"), (10_000_000, "1M<n<10M")]
    for bound, label in bounds:
        if n < bound:
            return label
    return "n>10M"


def front_matter(manifest: dict, languages: list[str]) -> dict:
    """The YAML header: Hub metadata and one `configs` entry per table, each carrying the version.

    `datasets` uses a config's `version` as a folder of its cache (`<name>/<config>/<version>/<hash>`),
    so rows cached for one release are never served for another.
    """
    version = manifest["version"]
    documents = manifest["tables"].get("documents", {}).get("rows", 0)
    ordered = [lang for lang in LANGUAGE_ORDER if lang in languages] or LANGUAGE_ORDER[:2]
    configs = []
    for name in manifest["tables"]:
        config = {
            "config_name": name,
            "data_files": [{"split": "train", "path": f"data/{name}/*.parquet"}],
            "version": version,
        }
        if name == "documents":
            config["default"] = True
        configs.append(config)
    return {
        "license": LICENSE,
        "language": ordered,
        "multilinguality": "multilingual" if len(ordered) > 1 else "monolingual",
        "pretty_name": PRETTY_NAME,
        "size_categories": [size_category(documents)],
        "source_datasets": ["original"],
        "annotations_creators": ["machine-generated", "expert-generated"],
        "task_categories": ["token-classification", "text-classification"],
        "task_ids": ["named-entity-recognition"],
        "tags": ["diplomacy", "international-relations", "press-releases", "information-extraction",
                 "event-extraction", "kazakhstan"],
        "configs": configs,
    }


def _cell(text: str) -> str:
    # `<doc_id>` would be read as an HTML tag by the Hub's Markdown renderer and vanish.
    return str(text).replace("|", "\\|").replace("\n", " ").replace("<", "&lt;").replace(">", "&gt;")


def column_table(name: str) -> str:
    """Markdown table of a table's columns, from the contract's descriptions."""
    lines = ["| column | type | nullable | description |", "|---|---|---|---|"]
    for col in describe(TABLES[name]):
        lines.append(f"| `{col['name']}` | {col['type']} | {'yes' if col['nullable'] else 'no'} "
                     f"| {_cell(col['description'])} |")
    return "\n".join(lines)


def _sources_section(sources: list[dict]) -> str:
    if not sources:
        return "No sources are listed."
    lines = []
    for source in sources:
        label = source.get("name") or source.get("id")
        url = source.get("url") or source.get("homepage")
        extra = ", ".join(f"{k}: {_cell(source[k])}" for k in ("country", "language", "licence") if source.get(k))
        text = f"- **{_cell(label)}** (`{source.get('id')}`)"
        if url:
            text += f": <{url}>"
        if extra:
            text += f" — {extra}"
        lines.append(text)
    return "\n".join(lines)


def render(manifest: dict, changelog: str, languages: list[str], sources: list[dict],
           year: int | None = None, hf_repo: str = "<org>/kz-mfa-releases") -> str:
    """The whole dataset card: YAML front matter and a Markdown body."""
    version = manifest["version"]
    header = yaml.safe_dump(front_matter(manifest, languages), sort_keys=False, allow_unicode=True)
    counts = "\n".join(
        f"| `{name}` | {info['rows']} | {SUMMARIES.get(name, '')} |" for name, info in manifest["tables"].items()
    )
    columns = "\n\n".join(f"### `{name}`\n\n{column_table(name)}" for name in manifest["tables"] if name in TABLES)
    empty = [name for name, info in manifest["tables"].items() if not info["rows"]]
    empty_note = (
        f"\n\nNo rows yet in this version: {', '.join(f'`{n}`' for n in empty)}. Their Parquet files carry the "
        "schema and no rows; `datasets` cannot load an empty split, so read those files with pyarrow or pandas."
        if empty else ""
    )
    year_line = f"  year   = {{{year}}},\n" if year else ""
    first_config = "meetings" if "meetings" in manifest["tables"] else next(iter(manifest["tables"]))
    body = f"""# {PRETTY_NAME}

**{DATASET_NAME}** {version} — diplomatic press releases (Kazakhstan's Ministry of Foreign Affairs first;
Russian, then English) turned into validated tables: who met whom, when and where, in which roles, and what
they committed to. Every extracted fact keeps its evidence: the exact span of the release text it comes
from (`documents.text[char_start:char_end]`) and whether a machine or a human produced it (`provenance`).

The tables are rebuilt from the raw releases by a reproducible pipeline (DVC), validated against the data
contract (pandera) and published as immutable versions. This card is generated; do not edit it by hand.

## Tables

| config | rows | content |
|---|---|---|
{counts}

Tables link through their ids: `meetings.doc_id` → `documents.doc_id`, `participants.meeting_id` →
`meetings.meeting_id`, `commitments.meeting_id` → `meetings.meeting_id` (nullable). Every table has a
single split, `train`.{empty_note}

## Columns

{columns}

## Sources

{_sources_section(sources)}

The release texts remain the work of their publishers and are redistributed for research; the extracted
tables are licensed {LICENSE.upper()}.

## Loading the data

```python
from datasets import load_dataset

# from the Hugging Face Hub, pinned to this version
meetings = load_dataset("{hf_repo}", "{first_config}", revision="v{version}", split="train")

# from a local hub folder (works offline with HF_HUB_OFFLINE=1)
meetings = load_dataset("hub/{DATASET_NAME}/{version}", "{first_config}", split="train")
```

Dates load as dates and lists as lists: the Parquet files carry the explicit Arrow schema of the contract.
`MANIFEST.json` lists the dataset and schema versions, row counts, the SHA-256 of every file, the git
commit of the code and a digest of `dvc.lock`.

## Versioning

Versions follow semantic versioning for data: MAJOR when a table's columns change (names, types,
nullability), MINOR when rows with new ids are added, PATCH when existing rows are corrected or removed. Ids are stable across versions, so
`mfa-releases diff OLD NEW` lists the rows added, removed and changed per table.

## Citation

```bibtex
@misc{{kz_mfa_releases_{version.replace('.', '_')},
  title  = {{{PRETTY_NAME}}},
  author = {{{{mfa-releases contributors}}}},
{year_line}  note   = {{Dataset version {version}, schema version {manifest['schema_version']}}},
  howpublished = {{\\url{{https://huggingface.co/datasets/{hf_repo}}}}}
}}
```

## Changelog

{changelog.strip()}
"""
    return f"---\n{header}---\n\n{body}"
