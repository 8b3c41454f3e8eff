"""modules.listings.templates"""
