"""Scrapy commands of the project (COMMANDS_MODULE): `crawl` here replaces Scrapy's own."""
