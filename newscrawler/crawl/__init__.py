"""Crawl layer: spiders generated from the site profiles, discovery, middlewares, pipelines, run records,
the in-process runner and the local mirror server."""
