"""explainer: turn a news article into a static explainer site."""

__version__ = "0.1.0"
