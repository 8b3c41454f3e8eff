"""modules.listings.templates.listings"""
