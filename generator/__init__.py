"""explainer: turn a news article into a static explainer site."""

__version__ = "0.1.0"
# Raise when extraction output changes, so unedited explainers are extracted again.
EXTRACTOR_VERSION = "1"
