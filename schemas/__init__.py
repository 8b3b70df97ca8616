"""The data contract: one pandera `DataFrameModel` per table, in publication order.

Everything else (the Arrow schema used for Parquet, validation, the dataset card's column tables,
the schema version) is derived from these models through `mfa_releases.schemas._contract`.
"""

from mfa_releases.schemas._contract import arrow_schema, describe, schema_digest
from mfa_releases.schemas.commitments import Commitments
from mfa_releases.schemas.documents import Documents
from mfa_releases.schemas.meetings import Meetings
from mfa_releases.schemas.participants import Participants

# Bump on any incompatible change to a table's columns (published as MANIFEST.json's schema_version).
SCHEMA_VERSION = "1.0.0"

TABLES = {
    "documents": Documents,
    "meetings": Meetings,
    "participants": Participants,
    "commitments": Commitments,
}

__all__ = ["TABLES", "SCHEMA_VERSION", "arrow_schema", "describe", "schema_digest",
           "Documents", "Meetings", "Participants", "Commitments"]
