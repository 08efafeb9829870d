"""Extraction layer: a page -> raw fields (extractor, link lists, HTML parsing), then normalised fields
(dates, text, processing). Pure functions of their input; no network, no store."""
