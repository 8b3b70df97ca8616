"""mfa-releases: diplomatic press releases as validated, versioned tables."""

__version__ = "0.1.0"
