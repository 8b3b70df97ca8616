"""Commitments (placeholder until the formulas land)."""


def find_commitments(ctx, drafts):
    return []
